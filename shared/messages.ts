/**
 * Validation messages travel as keys ("required", "tooLong:200") so that the
 * same schema error reads correctly in English and Arabic, in the form and in
 * the CLI. `msg` builds a key; `formatMessage` turns it into text.
 */

export type Language = 'en' | 'ar';

const catalog = {
  required: { en: 'This field is required.', ar: 'هذا الحقل مطلوب.' },
  tooLong: { en: 'Use at most {0} characters.', ar: 'استخدم {0} حرفًا على الأكثر.' },
  tooMany: { en: 'Add at most {0} entries.', ar: 'أضف {0} إدخالات على الأكثر.' },
  invalidChoice: { en: 'Choose one of the listed options.', ar: 'اختر أحد الخيارات المدرجة.' },
  invalidCode: { en: 'Use a two- or three-letter country code (e.g. TN).', ar: 'استخدم رمز بلد من حرفين أو ثلاثة أحرف (مثل TN).' },
  partnerRequired: { en: 'Choose a partner nation.', ar: 'اختر الدولة الشريكة.' },
  partnerNotFound: { en: 'That partner nation does not exist (it may have been deleted).', ar: 'هذه الدولة الشريكة غير موجودة (ربما حُذفت).' },
  duplicateName: { en: 'A record with this name already exists.', ar: 'يوجد سجل بهذا الاسم بالفعل.' },
  invalid: { en: 'This value is not valid.', ar: 'هذه القيمة غير صالحة.' },
  invalidDate: { en: 'Enter a date as YYYY-MM-DD.', ar: 'أدخل التاريخ بالصيغة YYYY-MM-DD.' },
  invalidNumber: { en: 'Enter a whole number.', ar: 'أدخل عددًا صحيحًا.' },
  tooSmall: { en: 'Use {0} or more.', ar: 'استخدم {0} أو أكثر.' },
  tooLarge: { en: 'Use {0} or less.', ar: 'استخدم {0} أو أقل.' },
  recordNotFound: { en: 'The linked record does not exist (it may have been deleted).', ar: 'السجل المرتبط غير موجود (ربما حُذف).' },
  targetBeforeBaseline: { en: 'The target date cannot be before the baseline date.', ar: 'لا يمكن أن يكون تاريخ الهدف قبل تاريخ خط الأساس.' },
  endBeforeStart: { en: 'The end date cannot be before the start date.', ar: 'لا يمكن أن يكون تاريخ الانتهاء قبل تاريخ البدء.' },
  approvedOverRequested: { en: 'The approved amount cannot exceed the requested amount.', ar: 'لا يمكن أن يتجاوز المبلغ المعتمد المبلغ المطلوب.' },
  agreementNeedsDate: { en: 'Record when and by whom the partner agreed.', ar: 'سجّل متى ومن وافق من جانب الشريك.' },
  illegalTransition: { en: 'This status cannot follow the current one.', ar: 'لا يمكن الانتقال إلى هذه الحالة من الحالة الحالية.' },
  noResourceManager: { en: 'This meeting decides resources, but no resource manager attends.', ar: 'هذا الاجتماع يقرر الموارد، لكن لا يحضره أي مدير موارد.' },
  measuredNotAssessed: { en: 'Record measured values only for the benchmarks assessed at this check-in point.', ar: 'سجّل القيم المقيسة فقط للمعايير التي تُقيَّم في نقطة المراجعة هذه.' },
  recordLocked: { en: 'This MOU is signed: its clauses are locked. Start a new version to change them.', ar: 'مذكرة التفاهم هذه موقعة: بنودها مقفلة. ابدأ نسخة جديدة لتعديلها.' },
  invalidCurrency: { en: 'Use a three-letter currency code (e.g. USD).', ar: 'استخدم رمز عملة من ثلاثة أحرف (مثل USD).' },
  invalidAmount: { en: 'Enter an amount with at most two decimals (e.g. 1250000.00).', ar: 'أدخل مبلغًا بمنزلتين عشريتين على الأكثر (مثل 1250000.00).' },
  // MOU document pre-export checks (shared/documents/checks.ts)
  mouTitleOnlyEnglish: { en: 'The title has no Arabic text.', ar: 'لا يوجد نص عربي للعنوان.' },
  mouTitleMissingArabic: { en: 'The title has no Arabic text; the English title will be used.', ar: 'لا يوجد نص عربي للعنوان؛ سيُستخدم العنوان الإنجليزي.' },
  mouClauseOnlyEnglish: { en: 'Clause {0} has English text but no Arabic text.', ar: 'البند {0} له نص إنجليزي دون نص عربي.' },
  mouClauseOnlyArabic: { en: 'Clause {0} has Arabic text but no English text.', ar: 'البند {0} له نص عربي دون نص إنجليزي.' },
  mouClauseEmpty: { en: 'Clause {0} has no text in either language.', ar: 'البند {0} لا يحتوي على نص بأي من اللغتين.' },
  mouClauseMissingEnglish: { en: 'Clause {0} has no English text.', ar: 'البند {0} لا يحتوي على نص إنجليزي.' },
  mouClauseMissingArabic: { en: 'Clause {0} has no Arabic text.', ar: 'البند {0} لا يحتوي على نص عربي.' },
  mouClauseNumbersDiffer: { en: 'Clause {0}: the numbers differ between the English and Arabic text (only in English: {1}; only in Arabic: {2}).', ar: 'البند {0}: الأرقام مختلفة بين النص الإنجليزي والنص العربي (في الإنجليزي فقط: {1}؛ في العربي فقط: {2}).' },
  mouClauseDatesDiffer: { en: 'Clause {0}: the dates differ between the English and Arabic text (only in English: {1}; only in Arabic: {2}).', ar: 'البند {0}: التواريخ مختلفة بين النص الإنجليزي والنص العربي (في الإنجليزي فقط: {1}؛ في العربي فقط: {2}).' },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof catalog;

/** A message key with optional arguments, in the form zod carries as an issue message. */
export function msg(key: MessageKey, ...args: (string | number)[]): string {
  return args.length ? `${key}:${args.join(',')}` : key;
}

export function isMessageKey(text: string): boolean {
  return text.split(':')[0]! in catalog;
}

/** Text for a message key; unknown text (already a sentence) is returned as it is. */
export function formatMessage(message: string, lang: Language): string {
  const [key, argText] = splitOnce(message, ':');
  const entry = (catalog as Record<string, Record<Language, string>>)[key];
  if (!entry) return message;
  const args = argText ? argText.split(',') : [];
  return entry[lang].replace(/\{(\d+)\}/g, (_, index: string) => args[Number(index)] ?? '');
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
