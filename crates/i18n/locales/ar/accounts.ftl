## إنشاء حساب

sign-up-title = إنشاء حساب
sign-up-lead = يتيح لك الحساب العودة إلى إجاباتك وتغييرها ما دامت الاستشارة مفتوحة، والاطلاع على كل ما أرسلته. ويمكن الرد على كثير من الاستشارات دون حساب أيضًا.
field-email = البريد الإلكتروني
field-email-hint = سنرسل إليك رابطًا لتأكيده.
field-display-name = الاسم الظاهر
field-display-name-hint = يظهر بجوار ما تكتبه، ولا يجوز أن يكون لقبًا وظيفيًا.
field-password = كلمة المرور
field-password-hint = 12 حرفًا على الأقل. بضع كلمات لا رابط بينها تصنع كلمة مرور قوية.
sign-up-button = إنشاء الحساب
sign-up-have-account = لديك حساب بالفعل؟
sign-up-too-many = طُلب عدد كبير جدًا من الحسابات من هنا.
check-email-title = تحقق من بريدك الإلكتروني
check-email-text = إذا كان العنوان الذي أدخلته يستقبل البريد، فقد أرسلنا إليه رسالة. افتح الرابط الذي فيها خلال 24 ساعة لإكمال التسجيل.

## تأكيد البريد الإلكتروني

verified-title = تم تأكيد البريد الإلكتروني
verified-text = شكرًا لك. يمكنك الآن تسجيل الدخول.
verify-failed-title = هذا الرابط لا يعمل
verify-failed-text = ربما استُخدم الرابط من قبل، أو انتهت صلاحيته. سجّل الدخول، أو أنشئ حسابًا من جديد.

## تسجيل الدخول

sign-in-title = تسجيل الدخول
sign-in-button = تسجيل الدخول
sign-in-no-account = ليس لديك حساب بعد؟
create-account-link = أنشئ حسابًا
sign-in-forgot = هل نسيت كلمة المرور؟
sign-in-too-many = جرت محاولات خاطئة كثيرة جدًا لتسجيل الدخول إلى هذا الحساب من هنا.
error-401-title = تعذّر تسجيل الدخول
error-401-text = تحقق من بريدك الإلكتروني وكلمة المرور وحاول مرة أخرى.

## إعادة تعيين كلمة المرور

reset-request-title = إعادة تعيين كلمة المرور
reset-request-lead = أدخل البريد الإلكتروني لحسابك. إن كان له حساب، فسنرسل إليه رابطًا لاختيار كلمة مرور جديدة.
reset-request-button = أرسل الرابط
reset-sent-text = إن كان للعنوان حساب، فقد أرسلنا إليه رابطًا. افتحه خلال ساعة واحدة لاختيار كلمة مرور جديدة.
reset-new-title = اختر كلمة مرور جديدة
reset-new-button = حفظ كلمة المرور الجديدة
reset-done-title = تم تغيير كلمة المرور
reset-done-text = سُجّل خروجك من كل الأجهزة. سجّل الدخول بكلمة المرور الجديدة.
reset-failed-text = ربما استُخدم الرابط من قبل أو انتهت صلاحيته. اطلب رابطًا جديدًا.

## حسابك

account-title = حسابك
account-unverified = لم يُؤكَّد بريدك الإلكتروني بعد. افتح الرابط الذي أرسلناه إليك لتأكيده.
account-language = اللغة
account-language-button = حفظ اللغة
account-roles = الأدوار
account-organisations = منظماتك
account-no-organisations = لست عضوًا في أي منظمة.
account-sessions = الأجهزة التي سجّلت الدخول منها
account-sessions-lead = إذا رأيت جهازًا لا تعرفه، فسجّل خروجه وغيّر كلمة المرور.
account-sign-out-everywhere = تسجيل الخروج من كل الأجهزة
account-your-data = بياناتك
account-your-data-lead = اطّلع على كل ما نحتفظ به عنك، أو نزّله، أو احذف حسابك.
account-responses = ردودك
account-no-responses = لم تشارك في أي استشارة بعد.
account-find-consultations = ابحث عن استشارة
account-response-consultation = الاستشارة
account-response-reference = الرقم المرجعي
account-response-sent = أُرسل
account-response-status = الحالة
account-response-see-answers = اطّلع على إجاباتك
account-response-can-change = لا يزال بإمكانك تغييره
account-response-closed = مغلقة
account-response-withdrawn = مسحوبة
account-response-withdrawn-note = سحب المجلس هذه الاستشارة، فلم يعد بالإمكان قراءة صفحتها ولا إجاباتك هنا. ردّك محفوظ.
account-response-copy = نسخة بالبريد الإلكتروني
account-copy-sent-on = أُرسلت في { $sent }
account-copy-waiting = نسخة إجاباتك في «{ $title }» في انتظار الإرسال إلى { $email }.
account-copy-no-server = نسخة إجاباتك في «{ $title }» في انتظار الإرسال إلى { $email }: لم يُعدّ لهذا الموقع خادم بريد إلكتروني بعد، وستُرسل حين يُعدّ.
account-copy-sent = أُرسلت نسخة إجاباتك في «{ $title }» إلى { $email } في { $sent }.
account-data-html = عرض بياناتك
account-data-json = تنزيل بياناتك (JSON)
done-language = تم حفظ لغتك.

