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
  'validation.invalidChoice': 'اختر أحد الخيارات المدرجة.',
  'validation.invalidCode': 'استخدم رمز بلد من حرفين أو ثلاثة أحرف (مثل TN).',
  'validation.partnerRequired': 'اختر الدولة الشريكة.',
  'validation.partnerNotFound': 'هذه الدولة الشريكة غير موجودة (ربما حُذفت).',
  'validation.duplicateName': 'يوجد سجل بهذا الاسم بالفعل.',
  'validation.invalidDate': 'أدخل تاريخًا مثل 2 ديسمبر 2026 أو 2026-12-02.',
  'validation.invalidNumber': 'أدخل عددًا صحيحًا.',
  'validation.tooSmall': 'استخدم {min, number} أو أكثر.',
  'validation.tooLarge': 'استخدم {max, number} أو أقل.',
  'validation.recordNotFound': 'السجل المرتبط غير موجود (ربما حُذف).',
  'validation.targetBeforeBaseline': 'لا يمكن أن يكون تاريخ الهدف قبل تاريخ خط الأساس.',
  'validation.endBeforeStart': 'لا يمكن أن يكون تاريخ الانتهاء قبل تاريخ البدء.',
  'validation.approvedOverRequested': 'لا يمكن أن يتجاوز المبلغ المعتمد المبلغ المطلوب.',
  'validation.agreementNeedsDate': 'سجّل متى ومن وافق من جانب الشريك.',
  'validation.illegalTransition': 'لا يمكن الانتقال إلى هذه الحالة من الحالة الحالية.',
  'validation.noResourceManager': 'هذا الاجتماع يقرر الموارد، لكن لا يحضره أي مدير موارد.',
  'validation.measuredNotAssessed': 'سجّل القيم المقيسة فقط للمعايير التي تُقيَّم في نقطة المراجعة هذه.',
  'validation.recordLocked': 'مذكرة التفاهم هذه موقعة: بنودها مقفلة. ابدأ نسخة جديدة لتعديلها.',
  'validation.invalidCurrency': 'استخدم رمز عملة من ثلاثة أحرف (مثل USD).',
  'validation.dateExample': 'مثلًا {at, date}.',
  'validation.invalidAmount': 'أدخل مبلغًا {decimals, plural, =0 {دون كسور عشرية} one {بمنزلة عشرية واحدة على الأكثر} two {بمنزلتين عشريتين على الأكثر} few {بـ# منازل عشرية على الأكثر} many {بـ# منزلة عشرية على الأكثر} other {بـ# منزلة عشرية على الأكثر}} (مثل {example}).',

  // -- records

  // -- sync

  // -- documents

  // -- cli

  // -- platform
};
