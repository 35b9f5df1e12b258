//! The demo's consultations: one open (with a few hundred generated
//! responses, marked as such), one upcoming and one closed with published
//! results. Everything here was written for Cohesion; the responses are
//! random draws, not anybody's views.

use cohesion_domain::analysis::findings::FindingInput;
use cohesion_domain::consultation::{
    format_datetime, response_reference, ConsultationInput, StageInput,
};
use cohesion_domain::local_time::SiteZone;
use cohesion_domain::survey::answers::{check_response, RawAnswers};
use cohesion_domain::survey::model::{
    Demographic, PageDef, QuestionDef, QuestionKind, Rule, SurveyDefinition,
};
use cohesion_domain::translation::{self, Texts};
use cohesion_storage::consultations::catalogue::{self, ListQuery, Publication};
use cohesion_storage::consultations::findings;
use cohesion_storage::consultations::responses::Owner;
use cohesion_storage::consultations::{responses, result_publications, translations};
use cohesion_storage::{Db, Timestamp};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::accounts::tokens::hash_token;
use crate::responding::submit_answers;
use crate::ServiceError;

const MARK: &str = "Demonstration data: the responses shown here were generated at random.";

fn q(id: &str, text: &str, kind: QuestionKind, required: bool) -> QuestionDef {
    QuestionDef {
        id: id.into(),
        text: text.into(),
        hint: String::new(),
        required,
        kind,
        show_if: None,
        purpose: String::new(),
    }
}