## الأجهزة التي سجّلت الدخول منها

session-device = الجهاز
session-started = تاريخ الدخول
session-last-seen = آخر استخدام
session-actions = الإجراءات
session-this-one = هذا الجهاز
session-end = تسجيل الخروج
done-session = تم تسجيل خروج ذلك الجهاز.
done-everywhere = تم تسجيل خروجك من كل الأجهزة.

## تغيير اسم العرض والبريد الإلكتروني وكلمة المرور

change-name-title = تغيير اسم العرض
change-email-title = تغيير بريدك الإلكتروني
change-email-lead = سنرسل رابطًا إلى العنوان الجديد، ويتغيّر عنوانك عند فتحه.
change-password-title = تغيير كلمة المرور
field-new-email = البريد الإلكتروني الجديد
field-current-password = كلمة المرور الحالية
field-new-password = كلمة المرور الجديدة
done-name = تم تغيير اسم العرض.
done-email = افتح صندوق بريد العنوان الجديد واضغط الرابط لإكمال التغيير.
done-email-confirmed = تم تغيير بريدك الإلكتروني.
done-password = تم تغيير كلمة المرور، وسُجّل خروجك من كل الأجهزة الأخرى.

## بياناتك وحذف الحساب

data-title = بياناتك
data-lead = كل ما يحتفظ به هذا الموقع عنك.
data-as-of = صحيحة حتى
data-account-id = رقم الحساب
data-verified-at = تأكيد البريد الإلكتروني
data-created-at = تاريخ الإنشاء
data-emails = الرسائل التي كتبناها إليك
data-activity = النشاط على حسابك
data-when = الوقت
data-subject = الموضوع
data-sent = أُرسلت
data-email-status = الحالة
data-email-sent = أُرسلت
data-email-waiting = في انتظار الإرسال
data-email-no-server = في انتظار الإرسال: لم يُعدّ لهذا الموقع خادم بريد إلكتروني بعد، وستُرسل حين يُعدّ
data-email-given-up = تعذّر إرسالها
activity-account-create = أنشأت حسابك
activity-account-delete = حُذف حسابك
activity-account-email-change = غيّرت عنوان بريدك الإلكتروني
activity-account-email-change-requested = طلبت تغيير عنوان بريدك الإلكتروني
activity-account-end-session = سجّلت الخروج من جهاز آخر
activity-account-export = اطّلعت على بياناتك أو نزّلتها
activity-account-password-change = غيّرت كلمة مرورك
activity-account-password-reset = عيّنت كلمة مرور جديدة برابط إعادة التعيين
activity-account-reinstate = { $who ->
    [you] أعدت تفعيل حساب شخص ما
   *[other] أعاد أحد المسؤولين تفعيل حسابك
}
activity-account-rename = غيّرت اسمك الظاهر
activity-account-reset-requested = طُلب رابط لإعادة تعيين كلمة مرورك
activity-account-sign-in = سجّلت الدخول
activity-account-sign-out-everywhere = سجّلت الخروج من جميع الأجهزة
activity-account-suspend = { $who ->
    [you] علّقت حساب شخص ما
   *[other] علّق أحد المسؤولين حسابك
}
activity-account-verify-email = أكّدت عنوان بريدك الإلكتروني
activity-consultation-create = أنشأت استشارة
activity-help-route-edit = غيّرت مسار مساعدة
activity-help-service-save = حفظت خدمة مساعدة
activity-help-service-retire = أوقفت عرض خدمة مساعدة
activity-help-exit-change = غيّرت وجهة «اخرج من هذه الصفحة»
activity-area-add = أضفت منطقة محلية
activity-area-rename = غيّرت اسم منطقة محلية
activity-area-retire = أوقفت استخدام منطقة محلية
activity-consultation-publish = نشرت استشارة
activity-consultation-results-publish = نشرت نتائج استشارة
activity-consultation-results-withdraw = سحبت نتائج استشارة
activity-consultation-stages = غيّرت المراحل الزمنية لاستشارة
activity-consultation-survey = غيّرت استبيان استشارة
activity-consultation-translate = ترجمت استشارة
activity-consultation-unpublish = سحبت استشارة
activity-consultation-update = غيّرت تفاصيل استشارة
activity-consultation-wording = صحّحت صياغة استبيان استشارة
activity-community-message-create = كتبت رسالة مجتمعية
activity-community-message-send = أرسلت رسالة مجتمعية أو حددت موعد إرسالها
activity-community-message-translate = ترجمت رسالة مجتمعية
activity-community-message-update = غيّرت رسالة مجتمعية
activity-community-subscription-confirm = أُكّد اشتراك في الرسائل المجتمعية
activity-community-subscription-unsubscribe = أُلغي اشتراك في الرسائل المجتمعية
activity-discussion-create = أنشأت نقاشًا
activity-discussion-close = أغلقت نقاشًا قبل موعد إغلاقه
activity-discussion-update = غيّرت تفاصيل نقاش
activity-discussion-publish = نشرت نقاشًا
activity-discussion-translate = ترجمت نقاشًا
activity-discussion-unpublish = سحبت نقاشًا
activity-moderation-approve = وافقت على تعليق
activity-moderation-hide = أخفيت تعليقًا
activity-moderation-restore = أعدت تعليقًا مخفيًا
activity-moderation-redact = حذفت معلومات شخصية من تعليق
activity-moderation-warn = وجّهت تحذيرًا إلى كاتب تعليق
activity-moderation-suspend = أوقفت عضوًا عن التعليق
activity-discussion-statements-stage = أضفت مرحلة العبارات إلى نقاش أو أزلتها
activity-discussion-statement-seed = أضفت عبارة افتتاحية إلى مرحلة العبارات في نقاش
activity-discussion-votes-export = نزّلت عبارات نقاش وأصواته
activity-moderation-statement-approve = اعتمدت عبارة
activity-moderation-statement-hide = أخفيت عبارة
activity-moderation-escalate = أحلت تعليقًا إلى مشرف أقدم
activity-moderation-outside-action = سجّلت إجراءً اتُّخذ خارج المنصة
activity-moderation-appeal = طعنت في قرار إشراف
activity-moderation-appeal-upheld = أيّدت قرار إشراف بعد الطعن
activity-moderation-appeal-overturned = ألغيت قرار إشراف بعد الطعن
activity-moderation-word-add = أضفت مدخلًا إلى قائمة كلمات المشرفين
activity-moderation-word-remove = حذفت مدخلًا من قائمة كلمات المشرفين
activity-discussion-import = استوردت نقاشًا من ملف
activity-finding-add = أضفت استنتاجًا
activity-finding-publish = نشرت استنتاجًا
activity-finding-remove = أزلت استنتاجًا
activity-finding-withdraw = سحبت استنتاجًا
activity-finding-what-we-did = كتبت ما فعلناه استجابةً لاستنتاج
activity-organisation-invite = دعوت شخصًا إلى منظمة
activity-organisation-join = انضممت إلى منظمة
activity-organisation-register = سجّلت منظمة
activity-outbox-view = قرأت صندوق البريد الصادر
activity-responses-export = نزّلت ردود استشارة
activity-response-copy = طلبت نسخة من إجاباتك في استشارة
activity-response-copy-to = طلبت نسخة من إجاباتك في «{ $title }»
activity-response-submit = أرسلت إجاباتك في استشارة
activity-response-submit-to = أرسلت إجاباتك في «{ $title }»
activity-role-grant = { $who ->
    [you] منحت شخصًا دورًا
   *[other] منحك أحد المسؤولين دورًا
}
activity-role-revoke = { $who ->
    [you] سحبت دور شخص ما
   *[other] سحب أحد المسؤولين أحد أدوارك
}
activity-special-category-export = نزّلت إجابات تتضمن بيانات من الفئات الخاصة
activity-special-category-view = اطّلعت على إجابات تتضمن بيانات من الفئات الخاصة
activity-themes-add = أضفت محورًا
activity-themes-confirm = أكّدت مجموعة من المواضيع
activity-themes-delete = حذفت محورًا
activity-themes-map = وزّعت الإجابات المكتوبة على المواضيع
activity-themes-merge = دمجت مواضيع
activity-themes-rename = أعدت تسمية محور
activity-themes-review = اخترت مواضيع إجابة مكتوبة
activity-themes-run = بحثت عن مواضيع في الإجابات المكتوبة
activity-themes-split = قسّمت محورًا
activity-detail-signed-up = أُنشئ الحساب
activity-detail-signed-in = سُجّل الدخول
activity-detail-email-verified = أُكّد عنوان البريد الإلكتروني
activity-detail-password-changed = غُيّرت كلمة المرور
activity-detail-email-change-requested = طُلب تغيير عنوان البريد الإلكتروني
activity-detail-email-changed = غُيّر عنوان البريد الإلكتروني
activity-detail-data-viewed = اطُّلع عليها في هذا الموقع
activity-detail-data-downloaded = نُزّلت في ملف
activity-detail-reset-link-sent = أُرسل رابط إعادة التعيين بالبريد الإلكتروني
activity-detail-password-reset = عُيّنت كلمة مرور جديدة
activity-detail-name-changed = غُيّر الاسم الظاهر
activity-detail-sessions-ended = أُنهيت كل الجلسات
activity-detail-answers-sent = أُرسلت أول مرة
activity-detail-answers-changed = عُدّلت وأُرسلت من جديد
activity-detail-copy-asked = بالبريد الإلكتروني، إلى عنوانك المؤكَّد
activity-detail-joined = انضمام
activity-detail-suspended = عُلّق الحساب
activity-detail-reinstated = أُعيد تفعيل الحساب
activity-detail-role = الدور: { $role }
activity-detail-session = الجلسة { $session }
activity-detail-invitation = الدعوة { $invitation }
activity-tension-report-read = قرأت نص بلاغ توتر
activity-tension-reports-delete-texts = حُذفت نصوص بلاغات التوتر بعد مدة الاحتفاظ
activity-tension-settings-save = غيّرت إعدادات بلاغات التوتر
activity-tension-counts-export = نزّلت أعداد بلاغات التوتر
delete-title = حذف حسابك
delete-lead = يُمحى بريدك الإلكتروني واسمك وكلمة المرور وجلساتك فورًا. لا يمكن التراجع عن ذلك.
delete-warning = لا يمكن التراجع عن حذف الحساب.
delete-contributions = ماذا نفعل بما كتبته؟
delete-keep = أبقِه، منسوبًا إلى «مجهول – حساب محذوف»
delete-remove = احذفه مع ترك ملاحظة بأنه حُذف (تبقى ردود الآخرين)
delete-password-hint = أدخل كلمة المرور لتأكيد هويتك.
delete-button = احذف حسابي
deleted-title = تم حذف حسابك
deleted-text = محونا بياناتك الشخصية. شكرًا لمشاركتك.
account-deleted-name = مجهول – حساب محذوف
removed-contribution = حذف كاتب هذه المساهمة محتواها.

