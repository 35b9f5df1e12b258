## المحاور في الإجابات المكتوبة على سؤال النص الطويل (للمحللين)

themes-title = المحاور
themes-title-of = المحاور: { $question }
themes-lead = اعثر على المحاور فيما كتبه الناس: شغّل الاستكشاف برقم بذرة (الإجابات نفسها مع البذرة نفسها تعطي المحاور نفسها دائماً)، ثم أعد التسمية أو ادمج أو قسّم أو احذف أو أضف محاور، وأكّد المجموعة، ثم صنّف كل إجابة ضمن المحاور المؤكدة. الإجابات التي لا يثق التصنيف بها تنتظر في قائمة المراجعة. تُخفى بيانات الاتصال في الاقتباسات.
themes-not-run = لم يُشغَّل الاستكشاف على هذا السؤال بعد.
themes-link = المحاور في الإجابات على { $question }
themes-run-heading = استكشاف المحاور
themes-field-seed = البذرة
themes-field-seed-hint = عدد صحيح. إعادة التشغيل بالبذرة نفسها على الإجابات نفسها تعطي المحاور نفسها.
themes-run = استكشف المحاور
themes-rerun = استكشف المحاور من جديد
themes-summary-seed = البذرة
themes-summary-run = التشغيل
themes-summary-run-value = { $when } بواسطة { $who }
themes-summary-answers = الإجابات التي حُلِّلت
themes-summary-status = المرحلة
themes-stage-candidates = محاور مقترحة: عدّلها ثم أكّد المجموعة
themes-stage-confirmed = المحاور مؤكدة: صنّف الإجابات
themes-stage-mapped = الإجابات مصنّفة ضمن المحاور المؤكدة
themes-list-heading = المحاور
themes-none = لم يجد الاستكشاف محاور في هذه الإجابات. أضف محوراً مع إجابات مثالية.
themes-table-caption = المحاور مع موقفها وثلاث إجابات مثالية وعدد الإجابات في كل منها
themes-col-theme = المحور
themes-col-stance = الموقف
themes-col-quotes = إجابات مثالية
themes-col-candidates = الإجابات (الاستكشاف)
themes-col-mapped = الإجابات (التصنيف)
themes-terms = أبرز الكلمات:
themes-edit = تغيير
themes-stance-agree = مؤيد
themes-stance-disagree = معارض
themes-stance-unclear = غير واضح
themes-stance-mixed = مختلط (أضافه محلل)
themes-status-candidate = مقترح
themes-status-confirmed = مؤكد
themes-count = { $count } من { $base } ({ $share }٪، نطاق 95٪: { $low }–{ $high }٪)
themes-set-aside-heading = تُعدّ على حدة
themes-set-aside-lead = نصوص الحملات (الكلمات نفسها يرسلها كثيرون) والموافقة أو الرفض المجرد والإجابات التي لم يأخذها أي محور تُعدّ هنا ولا تُصنَّف في محاور.
themes-campaigns = نسخ الحملات
themes-endorsements = موافقة مجردة («أوافق 100٪»، «نعم»)
themes-rejections = رفض مجرد («لا»)
themes-unassigned = إجابات لم يأخذها أي محور
themes-campaign-count = { $count ->
    [zero] لا نسخ
    [one] نسخة واحدة
    [two] نسختان
    [few] { $count } نسخ
    [many] { $count } نسخة
   *[other] { $count } نسخة
}
themes-add-heading = إضافة محور
themes-field-label = العنوان
themes-field-description = الوصف
themes-field-references = إجابات مثالية
themes-field-references-hint = الأرقام المرجعية لإجابة أو أكثر تنتمي إلى المحور، مفصولة بفواصل (كما تظهر في صفحة الإجابات المكتوبة).
themes-add = أضف المحور
themes-confirm-heading = التأكيد والتصنيف
themes-confirm-lead = عندما تصبح المحاور صحيحة، أكّد المجموعة. بعدها تُصنَّف الإجابات ضمن المحاور المؤكدة.
themes-confirm = أكّد هذه المحاور
themes-confirmed = المحاور مؤكدة. صنّف كل إجابة ضمنها مع درجة ثقة لكل منها.
themes-map = صنّف الإجابات
themes-remap = صنّف الإجابات من جديد
themes-review-link = { $count ->
    [zero] لا إجابات تنتظر المراجعة
    [one] إجابة واحدة تنتظر المراجعة
    [two] إجابتان تنتظران المراجعة
    [few] { $count } إجابات تنتظر المراجعة
    [many] { $count } إجابة تنتظر المراجعة
   *[other] { $count } إجابة تنتظر المراجعة
}
themes-retired-heading = محاور محذوفة ومدمجة
themes-retired-deleted = محذوف
themes-retired-merged = دُمج في «{ $into }»
themes-done-run = اكتمل الاستكشاف. راجع المحاور المقترحة.
themes-done-add = أُضيف المحور.
themes-done-rename = أُعيدت تسمية المحور.
themes-done-merge = دُمجت المحاور.
themes-done-split = فُصل المحور الجديد.
themes-done-delete = حُذف المحور.
themes-done-confirm = المحاور مؤكدة.
themes-done-map = صُنّفت كل إجابة ضمن المحاور المؤكدة.
themes-done-review = حُفظت محاور الإجابة.
theme-edit-title = تغيير محور
theme-edit-title-of = تغيير المحور «{ $label }»
themes-rename-heading = إعادة التسمية
themes-rename = احفظ العنوان
themes-merge-heading = الدمج في محور آخر
themes-field-into = المحور الذي يُدمج فيه
themes-merge = ادمج
themes-split-heading = فصل محور جديد
themes-field-new-label = عنوان المحور الجديد
themes-field-examples = الإجابات التي تنتقل إلى المحور الجديد
themes-split = افصل
themes-delete-heading = الحذف
themes-delete-lead = يُعلَّم المحور محذوفاً ولا يُمحى: يحتفظ سجل التدقيق بما كان عليه.
themes-delete = احذف هذا المحور
themes-review-title = إجابات للمراجعة
themes-review-title-of = إجابات للمراجعة: { $question }
themes-review-lead = { $count ->
    [zero] لا إجابات تنتظر المراجعة.
    [one] إجابة واحدة تنتظر: لم يثق التصنيف بها. اختر محاورها، أو لا شيء، ثم احفظ.
    [two] إجابتان تنتظران: لم يثق التصنيف بهما. اختر محاور كل منهما، أو لا شيء، ثم احفظ.
    [few] { $count } إجابات تنتظر: لم يثق التصنيف بها. اختر محاور كل منها، أو لا شيء، ثم احفظ.
    [many] { $count } إجابة تنتظر: لم يثق التصنيف بها. اختر محاور كل منها، أو لا شيء، ثم احفظ.
   *[other] { $count } إجابة تنتظر: لم يثق التصنيف بها. اختر محاور كل منها، أو لا شيء، ثم احفظ.
}
themes-review-detail = الموقف: { $stance }. أعلى درجة ثقة: { $confidence }.
themes-review-choose = محاور هذه الإجابة
themes-review-save = احفظ
response-title = رد
response-title-of = الرد { $reference }
response-lead = إجابات هذا الرد مع إخفاء بيانات الاتصال. لا تظهر هنا الإجابات على أسئلة الفئات الخاصة.
response-empty = لا إجابة
finding-field-theme = أو محور مؤكد
finding-field-theme-hint = يصبح الرقم حينها نسبة الإجابات المكتوبة على السؤال المصنّفة ضمن المحور.
finding-theme-none = لا شيء: استخدم السؤال والخيار أعلاه
finding-figure-theme = { $count } من أصل { $base } إجابة مكتوبة على «{ $question }» تناولت «{ $theme }» (نطاق 95٪: { $low }–{ $high }٪).
finding-figure-theme-count = { $count } من أصل { $base } إجابة مكتوبة على «{ $question }» تناولت «{ $theme }». الإجابات أقل من أن تُعطى نسبة مئوية.
finding-figure-theme-hidden = عدد الإجابات المكتوبة على «{ $question }» التي تناولت هذا المحور أقل من أن يُعرض.
reason-duplicate_label = لمحور آخر هذا العنوان نفسه. اختر عنواناً مختلفاً
reason-same_theme = لا يمكن دمج محور في نفسه. اختر محوراً آخر
reason-not_long_text = تُستخرج المحاور من الإجابات على أسئلة النص الطويل فقط
reason-themes_not_confirmed = أكّد المحاور قبل تصنيف الإجابات
reason-no_answers = لا توجد إجابات مكتوبة لتحليلها بعد
