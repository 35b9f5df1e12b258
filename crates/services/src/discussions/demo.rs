//! The demo's discussions: one open (a polarised thread with a council
//! officer's follow-up questions, an elected member, a deleted account,
//! a comment posted twice, short agreements, a reply six levels deep and
//! a comment awaiting moderation, two long comments (English and
//! Arabic) shown in part, and a statements stage with votes,
//! `demo_opinions`), one upcoming and one closed. Every
//! word was written for Cohesion; the people are the demo's accounts.

use cohesion_domain::consultation::{format_datetime, Languages};
use cohesion_domain::discussion::comment::State;
use cohesion_domain::discussion::details::DiscussionInput;
use cohesion_domain::discussion::record::Badge;
use cohesion_domain::discussion::stage_link::StageRef;
use cohesion_domain::discussion::thread::ThreadPath;
use cohesion_domain::identity::Email;
use cohesion_domain::local_time::SiteZone;
use cohesion_storage::accounts::users;
use cohesion_storage::discussions::catalogue::{self, ListQuery};
use cohesion_storage::discussions::{comments, moderation, reactions};
use cohesion_storage::{Conn, Db, Timestamp};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use super::authoring::refresh_search;
use super::moderating;
use super::notifying;
use super::screening::fingerprint;
use crate::ServiceError;
use cohesion_domain::discussion::texts::source_texts;
use cohesion_domain::translation::{self, Texts};
use cohesion_storage::discussions::translations;

/// One demo comment: who wrote it (a demo account's address, or `None`
/// for an account since deleted), how many hours after the discussion
/// opened, its level below the one before it (0 top-level, or the index
/// of the comment it answers in the same list), and its text.
struct Said {
    by: Option<&'static str>,
    hours: i64,
    reply_to: Option<usize>,
    state: State,
    text: &'static str,
    agreed_by: &'static [&'static str],
}

const fn said(by: &'static str, hours: i64, reply_to: Option<usize>, text: &'static str) -> Said {
    Said {
        by: Some(by),
        hours,
        reply_to,
        state: State::Published,
        text,
        agreed_by: &[],
    }
}

/// The demo consultation the open discussion is part of, and the place
/// of its "Formal consultation" stage (from 0).
const LINKED_CONSULTATION: &str = "Safer streets, stronger communities";
const LINKED_STAGE: u32 = 2;

const AMINA: &str = "amina@brightwater.example";
const TOM: &str = "tom@brightwater.example";
const PRIYA: &str = "priya@brightwater.example";
const SAMIR: &str = "samir@brightwater.example";
const HELEN: &str = "helen@brightwater.example";
const SIAN: &str = "sian@brightwater.example";
const OMAR: &str = "omar@brightwater.example";

const TWICE: &str = "The youth club on Mill Lane closed two years ago and nothing replaced it. \
Teenagers hang around the precinct because there is nowhere else, and then everyone complains \
about them. Open something in the evenings and a lot of this goes away.";

