## أجزاء مشتركة في كل صفحة

product-name = كوهيجن
skip-link = انتقل إلى المحتوى الرئيسي
nav-label = القائمة
nav-home = الرئيسية
nav-get-involved = شارك معنا
nav-about = عن الموقع
nav-consultations = الاستشارات العامة
nav-manage = الإدارة
language-switcher-label = اللغة
# Between the items of a list shown in running text.
list-separator = {"، "}
# A range of percentages, kept on one line by the page: "27–44%".
percent-range = { $low }–{ $high }%
phase-tag = تجريبي
phase-text = هذه خدمة جديدة. ملاحظاتك تساعدنا على تحسينها.
# Links the phase banner to the page's "Is this page useful?" form.
phase-feedback-link = أخبرنا إن كانت هذه الصفحة مفيدة
footer-heading = روابط المساعدة
footer-accessibility = بيان إمكانية الوصول
footer-privacy = إشعار الخصوصية
footer-cookies = ملفات تعريف الارتباط
footer-about = عن هذا الموقع
footer-licence = بُني هذا الموقع باستخدام كوهيجن، وهي منصة مفتوحة المصدر للبرامج التي تقودها المجتمعات المحلية.
page-title = { $page } – { $site }

## «هل هذه الصفحة مفيدة؟»

feedback-question = هل هذه الصفحة مفيدة؟
feedback-yes = نعم
feedback-yes-hidden = هذه الصفحة مفيدة
feedback-no = لا
feedback-no-hidden = هذه الصفحة غير مفيدة
feedback-thanks = شكرًا لك على ملاحظاتك.
feedback-count = { PLURAL($count) ->
    [zero] لم يجد أحد هذه الصفحة مفيدة حتى الآن.
    [one] حتى الآن، وجد شخص واحد هذه الصفحة مفيدة.
    [two] حتى الآن، وجد شخصان هذه الصفحة مفيدة.
    [few] حتى الآن، وجد { $count } أشخاص هذه الصفحة مفيدة.
    [many] حتى الآن، وجد { $count } شخصًا هذه الصفحة مفيدة.
   *[other] حتى الآن، وجد { $count } شخص هذه الصفحة مفيدة.
}

## تسجيل الدخول والخروج في رأس الصفحة

nav-sign-in = تسجيل الدخول
nav-sign-out = تسجيل الخروج
nav-notifications = الإشعارات
nav-notifications-unread = { PLURAL($count) ->
    [one] الإشعارات (واحد غير مقروء)
    [two] الإشعارات (اثنان غير مقروءين)
    [few] الإشعارات ({ $count } غير مقروءة)
    [many] الإشعارات ({ $count } غير مقروء)
   *[other] الإشعارات ({ $count } غير مقروء)
}
# Said when there are more unread than are counted: $count is 99.
nav-notifications-unread-more = الإشعارات (أكثر من { $count } غير مقروءة)
signed-in-as = مسجّل الدخول باسم { $name }

## النماذج: ملخص الأخطاء والحقول والكلمات التي تستخدمها كل النماذج

error-summary-title = توجد مشكلة
error-prefix = خطأ:
warning-prefix = تحذير
change = تغيير
save = حفظ
back = رجوع
none = لا شيء
yes = نعم
no = لا
optional = اختياري
filter = تصفية

## ما يقوله عدّاد الأحرف أثناء الكتابة (يختار سكربت GOV.UK Frontend
## صيغة الجمع بنفسه)

character-count-under-limit = { PLURAL($count) ->
    [zero] لم يبقَ لديك أي حرف
    [one] بقي لديك حرف واحد
    [two] بقي لديك حرفان
    [few] بقي لديك { $count } أحرف
    [many] بقي لديك { $count } حرفًا
   *[other] بقي لديك { $count } حرف
}
character-count-at-limit = لم يبقَ لديك أي حرف
character-count-over-limit = { PLURAL($count) ->
    [zero] لا توجد أحرف زائدة
    [one] لديك حرف واحد زائد
    [two] لديك حرفان زائدان
    [few] لديك { $count } أحرف زائدة
    [many] لديك { $count } حرفًا زائدًا
   *[other] لديك { $count } حرف زائد
}
character-count-words-under-limit = { PLURAL($count) ->
    [zero] لم تبقَ لديك أي كلمة
    [one] بقيت لديك كلمة واحدة
    [two] بقيت لديك كلمتان
    [few] بقيت لديك { $count } كلمات
    [many] بقيت لديك { $count } كلمة
   *[other] بقيت لديك { $count } كلمة
}
character-count-words-at-limit = لم تبقَ لديك أي كلمة
character-count-words-over-limit = { PLURAL($count) ->
    [zero] لا توجد كلمات زائدة
    [one] لديك كلمة واحدة زائدة
    [two] لديك كلمتان زائدتان
    [few] لديك { $count } كلمات زائدة
    [many] لديك { $count } كلمة زائدة
   *[other] لديك { $count } كلمة زائدة
}
character-count-description = { PLURAL($count) ->
    [zero] لا يمكنك كتابة أي حرف
    [one] يمكنك كتابة حرف واحد على الأكثر
    [two] يمكنك كتابة حرفين على الأكثر
    [few] يمكنك كتابة { $count } أحرف على الأكثر
    [many] يمكنك كتابة { $count } حرفًا على الأكثر
   *[other] يمكنك كتابة { $count } حرف على الأكثر
}

