import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSpreadsheet } from '../../main/sheets/parse';
import { callOk, openTestApp, tempDirectory } from '../helpers';
import { workbook } from '../unit/sheets/xlsxFixture';
import { launchBrowser, startAccord, type RunningAccord, signIn } from './support';

/**
 * A partner's workbook into benchmarks through the window, in headless Chromium against the real `accord serve`:
 * choose the file (its hidden sheet is offered, marked, and not chosen), the columns are suggested from their
 * names, the preview shows a new row, an updated one (old -> new) and an error row with its column and message,
 * nothing is written until apply, apply writes the valid rows only, and the rejected rows download as a workbook
 * Accord's own reader reads back with the reason for each. Once in English, once in Arabic (right to left).
 * ACCORD_E2E_SCREENSHOTS=DIR keeps a screenshot of each step.
 */
const dir = tempDirectory();
const databasePath = join(dir.path, 'accord.sqlite');
const shots = process.env.ACCORD_E2E_SCREENSHOTS;
let accord: RunningAccord;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let page: Page;

const cell = (ref: string, text: string | number) => (typeof text === 'number' ? `<c r="${ref}"><v>${text}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`);
const row = (n: number, cells: (string | number)[]) => `<row r="${n}">${cells.map((text, i) => cell(`${String.fromCharCode(65 + i)}${n}`, text)).join('')}</row>`;

/** A workbook as a partner ministry sends it: a visible sheet of indicators and a hidden lookup sheet. */
function partnerWorkbook(headers: string[], rows: (string | number)[][]): Uint8Array {
  return workbook([
    { name: 'Indicators', xml: `<sheetData>${[headers, ...rows].map((cells, i) => row(i + 1, cells)).join('')}</sheetData>` },
    { name: 'Lookup', hidden: true, xml: `<sheetData>${row(1, ['Unit'])}${row(2, ['number'])}</sheetData>` },
  ]);
}

beforeAll(async () => {
  const app = openTestApp(databasePath);
  const partner = await callOk<{ id: string }>(app, 'records.create', { type: 'partners', values: { name: 'Jordan', isoCode: 'JO' } });
  const project = await callOk<{ id: string }>(app, 'records.create', { type: 'projects', values: { title: 'Border training', partnerId: partner.id, sector: 'border_security' } });
  await callOk(app, 'records.create', { type: 'benchmarks', values: { code: 'B-1', title: 'Officers trained', projectId: project.id, unit: 'number', targetValue: '40' } });
  app.close();
  accord = await startAccord(databasePath);
  ({ browser, close: closeBrowser } = await launchBrowser());
  page = await browser.newPage({ viewport: { width: 1300, height: 900 }, acceptDownloads: true });
  await signIn(page, accord.url);
  await page.getByTestId('marking-top').waitFor();
  if (shots) mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await closeBrowser?.();
  await accord?.stop();
  dir.remove();
});

