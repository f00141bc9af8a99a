import type { MessageKey } from './en';

/** The Arabic catalog: the same keys as en.ts, in the same sections (a missing or extra key does not compile). */
export const ar: Record<MessageKey, string> = {
  // -- errors
  'error.internal': 'واجه أكورد خطأً داخليًا؛ لم يُحفظ شيء. التفاصيل في السجل.',
  'error.unreachable': 'تعذّر على أكورد الوصول إلى بياناته: {detail}',
  'error.unknownMethod': 'طريقة غير معروفة: {method}.',
  'error.invalidInput': 'الطلب غير صالح: {issues}',
  'error.dbTooNew': 'كُتبت قاعدة البيانات هذه بإصدار أحدث من أكورد (المخطط {current}؛ يفهم هذا الإصدار حتى {latest}). لم تُفتح ولم تُغيَّر. ثبّت الإصدار الأحدث من أكورد لاستخدامها.',
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
  // db/sync/state.ts
  'sync.trust.keyChanged': 'المركز {name} موثوق بالفعل بمفتاح مختلف (البصمة {fingerprint}). ألغِ الثقة به أولًا إن كان مفتاحه قد تغيّر فعلًا.',
  'sync.trust.unknownPost': 'لا يوجد مركز موثوق بالمعرّف {postId}.',
  'sync.conflict.notFound': 'لا يوجد تعارض بالمعرّف {id}.',
  'sync.conflict.settled': 'سُوّي هذا التعارض بالفعل.',
  'sync.conflict.recordDeleted': 'حُذف السجل، لذا لا يمكن استعادة قيمته السابقة.',

  // -- documents
  // pre-export checks
  'documents.check.titleOnlyEnglish': 'لا يوجد نص عربي للعنوان.',
  'documents.check.titleMissingArabic': 'لا يوجد نص عربي للعنوان؛ سيُستخدم العنوان الإنجليزي.',
  'documents.check.clauseOnlyEnglish': 'البند {clause} له نص إنجليزي دون نص عربي.',
  'documents.check.clauseOnlyArabic': 'البند {clause} له نص عربي دون نص إنجليزي.',
  'documents.check.clauseEmpty': 'البند {clause} لا يحتوي على نص بأي من اللغتين.',
  'documents.check.clauseMissingEnglish': 'البند {clause} لا يحتوي على نص إنجليزي.',
  'documents.check.clauseMissingArabic': 'البند {clause} لا يحتوي على نص عربي.',
  'documents.check.clauseNumbersDiffer': 'البند {clause}: الأرقام مختلفة بين النص الإنجليزي والنص العربي (في الإنجليزي فقط: {onlyInEnglish}؛ في العربي فقط: {onlyInArabic}).',
  'documents.check.clauseDatesDiffer': 'البند {clause}: التواريخ مختلفة بين النص الإنجليزي والنص العربي (في الإنجليزي فقط: {onlyInEnglish}؛ في العربي فقط: {onlyInArabic}).',
  // versions, signing and amending
  'documents.versionNotFound': 'لا توجد نسخة محفوظة {ref} من مسودة مذكرة التفاهم هذه.',
  'documents.alreadySigned': 'مذكرة التفاهم «{title}» {status, select, signed {موقعة} superseded {مستبدلة} other {{status}}} بالفعل. ابدأ نسخة جديدة لتوقيعها مرة أخرى.',
  'documents.notSigned': '«{title}» غير موقعة: عدّلها مباشرة بدلًا من بدء نسخة جديدة.',
  'documents.draftNotHere': 'لا يحتفظ هذا المركز بمسودة مذكرة التفاهم {mouId} بعد: استورد أولًا حزمة مزامنة من المركز المرسل، ثم هذا الملف. لم يُستورد شيء.',
  'documents.snapshotMissing': 'الجزء «{part}» مفقود: لا يحمل هذا الملف الموقّع نسخة لاستيرادها. لم يُستورد شيء.',
  'documents.snapshotInvalid': 'الجزء «{part}» موقّع لكنه ليس نسخة مذكرة تفاهم يقرؤها هذا الإصدار من أكورد؛ لم يُستورد شيء.',
  // signed MOU files
  'documents.signed.keyNotEd25519': 'المفتاح ليس مفتاح Ed25519.',
  'documents.signed.keyLength': 'المفتاح العام من نوع Ed25519 طوله 32 بايت.',
  'documents.signed.unsafePath': 'الجزء «{part}» {problem, select, nul {في اسمه بايت NUL} backslash {في اسمه شرطة مائلة عكسية} absolute {له مسار مطلق} escapes {له مسار يخرج من المجلد} folder {داخل مجلد} other {ليس اسم ملف بسيطًا}}؛ لم يُستورد أو يُكتب شيء.',
  'documents.signed.outsideFolder': 'الجزء «{part}» سيُكتب خارج {folder}.',
  'documents.signed.tooLarge': 'حجم الملف {size} بايت؛ الحد الأقصى للملف الموقّع لمذكرة التفاهم {max}.',
  'documents.signed.tooManyParts': 'يحتوي الملف على {count} جزءًا؛ يحتوي الملف الموقّع لمذكرة التفاهم على {max} جزءًا على الأكثر.',
  'documents.signed.partTooLarge': 'حجم الجزء «{part}» {size} بايت؛ الحد المسموح به {max}.',
  'documents.signed.duplicatePart': 'الجزء «{part}» يظهر مرتين.',
  'documents.signed.manifestMissing': 'الجزء «{part}» مفقود: لا يمكن التحقق من هذا الملف.',
  'documents.signed.signatureMissing': 'الجزء «{part}» (التوقيع) مفقود: لا يمكن التحقق من هذا الملف.',
  'documents.signed.untrusted': 'يقول الملف إنه موقّع من المركز «{postName}» ({postId})، وهذا المركز لا يثق به.',
  'documents.signed.keyChanged': 'وُقّع الملف بمفتاح غير المفتاح الذي يثق به هذا المركز لـ«{postName}» ({postId}).',
  'documents.signed.badSignature': 'التوقيع ({signature}) لا يطابق {manifest}: عُدّل البيان أو توقيعه.',
  'documents.signed.extraPart': 'الجزء «{part}» غير مدرج في البيان الموقّع: أُضيف بعد التوقيع.',
  'documents.signed.listedTwice': 'يدرج البيان الموقّع الجزء «{part}» مرتين أو كجزء لا يمكن أن يحمله.',
  'documents.signed.listedMissing': 'الجزء «{part}» مدرج في البيان الموقّع لكنه مفقود من الملف.',
  'documents.signed.partAltered': 'الجزء «{part}» لا يطابق بصمة SHA-256 الموقّعة: لقد عُدّل.',
  'documents.signed.draftMissing': 'الجزء «{part}» مفقود: لا يحمل الملف مسودة لاستيرادها.',
  'documents.signed.containerAltered': 'عُدّل الملف خارج الأجزاء الموقّعة، في {region, select, localHeader {الترويسة المحلية} data {البيانات} centralRecord {سجل الدليل المركزي} endRecord {سجل نهاية الأرشيف} other {بنية الأرشيف}}{inPart, select, yes { للجزء «{part}»} other {}}.',
  'documents.signed.draftMismatch': 'الجزء «{part}» ليس المسودة التي يسميها البيان.',
  'documents.signed.snapshotNotJson': 'الجزء «{part}» موقّع لكنه ليس JSON صالحًا.',
  'documents.signed.manifestNotJson': 'الجزء «{part}» ليس JSON صالحًا: عُدّل أو ليس ملفًا من أكورد.',
  'documents.signed.manifestUnreadable': 'الجزء «{part}» ليس بيان مذكرة تفاهم موقّعة يقرؤه هذا الإصدار من أكورد.',
  'documents.signed.draftUnreadable': 'الجزء «{part}» موقّع لكنه ليس مسودة يقرؤها هذا الإصدار من أكورد.',
  'documents.signed.malformed': 'هذا ليس ملفًا موقّعًا لمذكرة تفاهم، أو عُدّلت بنيته: {problem, select, tooShort {قصير جدًا} noEnd {لا يوجد سجل نهاية الأرشيف في موضعه (تعليق أو بايتات زائدة؟)} multiDisk {أرشيف متعدد الأقراص} directoryEnd {لا ينتهي الدليل حيث يبدأ سجل نهاية الأرشيف} recordMissing {سجل الدليل {index} مفقود} recordOverrun {سجل الدليل {index} يتجاوز الدليل} nameNotUtf8 {اسم الجزء {index} ليس UTF-8 صالحًا} compressed {الجزء «{part}» مضغوط (تخزّن الملفات الموقّعة أجزاءها دون ضغط)} extraFields {الجزء «{part}» يحمل حقولًا إضافية أو تعليقًا} misplaced {الجزء «{part}» ليس حيث يقول الدليل} noLocalHeader {الجزء «{part}» بلا ترويسة محلية صالحة} headerDisagrees {الترويسة المحلية للجزء «{part}» تخالف الدليل} headerOtherName {الترويسة المحلية للجزء «{part}» تسمي ملفًا آخر} other {توجد بايتات بين الأجزاء والدليل}}.',

  // -- cli

  // -- platform
};
