## قائمة الاستشارات

consultations-title = الاستشارات
consultations-lead = شاركنا رأيك في كيف نحافظ معًا على أمان مجتمعاتنا. نقرأ كل رد.
consultations-filter-status = الحالة
consultations-filter-any = أي حالة
consultations-filter-any-area = أي منطقة
consultations-filter-topic = الموضوع
consultations-filter-area = المنطقة
consultations-filter-search = بحث
consultations-filter-button = اعرض الاستشارات
consultations-count = { PLURAL($count) ->
    [zero] لا توجد استشارات
    [one] استشارة واحدة
    [two] استشارتان
    [few] { $count } استشارات
    [many] { $count } استشارة
   *[other] { $count } استشارة
}
consultations-empty = لا توجد استشارات مطابقة. جرّب حالة أو موضوعًا أو بحثًا آخر.
consultations-create = أنشئ استشارة
status-upcoming = قادمة
status-open = مفتوحة
status-closed = مغلقة
status-draft = مسودة

## صفحة الاستشارة ومراحلها

consultation-title = استشارة
consultation-dates-upcoming = تفتح { $opens } وتغلق { $closes }
consultation-dates-upcoming-same-day = تفتح الساعة { $opens } وتغلق الساعة { $closes } في { $day }
consultation-dates-open = تغلق { $closes }
consultation-dates-closed = أُغلقت { $closes }
consultation-responded = { PLURAL($count) ->
    [zero] لم يرد أحد بعد
    [one] رد شخص واحد
    [two] رد شخصان
    [few] رد { $count } أشخاص
    [many] رد { $count } شخصًا
   *[other] رد { $count } شخص
}
consultation-opens = تفتح
consultation-opened = فُتحت
consultation-closes = تغلق
consultation-ran = جرت
consultation-ran-dates = من { $opens } إلى { $closes }
consultation-ran-dates-same-day = في { $day } من { $opens } إلى { $closes }
consultation-closed-draft-warning = مضى تاريخ إغلاقها، { $closes }: إن نشرتها فستكون مغلقة ولن يتمكن أحد من الرد. غيّر تواريخها إن كان يجب أن تستقبل ردودًا.
consultation-topics = المواضيع
consultation-area = المنطقة
consultation-timeline = المراحل
consultation-timeline-empty = لا توجد مراحل بعد.
consultation-respond = شارك في هذه الاستشارة
consultation-continue = أكمل ردك
consultation-change = راجع ردك أو غيّره
consultation-sign-in-to-respond = سجّل الدخول للمشاركة
consultation-respond-upcoming = هذه الاستشارة لم تُفتح بعد. عد عندما تُفتح.
consultation-respond-closed = أُغلقت هذه الاستشارة ولم تعد تقبل الردود.
consultation-not-open-title = لا تقبل الردود
consultation-results-link = اطّلع على النتائج
consultation-manage = أدر هذه الاستشارة
consultation-draft-notice = هذه مسودة. لا يراها إلا الموظفون حتى تُنشر.
consultation-view-public = اعرض الصفحة العامة
consultation-strands = كيف نستمع
consultation-documents = الوثائق
stage-happened = جرت
stage-current = الآن
stage-to_come = قادمة
stage-link-none = لا شيء بعد
stage-link-survey = أجب عن الاستبيان
stage-link-results = اطّلع على النتائج
stage-link-findings = اقرأ ما قاله لنا الناس
stage-link-we-did = اقرأ ما سألنا عنه وما قاله الناس وما فعلناه
stage-discussions = النقاشات في هذه المرحلة:

## الإجابة عن الاستبيان

survey-title = الاستبيان
survey-progress = الصفحة { $page } من { $pages }
survey-progress-up-to = الصفحة { $page } من { $pages } كحدٍّ أقصى
survey-continue = احفظ وتابع
survey-why-we-ask = لماذا نسأل:
survey-not-answered = بلا إجابة
survey-choose-all = اختر كل ما ينطبق.
survey-choose-up-to = اختر { $count } على الأكثر.
survey-ranking-hint = أعطِ الرقم 1 للأهم، ثم 2، وهكذا. لا يلزم ترتيبها كلها.
survey-date-hint = مثلًا { $example }.

## إجابات المقاييس الموحّدة والأسئلة عن الشخص

scale-strongly-agree = أوافق بشدة
scale-agree = أوافق
scale-neither = لا أوافق ولا أعارض
scale-disagree = أعارض
scale-strongly-disagree = أعارض بشدة
scale-dont-know = لا أعرف
scale-very-effective = فعّال جدًا
scale-fairly-effective = فعّال إلى حد ما
scale-not-very-effective = غير فعّال كثيرًا
scale-not-at-all-effective = غير فعّال إطلاقًا
demographic-under-16 = أقل من 16
demographic-16-24 = من 16 إلى 24
demographic-25-34 = من 25 إلى 34
demographic-35-44 = من 35 إلى 44
demographic-45-54 = من 45 إلى 54
demographic-55-64 = من 55 إلى 64
demographic-65-74 = من 65 إلى 74
demographic-75-plus = 75 فأكثر
demographic-prefer-not = أفضّل عدم الإجابة
demographic-woman = امرأة
demographic-man = رجل
demographic-non-binary = غير ثنائي الجنس
demographic-self-describe = أصف نفسي بطريقة أخرى
demographic-asian = آسيوي أو بريطاني آسيوي
demographic-black = أسود أو بريطاني أسود أو كاريبي أو أفريقي
demographic-mixed = مختلط أو من مجموعات عرقية متعددة
demographic-white = أبيض
demographic-arab = عربي
demographic-other-ethnic = مجموعة عرقية أخرى
demographic-no-religion = بلا دين
demographic-buddhist = بوذي
demographic-christian = مسيحي
demographic-hindu = هندوسي
demographic-jewish = يهودي
demographic-muslim = مسلم
demographic-sikh = سيخي
demographic-other-religion = دين أو معتقد آخر
demographic-disabled-a-lot = نعم، تحدّ كثيرًا من أنشطتي اليومية
demographic-disabled-a-little = نعم، تحدّ قليلًا من أنشطتي اليومية
demographic-not-disabled = لا
demographic-straight = مغاير الجنس
demographic-gay-lesbian = مثلي أو مثلية
demographic-bisexual = ثنائي الميول
demographic-other-orientation = ميول جنسية أخرى

## «راجع إجاباتك» وتأكيد الإرسال

check-answers-title = راجع إجاباتك
check-answers-lead = راجع إجاباتك قبل إرسالها. يمكنك تغييرها حتى تُغلق الاستشارة.
check-answers-not-answered = بلا إجابة
check-answers-rank = المرتبة { $rank }: { $option }
check-answers-submit = أرسل ردي
check-answers-resubmit = أرسل ردي المعدّل
confirmation-title = أُرسل ردك
confirmation-reference = رقمك المرجعي
confirmation-text = شكرًا لمشاركتك في «{ $title }». يمكنك تغيير ردك حتى { $closes }.
confirmation-change = راجع ردك أو غيّره
receipt-button = أرسل لي نسخة من إجاباتي بالبريد الإلكتروني
receipt-hint = سنرسل أسئلتك وإجاباتك إلى { $email }.
receipt-hint-no-server = لم يُعدّ لهذا الموقع خادم بريد إلكتروني بعد: ستنتظر نسختك، وتُرسل إلى { $email } حين يُعدّ.
receipt-button-again = أرسل لي نسخة أخرى من إجاباتي بالبريد الإلكتروني
receipt-too-many-title = طلبت نسخًا كثيرة جدًا
receipt-too-many = طلبت عدة نسخ من إجاباتك في «{ $title }» خلال وقت قصير.
receipt-unverified = أكّد عنوان بريدك الإلكتروني لنرسل إليك نسخة من إجاباتك.
receipt-subject = إجاباتك في «{ $title }»
receipt-intro = شاركت في «{ $title }». رقمك المرجعي { $reference }. هذه هي الإجابات التي أرسلتها.
receipt-change = يمكنك تغيير إجاباتك حتى { $closes }: { $link }
done-receipt-sent = طلبت نسخة من إجاباتك بالبريد الإلكتروني.
receipt-waiting = نسخة إجاباتك في انتظار الإرسال إلى { $email }.
receipt-no-server = نسخة إجاباتك في انتظار الإرسال إلى { $email }: لم يُعدّ لهذا الموقع خادم بريد إلكتروني بعد، وستُرسل حين يُعدّ.
receipt-sent-at = أُرسلت نسخة إجاباتك إلى { $email } في { $sent }.

## النتائج

results-title = النتائج
results-title-of = النتائج: { $title }
results-not-published = لم تُنشر هذه النتائج بعد: لا يراها إلا الموظفون.
results-published-on = نُشرت في { $when }.
results-as-of = هذه الأرقام كما كانت في { $when }، وعدد الردود فيها { $count }. نحدّثها مرة في اليوم على الأكثر ما دامت الاستشارة مفتوحة.
results-public-as-of = يرى الجمهور الأرقام كما كانت في { $when }، وعدد الردود فيها { $count }. ولا تتغير إلا بعد مرور يوم ووصول { PLURAL($min) ->
    [one] ردّ جديد واحد
    [two] ردّين جديدين
    [few] { $min } ردود جديدة
    [many] { $min } ردًّا جديدًا
   *[other] { $min } ردّ جديد
} على الأقل، حتى تُغلق الاستشارة.
results-not-public = غير منشور: لا يرى هذا السؤال إلا الموظفون
results-rules = نخفي الأعداد الأقل من { $count }، ومعها أعداد أخرى عند الحاجة حتى لا يمكن استنتاج العدد المخفي. لا نعرض النسب المئوية إلا للأسئلة التي أجاب عنها { $base } شخصًا على الأقل. المدى هو فترة ثقة 95%.
results-answered = { PLURAL($count) ->
    [zero] لم يجب أحد
    [one] أجاب شخص واحد
    [two] أجاب شخصان
    [few] أجاب { $count } أشخاص
    [many] أجاب { $count } شخصًا
   *[other] أجاب { $count } شخص
}
results-hidden = مخفي (العدد أقل من أن يُعرض)
results-base-hidden = عدد من أجابوا عن هذا السؤال أقل من أن تُعرض نتائجه.
results-withheld = يسأل هذا السؤال عن بيانات من الفئات الخاصة. لا تُعرض نتائجه إلا للمحللين المخوّلين برؤية هذه البيانات.
results-free-text = يقرأ الموظفون الإجابات المكتوبة، ولا تُعرض هنا.
results-option = الإجابة
results-figure-head = الأشخاص (النسبة، مدى 95%)
results-figure = { $count } ({ $percent }%، { $range })
results-table-caption = { $question } (العدد الأساسي: { $base })
results-ranked-first = { $question } – في المرتبة الأولى
results-empty = لا توجد أسئلة لها نتائج بعد.
results-analysis-link = قاطع الإجابات في جدول
results-weighted-heading = { $question } – مرجّحة حسب السكان
results-weighted-base = أجاب { $count }؛ القاعدة الفعلية بعد الترجيح: { $effective }
results-weighted-base-few = جميع من أجابوا إلا أقل من { $count }؛ العدد الفعّال بعد الترجيح: نحو { $effective }
results-weighted-caption-few = { $question } (العدد الأساسي: جميع من أجابوا إلا أقل من { $count })
results-weighted-note = رُجّحت بالتعديل التكراري على هوامش السكان، وحُسبت في { $date } عند نشر هذه النتائج. تستخدم النطاقات القاعدة الفعلية.
results-weighted-figure = { $percent }% ({ $range })

## نشر النتائج (للموظفين)

results-publication-title = انشر النتائج
results-publication-change = غيّر ما هو منشور
results-publication-lead = لا يرى الجمهور إلا الأسئلة التي تختارها، كلٌّ منها مع قاعدته ونطاق الثقة 95%، مع إخفاء الأعداد الصغيرة. لا تُنشر أبدًا أسئلة البيانات ذات الفئة الخاصة. النشر مرة أخرى يحل محل ما نُشر من قبل.
results-publication-snapshot = ما دامت الاستشارة مفتوحة، يرى الجمهور الأرقام كما هي لحظة النشر، ونحدّثها مرة في اليوم على الأكثر وبعد وصول { PLURAL($count) ->
    [one] ردّ جديد واحد
    [two] ردّين جديدين
    [few] { $count } ردود جديدة
    [many] { $count } ردًّا جديدًا
   *[other] { $count } ردّ جديد
} على الأقل، حتى لا يمكن استنتاج إجابات أحد بالمقارنة بين قراءتين.
results-publication-questions = الأسئلة التي تُنشر
results-publication-questions-hint = اختر سؤالًا واحدًا على الأقل.
results-publication-margins-hint = اختياري. لنشر أرقام مرجّحة حسب السكان بجانب الأعداد، اكتب هوامش السكان كما في صفحة النتائج المرجّحة. تُحسب الآن وتُوسم بأنها مرجّحة. اتركه فارغًا لنشر الأعداد فقط.
results-publication-try-weighting = جرّب الترجيح أولًا في صفحة النتائج المرجّحة