async function shot(name: string) {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

interface Run {
  language: 'en' | 'ar';
  file: string;
  headers: string[];
  rows: (string | number)[][];
  text: {
    importFrom: string;
    read: string;
    hidden: string;
    notImported: string;
    preview: string;
    nothingWritten: RegExp;
    updated: RegExp;
    error: RegExp;
    validOnly: string;
    apply: string;
    applied: RegExp;
    download: string;
    rowHeader: string;
    reasonHeader: string;
  };
  rejectedCells: (string | number | null)[];
}

async function importThroughTheWindow(run: Run) {
  const { text } = run;
  const path = join(dir.path, run.file);
  writeFileSync(path, partnerWorkbook(run.headers, run.rows));

  await page.goto(`${accord.url}#/records/benchmarks`);
  await page.getByRole('link', { name: text.importFrom }).click();
  await page.locator('#field-sheetFile').setInputFiles(path);
  expect(await page.locator('#field-sheetType').inputValue()).toBe('benchmarks');
  await shot(`1-file-${run.language}`);
  await page.getByRole('button', { name: text.read }).click();

  // The hidden sheet is offered, marked as hidden, and not the one read.
  const sheetSelect = page.locator('#field-sheetName');
  await expect.poll(() => sheetSelect.inputValue()).toBe('Indicators');
  expect(await sheetSelect.locator('option').allTextContents()).toEqual(['Indicators', text.hidden]);
  // Suggested from the header names; the partner's own column maps to nothing.
  const mapping = page.getByTestId('sheet-mapping');
  const fieldOf = (header: string) => mapping.locator('tr', { has: page.getByRole('rowheader', { name: header, exact: true }) }).locator('select');
  expect(await fieldOf(run.headers[0]!).inputValue()).toBe('code');
  expect(await fieldOf(run.headers.at(-1)!).inputValue()).toBe('');
  expect(await fieldOf(run.headers.at(-1)!).locator('option:checked').textContent()).toBe(text.notImported);
  await shot(`2-mapping-${run.language}`);

  await page.getByRole('button', { name: text.preview, exact: true }).click();
  await expect.poll(() => page.getByTestId('sheet-outcomes').count()).toBe(1);
  expect(await page.getByText(text.nothingWritten).count()).toBe(1);
  expect(await page.getByTestId('outcome-2').textContent()).toMatch(text.updated);
  expect(await page.getByTestId('outcome-4').textContent()).toMatch(text.error);
  await shot(`3-preview-${run.language}`);

  await page.getByLabel(text.validOnly).check();
  await page.getByRole('button', { name: text.apply, exact: true }).click();
  const report = page.getByTestId('sheet-report');
  await expect.poll(() => report.count()).toBe(1);
  expect(await report.getByRole('status').first().textContent()).toMatch(text.applied);
  await shot(`4-report-${run.language}`);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: text.download }).click();
  const saved = join(dir.path, `rejected-${run.language}.xlsx`);
  const file = await download;
  expect(file.suggestedFilename()).toBe(run.file.replace('.xlsx', '-rejected.xlsx'));
  await file.saveAs(saved);
  // A real workbook that Accord's own reader reads back: the file's columns, the row number and the reason.
  const back = parseSpreadsheet(readFileSync(saved), 'rejected.xlsx');
  expect(back.table.headers).toEqual([text.rowHeader, ...run.headers, text.reasonHeader]);
  expect(back.table.rows).toHaveLength(1);
  expect(back.table.rows[0]!.cells.slice(0, -1)).toEqual(run.rejectedCells);
  expect(String(back.table.rows[0]!.cells.at(-1))).toMatch(text.error);
}