## رسائل النجاح والقوائم الطويلة

banner-success = تم بنجاح
banner-important = مهم
pagination-label = الصفحات
pagination-previous = الصفحة السابقة
pagination-next = الصفحة التالية

## التواريخ والأوقات كما يكتبها الناس («4 فبراير 2027 الساعة 5 مساءً»)

# تاريخ: $day و$year أرقام، و$month اسم الشهر.
date-day = { $day } { $month } { $year }
date-month-year = { $month } { $year }
date-month-1 = يناير
date-month-2 = فبراير
date-month-3 = مارس
date-month-4 = أبريل
date-month-5 = مايو
date-month-6 = يونيو
date-month-7 = يوليو
date-month-8 = أغسطس
date-month-9 = سبتمبر
date-month-10 = أكتوبر
date-month-11 = نوفمبر
date-month-12 = ديسمبر
date-at-time = { $date } الساعة { $time }
# مدة من الزمن: تاريخان بوقتيهما؛ وإن وقعا في يوم واحد، فاليوم مرة واحدة ($day) والوقتان.
date-range = من { $opens } إلى { $closes }
date-range-same-day = في { $day } من { $opens } إلى { $closes }
# نظام الاثنتي عشرة ساعة؛ $minute من رقمين دائمًا.
time-am = { $hour } صباحًا
time-am-minutes = { $hour }:{ $minute } صباحًا
time-pm = { $hour } مساءً
time-pm-minutes = { $hour }:{ $minute } مساءً
time-midday = 12 ظهرًا
time-midnight = 12 منتصف الليل
time-zone-europe-london = بتوقيت المملكة المتحدة
time-zone-other = بتوقيت { $zone }
clock-change-forward = تُقدَّم الساعة عند { $time } يوم { $date }: اختر وقتًا قبل { $first } أو ابتداءً من { $safe }
clock-change-back = تُؤخَّر الساعة عند { $time } يوم { $date }، فتتكرر الأوقات من { $first } حتى { $safe } مرتين: اختر وقتًا قبل { $first } أو ابتداءً من { $safe }

## صفحات الأخطاء

