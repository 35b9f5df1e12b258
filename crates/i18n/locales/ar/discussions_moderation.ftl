## صفحات المشرفين في النقاشات: قائمة الانتظار، وقرارات تعليق واحد،
## وقوائم الكلمات، ومجموعة لوحة الإدارة، وطعن الكاتب.

moderation-title = الإشراف
moderation-panel = الإشراف
moderation-open-queue = افتح قائمة الإشراف
moderation-back = العودة إلى قائمة الإشراف
moderation-empty = لا شيء ينتظر.
moderation-count = { PLURAL($count) ->
    [zero] لا توجد تعليقات ولا عبارات تنتظر مشرفًا.
    [one] تعليق أو عبارة واحدة تنتظر مشرفًا.
    [two] اثنان من التعليقات والعبارات ينتظران مشرفًا.
    [few] { $count } من التعليقات والعبارات تنتظر مشرفًا.
    [many] { $count } من التعليقات والعبارات تنتظر مشرفًا.
   *[other] { $count } من التعليقات والعبارات تنتظر مشرفًا.
}
moderation-count-more = أكثر من { $count } من التعليقات والعبارات تنتظر مشرفًا.
moderation-filter-any = الكل
moderation-filter-reason = سبب الإبلاغ
moderation-filter-discussion = النقاش
moderation-filter-language = لغة النقاش
moderation-filter-flag = فقط ما كان
moderation-filter-button = اعرض ما ينتظر
moderation-flag-held = محتجز
moderation-flag-reported = مُبلَّغ عنه
moderation-flag-appealed = مطعون فيه
moderation-flag-escalated = مُحال
moderation-flag-statements = العبارات (المحتجزة)

moderation-item-title = البتّ في تعليق
moderation-item-heading = تعليق من { $name }
moderation-row-comment = التعليق
moderation-row-statement = العبارة
moderation-statement-heading = العبارة المحتجزة { $number }
moderation-statement-decide = وافق عليها أو أخفِها في صفحة عبارات النقاش
moderation-row-author = الكاتب
moderation-author-badge = { $name } ({ $badge })
moderation-row-posted = نُشر
moderation-row-state = حاله الآن
moderation-state-published = ظاهر للجميع
moderation-state-held = محتجز لدى مشرف
moderation-state-hidden = أخفاه مشرف
moderation-state-deleted = حذفه كاتبه
moderation-state-removed = أُزيل مع حساب كاتبه
moderation-view-in-discussion = شاهده في النقاش
moderation-row-discussion = النقاش
moderation-open-discussion = افتح النقاش
moderation-row-parent = ردًا على { $name }
moderation-row-why = سبب وجوده هنا
moderation-row-report-note = ما كتبه المُبلِّغ
moderation-reports-of = { PLURAL($count) ->
    [zero] لم يُبلَّغ عنه: { $reason }
    [one] أُبلغ عنه مرة واحدة: { $reason }
    [two] أُبلغ عنه مرتين: { $reason }
    [few] أُبلغ عنه { $count } مرات: { $reason }
    [many] أُبلغ عنه { $count } مرة: { $reason }
   *[other] أُبلغ عنه { $count } مرة: { $reason }
}
moderation-reason-word = يحتوي على «{ $entry }» من قائمة الكلمات
moderation-reason-repeat = يكرّر تعليقًا نُشر من قبل
moderation-reason-repeat-of = يكرّر التعليق الذي نشره { $name } في { $when }: «{ $text }»
moderation-row-repeated = التعليق الذي يكرّره، كتبه { $name }
moderation-repeated-open = اقرأه في سياقه
moderation-reason-links = فيه روابط كثيرة
moderation-reason-first-comments = تُراجَع التعليقات الأولى للعضو
moderation-reason-all-comments = تُراجَع كل التعليقات
moderation-reason-near-repeat = يكاد يطابق تعليقًا نُشر من قبل
moderation-reason-near-repeat-of = يكاد يطابق التعليق الذي نشره { $name } في { $when }: «{ $text }»
moderation-reason-campaign = { PLURAL($count) ->
    [zero] جزء من حملة: النص نفسه من عدة حسابات خلال { $hours } ساعة
    [one] جزء من حملة: النص نفسه من عدة حسابات خلال { $hours } ساعة
    [two] جزء من حملة: النص نفسه من عدة حسابات خلال { $hours } ساعة (تعليقان، مذكوران أدناه)
    [few] جزء من حملة: النص نفسه من عدة حسابات خلال { $hours } ساعة ({ $count } تعليقات، مذكورة أدناه)
    [many] جزء من حملة: النص نفسه من عدة حسابات خلال { $hours } ساعة ({ $count } تعليقًا، مذكورة أدناه)
   *[other] جزء من حملة: النص نفسه من عدة حسابات خلال { $hours } ساعة ({ $count } تعليق، مذكورة أدناه)
}
moderation-reason-rate = نشر كاتبه { $count } تعليقًا أو أكثر في آخر { $minutes } دقائق
moderation-reason-classifier = يقدّر المصنِّف (الإصدار { $version }) احتمال إخفائه بنسبة { $percent }%؛ الكلمات الأكثر أثرًا: { $words }
moderation-reason-ngram = «{ $ngram }»
moderation-row-campaign-member = من الحملة نفسها: { $name }
moderation-campaign-open = افتح هذا التعليق
moderation-reason-appeal = طعن كاتبه في قرار
moderation-row-record = سجل الكاتب
moderation-record = التعليقات: { $comments }. المخفية: { $hidden }. التحذيرات والإيقافات: { $sanctions }.
moderation-row-appeal = الطعن
moderation-outside-heading = أُبلغ عنه بوصفه تهديدًا أو محتوى إرهابيًا: تحقّق منه أولًا
moderation-outside-threats = أبلغ أحدهم عن هذا بوصفه تهديدًا. إن رأيت أنه يهدد حياة شخص أو سلامته، فاتصل بخدمات الطوارئ على 999 أو 112 الآن، ثم سجّل ما فعلته.
moderation-outside-extremist = أبلغ أحدهم عن هذا بوصفه محتوى إرهابيًا. إن رأيت أنه كذلك، فأبلغ عنه عبر المسار الوطني للإبلاغ عن المحتوى الإرهابي على الإنترنت، ثم سجّل ما فعلته.
moderation-outside-button = سجّل أن ذلك تمّ

