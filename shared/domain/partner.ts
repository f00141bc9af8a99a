import { z } from 'zod';
import { msg } from '../messages';
import { optionalText, recordMeta, requiredText } from './common';

export const LIMITS = { partnerName: 120, partnerNotes: 4000 } as const;

/** What a form or API call may send to create or edit a partner nation. */
export const partnerInput = z.object({
  name: requiredText(LIMITS.partnerName),
  isoCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine((code) => code === '' || /^[A-Z]{2,3}$/.test(code), msg('invalidCode'))
    .default(''),
  notes: optionalText(LIMITS.partnerNotes).default(''),
});
export type PartnerInput = z.input<typeof partnerInput>;

export const partnerRecord = z.object({
  ...recordMeta,
  name: z.string(),
  isoCode: z.string(),
  notes: z.string(),
  mouCount: z.number().int(),
});
export type Partner = z.infer<typeof partnerRecord>;
