# صفحات النقاشات للسكان: القائمة، والنقاش بتعليقاته، ونماذج التعليق،
# وقواعد المشاركة، وخلاصة التعليقات.

nav-discussions = النقاشات

## القائمة

discussions-title = النقاشات
discussions-lead = تحدّث مع السكان الآخرين ومع المجلس عن المسائل المطروحة أمام البلدة. يمكن لأي أحد قراءة النقاشات؛ سجّل الدخول لتشارك فيها.
discussions-filter-status = الحالة
discussions-filter-any = أي حالة
discussions-filter-any-topic = أي موضوع
discussions-filter-topic = الموضوع
discussions-filter-search = كلمات في العنوان أو المقدمة أو الأسئلة
discussions-filter-button = اعرض النقاشات
discussions-count = { PLURAL($count) ->
    [zero] لا توجد نقاشات
    [one] نقاش واحد
    [two] نقاشان
    [few] { $count } نقاشات
    [many] { $count } نقاشًا
   *[other] { $count } نقاش
}
# What the empty list says depends on which filters are in force, so that
# it never blames the words when only the topic or status left nothing.
discussions-empty-none = لا توجد نقاشات بعد.
discussions-empty-words = لا توجد نقاشات تطابق كلماتك. جرّب كلمات أخرى.
discussions-empty-words-filters = لا توجد نقاشات تطابق كلماتك مع الموضوع أو الحالة التي اخترتها. جرّب كلمات أخرى، أو أي موضوع وأي حالة.
discussions-empty-topic = لا توجد نقاشات بهذا الموضوع. اختر موضوعًا آخر، أو أي موضوع.
discussions-empty-status = لا توجد نقاشات بهذه الحالة. اختر حالة أخرى، أو أي حالة.
discussions-empty-topic-status = لا توجد نقاشات بهذا الموضوع وهذه الحالة معًا. اختر أي موضوع أو أي حالة.
discussion-comment-count = { PLURAL($count) ->
    [zero] لا توجد تعليقات بعد
    [one] تعليق واحد يستطيع الجميع قراءته
    [two] تعليقان يستطيع الجميع قراءتهما، بما في ذلك الردود
    [few] { $count } تعليقات يستطيع الجميع قراءتها، بما في ذلك الردود
    [many] { $count } تعليقًا يستطيع الجميع قراءتها، بما في ذلك الردود
   *[other] { $count } تعليق يستطيع الجميع قراءتها، بما في ذلك الردود
}
discussion-dates-upcoming = يُفتح للتعليق في { $opens }
discussion-dates-open = مفتوح للتعليق حتى { $closes }
discussion-dates-closed = استمر حتى { $closes }

## الصفحة الرئيسية وصفحة «شارك»

home-discussions-heading = نقاشات مفتوحة الآن
home-discussions-empty = لا توجد نقاشات مفتوحة في الوقت الحالي. لا يزال بالإمكان قراءة النقاشات السابقة في صفحة النقاشات.
home-discussions-all = اطّلع على كل النقاشات
discussions-open = مفتوحة الآن
discussions-open-empty = لا توجد نقاشات مفتوحة في الوقت الحالي.
discussions-upcoming = تُفتح قريبًا
discussions-upcoming-empty = لا توجد نقاشات مقرّر فتحها بعد.
discussions-closed = أُغلقت مؤخرًا
discussions-closed-empty = لم يُغلق أي نقاش في الأشهر الثلاثة الأخيرة.

## صفحة النقاش