moderation-action-label = القرار
moderation-action-approve = الموافقة: أظهره أو أبقه كما هو
moderation-action-hide = أخفه عن العامة
moderation-action-restore = أظهر تعليقًا مخفيًا من جديد
moderation-action-redact = احذف المعلومات الشخصية
moderation-action-warn = حذّر كاتبه
moderation-action-suspend = أوقف كاتبه عن التعليق بضعة أيام
moderation-action-escalate = أحله إلى مشرف أقدم
moderation-action-outside-action = سجّل أن إجراءً خارج المنصة قد اتُّخذ
moderation-reason-label = السبب الذي يقرؤه الجميع (عند الإخفاء)
moderation-reason-hint = اختر سببًا عند إخفاء تعليق.
moderation-words-label = الكلمات المراد حذفها (عند حذف المعلومات الشخصية)
moderation-words-hint = عند إزالة معلومات شخصية: اكتب الكلمات تمامًا كما تظهر في التعليق.
moderation-days-label = عدد الأيام (عند إيقاف الكاتب عن التعليق)
moderation-days-hint = عند الإيقاف: من 1 إلى 365 يومًا.
moderation-note-label = ملاحظة (اختيارية)
moderation-note-hint = للمشرفين الآخرين، وللكاتب عند تحذيره أو إيقافه.
moderation-decide-button = سجّل القرار
moderation-suspend-ask-title = أتريد إيقاف { $name } عن التعليق حتى { $until }؟
moderation-suspend-ask-lead = لن يستطيع حتى ذلك الحين التعليق أو الرد أو التعديل أو إضافة عبارات في أي مكان على الموقع. سيُبلَّغ بالسبب بلغته، ويمكنه الطعن مرة واحدة.
moderation-suspend-ask-button = نعم، أوقفه عن التعليق
# $count: how many decisions the appeal covers (hidden and warned: 2).
moderation-appeal-uphold = { PLURAL($count) ->
    [one] أيّد القرار
    [two] أيّد القرارين
   *[other] أيّد القرارات الـ{ $count }
}
moderation-appeal-overturn = { PLURAL($count) ->
    [one] ألغِ القرار
    [two] ألغِ القرارين
   *[other] ألغِ القرارات الـ{ $count }
}
moderation-withdrawn-on = سُحب في { $date }
moderation-appeal-uphold-note = ملاحظة إلى كاتب التعليق إن أيّدت القرار (اختيارية)
moderation-appeal-overturn-note = ملاحظة إلى كاتب التعليق إن ألغيت القرار (اختيارية)
moderation-appeal-note-hint = يقرؤها كاتب التعليق مع النتيجة، في إشعاراته وفي صفحة طعنه. ويراها المشرفون الآخرون في السجل.
moderation-appeal-another = أنت من اتخذ القرار الذي يتناوله هذا الطعن، لذا يبتّ مشرف آخر في الطعن.
moderation-error-own-comment = لا يمكنك البتّ في تعليقك. يجب أن يبتّ فيه مشرف آخر.
moderation-error-own-appeal = لا يمكنك البتّ في هذا الطعن: يبتّ فيه مشرف آخر، لا من اتخذ القرار ولا كاتب التعليق.
moderation-error-action = اختر قرارًا ينطبق على هذا التعليق كما هو الآن.
moderation-error-reason = اختر السبب الذي يقرؤه الجميع.
moderation-error-words-missing = اكتب الكلمات المراد حذفها.
moderation-error-words-not-found = هذه الكلمات ليست في التعليق. اكتبها تمامًا كما تظهر.
moderation-error-days = اكتب عدد أيام من 1 إلى 365.

