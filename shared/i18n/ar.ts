import type { MessageKey } from './en';

/** The Arabic catalog: the same keys as en.ts, in the same sections (a missing or extra key does not compile). */
export const ar: Record<MessageKey, string> = {
  // -- errors
  'error.internal': 'واجه أكورد خطأً داخليًا؛ لم يُحفظ شيء. التفاصيل في السجل.',
  'error.unreachable': 'تعذّر على أكورد الوصول إلى بياناته: {detail}',
  'error.unknownMethod': 'طريقة غير معروفة: {method}.',
  'error.invalidInput': 'الطلب غير صالح: {issues}',
  'error.busy': 'مهمة أخرى (استيراد حزمة) تكتب في قاعدة البيانات؛ لم يُحفظ شيء. حاول مرة أخرى بعد قليل.',

  // -- validation
  'validation.required': 'هذا الحقل مطلوب.',
  'validation.invalid': 'هذه القيمة غير صالحة.',
  'validation.tooLong': 'استخدم {max, plural, zero {# حرف} one {حرفًا واحدًا} two {حرفين} few {# أحرف} many {# حرفًا} other {# حرف}} على الأكثر.',
  'validation.tooMany': 'أضف {max, plural, zero {# إدخال} one {إدخالًا واحدًا} two {إدخالين} few {# إدخالات} many {# إدخالًا} other {# إدخال}} على الأكثر.',

  // -- records

  // -- sync

  // -- documents

  // -- cli

  // -- platform
};