## الأدوار

role-resident = مقيم
role-organisation_member = عضو منظمة
role-moderator = مشرف
role-senior_moderator = مشرف أول
role-officer = موظف
role-analyst = محلل
role-grant_assessor = مقيّم منح
role-grant_administrator = مدير منح
role-elected_member = عضو منتخب
role-administrator = مسؤول النظام
role-tension_reader = قارئ تقارير التوتر
role-grant = أسند إليه دور { $role }
# الدور بعد «منح دور …» كما هو: العربية لا تحتاج أداة هنا.
role-as-resident = مقيم
role-as-organisation_member = عضو منظمة
role-as-moderator = مشرف
role-as-senior_moderator = مشرف أول
role-as-officer = موظف
role-as-analyst = محلل
role-as-grant_assessor = مقيّم منح
role-as-grant_administrator = مدير منح
role-as-elected_member = عضو منتخب
role-as-administrator = مسؤول النظام
role-as-tension_reader = قارئ تقارير التوتر
role-remove = اسحب منه دور { $role }
# الدور في وسط الجملة: لا فرق في العربية بين بداية الجملة ووسطها.
role-name-resident = مقيم
role-name-organisation_member = عضو منظمة
role-name-moderator = مشرف
role-name-senior_moderator = مشرف أول
role-name-officer = موظف
role-name-analyst = محلل
role-name-grant_assessor = مقيّم منح
role-name-grant_administrator = مدير منح
role-name-elected_member = عضو منتخب
role-name-administrator = مسؤول النظام
role-name-tension_reader = قارئ تقارير التوتر

