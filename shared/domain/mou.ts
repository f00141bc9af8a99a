import { z } from 'zod';
import { msg } from '../messages';
import { choice, optionalText, recordId, recordMeta, requiredText } from './common';

export const SECTORS = [
  'police',
  'judiciary',
  'corrections',
  'border_security',
  'defense',
  'maritime',
  'counterterrorism',
  'other',
] as const;
export type Sector = (typeof SECTORS)[number];

export const MOU_STATUSES = ['draft', 'in_negotiation', 'agreed', 'signed', 'superseded'] as const;
export type MouStatus = (typeof MOU_STATUSES)[number];

export const MOU_LIMITS = { title: 200, summary: 4000, party: 160, parties: 12 } as const;

const partyList = z.array(requiredText(MOU_LIMITS.party)).max(MOU_LIMITS.parties, msg('tooMany', MOU_LIMITS.parties));

/** What a form or API call may send to create or edit an MOU draft. */
export const mouDraftInput = z.object({
  title: requiredText(MOU_LIMITS.title),
  /** The title as it reads in the Arabic text of the MOU. */
  titleAr: optionalText(MOU_LIMITS.title).default(''),
  partnerId: z.string({ error: msg('partnerRequired') }).min(1, msg('partnerRequired')).pipe(recordId),
  sector: choice(SECTORS),
  status: choice(MOU_STATUSES).default('draft'),
  parties: partyList.default([]),
  summary: optionalText(MOU_LIMITS.summary).default(''),
});
export type MouDraftInput = z.input<typeof mouDraftInput>;

export const mouDraftRecord = z.object({
  ...recordMeta,
  title: z.string(),
  titleAr: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  sector: z.enum(SECTORS),
  status: z.enum(MOU_STATUSES),
  parties: z.array(z.string()),
  summary: z.string(),
});
export type MouDraft = z.infer<typeof mouDraftRecord>;
