import { z } from 'zod';
import { recordId } from '../domain/common';
import { bytesSchema, type MethodGroup } from './types';

/**
 * The pictures: one partner's dashboard and the post-wide readiness view,
 * each as one call whose output the charts, their tables and the brief for
 * resource managers all draw from (shared/dashboard/series.ts shapes it into
 * chart series). Counts and sums are made in SQL; amounts stay in minor units
 * per currency and are never added across currencies.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const RATINGS = ['on_track', 'at_risk', 'off_track', 'not_rated'] as const;
export type Rating = (typeof RATINGS)[number];

const deadline = z.object({
  id: z.string(),
  title: z.string(),
  /** Its Arabic name ('' when it has none). */
  titleAr: z.string(),
  date: z.string(),
  fiscalYear: z.number().int(),
  /** The partner's own deadline (false: post-wide). */
  partnerOwn: z.boolean(),
  /** Check-in points not yet assessed that fall due after this deadline within its fiscal year: late for it. */
  lateCount: z.number().int(),
  /** Briefs recorded as delivered for this deadline (briefDeliveries), newest first. */
  briefs: z.array(z.object({ id: z.string(), recipientId: z.string().nullable(), recipientName: z.string(), deliveredOn: z.string(), language: z.string() })),
});
export type DashboardDeadline = z.infer<typeof deadline>;

const checkInPoint = z.object({
  id: z.string(),
  title: z.string(),
  titleAr: z.string(),
  projectId: z.string(),
  projectTitle: z.string(),
  projectTitleAr: z.string(),
  dueDate: z.string(),
  status: z.string(),
  rating: z.string(),
  /** The first deadline this point's assessment lands after (within that deadline's fiscal year), or null. */
  lateForDeadlineId: z.string().nullable(),
  /** Not assessed and due before today. */
  overdue: z.boolean(),
});
export type DashboardCheckIn = z.infer<typeof checkInPoint>;

export const partnerDashboard = z.object({
  partner: z.object({ id: z.string(), title: z.string(), nameAr: z.string() }),
  today: isoDate,
  /** Per month (yyyy-mm) of assessment: benchmark assessments by the joint rating given at the check-in point. */
  ratingsOverTime: z.array(z.object({ period: z.string(), on_track: z.number().int(), at_risk: z.number().int(), off_track: z.number().int(), not_rated: z.number().int() })),
  /** Budget deadlines from today on (the partner's and post-wide ones), by date. */
  deadlines: z.array(deadline),
  /** The partner's check-in points from 180 days before today up to the end of the last deadline's fiscal year, by date. */
  checkIns: z.array(checkInPoint),
  /** Resource lines summed per fiscal year, funding authority and currency. */
  resources: z.array(z.object({ fiscalYear: z.number().int(), authority: z.string(), currency: z.string(), requestedMinor: z.number().int(), approvedMinor: z.number().int(), lines: z.number().int() })),
  /** Open action items of the partner's meetings per owner (null: no owner), and how many of them are overdue. */
  actionItems: z.array(z.object({ ownerId: z.string().nullable(), ownerName: z.string(), open: z.number().int(), overdue: z.number().int() })),
});
export type PartnerDashboard = z.infer<typeof partnerDashboard>;

export const postDashboard = z.object({
  today: isoDate,
  partners: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      /** Its name in Arabic ('' when it has none). */
      nameAr: z.string(),
      /** The partner's next budget deadline (its own or post-wide), or null. */
      nextDeadline: z.object({ id: z.string(), title: z.string(), titleAr: z.string(), date: z.string(), fiscalYear: z.number().int(), briefDelivered: z.boolean() }).nullable(),
      /** Check-in points not yet assessed that will land after that deadline (within its fiscal year). */
      lateCount: z.number().int(),
      /** Check-in points not yet assessed and already past due. */
      overdueCount: z.number().int(),
      /** Check-in points not yet assessed that fall due by the next deadline: in time if assessed when due. */
      inTimeCount: z.number().int(),
    }),
  ),
});
export type PostDashboard = z.infer<typeof postDashboard>;

export const documentFile = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  /** The file's bytes (empty when the desktop app saved it through its Save dialog). */
  bytes: bytesSchema(Number.MAX_SAFE_INTEGER),
  savedWithDialog: z.boolean(),
  savedTo: z.string().nullable(),
});
const documentChoice = { format: z.enum(['pdf', 'docx']).default('pdf'), lang: z.enum(['en', 'ar', 'both']).default('en'), today: isoDate.optional() };

export const dashboardMethods = {
  'dashboard.partner': {
    input: z.object({ partnerId: recordId, today: isoDate.optional() }),
    output: partnerDashboard,
  },
  'dashboard.post': {
    input: z.object({ today: isoDate.optional() }),
    output: postDashboard,
  },
  /** The assessment brief for a budget deadline (a post-wide deadline: every partner, or partnerId's). Delivery is recorded as a briefDeliveries record. */
  'dashboard.brief': {
    input: z.object({ deadlineId: recordId, partnerId: recordId.optional(), ...documentChoice }),
    output: documentFile,
  },
  /** A formal communique to the partner from a meeting's decisions and action items, or from a check-in point's joint assessment. */
  'dashboard.communique': {
    input: z.object({ meetingId: recordId.optional(), checkInId: recordId.optional(), ...documentChoice }).refine((v) => Boolean(v.meetingId) !== Boolean(v.checkInId), { message: 'invalid', path: ['meetingId'] }),
    output: documentFile,
  },
} as const satisfies MethodGroup;
