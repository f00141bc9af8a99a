import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { AccordApp } from '../../../main/app';
import type { MethodOutput } from '../../../shared/contract';
import { callOk, tempDirectory, useFreshApp } from '../../helpers';
import { buildModel, create, editable, update } from '../../unit/planning/fixtures';

/**
 * The dashboard's numbers, the brief for resource managers and the formal
 * communique, read back the way another program reads them: pdftotext for the
 * PDF, the DOCX unzipped to its WordprocessingML text, in both languages.
 */

let app: AccordApp;
useFreshApp((opened) => (app = opened));

const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const normalise = (text: string) => text.normalize('NFKC').replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ');
const letters = (text: string) => normalise(text).replace(/[\s\p{M}\p{P}]/gu, '');

/** SHOTS_DIR=folder keeps the files for a look (pdftoppm). */
function keep(name: string, bytes: Uint8Array): void {
  if (process.env.SHOTS_DIR) writeFileSync(join(process.env.SHOTS_DIR, name), bytes);
}

function pdfText(bytes: Uint8Array): { text: string; pages: number; pageTexts: string[] } {
  const dir = tempDirectory('accord-brief-');
  try {
    const path = join(dir.path, 'file.pdf');
    writeFileSync(path, bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
    const pageTexts = Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(i + 1), '-l', String(i + 1), path, '-'], { encoding: 'utf8' }));
    return { text: pageTexts.join('\n'), pages, pageTexts };
  } finally {
    dir.remove();
  }
}

function docxText(bytes: Uint8Array): { body: string; headers: string[]; footers: string[]; rtlParagraphs: number } {
  const files = unzipSync(bytes);
  const xml = (name: string) => new TextDecoder().decode(files[name]);
  const text = (source: string) => [...source.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'")).join(' ');
  const names = Object.keys(files);
  const body = xml('word/document.xml');
  return {
    body: text(body),
    headers: names.filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => text(xml(n))),
    footers: names.filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => text(xml(n))),
    rtlParagraphs: (body.match(/<w:bidi\/>/g) ?? []).length,
  };
}

/** The fixtures' model, dated so the check-in point lands after the deadline, with one assessed point and a second one measured. */
async function model() {
  const built = await buildModel(app);
  // Deadline 2026-05-15 for FY2026 (ends 2026-09-30): the first joint review (2026-06-30) lands after it.
  await update(app, 'partners', built.partner.id, { ...editable('partners', built.partner), nameAr: 'تونس' });
  // Arabic titles for the project, the late check-in point and the deadline: the Arabic brief names them so.
  await update(app, 'projects', built.project.id, { ...editable('projects', built.project), titleAr: 'برنامج الشرطة المجتمعية' });
  await update(app, 'checkIns', built.checkIn.id, { ...editable('checkIns', built.checkIn), titleAr: 'المراجعة المشتركة الأولى' });
  await update(app, 'benchmarks', built.benchmark.id, { ...editable('benchmarks', built.benchmark), titleAr: 'الأفراد المدربون على الشرطة المجتمعية' });
  await update(app, 'budgetDeadlines', built.deadline.id, { ...editable('budgetDeadlines', built.deadline), nameAr: 'طلب موارد البعثة للسنة المالية 2028' });
  // The meeting's subject and decisions and its action item in Arabic: the Arabic communique writes them so.
  await update(app, 'meetings', built.meeting.id, { ...editable('meetings', built.meeting), titleAr: 'اجتماع التخطيط الفصلي', decisionsAr: 'تمويل دورتين إضافيتين.' });
  await update(app, 'actionItems', built.actionItem.id, { ...editable('actionItems', built.actionItem), descriptionAr: 'إرسال المنهج إلى الأكاديمية' });
  const assessed = await create(app, 'checkIns', {
    title: 'Baseline review',
    titleAr: 'مراجعة خط الأساس',
    projectId: built.project.id,
    dueDate: '2026-03-31',
    benchmarkIds: [built.benchmark.id],
    status: 'assessed',
    rating: 'at_risk',
    assessedOn: '2026-04-02',
    evidenceNotes: 'Academy registry extract for the first quarter.',
    partnerAcknowledgedBy: 'Sami Ben Ali',
    partnerAcknowledgedOn: '2026-04-03',
  });
  await create(app, 'measurements', { benchmarkId: built.benchmark.id, checkInId: (assessed as { id: string }).id, value: '60', measuredOn: '2026-04-02', rating: 'at_risk' });
  return { ...built, assessed };
}

type File = MethodOutput<'dashboard.brief'>;