moderation-versions = النسخ السابقة
moderation-versions-version = النسخة
moderation-versions-text = النص
moderation-versions-replaced = استُبدلت
moderation-versions-none = لم يُغيَّر.
moderation-history = القرارات
moderation-history-when = متى
moderation-history-who = المشرف
moderation-history-what = القرار
moderation-history-note = ملاحظة
moderation-history-none = لا قرارات بعد.
moderation-did-approve = وُوفق عليه
moderation-did-hide = أُخفي
moderation-did-restore = أُظهر من جديد
moderation-did-redact = حُذفت معلومات شخصية
moderation-did-warn = حُذّر الكاتب
moderation-did-suspend = أُوقف الكاتب
moderation-did-escalate = أُحيل
moderation-did-outside-action = سُجّل إجراء خارج المنصة
moderation-did-appeal-upheld = الطعن: أُيّد القرار
moderation-did-appeal-overturned = الطعن: أُلغي القرار

moderation-words-link = قوائم الكلمات
moderation-words-title = قوائم الكلمات
moderation-words-lead = التعليق الجديد الذي يحتوي على مدخل من هذه القوائم ينتظر مشرفًا قبل أن يراه غيره. لا يُخفى شيء بسببها.
moderation-words-language = اللغة
moderation-words-entry = المدخل
moderation-words-entry-hint = كلمة أو بضع كلمات، في سطر واحد. تُطابَق المدخلات كلماتٍ كاملة فقط، بصرف النظر عن حالة الأحرف والتشكيل والتطويل وأشكال التمويه مثل «v3rm1n» أو «v e r m i n»: فالمدخل «vermin» لا يطابق «vermintide». وتُطابَق الكلمات المتعددة فقط حين ترد متتالية. أنهِ المدخل بـ * ليطابق كل كلمة تبدأ به: «invad*» يطابق «invade» و«invaders» (3 أحرف على الأقل قبل *؛ وفي الكلمات المتعددة، آخرها).
moderation-words-add = أضف إلى القائمة
moderation-words-of = المدخلات بـ{ $language }
moderation-words-actions = الإجراءات
moderation-words-none = لا مدخلات.
moderation-words-remove = احذف «{ $entry }»
moderation-words-remove-title = حذف «{ $entry }» من قائمة الكلمات؟
moderation-words-remove-lead = لن تُحتجز التعليقات الجديدة التي تحتوي عليه لدى مشرف بعد الآن.
moderation-words-remove-button = نعم، احذفه
moderation-words-error-language = اختر لغة.
moderation-words-error-entry = اكتب المدخل المراد إضافته.
moderation-words-error-there = هذا المدخل موجود في القائمة من قبل.