discussion-title = نقاش
discussion-runs = يستمر النقاش من { $opens } إلى { $closes }.
discussion-runs-same-day = يستمر النقاش في { $day } من { $opens } إلى { $closes }.
discussion-part-of-stage = جزء من الاستشارة { $consultation } — المرحلة: { $stage }
discussion-part-of = جزء من الاستشارة { $consultation }
discussion-ran = استمر النقاش من { $opens } إلى { $closes }.
discussion-ran-same-day = استمر النقاش في { $day } من { $opens } إلى { $closes }.
discussion-will-run = سيستمر النقاش من { $opens } إلى { $closes }.
discussion-will-run-same-day = سيستمر النقاش في { $day } من { $opens } إلى { $closes }.
discussion-draft-notice = هذا النقاش مسودة: لا يراه إلا الموظفون.
# حالة النقاش (مذكّر، بخلاف الاستشارة).
discussion-status-upcoming = قادم
discussion-status-open = مفتوح
discussion-status-closed = مغلق
discussion-status-draft = مسودة
discussion-suspended-notice = لا يمكن لحسابك التعليق أو الرد حتى { $until }. لا يزال بإمكانك قراءة النقاش.
discussion-closed-notice = أُغلق هذا النقاش. لا يزال بإمكانك قراءة كل التعليقات، لكن لا يمكن إضافة تعليقات أو ردود جديدة.
discussion-imported-notice = نُقل هذا النقاش من موقع سابق. وهو محفوظ هنا للقراءة، ولا يقبل تعليقات جديدة.
discussion-upcoming-notice = لم يُفتح هذا النقاش بعد. يمكنك التعليق ابتداءً من { $opens }.
discussion-questions = أسئلة للتفكير فيها
discussion-topics = المواضيع
discussion-area = المنطقة
discussion-comments-heading = التعليقات
discussion-order-label = اعرض التعليقات
discussion-order-newest = الأحدث أولًا
discussion-order-oldest = الأقدم أولًا
discussion-order-agreed = الأكثر تأييدًا أولًا
discussion-order-button = رتّب
discussion-older-comments = تعليقات أقدم
discussion-more-comments = مزيد من التعليقات
discussion-first-comments = عودة إلى التعليقات الأولى
discussion-no-comments = لم يعلّق أحد بعد.
discussion-add-comment = أضف تعليقًا
discussion-sign-in-to-comment = سجّل الدخول لتعلّق
discussion-house-rules-link = اقرأ قواعد المشاركة في النقاشات
discussion-feed-link = اشترك في التعليقات الجديدة عبر قارئ الخلاصات (خلاصة Atom): لا يلزم حساب
discussion-feed-link-closed = التعليقات على شكل خلاصة Atom لقارئ الخلاصات: أُغلق النقاش، فلن تُضاف تعليقات جديدة

## التعليق