describe('spreadsheet import in the window', () => {
  it('English: upload a partner workbook, map, preview an error row, apply the valid rows, download the rejected rows', async () => {
    await importThroughTheWindow({
      language: 'en',
      file: 'jordan-q1.xlsx',
      headers: ['Code', 'Indicator', 'Project', 'Unit', 'Target value', 'Ministry remarks'],
      rows: [
        ['B-1', 'Officers trained', 'Border training', 'number', 45, 'up from 40'],
        ['B-2', 'Joint patrols', 'Border training', 'percent', 80, ''],
        ['B-3', 'Stray indicator', 'No such project', 'number', 10, 'check'],
      ],
      text: {
        importFrom: 'Import from spreadsheet',
        read: 'Read file',
        hidden: 'Lookup (hidden)',
        notImported: 'Not imported',
        preview: 'Preview',
        nothingWritten: /nothing has been written yet/,
        updated: /Updated\W*Target value\W+40\W+→\W+45/,
        error: /Project\W+No record matches “No such project”/,
        validOnly: 'Write the valid rows; give me the rejected rows back as a spreadsheet',
        apply: 'Apply',
        applied: /1 new, 1 updated, 0 unchanged/,
        download: 'Download rejected rows (.xlsx)',
        rowHeader: 'Row',
        reasonHeader: 'Reason',
      },
      rejectedCells: [4, 'B-3', 'Stray indicator', 'No such project', 'number', 10, 'check'],
    });
  }, 240_000);

  it('Arabic: the same flow, right to left, with Arabic headers', async () => {
    await page.getByRole('button', { name: 'Switch to Arabic' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await importThroughTheWindow({
      language: 'ar',
      file: 'jordan-q2.xlsx',
      headers: ['الرمز', 'المؤشر', 'المشروع', 'الوحدة', 'القيمة المستهدفة', 'ملاحظات الوزارة'],
      rows: [
        ['B-1', 'Officers trained', 'Border training', 'number', 50, 'ارتفاع'],
        ['B-4', 'دوريات مشتركة', 'Border training', 'نسبة مئوية', 90, ''],
        ['B-5', 'مؤشر', 'مشروع غير موجود', 'number', 5, 'تحقق'],
      ],
      text: {
        importFrom: 'استيراد من جدول بيانات',
        read: 'قراءة الملف',
        hidden: 'Lookup (مخفية)',
        notImported: 'لا يُستورد',
        preview: 'معاينة',
        nothingWritten: /لم يُكتب شيء بعد/,
        updated: /محدَّث\W*القيمة المستهدفة\W+45\W+←\W+50/,
        error: /المشروع\W+لا يوجد سجل يطابق «مشروع غير موجود»/,
        validOnly: 'اكتب الصفوف الصحيحة، وأعد إليّ الصفوف المرفوضة في جدول بيانات',
        apply: 'تطبيق',
        applied: /جديد 1، محدَّث 1، دون تغيير 0/,
        download: 'تنزيل الصفوف المرفوضة (‎.xlsx)',
        rowHeader: 'الصف',
        reasonHeader: 'السبب',
      },
      rejectedCells: [4, 'B-5', 'مؤشر', 'مشروع غير موجود', 'number', 5, 'تحقق'],
    });
    // The page reads right to left: the steps start at the right edge.
    const steps = await page.locator('.sheet-steps li').evaluateAll((items) => items.map((item) => item.getBoundingClientRect().left));
    expect(steps[0]!).toBeGreaterThan(steps[1]!);
  }, 240_000);

  it('Arabic: a large file shows its progress while its rows are checked, and every row of the preview can be reached', async () => {
    if ((await page.evaluate(() => document.documentElement.dir)) !== 'rtl') await page.getByRole('button', { name: 'Switch to Arabic' }).click();
    const rows = 6_000;
    const path = join(dir.path, 'jordan-large.csv');
    const lines = ['Code,Indicator,Project,Unit,Target value', ...Array.from({ length: rows }, (_, i) => `L-${i + 1},Indicator ${i + 1},Border training,number,${i % 90}`)];
    writeFileSync(path, lines.join('\r\n'));
    await page.goto(`${accord.url}#/records/benchmarks`);
    await page.getByRole('link', { name: 'استيراد من جدول بيانات' }).click();
    await page.locator('#field-sheetFile').setInputFiles(path);
    await page.getByRole('button', { name: 'قراءة الملف' }).click();
    await page.getByTestId('sheet-mapping').waitFor();
    // Every state the progress line passes through, as the officer would have seen it.
    await page.evaluate(() => {
      const seen: { text: string; value: number; max: number }[] = [];
      (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
      new MutationObserver(() => {
        const line = document.querySelector('[data-testid="sheet-progress"]');
        const bar = line?.querySelector('progress');
        if (line && bar) seen.push({ text: line.textContent ?? '', value: bar.value, max: bar.max });
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.getByRole('button', { name: 'معاينة', exact: true }).click();
    const pager = page.getByTestId('sheet-pager');
    await pager.waitFor();
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: { text: string; value: number; max: number }[] }).progressSeen);
    const midway = seen.filter((state) => state.max === rows && state.value > 0 && state.value < rows);
    expect(midway.length, JSON.stringify(seen.slice(0, 5))).toBeGreaterThan(0);
    expect(midway[0]!.text).toMatch(/^جارٍ فحص الصفوف: [\d٬,]+ من 6[٬,]000/);
    expect(await page.getByTestId('count-new').locator('dd').textContent()).toMatch(/^6[٬,]000$/);
    // Paged 500 at a time: the first page, then the next, then the last row of the file (row 6,001, after the header).
    expect(await pager.getByRole('status').textContent()).toMatch(/^عرض الصفوف من 1 إلى 500 من أصل 6[٬,]000\.$/);
    expect(await page.getByTestId('outcome-2').count()).toBe(1);
    expect(await page.getByTestId('outcome-502').count()).toBe(0);
    const previous = pager.getByRole('button', { name: '500 السابقة' });
    expect(await previous.isDisabled()).toBe(true);
    await pager.getByRole('button', { name: '500 التالية' }).click();
    await page.getByTestId('outcome-502').waitFor();
    expect(await page.getByTestId('outcome-2').count()).toBe(0);
    expect(await previous.isDisabled()).toBe(false);
    for (let page_ = 2; page_ < rows / 500; page_++) await pager.getByRole('button', { name: '500 التالية' }).click();
    await page.getByTestId(`outcome-${rows + 1}`).waitFor();
    expect(await pager.getByRole('status').textContent()).toMatch(/^عرض الصفوف من 5[٬,]501 إلى 6[٬,]000 من أصل 6[٬,]000\.$/);
    expect(await pager.getByRole('button', { name: '500 التالية' }).isDisabled()).toBe(true);
    await shot('5-large-preview-ar');
    // Nothing was written by the preview.
    expect(await page.getByText(/لم يُكتب شيء بعد/).count()).toBe(1);
  }, 240_000);
});