screening-quality-link = مدى جودة الفرز الآلي
screening-quality-title = مدى جودة الفرز الآلي
screening-quality-lead = يحجز الفرز الآلي التعليق الجديد لمشرف إذا بدا فيه ما يريب، ولا يخفي تعليقًا ولا يحذفه أبدًا. تقارن هذه الصفحة ما حجزه الفرز بما قرّره المشرفون بعد ذلك، لتعرف إلى أي حدّ يمكن الوثوق به.
screening-quality-measures = الدقة: من التعليقات المحجوزة التي قرّر فيها المشرفون، نسبة ما أخفوه. الاستدعاء: من التعليقات التي أخفاها المشرفون، نسبة ما كان الفرز قد حجزه. الدقة العالية تعني قلّة ما يُحجز بلا داعٍ، والاستدعاء العالي يعني قلّة ما يفلت منه مما أخفاه المشرفون. لا تُعرض النسبة إلا إذا قام عليها { $fewest } تعليقات على الأقل، وإلا كُتب في الجدول «قرارات أقل من أن تكفي».
screening-quality-model = المصنِّف المستخدم هو الإصدار { $version }، دُرِّب في { $when }. عدد التعليقات المخفية التي تعلّم منها: { $hidden }، وعدد التعليقات المُبقاة: { $kept }. وعلى القرارات الأحدث التي أُبعدت عن تدريبه (عددها: { $tested }) كانت دقته { $precision } واستدعاؤه { $recall }.
screening-quality-no-model = لم يُدرَّب أي مصنِّف بعد. يتعلّم المصنِّف من قرارات هذا الموقع نفسه حين يخفي المشرفون { $fewest } تعليقًا على الأقل ويوافقون على { $fewest } أو يعيدون إظهارها؛ ويمكن لمدير الموقع تدريبه بالأمر «cohesion admin moderation retrain»، ثم يعيد تدريب نفسه كلما تجمّعت قرارات جديدة.
screening-quality-counted-since = المحسوب هنا: التعليقات التي قُرّر فيها منذ { $when }، حيث تنتهي بيانات تدريب المصنِّف، فلا يُقيَّم إلا بقرارات لم يتعلّم منها. عددها: { $decided }، وأخفى المشرفون منها: { $hidden }.
screening-quality-counted = المحسوب هنا: كل التعليقات التي قرّر فيها المشرفون، وعددها: { $decided }. وأخفوا منها: { $hidden }.
screening-quality-caption = الفرز الآلي مقارنةً بقرارات المشرفين
screening-quality-reason = سبب الحجز
screening-quality-held = محجوز وقُرّر فيه
screening-quality-held-hidden = منها ما أُخفي
screening-quality-precision = الدقة
screening-quality-recall = الاستدعاء
screening-quality-empty = لا قرارات تُحسب بعد.
screening-quality-too-few = قرارات أقل من أن تكفي
screening-kind-words = قوائم الكلمات
screening-kind-repeat = التكرار
screening-kind-near-repeat = شبه التكرار
screening-kind-campaign = الحملات
screening-kind-links = روابط كثيرة
screening-kind-rate = سرعة النشر
screening-kind-classifier = المصنِّف
screening-kind-all = أي سبب (الفرز الآلي كله)

done-moderation-decided = سُجّل قرارك.
done-moderation-appeal-upheld = بُتّ في الطعن: أُيّد القرار. أُبلغ كاتب التعليق بذلك، مع ملاحظتك إن كتبت واحدة.
done-moderation-appeal-overturned = بُتّ في الطعن: أُلغي القرار. عاد التعليق ظاهرًا، وسُحب أي تحذير أو إيقاف بسببه، وأُبلغ كاتبه بذلك مع ملاحظتك إن كتبت واحدة.
moderation-decided-again = العودة إلى هذا التعليق لاتخاذ قرار آخر بشأنه (كتحذير كاتبه مثلًا)
done-moderation-word-added = أُضيف المدخل إلى قائمة الكلمات.
done-moderation-word-removed = حُذف المدخل من قائمة الكلمات.
done-appeal-sent = أُرسل طعنك. سينظر فيه مشرف آخر.