## الإدارة: الأشخاص وأدوارهم

admin-title = الإدارة
people-title = الأشخاص
people-search = الاسم أو البريد الإلكتروني
people-search-hint = يكفي جزء من الاسم أو العنوان.
people-any-role = أي دور
people-results = الأشخاص الذين وُجدوا
people-none = لا أحد يطابق البحث.
people-status = الحالة
status-active = نشط
status-unverified = البريد غير مؤكد
status-suspended = موقوف
person-title = شخص
person-lead = تحدد الأدوار ما يمكن للشخص فعله. تظهر أدوار الموظفين بجانب أسمائهم.
person-suspend = إيقاف الحساب
person-reinstate = إعادة تفعيل الحساب
person-audit-link = عرض سجل التدقيق لهذا الشخص
done-role = تم تغيير الأدوار.
done-role-granted = لدى { $name } الآن دور { $role }.
done-role-withdrawn = لم يعد لدى { $name } دور { $role }.
done-suspension = تم تحديث الحساب.

## الإدارة: سجل التدقيق

audit-title = سجل التدقيق
audit-lead = كل إجراء ذي صلاحيات خاصة: من قام به ومتى ومن أين. لا يمكن تعديل السجلات أو حذفها. لا يظهر هنا ما يفعله الناس بصفتهم مشاركين (إرسال الإجابات وطلب نسخة منها): فهو يخصهم، ويجدونه في «بياناتك» الخاصة بهم.
audit-entries = السجلات
audit-none = لا توجد سجلات مطابقة.
audit-action = الإجراء
audit-any-action = أي إجراء
# When the By or On filter's name or address matches nobody, or several.
audit-nobody = لا يطابق ما أدخلته اسم أحد أو عنوان بريده الإلكتروني. تحقق منه، أو أدخل عنوان بريده الإلكتروني.
audit-several = يطابق ما أدخلته أكثر من شخص. أدخل عنوان بريده الإلكتروني.
audit-actor = بواسطة (الاسم أو عنوان البريد الإلكتروني أو رقم الحساب)
audit-subject = على (الاسم أو عنوان البريد الإلكتروني أو رقم الحساب أو العنصر)
audit-detail = التفاصيل
audit-client = من
audit-by = بواسطة
audit-on = على
audit-system = النظام
audit-deleted-account = حساب محذوف
audit-unnamed = حساب بلا اسم
audit-do-account-create = أنشأ حسابًا
audit-do-account-delete = حذف حسابًا
audit-do-account-email-change = غيّر عنوان بريد إلكتروني
audit-do-account-email-change-requested = طلب تغيير عنوان بريد إلكتروني
audit-do-account-end-session = سجّل الخروج من جهاز آخر
audit-do-account-export = اطّلع على بياناته أو نزّلها
audit-do-account-password-change = غيّر كلمة مرور
audit-do-account-password-reset = عيّن كلمة مرور جديدة برابط إعادة التعيين
audit-do-account-reinstate = أعاد تفعيل حساب
audit-do-account-rename = غيّر اسم عرض
audit-do-help-route-edit = غيّر مسار مساعدة
audit-do-help-service-save = حفظ خدمة مساعدة
audit-do-help-service-retire = أوقف عرض خدمة مساعدة
audit-do-help-exit-change = غيّر وجهة «اخرج من هذه الصفحة»
audit-do-area-add = أضاف منطقة محلية
audit-do-area-rename = غيّر اسم منطقة محلية
audit-do-area-retire = أوقف استخدام منطقة محلية
audit-do-account-reset-requested = طلب رابطًا لإعادة تعيين كلمة مرور
audit-do-account-sign-in = سجّل الدخول
audit-do-account-sign-out-everywhere = سجّل الخروج من كل الأجهزة
audit-do-account-suspend = علّق حسابًا
audit-do-account-verify-email = أكّد عنوان بريد إلكتروني
audit-do-discussion-import = استورد نقاشًا من ملف
audit-do-community-message-create = كتب رسالة مجتمعية
audit-do-community-message-send = أرسل رسالة مجتمعية أو حدد موعد إرسالها
audit-do-community-message-translate = ترجم رسالة مجتمعية
audit-do-community-message-update = غيّر رسالة مجتمعية
audit-do-community-subscription-confirm = أكّد اشتراكًا في الرسائل المجتمعية
audit-do-community-subscription-unsubscribe = ألغى اشتراكًا في الرسائل المجتمعية
audit-do-discussion-create = أنشأ نقاشًا
audit-do-discussion-close = أغلق نقاشًا قبل موعد إغلاقه
audit-do-discussion-publish = نشر نقاشًا
audit-do-discussion-translate = ترجم نقاشًا
audit-do-discussion-unpublish = سحب نقاشًا
audit-do-discussion-update = غيّر تفاصيل نقاش
audit-do-organisation-invite = دعا شخصًا إلى منظمة
audit-do-organisation-join = انضم إلى منظمة
audit-do-organisation-register = سجّل منظمة
audit-do-outbox-view = قرأ صندوق البريد الصادر
audit-do-role-grant = منح دورًا
audit-do-role-revoke = سحب دورًا
audit-do-moderation-approve = وافق على تعليق
audit-do-moderation-hide = أخفى تعليقًا
audit-do-moderation-restore = أعاد تعليقًا مخفيًا
audit-do-moderation-redact = حذف معلومات شخصية من تعليق
audit-do-moderation-warn = وجّه تحذيرًا إلى كاتب تعليق
audit-do-moderation-suspend = أوقف عضوًا عن التعليق
audit-do-discussion-statements-stage = أضاف مرحلة العبارات إلى نقاش أو أزالها
audit-do-discussion-statement-seed = أضاف عبارة افتتاحية إلى نقاش
audit-do-discussion-votes-export = نزّل عبارات نقاش وأصواته
audit-do-moderation-statement-approve = اعتمد عبارة
audit-do-moderation-statement-hide = أخفى عبارة
audit-do-moderation-escalate = أحال تعليقًا إلى مشرف أقدم
audit-do-moderation-outside-action = سجّل إجراءً اتُّخذ خارج المنصة بشأن تعليق
audit-do-moderation-appeal = طعن في قرار إشراف
audit-do-moderation-appeal-upheld = أيّد قرار إشراف بعد الطعن
audit-do-moderation-appeal-overturned = ألغى قرار إشراف بعد الطعن
audit-do-moderation-word-add = أضاف مدخلًا إلى قائمة كلمات المشرفين
audit-do-moderation-word-remove = حذف مدخلًا من قائمة كلمات المشرفين
audit-do-tension-report-read = قرأ نص بلاغ توتر
audit-do-tension-reports-delete-texts = حذف نصوص بلاغات التوتر بعد مدة الاحتفاظ
audit-do-tension-settings-save = غيّر إعدادات بلاغات التوتر
audit-do-tension-counts-export = نزّل أعداد بلاغات التوتر