describe('the partner dashboard data', () => {
  it('holds each series: ratings per month, points against deadlines, resources per currency, actions per owner, the delivered brief', async () => {
    const m = await model();
    await create(app, 'resources', { title: 'FMF patrol boats', partnerId: m.partner.id, authority: 'FMF', fiscalYear: 2027, requestedMinor: 1_250_500, approvedMinor: 1_000_000, currency: 'JOD', risk: 'low' });
    const d = await callOk<MethodOutput<'dashboard.partner'>>(app, 'dashboard.partner', { partnerId: m.partner.id, today: '2026-05-01' });
    expect(d.ratingsOverTime).toEqual([{ period: '2026-04', on_track: 0, at_risk: 1, off_track: 0, not_rated: 0 }]);
    expect(d.deadlines.map((x) => [x.title, x.lateCount, x.briefs.map((b) => b.recipientName)])).toEqual([['Mission Resource Request FY2028', 1, ['Dana Whitfield']]]);
    expect(d.checkIns.map((c) => [c.title, c.lateForDeadlineId === m.deadline.id, c.overdue])).toEqual([
      ['Baseline review', false, false],
      ['First joint review', true, false],
    ]);
    // Never summed across currencies.
    expect(d.resources).toEqual([
      { fiscalYear: 2027, authority: 'FMF', currency: 'JOD', requestedMinor: 1_250_500, approvedMinor: 1_000_000, lines: 1 },
      { fiscalYear: 2027, authority: 'INCLE', currency: 'USD', requestedMinor: 25_000_000, approvedMinor: 20_000_000, lines: 1 },
    ]);
    expect(d.actionItems).toEqual([{ ownerId: m.officer.id, ownerName: 'Sami Ben Ali', open: 1, overdue: 1 }]);
    const post = await callOk<MethodOutput<'dashboard.post'>>(app, 'dashboard.post', { today: '2026-05-01' });
    expect(d.checkIns.map((c) => [c.titleAr, c.projectTitleAr])).toEqual([
      ['مراجعة خط الأساس', 'برنامج الشرطة المجتمعية'],
      ['المراجعة المشتركة الأولى', 'برنامج الشرطة المجتمعية'],
    ]);
    expect(d.deadlines.map((x) => x.titleAr)).toEqual(['طلب موارد البعثة للسنة المالية 2028']);
    expect(post.partners).toEqual([{ id: m.partner.id, title: 'Tunisia', nameAr: 'تونس', nextDeadline: { id: m.deadline.id, title: 'Mission Resource Request FY2028', titleAr: 'طلب موارد البعثة للسنة المالية 2028', date: '2026-05-15', fiscalYear: 2026, briefDelivered: true }, lateCount: 1, overdueCount: 0, inTimeCount: 0 }]);
  });
});

describe('the brief for resource managers', () => {
  it('as PDF in English and Arabic: benchmarks with latest against target, the late assessment, resource lines, the marking and page of pages on every page', async () => {
    const m = await model();
    const english = await callOk<File>(app, 'dashboard.brief', { deadlineId: m.deadline.id, format: 'pdf', lang: 'en', today: '2026-05-01' });
    keep('brief-en.pdf', english.bytes);
    expect(english.mediaType).toBe('application/pdf');
    const en = pdfText(english.bytes);
    for (const text of ['Assessment brief for resource managers', 'Mission Resource Request FY2028', 'Officers trained in community policing', 'At risk', 'First joint review', 'INCLE police training FY2027', 'Funds arrive late in the fiscal year.', 'Front-load the request in the MRR.', 'USD']) expect(normalise(en.text)).toContain(text);
    en.pageTexts.forEach((page, index) => {
      expect(page.match(/UNCLASSIFIED/g)?.length, `page ${index + 1}`).toBe(2);
      expect(page).toContain(`Page ${index + 1} of ${en.pages}`);
    });

    const arabic = await callOk<File>(app, 'dashboard.brief', { deadlineId: m.deadline.id, format: 'pdf', lang: 'ar', today: '2026-05-01' });
    keep('brief-ar.pdf', arabic.bytes);
    const ar = pdfText(arabic.bytes);
    for (const text of ['موجز التقييم لمديري الموارد', 'الدولة الشريكة: تونس', 'المؤشرات', 'التقييمات التي ستتأخر عن هذا الموعد', 'بنود الموارد']) expect(letters(ar.text)).toContain(letters(text));
    // The project, the late check-in point and the deadline by their Arabic titles, not the English ones.
    for (const text of ['برنامج الشرطة المجتمعية', 'المراجعة المشتركة الأولى', 'طلب موارد البعثة للسنة المالية', 'الأفراد المدربون على الشرطة المجتمعية']) expect(letters(ar.text)).toContain(letters(text));
    expect(normalise(ar.text)).not.toContain('First joint review');
    expect(normalise(ar.text)).not.toContain('Officers trained');
    expect(normalise(ar.text)).not.toContain('Mission Resource Request');
    ar.pageTexts.forEach((page) => expect(page.match(/UNCLASSIFIED/g)?.length).toBe(2));
    expect(letters(ar.pageTexts[0]!)).toContain(letters(`الصفحة 1 من ${ar.pages}`));
  });

  it('as DOCX in both languages: English then Arabic (right-to-left paragraphs), the marking in every header and footer', async () => {
    const m = await model();
    const file = await callOk<File>(app, 'dashboard.brief', { deadlineId: m.deadline.id, format: 'docx', lang: 'both', today: '2026-05-01' });
    const docx = docxText(file.bytes);
    for (const text of ['Assessment brief for resource managers', 'Officers trained in community policing', 'First joint review', 'Funds arrive late in the fiscal year.', 'موجز التقييم لمديري الموارد', 'التقييمات التي ستتأخر عن هذا الموعد', 'المراجعة المشتركة الأولى', 'برنامج الشرطة المجتمعية']) expect(docx.body).toContain(text);
    expect(docx.body.indexOf('Assessment brief')).toBeLessThan(docx.body.indexOf('موجز التقييم'));
    expect(docx.rtlParagraphs).toBeGreaterThan(5);
    expect(docx.headers.length).toBeGreaterThan(0);
    for (const part of [...docx.headers, ...docx.footers]) expect(part).toContain('UNCLASSIFIED');
  });
});

