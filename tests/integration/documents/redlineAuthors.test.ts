import { TEST_OFFICER } from '../../officer';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccordApp } from '../../../main/app';
import { revisionAuthor } from '../../../shared/documents/revisionAuthor';
import { callOk, openTestApp, tempDirectory } from '../../helpers';
import { openDocx } from './docxReader';
import { createBilingualMou } from './mouFixture';

/**
 * Each tracked change of a DOCX redline says who made it and when, from the
 * audit trail: a clause's changes carry its last edit between the two saves,
 * the front matter the newer version's save; never the moment of export.
 */
const dir = tempDirectory();
let clock = Date.parse('2026-03-01T09:00:00.000Z');
let app: AccordApp;

const at = (iso: string) => {
  clock = Date.parse(iso);
};

/** The tracked changes of a part: kind, author, date, and their text. */
function revisions(xml: string) {
  return [...xml.matchAll(/<w:(ins|del) w:id="\d+" w:author="([^"]*)" w:date="([^"]*)">([\s\S]*?)<\/w:\1>/g)].map((m) => ({
    kind: m[1]!,
    author: m[2]!,
    date: m[3]!,
    text: [...m[4]!.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((t) => t[1]).join(''),
  }));
}

beforeAll(() => {
  app = openTestApp(join(dir.path, 'a.sqlite'), () => clock);
});
afterAll(() => {
  app.close();
  dir.remove();
});

describe('DOCX redline authorship', () => {
  it('dates each change when it was made, by the officer and post that made it, from the audit trail', async () => {
    const { mouId, clauseIds } = await createBilingualMou(app);
    at('2026-03-02T09:00:00.000Z');
    const first = await callOk<{ id: string }>(app, 'mou.versions.save', { mouId, label: 'First' });
    at('2026-03-05T14:30:00.000Z');
    await callOk(app, 'records.update', {
      type: 'mouClauses',
      id: clauseIds[1],
      values: { mouId, position: 2, heading: 'Reporting', textEn: 'Each party reports within 60 days.', textAr: 'يقدم كل طرف تقريره خلال 60 يوما.', benchmarkIds: [], checkInIds: [], objectiveIds: [] },
    });
    at('2026-03-09T11:00:00.000Z');
    const second = await callOk<{ id: string }>(app, 'mou.versions.save', { mouId, label: 'Second' });
    at('2026-04-20T16:00:00.000Z'); // the export, much later
    const file = await callOk<{ bytes: Uint8Array }>(app, 'mou.documents.redline', { mouId, from: first.id, to: second.id, format: 'docx' });
    const changes = revisions(openDocx(file.bytes).xml('word/document.xml'));
    // Word's review pane names the officer who made each change, and their post.
    const post = revisionAuthor({ postName: app.context.store.post.name, officerName: TEST_OFFICER.name });
    expect(post).toBe(`${TEST_OFFICER.name} (${app.context.store.post.name})`);
    expect(changes.length).toBeGreaterThan(0);
    expect([...new Set(changes.map((change) => change.author))]).toEqual([post]);
    // The clause's words: when the clause was edited.
    const clauseChanges = changes.filter((change) => change.text === '90' || change.text === '60');
    expect(clauseChanges.map((change) => change.kind).sort()).toEqual(['del', 'ins']);
    for (const change of clauseChanges) expect(Date.parse(change.date)).toBe(Date.parse('2026-03-05T14:30:00.000Z'));
    // The version label on the front page: when the newer version was saved.
    const label = changes.find((change) => change.kind === 'ins' && change.text.includes('Second'));
    expect(label).toBeDefined();
    expect(Date.parse(label!.date)).toBe(Date.parse('2026-03-09T11:00:00.000Z'));
    expect(changes.some((change) => change.date.startsWith('2026-04-20'))).toBe(false);
  });

  it('names the officer with the post when the audit entry has one', () => {
    expect(revisionAuthor({ postName: 'Embassy Tunis' })).toBe('Embassy Tunis');
    expect(revisionAuthor({ postName: 'Embassy Tunis', officerName: 'Jane Smith' })).toBe('Jane Smith (Embassy Tunis)');
    expect(revisionAuthor({ postName: 'Embassy Tunis', officerName: '  ' })).toBe('Embassy Tunis');
  });
});
