import type { AccordApp } from '../../../main/app';
import { callOk } from '../../helpers';

/**
 * A bilingual MOU draft with two clauses and two signatories. Clause 2's
 * Arabic text says 60 days where the English says 90: the pre-export check's
 * case. `agreed` moves it to the status from which it can be signed.
 */
export async function createBilingualMou(app: AccordApp, options: { agreed?: boolean; partnerName?: string } = {}) {
  const partner = await callOk<{ id: string }>(app, 'records.create', { type: 'partners', values: { name: options.partnerName ?? 'Tunisia', isoCode: '' } });
  const values = { title: 'Border security cooperation', partnerId: partner.id, sector: 'border_security', status: 'draft', parties: ['Ministry of Interior of Tunisia', 'U.S. Embassy Tunis'], summary: '' };
  const mou = await callOk<{ id: string }>(app, 'records.create', { type: 'mouDrafts', values });
  const clause = (position: number, heading: string, textEn: string, textAr: string) =>
    callOk<{ id: string }>(app, 'records.create', { type: 'mouClauses', values: { mouId: mou.id, position, heading, textEn, textAr, benchmarkIds: [], checkInIds: [], objectiveIds: [] } });
  const first = await clause(1, 'Purpose', 'The parties cooperate on border security training.', 'يتعاون الطرفان في التدريب على أمن الحدود.');
  const second = await clause(2, 'Reporting', 'Each party reports within 90 days.', 'يقدم كل طرف تقريره خلال 60 يوما.');
  await callOk(app, 'records.create', { type: 'mouSignatories', values: { mouId: mou.id, name: 'Jane Doe', jobTitle: 'Ambassador', organisation: 'U.S. Embassy Tunis', side: 'us', signingOrder: 1 } });
  await callOk(app, 'records.create', { type: 'mouSignatories', values: { mouId: mou.id, name: 'سامي بن علي', jobTitle: 'Minister', organisation: 'Ministry of Interior', side: 'partner', signingOrder: 2 } });
  if (options.agreed) await callOk(app, 'records.update', { type: 'mouDrafts', id: mou.id, values: { ...values, status: 'agreed' } });
  return { mouId: mou.id, partnerId: partner.id, clauseIds: [first.id, second.id], values };
}