describe('the formal communique', () => {
  it('from a meeting: its decisions and action items, English PDF and Arabic DOCX, with the marking', async () => {
    const m = await model();
    const pdf = await callOk<File>(app, 'dashboard.communique', { meetingId: m.meeting.id, format: 'pdf', lang: 'en', today: '2026-05-01' });
    keep('communique-en.pdf', pdf.bytes);
    const text = normalise(pdfText(pdf.bytes).text);
    for (const expected of ['Communiqué', 'To: Tunisia', 'Quarterly planning meeting', 'Fund two more courses.', 'Send the curriculum to the academy', 'Sami Ben Ali', 'UNCLASSIFIED']) expect(text).toContain(expected);
    const docx = docxText((await callOk<File>(app, 'dashboard.communique', { meetingId: m.meeting.id, format: 'docx', lang: 'ar', today: '2026-05-01' })).bytes);
    for (const expected of ['بلاغ رسمي', 'إلى: تونس', 'القرارات', 'بنود العمل', 'اجتماع التخطيط الفصلي', 'تمويل دورتين إضافيتين.', 'إرسال المنهج إلى الأكاديمية']) expect(docx.body).toContain(expected);
    for (const english of ['Quarterly planning meeting', 'Fund two more courses.', 'Send the curriculum to the academy']) expect(docx.body).not.toContain(english);
    // The Arabic PDF reads the same, right to left.
    const arabicPdf = await callOk<File>(app, 'dashboard.communique', { meetingId: m.meeting.id, format: 'pdf', lang: 'ar', today: '2026-05-01' });
    keep('communique-meeting-ar.pdf', arabicPdf.bytes);
    for (const expected of ['اجتماع التخطيط الفصلي', 'تمويل دورتين إضافيتين', 'إرسال المنهج إلى الأكاديمية']) expect(letters(pdfText(arabicPdf.bytes).text)).toContain(letters(expected));
    expect(docx.headers.join(' ')).toContain('UNCLASSIFIED');
  });

  it('from a check-in point: its joint assessment, Arabic PDF and English DOCX', async () => {
    const m = await model();
    const arabic = await callOk<File>(app, 'dashboard.communique', { checkInId: m.assessed.id, format: 'pdf', lang: 'ar', today: '2026-05-01' });
    keep('communique-ar.pdf', arabic.bytes);
    const ar = pdfText(arabic.bytes);
    for (const expected of ['بلاغ رسمي', 'التقييم المشترك', 'معرض للخطر', 'مراجعة خط الأساس']) expect(letters(ar.text)).toContain(letters(expected));
    expect(normalise(ar.text)).not.toContain('Baseline review');
    // The benchmark measured, by its Arabic title.
    expect(letters(ar.text)).toContain(letters('الأفراد المدربون على الشرطة المجتمعية'));
    expect(normalise(ar.text)).not.toContain('Officers trained');
    const en = docxText((await callOk<File>(app, 'dashboard.communique', { checkInId: m.assessed.id, format: 'docx', lang: 'en', today: '2026-05-01' })).bytes);
    for (const expected of ['Joint assessment', 'Officers trained in community policing: measured 60', 'Academy registry extract for the first quarter.', 'Acknowledged for the partner by Sami Ben Ali']) expect(en.body.replace(BIDI_CONTROLS, '')).toContain(expected);
  });
});