comment-anonymous = مجهول – حُذف الحساب
comment-badge-community_member = من أفراد المجتمع
comment-badge-official = ممثل رسمي
comment-badge-moderator = مشرف
comment-badge-elected = عضو منتخب
comment-in-reply-to = ردًّا على { $name }
comment-edited = عُدّل
comment-awaiting = بانتظار الإشراف: لا يرى هذا التعليق أحد غيرك حتى يطّلع عليه مشرف.
comment-awaiting-moderator = بانتظار الإشراف: لا يرى هذا التعليق إلا كاتبه والمشرفون حتى يقرر مشرف.
comment-hidden-moderator = أخفاه مشرف: يرى الآخرون إشعارًا مكانه، ولا يقرأ نصه إلا المشرفون.
comment-hidden-yours = أخفاه مشرف. السبب: { $reason }. لا يقرأ هذا النص غيرك (والمشرفون)، ويرى الآخرون إشعارًا مكانه.
comment-hidden-yours-plain = أخفاه مشرف. لا يقرأ هذا النص غيرك (والمشرفون)، ويرى الآخرون إشعارًا مكانه.
comment-deleted-moderator = حذفه كاتبه: لا يقرأ نصه الآن إلا المشرفون.
comment-deleted-by-author = حذف كاتب هذا التعليق تعليقه.
comment-removed-by-moderator = أخفى مشرف هذا التعليق: { $reason }
comment-removed-by-moderator-plain = أخفى مشرف هذا التعليق.
comment-removed-with-account = أُزيل هذا التعليق عندما حذف كاتبه حسابه.
comment-agree-count = { PLURAL($count) ->
    [zero] لم يؤيده أحد بعد
    [one] يؤيده شخص واحد
    [two] يؤيده شخصان
    [few] يؤيده { $count } أشخاص
    [many] يؤيده { $count } شخصًا
   *[other] يؤيده { $count } شخص
}
comment-agree = أؤيد
comment-withdraw = اسحب تأييدي
comment-reply = ردّ
comment-report = أبلغ
comment-reported = أبلغت عن هذا التعليق
comment-moderate = الإشراف عليه
comment-edit = تعديل
comment-delete = احذف
comment-of = التعليق الذي كتبه { $name }
comment-show-full = اعرض التعليق كاملًا
comment-show-less = اعرض أقل
comment-more-replies = { PLURAL($count) ->
    [one] اطّلع على رد آخر
    [two] اطّلع على ردّين آخرين
    [few] اطّلع على { $count } ردود أخرى
    [many] اطّلع على { $count } ردًّا آخر
   *[other] اطّلع على { $count } رد آخر
}
comment-link-site = ({ $site })
time-ago-now = الآن
time-ago-minutes = { PLURAL($count) ->
    [one] قبل دقيقة
    [two] قبل دقيقتين
    [few] قبل { $count } دقائق
    [many] قبل { $count } دقيقة
   *[other] قبل { $count } دقيقة
}
time-ago-hours = { PLURAL($count) ->
    [one] قبل ساعة
    [two] قبل ساعتين
    [few] قبل { $count } ساعات
    [many] قبل { $count } ساعة
   *[other] قبل { $count } ساعة
}
time-ago-days = { PLURAL($count) ->
    [one] قبل يوم
    [two] قبل يومين
    [few] قبل { $count } أيام
    [many] قبل { $count } يومًا
   *[other] قبل { $count } يوم
}

## صفحة سلسلة الردود

discussion-thread-title = تعليق والردود عليه
discussion-thread-back = العودة إلى النقاش
discussion-thread-later = ردود لاحقة

## النماذج