error-home-link = انتقل إلى الصفحة الرئيسية
error-back-link = ارجع إلى الصفحة التي كنت فيها
error-form-expired-title = انتهت صلاحية هذا النموذج
error-form-expired-text = بقي النموذج مفتوحًا مدة طويلة، أو أُرسل مرتين (بالضغط على زره مرتين، أو بالرجوع إليه وإرساله من جديد). إن كان قد أُرسل مرتين فقد احتُسب الإرسال الأول. ارجع إلى الصفحة وأعد تحميلها لترى ما آل إليه الأمر، ثم حاول مرة أخرى إن احتجت إلى ذلك.
error-reference = إذا تواصلت معنا بشأن هذا الأمر، فاذكر الرقم المرجعي { $reference }.
error-400-title = توجد مشكلة في طلبك
error-400-text = تعذّر فهم المعلومات المرسلة إلينا. تحقق منها وحاول مرة أخرى.
error-403-title = لا يمكنك القيام بذلك
error-403-text = ليست لديك صلاحية القيام بذلك، أو أن الطلب لم يصدر من هذا الموقع.
error-403-help = إن كنت تحتاج إلى هذا في عملك، فاطلب من أحد مديري هذا الموقع أن يمنح حسابك الدور اللازم: الموظفون يديرون الاستشارات، والمحللون يقرؤون الإجابات وأرقامها. ويجد الموظفون الصفحات المتاحة لهم في «الإدارة».
error-manage-link = انتقل إلى «الإدارة»
error-404-title = الصفحة غير موجودة
error-404-text = إذا كتبت عنوان الصفحة بنفسك، فتحقق من صحته. وإذا نسخته، فتأكد من أنك نسخت العنوان كاملًا.
error-405-title = هذا الإجراء غير متاح هنا
error-405-text = لا يمكن استخدام هذه الصفحة بهذه الطريقة.
error-408-title = استغرق الطلب وقتًا طويلًا
error-408-text = توقفنا عن انتظار طلبك. حاول مرة أخرى.
error-413-title = ما أرسلته كبير جدًا
error-413-text = المعلومات التي أرسلتها أكبر مما نقبله. أرسل قدرًا أقل وحاول مرة أخرى.
error-415-title = لا يمكننا قراءة ما أرسلته
error-415-text = أُرسلت المعلومات بصيغة لا تقبلها هذه الصفحة.
error-422-title = توجد مشكلة فيما أدخلته
error-422-text = تحقق من إجاباتك وحاول مرة أخرى.
error-429-title = طلبات كثيرة جدًا
error-429-text = { PLURAL($minutes) ->
    [zero] أرسلت طلبات كثيرة جدًا. حاول مرة أخرى بعد دقيقة تقريبًا.
    [one] أرسلت طلبات كثيرة جدًا. حاول مرة أخرى بعد دقيقة تقريبًا.
    [two] أرسلت طلبات كثيرة جدًا. حاول مرة أخرى بعد دقيقتين تقريبًا.
    [few] أرسلت طلبات كثيرة جدًا. حاول مرة أخرى بعد { $minutes } دقائق تقريبًا.
    [many] أرسلت طلبات كثيرة جدًا. حاول مرة أخرى بعد { $minutes } دقيقة تقريبًا.
   *[other] أرسلت طلبات كثيرة جدًا. حاول مرة أخرى بعد { $minutes } دقيقة تقريبًا.
}
try-again-in = { PLURAL($minutes) ->
    [zero] حاول مرة أخرى بعد دقيقة تقريبًا.
    [one] حاول مرة أخرى بعد دقيقة تقريبًا.
    [two] حاول مرة أخرى بعد دقيقتين تقريبًا.
    [few] حاول مرة أخرى بعد { $minutes } دقائق تقريبًا.
    [many] حاول مرة أخرى بعد { $minutes } دقيقة تقريبًا.
   *[other] حاول مرة أخرى بعد { $minutes } دقيقة تقريبًا.
}
error-500-title = عذرًا، توجد مشكلة في الخدمة
error-500-text = حاول مرة أخرى لاحقًا. لم يُحفظ أي شيء مما أرسلته.
error-503-title = عذرًا، الخدمة غير متاحة
error-503-text = لم يُحفظ شيء مما أرسلته. حاول مرة أخرى بعد قليل.

## أسباب الأخطاء حسب الرمز

reason-invalid_utf8 = احتوى الطلب على أحرف تعذّرت علينا قراءتها.
reason-nul_character = احتوى الطلب على محرف فارغ لا يقبله أي نص في هذا الموقع.
reason-query_too_long = في عنوان الصفحة قيمة أطول من المسموح: استخدم 1000 حرف على الأكثر.
reason-unknown_locale = هذه اللغة غير متوفرة لدينا. اختر لغة من قائمة اللغات.
reason-unknown_page = هذه الصفحة غير موجودة.
reason-invalid_choice = اختر أحد الخيارات المتاحة
reason-field_required = أجب عن السؤال
reason-cross_site_request = أُرسل النموذج من موقع آخر.
reason-bad_request = لم يكن الطلب بالشكل الذي توقعناه.
reason-field_too_long = هذا أطول من المسموح
reason-field_too_long-limit = يجب ألا يزيد عدد الأحرف على { $limit }
reason-csrf_token_invalid = انتهت صلاحية النموذج. ارجع إلى الصفحة وأعد تحميلها ثم حاول مرة أخرى.
reason-sign_in_required = سجّل الدخول للقيام بذلك
reason-forbidden = ليست لديك صلاحية للقيام بذلك
reason-not_found = لم نعثر على ذلك

## Far-reaching actions ask first (ADR 22)

confirm-title = هل أنت متأكد؟
cancel = إلغاء
confirm-cannot-undo = لا يمكن التراجع عن هذا.
error-409-title = تغيّر هذا من قبل
error-409-text = ما طلبته لم يعد يوافق الوضع الحالي، ربما لأن النموذج أُرسل مرتين. ارجع وأعد تحميل الصفحة لترى الوضع الآن.
error-410-title = لم يعد هذا متاحًا
error-410-text = أُزيل ما كان هنا.