fn open_thread() -> Vec<Said> {
    vec![
        // 0
        Said {
            agreed_by: &[TOM, PRIYA, SAMIR],
            ..said(
                AMINA,
                3,
                None,
                "I reported shouting at the bus station in the spring. Someone called my sister \
names because of her headscarf while people stood and watched.\n\nThe police were polite but \
nothing seemed to happen, and we never heard back. I think the biggest thing would be knowing \
what happened after you report. There is a guide at https://www.example.org/reporting-hate that \
helped me understand the steps.",
            )
        },
        // 1
        said(TOM, 4, Some(0), "Agree 100%"),
        // 2
        said(
            HELEN,
            9,
            Some(0),
            "Thank you, Amina, and I am sorry that happened to your sister. Would it help if \
people who report got a short update by text or email at each step? And would you use a \
reporting point at the library run by trained volunteers?",
        ),
        // 3
        said(
            AMINA,
            12,
            Some(2),
            "An update would make a real difference. The library is a good idea because it \
feels safer than going to the station.",
        ),
        // 4
        said(
            SAMIR,
            15,
            Some(3),
            "أتفق مع أمينة. كثير من كبار السن في حيّنا لا يعرفون أن بإمكانهم الإبلاغ بالعربية. \
لو كانت هناك نقطة في المكتبة يتحدث فيها أحد بالعربية لاستخدمها الناس.",
        ),
        // 5
        said(
            PRIYA,
            18,
            Some(4),
            "Samir makes a good point about languages. Our forum could help find volunteers who \
speak Arabic, Polish and Urdu.",
        ),
        // 6
        said(
            HELEN,
            20,
            Some(5),
            "Thank you both. Priya, could the forum tell us how many volunteers might come \
forward? We will bring it to the partnership meeting.",
        ),
        // 7
        Said {
            agreed_by: &[AMINA],
            ..said(
                TOM,
                26,
                None,
                "Honestly most of the trouble in the town centre comes from lads who come in \
from outside on a Saturday night. More police on a Saturday would do more than any leaflet.",
            )
        },
        // 8
        said(
            SIAN,
            30,
            Some(7),
            "As councillor for Harbour ward I hear this a lot. The figures the council \
published show most incidents are reported in the daytime, on buses and near schools. \
Where have you seen trouble yourself, Tom?",
        ),
        // 9
        said(TOM, 33, Some(8), "Mostly outside the takeaways on Quay Street, late."),
        // 10: an account since deleted
        Said {
            by: None,
            ..said(
                "",
                40,
                None,
                "I stopped going to the Thursday market after the incident in the summer. \
Nobody from the council ever came to talk to the stallholders about it.",
            )
        },
        // 11 and 12: the same comment posted twice
        said(PRIYA, 44, None, TWICE),
        said(PRIYA, 44, None, TWICE),
        // 13
        said(OMAR, 50, None, "بصفتي عضوًا منتخبًا في المجلس، أشكر كل من شارك. سنعرض ما كتبتموه على لجنة السلامة المجتمعية في اجتماعها القادم."),
        // 14
        said(AMINA, 52, Some(13), "Thank you. Please tell us what the committee decides."),
        // 15: awaiting moderation (its author sees it, with a note)
        Said {
            state: State::AwaitingModeration,
            ..said(
                TOM,
                60,
                None,
                "People who do not like how things are done here know where the station is.",
            )
        },
        // 16 and 17: long enough to show their first part, with "Show
        // full comment" (one in each language).
        said(PRIYA, 46, None, LONG_ENGLISH),
        said(SAMIR, 48, None, LONG_ARABIC),
    ]
}

const LONG_ENGLISH: &str = "I run the Brightwater Women’s Forum, and I want to set out what \
our members told us at our last three meetings, because it is more than a short comment can \
hold.\n\nFirst, most of the women who had been targeted did not know the difference between a \
hate incident and a hate crime, and many thought it was only worth reporting if someone was \
hurt. A one-page explanation in plain words, in the languages spoken here, would help.\n\n\
Second, several said the hardest part was the wait afterwards. One woman gave a statement in \
March and heard nothing until July. Even a message saying “we are still looking into it” would \
have made her feel taken seriously.\n\nThird, people want to report with someone beside them. \
A reporting point would work if the volunteers are trained and the room is private.\n\n\
Finally, please come to us. We meet every second Tuesday at the community centre, and the \
kettle is always on.";

const LONG_ARABIC: &str = "أريد أن أضيف شيئًا عن تجربة عائلتي، لأنني أظن أنها تتكرر في بيوت \
كثيرة في حيّنا.\n\nتعرّض والدي لإهانات في الحافلة مرتين هذا العام بسبب لهجته. في المرة الأولى لم \
يخبر أحدًا، لأنه ظن أن لا أحد سيهتم. وفي المرة الثانية أقنعته بالإبلاغ، فاتصلنا معًا، لكن الموظف \
لم يكن يعرف كيف يكتب اسم الشارع، وطالت المكالمة حتى شعر أبي بأنه يثقل على الناس.\n\nما نحتاجه \
بسيط: من يجيب بلغتنا أو مترجم متاح، واستمارة قصيرة يمكن ملؤها من الهاتف، ورسالة بعد أيام تقول \
ما الذي حدث. وأقترح أيضًا أن يزور أحد من المجلس المركز الثقافي مرة في الشهر ليشرح كيف يكون \
الإبلاغ، فكثير من كبار السن لا يقرؤون المنشورات ولا يستخدمون المواقع.\n\nشكرًا لكل من كتب هنا. \
قراءة هذه التعليقات جعلتني أشعر بأننا لسنا وحدنا.";

fn closed_thread() -> Vec<Said> {
    vec![
        said(
            AMINA,
            5,
            None,
            "The stalls from every community next to each other worked really well. My \
children tried food they had never heard of.",
        ),
        said(
            TOM,
            8,
            Some(0),
            "Agreed, and the music stage was the best it has been.",
        ),
        said(
            HELEN,
            30,
            None,
            "Thank you all. We have shared these comments with the festival committee, and \
the stalls will be laid out the same way next year.",
        ),
    ]
}