comment-field-text = تعليقك
comment-field-reply = ردّك
comment-field-hint = قل ما تراه ولماذا. حتى 10,000 حرف. تصبح عناوين المواقع روابط.
comment-post-button = انشر التعليق
comment-error-empty = اكتب تعليقك
comment-error-too-long = { PLURAL($limit) ->
   *[other] يجب ألا يزيد تعليقك على { $limit } حرف
}
comment-reply-page = الرد على تعليق
comment-reply-title = الرد على { $name }
comment-replying-to = أنت ترد على هذا التعليق:
comment-reply-button = انشر الرد
comment-edit-title = عدّل تعليقك
comment-suspended-title = لا يمكنك التعليق الآن
comment-edit-lead = يمكنك تعديل التعليق خلال 15 دقيقة من نشره. سيرى القرّاء أنه عُدّل.
comment-edit-button = احفظ التعديلات
comment-delete-title = أتريد حذف تعليقك؟
comment-delete-lead = سيختفي نصه من الصفحة. وإن كانت عليه ردود، تبقى في مكانه ملاحظة تقول إنك حذفته، حتى تبقى الردود مفهومة.
comment-delete-after = يظل بإمكان المشرفين قراءته، لأنهم يحتفظون بسجل لكل تعليق.
comment-delete-warning = لا يمكنك التراجع عن هذا.
comment-delete-button = نعم، احذف تعليقي
comment-report-title = أبلغ عن هذا التعليق
comment-report-lead = أخبر المشرفين بما فيه من خطأ. لا يُخبَر كاتبه بمن أبلغ عنه.
report-reason-label = ما الخطأ فيه؟
report-reason-threats = تهديد أو عنف
report-reason-threats-hint = يهدد أحدًا، أو يحرّض على العنف.
report-reason-extremist = محتوى متطرف
report-reason-extremist-hint = يمجّد الإرهاب أو الجماعات المتطرفة العنيفة أو يروّج لها.
report-reason-hate = كراهية ضد فئة من الناس
report-reason-hate-hint = يهاجم الناس بسبب عرقهم أو دينهم أو إعاقتهم أو جنسهم أو ميولهم أو هويتهم الجندرية أو أي جانب آخر من هويتهم.
report-reason-harassment = مضايقة شخص بعينه
report-reason-harassment-hint = يستهدف شخصًا بعينه أو يتنمّر عليه أو يسخر منه.
report-reason-personal_information = معلومات شخصية
report-reason-personal_information-hint = يكشف عنوان أحد أو رقم هاتفه أو صوره أو غير ذلك من تفاصيله الخاصة.
report-reason-spam = رسائل مزعجة
report-reason-spam-hint = إعلانات، أو الشيء نفسه منشورًا مرة بعد مرة، أو روابط لا علاقة لها بالنقاش.
report-reason-off_topic = خارج الموضوع
report-reason-off_topic-hint = لا علاقة له بموضوع النقاش.
report-reason-other = شيء آخر
report-reason-other-hint = أخبر المشرفين بما هو في المربع أدناه.
report-error-note-other = اذكر ما المشكلة في التعليق: لقد اخترت «شيء آخر»
report-error-reason = اختر ما الخطأ في التعليق
report-note-label = ما ينبغي أن يعرفه المشرفون (مطلوب إن اخترت «شيء آخر»)
report-note-hint = حتى 1,000 حرف.
report-error-note-too-long = { PLURAL($limit) ->
   *[other] يجب ألا تزيد الملاحظة على { $limit } حرف
}
comment-report-button = أرسل البلاغ
reported-title = شكرًا على بلاغك
reported-text = سيطّلع عليه المشرفون. إن كان التعليق يخالف قواعد المشاركة فسيخفونه ويذكرون السبب في مكانه: لا يُخفى شيء دون إشعار.
reported-back = العودة إلى النقاش

done-comment-posted = نُشر تعليقك.
done-comment-held = أُرسل تعليقك. سيطّلع عليه مشرف قبل أن يراه الآخرون؛ وحتى ذلك الحين لا يراه أحد غيرك.
done-reply-posted = نُشر ردّك.
done-reply-held = أُرسل ردّك. سيطّلع عليه مشرف قبل أن يراه الآخرون؛ وحتى ذلك الحين لا يراه أحد غيرك.
done-comment-edited = عُدّل تعليقك.
done-comment-deleted = حُذف تعليقك.
done-comment-agreed = أيّدت التعليق.
done-agreement-withdrawn = سحبت تأييدك.

reason-discussion_not_open = هذا النقاش لا يقبل تعليقات الآن. لا يزال بإمكانك قراءته.
reason-reply_not_allowed = لا يمكنك الرد على ذلك التعليق: فقد أُخفي أو حُذف، أو هو في نقاش آخر.
reason-edit_window_passed = لا يمكن تعديل التعليق إلا خلال 15 دقيقة من نشره.
reason-already_reported = سبق أن أبلغت عن هذا التعليق. بلاغك لدى المشرفين.

## قواعد المشاركة