## الإدارة: صندوق البريد الصادر

outbox-title = صندوق البريد الصادر
outbox-lead = كل رسالة كتبتها المنصة. إن لم يكن هناك خادم بريد، تبقى الرسائل هنا ولا تُرسل.
outbox-lead-smtp = كل رسالة كتبتها المنصة وهل أُرسلت. تُرسل الرسائل عبر خادم البريد، لذلك لا يظهر نصها هنا.
outbox-sent = أُرسلت
outbox-waiting = في الانتظار
outbox-no-server = لم تُرسل: لم يُعدّ خادم بريد إلكتروني
outbox-given-up = تعذّر إرسالها
outbox-messages = الرسائل
outbox-none = لا توجد رسائل بعد.
outbox-to = إلى
outbox-body = الرسالة
outbox-body-private = لا تُعرض: نسخة إجابات شخص ما تخصّه وحده. تُرسل عند إعداد خادم بريد.

## المنظمات

organisation-title = منظمة
organisation-register-title = تسجيل منظمة
organisation-register-lead = سجّل جمعيتك الخيرية أو مجموعتك المجتمعية أو شركتك لتتقدم بطلبات المنح باسمها. ستكون أول أعضائها.
organisation-register-button = تسجيل المنظمة
organisation-name = اسم المنظمة
organisation-kind = نوع المنظمة
organisation-registration = رقم التسجيل
organisation-registration-hint = اختياري. مثل رقم الجمعية الخيرية أو الشركة.
organisation-org-id = معرّف المنظمة
organisation-org-id-hint = اختياري. من org-id.guide، مثل GB-CHC-1234567 لجمعية خيرية في إنجلترا وويلز، وGB-COH-01234567 لشركة، وGB-LAE-BIR لسلطة محلية.
organisation-address = العنوان
organisation-contact-name = اسم جهة الاتصال
organisation-contact-email = البريد الإلكتروني لجهة الاتصال
organisation-contact-phone = هاتف جهة الاتصال
organisation-members = الأعضاء
organisation-owner = يمكنه الدعوة
organisation-invitations = الدعوات
organisation-accepted = مقبولة
organisation-invite-email = ادعُ شخصًا عبر البريد الإلكتروني
organisation-invite-hint = يجب أن يسجّل الدخول بهذا العنوان لينضم.
organisation-invite-button = أرسل الدعوة
kind-charity = جمعية خيرية
kind-community_group = مجموعة مجتمعية
kind-company = شركة
kind-local_authority = سلطة محلية
kind-other = أخرى
done-organisation = تم تسجيل منظمتك.
done-invited = تم إرسال الدعوة.

