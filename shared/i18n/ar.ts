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
  'validation.invalidAmount': 'أدخل مبلغًا {decimals, plural, =0 {دون كسور عشرية} one {بمنزلة عشرية واحدة على الأكثر} two {بمنزلتين عشريتين على الأكثر} few {بـ# منازل عشرية على الأكثر} many {بـ# منزلة عشرية على الأكثر} other {بـ# منزلة عشرية على الأكثر}} (مثل {example}).',

  // -- records

  // -- sync

  // -- documents

  // -- cli

  // -- platform
  'platform.backupOverDatabase': 'لا يمكن كتابة نسخة احتياطية فوق قاعدة البيانات المفتوحة؛ اختر ملفًا آخر.',
  'platform.backupExists': 'يوجد ملف بالفعل في {path}؛ لم يُكتب شيء. اختر اسم ملف جديد.',
  'platform.restoreMissing': 'لا يوجد ملف في {path}.',
  'platform.restoreNotDatabase': '{path} ليس ملف قاعدة بيانات. لم يُستبدل شيء.',
  'platform.restoreCorrupt': '{path} تالف (وجد فحص السلامة: {detail}). لم يُستبدل شيء.',
  'platform.restoreNotAccord': '{path} قاعدة بيانات، لكنها ليست قاعدة بيانات أكورد. لم يُستبدل شيء.',
  'platform.restoreTooNew': 'كُتب {path} بإصدار أحدث من أكورد (المخطط {version}؛ هذا الإصدار يفهم حتى {supported}). لم يُستبدل شيء: ثبّت الإصدار الأحدث لاستعادته.',
  'platform.openedTooLarge': '{path} أكبر من أي حزمة يكتبها أكورد؛ لم يُفتح.',
  'platform.restoreSelf': 'هذا الملف هو قاعدة البيانات المفتوحة نفسها.',
  'platform.welcome.title': 'مرحبًا بك في أكورد',
  'platform.welcome.intro': 'أولًا، سمِّ هذا الموقع. ترى المواقع الأخرى هذا الاسم على كل حزمة يرسلها إليها، فاذكر السفارة والمكتب.',
  'platform.welcome.name': 'اسم هذا الموقع',
  'platform.welcome.nameHint': 'مثال: السفارة في تونس، مكتب التعاون الدفاعي',
  'platform.welcome.passphrase': 'عبارة المرور لمفتاح التوقيع',
  'platform.welcome.passphraseHint': 'في وضع المتصفح يُحفظ المفتاح الذي يوقّع حزم هذا الموقع مختومًا بعبارة مرور من {min, plural, zero {# حرف} one {حرف واحد} two {حرفين} few {# أحرف} many {# حرفًا} other {# حرف}} على الأقل. تكتبها لإرسال الحزم. لا يمكن لأحد استعادتها.',
  'platform.welcome.passphraseAgain': 'عبارة المرور نفسها مرة أخرى',
  'platform.welcome.passphraseMismatch': 'عبارتا المرور غير متطابقتين.',
  'platform.welcome.submit': 'تسمية هذا الموقع',
  'platform.welcome.working': 'جارٍ إنشاء مفتاح التوقيع…',
  'platform.welcome.readyTitle': '{name} جاهز',
  'platform.welcome.fingerprint': 'بصمة مفتاح هذا الموقع',
  'platform.welcome.fingerprintHint': 'عندما يقرر موقع آخر الوثوق بهذا الموقع، اقرأ له هذه البصمة هاتفيًا أو شخصيًا؛ فيطابقها مع البصمة التي تظهر على شاشته.',
  'platform.welcome.dataLocation': 'تُحفظ كل البيانات في ملف واحد على هذا الحاسوب: {path}',
  'platform.welcome.offline': 'لا يستخدم أكورد الشبكة أبدًا ولا يحدّث نفسه أبدًا. تنتقل الحزم فقط كملفات تحملها بنفسك.',
  'platform.welcome.start': 'ابدأ التخطيط',
  'platform.backup.open': 'النسخ الاحتياطي',
  'platform.backup.title': 'نسخ احتياطي لهذا الموقع',
  'platform.backup.explain': 'النسخة الاحتياطية ملف واحد: نسخة متسقة من قاعدة البيانات تُؤخذ بينما يواصل أكورد عمله. انسخ مجلد النسخ الاحتياطية إلى وسائط قابلة للإزالة أو إلى مجلد مشترك يُنسخ احتياطيًا في موقعك.',
  'platform.backup.folder': 'مجلد النسخ الاحتياطية: {path}',
  'platform.backup.database': 'قاعدة البيانات: {path}',
  'platform.backup.now': 'انسخ احتياطيًا الآن',
  'platform.backup.working': 'جارٍ النسخ الاحتياطي…',
  'platform.backup.done': 'كُتبت النسخة الاحتياطية: {path} ({size, number} كيلوبايت).',
  'platform.backup.close': 'إغلاق',
  'platform.cli.backupDone': 'كُتبت النسخة الاحتياطية في {path} ({size, number} كيلوبايت، المخطط {version}). إنها ملف واحد مكتفٍ بذاته: انسخه إلى أي مكان.',
  'platform.cli.restoreChecked': 'يمكن استعادة {path}: قاعدة بيانات أكورد للموقع «{name}»، المخطط {version}، السلامة سليمة.',
  'platform.cli.restoreDone': 'استُعيد {path} («{name}»، المخطط {version}). حُفظ المحتوى السابق في {previous}.',
  'platform.cli.restoreRunning': 'أغلق أكورد (النافذة أو «npm start») قبل الاستعادة، ثم شغّله مرة أخرى.',
  'platform.serve.mode': 'أكورد {version}، وضع المتصفح: {why}.',
  'platform.serve.modeDirect': 'أكورد {version}، وضع المتصفح.',
  'platform.serve.database': 'قاعدة البيانات: {path}',
  'platform.serve.address': 'افتح {url} في المتصفح.',
  'platform.serve.stop': 'للإيقاف: اضغط Ctrl+C (تُغلق قاعدة البيانات بشكل سليم).',
  'platform.serve.portTaken': 'المنفذ {port} مشغول؛ يُستخدم {actual} مؤقتًا.',
};