/// Adds the demo's discussions if the site has none.
pub async fn load(db: &Db) -> Result<bool, ServiceError> {
    let mut c = db.acquire().await?;
    let (_, existing) = catalogue::list(
        c.conn(),
        &ListQuery {
            drafts: true,
            limit: 1,
            ..Default::default()
        },
        Timestamp::now(),
    )
    .await?;
    drop(c);
    if existing > 0 {
        return Ok(false);
    }
    let now = OffsetDateTime::now_utc();
    let day = Duration::days(1);
    let mut tx = db.begin().await?;
    // The open discussion runs beside the open consultation's survey: it
    // is part of that consultation's "Formal consultation" stage.
    let stage = super::linking::consultation_titled(tx.conn(), LINKED_CONSULTATION)
        .await?
        .map(|consultation_id| {
            StageRef {
                consultation_id,
                stage: LINKED_STAGE,
            }
            .form_value()
        })
        .unwrap_or_default();
    let open = add(
        tx.conn(),
        DiscussionInput {
            title: "Feeling safe in Brightwater: how are hate incidents dealt with?".into(),
            introduction: "How well do you think the police and the council deal with hate \
incidents in Brightwater? What more could be done to make you feel safe?\n\nThis discussion \
feeds into the **community safety plan**. Please keep to the house rules: talk about what \
happened and what would help, not about whole groups of people."
                .into(),
            questions: "What happened when you or someone you know reported an incident?\n\
What would make you more confident to report?"
                .into(),
            topics: "Community safety, Hate crime".into(),
            area: "Whole town".into(),
            opens_at: format_datetime(now - day * 20),
            closes_at: format_datetime(now + day * 40),
            language: "en".into(),
            pre_moderation: "first".into(),
            first_comments: "1".into(),
            consultation_stage: stage,
        },
    )
    .await?;
    word_list(tx.conn(), now - day * 100).await?;
    place(tx.conn(), open, now - day * 20, &open_thread()).await?;
    translate(tx.conn(), open, &OPEN_ARABIC).await?;
    super::demo_opinions::load(tx.conn(), open, now - day * 20).await?;
    // Amina follows it, to be told when it closes.
    if let Some((amina, _)) = account(tx.conn(), AMINA).await? {
        notifying::follow_in(tx.conn(), amina, open, Timestamp::now()).await?;
    }
    let upcoming = add(
        tx.conn(),
        DiscussionInput {
            title: "Young people and online hate: what should schools do?".into(),
            introduction: "Teachers and parents tell us that hateful videos reach children \
through their phones long before anyone notices. What should schools, parents and the council \
do together?"
                .into(),
            questions: "What have you seen young people come across online?\nWho should they \
be able to talk to?"
                .into(),
            topics: "Young people, Online safety".into(),
            area: String::new(),
            opens_at: format_datetime(now + day * 10),
            closes_at: format_datetime(now + day * 70),
            language: "en".into(),
            pre_moderation: "all".into(),
            first_comments: String::new(),
            consultation_stage: String::new(),
        },
    )
    .await?;
    translate(tx.conn(), upcoming, &UPCOMING_ARABIC).await?;
    let closed = add(
        tx.conn(),
        DiscussionInput {
            title: "The summer festival: what made it feel welcoming?".into(),
            introduction: "The Harbour Festival brought together more stalls from more \
communities than ever. Tell us what worked and what to change next year."
                .into(),
            questions: "What made you feel welcome?\nWhat should change next year?".into(),
            topics: "Events".into(),
            area: "Harbour ward".into(),
            opens_at: format_datetime(now - day * 90),
            closes_at: format_datetime(now - day * 30),
            language: "en".into(),
            pre_moderation: "off".into(),
            first_comments: String::new(),
            consultation_stage: String::new(),
        },
    )
    .await?;
    translate(tx.conn(), closed, &CLOSED_ARABIC).await?;
    place(tx.conn(), closed, now - day * 90, &closed_thread()).await?;
    super::demo_moderation::record(tx.conn(), closed, now - day * 90).await?;
    super::screening_demo::load(tx.conn(), closed, now - day * 90, open, TWICE).await?;
    tx.commit().await?;
    // The opinion map is drawn now, so the demo shows it from the start.
    super::opinions::recompute(db, open, "demo").await?;
    Ok(true)
}