## الانضمام إلى منظمة

join-title = الانضمام إلى منظمة
join-lead = دُعيت للانضمام إلى منظمة على هذا الموقع. يمكن للأعضاء التقدم بطلبات المنح باسمها.
join-button = انضم
done-joined = انضممت إلى المنظمة.

## أسباب أخطاء الحسابات

reason-invalid_email = أدخل بريدًا إلكترونيًا بالصيغة الصحيحة، مثل name@example.org
reason-password_too_short = يجب ألا تقل كلمة المرور عن 12 حرفًا
reason-password_too_long = يجب ألا تزيد كلمة المرور على 256 حرفًا
reason-password_too_common = كلمة المرور هذه شائعة جدًا أو سهلة التخمين. اختر غيرها
reason-display_name_too_short = يجب ألا يقل الاسم الظاهر عن حرفين
reason-display_name_reserved = لا يجوز أن يشبه الاسم الظاهر لقبًا وظيفيًا مثل «مشرف» أو «البلدية»
reason-display_name_invisible_characters = يحتوي الاسم الظاهر على أحرف مخفية. اكتبه من جديد
reason-invalid_credentials = البريد الإلكتروني أو كلمة المرور غير صحيحة
reason-account_suspended = هذا الحساب موقوف
reason-invalid_token = الرابط لا يعمل
reason-email_not_verified = أكّد بريدك الإلكتروني أولًا: افتح الرابط الذي أرسلناه إليك
reason-last_administrator = أنت المسؤول الوحيد. اجعل شخصًا آخر مسؤولًا أولًا
reason-cannot_target_self = لا يمكنك فعل ذلك بحسابك أنت. اطلب ذلك من مسؤول آخر
reason-invalid_org_identifier = أدخل معرّفًا من سجل نعرفه، مثل GB-CHC-1234567 أو GB-COH-01234567 أو GB-LAE-BIR
reason-invalid_phone = أدخل رقم هاتف، مثل 020 7946 0000 أو ‎+44 20 7946 0000
reason-confirmation_required = أكّد أنك تريد القيام بذلك
reason-already_member = أنت عضو بالفعل
reason-already_registered = هذا مسجّل بالفعل
# A field's own words for a problem, where the general one would not name it
# (the web kit looks for reason-<field>-<code> first).
reason-password-invalid_credentials = كلمة المرور غير صحيحة
reason-current_password-invalid_credentials = كلمة المرور الحالية غير صحيحة
reason-email-field_required = أدخل عنوان بريد إلكتروني
reason-password-field_required = أدخل كلمة مرور
reason-display_name-field_required = أدخل اسمًا للعرض
reason-display_name-field_too_long-limit = يجب ألا يزيد عدد أحرف الاسم الظاهر على { $limit }
reason-new_password-field_required = أدخل كلمة مرور جديدة