house-rules-title = قواعد المشاركة في النقاشات
house-rules-lead = النقاشات لكل من يسكن هنا أو يعمل هنا. تحافظ هذه القواعد على فائدتها وأمانها. يطبّقها المشرفون على كل تعليق، أيًّا كان كاتبه.
house-rules-respect-heading = كن محترمًا
house-rules-respect = اختلف مع الأفكار لا مع الأشخاص. قل ما تراه ولماذا، واستمع إلى من تختلف حياتهم عن حياتك.
house-rules-hate-heading = لا كراهية ضد أي فئة
house-rules-hate = لا تهاجم الناس ولا تسخر منهم بسبب عرقهم أو دينهم أو إعاقتهم أو جنسهم أو ميولهم أو هويتهم الجندرية أو عمرهم أو أي جانب آخر من هويتهم. تحدّث عمّا حدث وعمّا قد يساعد، لا عن فئات كاملة من الناس.
house-rules-threats-heading = لا تهديدات
house-rules-threats = لا تهدد أحدًا أبدًا ولا تحرّض على العنف. نحيل التهديدات على الحياة إلى الشرطة.
house-rules-private-heading = لا معلومات شخصية
house-rules-private = لا تنشر عنوان أحد أو رقم هاتفه أو بريده الإلكتروني أو صوره أو غير ذلك من تفاصيله الخاصة، ولا تفاصيلك أنت. لا تذكر أسماء أشخاص لهم صلة بحادثة.
house-rules-topic-heading = التزم بالموضوع
house-rules-topic = التزم بأسئلة النقاش. ستُزال الإعلانات والتعليقات المكررة مرة بعد مرة.
house-rules-moderators-heading = ما يفعله المشرفون
house-rules-moderators = يقرأ المشرفون التعليقات المُبلغ عنها، وفي بعض النقاشات يقرؤون أولى تعليقات الأعضاء الجدد قبل ظهورها. التعليق الذي يخالف هذه القواعد يُزال، ويحل محله إشعار يذكر السبب. لا يُحذف شيء بصمت، والإبلاغ عن تعليق لا يزيله وحده أبدًا: المشرف هو من يقرر دائمًا.
house-rules-appeal-heading = إذا أُزيل تعليقك
house-rules-appeal = سترى السبب بجانب تعليقك. إن رأيت أن المشرفين أخطؤوا، يمكنك أن تطلب أن يعيد مشرف آخر النظر في القرار، وسيخبرك بما قرره.
house-rules-back = العودة إلى النقاشات

## الخلاصة

discussion-feed-title = التعليقات على { $title }
discussion-feed-entry = علّق { $name }
discussion-feed-entry-reply = ردّ { $name }

## بياناتك

data-comments = تعليقاتك في النقاشات
data-discussion = النقاش
data-comment-state = وضعه الحالي
data-comment-text = ما كتبته
comment-state-published = منشور
comment-state-awaiting_moderation = بانتظار الإشراف
comment-state-hidden = أزاله مشرف
comment-state-deleted_by_author = حذفته أنت
comment-state-removed_with_account = أُزيل
data-reactions = تأييداتك وبلاغاتك
data-reaction = ما فعلته
reaction-agreed = أيّدت تعليقًا
reaction-reported = أبلغت عن تعليق: { $reason }
data-sanctions = التحذيرات والإيقافات التي صدرت بحقك
data-sanction = ما هو
data-sanction-until = حتى
data-sanction-lifted = سُحب بعد الطعن
data-appeals = طعونك في قرارات المشرفين
data-appeal-text = ما كتبته
data-appeal-outcome = النتيجة
data-appeal-decided = تاريخ البتّ
data-appeal-waiting = ينتظر مشرفًا
data-appeal-upheld = أُيّد القرار
data-appeal-overturned = أُلغي القرار
sanction-warning = تحذير
sanction-suspension = إيقاف عن التعليق

## الشفافية: ما فعله الإشراف شهرًا بشهر

