import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type AccordApp } from '../../main/app';
import { ACCESS, contract } from '../../shared/contract';
import { errorText } from '../../shared/result';
import { startWebHost, type WebHost } from '../../main/web/server';
import { collectChanges, validateChanges } from '../../db/sync/changes';
import { addTestOfficer, callOk, sessionFor, snapshotDatabase, tempDirectory, TEST_OFFICER } from '../helpers';
import { exportFrom, importInto, openPost, trustAll } from '../sync/support';

const dir = tempDirectory();
afterAll(() => dir.remove());
let n = 0;
const freshPath = () => join(dir.path, `officers-${n++}.sqlite`);

/** An app with no default session: every call says which officer it carries, as a host would. */
function bareApp(): AccordApp {
  return openApp({ databasePath: freshPath() });
}

describe('officers at the gate', () => {
  let app: AccordApp;
  let editor: string;
  let reader: string;
  beforeEach(() => {
    app = bareApp();
    editor = sessionFor(app, addTestOfficer(app, 'Dana Reyes', 'editor', 'dana passphrase'));
    reader = sessionFor(app, addTestOfficer(app, 'Sam Cole', 'read-only', 'sam passphrase'));
  });
  afterEach(() => app.close());

  it('declares every method of the contract as open, read or write', () => {
    expect(Object.keys(ACCESS).sort()).toEqual(Object.keys(contract).sort());
    expect(ACCESS['records.create']).toBe('write');
    expect(ACCESS['records.list']).toBe('read');
    expect(ACCESS['session.signIn']).toBe('open');
  });

  it('records the officer beside the post in every audit entry and logged change', async () => {
    const created = (await app.call('records.create', { type: 'partners', values: { name: 'Tunisia', isoCode: 'TN' } }, editor)) as { ok: true; value: { id: string } };
    expect(created.ok).toBe(true);
    const id = created.value.id;
    await app.call('records.update', { type: 'partners', id, values: { name: 'Republic of Tunisia', isoCode: 'TN' } }, editor);
    const audit = (await app.call('records.audit', { type: 'partners', id }, reader)) as { ok: true; value: { action: string; officerName: string | null; officerId: string | null; postName: string }[] };
    expect(audit.value.map((entry) => [entry.action, entry.officerName])).toEqual([
      ['create', 'Dana Reyes'],
      ['update', 'Dana Reyes'],
    ]);
    expect(audit.value[0]!.officerId).toMatch(/^[0-9a-f-]{36}$/);
    const changes = collectChanges(app.context.store.db, null).filter(([, rowId]) => rowId === id);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) expect(change[8]).toEqual({ id: audit.value[0]!.officerId, name: 'Dana Reyes' });
  });

  it('refuses every write of a read-only officer in the officer’s language, and writes nothing', async () => {
    const before = snapshotDatabase(app);
    const refused = await app.call('records.create', { type: 'partners', values: { name: 'Morocco', isoCode: 'MA' } }, reader);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: 'officers.readOnly', params: { name: 'Sam Cole' }, details: { reason: 'read-only' } } });
    if (refused.ok) return;
    expect(errorText(refused.error, 'en')).toBe('Sam Cole is a read-only officer: only an editor may make this change.');
    expect(errorText(refused.error, 'ar')).toContain('للاطلاع فقط');
    for (const [method, input] of [
      ['officers.create', { name: 'Eve', role: 'editor', passphrase: 'eve passphrase' }],
      ['sync.setup', { name: 'Renamed post' }],
      ['seed.run', {}],
      ['records.delete', { type: 'partners', id: 'x' }],
    ] as const) {
      expect(await app.call(method, input, reader), method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(snapshotDatabase(app)).toBe(before);
    // Reads are open to a read-only officer.
    expect(await app.call('records.list', { type: 'partners' }, reader)).toMatchObject({ ok: true });
  });

  it('refuses reads and writes with no session, or a token it never issued', async () => {
    const before = snapshotDatabase(app);
    for (const token of [null, 'f'.repeat(64)]) {
      expect(await app.call('records.list', { type: 'partners' }, token)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', key: 'officers.signInNeeded', details: { reason: 'sign-in' } } });
      expect(await app.call('records.create', { type: 'partners', values: { name: 'Libya' } }, token)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(snapshotDatabase(app)).toBe(before);
    // What the sign-in screen needs is open: names only.
    const current = await callOk<{ officer: unknown; officers: { name: string }[] }>(app, 'session.current', {});
    expect(current.officer).toBeNull();
    expect(current.officers.map((o) => o.name)).toEqual(['Dana Reyes', 'Sam Cole']);
    expect(JSON.stringify(current)).not.toMatch(/passphrase|salt|hash/i);
  });

  it('signs in with the right passphrase only, never storing it', async () => {
    const wrong = await app.call('session.signIn', { officer: 'Dana Reyes', passphrase: 'not it at all' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', key: 'officers.wrongPassphrase' } });
    expect(await app.call('session.signIn', { officer: 'Nobody', passphrase: 'dana passphrase' })).toMatchObject({ ok: false, error: { key: 'officers.wrongPassphrase' } });
    const right = await callOk<{ officer: { name: string; role: string }; sessionToken: string }>(app, 'session.signIn', { officer: 'dana reyes', passphrase: 'dana passphrase' });
    expect(right.officer).toMatchObject({ name: 'Dana Reyes', role: 'editor' });
    expect(await app.call('records.list', { type: 'partners' }, right.sessionToken)).toMatchObject({ ok: true });
    expect(snapshotDatabase(app)).not.toContain('dana passphrase');
    // Signing out ends the session.
    await app.call('session.signOut', {}, right.sessionToken);
    expect(await app.call('records.list', { type: 'partners' }, right.sessionToken)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('a locked session accepts nothing until its passphrase unlocks it', async () => {
    expect(await app.call('session.lock', {}, editor)).toMatchObject({ ok: true });
    expect(await app.call('records.list', { type: 'partners' }, editor)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', key: 'officers.locked', details: { reason: 'locked' } } });
    expect(await app.call('session.current', {}, editor)).toMatchObject({ ok: true, value: { locked: true, officer: { name: 'Dana Reyes' } } });
    expect(await app.call('session.unlock', { passphrase: 'wrong passphrase' }, editor)).toMatchObject({ ok: false, error: { key: 'officers.wrongPassphrase' } });
    expect(await app.call('session.unlock', { passphrase: 'dana passphrase' }, editor)).toMatchObject({ ok: true });
    expect(await app.call('records.list', { type: 'partners' }, editor)).toMatchObject({ ok: true });
  });

  it('lets an editor add officers, change roles and reset passphrases, but never remove the last editor', async () => {
    const added = await callOk<{ id: string; role: string }>({ ...app, call: (m: string, i: unknown) => app.call(m, i, editor) } as AccordApp, 'officers.create', { name: 'Lee Park', role: 'read-only', passphrase: 'lee passphrase' });
    expect(added.role).toBe('read-only');
    expect(await app.call('officers.create', { name: 'lee park', role: 'editor', passphrase: 'another one' }, editor)).toMatchObject({ ok: false, error: { code: 'VALIDATION', key: 'officers.duplicateName' } });
    expect(await app.call('officers.create', { name: 'Short', role: 'editor', passphrase: 'short' }, editor)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const dana = (await callOk<{ id: string; name: string }[]>({ ...app, call: (m: string, i: unknown) => app.call(m, i, editor) } as AccordApp, 'officers.list', {})).find((o) => o.name === 'Dana Reyes')!;
    expect(await app.call('officers.update', { id: dana.id, role: 'read-only' }, editor)).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'officers.lastEditor' } });
    // A reset passphrase works at once and signs the officer out elsewhere.
    const lee = await callOk<{ sessionToken: string }>(app, 'session.signIn', { officer: 'Lee Park', passphrase: 'lee passphrase' });
    expect(await app.call('officers.update', { id: added.id, role: 'editor', passphrase: 'lee new passphrase' }, editor)).toMatchObject({ ok: true, value: { role: 'editor' } });
    expect(await app.call('records.list', { type: 'partners' }, lee.sessionToken)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await app.call('session.signIn', { officer: 'Lee Park', passphrase: 'lee passphrase' })).toMatchObject({ ok: false });
    expect(await app.call('session.signIn', { officer: 'Lee Park', passphrase: 'lee new passphrase' })).toMatchObject({ ok: true });
    // A role change holds from the next call.
    expect(await app.call('officers.update', { id: dana.id, role: 'read-only' }, editor)).toMatchObject({ ok: true });
    expect(await app.call('records.create', { type: 'partners', values: { name: 'Egypt' } }, editor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the first officer', () => {
  it('is created once, as an editor, and signed in', async () => {
    const app = bareApp();
    try {
      expect(await callOk(app, 'session.current', {})).toMatchObject({ needsFirstOfficer: true, officer: null });
      const first = await callOk<{ officer: { role: string }; sessionToken: string }>(app, 'officers.first', { name: 'Dana Reyes', passphrase: 'dana passphrase' });
      expect(first.officer.role).toBe('editor');
      expect(await app.call('records.create', { type: 'partners', values: { name: 'Tunisia' } }, first.sessionToken)).toMatchObject({ ok: true });
      expect(await app.call('officers.first', { name: 'Mallory', passphrase: 'mallory passphrase' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'officers.alreadySetUp' } });
      // No OS account outside the desktop shell.
      expect(await app.call('session.signInOs', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', key: 'officers.noOsAccount' } });
    } finally {
      app.close();
    }
  });

  it('in the desktop shell, signs in as the officer mapped to the OS account', async () => {
    const app = bareApp();
    try {
      app.context.osUser = 'dreyes';
      await callOk(app, 'officers.first', { name: 'Dana Reyes', passphrase: 'dana passphrase', useOsAccount: true });
      expect(await callOk(app, 'session.current', {})).toMatchObject({ osUser: 'dreyes', osOfficer: { name: 'Dana Reyes' } });
      const os = await callOk<{ officer: { name: string; osUser: string } }>(app, 'session.signInOs', {});
      expect(os.officer).toMatchObject({ name: 'Dana Reyes', osUser: 'dreyes' });
      app.context.osUser = 'someone-else';
      expect(await app.call('session.signInOs', {})).toMatchObject({ ok: false, error: { key: 'officers.noOsAccount' } });
    } finally {
      app.close();
    }
  });
});

describe('browser mode', () => {
  let app: AccordApp;
  let host: WebHost;
  beforeEach(async () => {
    app = bareApp();
    addTestOfficer(app, 'Dana Reyes', 'editor', 'dana passphrase');
    host = await startWebHost({ call: app.call, sessionActive: (token) => app.context.sessions.isActive(token), staticDir: join(dir.path, 'no-pages') });
  });
  afterEach(async () => {
    await host.close();
    app.close();
  });
  const post = (method: string, body: unknown, cookie?: string) =>
    fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify(body),
    });

  it('refuses the address alone: a call needs a signed-in session, carried as an HttpOnly cookie', async () => {
    const before = snapshotDatabase(app);
    expect(await (await post('records.create', { type: 'partners', values: { name: 'Libya' } })).json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await (await post('records.list', { type: 'partners' })).json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(snapshotDatabase(app)).toBe(before);
    const events = await fetch(`http://127.0.0.1:${host.port}/api/events`, { headers: { Authorization: `Bearer ${host.token}` } });
    expect(events.status).toBe(401);

    const wrong = await post('session.signIn', { officer: 'Dana Reyes', passphrase: 'wrong passphrase' });
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const signedIn = await post('session.signIn', { officer: 'Dana Reyes', passphrase: 'dana passphrase' });
    const setCookie = signedIn.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^accord_session_${host.port}=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict$`));
    const body = (await signedIn.json()) as { ok: true; value: Record<string, unknown> };
    expect(body.value.officer).toMatchObject({ name: 'Dana Reyes' });
    expect(body.value).not.toHaveProperty('sessionToken'); // the page's script never holds it
    const cookie = setCookie.split(';')[0]!;
    expect(await (await post('records.create', { type: 'partners', values: { name: 'Libya' } }, cookie)).json()).toMatchObject({ ok: true });
    const stream = await fetch(`http://127.0.0.1:${host.port}/api/events`, { headers: { Authorization: `Bearer ${host.token}`, Cookie: cookie } });
    expect(stream.status).toBe(200);
    await stream.body?.cancel();

    const signedOut = await post('session.signOut', {}, cookie);
    expect(signedOut.headers.get('set-cookie')).toContain('Max-Age=0');
    expect(await (await post('records.list', { type: 'partners' }, cookie)).json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });
});

describe('officers across posts', () => {
  it('another post’s audit trail names the officer who made the change; bundles whose changes name none still import', async () => {
    const tunis = openPost(freshPath(), 'Embassy Tunis, ODC');
    const rabat = openPost(freshPath(), 'Embassy Rabat, SCO');
    await trustAll([tunis, rabat]);
    const created = await callOk<{ id: string }>(tunis.app, 'records.create', { type: 'partners', values: { name: 'Tunisia', isoCode: 'TN' } });
    await importInto(rabat, await exportFrom(tunis, rabat.app.context.store.post.id));
    const audit = await callOk<{ postName: string; officerName: string | null; importedFromBundle?: string }[]>(rabat.app, 'records.audit', { type: 'partners', id: created.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ postName: 'Embassy Tunis, ODC', officerName: TEST_OFFICER.name });
    // Relayed on, the officer travels with the change.
    expect(collectChanges(rabat.app.context.store.db, null).filter(([, rowId]) => rowId === created.id).every((change) => change[8]?.name === TEST_OFFICER.name)).toBe(true);
    tunis.app.close();
    rabat.app.close();
  });

  it('reads changes of eight elements (older posts) and refuses a malformed officer', () => {
    const app = openPost(freshPath(), 'Embassy Amman').app;
    try {
      const base = ['partners', '0190f0f0-0000-7000-8000-000000000001', 'name', 'Jordan', '001764633600000:000000', 'post-a', null, null];
      expect(validateChanges(app.context.store.db, [base])[0]).not.toHaveProperty('officer');
      expect(validateChanges(app.context.store.db, [[...base, { id: 'officer-1', name: 'Dana Reyes' }]])[0]!.officer).toEqual({ id: 'officer-1', name: 'Dana Reyes' });
      // The ninth element is an object of extras: a later version may add keys beside the officer, which are kept, not refused.
      expect(validateChanges(app.context.store.db, [[...base, { id: 'officer-1', name: 'Dana', role: 'editor' }]])[0]!.officer).toEqual({ id: 'officer-1', name: 'Dana' });
      for (const extras of [null, 'Dana', [1]]) {
        expect(() => validateChanges(app.context.store.db, [[...base, extras]]), JSON.stringify(extras)).toThrow(/malformed change/);
      }
      for (const officer of [{ id: 'officer-1' }, { id: 'officer-1', name: '' }, { id: 'officer-1', name: 'x'.repeat(201) }, { id: 'officer-1', name: 'a\u0000b' }, { id: 'officer 1', name: 'Dana' }]) {
        expect(() => validateChanges(app.context.store.db, [[...base, officer]]), JSON.stringify(officer)).toThrow(/officer/);
      }
    } finally {
      app.close();
    }
  });
});


describe('passphrases under attack and in their owner’s hands', () => {
  it('after five wrong passphrases in a row, sign-in waits (the right passphrase too), longer after each miss, then works again', async () => {
    const clock = { ms: Date.parse('2026-12-02T10:00:00Z') };
    const app = openApp({ databasePath: freshPath(), now: () => clock.ms });
    try {
      addTestOfficer(app, 'Dana Reyes', 'editor', 'dana passphrase');
      const signIn = (passphrase: string) => app.call('session.signIn', { officer: 'Dana Reyes', passphrase });
      for (let miss = 0; miss < 5; miss += 1) expect(await signIn('a wrong guess')).toMatchObject({ ok: false, error: { details: { reason: 'wrong-passphrase' } } });
      const waiting = await signIn('dana passphrase');
      expect(waiting).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', key: 'officers.tooManyAttempts', details: { reason: 'throttled', retryAfterMs: 30_000 } } });
      if (waiting.ok) return;
      expect(errorText(waiting.error, 'en')).toContain('Wait a minute before trying again');
      expect(errorText(waiting.error, 'ar')).toContain('انتظر دقيقة');
      // An unknown name is refused alike: the limit says nothing about who exists.
      for (let miss = 0; miss < 5; miss += 1) await app.call('session.signIn', { officer: 'Nobody Here', passphrase: 'a wrong guess' });
      expect(await app.call('session.signIn', { officer: 'Nobody Here', passphrase: 'a wrong guess' })).toMatchObject({ ok: false, error: { details: { reason: 'throttled' } } });

      clock.ms += 30_000;
      expect(await signIn('another wrong guess')).toMatchObject({ ok: false, error: { details: { reason: 'wrong-passphrase' } } });
      // The sixth miss doubles the wait.
      expect(await signIn('dana passphrase')).toMatchObject({ ok: false, error: { details: { reason: 'throttled', retryAfterMs: 60_000 } } });
      clock.ms += 60_000;
      expect(await signIn('dana passphrase')).toMatchObject({ ok: true });
      // A success clears the count.
      expect(await signIn('a wrong guess')).toMatchObject({ ok: false, error: { details: { reason: 'wrong-passphrase' } } });
      expect(await signIn('dana passphrase')).toMatchObject({ ok: true });
    } finally {
      app.close();
    }
  });

  it('a read-only officer changes their own passphrase after giving the current one; the old one stops working and their other sessions end', async () => {
    const app = bareApp();
    try {
      const id = addTestOfficer(app, 'Sam Cole', 'read-only', 'sam passphrase');
      const here = sessionFor(app, id);
      const elsewhere = sessionFor(app, id);
      const wrong = await app.call('officers.changeOwnPassphrase', { current: 'not it at all', next: 'a brand new phrase' }, here);
      expect(wrong).toMatchObject({ ok: false, error: { details: { issues: [{ path: ['current'], key: 'officers.wrongCurrentPassphrase' }] } } });
      const short = await app.call('officers.changeOwnPassphrase', { current: 'sam passphrase', next: 'short' }, here);
      expect(short.ok).toBe(false);
      expect(await app.call('officers.changeOwnPassphrase', { current: 'sam passphrase', next: 'a brand new phrase' }, here)).toMatchObject({ ok: true, value: { changed: true } });
      expect(app.context.sessions.isActive(here)).toBe(true);
      expect(app.context.sessions.isActive(elsewhere)).toBe(false);
      expect(await app.call('session.signIn', { officer: 'Sam Cole', passphrase: 'sam passphrase' })).toMatchObject({ ok: false, error: { details: { reason: 'wrong-passphrase' } } });
      expect(await app.call('session.signIn', { officer: 'Sam Cole', passphrase: 'a brand new phrase' })).toMatchObject({ ok: true });
      // Without a session there is no "own" passphrase to change.
      expect(await app.call('officers.changeOwnPassphrase', { current: 'a brand new phrase', next: 'another new phrase' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    } finally {
      app.close();
    }
  });
});