## رسائل البريد الإلكتروني

# The last line of every email: the site's name, as its pages give it.
email-sign-off = أُرسلت هذه الرسالة من { $site }.

email-verify-subject = أكّد بريدك الإلكتروني
email-verify-body =
    افتح هذا الرابط خلال 24 ساعة لتأكيد بريدك الإلكتروني:

    { $link }

    إذا لم تُنشئ حسابًا، يمكنك تجاهل هذه الرسالة.
email-existing-subject = لديك حساب بالفعل
email-existing-body =
    حاول شخص ما إنشاء حساب بهذا البريد الإلكتروني، لكن لديك حسابًا بالفعل. سجّل الدخول من هنا:

    { $link }

    إذا لم تكن أنت، فلا حاجة إلى فعل أي شيء.
email-reset-subject = إعادة تعيين كلمة المرور
email-reset-body =
    افتح هذا الرابط خلال ساعة واحدة لاختيار كلمة مرور جديدة:

    { $link }

    إن لم تطلب ذلك، فتجاهل هذه الرسالة. لم تتغير كلمة المرور.
email-change-subject = أكّد بريدك الإلكتروني الجديد
email-change-body =
    افتح هذا الرابط خلال 24 ساعة ليصبح هذا العنوان بريد حسابك:

    { $link }

    إن لم تطلب ذلك، فتجاهل هذه الرسالة.
