//! The demo's open consultation in Arabic.

/// The open consultation's texts in Arabic, by their English original,
/// so that the demo shows a translated consultation (the other two stay
/// in English only, as a council's might: readers then see the original).
pub(super) const ARABIC: &[(&str, &str)] = &[
    ("Safer streets, stronger communities", "شوارع أكثر أمنًا ومجتمعات أقوى"),
    (
        "Tell us how Brightwater can prevent hate and extremism together. Demonstration data: the responses shown here were generated at random.",
        "أخبرنا كيف يمكن لبرايتووتر أن تقي من الكراهية والتطرف معًا. بيانات تجريبية: الردود المعروضة هنا مولَّدة عشوائيًا.",
    ),
    (
        "Brightwater City Council wants to hear from everyone who lives, works or studies in the city.\n\n\
         ## What we are asking\n\n\
         - what makes communities strong enough to resist hate;\n\
         - where people meet views that promote hatred or extremism;\n\
         - which of our ideas would work best.\n\n\
         Your answers shape the programme. *This is a demonstration: the council and the city are invented.*",
        "يريد مجلس مدينة برايتووتر أن يسمع من كل من يسكن المدينة أو يعمل أو يدرس فيها.\n\n\
         ## ما نسأل عنه\n\n\
         - ما الذي يجعل المجتمعات قوية بما يكفي لمقاومة الكراهية؛\n\
         - أين يصادف الناس آراء تروّج للكراهية أو التطرف؛\n\
         - أيّ أفكارنا ستنجح أكثر من غيرها.\n\n\
         إجاباتك تشكّل البرنامج. *هذا عرض تجريبي: المجلس والمدينة متخيَّلان.*",
    ),
    ("hate crime", "جرائم الكراهية"),
    ("community cohesion", "التماسك المجتمعي"),
    ("Citywide", "المدينة كلها"),
    ("Stakeholder meetings", "اجتماعات مع الجهات المعنية"),
    ("Community-led sessions", "جلسات يقودها المجتمع"),
    ("Commissioned research", "أبحاث بتكليف من المجلس"),
    ("Formal consultation", "الاستشارة الرسمية"),
    ("How we will use your answers", "كيف سنستخدم إجاباتك"),
    ("Council challenge", "سؤال المجلس"),
    (
        "The council asked residents and partners what worries them.",
        "سأل المجلس السكان والشركاء عمّا يقلقهم.",
    ),
    ("Evidence gathering", "جمع الأدلة"),
    (
        "Community-led sessions and commissioned research.",
        "جلسات يقودها المجتمع وأبحاث بتكليف من المجلس.",
    ),
    ("This survey is open to everyone.", "هذا الاستبيان مفتوح للجميع."),
    ("What you told us", "ما قاله لنا الناس"),
    (
        "What we have heard so far, with figures updated at most once a day while the survey is open.",
        "ما سمعناه حتى الآن، بأرقام نحدّثها مرة في اليوم على الأكثر ما دام الاستبيان مفتوحًا.",
    ),
    ("Your community", "مجتمعك"),
    ("What would work", "ما الذي سينجح"),
    ("About you", "عنك"),
    (
        "Strong, connected communities help prevent hate and extremism.",
        "المجتمعات القوية المترابطة تساعد على الوقاية من الكراهية والتطرف.",
    ),
    (
        "In the last 12 months, have you seen or heard views that promote hatred or extremism?",
        "هل رأيت أو سمعت خلال الأشهر الاثني عشر الماضية آراء تروّج للكراهية أو التطرف؟",
    ),
    ("Online or in person.", "عبر الإنترنت أو وجهًا لوجه."),
    ("Yes", "نعم"),
    ("No", "لا"),
    ("Not sure", "لست متأكدًا"),
    ("Where did you see or hear them?", "أين رأيتها أو سمعتها؟"),
    ("Social media", "وسائل التواصل الاجتماعي"),
    ("Messaging apps", "تطبيقات المراسلة"),
    ("In the street", "في الشارع"),
    ("At school, college or work", "في المدرسة أو الكلية أو العمل"),
    ("Somewhere else", "في مكان آخر"),
    (
        "How effective would small grants to local groups be?",
        "ما مدى فعالية المنح الصغيرة للمجموعات المحلية؟",
    ),
    ("Rank these ideas, most important first.", "رتّب هذه الأفكار، الأهم أولًا."),
    ("Community ambassadors", "سفراء المجتمع"),
    ("Short training films", "أفلام تدريبية قصيرة"),
    ("Mentoring in critical thinking", "إرشاد في التفكير النقدي"),
    (
        "How far do you agree with each statement?",
        "إلى أيّ حد توافق على كل عبارة؟",
    ),
    (
        "I would know how to report a concern",
        "أعرف كيف أبلّغ عن أمر يقلقني",
    ),
    (
        "I trust the council to act on concerns",
        "أثق بأن المجلس سيتصرّف بشأن ما يُبلَّغ عنه",
    ),
    ("What else should we do?", "ماذا ينبغي أن نفعل أيضًا؟"),
    ("What is your age?", "كم عمرك؟"),
    ("What is your religion or belief?", "ما دينك أو معتقدك؟"),
    (
        "To check that we hear from people of every faith and none, and that no community is left out of what we do next.",
        "لنتحقّق من أننا نسمع من أتباع كل الأديان ومن لا دين لهم، وأن لا يُستثنى أيّ مجتمع مما سنفعله لاحقًا.",
    ),
    (
        "Most people see strong communities as a defence against hate",
        "يرى معظم الناس في المجتمعات القوية حصنًا في وجه الكراهية",
    ),
    (
        "Agreement was broad across the city. We will fund more events that bring neighbours together.",
        "كان التوافق واسعًا في أنحاء المدينة. سنموّل مزيدًا من الفعاليات التي تجمع الجيران.",
    ),
    (
        "Many have met hateful views in the last year",
        "صادف كثيرون آراء تحضّ على الكراهية في العام الماضي",
    ),
    (
        "We will make reporting online content easier and explain where to go for help.",
        "سنجعل الإبلاغ عن المحتوى على الإنترنت أسهل، ونوضّح إلى أين يُلجأ طلبًا للمساعدة.",
    ),
];

/// The closed consultation's finding in Arabic: its other texts stay in
/// English, as a council that translates only what it did might leave
/// them.
pub(super) const CLOSED_ARABIC: &[(&str, &str)] = &[
    (
        "Most people agree that strong communities resist hate",
        "يوافق معظم الناس على أن المجتمعات القوية تقاوم الكراهية",
    ),
    (
        "Agreement was broad, across every part of Riverside.",
        "كان التوافق واسعًا في كل أنحاء ريفرسايد.",
    ),
    (
        "We funded twelve street events in Riverside this spring, and a community worker now helps people report hate crime.",
        "موّلنا اثنتي عشرة فعالية في شوارع ريفرسايد هذا الربيع، وصار عامل مجتمعي يساعد الناس على الإبلاغ عن جرائم الكراهية.",
    ),
];