comment-appeal = اطعن في هذا القرار
comment-appealed-on = طعنت في هذا القرار في { $date }. ينتظر طعنك مشرفًا لم يتخذ القرار.
comment-appeal-upheld-hidden = بُتّ في طعنك في { $date }: أُيّد القرار، ويبقى تعليقك مخفيًا.
comment-appeal-upheld = بُتّ في طعنك في { $date }: أُيّد القرار.
comment-appeal-overturned-shown = بُتّ في طعنك في { $date }: أُلغي القرار، وعاد تعليقك ظاهرًا.
comment-appeal-overturned = بُتّ في طعنك في { $date }: أُلغي القرار، وسُحب أي تحذير أو إيقاف بسببه.
comment-appeal-status = اطّلع على ما آل إليه طعنك
appeal-title = الطعن في قرار مشرف
appeal-status-waiting = لقد استأنفت هذا القرار في { $when }. سيبتّ فيه مشرف لم يتخذه، وستُبلَّغ بالنتيجة.
appeal-status-note = ملاحظة المشرف إليك: «{ $note }»
appeal-lead = قل لماذا ترى أن القرارات بشأن تعليقك كانت خاطئة. يشمل طعنك كل القرارات المذكورة أدناه. سيبتّ فيه مشرف لم يتخذ أيًّا منها. يمكنك الطعن مرة واحدة.
appeal-your-comment = تعليقك:
appeal-decision-hide = في { $when } أخفاه مشرف. السبب: { $reason }.
appeal-decision-redact = في { $when } أزال مشرف منه معلومات شخصية.
appeal-decision-warn = في { $when } وجّه إليك مشرف تحذيرًا بسببه.
appeal-decision-suspend = في { $when } أوقفك مشرف عن التعليق حتى { $until } بسببه.
appeal-decision-suspend-open = في { $when } أوقفك مشرف عن التعليق، دون تاريخ انتهاء، بسببه.
appeal-text-label = لماذا كان القرار خاطئًا
appeal-text-hint = حتى 2000 حرف.
appeal-button = أرسل الطعن
appeal-error-text = قل لماذا كان القرار خاطئًا.
appeal-error-again = طعنت في هذا القرار من قبل. يمكن الطعن في التعليق مرة واحدة.
appeal-error-nothing = لا يوجد قرار بشأن هذا التعليق للطعن فيه.

## أدوات الإشراف: التنقل، والمشرفون الأوائل، والخطوة خارج المنصة، والبتّ في عدة تعليقات معًا