email-invite-subject = دعوة للانضمام إلى { $organisation }
email-invite-body =
    دُعيت للانضمام إلى { $organisation } على { $site }. سجّل الدخول بهذا البريد الإلكتروني، ثم افتح هذا الرابط خلال 7 أيام:

    { $link }

    إن لم تكن تتوقع هذه الدعوة، فتجاهل هذه الرسالة.
email-changed-subject = تم تغيير البريد الإلكتروني لحسابك
email-changed-body =
    تم للتو تغيير البريد الإلكتروني لحسابك على { $site } إلى عنوان جديد، وستُرسل رسائل حسابك إليه من الآن.

    إن لم تفعل ذلك بنفسك، فقد يكون أحد يستخدم حسابك. أعد تعيين كلمة المرور فورًا:

    { $link }

## Asking before a role or suspension changes (ADR 22)

confirm-role-grant-title = هل تُسند إلى { $name } دور { $role }؟
confirm-role-grant-lead = سيتمكن { $name } من كل ما يسمح به دور { $role }:
confirm-role-grant-button = نعم، أسند إليه دور { $role }
confirm-role-remove-title = هل تسحب دور { $role } من { $name }؟
confirm-role-remove-lead = لن يتمكن { $name } بعد الآن من القيام بما يلي مما يسمح به دور { $role }:
confirm-role-remove-others = يبقى بإمكانه القيام بما تسمح به أدواره الأخرى.
confirm-role-remove-button = نعم، اسحب دور { $role }
confirm-role-administrator = يستطيع المسؤول أن يرى أدوار الجميع ويغيّرها، وأن يعيّن مسؤولين آخرين، وأن يوقف أي حساب، وأن يقرأ سجل التدقيق وكل بريد يرسله الموقع. لا تجعل أحدًا مسؤولًا إلا إذا كنت تأتمنه على ذلك كله.
confirm-suspend-title = هل توقف حساب { $name }؟
confirm-suspend-lead = إيقاف الحساب سيؤدي في الحال إلى:
confirm-suspend-sessions = تسجيل خروجه من كل مكان
confirm-suspend-links = إلغاء أي روابط دخول أو كلمة مرور أو بريد أُرسلت إليه
confirm-suspend-roles = منعه من أي شيء سوى القراءة، أيًّا كانت أدواره
confirm-suspend-reinstate = يمكنك إعادة تفعيل الحساب لاحقًا، ويبقى ما كتبه كما هو.
confirm-suspend-button = نعم، أوقف الحساب
action-participate = المشاركة في الاستشارات والنقاشات
action-apply_for_grant = التقدم بطلبات منح باسم منظمته
action-moderate = إخفاء المحتوى المبلَّغ عنه واستعادته ومراجعته
action-decide_escalated = البتّ في التعليقات التي أحالها المشرفون الآخرون، مثل التهديدات والمحتوى الإرهابي
action-run_engagement = إنشاء الاستشارات ونتائجها وخلاصاتها ونشرها وسحبها
action-analyse = الاطلاع على النتائج والإجابات المكتوبة والتحليل
action-view_special_category = الاطلاع على الإجابات عن الأصل العرقي والدين والصحة وغيرها من الفئات الخاصة
action-export_responses = تنزيل كل الردود
action-assess_applications = تقييم طلبات المنح
action-decide_applications = إدارة جولات التمويل والبت في طلبات المنح
action-answer_questions = الإجابة عن الأسئلة الموجهة إلى الأعضاء المنتخبين
action-manage_people = البحث عن الأشخاص ومنح الأدوار وسحبها وإيقاف الحسابات وإعادة تفعيلها
action-audit = قراءة سجل التدقيق وكل بريد يرسله الموقع
action-configure_help = تغيير مسارات المساعدة وجهات الاتصال والخدمات المحلية
action-read_tension_reports = قراءة تقارير التوتر المجتمعي وأعدادها
action-send_community_messages = كتابة الرسائل المجتمعية وإرسالها إلى المشتركين
reason-role_already_held = لديه هذا الدور من قبل. لم يتغير شيء.
reason-role_not_held = ليس لديه هذا الدور. لم يتغير شيء.
reason-already_suspended = هذا الحساب موقوف من قبل. لم يتغير شيء.
reason-not_suspended = هذا الحساب غير موقوف. لم يتغير شيء.
