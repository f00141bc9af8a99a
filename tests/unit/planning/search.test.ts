import { describe, expect, it } from 'vitest';
import type { AccordApp } from '../../../main/app';
import { callOk, useFreshApp } from '../../helpers';
import { buildModel, create } from './fixtures';

let app: AccordApp;
useFreshApp((opened) => (app = opened));

type Hit = { type: string; id: string; title: string; snippet: string };
const search = (query: string, limit?: number) => callOk<Hit[]>(app, 'search.global', { query, limit });

describe('global search', () => {
  it('finds records of every type by any of their text, English words by prefix and in any case', async () => {
    const model = await buildModel(app);
    expect((await search('POLIC')).map((hit) => hit.type)).toEqual(expect.arrayContaining(['projects', 'sectorPriorities', 'objectives']));
    const academy = await search('academy records');
    expect(academy).toEqual([{ type: 'benchmarks', id: model.benchmark.id, title: 'Officers trained in community policing', snippet: 'Training academy attendance records' }]);
    expect((await search('curriculum')).map((hit) => hit.type).sort()).toEqual(['actionItems', 'meetings']);
    expect((await search('front-load mrr'))[0]).toMatchObject({ type: 'resources', id: model.resource.id });
  });

  it('finds Arabic whatever the alef form, taa marbuta, harakat or article', async () => {
    const model = await buildModel(app);
    const clause = await create(app, 'mouClauses', {
      mouId: model.mou.id,
      position: 2,
      heading: 'Border security',
      textAr: 'يتعاون الطرفان في تعزيز الأمن على الحدود وتدريب الشُّرْطَة.',
    });
    for (const query of ['الأمن', 'الامن', 'امن', 'إمن', 'أمن', 'الشرطة', 'شرطه', 'الحدود']) {
      expect((await search(query)).map((hit) => hit.id), query).toContain(clause.id);
    }
    const [hit] = await search('الامن');
    expect(hit!.snippet).toContain('الأمن'); // the record's own text, not the folded index
    // The fixture's clause writes "الشرطة المجتمعية" without harakat; the new one with them: both found.
    expect((await search('الشُّرطة')).map((h) => h.id).sort()).toEqual([model.clause.id, clause.id].sort());
  });

  it('finds a project, a check-in point and a deadline by their Arabic titles, and gives the Arabic title with the hit', async () => {
    const model = await buildModel(app);
    const project = await create(app, 'projects', { title: 'Forensics lab', titleAr: 'مختبر الأدلة الجنائية', partnerId: model.partner.id, sector: 'police' });
    const checkIn = await create(app, 'checkIns', { title: 'Lab review', titleAr: 'مراجعة المختبر', projectId: project.id, dueDate: '2026-09-30' });
    const deadline = await create(app, 'budgetDeadlines', { name: 'Bureau call', nameAr: 'طلب موارد المكتب', date: '2026-10-15', fiscalYear: 2027 });
    expect(await search('الادلة')).toEqual([{ type: 'projects', id: project.id, title: 'Forensics lab', titleAr: 'مختبر الأدلة الجنائية', snippet: 'مختبر الأدلة الجنائية' }]);
    expect((await search('المختبر')).map((hit) => [hit.type, hit.id]).sort()).toEqual([['checkIns', checkIn.id], ['projects', project.id]].sort());
    expect((await search('موارد المكتب')).map((hit) => hit.id)).toEqual([deadline.id]);
    // A hit with no Arabic title carries none.
    const untitled = (await search('Sfax')).find((hit) => hit.id === model.project.id);
    expect(untitled?.title).toBe('Community policing pilot in Sfax');
    expect(untitled).not.toHaveProperty('titleAr');
  });

  it('cuts the snippet around the matching word of the original text, whatever folding removed before it', async () => {
    const model = await buildModel(app);
    // A lone article and a lone mark fold to nothing: the words after them must still line up with the original.
    const words = ['ال', 'ً', ...Array.from({ length: 12 }, (_, i) => `كلمة${i}`), 'المُدَرِّبِين', ...Array.from({ length: 14 }, (_, i) => `بعد${i}`)];
    const clause = await create(app, 'mouClauses', { mouId: model.mou.id, position: 3, heading: 'Trainers', textAr: words.join(' ') });
    const [hit] = await search('مدربين');
    expect(hit!.id).toBe(clause.id);
    const at = words.indexOf('المُدَرِّبِين');
    expect(hit!.snippet).toBe(`… ${words.slice(at - 8, at + 12).join(' ')} …`);
  });

  it('forgets deleted records and follows edits', async () => {
    const model = await buildModel(app);
    await callOk(app, 'records.delete', { type: 'actionItems', id: model.actionItem.id });
    expect((await search('curriculum')).map((hit) => hit.type)).toEqual(['meetings']);
    await callOk(app, 'records.update', { type: 'budgetDeadlines', id: model.deadline.id, values: { name: 'Bureau Resource Request', date: '2026-05-15', fiscalYear: 2026 } });
    expect(await search('mission resource')).toEqual([]);
    expect((await search('bureau'))[0]!.id).toBe(model.deadline.id);
  });

  it('treats search syntax in the query as words, and limits the results', async () => {
    await buildModel(app);
    for (const query of ['"', 'NEAR(police', 'police OR', '*', 'title:police', "'; DROP TABLE partners; --"]) {
      const result = await app.call('search.global', { query });
      expect(result.ok, query).toBe(true);
    }
    expect(await search('police', 1)).toHaveLength(1);
  });
});