discussion-transparency-link = كيف جرى الإشراف على هذا النقاش، شهرًا بشهر
discussions-transparency-link = كيف يجري الإشراف على النقاشات: أرقام كل شهر
transparency-site-title = الإشراف على النقاشات: أرقام كل شهر
transparency-discussion-title = الإشراف على هذا النقاش: أرقام كل شهر
transparency-site-lead = ما فعله المشرفون في جميع النقاشات خلال الأشهر الاثني عشر الماضية: التعليقات المنشورة والمحتجزة للتحقق، والتعليقات المخفية وأسباب إخفائها، والتحذيرات والإيقافات، والطعون، والمدة التي استغرقها القرار.
transparency-discussion-lead = ما فعله المشرفون في «{ $title }» خلال الأشهر الاثني عشر الماضية.
# $count is the largest figure left out (one under the smallest shown).
transparency-suppressed-lead = { PLURAL($count) ->
    [one] حتى لا يمكن التعرف على أحد، لا يُعرض الرقم 1 («غير معروض»)، ولا أي رقم يمكن أن يُستنتج منه، ولا الوقت الوسيط لشهر لم يُتخذ فيه إلا قرار واحد. ويُعرض الصفر 0.
   *[other] حتى لا يمكن التعرف على أحد، لا تُعرض الأرقام من 1 إلى { $count } («غير معروض»)، ولا أي رقم يمكن أن يُستنتج منه أحدها، ولا الوقت الوسيط لشهر اتُّخذ فيه { $count } قرارات أو أقل. ويُعرض الصفر 0.
}
transparency-suppressed-none = تُعرض كل الأرقام: لا يحدد هذا الموقع حدًا أدنى للعدد.
transparency-rule-lead = تُراجَع أرقام كل شهر وحدها، بالقاعدة نفسها هنا وفي صفحة كل نقاش. وإذا لم يُعرض رقم أحد الأسباب وعُرض مجموع الشهر، فلا يُعرض رقم سبب ثانٍ أيضًا، حتى لا يمكن استنتاج أيٍّ منهما من المجموع. وأرقام النقاش جزء من أرقام جميع النقاشات، فقد يُعرض رقم شهرٍ لجميع النقاشات ويكون «غير معروض» لنقاش واحد حين تضيف إليه نقاشات أخرى.
transparency-months-site = لا تُدرج الأشهر التي سبقت أول شهر فيه ما يُعدّ.
transparency-months-discussion = لا تُدرج الأشهر التي سبقت افتتاح النقاش.
transparency-counted-lead = يعدّ عمود «التعليقات المرسلة» كل تعليق وكل رد كُتب في الشهر، بما فيها ما احتُجز للتحقق وما أُخفي أو حُذف بعد ذلك. أما صفحة النقاش نفسها فتعدّ التعليقات والردود التي يستطيع الجميع قراءتها الآن، ولذلك يكون رقمها أصغر.
transparency-suppressed = غير معروض
transparency-no-decisions = لا قرارات
transparency-none = لا توجد أرقام بعد.
transparency-back-list = العودة إلى النقاشات
transparency-back-discussion = العودة إلى النقاش
transparency-site-link = أرقام جميع النقاشات
transparency-rules-link = اقرأ قواعد المشاركة التي يطبقها المشرفون
transparency-table-caption = الإشراف حسب الشهر
transparency-reasons-caption = التعليقات المخفية حسب السبب المعلن
transparency-month = الشهر
transparency-comments = التعليقات المرسلة
transparency-held = المحتجزة للتحقق
transparency-hidden = المخفية
transparency-warnings = التحذيرات
transparency-suspensions = الإيقافات
transparency-upheld = طعون أُيّد فيها القرار
transparency-overturned = طعون أُلغي فيها القرار
transparency-median = الوقت الوسيط حتى القرار
transparency-wait-minutes = { PLURAL($count) ->
    [one] دقيقة واحدة
    [two] دقيقتان
    [few] { $count } دقائق
    [many] { $count } دقيقة
   *[other] { $count } دقيقة
}
transparency-wait-hours = { PLURAL($count) ->
    [one] ساعة واحدة
    [two] ساعتان
    [few] { $count } ساعات
    [many] { $count } ساعة
   *[other] { $count } ساعة
}
transparency-wait-days = { PLURAL($count) ->
    [one] يوم واحد
    [two] يومان
    [few] { $count } أيام
    [many] { $count } يومًا
   *[other] { $count } يوم
}
