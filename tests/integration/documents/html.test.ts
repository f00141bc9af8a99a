import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMouHtml, renderRedlineHtml } from '../../../main/documents/html';
import type { MouDocument } from '../../../shared/documents/types';
import { launchBrowser } from '../../e2e/support';
import { tempDirectory } from '../../helpers';
import { longMou, sampleMou } from '../../unit/documents/fixtures';

const temp = tempDirectory('accord-html-');
afterAll(() => temp.remove());

describe('MOU as HTML', () => {
  it('is self-contained: no scripts, no links to anything outside the file', () => {
    const html = renderMouHtml(sampleMou());
    expect(html).not.toMatch(/<script|src=|href=|url\(|@import/i);
    expect(html).toContain(`default-src 'none'`);
  });

  it('marks Arabic blocks right-to-left and English blocks left-to-right', () => {
    const html = renderMouHtml(sampleMou());
    for (const clause of sampleMou().clauses) {
      expect(html).toMatch(new RegExp(`<td lang="ar" dir="rtl">[^]*?${clause.ar.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      expect(html).toMatch(new RegExp(`<td lang="en" dir="ltr">[^]*?${clause.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    }
    const arabicOnly = renderMouHtml(sampleMou({ language: 'ar' }));
    expect(arabicOnly).toMatch(/<html lang="ar" dir="rtl">/);
    expect(arabicOnly).not.toContain(sampleMou().clauses[0]!.en);
  });

  it('escapes whatever a clause holds', () => {
    const hostile = sampleMou();
    hostile.clauses[0]!.en = '<script>alert(1)</script> & <img src=x onerror=alert(2)>';
    const html = renderMouHtml(hostile);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(2)&gt;');
  });

  it('marks the redline: changed words as ins/del, added and removed clauses badged', () => {
    const before = sampleMou();
    const after: MouDocument = { ...sampleMou({ versionLabel: 'v4' }), clauses: [before.clauses[0]!, { ...before.clauses[1]!, en: before.clauses[1]!.en.replace('4 times', '6 times') }] };
    const html = renderRedlineHtml(before, after);
    expect(html.match(/<ins>[^<]*<\/ins>/g)).toEqual(['<ins>6</ins>']);
    expect(html.match(/<del>[^<]*<\/del>/g)).toEqual(['<del>4</del>', `<del>${before.clauses[2]!.en}</del>`, `<del>${before.clauses[2]!.ar}</del>`]);
    expect(html).toContain('change-removed');
    expect(html).toContain('change-changed');
  });
});

describe('MOU HTML printed by a browser', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it('repeats the handling marking at the top and bottom of every printed page', async () => {
    const htmlPath = join(temp.path, 'long.html');
    writeFileSync(htmlPath, renderMouHtml(longMou(40, { layout: 'sequential' })));
    const page = await browser.browser.newPage();
    await page.goto(`file://${htmlPath}`);
    const pdfPath = join(temp.path, 'printed.pdf');
    await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true });
    await page.close();
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(2);
    for (let index = 1; index <= pages; index++) {
      const lines = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(index), '-l', String(index), pdfPath, '-'], { encoding: 'utf8' })
        .split('\n')
        .map((line) => line.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim()) // bidi controls pdftotext adds on Arabic pages
        .filter(Boolean);
      expect(lines[0], `top of page ${index}`).toBe('SENSITIVE BUT UNCLASSIFIED');
      expect(lines[lines.length - 1], `bottom of page ${index}`).toBe('SENSITIVE BUT UNCLASSIFIED');
    }
  });
});