fn options(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The open consultation's survey: every kind of question, a routing
/// rule and a special-category question with its purpose.
pub fn safer_streets_survey() -> SurveyDefinition {
    let mut seen = q(
        "q2",
        "In the last 12 months, have you seen or heard views that promote hatred or extremism?",
        QuestionKind::SingleChoice {
            options: options(&["Yes", "No", "Not sure"]),
        },
        true,
    );
    seen.hint = "Online or in person.".into();
    let mut where_seen = q(
        "q3",
        "Where did you see or hear them?",
        QuestionKind::MultipleChoice {
            options: options(&[
                "Social media",
                "Messaging apps",
                "In the street",
                "At school, college or work",
                "Somewhere else",
            ]),
            max: None,
        },
        false,
    );
    where_seen.show_if = Some(Rule {
        question: "q2".into(),
        any_of: vec![0],
    });
    let mut religion = q(
        "q9",
        "What is your religion or belief?",
        QuestionKind::Demographic {
            of: Demographic::Religion,
            areas: Vec::new(),
        },
        false,
    );
    religion.purpose = "To check that we hear from people of every faith and none, and that no community is left out of what we do next.".into();
    SurveyDefinition {
        pages: vec![
            PageDef {
                title: "Your community".into(),
                skip_if: None,
                questions: vec![
                    q(
                        "q1",
                        "Strong, connected communities help prevent hate and extremism.",
                        QuestionKind::Agreement,
                        true,
                    ),
                    seen,
                ],
            },
            PageDef {
                title: "What would work".into(),
                skip_if: None,
                questions: vec![
                    where_seen,
                    q(
                        "q4",
                        "How effective would small grants to local groups be?",
                        QuestionKind::Effectiveness,
                        false,
                    ),
                    q(
                        "q5",
                        "Rank these ideas, most important first.",
                        QuestionKind::Ranking {
                            options: options(&[
                                "Community ambassadors",
                                "Short training films",
                                "Mentoring in critical thinking",
                            ]),
                        },
                        false,
                    ),
                    q(
                        "q6",
                        "How far do you agree with each statement?",
                        QuestionKind::Matrix {
                            rows: options(&[
                                "I would know how to report a concern",
                                "I trust the council to act on concerns",
                            ]),
                        },
                        false,
                    ),
                    q(
                        "q7",
                        "What else should we do?",
                        QuestionKind::LongText { max_chars: 2_000 },
                        false,
                    ),
                ],
            },
            PageDef {
                title: "About you".into(),
                skip_if: None,
                questions: vec![
                    q(
                        "q8",
                        "What is your age?",
                        QuestionKind::Demographic {
                            of: Demographic::AgeBand,
                            areas: Vec::new(),
                        },
                        false,
                    ),
                    religion,
                ],
            },
        ],
    }
}

fn stage(
    name: &str,
    description: &str,
    date: Option<OffsetDateTime>,
    state: &str,
    link: &str,
) -> StageInput {
    StageInput {
        name: name.into(),
        description: description.into(),
        date: date
            .map(|d| cohesion_domain::consultation::format_date(d.date()))
            .unwrap_or_default(),
        state: state.into(),
        link: link.into(),
    }
}

/// A small deterministic generator: the demo looks the same every time.
struct Draws(u64);

impl Draws {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn random_answers(d: &mut Draws) -> RawAnswers {
    let mut raw = RawAnswers::new();
    let mut put = |k: &str, v: String| {
        raw.insert(k.to_owned(), vec![v]);
    };
    // Skewed towards agreement, as such surveys often are.
    put("q1", [0, 1, 1, 1, 2, 3, 4, 5][d.next(8)].to_string());
    let seen = [0, 0, 1, 1, 1, 2][d.next(6)];
    put("q2", seen.to_string());
    if seen == 0 {
        put("q3", d.next(5).to_string());
    }
    put("q4", d.next(5).to_string());
    if d.next(3) > 0 {
        put("q5-0", "1".into());
        put("q5-1", "2".into());
    }
    put("q6-0", d.next(6).to_string());
    put("q6-1", d.next(6).to_string());
    put("q8", (1 + d.next(8)).to_string());
    if d.next(4) > 0 {
        put("q9", d.next(9).to_string());
    }
    raw
}

/// Places the generated answers mention.
const PLACES: &[&str] = &[
    "the seafront",
    "Mill Lane",
    "the market square",
    "the station underpass",
    "Harbour Park",
];

/// Generated written answers to "What else should we do?", in English
/// and Arabic, in a few recurring themes (for and against), with some
/// copies of one campaign text and some bare agreement: enough for the
/// theme workflow to find something. None of it is anybody's words.
fn written_answer(d: &mut Draws) -> Option<String> {
    if d.next(10) < 4 {
        return None;
    }
    let place = PLACES[d.next(PLACES.len())];
    let english: &[&[&str]] = &[
        &[
            "Better street lighting on {place} would make evenings feel safer.",
            "Please fix the broken street lights near {place}; it is too dark to walk home at night.",
            "More lighting and brighter lamps around {place} so people feel safe walking after dark.",
        ],
        &[
            "Fund youth clubs and evening sports so young people have somewhere to go.",
            "Young people need youth clubs, football and music sessions in the evenings, not just warnings.",
            "Open the youth centre near {place} in the evenings and run sports for teenagers.",
        ],
        &[
            "Make it easier to report hate online; the reporting form is confusing.",
            "Reporting online hate should take one minute, and people should hear back about their report.",
            "I tried to report hateful posts online and gave up. Simplify the reporting process.",
        ],
        &[
            "Bring neighbours together with shared meals and interfaith events at {place}.",
            "Community events where neighbours meet each other, like street parties and shared meals.",
            "More festivals and interfaith events so different communities get to know each other.",
        ],
        &[
            "I don't think more CCTV cameras are the answer; they feel like surveillance, not safety.",
            "No more CCTV please. Cameras on {place} have not stopped anything and feel intrusive.",
            "I disagree with adding cameras everywhere; spend the money on people instead of CCTV.",
        ],
        &[
            "Schools should teach pupils how to spot hateful propaganda and misinformation online.",
            "Lessons in schools about online propaganda and how extremists target teenagers.",
        ],
    ];
    let arabic: &[&[&str]] = &[
        &[
            "نحتاج إلى إنارة أفضل في الشوارع قرب {place} حتى نشعر بالأمان ليلاً.",
            "أصلحوا أعمدة الإنارة المعطلة، فالشوارع مظلمة جداً في المساء.",
        ],
        &[
            "افتحوا أندية للشباب وأنشطة رياضية في المساء حتى يجد الشباب مكاناً يذهبون إليه.",
            "الشباب بحاجة إلى نوادٍ وملاعب وأنشطة مسائية.",
        ],
        &[
            "اجعلوا الإبلاغ عن خطاب الكراهية على الإنترنت أسهل وأسرع.",
            "نموذج الإبلاغ عن الكراهية على الإنترنت معقد، بسّطوه من فضلكم.",
        ],
        &[
            "لقاءات بين الجيران ووجبات مشتركة تقرّب بين المجتمعات.",
            "نريد مهرجانات ولقاءات بين الأديان ليتعرف الجيران على بعضهم.",
        ],
    ];
    let extra = [
        "",
        "",
        " Thank you for asking.",
        " This matters to my family.",
        " You can call me on 07700 900123 to talk about it.",
        " Email me at resident@example.org if you want more ideas.",
    ];
    let roll = d.next(100);
    let text = if roll < 9 {
        // A campaign: the same words pasted by many.
        "Save the Harbour Youth Centre! Keep it open every evening for local young people."
            .to_owned()
    } else if roll < 13 {
        ["Agree 100%", "yes", "نعم", "I agree"][d.next(4)].to_owned()
    } else if roll < 35 {
        let theme = arabic[d.next(arabic.len())];
        theme[d.next(theme.len())].replace("{place}", "الكورنيش")
    } else {
        let theme = english[d.next(english.len())];
        let base = theme[d.next(theme.len())].replace("{place}", place);
        format!("{base}{}", extra[d.next(extra.len())])
    };
    Some(text)
}

async fn generate_responses(
    db: &Db,
    id: Uuid,
    survey: &SurveyDefinition,
    count: usize,
    seed: u64,
) -> Result<(), ServiceError> {
    let mut d = Draws(seed);
    // Written answers draw from their own stream, so adding them left
    // every other generated answer as it was.
    let mut words = Draws(seed ^ 0x5eed_7e47);
    let mut tx = db.begin().await?;
    for i in 0..count {
        let mut raw = random_answers(&mut d);
        if let Some(text) = written_answer(&mut words) {
            raw.insert("q7".to_owned(), vec![text]);
        }
        let answers = check_response(survey, &raw).map_err(ServiceError::InvalidAnswers)?;
        let key = hash_token(&format!("demo-respondent-{seed}-{i}:{id}"));
        let mut random = [0u8; 8];
        for b in &mut random {
            *b = d.next(256) as u8;
        }
        let Some(rid) = responses::create(
            tx.conn(),
            id,
            Owner::Anonymous(&key),
            &response_reference(random),
        )
        .await?
        else {
            continue;
        };
        let draft = serde_json::to_string(&raw).unwrap_or_else(|_| "{}".into());
        responses::save_draft(tx.conn(), rid, &draft).await?;
        let record = responses::find_for(tx.conn(), id, Owner::Anonymous(&key))
            .await?
            .ok_or(ServiceError::NotFound)?;
        submit_answers(tx.conn(), survey, &record, &answers).await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn create(
    db: &Db,
    input: ConsultationInput,
    survey: &SurveyDefinition,
    stages: &[StageInput],
    results_public: bool,
) -> Result<Uuid, ServiceError> {
    // Every date here is written with its offset (`format_datetime`), so
    // the zone it is read in does not matter.
    let fields = input
        .validate(&SiteZone::utc())
        .map_err(ServiceError::InvalidFields)?;
    survey.validate().map_err(ServiceError::InvalidSurvey)?;
    let json = serde_json::to_string(survey).unwrap_or_else(|_| "{\"pages\":[]}".into());
    let mut valid = Vec::new();
    for s in stages {
        valid.push(s.validate().map_err(ServiceError::InvalidFields)?);
    }
    let mut tx = db.begin().await?;
    let id = catalogue::insert(tx.conn(), &fields, &json, None).await?;
    let search =
        cohesion_insight::text::normalise(&format!("{}\n{}", fields.title, fields.summary));
    catalogue::set_search_text(tx.conn(), id, &search).await?;
    catalogue::set_stages(tx.conn(), id, &valid).await?;
    let now = Some(Timestamp::now());
    catalogue::set_published(tx.conn(), id, Publication::Consultation, now).await?;
    if results_public {
        let questions = cohesion_domain::analysis::publication::all_publishable(survey);
        let publication = result_publications::ResultPublication {
            questions: serde_json::to_string(&questions).unwrap_or_else(|_| "[]".into()),
            weighting: None,
            published_by: None,
            published_at: Timestamp::now(),
        };
        result_publications::set_result_publication(tx.conn(), id, &publication).await?;
    }
    tx.commit().await?;
    Ok(id)
}

async fn add_findings(
    db: &Db,
    id: Uuid,
    survey: &SurveyDefinition,
    list: &[(&str, &str, &str, &str)],
) -> Result<(), ServiceError> {
    let mut tx = db.begin().await?;
    for (title, body, question, option) in list {
        let finding = FindingInput {
            title: (*title).into(),
            body: (*body).into(),
            question: (*question).into(),
            row: String::new(),
            option: (*option).into(),
            theme: String::new(),
        }
        .validate(survey)
        .map_err(ServiceError::InvalidFields)?;
        let fid = findings::insert(tx.conn(), id, &finding, None).await?;
        findings::set_published(tx.conn(), id, fid, Some(Timestamp::now())).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The open consultation's texts in Arabic, by their English original,
/// so that the demo shows a translated consultation (the other two stay
/// in English only, as a council's might: readers then see the original).
const ARABIC: &[(&str, &str)] = &[
    ("Safer streets, stronger communities", "شوارع أكثر أمنًا ومجتمعات أقوى"),
    (
        "Tell us how Brightwater can prevent hate and extremism together. Demonstration data: the responses shown here were generated at random.",
        "أخبرونا كيف يمكن لبرايتووتر أن تقي من الكراهية والتطرف معًا. بيانات تجريبية: الردود المعروضة هنا مولَّدة عشوائيًا.",
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
         إجاباتكم تشكّل البرنامج. *هذا عرض تجريبي: المجلس والمدينة متخيَّلان.*",
    ),
    ("hate crime", "جرائم الكراهية"),
    ("community cohesion", "التماسك المجتمعي"),
    ("Citywide", "المدينة كلها"),
    ("Stakeholder meetings", "اجتماعات مع الجهات المعنية"),
    ("Community-led sessions", "جلسات يقودها المجتمع"),
    ("Commissioned research", "أبحاث بتكليف من المجلس"),
    ("Formal consultation", "الاستشارة الرسمية"),
    ("How we will use your answers", "كيف سنستخدم إجاباتكم"),
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
    ("What you told us", "ما قلتموه لنا"),
    (
        "What we have heard so far, with figures that update as responses arrive.",
        "ما سمعناه حتى الآن، بأرقام تتحدّث مع وصول الردود.",
    ),
    ("Your community", "مجتمعكم"),
    ("What would work", "ما الذي سينجح"),
    ("About you", "عنكم"),
    (
        "Strong, connected communities help prevent hate and extremism.",
        "المجتمعات القوية المترابطة تساعد على الوقاية من الكراهية والتطرف.",
    ),
    (
        "In the last 12 months, have you seen or heard views that promote hatred or extremism?",
        "هل رأيتم أو سمعتم خلال الأشهر الاثني عشر الماضية آراء تروّج للكراهية أو التطرف؟",
    ),
    ("Online or in person.", "عبر الإنترنت أو وجهًا لوجه."),
    ("Yes", "نعم"),
    ("No", "لا"),
    ("Not sure", "لست متأكدًا"),
    ("Where did you see or hear them?", "أين رأيتموها أو سمعتموها؟"),
    ("Social media", "وسائل التواصل الاجتماعي"),
    ("Messaging apps", "تطبيقات المراسلة"),
    ("In the street", "في الشارع"),
    ("At school, college or work", "في المدرسة أو الكلية أو العمل"),
    ("Somewhere else", "في مكان آخر"),
    (
        "How effective would small grants to local groups be?",
        "ما مدى فعالية المنح الصغيرة للمجموعات المحلية؟",
    ),
    ("Rank these ideas, most important first.", "رتّبوا هذه الأفكار، الأهم أولًا."),
    ("Community ambassadors", "سفراء المجتمع"),
    ("Short training films", "أفلام تدريبية قصيرة"),
    ("Mentoring in critical thinking", "إرشاد في التفكير النقدي"),
    (
        "How far do you agree with each statement?",
        "إلى أيّ حد توافقون على كل عبارة؟",
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
    ("What is your age?", "كم عمركم؟"),
    ("What is your religion or belief?", "ما دينكم أو معتقدكم؟"),
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

/// Stores a translation of every text of consultation `id` whose original
/// `texts` has, checked as an officer's would be.
async fn translate(
    db: &Db,
    id: Uuid,
    locale: &str,
    texts: &[(&str, &str)],
) -> Result<(), ServiceError> {
    let view = crate::consultations::view(db, None, id).await?;
    let keys = crate::consultations::all_text_keys(db, &view).await?;
    let input: Texts = keys
        .iter()
        .filter_map(|(key, original)| {
            let (_, translated) = texts.iter().find(|(from, _)| from == original)?;
            Some((key.clone(), (*translated).to_owned()))
        })
        .collect();
    let valid = translation::validate(&input, &keys)?;
    let json = serde_json::to_string(&valid).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
    })?;
    let mut tx = db.begin().await?;
    translations::set_translation(tx.conn(), id, locale, &json, None).await?;
    crate::consultations::refresh_search(tx.conn(), id).await?;
    tx.commit().await?;
    Ok(())
}

/// Loads the demo consultations unless there are consultations already.
/// Returns whether anything was added.
pub async fn load(db: &Db) -> Result<bool, ServiceError> {
    let mut c = db.acquire().await?;
    let query = ListQuery {
        drafts: true,
        limit: 1,
        ..Default::default()
    };
    let (_, existing) = catalogue::list(c.conn(), &query, Timestamp::now()).await?;
    drop(c);
    if existing > 0 {
        return Ok(false);
    }
    let now = OffsetDateTime::now_utc();
    let at = |days: i64| format_datetime(now + Duration::days(days));
    let survey = safer_streets_survey();
    let open = create(
        db,
        ConsultationInput {
            title: "Safer streets, stronger communities".into(),
            summary: format!("Tell us how Brightwater can prevent hate and extremism together. {MARK}"),
            body: "Brightwater City Council wants to hear from everyone who lives, works or studies in the city.\n\n\
                   ## What we are asking\n\n\
                   - what makes communities strong enough to resist hate;\n\
                   - where people meet views that promote hatred or extremism;\n\
                   - which of our ideas would work best.\n\n\
                   Your answers shape the programme. *This is a demonstration: the council and the city are invented.*"
                .into(),
            topics: "hate crime, community cohesion".into(),
            area: "Citywide".into(),
            opens_at: at(-30),
            closes_at: at(60),
            allow_anonymous: "yes".into(),
            strands: "Stakeholder meetings\nCommunity-led sessions\nCommissioned research\nFormal consultation".into(),
            documents: "How we will use your answers | /privacy".into(),
        },
        &survey,
        &[
            stage("Council challenge", "The council asked residents and partners what worries them.", Some(now - Duration::days(120)), "happened", ""),
            stage("Evidence gathering", "Community-led sessions and commissioned research.", Some(now - Duration::days(60)), "happened", ""),
            stage("Formal consultation", "This survey is open to everyone.", Some(now - Duration::days(30)), "current", "survey"),
            stage("What you told us", "What we have heard so far, with figures that update as responses arrive.", Some(now), "current", "findings"),
        ],
        true,
    )
    .await?;
    generate_responses(db, open, &survey, 300, 11).await?;
    add_findings(
        db,
        open,
        &survey,
        &[
            (
                "Most people see strong communities as a defence against hate",
                "Agreement was broad across the city. We will fund more events that bring neighbours together.",
                "q1",
                "2",
            ),
            (
                "Many have met hateful views in the last year",
                "We will make reporting online content easier and explain where to go for help.",
                "q2",
                "1",
            ),
        ],
    )
    .await?;
    translate(db, open, "ar", ARABIC).await?;
    create(
        db,
        ConsultationInput {
            title: "Youth voices on online hate".into(),
            summary: "Young people tell us what they meet online and what would help.".into(),
            body: "Opens soon. Youth workers and schools will run sessions alongside this survey."
                .into(),
            topics: "online safety, young people".into(),
            area: "Citywide".into(),
            opens_at: at(14),
            closes_at: at(74),
            allow_anonymous: "no".into(),
            ..Default::default()
        },
        &survey,
        &[stage(
            "Survey opens",
            "",
            Some(now + Duration::days(14)),
            "to_come",
            "survey",
        )],
        false,
    )
    .await?;
    let closed = create(
        db,
        ConsultationInput {
            title: "Reporting hate crime: what stops people?".into(),
            summary: format!("Why people do not report hate crime, and what would help. {MARK}"),
            body: "This consultation has closed. Thank you to everyone who took part.".into(),
            topics: "hate crime, reporting".into(),
            area: "Riverside".into(),
            opens_at: at(-90),
            closes_at: at(-30),
            allow_anonymous: "no".into(),
            ..Default::default()
        },
        &survey,
        &[
            stage(
                "Formal consultation",
                "",
                Some(now - Duration::days(90)),
                "happened",
                "survey",
            ),
            stage(
                "Results published",
                "",
                Some(now - Duration::days(20)),
                "happened",
                "results",
            ),
        ],
        true,
    )
    .await?;
    generate_responses(db, closed, &survey, 60, 23).await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_survey_is_valid_and_its_draws_are_accepted() {
        let survey = safer_streets_survey();
        survey.validate().unwrap();
        let mut d = Draws(5);
        let mut words = Draws(6);
        for _ in 0..500 {
            let mut raw = random_answers(&mut d);
            if let Some(text) = written_answer(&mut words) {
                raw.insert("q7".to_owned(), vec![text]);
            }
            check_response(&survey, &raw).unwrap();
        }
    }
}
