## جمل الأخطاء في واجهة JSON البرمجية (القرار المعماري 29): قيمة `detail`
## للمشكلة ولكل عنصر من `errors`. تتحدث عن الطلب وأعضائه وترويساته، لمن
## يكتبون برامج تستخدم الواجهة؛ أما الصفحات فتستخدم رسائل `reason-…`.
## المتغيرات: $name (العضو)، $field (عضو أو معرّف سؤال أو page-N)،
## $pointer (مؤشر JSON)، $expected، $limit، $reason (كلام محلل JSON)،
## $minutes، $count.

api-problems = { PLURAL($count) ->
    [one] في الطلب مشكلة واحدة، مذكورة في `errors`.
    [two] في الطلب مشكلتان، كل منهما مذكورة في `errors` مع موضعها.
    [few] في الطلب { $count } مشكلات، كل منها مذكورة في `errors` مع موضعها.
   *[other] في الطلب { $count } مشكلة، كل منها مذكورة في `errors` مع موضعها.
}
api-malformed-json = متن الطلب ليس JSON صالحًا: { $reason }.

# شكل المتن، مقارنةً بالمخطط في وثيقة OpenAPI.
api-schema-type = يجب أن يكون `{ $pointer }` من النوع { $expected }.
api-schema-type-body = يجب أن يكون متن الطلب من النوع { $expected }.
api-schema-unknown = `{ $pointer }` ليس عضوًا يقبله هذا الطلب: تحقق من تهجئته في المخطط.
api-schema-required = `{ $pointer }` مطلوب.
api-schema-enum = يجب أن تكون قيمة `{ $pointer }` إحدى القيم: { $expected }.
api-schema-max-length = { PLURAL($limit) ->
    [zero] يجب ألا يزيد طول `{ $pointer }` على صفر من الأحرف.
    [one] يجب ألا يزيد طول `{ $pointer }` على حرف واحد.
    [two] يجب ألا يزيد طول `{ $pointer }` على حرفين.
    [few] يجب ألا يزيد طول `{ $pointer }` على { $limit } أحرف.
    [many] يجب ألا يزيد طول `{ $pointer }` على { $limit } حرفًا.
   *[other] يجب ألا يزيد طول `{ $pointer }` على { $limit } حرف.
}
api-schema-max-items = يجب ألا يزيد عدد عناصر `{ $pointer }` على { $limit }.
api-schema-min-items = يجب أن يضم `{ $pointer }` { PLURAL($limit) ->
    [one] عنصرًا واحدًا على الأقل
    [two] عنصرين على الأقل
    [few] { $limit } عناصر على الأقل
    [many] { $limit } عنصرًا على الأقل
   *[other] { $limit } عنصر على الأقل
}.
api-schema-minimum = يجب أن تكون قيمة `{ $pointer }` { $limit } أو أكثر.
api-schema-maximum = يجب أن تكون قيمة `{ $pointer }` { $limit } أو أقل.
api-schema-too-deep = تداخل متن الطلب أعمق مما تقرؤه هذه الواجهة.
api-schema-serde = `{ $pointer }`: { $reason }.

# مشكلات الاستبيان، مسماة بالسؤال (`$field`: معرّفه، أو page-N).
api-survey-choices = السؤال `{ $field }`: يجب أن يضم `{ $name }` من 2 إلى 50 عنصرًا (ومن عنصر واحد لصفوف المصفوفة `rows`)، دون عنصر فارغ، وألا يزيد أي عنصر على 300 حرف.
api-survey-text = السؤال `{ $field }` يحتاج إلى نصه `text`.
api-survey-too-long = `{ $pointer }` طويل جدًا: لا يزيد النص على 1000 حرف، ولا عنوان الصفحة على 150 حرفًا، ولا يزيد الاستبيان على 30 صفحة و200 سؤال.
api-survey-duplicate = `{ $pointer }` يكرر عنصرًا سابقًا من القائمة (دون اعتبار لحالة الأحرف والمسافات): يجب أن يختلف كل عنصر عن غيره.
api-survey-id = يجب أن يتكون `{ $pointer }` من 1 إلى 40 حرفًا لاتينيًا أو رقمًا أو `_` أو `-`.
api-survey-id-taken = يحمل سؤال آخر المعرّف `{ $field }` نفسه: يجب أن يكون `id` كل سؤال فريدًا في الاستبيان.
api-survey-max = السؤال `{ $field }`: يجب أن تكون قيمة `max` من 1 إلى عدد الخيارات.
api-survey-range = السؤال `{ $field }`: قيمة `{ $name }` خارج النطاق (لا يجوز أن تزيد `min` على `max`، وقيمة `max_chars` من 1 إلى 20000).
api-survey-purpose = السؤال `{ $field }` يطلب بيانات من الفئات الخاصة، فيحتاج إلى `purpose` يوضح للمشاركين سبب طرحه.
api-survey-rule = `{ $pointer }`: يجب أن تسمي القاعدةُ سؤالَ اختيار في صفحة سابقة، وخياراتٍ موجودة في ذلك السؤال مرقّمة من 0.