/// The open discussion in Arabic, every text of it, as an officer would
/// save it on its translations page.
const OPEN_ARABIC: [(&str, &str); 7] = [
    (
        "title",
        "الشعور بالأمان في برايتووتر: كيف يتم التعامل مع حوادث الكراهية؟",
    ),
    (
        "body",
        "إلى أي حد تتعامل الشرطة والبلدية بشكل جيد مع حوادث الكراهية في برايتووتر؟ \
وما الذي يمكن فعله أكثر لتشعر بالأمان؟\n\nيسهم هذا النقاش في **خطة سلامة المجتمع**. يرجى \
الالتزام بقواعد الموقع: تحدث عما حدث وعما قد يساعد، لا عن مجموعات كاملة من الناس.",
    ),
    (
        "question.0",
        "ماذا حدث عندما أبلغت أنت أو شخص تعرفه عن حادثة؟",
    ),
    ("question.1", "ما الذي يجعلك أكثر ثقة في الإبلاغ؟"),
    ("topic.0", "سلامة المجتمع"),
    ("topic.1", "جرائم الكراهية"),
    ("area", "البلدة كلها"),
];

/// The upcoming discussion in Arabic.
const UPCOMING_ARABIC: [(&str, &str); 6] = [
    (
        "title",
        "الشباب والكراهية على الإنترنت: ماذا ينبغي للمدارس أن تفعل؟",
    ),
    (
        "body",
        "يخبرنا المعلمون والأهالي أن مقاطع الفيديو التي تبث الكراهية تصل إلى الأطفال عبر \
هواتفهم قبل أن ينتبه أحد بوقت طويل. ما الذي ينبغي للمدارس والأهالي والبلدية فعله معًا؟",
    ),
    ("question.0", "ما الذي رأيت الشباب يصادفونه على الإنترنت؟"),
    ("question.1", "مع من ينبغي أن يتمكنوا من التحدث؟"),
    ("topic.0", "الشباب"),
    ("topic.1", "الأمان على الإنترنت"),
];

/// The closed discussion in Arabic.
const CLOSED_ARABIC: [(&str, &str); 6] = [
    ("title", "مهرجان الصيف: ما الذي جعله مرحِّبًا بالجميع؟"),
    (
        "body",
        "جمع مهرجان الميناء أكشاكًا من مجتمعات أكثر من أي وقت مضى. أخبرونا بما نجح وبما \
ينبغي تغييره في العام القادم.",
    ),
    ("question.0", "ما الذي جعلك تشعر بالترحيب؟"),
    ("question.1", "ما الذي ينبغي تغييره في العام القادم؟"),
    ("topic.0", "الفعاليات"),
    ("area", "دائرة الميناء"),
];