nav-moderation = الإشراف
moderation-escalated-senior-only = أُحيل هذا التعليق. لا يبتّ فيه إلا مشرف أول؛ ويمكنك مع ذلك تسجيل خطوة اتُّخذت خارج المنصة.
moderation-outside-done = قمت بذلك
moderation-outside-note = ما الذي فعلته
moderation-outside-note-hint = بمن اتصلت أو أين أبلغت، ومتى، وأي رقم مرجعي.
moderation-outside-recorded = سُجّلت الخطوة خارج المنصة في { $when }.
moderation-error-outside-done = ضع علامة في المربع لتأكيد أنك قمت بذلك.
moderation-error-outside-note = قل ما الذي فعلته، مع أي رقم مرجعي.
moderation-select = اختر تعليق { $name }
moderation-bulk-heading = البتّ في التعليقات المختارة
moderation-bulk-hint = ضع علامة على التعليقات أعلاه، ثم وافق عليها كلها أو أخفها كلها لسبب واحد. يصبح كل منها قرارًا مستقلًا. تُتخطّى تعليقاتك والتعليقات المحالة والمطعون فيها، ثم تبيّن قائمة الانتظار سبب تخطّي كل منها.
moderation-bulk-action = القرار لكل تعليق مختار
moderation-bulk-reason = السبب المعلن، إن أخفيتها
moderation-bulk-button = البتّ في التعليقات المختارة
moderation-bulk-title = البتّ في عدة تعليقات
moderation-bulk-nothing-done = لم يُتّخذ أي قرار.
moderation-bulk-ask-title = { PLURAL($count) ->
    [zero] إخفاء لا تعليقات؟
    [one] إخفاء تعليق واحد؟
    [two] إخفاء تعليقين؟
    [few] إخفاء { $count } تعليقات؟
    [many] إخفاء { $count } تعليقًا؟
   *[other] إخفاء { $count } تعليق؟
}
moderation-bulk-ask-lead = سيُخفى كل تعليق عن العامة بالسبب «{ $reason }»، وسيُسجَّل كل منها قرارًا مستقلًا.
moderation-bulk-ask-after = يمكن لكاتبيها الطعن. ويمكن إظهار التعليق المخفي مرة أخرى لاحقًا.
moderation-bulk-ask-button = { PLURAL($count) ->
    [zero] نعم، لا تخفِ شيئًا
    [one] نعم، أخفِ تعليقًا واحدًا
    [two] نعم، أخفِ تعليقين
    [few] نعم، أخفِ { $count } تعليقات
    [many] نعم، أخفِ { $count } تعليقًا
   *[other] نعم، أخفِ { $count } تعليق
}
moderation-bulk-hidden = { PLURAL($count) ->
    [zero] لم يُخفَ أي تعليق
    [one] أُخفي تعليق واحد
    [two] أُخفي تعليقان
    [few] أُخفيت { $count } تعليقات
    [many] أُخفي { $count } تعليقًا
   *[other] أُخفي { $count } تعليق
}
moderation-bulk-approved = { PLURAL($count) ->
    [zero] لم يُوافَق على أي تعليق
    [one] وُوفق على تعليق واحد
    [two] وُوفق على تعليقين
    [few] وُوفق على { $count } تعليقات
    [many] وُوفق على { $count } تعليقًا
   *[other] وُوفق على { $count } تعليق
}
moderation-bulk-skipped-own = { PLURAL($count) ->
    [one] تُخطّي تعليق واحد: إنه تعليقك
    [two] تُخطّي تعليقان: إنهما تعليقاك
   *[other] تُخطّي { $count }: إنها تعليقاتك
}
moderation-bulk-skipped-escalated = { PLURAL($count) ->
    [one] تُخطّي تعليق واحد: أُحيل إلى مشرف أول
    [two] تُخطّي تعليقان: أُحيلا إلى مشرف أول
   *[other] تُخطّي { $count }: أُحيلت إلى مشرف أول
}
moderation-bulk-skipped-appealed = { PLURAL($count) ->
    [one] تُخطّي تعليق واحد: طعن كاتبه ينتظر، ويُبتّ فيه في صفحته
    [two] تُخطّي تعليقان: طعنا كاتبيهما ينتظران، ويُبتّ فيهما في صفحتيهما
   *[other] تُخطّي { $count }: طعون كاتبيها تنتظر، ويُبتّ فيها في صفحاتها
}
moderation-bulk-skipped-not-applicable = { PLURAL($count) ->
    [one] تُخطّي تعليق واحد: القرار لا ينطبق عليه على حاله الآن
    [two] تُخطّي تعليقان: القرار لا ينطبق عليهما على حالهما الآن
   *[other] تُخطّي { $count }: القرار لا ينطبق عليها على حالها الآن
}
moderation-bulk-skipped-decided = { PLURAL($count) ->
    [one] تُخطّي تعليق واحد: بُتّ فيه من قبل
    [two] تُخطّي تعليقان: بُتّ فيهما من قبل
   *[other] تُخطّي { $count }: بُتّ فيها من قبل
}
moderation-bulk-skipped-not-found = { PLURAL($count) ->
    [one] تُخطّي تعليق واحد: لم يعد موجودًا
    [two] تُخطّي تعليقان: لم يعودا موجودين
   *[other] تُخطّي { $count }: لم تعد موجودة
}
moderation-bulk-skipped-item = التعليق المتخطّى رقم { $number }
moderation-bulk-skipped-open = افتح هذا التعليق
moderation-bulk-why-own-comment = تعليقك أنت: يبتّ فيه مشرف آخر.
moderation-bulk-why-escalated = محال: يبتّ فيه مشرف أول.
moderation-bulk-why-appealed = طعن فيه كاتبه: ابتّ في الطعن في صفحة التعليق نفسه.
moderation-bulk-why-not-applicable = القرار لا ينطبق عليه على حاله الآن (حذفه كاتبه، أو هو على تلك الحال من قبل).
moderation-bulk-why-already-decided = بتّ فيه مشرف من قبل.
moderation-bulk-why-not-found = لم يعد موجودًا.
moderation-bulk-separator = ؛{" "}
moderation-error-bulk-none = اختر تعليقًا واحدًا على الأقل.
moderation-error-bulk-items = تعذّر العثور على تعليق مختار. عد إلى قائمة الانتظار واختر من جديد.
moderation-error-bulk-many = اختر 30 تعليقًا على الأكثر في كل مرة.
moderation-error-bulk-action = اختر الموافقة على التعليقات المختارة أو إخفاءها.
moderation-error-bulk-note = يجب ألا تتجاوز الملاحظة 2000 حرف.
done-moderation-bulk = سُجّلت قراراتك.
