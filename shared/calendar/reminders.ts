import type { ReminderItem } from '../api/reminders';
import { formatMessage, nameIn } from '../i18n/format';
import type { Language, MessageKey } from '../i18n/message';
import { calendarText, type CalendarEvent } from './ics';

/**
 * The reminder calendar in the officer's language: one all-day event per check-in point, budget deadline and
 * action item, its summary naming the kind, the record and its partner. A record's id is a UUID shared by every
 * post that holds it, so its UID (id@domain) is the same whoever exports it and however often.
 */
export const UID_DOMAIN = 'accord.invalid';

const partnerName = (lang: Language, item: ReminderItem) =>
  item.partner ? nameIn(lang, item.partner.name, item.partner.nameAr) : formatMessage(lang, 'reminders.postWide');

const DESCRIPTION: Record<ReminderItem['type'], MessageKey> = {
  checkIns: 'reminders.ics.checkIns',
  budgetDeadlines: 'reminders.ics.budgetDeadlines',
  actionItems: 'reminders.ics.actionItems',
};

export function reminderEvent(item: ReminderItem, lang: Language): CalendarEvent {
  const kind = formatMessage(lang, `records.type.${item.type}.one`);
  const partner = partnerName(lang, item);
  return {
    uid: `${item.id}@${UID_DOMAIN}`,
    date: item.date,
    summary: formatMessage(lang, 'reminders.ics.summary', { kind, title: nameIn(lang, item.title, item.titleAr), partner }),
    description: formatMessage(lang, DESCRIPTION[item.type], { partner, context: nameIn(lang, item.context, item.contextAr), year: String(item.fiscalYear ?? ''), at: item.date }),
    category: kind,
  };
}

export interface ReminderCalendar {
  items: readonly ReminderItem[];
  lang: Language;
  /** The export time (ISO): DTSTAMP. */
  stamp: string;
  appVersion: string;
  /** The partner the file is for; absent: the whole post, named `postName`. */
  partner?: { name: string; nameAr: string };
  postName: string;
}

export function reminderCalendarText({ items, lang, stamp, appVersion, partner, postName }: ReminderCalendar): string {
  const scope = partner ? nameIn(lang, partner.name, partner.nameAr) : postName;
  return calendarText({
    prodId: `-//Accord//Reminders ${appVersion}//${lang.toUpperCase()}`,
    name: formatMessage(lang, 'reminders.ics.calendarName', { scope }),
    language: lang,
    stamp,
    events: items.map((item) => reminderEvent(item, lang)),
  });
}

/**
 * How to get what a calendar file left out, in the order to say it: the items over the limit from smaller (one
 * partner's) files, those past the horizon from a later file. The window and `accord calendar` give the same advice.
 */
export function leftOutAdvice(file: { beyondHorizon: number; overLimit: number }, forPartner: boolean): ('perPartner' | 'later')[] {
  const advice: ('perPartner' | 'later')[] = [];
  if (file.overLimit > 0 && !forPartner) advice.push('perPartner');
  if (file.beyondHorizon > 0 || forPartner) advice.push('later');
  return advice;
}