# عند تغيير الساعة في المنطقة الزمنية للموقع.
api-clock-gap = `{ $name }` يسمي وقتًا محليًا غير موجود: تتقدم الساعة عند { $from } إلى { $to }. أرسل وقتًا خارج فترة التغيير، أو لحظة محددة مع `Z` أو فارق توقيت مثل `+01:00`.
api-clock-fold = `{ $name }` يسمي وقتًا محليًا يتكرر مرتين: تعود الساعة من { $from } إلى { $to }. أرسل وقتًا خارج فترة التغيير، أو لحظة محددة مع `Z` أو فارق توقيت مثل `+01:00`.

# كل رمز، للخطأ كله (api-<code>) أو لعضو واحد (api-field-<code>، و
# api-<member>-<code> لكلمات خاصة بعضو).
api-bad_request = الطلب ليس بالصيغة التي تقبلها هذه الواجهة: قارنه بوثيقة OpenAPI في `/api/v1/openapi.json`.
api-field-bad_request = `{ $name }` ليس بالصيغة التي تقبلها هذه الواجهة.
api-documents-bad_request = تحتاج كل وثيقة إلى `title` وإلى `url` يبدأ بـ `https://` أو `http://` أو `/` (صفحة من هذا الموقع)، دون مسافات.
api-actor-bad_request = يجب أن يكون `actor` معرّف حساب (UUID).
api-limit-bad_request = يجب أن يكون `limit` عددًا صحيحًا.
api-invalid_utf8 = في الطلب بايتات ليست UTF-8، في عنوانه أو في متنه.
api-nul_character = في الطلب المحرف U+0000، ولا يتسع له أي نص في هذا الموقع.
api-query_too_long = أحد معاملات الاستعلام طويل جدًا: لا يزيد أي منها على 1000 حرف.
api-field-unknown_field = `{ $name }` ليس عضوًا يقبله هذا الطلب.
api-field-invalid_type = نوع `{ $name }` غير صحيح.
api-field-too_few_items = عناصر `{ $name }` أقل من المطلوب.
api-unknown_locale = لا توجد هذه اللغة في الموقع: استخدم وسم لغة موجودة فيه، مثل `en` أو `ar`.
api-field-unknown_locale = يجب أن يكون `{ $name }` وسم لغة موجودة في الموقع، مثل `en` أو `ar`.
api-unknown_page = لا توجد هذه الصفحة في الموقع.
api-page-unknown_page = يجب أن يسمي `page` إحدى صفحات الموقع: `home` أو `get_involved` أو `about` أو `accessibility` أو `privacy` أو `cookies`.
api-field-invalid_choice = قيمة `{ $name }` ليست من القيم المسموح بها هنا.
api-status-invalid_choice = يجب أن تكون قيمة `status` إحدى القيم `upcoming` أو `open` أو `closed`.
api-form_key-invalid_type = يجب أن تكون قيمة `form_key` من 32 إلى 128 رقمًا ست عشريًا، جديدة وعشوائية لكل تعليق.
api-state-invalid_choice = يجب أن تكون قيمة `state` إحدى القيم `happened` أو `current` أو `to_come`.
api-link-invalid_choice = يجب أن تكون قيمة `link` إحدى القيم `none` أو `survey` أو `results` أو `findings`.
api-change-invalid_choice = يجب أن تكون قيمة `change` إحدى القيم `rename` أو `merge` أو `split` أو `delete` أو `add`.
api-field-field_too_long = `{ $name }` طويل جدًا.
api-field-too-long-limit = يجب ألا يزيد عدد أحرف `{ $name }` على { $limit }.
api-field-field_required = `{ $name }` مطلوب ولا يجوز أن يكون فارغًا.
api-field-invalid_slug = لا يجوز أن يحتوي `{ $name }` إلا على حروف لاتينية وأرقام و`_` و`-`.
api-field-invalid_email = يجب أن يكون `{ $name }` عنوان بريد إلكتروني، مثل `name@example.org`.
api-field-password_too_short = يجب ألا يقل طول `{ $name }` عن 12 حرفًا.
api-field-password_too_long = يجب ألا يزيد طول `{ $name }` على 256 حرفًا.
api-field-password_too_common = `{ $name }` شائعة جدًا أو سهلة التخمين: اختر غيرها.
api-field-display_name_too_short = يجب ألا يقل طول `{ $name }` عن حرفين.
api-field-display_name_reserved = لا يجوز أن يشبه `{ $name }` صفة وظيفية في الموظفين، مثل "مشرف" أو "البلدية".
api-field-display_name_invisible_characters = في `{ $name }` محارف غير مرئية: أرسله دونها.
api-invalid_credentials = عنوان البريد الإلكتروني أو كلمة المرور غير صحيحة.
api-field-invalid_credentials = `{ $name }` ليست كلمة مرور الحساب.
api-account_suspended = الحساب موقوف.
api-account_suspended-until = لا يمكن لهذا الحساب التعليق أو الرد حتى { $until } (بالتوقيت العالمي): أوقفه مشرف عن التعليق.
api-invalid_token = الرمز غير معروف، أو استُخدم من قبل، أو انتهت صلاحيته.
api-field-invalid_token = `{ $name }` غير معروف، أو استُخدم من قبل، أو انتهت صلاحيته.
api-respondent_token-invalid_token = `X-Respondent-Token` ليس رمزًا أصدره هذا الموقع للردود على هذه الاستشارة.
api-csrf_token_invalid = أرسل `csrf_token` الخاص بالجلسة (من `POST /api/v1/session` أو `GET /api/v1/me`) في الترويسة `X-CSRF-Token`.
api-sign_in_required = يحتاج هذا الطلب إلى جلسة مسجَّل الدخول فيها: سجّل الدخول عبر `POST /api/v1/session` وأرسل ملف تعريف الارتباط الذي يضعه.
api-cannot_target_self = لا يستطيع المسؤول فعل هذا بحسابه هو: يستطيعه مسؤول آخر.
api-field-invalid_org_identifier = يجب أن يكون `{ $name }` معرّفًا من سجل نعرفه، مثل `GB-CHC-1234567` أو `GB-COH-01234567` أو `GB-LAE-BIR`.
api-field-invalid_phone = يجب أن يكون `{ $name }` رقم هاتف، مثل `020 7946 0000` أو `+44 20 7946 0000`.
api-field-invalid_url = يجب أن يكون `{ $name }` عنوان موقع يبدأ بـ `https://` أو `http://`، فيه اسم مضيف ولا كلمة مرور.
api-field-invalid_hours = يجب أن يكون `{ $name }` ساعات عمل مثل `Mon-Fri 09:00-17:00; Sat 10:00-13:00` أو `24/7`.
api-confirmation_required = يحتاج هذا إلى تأكيد: أرسل التأكيد الذي يصفه المخطط.
api-field-confirmation_required = يجب أن تكون قيمة `{ $name }` هي `true` لتأكيد هذا.
api-already_member = الحساب عضو في هذه المنظمة من قبل.
api-field-already_registered = `{ $name }` مسجَّل من قبل.
api-email_not_verified = أكّد عنوان البريد الإلكتروني للحساب أولًا، بالرابط الذي أُرسل إليه.
api-last_administrator = هذا هو المسؤول الوحيد: اجعل شخصًا آخر مسؤولًا أولًا.
api-field-invalid_date = يجب أن يكون `{ $name }` تاريخًا مكتوبًا بالصيغة `YYYY-MM-DD`.
api-opens_at-invalid_date = يجب أن يكون `opens_at` تاريخًا ووقتًا: `YYYY-MM-DDTHH:MM` بتوقيت الموقع، أو طابعًا زمنيًا وفق RFC 3339 مع `Z` أو فارق توقيت (`2027-01-31T17:00Z`).
api-closes_at-invalid_date = يجب أن يكون `closes_at` تاريخًا ووقتًا: `YYYY-MM-DDTHH:MM` بتوقيت الموقع، أو طابعًا زمنيًا وفق RFC 3339 مع `Z` أو فارق توقيت (`2027-01-31T17:00Z`).
api-field-closes_before_opens = يجب أن يكون `{ $name }` بعد `opens_at`.
api-closes_at-closes_before_opens = يجب أن يكون `closes_at` بعد `opens_at`.
api-field-time_does_not_exist = `{ $name }` يسمي وقتًا محليًا غير موجود لأن الساعة تتقدم حينها: أرسل وقتًا خارج فترة التغيير، أو فارق توقيت.
api-field-time_is_ambiguous = `{ $name }` يسمي وقتًا محليًا يتكرر مرتين لأن الساعة تعود حينها: أرسل وقتًا خارج فترة التغيير، أو فارق توقيت.
api-invalid_survey = لا يمكن حفظ الاستبيان كما هو: كل مشكلة مذكورة في `errors`.
api-field-invalid_survey = `{ $name }`: يجب أن تسمي القاعدةُ سؤالَ اختيار في صفحة سابقة، وخياراتٍ موجودة في ذلك السؤال.
api-field-purpose_required = `{ $name }` مطلوب لسؤال من الفئات الخاصة: اذكر سبب طرحه.
api-field-too_many_choices = `{ $name }`: اختيرت خيارات أكثر مما يسمح به السؤال.
api-field-out_of_range = قيمة `{ $name }` خارج النطاق المسموح به.
api-field-hidden_question = `{ $name }` لا ينطبق بحسب الإجابات السابقة (قاعدة `show_if` الخاصة به غير متحققة): احذفه.
api-field-unknown_question = `{ $name }` ليس سؤالًا في هذا الاستبيان.
api-field-unknown_text = `{ $name }` ليس، أو لم يعد، من النصوص هنا: اقرأها من جديد وأرسل ما تذكره الآن.
api-field-options_of_one_question = يجب أن تكون كل خيارات `{ $name }` من سؤال واحد.
api-consultation_not_open = الاستشارة لا تستقبل ردودًا الآن: انظر `opens_at` و`closes_at` الخاصين بها.
api-discussion_not_open = النقاش لا يقبل تعليقات الآن: راجع `opens_at` و`closes_at`، وهل استُورد النقاش.
api-reply_not_allowed = لا يمكنك الرد على هذا التعليق: فهو في نقاش آخر، أو أُخفي أو حُذف.
api-edit_window_passed = لا يمكن تعديل التعليق إلا خلال 15 دقيقة من نشره.
api-already_reported = سبق أن أبلغت عن هذا التعليق، وبلاغك لدى المشرفين.
api-statement_not_votable = هذه العبارة لا تقبل أصواتًا: إما أنها بانتظار مشرف أو أنها أُخفيت.
api-discussion_imported = استُورد هذا النقاش من مكان آخر: هو للقراءة فقط، ولا يمكن تغيير تفاصيله.
api-stage_has_discussions = ينتمي نقاش إلى مرحلة سيحذفها هذا التغيير، أو إلى مرحلة بعدها: سيبقى النقاش بلا مرحلة، أو يُنقل إلى مرحلة أخرى. اربطه أولًا بمرحلة أخرى أو لا تربطه بأي مرحلة (`consultation_stage` الخاص به).
api-unknown_consultation = لا توجد استشارة بهذا المعرّف `consultation_id`: اعرضها عبر `GET /api/v1/consultations`.
api-field-unknown_consultation = `{ $name }` لا يشير إلى أي استشارة: اعرضها عبر `GET /api/v1/consultations`.
api-unknown_stage = لا يضم الجدول الزمني للاستشارة مرحلة في هذا الموضع: اقرأه عبر `GET /api/v1/consultations/…` (تُعدّ المراحل من 0).
api-stage_ended = انتهت تلك المرحلة من الاستشارة: اربط النقاش بمرحلة قادمة أو جارية.
api-field-stage_ended = `{ $name }` يشير إلى مرحلة من الاستشارة انتهت: اختر مرحلة قادمة أو جارية.
api-field-unknown_stage = `{ $name }` يشير إلى مرحلة لا يضمها الجدول الزمني للاستشارة: اقرأه عبر `GET /api/v1/consultations/…` (تُعدّ المراحل من 0).
api-already_responded = سبق أن ردّ هذا الحساب على هذه الاستشارة.
api-field-invalid_ranking = `{ $name }`: أعطِ كل خيار ترتيبًا مختلفًا، من 1 دون فجوات.
api-survey_locked = ردّ أشخاص على الاستبيان، فلم يعد ممكنًا تغيير بنيته.
api-language_has_translations = للاستشارة ترجمات أُعدّت من اللغة المكتوبة بها، فلا يمكن تغيير تلك اللغة. احذف الترجمات أولًا (احفظ ترجمات كل لغة فارغة)، أو اكتب استشارة جديدة باللغة الأخرى.
api-field-language_has_translations = لا يمكن تغيير `{ $name }` ما دامت للاستشارة ترجمات: احذفها أولًا (احفظ ترجمات كل لغة فارغة)، أو اكتب استشارة جديدة باللغة الأخرى.
api-survey_changed = تغيّر الاستبيان بعد إعداد النموذج، فلم يُغيَّر شيء؛ أعد إعداد التغيير على الاستبيان كما هو الآن.
api-field-weighting_empty_category = `{ $name }`: لخيارٍ له حصة من السكان لا يوجد مشاركون؛ احذفه بكتابة `-`.
api-field-duplicate_label = `{ $name }`: لمحور آخر هذا الاسم من قبل.
api-field-same_theme = `{ $name }`: لا يمكن دمج محور في نفسه.
api-not_long_text = لا تُستخرج المحاور إلا من إجابات أسئلة `long_text`.
api-themes_not_confirmed = أكّد المحاور (`POST …/themes/confirmation`) قبل ربط الإجابات بها.
api-themes_already_confirmed = هذه المحاور مؤكدة من قبل؛ لم يتغير شيء.
api-themes_changed = تغيّرت المحاور بعد طلب التأكيد (أُعيد الاستكشاف، أو أُضيف محور أو دُمج أو قُسّم أو حُذف)؛ لم يتغير شيء.
api-no_answers = لا توجد إجابات مكتوبة لتحليلها بعد.
api-consultation_withdrawn = سُحبت الاستشارة من العموم.
api-not_published = ليس منشورًا (بعد): لا شيء لقراءته أو لسحبه؛ لم يتغير شيء.
api-no_questions = الاستبيان بلا أسئلة؛ أضف سؤالًا واحدًا على الأقل (`PUT …/survey`) قبل النشر.
api-no_responses = لم يرد أحد، فلا نتائج لنشرها.
api-date_in_future = التاريخ بعد اليوم: اذكر اليوم الذي حدث فيه، اليوم أو قبله.
api-markup_not_allowed = يحتوي النص على ترميز (وسوم HTML)؛ أرسل نصًا عاديًا.
api-consultation_draft = الاستشارة غير منشورة؛ انشرها قبل نتائجها.
api-already_removed = أُزيل من قبل؛ لم يتغير شيء.
api-role_already_held = للحساب هذا الدور من قبل؛ لم يتغير شيء.
api-role_not_held = ليس للحساب هذا الدور؛ لم يتغير شيء.
api-already_suspended = الحساب موقوف من قبل؛ لم يتغير شيء.
api-message_already_sent = أُرسلت الرسالة من قبل؛ لم يعد ممكنًا تغييرها أو إرسالها.
api-not_suspended = الحساب غير موقوف؛ لم يتغير شيء.
api-forbidden = لا يجوز للحساب المسجَّل الدخول به فعل هذا.
api-cross_site_request = جاء الطلب من موقع آخر، بحسب ترويسة `Origin` أو `Sec-Fetch-Site`.
api-not_found = لا شيء في هذا العنوان، أو لا شيء يجوز للطالب رؤيته.
api-method_not_allowed = لا يقبل هذا العنوان هذه الطريقة: تذكر الترويسة `Allow` الطرق التي يقبلها.
api-request_timeout = استغرق الطلب وقتًا طويلًا جدًا: أرسله مرة أخرى.
api-payload_too_large = متن الطلب أكبر مما يقبله هذا الموقع.
api-unsupported_media_type = أرسل المتن بصيغة JSON، مع الترويسة `Content-Type: application/json`.
api-rate_limited = طلبات كثيرة جدًا من هذا النوع من هذا العميل: حاول مرة أخرى بعد { PLURAL($minutes) ->
    [one] دقيقة تقريبًا
    [two] دقيقتين تقريبًا
    [few] { $minutes } دقائق تقريبًا
   *[other] { $minutes } دقيقة تقريبًا
} (تذكر `Retry-After` عدد الثواني).
api-internal_error = حدث خطأ في الخادم. اذكر `request_id` إن أبلغت عنه.
api-service_unavailable = لم يُحفظ شيء مما أرسلته. حاول مرة أخرى بعد لحظة (تذكر `Retry-After` عدد الثواني).