## إنشاء استشارة وتغييرها (للموظفين)

consultation-new-title = أنشئ استشارة
consultation-edit-title = غيّر تفاصيل الاستشارة
consultation-edit-details = غيّر التفاصيل
consultation-edit-details-hidden = الخاصة بالاستشارة
consultation-field-title = العنوان
consultation-field-summary = الملخص
consultation-field-summary-hint = جملة أو جملتان، تظهر في القوائم.
consultation-field-body = المقدمة
consultation-field-body-hint = يمكنك استخدام Markdown: ‏*تأكيد* وقوائم وعناوين وروابط.
consultation-field-topics = المواضيع
consultation-field-topics-hint = افصل بين المواضيع بفواصل، مثلًا: جرائم الكراهية، الأمان على الإنترنت
consultation-field-area = المنطقة
consultation-field-opens = تفتح
consultation-field-closes = تغلق
# بلا تاريخ مثالًا: منتقي المتصفح يكتب التاريخ على طريقته. واسم المنطقة اللاتيني متروك هنا، إذ لا وسم يعزله في التلميح.
consultation-field-time-hint = الأوقات { $zone }. لنهاية يوم ما اختر { $end }، فمنتصف الليل هو بداية اليوم التالي.
consultation-field-anonymous = هل يمكن الرد دون حساب؟
consultation-anonymous-no = لا، يسجّلون الدخول أولًا
consultation-anonymous-yes = نعم، الردود المجهولة مسموحة
consultation-field-strands = مسارات المشاركة
consultation-field-strands-hint = كيف تستمع إلى الناس إلى جانب هذا الاستبيان، مسار في كل سطر، مثلًا: لقاءات مع الجهات المعنية، جلسات يقودها المجتمع، أبحاث بتكليف
consultation-field-documents = وثائق مرتبطة
consultation-field-documents-hint = وثيقة في كل سطر: العنوان، ثم خط عمودي، ثم العنوان الإلكتروني (‎https://…‎ أو صفحة من هذا الموقع)، مثلًا: مراجعة الأدلة | https://example.org/review.pdf
consultation-field-language = اللغة
consultation-field-language-question = بأي لغة تكتب؟
consultation-field-language-hint = تُعلَّم نصوصك بهذه اللغة في كل صفحة، وتطلب صفحة الترجمات لغات الموقع الأخرى.
consultation-field-language-locked = للاستشارة ترجمات أُعدّت من هذه اللغة، فلا يمكن تغييرها. لتغييرها احذف الترجمات أولًا: احفظ ترجمات كل لغة فارغة.
done-consultation-created = أُنشئت الاستشارة مسودةً.
done-consultation-saved = حُفظت التفاصيل.

## صفحة الاستشارة للموظفين

consultation-status = الحالة
consultation-published = نُشرت
consultation-results-published = نُشرت النتائج
consultation-responses = الردود
consultation-publish = انشر الاستشارة
consultation-unpublish = اسحب الاستشارة
consultation-publish-results = انشر النتائج
consultation-withdraw-results = اسحب النتائج
done-consultation-published = نُشرت الاستشارة.
done-consultation-unpublished = سُحبت الاستشارة.
done-results-published = نُشرت النتائج.
done-results-withdrawn = سُحبت النتائج.

## أسئلة الاستبيان (للموظفين)

consultation-survey = أسئلة الاستبيان
consultation-survey-empty = لا أسئلة بعد. أضف السؤال الأول.
consultation-survey-lead = أضف الأسئلة صفحة بصفحة. نتحقق من قواعد التوجيه عند الحفظ، فلا يصل أحد إلى طريق مسدود.
consultation-survey-locked = رد بعض الناس، فلم يعد ممكنًا تغيير أسئلة الاستبيان ولا خياراتها ولا ترتيبها. ما زال بإمكانك تصحيح الأخطاء المطبعية: اختر نص سؤال، أو «صحّح الصياغة» تحت عنوان الصفحة.
question-add = أضف سؤالًا
question-add-lead = اكتب السؤال، ثم اختر مكانه ومتى يظهر.
question-edit = غيّر السؤال
question-edit-lead = غيّر الصياغة أو الخيارات أو مكان السؤال أو متى يظهر. تبقى إجاباته وترجماته معه. بعد أن يجيب أحد، لا يمكن تغيير الاستبيان.
question-number = الرقم
question-text = السؤال
question-hint = تلميح
question-kind = النوع
question-required = هل الإجابة إلزامية؟
question-routing = يظهر
question-actions = إجراءات
question-always = دائمًا
question-shown-if = إذا كانت إجابة «{ $question }» هي { $options }
question-remove = احذف السؤال
question-options = الخيارات
question-options-hint = خيار في كل سطر. للمصفوفة: الصفوف؛ للمناطق: مناطق المجلس.
question-max = الحد الأقصى
question-max-hint = الاختيار المتعدد: كم خيارًا يُسمح به. الرقم: أكبر قيمة مسموحة. النص الطويل: عدد الأحرف.
question-min = الحد الأدنى
question-min-hint = الرقم: أصغر قيمة مسموحة.
question-demographic = عن الشخص
question-purpose = لماذا تسأل
question-purpose-hint = إلزامي للعرق والدين والإعاقة والميول الجنسية. يراه المجيبون.
question-place = مكان السؤال
question-place-hint = بعد سؤال، أو أولًا في صفحة، أو في صفحة جديدة. السؤال الذي لا يظهر إلا بعد إجابات معيّنة يجب أن يكون في صفحة بعد صفحة السؤال الذي يعتمد عليه.
question-place-first = أولًا في الصفحة { $number }
question-place-after = بعد «{ $question }»
question-place-new = في صفحة جديدة في النهاية
question-place-new-after = في صفحة جديدة بعد الصفحة { $number }
question-page-title = عنوان الصفحة الجديدة
question-page-title-hint = اختياري، ولا يُستخدم إلا إذا وُضع السؤال في صفحة جديدة: يراه المجيبون عنوانًا لتلك الصفحة.
question-rule = متى يظهر السؤال
question-rule-hint = دائمًا، أو فقط بعد إجابات معيّنة عن سؤال اختيار في صفحة سابقة.
question-rule-answers = الإجابات عن «{ $question }» التي تُظهر هذا السؤال
question-rule-none = لا يضم الاستبيان بعدُ سؤال اختيار آخر يعتمد عليه هذا السؤال، فهو يظهر دائمًا.
question-move-up = انقله إلى أعلى
question-move-down = انقله إلى أسفل
question-moves-hint = زرّا «انقله إلى أعلى» و«انقله إلى أسفل» يتخطّيان بالسؤال جاره، وينقلانه من أول الصفحة أو آخرها إلى الصفحة السابقة أو التالية. وتُحذف الصفحة التي لا يبقى فيها سؤال.
question-move-refused = لا يمكن نقل السؤال إلى هناك
question-move-stale = تغيّر الاستبيان منذ عُرضت هذه الصفحة، فلم يُنقل السؤال. عُد إلى الاستبيان وحاول مرة أخرى.
question-remove-refused = لا يمكن حذف السؤال بعد
question-back-to-survey = العودة إلى الاستبيان
survey-page-heading = الصفحة { $number }: { $title }
survey-page-heading-untitled = الصفحة { $number }
survey-page-skipped-if = تُتخطّى هذه الصفحة إذا كانت إجابة «{ $question }» هي { $options }.
survey-page-title-add = ضع عنوانًا للصفحة { $number }
survey-page-title-change = غيّر عنوان الصفحة { $number }
page-title-heading = عنوان الصفحة { $number }
page-title-field = عنوان الصفحة
page-title-hint = يراه المجيبون عنوانًا للصفحة. إن تركته فارغًا، يكون عنوان الصفحة «{ survey-title }».
page-title-lead = الأسئلة في هذه الصفحة: { $questions }
page-title-save = احفظ العنوان
survey-page-rule-add = حدّد متى تُتخطّى الصفحة { $number }
survey-page-rule-change = غيّر متى تُتخطّى الصفحة { $number }
page-rule = متى تُتخطّى الصفحة
page-rule-heading = متى تُتخطّى الصفحة { $number }
page-rule-lead = من يختار إحدى الإجابات المحدّدة ينتقل مباشرةً إلى ما بعد هذه الصفحة، فلا تُطرح عليه أسئلتها.
page-rule-hint = أبدًا، أو بعد إجابات معيّنة عن سؤال اختيار في صفحة سابقة.
page-rule-never = أبدًا: يرى الجميع هذه الصفحة
page-rule-answers = الإجابات عن «{ $question }» التي تتخطّى هذه الصفحة
page-rule-none = لا يوجد سؤال اختيار في صفحة سابقة، فلا تُتخطّى هذه الصفحة أبدًا.
page-rule-save = احفظ متى تُتخطّى الصفحة
rule-conflict-order = لا يظهر «{ $dependent }» إلا بعد إجابات معيّنة عن «{ $question }»، فيجب أن يكون في صفحة بعد صفحة ذلك السؤال.
rule-conflict-order-own = لا يظهر «{ $dependent }» إلا بعد إجابات معيّنة عن «{ $question }»، فيجب أن يكون في صفحة بعد صفحة ذلك السؤال. اختر سؤالًا في صفحة سابقة، أو ضع هذا السؤال في صفحة لاحقة.
rule-conflict-order-page = تُتخطّى الصفحة { $page } بعد إجابات معيّنة عن «{ $question }»، فيجب أن يكون ذلك السؤال في صفحة قبلها.
rule-conflict-not-choice = لا يظهر «{ $dependent }» إلا بعد إجابات معيّنة عن «{ $question }»، فيجب أن تبقى لذلك السؤال إجابات يُختار منها. غيّر أولًا متى يظهر «{ $dependent }».
rule-conflict-not-choice-page = تُتخطّى الصفحة { $page } بعد إجابات معيّنة عن «{ $question }»، فيجب أن تبقى لذلك السؤال إجابات يُختار منها.
rule-conflict-missing-option = لا يظهر «{ $dependent }» إلا بعد إجابات عن «{ $question }» لن تبقى فيه. غيّر أولًا متى يظهر «{ $dependent }».
rule-conflict-missing-option-page = تُتخطّى الصفحة { $page } بعد إجابات عن «{ $question }» لن تبقى فيه.
rule-conflict-missing = لا يظهر «{ $dependent }» إلا بعد إجابات معيّنة عن «{ $question }». غيّر متى يظهر «{ $dependent }» قبل حذف «{ $question }».
rule-conflict-missing-page = تُتخطّى الصفحة { $page } بعد إجابات معيّنة عن «{ $question }»، فلا يمكن حذف ذلك السؤال ما دامت للصفحة هذه القاعدة.
question-kind-single_choice = اختيار واحد
question-kind-multiple_choice = اختيار متعدد
question-kind-agreement = مقياس الموافقة
question-kind-effectiveness = مقياس الفعالية
question-kind-ranking = ترتيب
question-kind-number = رقم
question-kind-date = تاريخ
question-kind-short_text = نص قصير
question-kind-long_text = نص طويل
question-kind-matrix = مصفوفة (صفوف على مقياس الموافقة)
question-kind-demographic = عن الشخص
demographic-kind-age_band = الفئة العمرية
demographic-kind-gender = الجنس
demographic-kind-area = المنطقة
demographic-kind-ethnicity = العرق
demographic-kind-religion = الدين أو المعتقد
demographic-kind-disability = الإعاقة
demographic-kind-sexual_orientation = الميول الجنسية
done-question-added = أُضيف السؤال.
done-question-removed = حُذف السؤال.
done-question-changed = تغيّر السؤال.
done-question-moved = نُقل السؤال.
done-page-titled = حُفظ عنوان الصفحة.
done-page-rule-set = حُفظت قاعدة الصفحة: تُتخطّى بعد الإجابات التي حدّدتها.
done-page-rule-cleared = حُفظت قاعدة الصفحة: لا تُتخطّى أبدًا، ويراها الجميع.

## مراحل الاستشارة (للموظفين)

stage-add = أضف مرحلة
stage-remove = احذف المرحلة
reason-stage_has_discussions = ينتمي نقاش إلى هذه المرحلة أو إلى مرحلة بعدها: حذفها سيترك النقاش بلا مرحلة أو ينقله إلى مرحلة أخرى. اربطه أولًا بمرحلة أخرى، أو لا تربطه بأي مرحلة.
stage-remove-linked = { PLURAL($count) ->
    [one] هذا النقاش جزء من هذه المرحلة أو من مرحلة بعدها. يتبع ربطه موضع المرحلة في الجدول الزمني، لذا فإن حذف المرحلة سيتركه بلا مرحلة، أو ينقله إلى مرحلة أخرى، دون أن يُقال شيء. افتحه واربطه بمرحلة أخرى أو لا تربطه بأي مرحلة، ثم احذف المرحلة:
    [two] هذان النقاشان جزء من هذه المرحلة أو من مرحلة بعدها. يتبع ربطهما موضع المرحلة في الجدول الزمني، لذا فإن حذف المرحلة سيتركهما بلا مرحلة، أو ينقلهما إلى مرحلة أخرى، دون أن يُقال شيء. افتح كلًّا منهما واربطه بمرحلة أخرى أو لا تربطه بأي مرحلة، ثم احذف المرحلة:
   *[other] هذه النقاشات ({ $count }) جزء من هذه المرحلة أو من مرحلة بعدها. يتبع ربطها موضع المرحلة في الجدول الزمني، لذا فإن حذف المرحلة سيتركها بلا مرحلة، أو ينقلها إلى مرحلة أخرى، دون أن يُقال شيء. افتح كلًّا منها واربطه بمرحلة أخرى أو لا تربطه بأي مرحلة، ثم احذف المرحلة:
}
stage-name = المرحلة
stage-description = الوصف
stage-date = التاريخ
stage-date-hint = مثلًا { $example }. اختياري.
stage-state = أين وصلت
stage-link = ترتبط بـ
done-stage-added = أُضيفت المرحلة.
done-stage-removed = حُذفت المرحلة.

## التحليل: مقاطعة الإجابات في جداول (للموظفين)

analysis-title = التحليل
analysis-title-of = التحليل: { $title }
analysis-lead = اختر سؤالين لترى كيف أجاب عن أحدهما من أجابوا عن الآخر بطريقة معيّنة. تُخفى الأعداد الصغيرة كما في صفحة النتائج.
analysis-rows = سؤال الصفوف
analysis-columns = سؤال الأعمدة
analysis-choose = اختر سؤالًا
analysis-show-label = ما تعرضه كل خانة
analysis-show-column = حصتها من العمود (نسب الأعمدة المئوية)، مع العدد
analysis-show-row = حصتها من الصف (نسب الصفوف المئوية)، مع العدد
analysis-show-counts = العدد فقط
analysis-show = اعرض الجدول
analysis-total = المجموع
analysis-total-choices = الاختيارات
analysis-caption = { $rows } حسب { $columns }
analysis-cell-count = ({ $count })
analysis-key-column = كل خانة حصةٌ من عمودها: من بين الذين أعطوا إجابة العمود، النسبة المئوية لمن أعطوا إجابة الصف. وتحتها بين قوسين عدد هؤلاء الأشخاص. النسب مقرّبة، فقد لا يبلغ مجموع العمود 100% تمامًا.
analysis-key-row = كل خانة حصةٌ من صفها: من بين الذين أعطوا إجابة الصف، النسبة المئوية لمن أعطوا إجابة العمود. وتحتها بين قوسين عدد هؤلاء الأشخاص. النسب مقرّبة، فقد لا يبلغ مجموع الصف 100% تمامًا.
analysis-key-counts = كل خانة هي عدد الأشخاص الذين أعطوا إجابة الصف وإجابة العمود معًا.
analysis-key-small-column = { PLURAL($count) ->
    [one] العمود الذي يضم أقل من شخص واحد يعرض الأعداد فقط: فهم أقل من أن تُحسب لهم نسب مئوية.
    [two] العمود الذي يضم أقل من شخصين يعرض الأعداد فقط: فهم أقل من أن تُحسب لهم نسب مئوية.
    [few] العمود الذي يضم أقل من { $count } أشخاص يعرض الأعداد فقط: فهم أقل من أن تُحسب لهم نسب مئوية.
    [many] العمود الذي يضم أقل من { $count } شخصًا يعرض الأعداد فقط: فهم أقل من أن تُحسب لهم نسب مئوية.
   *[other] العمود الذي يضم أقل من { $count } شخص يعرض الأعداد فقط: فهم أقل من أن تُحسب لهم نسب مئوية.
}
analysis-key-small-row = { PLURAL($count) ->
    [one] الصف الذي يضم أقل من شخص واحد يعرض الأعداد فقط: فهم أقل من أن تُحسب لهم نسب مئوية.
    [two] الصف الذي يضم أقل من شخصين يعرض الأعداد فقط: فهم أقل من أن تُحسب لهم نسب مئوية.
    [few] الصف الذي يضم أقل من { $count } أشخاص يعرض الأعداد فقط: فهم أقل من أن تُحسب لهم نسب مئوية.
    [many] الصف الذي يضم أقل من { $count } شخصًا يعرض الأعداد فقط: فهم أقل من أن تُحسب لهم نسب مئوية.
   *[other] الصف الذي يضم أقل من { $count } شخص يعرض الأعداد فقط: فهم أقل من أن تُحسب لهم نسب مئوية.
}
analysis-key-hidden-total-column = العمود الذي أُخفي مجموعه يعرض الأعداد فقط: فنسبه المئوية تكشف المجموع.
analysis-key-hidden-total-row = الصف الذي أُخفي مجموعه يعرض الأعداد فقط: فنسبه المئوية تكشف المجموع.
analysis-key-several = أحد هذين السؤالين يسمح باختيار أكثر من إجابة: من اختار إجابتين يُحسب تحت كلتيهما، فتَعُدّ المجاميع الاختيارات لا الأشخاص، والنسب المئوية هي حصص من تلك الاختيارات.

## الأرقام في جداول المحللين

figure-percent = { $percent }%
figure-percent-under-one = أقل من 1%
figure-percent-over-ninety-nine = أكثر من 99%
# رمز الرقم المخفي؛ يشرحه المفتاح تحت كل جدول.
figure-hidden-symbol = {"[م]"}
figure-hidden-key = { PLURAL($count) ->
    [one] مخفي: أقل من شخص واحد، أو أُخفي مع أرقام أخرى كي لا يمكن استنتاج أي رقم مخفي من المجاميع.
    [two] مخفي: أقل من شخصين، أو أُخفي مع أرقام أخرى كي لا يمكن استنتاج أي رقم مخفي من المجاميع.
    [few] مخفي: أقل من { $count } أشخاص، أو أُخفي مع أرقام أخرى كي لا يمكن استنتاج أي رقم مخفي من المجاميع.
    [many] مخفي: أقل من { $count } شخصًا، أو أُخفي مع أرقام أخرى كي لا يمكن استنتاج أي رقم مخفي من المجاميع.
   *[other] مخفي: أقل من { $count } شخص، أو أُخفي مع أرقام أخرى كي لا يمكن استنتاج أي رقم مخفي من المجاميع.
}

## الترجيح (للموظفين)

weighting-title = النتائج المرجّحة
weighting-title-of = النتائج المرجّحة: { $title }
weighting-lead = رجّح الإجابات لتطابق السكان بطريقة التكرار النسبي: اختر سؤالًا أو أكثر يُجاب عنه بخيار واحد، وأدخل حصة كل خيار من خياراته بين السكان. تُوسم الأرقام المرجّحة بذلك، وتستخدم مدياتها العدد الفعّال الذي يقلّ بالترجيح.
weighting-typed-lead = الأسئلة التي يمكن الترجيح بها، ومع كل منها خياراته بالترتيب الذي تُكتب به حصصها:
weighting-question = { $id }: { $question } ({ $options })
weighting-margins = هوامش السكان
weighting-margins-hint = سطر لكل سؤال: معرّفه، ثم نقطتان، ثم حصة كل خيار بالنسبة المئوية بالترتيب، و- للخيار المستبعد. مثلًا: q8: 4, 14, 17, 17, 16, 13, 10, 9, -
weighting-apply = رجّح النتائج
weighting-included = المجيبون المرجّحون
weighting-excluded = المجيبون المستبعدون (بلا إجابة، أو بخيار مستبعد)
weighting-excluded-few = { PLURAL($count) ->
    [one] أقل من شخص واحد
    [two] أقل من شخصين
    [few] أقل من { $count } أشخاص
    [many] أقل من { $count } شخصًا
   *[other] أقل من { $count } شخص
}
weighting-converged = هل استقرت الأوزان؟
weighting-settled-at-once = نعم: كانت الإجابات مطابقة للأهداف أصلًا، فلم تلزم أي جولة ترجيح.
weighting-settled = { PLURAL($rounds) ->
    [one] استقرت الأوزان بعد جولة واحدة.
    [two] استقرت الأوزان بعد جولتين.
    [few] استقرت الأوزان بعد { $rounds } جولات.
    [many] استقرت الأوزان بعد { $rounds } جولة.
   *[other] استقرت الأوزان بعد { $rounds } جولة.
}
weighting-unsettled = { PLURAL($rounds) ->
    [one] لم تستقر الأوزان بعد جولة واحدة؛ أكبر فرق متبقٍ عن الهدف { $gap } نقطة مئوية.
    [two] لم تستقر الأوزان بعد جولتين؛ أكبر فرق متبقٍ عن الهدف { $gap } نقطة مئوية.
    [few] لم تستقر الأوزان بعد { $rounds } جولات؛ أكبر فرق متبقٍ عن الهدف { $gap } نقطة مئوية.
    [many] لم تستقر الأوزان بعد { $rounds } جولة؛ أكبر فرق متبقٍ عن الهدف { $gap } نقطة مئوية.
   *[other] لم تستقر الأوزان بعد { $rounds } جولة؛ أكبر فرق متبقٍ عن الهدف { $gap } نقطة مئوية.
}
weighting-unsettled-tiny = { PLURAL($rounds) ->
    [one] لم تستقر الأوزان بعد جولة واحدة، لكن كل فرق متبقٍ عن الهدف أقل من 0.1 نقطة مئوية.
    [two] لم تستقر الأوزان بعد جولتين، لكن كل فرق متبقٍ عن الهدف أقل من 0.1 نقطة مئوية.
    [few] لم تستقر الأوزان بعد { $rounds } جولات، لكن كل فرق متبقٍ عن الهدف أقل من 0.1 نقطة مئوية.
    [many] لم تستقر الأوزان بعد { $rounds } جولة، لكن كل فرق متبقٍ عن الهدف أقل من 0.1 نقطة مئوية.
   *[other] لم تستقر الأوزان بعد { $rounds } جولة، لكن كل فرق متبقٍ عن الهدف أقل من 0.1 نقطة مئوية.
}
weighting-effective = حجم العينة الفعّال
weighting-range = الأوزان، بعد ضبطها ليكون متوسطها 1
weighting-range-value = من { $smallest } إلى { $largest }
weighting-trimmed = أوزان قُصّت في الجولة الأخيرة
weighting-caption = مرجّح: { $question } (العدد الأساسي { $base }، العدد الفعّال { $effective })
weighting-share = الحصة المرجّحة (مدى 95%)
weighting-unweighted = الأشخاص (دون ترجيح)
weighting-base-small = العدد الأساسي أقل من أن تُحسب نسبة مئوية
weighting-figure-range = ({ $range })
weighting-key = تحت كل حصة مرجّحة، بين قوسين، المدى الذي تقع فيه حصة السكان على الأرجح (95%)، محسوبًا على العدد الفعّال. يُعدّ الأشخاص دون ترجيح.
weighting-key-few = تحت كل حصة مرجّحة، بين قوسين، المدى الذي تقع فيه حصة السكان على الأرجح (95%)، محسوبًا على العدد الفعّال. لا يُعرض عدد الأشخاص: استُبعد من الترجيح أقل من { $count } ممن أجابوا، وعرض الأعداد بجانب أعداد صفحة النتائج قد يكشفهم.
weighting-included-few = جميع المجيبين إلا أقل من { $count }
weighting-about = نحو { $count }
weighting-caption-few = مرجّح: { $question } (جميع من أجابوا إلا أقل من { $count }؛ العدد الفعّال نحو { $effective })
weighting-form-heading = الأسئلة التي ترجّح بها
weighting-shares-hint = حصة السكان في كل خيار من خياراته، بالنسبة المئوية، ومجموعها 100. اترك الخيار فارغًا لتستبعد من اختاروه من الترجيح (مثل من فضّلوا عدم الإجابة).
weighting-remove = احذف هذا السؤال
weighting-add = أضف هذا السؤال
weighting-typed = اكتب الهوامش بدلًا من ذلك
weighting-pick = السؤال الذي ترجّح به
weighting-pick-another = سؤال آخر ترجّح به
weighting-pick-choose = اختر سؤالًا
weighting-pick-error = اختر سؤالًا من القائمة
weighting-pick-error-empty = اختر سؤالًا ترجّح به
weighting-pick-error-too-many = رجّح بما لا يزيد على { $most } أسئلة
weighting-share-error-number = أدخل حصة الخيار «{ $option }» رقمًا من 0 إلى 100
weighting-share-error-nobody = لم يختر أي مجيب الخيار «{ $option }»، فلا أحد يمثل حصته: اتركه فارغًا لتستبعده
weighting-share-error-total = مجموع حصص السؤال «{ $question }» هو { $total }%، ويجب أن يكون 100%
weighting-error-empty = أدخل حصص السكان لسؤال واحد على الأقل، سطرًا لكل سؤال
weighting-error-too-many = السطر { $line }: رجّح بما لا يزيد على { $most } أسئلة
weighting-error-no-colon = السطر { $line }: اكتب معرّف السؤال، ثم نقطتين، ثم حصصه، مثل q8: 10, 20, 70
weighting-error-unknown = السطر { $line }: لا يوجد سؤال «{ $id }» في هذا الاستبيان. استخدم معرّفًا من القائمة فوق المربع
weighting-error-not-single = لا يمكن الترجيح بالسؤال «{ $question }»: اختر سؤالًا يُجاب عنه بخيار واحد من قائمة
weighting-error-repeated = للسؤال «{ $question }» أكثر من سطر: اكتب حصصه مرة واحدة
weighting-error-missing = أدخل حصة مستهدفة للخيار «{ $option }» ({ $question })، أو - لاستبعاده
weighting-error-not-number = أدخل الحصة المستهدفة للخيار «{ $option }» ({ $question }) رقمًا، مثل 12 أو 12.5
weighting-error-out-of-range = يجب أن تكون الحصة المستهدفة للخيار «{ $option }» ({ $question }) بين 0 و100
weighting-error-too-many-shares = { PLURAL($options) ->
    [one] للسؤال «{ $question }» خيار واحد: أعطِ حصة واحدة له
    [two] للسؤال «{ $question }» خياران: أعطِ حصة لكل منهما بالترتيب
    [few] للسؤال «{ $question }» { $options } خيارات: أعطِ حصة لكل خيار بالترتيب
    [many] للسؤال «{ $question }» { $options } خيارًا: أعطِ حصة لكل خيار بالترتيب
   *[other] للسؤال «{ $question }» { $options } خيار: أعطِ حصة لكل خيار بالترتيب
}
weighting-error-total = مجموع الأهداف للسؤال «{ $question }» هو { $total }%، ويجب أن يكون 100%
weighting-error-nobody-chose = لا مجيبين للخيار «{ $option }» ({ $question })، فلا أحد يمثل حصته من السكان: استبعده بـ -
weighting-error-nobody-left = لم يُجب أي مجيب عن كل الأسئلة التي ترجّح بها بخيار له حصة

## التصدير (للموظفين)

export-reference = الرقم المرجعي
export-submitted = وقت الإرسال (التوقيت العالمي)
export-responses = نزّل كل الردود (CSV)
export-responses-xlsx = نزّل كل الردود (Excel)
export-results = نزّل هذه النتائج (CSV)
export-results-json = نزّل هذه النتائج (JSON)
export-findings-json = نزّل ما قاله لنا الناس (JSON)
export-ranked-first = في المرتبة الأولى

## ردودك على الاستبيانات في صفحة «بياناتك»

data-responses = ردودك على الاستبيانات
your-answers-title = إجاباتك
your-answers-lead = أرسلت هذه الإجابات إلى { $title } في { $sent }. رقمك المرجعي هو { $reference }.
your-answers-change = غيّر إجاباتك
data-consultation = الاستشارة
data-not-submitted = لم يُرسل بعد
data-submitted = وقت الإرسال

## الإجابات المكتوبة (للموظفين)

answers-title = الإجابات المكتوبة
answers-title-of = الإجابات المكتوبة: { $title }
answers-search = ابحث في الإجابات
answers-search-hint = يجد الكلمات كاملة. أنهِ البحث بـ * لتجد الكلمات التي تبدأ به: مدرس* تجد مدرسة ومدرسين.
answers-none = لا يضم هذا الاستبيان أسئلة بإجابات مكتوبة.
answers-count = { PLURAL($count) ->
    [zero] لا توجد إجابات مطابقة
    [one] إجابة واحدة مطابقة
    [two] إجابتان مطابقتان
    [few] { $count } إجابات مطابقة
    [many] { $count } إجابة مطابقة
   *[other] { $count } إجابة مطابقة
}
answers-answer = الإجابة (مع إخفاء بيانات الاتصال)
answers-empty = لا توجد إجابات مكتوبة مطابقة.

## رد واحد (للموظفين)

response-title = رد
response-title-of = الرد { $reference }
response-lead = إجابات هذا الرد مع إخفاء بيانات الاتصال. لا تظهر هنا الإجابات على أسئلة الفئات الخاصة.
response-empty = لا إجابة

## ما قاله لنا الناس

findings-title = ما قاله لنا الناس
findings-title-of = ما قاله لنا الناس: { $title }
findings-lead = ما سمعناه في هذه الاستشارة. نحسب كل رقم من الردود، ولا نكتبه يدويًا. ما دامت الاستشارة مفتوحة، نحدّث الأرقام مرة في اليوم على الأكثر.
findings-lead-closed = ما سمعناه في هذه الاستشارة. نحسب كل رقم من الردود، ولا نكتبه يدويًا.
findings-empty = لم ننشر أي نتائج بعد.
finding-figure = { PLURAL($base) ->
    [one] اختار { $count } من أصل شخص واحد أجاب عن «{ $question }» الإجابة «{ $option }» (مدى 95%: { $range }).
    [two] اختار { $count } من أصل شخصين أجابا عن «{ $question }» الإجابة «{ $option }» (مدى 95%: { $range }).
    [few] اختار { $count } من أصل { $base } أشخاص أجابوا عن «{ $question }» الإجابة «{ $option }» (مدى 95%: { $range }).
    [many] اختار { $count } من أصل { $base } شخصًا أجابوا عن «{ $question }» الإجابة «{ $option }» (مدى 95%: { $range }).
   *[other] اختار { $count } من أصل { $base } شخص أجابوا عن «{ $question }» الإجابة «{ $option }» (مدى 95%: { $range }).
}
finding-figure-count = { PLURAL($base) ->
    [one] اختار { $count } من أصل شخص واحد أجاب عن «{ $question }» الإجابة «{ $option }». عدد من أجابوا أقل من أن تُحسب نسبة مئوية.
    [two] اختار { $count } من أصل شخصين أجابا عن «{ $question }» الإجابة «{ $option }». عدد من أجابوا أقل من أن تُحسب نسبة مئوية.
    [few] اختار { $count } من أصل { $base } أشخاص أجابوا عن «{ $question }» الإجابة «{ $option }». عدد من أجابوا أقل من أن تُحسب نسبة مئوية.
    [many] اختار { $count } من أصل { $base } شخصًا أجابوا عن «{ $question }» الإجابة «{ $option }». عدد من أجابوا أقل من أن تُحسب نسبة مئوية.
   *[other] اختار { $count } من أصل { $base } شخص أجابوا عن «{ $question }» الإجابة «{ $option }». عدد من أجابوا أقل من أن تُحسب نسبة مئوية.
}
finding-figure-hidden = عدد من اختاروا «{ $option }» في الإجابة عن «{ $question }» أقل من أن يُعرض.
finding-figure-any = { PLURAL($base) ->
    [one] اختار { $count } من أصل شخص واحد أجاب عن «{ $question }» { $option } (مدى 95%: { $range }).
    [two] اختار { $count } من أصل شخصين أجابا عن «{ $question }» { $option } (مدى 95%: { $range }).
    [few] اختار { $count } من أصل { $base } أشخاص أجابوا عن «{ $question }» { $option } (مدى 95%: { $range }).
    [many] اختار { $count } من أصل { $base } شخصًا أجابوا عن «{ $question }» { $option } (مدى 95%: { $range }).
   *[other] اختار { $count } من أصل { $base } شخص أجابوا عن «{ $question }» { $option } (مدى 95%: { $range }).
}
finding-figure-any-count = { PLURAL($base) ->
    [one] اختار { $count } من أصل شخص واحد أجاب عن «{ $question }» { $option }. عدد من أجابوا أقل من أن تُحسب نسبة مئوية.
    [two] اختار { $count } من أصل شخصين أجابا عن «{ $question }» { $option }. عدد من أجابوا أقل من أن تُحسب نسبة مئوية.
    [few] اختار { $count } من أصل { $base } أشخاص أجابوا عن «{ $question }» { $option }. عدد من أجابوا أقل من أن تُحسب نسبة مئوية.
    [many] اختار { $count } من أصل { $base } شخصًا أجابوا عن «{ $question }» { $option }. عدد من أجابوا أقل من أن تُحسب نسبة مئوية.
   *[other] اختار { $count } من أصل { $base } شخص أجابوا عن «{ $question }» { $option }. عدد من أجابوا أقل من أن تُحسب نسبة مئوية.
}
finding-figure-any-hidden = عدد من اختاروا { $option } في الإجابة عن «{ $question }» أقل من أن يُعرض، أو أن عرضه يكشف رقمًا مخفيًا.
finding-figure-any-until-closed = يظهر عدد من اختاروا { $option } في الإجابة عن «{ $question }» بعد إغلاق الاستشارة.
finding-option-quoted = «{ $option }»
finding-options-or = أو
we-did-heading = سألنا، قال الناس، فعلنا
we-did-lead = لكل ما قاله لنا الناس، إليك ما فعلناه استجابةً له.
we-did-asked = سألنا
we-did-said = قال الناس
we-did-did = فعلنا
we-did-missing = لم نذكر بعد ما فعلناه استجابةً لهذا.
we-did-empty = لم ننشر بعد ما سمعناه وما فعلناه.
finding-figure-theme = { PLURAL($base) ->
    [one] { $count } من أصل إجابة مكتوبة واحدة على «{ $question }» تناولت «{ $theme }» (نطاق 95%: { $range }).
    [two] { $count } من أصل إجابتين مكتوبتين على «{ $question }» تناولت «{ $theme }» (نطاق 95%: { $range }).
    [few] { $count } من أصل { $base } إجابات مكتوبة على «{ $question }» تناولت «{ $theme }» (نطاق 95%: { $range }).
    [many] { $count } من أصل { $base } إجابة مكتوبة على «{ $question }» تناولت «{ $theme }» (نطاق 95%: { $range }).
   *[other] { $count } من أصل { $base } إجابة مكتوبة على «{ $question }» تناولت «{ $theme }» (نطاق 95%: { $range }).
}
finding-figure-theme-count = { PLURAL($base) ->
    [one] { $count } من أصل إجابة مكتوبة واحدة على «{ $question }» تناولت «{ $theme }». الإجابات أقل من أن تُعطى نسبة مئوية.
    [two] { $count } من أصل إجابتين مكتوبتين على «{ $question }» تناولت «{ $theme }». الإجابات أقل من أن تُعطى نسبة مئوية.
    [few] { $count } من أصل { $base } إجابات مكتوبة على «{ $question }» تناولت «{ $theme }». الإجابات أقل من أن تُعطى نسبة مئوية.
    [many] { $count } من أصل { $base } إجابة مكتوبة على «{ $question }» تناولت «{ $theme }». الإجابات أقل من أن تُعطى نسبة مئوية.
   *[other] { $count } من أصل { $base } إجابة مكتوبة على «{ $question }» تناولت «{ $theme }». الإجابات أقل من أن تُعطى نسبة مئوية.
}
finding-figure-theme-hidden = عدد الإجابات المكتوبة على «{ $question }» التي تناولت هذا المحور أقل من أن يُعرض.

## إضافة الاستنتاجات ونشرها (للموظفين)

finding-add = أضف استنتاجًا
finding-add-lead = يستند كل استنتاج إلى نتائج سؤال واحد: حدّد الخيارات التي يعرض نسبتها. إن حدّدت أكثر من خيار («أوافق بشدة» و«أوافق») فالرقم هو عدد من اختاروا أيًّا منها. نأخذ الرقم دائمًا من النتائج.
finding-field-title = الاستنتاج
finding-field-body = ماذا يعني، وماذا سنفعل
finding-field-question = السؤال الذي يستند إليه
finding-field-row = الصف
finding-option-label = السؤال { $number }: { $question } — { $option }
finding-theme-label = السؤال { $number }: { $theme }
finding-field-row-hint = لأسئلة المصفوفة فقط: رقم الصف بدءًا من 1.
finding-field-options = الخيارات التي يستند إليها
finding-field-options-hint = حدّد خيارًا واحدًا، أو عدة خيارات من السؤال نفسه لجمعها.
findings-heading = الاستنتاجات (ما قاله لنا الناس)
finding-publish-titled = انشر: { $title }
finding-withdraw-titled = اسحب: { $title }
finding-remove-titled = احذف: { $title }
done-finding-added = أُضيف الاستنتاج مسودةً.
done-finding-published = نُشر الاستنتاج.
done-finding-withdrawn = سُحب الاستنتاج.
done-finding-removed = حُذف الاستنتاج.
finding-field-theme = أو محور مؤكد
finding-field-theme-hint = يصبح الرقم حينها نسبة الإجابات المكتوبة على السؤال المصنّفة ضمن المحور.
finding-theme-none = لا شيء: استخدم الخيارات أعلاه
finding-field-what-we-did = ما فعلناه
finding-field-what-we-did-hint = ما فعله المجلس استجابةً لذلك. يظهر تحت «سألنا، قال الناس، فعلنا» بعد إغلاق الاستشارة. يمكنك كتابته لاحقًا. يمكنك استخدام Markdown: ‏*تأكيد* وقوائم وعناوين وروابط.
finding-what-we-did-title = ما فعلناه استجابةً لاستنتاج
finding-what-we-did-lead = اذكر ما فعله المجلس استجابةً لهذا الاستنتاج. يراه القرّاء بعد إغلاق الاستشارة.
finding-what-we-did-write = اكتب ما فعلناه
finding-what-we-did-change = غيّر ما فعلناه
done-finding-what-we-did-saved = حُفظ ما فعلناه.

## الترجمات (للموظفين)

translations-title = ترجم
translations-title-of = ترجم إلى { $language }
translations-lead = ترجم كل نص. يرى القراء بتلك اللغة الترجمة حيث توجد، والنص الأصلي في غير ذلك. اترك الخانة فارغة للإبقاء على الأصل.
translations-missing = { $missing ->
    [0] { PLURAL($all) ->
        [one] النص الوحيد مترجم
        [two] النصّان كلاهما مترجمان
       *[other] تُرجمت كل النصوص، وعددها { $all }
    }
   *[other] { PLURAL($all) ->
        [one] النص الوحيد لم يُترجم بعد
        [two] { PLURAL($missing) ->
            [one] أحد النصّين لم يُترجم بعد
           *[other] النصّان كلاهما لم يُترجما بعد
        }
       *[other] { PLURAL($missing) ->
            [one] نصّ واحد من النصوص الـ{ $all } لم يُترجم بعد
            [two] نصّان من النصوص الـ{ $all } لم يُترجما بعد
           *[other] { $missing } من النصوص الـ{ $all } لم تُترجم بعد
        }
    }
}
translations-to-review = { PLURAL($stale) ->
    [one] نص واحد تحتاج ترجمته إلى مراجعة
    [two] نصّان تحتاج ترجمتهما إلى مراجعة
    [few] { $stale } نصوص تحتاج ترجماتها إلى مراجعة
    [many] { $stale } نصًّا تحتاج ترجماتها إلى مراجعة
   *[other] { $stale } نصّ تحتاج ترجماتها إلى مراجعة
}
translations-stale = تغيّر النص الأصلي بعد ترجمته: يرى القرّاء النص الأصلي حتى تراجع الترجمة وتحفظها.
translations-original = الأصل
translations-row = الترجمة: { $language }
translations-translate = ترجم
translations-translate-hidden = إلى { $language }
translations-part-title = عنوان الاستشارة
translations-part-discussion-title = عنوان النقاش
translations-part-summary = الملخص
translations-part-body = المقدمة
translations-part-topic = الموضوع { $number }
translations-part-area = المنطقة
translations-part-strand = مسار المشاركة { $number }
translations-part-document = المستند المرتبط { $number }: العنوان
translations-part-stage-name = المرحلة { $number }: الاسم
translations-part-stage-description = المرحلة { $number }: الوصف
translations-part-guiding-question = السؤال التوجيهي { $number }
translations-part-page = صفحة الاستبيان { $number }: العنوان
translations-part-question = السؤال { $number }: { $question } — { $field }
translations-field-text = الصياغة
translations-field-hint = التلميح
translations-field-purpose = لماذا تسأل
translations-field-option = الخيار { $number }
translations-field-row = الصف { $number }
translations-part-finding-title = الاستنتاج: { $finding } — العنوان
translations-part-finding-body = الاستنتاج: { $finding } — ماذا يعني، وماذا سنفعل
translations-part-finding-what-we-did = الاستنتاج: { $finding } — ما فعلناه
translations-part-theme = محور يستشهد به استنتاج: { $theme }
done-translation = حُفظت الترجمات.

## المحاور: استكشافها في الإجابات على سؤال النص الطويل (للمحللين)

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
themes-done-run = اكتمل الاستكشاف. راجع المحاور المقترحة.
themes-rerun-title = هل تستكشف المحاور من جديد للسؤال «{ $question }»؟
themes-rerun-lead = يبدأ تشغيل جديد للاستكشاف المحاورَ من جديد بحسب ما يجده في الإجابات، فيحلّ محلّ:
themes-rerun-confirmed = { PLURAL($count) ->
    [one] المحور المؤكَّد الوحيد
    [two] المحورين المؤكَّدين
   *[other] المحاور المؤكَّدة، وعددها { $count }
}
themes-rerun-changes = { PLURAL($count) ->
    [one] تعديلك الوحيد على المحاور (محور أُعيدت تسميته أو أُضيف أو دُمج أو حُذف)
    [two] تعديليك على المحاور (محاور أُعيدت تسميتها أو أُضيفت أو دُمجت أو حُذفت)
   *[other] تعديلاتك على المحاور، وعددها { $count } (محاور أُعيدت تسميتها أو أُضيفت أو دُمجت أو حُذفت)
}
themes-rerun-mapped = { PLURAL($count) ->
    [one] تصنيف الإجابة الوحيدة ضمن المحاور
    [two] تصنيف الإجابتين ضمن المحاور
   *[other] تصنيف الإجابات، وعددها { $count }، ضمن المحاور
}
themes-rerun-warning = لا يمكن استعادة المحاور كما هي الآن من هذه الصفحات.
themes-rerun-button = نعم، استكشف المحاور من جديد

## المحاور: القائمة وما يُعدّ على حدة

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
themes-generated-label = { $terms } ({ $stance })
themes-label-agree = تأييد
themes-label-disagree = معارضة
themes-label-unclear = غير واضح
themes-status-candidate = مقترح
themes-status-confirmed = مؤكد
themes-count = { $count } من { $base } ({ $share }%، نطاق 95%: { $range })
themes-set-aside-heading = تُعدّ على حدة
themes-set-aside-lead = نصوص الحملات (الكلمات نفسها يرسلها كثيرون) والموافقة أو الرفض المجرد والإجابات التي لم يأخذها أي محور تُعدّ هنا ولا تُصنَّف في محاور.
themes-campaigns = نسخ الحملات
themes-endorsements = موافقة مجردة («أوافق 100%»، «نعم»)
themes-rejections = رفض مجرد («لا»)
themes-unassigned = إجابات لم يأخذها أي محور
themes-campaign-count = { PLURAL($count) ->
    [zero] لا نسخ
    [one] نسخة واحدة
    [two] نسختان
    [few] { $count } نسخ
    [many] { $count } نسخة
   *[other] { $count } نسخة
}

## المحاور: الإضافة والتأكيد والتصنيف

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
themes-confirm-title = { PLURAL($count) ->
    [one] هل تؤكّد هذا المحور للسؤال «{ $question }»؟
    [two] هل تؤكّد هذين المحورين للسؤال «{ $question }»؟
   *[other] هل تؤكّد هذه المحاور، وعددها { $count }، للسؤال «{ $question }»؟
}
themes-confirm-what = { PLURAL($answers) ->
    [zero] تصبح هذه المجموعة هي التي تُصنَّف ضمنها الإجابات المكتوبة عن هذا السؤال، مع درجة ثقة لكل منها؛ ولم يكتب أحد إجابة بعد. ويمكن للاستنتاجات بعد ذلك أن تستند إلى هذه المحاور.
    [one] تصبح هذه المجموعة هي التي تُصنَّف ضمنها الإجابات المكتوبة عن هذا السؤال: بعدها تُصنَّف الإجابة الوحيدة ضمن هذه المحاور مع درجة ثقة، وإن لم يتيقّن منها التصنيف وُضعت في قائمة لتراجعها. ويمكن للاستنتاجات بعد ذلك أن تستند إلى هذه المحاور.
    [two] تصبح هذه المجموعة هي التي تُصنَّف ضمنها الإجابات المكتوبة عن هذا السؤال: بعدها تُصنَّف الإجابتان ضمن هذه المحاور مع درجة ثقة لكل منهما، وما لم يتيقّن منه التصنيف يوضع في قائمة لتراجعه. ويمكن للاستنتاجات بعد ذلك أن تستند إلى هذه المحاور.
   *[other] تصبح هذه المجموعة هي التي تُصنَّف ضمنها الإجابات المكتوبة عن هذا السؤال: بعدها تُصنَّف الإجابات، وعددها { $answers }، ضمن هذه المحاور مع درجة ثقة لكل منها، وما لم يتيقّن منه التصنيف يوضع في قائمة لتراجعه. ويمكن للاستنتاجات بعد ذلك أن تستند إلى هذه المحاور.
}
themes-confirm-later = إضافة محور أو دمجه أو تقسيمه أو حذفه بعد ذلك يعيد المجموعة لتُؤكَّد وتُصنَّف الإجابات من جديد؛ أما إعادة تسمية محور فلا.
themes-confirm-button = نعم، أكّد هذه المحاور
themes-map = صنّف الإجابات
themes-remap = صنّف الإجابات من جديد
themes-review-link = { PLURAL($count) ->
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
themes-done-add = أُضيف المحور.
themes-done-confirm = المحاور مؤكدة.
themes-done-map = صُنّفت كل إجابة ضمن المحاور المؤكدة.

## المحاور: تغيير محور

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
themes-done-rename = أُعيدت تسمية المحور.
themes-done-nothing = لم يتغير شيء: اسم المحور ووصفه كما كانا.
themes-done-merge = دُمجت المحاور.
themes-done-split = فُصل المحور الجديد.
themes-done-delete = حُذف المحور.

## المحاور: إجابات للمراجعة

themes-review-title = إجابات للمراجعة
themes-review-title-of = إجابات للمراجعة: { $question }
themes-review-lead = { PLURAL($count) ->
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
themes-done-review = حُفظت محاور الإجابة.

## أسباب أخطاء الاستشارات

reason-invalid_date = أدخل تاريخًا صحيحًا، مثلًا 2026-11-30 تعني 30 نوفمبر 2026
reason-closes_before_opens = يجب أن يكون تاريخ الإغلاق بعد تاريخ الفتح
reason-time_does_not_exist = هذا الوقت غير موجود في المنطقة الزمنية للموقع لأن الساعة تُقدَّم عندها: اختر وقتًا قبل التغيير أو بعده
reason-time_is_ambiguous = هذا الوقت يتكرر مرتين في المنطقة الزمنية للموقع لأن الساعة تُؤخَّر عندها: اختر وقتًا قبل التغيير أو بعده، أو اذكر فرقه عن التوقيت العالمي
reason-invalid_survey = يجب أن تسمّي قاعدة التوجيه سؤال اختيار في صفحة سابقة وخيارات موجودة فيه
reason-purpose_required = اذكر لماذا تطرح هذا السؤال: يراه المجيبون
reason-too_many_choices = اختر خيارات أقل
reason-out_of_range = أدخل رقمًا ضمن المدى المسموح
reason-seed-out_of_range = أدخل البذرة عددًا صحيحًا يساوي 0 أو أكثر، مثل 42
answer-choose-up-to = { PLURAL($max) ->
    [one] اختر خيارًا واحدًا فقط
    [two] اختر خيارين على الأكثر
    [few] اختر { $max } خيارات على الأكثر
    [many] اختر { $max } خيارًا على الأكثر
   *[other] اختر { $max } خيار على الأكثر
}
answer-number-between = أدخل رقمًا بين { $min } و{ $max }
answer-number-at-least = أدخل رقمًا يساوي { $min } أو أكثر
answer-number-at-most = أدخل رقمًا يساوي { $max } أو أقل
answer-number-whole = أدخل عددًا صحيحًا، مثل 12
# سؤال مطلوب بلا إجابة: ما يُفعل بحسب نوعه.
answer-required-choose = اختر خيارًا
answer-required-choose-some = اختر خيارًا واحدًا على الأقل
answer-required-rank = رتّب كل الخيارات
answer-required-each-row = اختر إجابة لكل عبارة
answer-required-number = أدخل رقمًا
answer-required-date = أدخل تاريخًا
answer-required-text = أدخل إجابتك
answer-too-long = يجب ألا يزيد عدد أحرف إجابتك على { $limit }
reason-texts-field_too_long-limit = يجب ألا يزيد عدد أحرف الترجمة على { $limit }
reason-hidden_question = هذا السؤال لا ينطبق بحسب إجاباتك السابقة
reason-unknown_question = هذا السؤال ليس جزءًا من الاستبيان
reason-unknown_text = لم يعد هذا النص جزءًا من الاستشارة: ربما تغيّر استنتاج أو محور منذ فتح الصفحة. افتح الصفحة من جديد وترجم ما تعرضه
reason-options_of_one_question = اختر خيارات من سؤال واحد
reason-consultation_not_open = هذه الاستشارة لا تقبل الردود
reason-already_responded = لقد بدأت ردًا من قبل
reason-invalid_ranking = أعطِ كل خيار رتبة مختلفة تبدأ من 1 دون فجوات
reason-survey_locked = رد بعض الناس، فلم يعد ممكنًا تغيير الاستبيان: لا يمكن إضافة أسئلة أو حذفها أو نقلها، ولا تغيير خياراتها، لأن الإجابات تعتمد عليها. ما زال بإمكانك تصحيح الأخطاء المطبعية في صياغة الأسئلة والتلميحات والخيارات وعناوين الصفحات
reason-survey_changed = تغيّر الاستبيان منذ أن فتحت هذا النموذج، فلم يُحفظ شيء. يعرض النموذج الآن الاستبيان كما هو: راجعه، ثم أرسل النموذج مرة أخرى إن كنت ما زلت بحاجة إليه
reason-weighting_empty_category = لخيارٍ حصةٌ بين السكان لكن لا مجيبين فيه، فلا أحد يمثله. استبعده بـ -
reason-duplicate_label = لمحور آخر هذا العنوان نفسه. اختر عنواناً مختلفاً
reason-same_theme = لا يمكن دمج محور في نفسه. اختر محوراً آخر
reason-not_long_text = تُستخرج المحاور من الإجابات على أسئلة النص الطويل فقط
reason-themes_not_confirmed = أكّد المحاور قبل تصنيف الإجابات
reason-no_answers = لا توجد إجابات مكتوبة لتحليلها بعد
# A field's own words for a problem (reason-<field>-<code>), so that an
# officer reads what to fix rather than a general "Answer the question".
reason-title-field_required = أدخل عنوانًا
reason-title-field_too_long = العنوان طويل جدًا: اختصره
reason-title-field_too_long-limit = يجب ألا يزيد عدد أحرف العنوان على { $limit }
reason-summary-field_required = أدخل ملخصًا
reason-summary-field_too_long = الملخص طويل جدًا: اختصره
reason-summary-field_too_long-limit = يجب ألا يزيد عدد أحرف الملخص على { $limit }
reason-body-field_too_long-limit = يجب ألا يزيد عدد أحرف المقدمة على { $limit }
reason-area-field_too_long-limit = يجب ألا يزيد عدد أحرف اسم المنطقة على { $limit }
reason-topics-field_too_long = أدخل 10 مواضيع على الأكثر
reason-topics-field_too_long-limit = يجب ألا يزيد عدد أحرف كل موضوع على { $limit }
reason-strands-field_too_long = أدخل 10 مسارات على الأكثر، مسارًا في كل سطر
reason-strands-field_too_long-limit = يجب ألا يزيد عدد أحرف كل مسار على { $limit }
reason-documents-field_too_long = اربط 20 وثيقة على الأكثر، وثيقة في كل سطر
reason-documents-line-no-bar = السطر { $line }: اكتب عنوان الوثيقة، ثم خطًا عموديًا (|)، ثم رابطها
reason-documents-line-title = السطر { $line }: اكتب عنوان الوثيقة قبل الخط العمودي (|)
reason-documents-line-title-long = السطر { $line }: يجب ألا يزيد عدد أحرف عنوان الوثيقة على { $limit }
reason-documents-line-address = السطر { $line }: يجب أن يبدأ الرابط بـ ‎https://‎ (أو بـ / لصفحة من هذا الموقع)، دون مسافات
reason-opens_at-field_required = أدخل موعد الافتتاح، تاريخًا ووقتًا صحيحين
reason-closes_at-field_required = أدخل موعد الإغلاق، تاريخًا ووقتًا صحيحين
reason-opens_at-invalid_date = أدخل موعد الافتتاح تاريخًا ووقتًا صحيحين، مثلًا 2027-02-04T17:00 تعني 4 فبراير 2027 الساعة 5 مساءً
reason-closes_at-invalid_date = أدخل موعد الإغلاق تاريخًا ووقتًا صحيحين، مثلًا 2027-02-04T17:00 تعني 4 فبراير 2027 الساعة 5 مساءً
reason-allow_anonymous-invalid_choice = اختر ما إذا كان بإمكان الناس الرد دون حساب
reason-language-unknown_locale = اختر من القائمة اللغة التي تكتب بها
reason-language_has_translations = لا يمكن تغيير اللغة ما دامت للاستشارة ترجمات، لأنها أُعدّت منها. احذف الترجمات أولًا (أفرغ كل النصوص في صفحة ترجمات كل لغة واحفظها)، أو اكتب استشارة جديدة باللغة الأخرى
reason-name-field_required = أدخل اسمًا
reason-text-field_required = أدخل نص السؤال
reason-text-field_too_long = يجب ألا يزيد السؤال على 1,000 حرف
reason-text-bad_request = في السؤال أحرف لا يمكن عرضها: اكتبه من جديد
reason-hint-field_too_long = يجب ألا يزيد التلميح على 1,000 حرف
reason-hint-bad_request = في التلميح أحرف لا يمكن عرضها: اكتبه من جديد
reason-purpose-field_too_long = يجب أن يُذكر سبب السؤال في 1,000 حرف أو أقل
reason-purpose-bad_request = في سبب السؤال أحرف لا يمكن عرضها: اكتبه من جديد
reason-kind-invalid_choice = اختر نوع السؤال
reason-demographic-invalid_choice = اختر ما يسأل عنه السؤال من أحوال الشخص
reason-options-field_required = أدخل خيارين على الأقل، خيارًا في كل سطر
reason-options-field_required-matrix = أدخل صفًا واحدًا على الأقل، صفًا في كل سطر
reason-options-field_too_long = أدخل 50 خيارًا على الأكثر
reason-options-invalid_choice = اكتب كل خيار في سطر مستقل، في 300 حرف أو أقل
reason-options-duplicate_label = يجب أن يختلف كل خيار إجابة عن غيره: «{ $option }» مذكور مرتين
reason-options-duplicate_label-matrix = يجب أن يختلف كل صف عن غيره: «{ $option }» مذكور مرتين
reason-options-duplicate_label-demographic = يجب أن تختلف كل منطقة عن غيرها: «{ $option }» مذكورة مرتين
reason-max-too_many_choices = أدخل حدًا أقصى بين 1 و{ $options }، وهو عدد الخيارات
reason-max-out_of_range = أدخل الحد الأقصى عددًا صحيحًا، مثل 5
reason-max-out_of_range-long_text = أدخل أكبر عدد من الأحرف تحتمله الإجابة، عددًا صحيحًا من 1 إلى 20,000
reason-min-out_of_range = أدخل الحد الأدنى عددًا صحيحًا لا يزيد على الحد الأقصى
reason-place-invalid_choice = اختر مكان السؤال
reason-page_title-invalid_choice = العنوان لصفحة جديدة: اختر «في صفحة جديدة» تحت «مكان السؤال»، أو اترك العنوان فارغًا
reason-place-field_too_long = الاستبيان ممتلئ: يتسع لـ 200 سؤال على الأكثر في 30 صفحة
reason-show_if_question-invalid_choice = اختر السؤال الذي تعتمد عليه هذه القاعدة
reason-show_if_options-field_required = اختر إجابة واحدة على الأقل تُظهر هذا السؤال
reason-show_if_options-invalid_choice = اختر إجابات من المذكورة تحت السؤال
reason-skip_if_question-invalid_choice = اختر السؤال الذي تتخطّى إجاباتُه هذه الصفحة
reason-skip_if_options-field_required = اختر إجابة واحدة على الأقل تتخطّى هذه الصفحة
reason-skip_if_options-invalid_choice = اختر الإجابات من تلك المعروضة تحت السؤال
reason-title-bad_request = اكتب العنوان في سطر واحد
reason-page_title-field_too_long = عنوان الصفحة طويل جدًا: اختصره
reason-page_title-field_too_long-limit = يجب ألا يزيد عدد أحرف عنوان الصفحة على { $limit }
reason-page_title-bad_request = اكتب عنوان الصفحة في سطر واحد
reason-question-invalid_choice = اختر السؤال الذي يأتي منه الرقم
reason-row-invalid_choice = اختر أحد صفوف السؤال
reason-option-invalid_choice = اختر أحد خيارات السؤال
reason-rows-field_required = اختر سؤالًا للصفوف
reason-columns-field_required = اختر سؤالًا للأعمدة
reason-rows-unknown_question = اختر سؤالًا للصفوف من القائمة
reason-columns-unknown_question = اختر سؤالًا للأعمدة من القائمة
reason-rows-invalid_choice = اختر سؤالًا للصفوف من القائمة
reason-columns-invalid_choice = اختر سؤالًا للأعمدة من القائمة، غير سؤال الصفوف
reason-show-invalid_choice = اختر ما تعرضه كل خانة

## Withdrawn, not yet published, and asking before withdrawing (ADR 22)

status-withdrawn = مسحوبة
consultation-withdrawn-title = سُحبت هذه الاستشارة
consultation-withdrawn-text = سُحبت في { $when } ولم تعد تقبل الردود.
consultation-withdrawn-next = اطلع على الاستشارات التي يمكنك المشاركة فيها
results-not-published-yet = لم تُنشر النتائج بعد
results-not-published-yet-text = لم تُنشر نتائج هذه الاستشارة بعد. ستظهر هنا حين تُنشر.
results-back-to-consultation = العودة إلى الاستشارة
confirm-withdraw-consultation-title = هل تسحب { $title }؟
confirm-withdraw-consultation-lead = ستخرج من قائمة الاستشارات، ولن يتمكن أحد من الرد، وستذكر صفحتها أنها سُحبت ومتى.
confirm-withdraw-consultation-lead-closed = أُغلقت بالفعل. لن تبقى صفحتها متاحة للجمهور: ستخرج من قائمة الاستشارات، وسيذكر رابطها أنها سُحبت ومتى.
confirm-withdraw-consultation-lead-closed-results = أُغلقت بالفعل. لن تبقى صفحتها ولا نتائجها متاحة للجمهور: ستخرج من قائمة الاستشارات، وسيذكر رابطها أنها سُحبت ومتى.
confirm-withdraw-consultation-kept = { PLURAL($count) ->
    [0] لم يرد أحد بعد.
    [one] يُحتفظ بالرد الوحيد الذي وصلها، ويعود إن نشرتها من جديد.
    [two] يُحتفظ بالردين اللذين وصلاها، ويعودان إن نشرتها من جديد.
    [few] يُحتفظ بالردود الـ{ $count } التي وصلتها، وتعود إن نشرتها من جديد.
    [many] يُحتفظ بالردود الـ{ $count } التي وصلتها، وتعود إن نشرتها من جديد.
   *[other] يُحتفظ بالردود الـ{ $count } التي وصلتها، وتعود إن نشرتها من جديد.
}
confirm-withdraw-consultation-button = نعم، اسحب الاستشارة
confirm-withdraw-results-title = هل تسحب نتائج { $title }؟
confirm-withdraw-results-lead = لن يرى الجمهور النتائج بعد الآن، ولا أي أرقام مرجّحة نُشرت معها، وستذكر صفحتها أن النتائج لم تُنشر بعد.
confirm-withdraw-results-kept = { PLURAL($count) ->
    [zero] لا ردود، ويمكنك نشر النتائج من جديد.
    [one] يُحتفظ بالرد الوحيد، ويمكنك نشر النتائج من جديد.
    [two] يُحتفظ بالردين، ويمكنك نشر النتائج من جديد.
    [few] يُحتفظ بالردود الـ{ $count }، ويمكنك نشر النتائج من جديد.
    [many] يُحتفظ بالردود الـ{ $count }، ويمكنك نشر النتائج من جديد.
   *[other] يُحتفظ بالردود الـ{ $count }، ويمكنك نشر النتائج من جديد.
}
confirm-withdraw-results-button = نعم، اسحب النتائج
confirm-remove-finding-title = هل تحذف الخلاصة { $title }؟
confirm-remove-finding-published = إنها منشورة: ستُزال من صفحة «ما قاله لنا الناس» وتُحذف.
confirm-remove-finding-draft = إنها مسودة: ستُحذف.
confirm-remove-finding-button = نعم، احذف الخلاصة
reason-consultation_withdrawn = سُحبت هذه الاستشارة.
reason-not_published = هذا غير منشور، فلا شيء لسحبه. لم يتغير شيء.
reason-already_removed = حُذف هذا من قبل. لم يتغير شيء.
reason-themes_already_confirmed = هذه المحاور مؤكدة من قبل. لم يتغير شيء.
reason-themes_changed = تغيّرت المحاور منذ أن طُلب منك تأكيدها. لم يتغير شيء: راجعها مرة أخرى ثم أكّدها.

## ما تعرضه الاستشارات في الصفحة الرئيسية وصفحة «شارك معنا» ولوحة الموظفين
home-open-heading = مفتوحة لرأيك الآن
home-open-empty = لا يوجد ما هو مفتوح لرأيك في الوقت الحالي. الاستشارات التي أُغلقت، وما توصلت إليه، موجودة في صفحة الاستشارات.
home-open-all = اطّلع على جميع الاستشارات
get-involved-consultations = الاستشارات العامة
get-involved-open = مفتوحة الآن
get-involved-open-empty = لا توجد استشارات مفتوحة في الوقت الحالي.
get-involved-upcoming = تُفتح قريبًا
get-involved-upcoming-empty = لا توجد استشارات مقرر فتحها بعد.
get-involved-closed = أُغلقت مؤخرًا
get-involved-closed-empty = لم تُغلق أي استشارة خلال الأشهر الثلاثة الماضية.
listing-results-link = اطّلع على نتائج { $title }
manage-consultations = الاستشارات العامة
manage-drafts = المسودات
manage-drafts-empty = لا توجد مسودات.
manage-open = مفتوحة
manage-open-empty = لا توجد استشارة مفتوحة.
manage-upcoming = قادمة
manage-upcoming-empty = لا توجد استشارة مقرر فتحها.
manage-closed = مغلقة
manage-closed-empty = لم تُغلق أي استشارة بعد.
manage-withdrawn = المسحوبة
manage-withdrawn-empty = لم تُسحب أي استشارة.
manage-results-to-publish = نتائج لم تُنشر بعد
manage-results-to-publish-empty = نُشرت نتائج كل استشارة مغلقة.
manage-translations-missing = ترجمات ناقصة
manage-translations-missing-empty = كل المسودات والاستشارات المفتوحة والقادمة، وكل استشارة مغلقة ما زالت نتائجها أو خلاصاتها معروضة، مترجمة بالكامل.
manage-translation-note = { $language }: { $count }
manage-no-responses = لا توجد ردود بعد
manage-results = النتائج
manage-crosstabs = الجداول التقاطعية
manage-answers = الإجابات المكتوبة والمحاور

## مراحل تتبع تواريخها
stage-automatic = تلقائيًا (حسب التواريخ)
stage-state-hint = تلقائيًا: قادمة قبل تاريخها، والآن من تاريخها حتى تاريخ المرحلة التالية، وجرت بعد ذلك. أو اختر بنفسك أين وصلت.
stage-automatic-shown = { $state } (حسب التواريخ)
stage-stopped = توقفت عند سحب الاستشارة
consultation-dates-closed-on = في { $closes }
consultation-dates-withdrawn-on = في { $when }
we-did-summary-link = سألنا، قال الناس، فعلنا: ما فعله المجلس استجابةً لذلك

## ضوابط النشر
consultation-publish-needs-questions = أضف سؤالًا واحدًا على الأقل قبل النشر.
reason-no_questions = أضف سؤالًا واحدًا على الأقل قبل النشر.
reason-no_responses = لم يرد أحد بعد، فلا نتائج لنشرها.
reason-consultation_draft = انشر الاستشارة قبل نتائجها: فهي غير منشورة.
confirm-publish-consultation-title = هل تنشر { $title }؟
confirm-publish-upcoming = سيتمكن الجميع من قراءتها. ستظهر تحت «{ get-involved-upcoming }» في صفحة «{ nav-get-involved }»، وتُفتح في { $opens }: عندها ستظهر في الصفحة الرئيسية أيضًا، وتستقبل الردود حتى { $closes }.
confirm-publish-open = سيتمكن الجميع من قراءتها، وستظهر في الصفحة الرئيسية وتحت «{ get-involved-open }» في صفحة «{ nav-get-involved }». ستستقبل الردود فورًا، حتى { $closes }.
confirm-publish-closed-recently = مضى تاريخ إغلاقها، { $closes }: لن يتمكن أحد من الرد. سيتمكن الجميع من قراءتها: ستظهر مع الاستشارات المغلقة، وتحت «{ get-involved-closed }» في صفحة «{ nav-get-involved }» حتى ثلاثة أشهر بعد إغلاقها.
confirm-publish-closed = مضى تاريخ إغلاقها، { $closes }: لن يتمكن أحد من الرد. سيتمكن الجميع من قراءتها: ستظهر مع الاستشارات المغلقة.
confirm-publish-size = في الاستبيان { PLURAL($questions) ->
    [zero] لا أسئلة
    [one] سؤال واحد
    [two] سؤالان
    [few] { $questions } أسئلة
   *[other] { $questions } سؤالًا
} في { PLURAL($pages) ->
    [one] صفحة واحدة.
    [two] صفحتين.
    [few] { $pages } صفحات.
   *[other] { $pages } صفحة.
}
confirm-publish-locks = بعد أن يرد أي شخص، لا يمكن إضافة أسئلة أو حذفها أو نقلها، لكن يمكنك تصحيح صياغتها.
confirm-publish-consultation-button = نعم، انشر الاستشارة
confirm-publish-translations = بعض نصوص هذه الاستشارة ليست جاهزة بكل اللغات. ما زال بإمكانك النشر: حيث تنقص الترجمة أو تحتاج إلى مراجعة، يرى القرّاء النص الأصلي.
confirm-publish-untranslated = { PLURAL($all) ->
    [one] { $language }: النص الوحيد لم يُترجم بعد.
    [two] { $language }: { $count } من أصل نصّين لم يُترجم بعد.
    [few] { $language }: { $count } من أصل { $all } نصوص لم يُترجم بعد.
    [many] { $language }: { $count } من أصل { $all } نصًا لم يُترجم بعد.
   *[other] { $language }: { $count } من أصل { $all } نص لم يُترجم بعد.
}
confirm-publish-stale = { PLURAL($all) ->
    [one] { $language }: النص الوحيد تحتاج ترجمته إلى مراجعة، لأن أصله تغيّر بعد ترجمته.
   *[other] { PLURAL($count) ->
        [one] { $language }: نصّ واحد من أصل { $all } تحتاج ترجمته إلى مراجعة، لأن أصله تغيّر بعد ترجمته.
        [two] { $language }: نصّان من أصل { $all } تحتاج ترجمتهما إلى مراجعة، لأن أصليهما تغيّرا بعد ترجمتهما.
        [few] { $language }: { $count } نصوص من أصل { $all } تحتاج ترجماتها إلى مراجعة، لأن أصولها تغيّرت بعد ترجمتها.
        [many] { $language }: { $count } نصًّا من أصل { $all } تحتاج ترجماتها إلى مراجعة، لأن أصولها تغيّرت بعد ترجمتها.
       *[other] { $language }: { $count } نصّ من أصل { $all } تحتاج ترجماتها إلى مراجعة، لأن أصولها تغيّرت بعد ترجمتها.
    }
}
confirm-publish-translate = اطّلع على الترجمة إلى { $language }
consultation-survey-size = { PLURAL($questions) ->
    [0] لا أسئلة بعد
    [one] سؤال واحد
    [two] سؤالان
    [few] { $questions } أسئلة
   *[other] { $questions } سؤالًا
}{ PLURAL($pages) ->
    [0] {""}
    [one] {" "}في صفحة واحدة
    [two] {" "}في صفحتين
    [few] {" "}في { $pages } صفحات
   *[other] {" "}في { $pages } صفحة
}

## المعاينة
preview-link = عاين الاستبيان
preview-title = معاينة
preview-heading = معاينة: لا تُحفظ الإجابات
preview-text = هذا هو الاستبيان كما يراه المجيبون تمامًا. تظهر الصفحات والأسئلة بحسب إجاباتك؛ ولا يُحفظ شيء مما تدخله.
preview-untranslated = { PLURAL($missing) ->
    [zero] لكل نصوص الاستبيان ترجمة إلى هذه اللغة.
    [one] نص واحد من نصوص الاستبيان الـ{ $all } غير مترجم إلى هذه اللغة: يراه المجيبون بلغته الأصلية ({ $language }).
   *[other] { $missing } من نصوص الاستبيان الـ{ $all } غير مترجمة إلى هذه اللغة: يراها المجيبون بلغتها الأصلية ({ $language }).
}
preview-to-review = { PLURAL($stale) ->
    [one] نص واحد من نصوص الاستبيان تحتاج ترجمته إلى مراجعة لأن أصله تغيّر: يراه المجيبون بلغته الأصلية ({ $language }) حتى تُراجَع الترجمة.
    [two] نصّان من نصوص الاستبيان تحتاج ترجمتهما إلى مراجعة لأن أصليهما تغيّرا: يراهما المجيبون بلغتهما الأصلية ({ $language }) حتى تُراجَع الترجمتان.
   *[other] { $stale } من نصوص الاستبيان تحتاج ترجماتها إلى مراجعة لأن أصولها تغيّرت: يراها المجيبون بلغتها الأصلية ({ $language }) حتى تُراجَع الترجمات.
}
preview-of-all = في الاستبيان { $all } من نصوص الاستشارة التي تُترجم، وعددها كلها { $total }؛ تعدّها صفحة الاستشارة كلها.
preview-languages = عاين بلغة
preview-again = ابدأ المعاينة من جديد
preview-leave = اخرج من المعاينة
preview-empty = لا أسئلة لمعاينتها بعد.
preview-check-lead = هنا يراجع المجيبون إجاباتهم قبل إرسالها. لا يُرسل شيء في المعاينة.
preview-end = أنهِ المعاينة
done-preview-ended = انتهت المعاينة. لم يُحفظ شيء.

## تصحيح الصياغة بعد وصول الردود
wording-title = صحّح الصياغة
wording-title-of = صحّح صياغة الصفحة { $page } ({ $language })
wording-lead = صحّح الأخطاء المطبعية والصياغة غير الواضحة في أسئلة هذه الصفحة وتلميحاتها وخياراتها وعنوانها. أجاب الناس بالفعل، فحافظ على المعنى: يبقى عدد الخيارات وترتيبها والأسئلة نفسها كما هي.
wording-lead-translation = صحّح ترجمة نصوص هذه الصفحة. النص المتروك فارغًا يظهر باللغة الأصلية.
wording-lead-history = يُسجَّل كل تغيير في سجل الاستشارة مع ما كان عليه من قبل. وتُعلَّم ترجمات النص المتغيّر بأنها تحتاج إلى مراجعة.
wording-save = احفظ الصياغة
wording-languages = صحّح الصياغة بلغة
wording-error-text-required = أدخل السؤال
wording-error-row-required = أدخل عنوان الصف
wording-error-option-required = أدخل نص الخيار
wording-error-too-long = يجب ألا يزيد عدد الأحرف على { $limit }
wording-error-one-line = اجعل هذا في سطر واحد
wording-error-characters = احذف المحارف التي لا يمكن عرضها
wording-error-unknown = لم يعد هذا النص في هذه الصفحة: افتح الصفحة من جديد
wording-locked-title = لم يعد ممكنًا تغيير أسئلة الاستبيان
wording-fix-link = صحّح الصياغة بدلًا من ذلك
done-wording-fixed = صُحّحت الصياغة. التغيير مسجّل في السجل، وعُلّمت ترجماته بأنها تحتاج إلى مراجعة.
done-wording-unchanged = لم يتغير شيء: كانت الصياغة كما أُرسلت.

## السجل
history-heading = السجل
history-when = متى
history-who = من
history-what = ما الذي تغيّر
history-before = قبل
history-after = بعد
history-empty = لم يُسجَّل شيء لهذه الاستشارة بعد.
history-someone = غير معروف
history-in-language = { $what } ({ $language })
history-consultation-create = أنشأ الاستشارة
history-consultation-update = غيّر التفاصيل
history-consultation-survey = غيّر الاستبيان
history-consultation-stages = غيّر المراحل الزمنية
history-consultation-publish = نشر الاستشارة
history-consultation-unpublish = سحب الاستشارة
history-consultation-results-publish = نشر النتائج
history-consultation-results-withdraw = سحب النتائج
history-consultation-translate = حفظ ترجمة
history-stage-added = أضاف المرحلة «{ $stage }» إلى الجدول الزمني
history-stage-removed = حذف المرحلة «{ $stage }» من الجدول الزمني
history-stage-changed = غيّر المرحلة «{ $stage }»: { $parts }
history-stage-part-name = الاسم
history-stage-part-date = التاريخ
history-stage-part-status = أين وصلت
history-stage-part-text = الوصف
history-stage-part-link = ما ترتبط به
history-translation-saved = { PLURAL($of) ->
    [zero] حفظ الترجمة إلى { $language }: { $texts } من دون نصوص
    [one] حفظ الترجمة إلى { $language }: { $texts } من نص واحد
    [two] حفظ الترجمة إلى { $language }: { $texts } من نصّين
    [few] حفظ الترجمة إلى { $language }: { $texts } من { $of } نصوص
    [many] حفظ الترجمة إلى { $language }: { $texts } من { $of } نصًّا
   *[other] حفظ الترجمة إلى { $language }: { $texts } من { $of } نص
}
history-consultation-wording = صحّح الصياغة
history-survey-added = أضاف السؤال «{ $question }» إلى الصفحة { $page }
history-survey-added-anywhere = أضاف السؤال «{ $question }»
history-survey-removed = حذف السؤال «{ $question }» من الصفحة { $page }
history-survey-removed-anywhere = حذف السؤال «{ $question }»
history-survey-place = نقل «{ $question }» إلى الصفحة { $page }
history-survey-place-within = نقل «{ $question }» داخل الصفحة { $page }
history-survey-kind = غيّر نوع «{ $question }»
history-survey-required = غيّر ما إذا كانت الإجابة عن «{ $question }» إلزامية
history-survey-text = أعاد صياغة السؤال { $number }
history-survey-text-gone = أعاد صياغة سؤال حُذف بعد ذلك
history-survey-hint = غيّر تلميح «{ $question }»
history-survey-purpose = غيّر سبب طرح «{ $question }»
history-survey-options = غيّر خيارات «{ $question }»
history-survey-limits = غيّر حدود «{ $question }»
history-survey-shown = حدّد متى يظهر «{ $question }»
history-survey-page-title = غيّر عنوان الصفحة { $page }
history-survey-page-title-named = سمّى الصفحة { $page }
history-survey-page-title-cleared = أزال عنوان الصفحة { $page }
history-survey-no-title = بلا عنوان
history-survey-no-hint = بلا تلميح
history-survey-no-purpose = بلا سبب مذكور
history-survey-page-skipped = حدّد متى تُتخطّى الصفحة { $page }
history-survey-page-added = أُضيفت الصفحة { $page }
history-survey-page-removed = حُذفت الصفحة { $page } إذ لم يبقَ فيها سؤال
history-survey-pages = { PLURAL($after) ->
    [zero] لم تبقَ في الاستبيان صفحات (كان فيه { $before })
    [one] صار في الاستبيان صفحة واحدة (كان فيه { $before })
    [two] صار في الاستبيان صفحتان (كان فيه { $before })
    [few] صار في الاستبيان { $after } صفحات (كان فيه { $before })
    [many] صار في الاستبيان { $after } صفحة (كان فيه { $before })
   *[other] صار في الاستبيان { $after } صفحة (كان فيه { $before })
}
history-survey-more = { PLURAL($count) ->
    [one] تغيير آخر في الاستبيان
    [two] تغييران آخران في الاستبيان
    [few] { $count } تغييرات أخرى في الاستبيان
    [many] { $count } تغييرًا آخر في الاستبيان
   *[other] { $count } تغيير آخر في الاستبيان
}
history-survey-never = أبدًا
history-survey-skipped-if = إذا كانت إجابة «{ $question }» هي { $options }
history-survey-at = الصفحة { $page }، السؤال { $position }
history-survey-limits-range = من { $min } إلى { $max }
history-survey-limits-min = { $min } على الأقل
history-survey-limits-max = { $max } على الأكثر
history-survey-limits-none = بلا حدود
history-responses-export = نزّل الردود
history-special-category-view = اطّلع على إجابات فيها بيانات من الفئات الخاصة
history-special-category-export = نزّل إجابات فيها بيانات من الفئات الخاصة
history-themes-run = بحث عن محاور في الإجابات المكتوبة
history-themes-confirm = أكّد مجموعة من المحاور
history-themes-map = فرز الإجابات المكتوبة على المحاور
history-themes-review = اختار محاور إجابة مكتوبة
history-finding-add = أضاف استنتاجًا
history-finding-publish = نشر استنتاجًا
history-finding-withdraw = سحب استنتاجًا
history-finding-remove = حذف استنتاجًا
history-finding-what-we-did = كتب ما فعله المجلس
history-themes-add = أضاف محورًا
history-themes-rename = غيّر اسم محور
history-themes-merge = دمج محورين
history-themes-delete = حذف محورًا
history-themes-split = فصل إجابات في محور جديد
consultation-withdrawn-on = سُحبت
consultation-withdrawn-when-by = في { $when }، بيد { $who }
consultation-withdrawn-notice = سُحبت هذه الاستشارة { $when_by }. لا يراها إلا الموظفون حتى تُنشر من جديد.

## صفحات المحللين: مراتب الترتيب، والخلايا التي لا يسألها التوجيه، ونماذج
## المحاور التي تسمّي حقولها، والسؤال قبل دمج محور أو حذفه

response-rank = المرتبة { $rank }: { $option }
figure-not-asked-symbol = –
figure-not-asked = لم يُسأل (بسبب التوجيه)
figure-not-asked-key = لم يُسأل (بسبب التوجيه): لم يطرح توجيه الاستبيان هذا السؤال على هؤلاء المشاركين، فالخلية فارغة عن قصد، وليست رقماً مخفياً.
themes-no-theme = بلا محور
themes-no-theme-hint = إجابات لا تنتمي إلى أي محور: المحسوبة على حدة أدناه، والتي حُذف محورها.
themes-field-label-hint = اسم قصير، لا يزيد على 100 حرف.
themes-field-into-choose = اختر محوراً
reason-label-field_required = أدخل اسماً للمحور
reason-label-field_too_long-limit = { PLURAL($limit) ->
    [zero] يجب ألا يزيد اسم المحور على { $limit } حرف
    [one] يجب ألا يزيد اسم المحور على حرف واحد
    [two] يجب ألا يزيد اسم المحور على حرفين
    [few] يجب ألا يزيد اسم المحور على { $limit } أحرف
    [many] يجب ألا يزيد اسم المحور على { $limit } حرفاً
   *[other] يجب ألا يزيد اسم المحور على { $limit } حرف
}
reason-label-bad_request = اكتب اسم المحور في سطر واحد
reason-label-duplicate_label = يوجد محور بهذا الاسم من قبل: اختر اسماً مختلفاً
reason-label-duplicate_label-named = يوجد محور باسم «{ $label }» من قبل: اختر اسماً مختلفاً
reason-description-field_too_long-limit = { PLURAL($limit) ->
    [zero] يجب ألا يزيد وصف المحور على { $limit } حرف
    [one] يجب ألا يزيد وصف المحور على حرف واحد
    [two] يجب ألا يزيد وصف المحور على حرفين
    [few] يجب ألا يزيد وصف المحور على { $limit } أحرف
    [many] يجب ألا يزيد وصف المحور على { $limit } حرفاً
   *[other] يجب ألا يزيد وصف المحور على { $limit } حرف
}
reason-into-field_required = اختر المحور الذي يُدمج فيه هذا المحور
reason-into-invalid_choice = اختر أحد المحاور المعروضة ليُدمج فيه هذا المحور
reason-into-same_theme = لا يمكن دمج محور في نفسه: اختر محوراً آخر
reason-examples-field_required = اختر إجابة واحدة على الأقل للمحور
reason-examples-invalid_choice = اختر إجابات ينتمي إليها هذا المحور، أو أدخل الأرقام المرجعية لإجابات عن هذا السؤال
reason-examples-too_many_choices = اختر 50 إجابة على الأكثر
themes-merge-ask-title = أتدمج «{ $theme }» في «{ $into }»؟
themes-merge-ask-what = { $count ->
    [0] لا يضم «{ $theme }» أي إجابة الآن؛ ستنتقل إجاباته المثالية إلى «{ $into }».
   *[other] { PLURAL($count) ->
        [one] ستنتقل الإجابة الوحيدة في «{ $theme }» إلى «{ $into }» مع إجاباته المثالية.
        [two] ستنتقل الإجابتان في «{ $theme }» إلى «{ $into }» مع إجاباته المثالية.
        [few] ستنتقل الإجابات الـ{ $count } في «{ $theme }» إلى «{ $into }» مع إجاباته المثالية.
        [many] ستنتقل الإجابات الـ{ $count } في «{ $theme }» إلى «{ $into }» مع إجاباته المثالية.
       *[other] ستنتقل الإجابات الـ{ $count } في «{ $theme }» إلى «{ $into }» مع إجاباته المثالية.
    }
}
themes-merge-ask-button = نعم، ادمج هذين المحورين
themes-delete-ask-title = أتحذف المحور «{ $theme }»؟
themes-delete-ask-what = { $count ->
    [0] لا يضم «{ $theme }» أي إجابة الآن.
   *[other] { PLURAL($count) ->
        [one] ستُحسب الإجابة الوحيدة في «{ $theme }» ضمن «بلا محور».
        [two] ستُحسب الإجابتان في «{ $theme }» ضمن «بلا محور».
        [few] ستُحسب الإجابات الـ{ $count } في «{ $theme }» ضمن «بلا محور».
        [many] ستُحسب الإجابات الـ{ $count } في «{ $theme }» ضمن «بلا محور».
       *[other] ستُحسب الإجابات الـ{ $count } في «{ $theme }» ضمن «بلا محور».
    }
}
themes-delete-ask-button = نعم، احذف هذا المحور
themes-ask-record = سيُدرج «{ $theme }» ضمن المحاور المحذوفة والمدمجة: يُعلَّم ولا يُمحى، ويحتفظ سجل التدقيق بما كان عليه.
themes-ask-confirm-again = هذه المحاور مؤكدة: بعد هذا التغيير يجب تأكيدها من جديد، وتصنيف الإجابات من جديد.