/// Saves a demo discussion's Arabic texts through the translations'
/// own checks (the keys its texts have), as its translations page would.
async fn translate(
    mut conn: Conn<'_>,
    id: Uuid,
    arabic: &[(&str, &str)],
) -> Result<(), ServiceError> {
    let d = catalogue::find(conn.reborrow(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let arabic: Texts = arabic
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let keys: Vec<(String, String)> = source_texts(&d)
        .into_iter()
        .map(|t| (t.key, t.original))
        .collect();
    let texts = translation::validate(&arabic, &keys)?;
    let json = serde_json::to_string(&texts).map_err(|e| {
        ServiceError::Storage(cohesion_storage::StorageError::Invalid(e.to_string()))
    })?;
    translations::set_translation(conn.reborrow(), id, "ar", &json, None).await?;
    refresh_search(conn, id).await
}

/// Saves and publishes one demo discussion.
async fn add(mut conn: Conn<'_>, input: DiscussionInput) -> Result<Uuid, ServiceError> {
    let fields = input
        .validate(&SiteZone::utc(), &Languages::new("en", ["ar"]))
        .map_err(ServiceError::InvalidFields)?;
    super::linking::check(conn.reborrow(), fields.consultation_stage).await?;
    let id = catalogue::insert(conn.reborrow(), &fields, None, false).await?;
    let published = Timestamp::from(fields.opens_at - Duration::days(1));
    catalogue::set_published(conn.reborrow(), id, Some(published)).await?;
    refresh_search(conn, id).await?;
    Ok(id)
}

/// Places a demo thread's comments in order, as posting would.
async fn place(
    mut conn: Conn<'_>,
    discussion: Uuid,
    opened: OffsetDateTime,
    thread: &[Said],
) -> Result<(), ServiceError> {
    // (id, path, root) of each comment placed so far, by index.
    let mut placed: Vec<(Uuid, ThreadPath, Uuid)> = Vec::new();
    for s in thread {
        let author = match s.by {
            Some(email) => account(conn.reborrow(), email).await?,
            None => None,
        };
        let (path, parent, root) = match s.reply_to {
            None => {
                let seq = catalogue::place_top_level(conn.reborrow(), discussion, false)
                    .await?
                    .unwrap_or(0);
                (ThreadPath::top(seq as u64), None, None)
            }
            Some(i) => {
                let (pid, ppath, proot) = placed[i].clone();
                let seq = comments::place_reply(conn.reborrow(), pid)
                    .await?
                    .unwrap_or(0);
                (ppath.child(seq as u64), Some(pid), Some(proot))
            }
        };
        let path = path.ok_or(ServiceError::NotFound)?;
        let badge = match author {
            Some((_, ref roles)) => Badge::of_roles(roles),
            None => Badge::CommunityMember,
        };
        // Held only for what the rules would hold it for, asked before it
        // is placed (so it is not its own repeat); else it is published,
        // as it would have been.
        let at = Timestamp::from(opened + Duration::hours(s.hours));
        let held = match s.state {
            State::AwaitingModeration => {
                held_for(conn.reborrow(), discussion, &author, s.text, at).await?
            }
            _ => None,
        };
        let state = match held {
            Some(_) => State::AwaitingModeration,
            None => State::Published,
        };
        let id = comments::insert(
            conn.reborrow(),
            &comments::NewComment {
                discussion_id: discussion,
                path: path.as_str(),
                depth: path.depth() as i64,
                parent_id: parent,
                root_id: root,
                author_id: author.as_ref().map(|(id, _)| *id),
                author_name: None,
                badge,
                body: s.text,
                state,
                created_at: at,
                fingerprint: fingerprint(s.text).as_deref(),
            },
        )
        .await?;
        if let Some((why, severity)) = &held {
            moderating::held(conn.reborrow(), id, discussion, why, *severity).await?;
        } else {
            catalogue::count_visible(conn.reborrow(), discussion, 1).await?;
            // Their authors hear of the replies, as they would have: the
            // demo's members (Amina among them) have notifications.
            if let Some(pid) = parent {
                if let Some(p) = comments::find(conn.reborrow(), pid).await? {
                    let at = Timestamp::from(opened + Duration::hours(s.hours));
                    let by = author.as_ref().map(|(id, _)| *id);
                    notifying::replied(conn.reborrow(), &p, id, by, at).await?;
                }
            }
        }
        for email in s.agreed_by {
            if let Some((who, _)) = account(conn.reborrow(), email).await? {
                let at = Timestamp::from(opened + Duration::hours(s.hours + 1));
                reactions::agree(conn.reborrow(), id, who, at).await?;
            }
        }
        placed.push((id, path, root.unwrap_or(id)));
    }
    Ok(())
}

/// Why the rules hold a demo comment by `author` posted at `at`, and how
/// soon a moderator should look: the discussion's pre-moderation (a
/// member's first comments only while they have none published) and
/// screening, as posting asks them. `None` when nothing would hold it:
/// the demo never says a comment was held for a reason that does not
/// apply to it.
async fn held_for(
    mut conn: Conn<'_>,
    discussion: Uuid,
    author: &Option<(Uuid, Vec<cohesion_domain::identity::Role>)>,
    text: &str,
    at: Timestamp,
) -> Result<Option<(Vec<String>, u8)>, ServiceError> {
    let d = catalogue::find(conn.reborrow(), discussion)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let who = author.as_ref().map(|(id, _)| *id);
    let mut why = Vec::new();
    if let Some(id) = who {
        why.extend(super::commenting::pre_moderated(conn.reborrow(), id, &d).await?);
    }
    let screened = super::screening::screen(conn, discussion, who, text, at).await?;
    why.extend(screened.reasons);
    Ok((!why.is_empty()).then_some((why, screened.severity.max(1))))
}

/// The moderators' word list as the demo's moderator Grace built it:
/// what the screening history held comments for, and a local way of
/// telling people to leave that the open discussion's held comment uses.
const WORDS: [&str; 2] = ["discount code", "know where the station is"];
const GRACE: &str = "grace@brightwater.example";

async fn word_list(mut conn: Conn<'_>, at: OffsetDateTime) -> Result<(), ServiceError> {
    let Some((grace, _)) = account(conn.reborrow(), GRACE).await? else {
        return Ok(());
    };
    for entry in WORDS {
        moderation::add_word(conn.reborrow(), "en", entry, grace, Timestamp::from(at)).await?;
    }
    Ok(())
}

/// A demo account's id and roles, if it exists.
async fn account(
    mut conn: Conn<'_>,
    email: &str,
) -> Result<Option<(Uuid, Vec<cohesion_domain::identity::Role>)>, ServiceError> {
    let Some(user) = users::find_by_email(conn.reborrow(), &Email::parse(email)?).await? else {
        return Ok(None);
    };
    let roles = users::roles(conn, user.id).await?;
    Ok(Some((user.id, roles)))
}
