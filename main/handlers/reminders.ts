import { CALENDAR_HORIZON_DAYS, CALENDAR_MAX_EVENTS, type remindersMethods } from '../../shared/api/reminders';
import { reminderCalendarText } from '../../shared/calendar/reminders';
import { calendarItems, dueSoon } from '../../db/repositories/reminders';
import { getRecord } from '../../db/repositories/records';
import { slug } from '../documents/brief';
import { asFile } from './savedFile';
import { todayOf } from './today';
import type { HandlersFor } from './types';

export const remindersHandlers: HandlersFor<typeof remindersMethods> = {
  'reminders.due': ({ today, days, limit }, { store }) => dueSoon(store, today ?? todayOf(store), days, limit),
  'reminders.calendar': async ({ partnerId, lang, today }, context) => {
    const { store } = context;
    const partner = partnerId ? getRecord(store, 'partners', partnerId) : undefined;
    const { items, ...bounds } = calendarItems(store, today ?? todayOf(store), CALENDAR_HORIZON_DAYS, CALENDAR_MAX_EVENTS, partnerId);
    const text = reminderCalendarText({
      items,
      lang,
      stamp: new Date(store.now()).toISOString(),
      appVersion: context.appVersion,
      partner: partner ? { name: partner.title, nameAr: String(partner.nameAr ?? '') } : undefined,
      postName: store.post.name,
    });
    const fileName = `accord-calendar-${partner ? slug(partner.title) : 'post'}-${lang}.ics`;
    return { ...(await asFile(context, { fileName, mediaType: 'text/calendar', bytes: Buffer.from(text, 'utf8') })), events: items.length, ...bounds };
  },
};
