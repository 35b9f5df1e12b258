//! The demo's community messages: four topics with Arabic names, a
//! handful of subscribers at example.org, two messages sent (online
//! safety advice in English and Arabic, and a meeting notice) and one to
//! go out next week, dates relative to today. Brightwater is invented.

use std::collections::BTreeMap;

use cohesion_domain::community_message::{Choices, Wording};
use cohesion_domain::identity::Email;
use cohesion_storage::accounts::users;
use cohesion_storage::messaging::messages::{self, Draft};
use cohesion_storage::messaging::{queue, subscribers, topics};
use cohesion_storage::site::areas;
use cohesion_storage::{Db, Timestamp};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::ServiceError;

/// An address, its language, all areas or not, and the indexes of its
/// areas and topics.
type DemoSubscriber = (
    &'static str,
    &'static str,
    bool,
    &'static [usize],
    &'static [usize],
);

const TOPICS: &[(&str, &str)] = &[
    ("Community safety", "سلامة المجتمع"),
    ("Online safety", "السلامة على الإنترنت"),
    ("Events and meetings", "الفعاليات والاجتماعات"),
    ("Consultations and results", "الاستشارات ونتائجها"),
];

const ONLINE_SAFETY_EN: &str = "Some families in Brightwater have told us about videos \
shared in group chats that stir up anger against neighbours.\n\n\
- Talk with your children about what they see online and who shares it.\n\
- Report content that threatens or targets people to the platform.\n\
- If you are worried someone is being drawn into hate, the \"Get help\" \
page lists who to talk to.\n\nThank you for looking out for each other.";

const ONLINE_SAFETY_AR: &str = "أخبرتنا بعض العائلات في برايتووتر عن مقاطع فيديو \
تُتداول في مجموعات الدردشة وتثير الغضب ضد الجيران.\n\n\
- تحدثوا مع أطفالكم عمّا يشاهدونه على الإنترنت ومن ينشره.\n\
- أبلغوا المنصة عن أي محتوى يهدد الناس أو يستهدفهم.\n\
- إذا كنتم قلقين من انجرار أحد نحو الكراهية، فصفحة \"احصل على المساعدة\" \
تذكر من يمكنكم التحدث إليه.\n\nشكرًا لاهتمامكم ببعضكم البعض.";

/// Loads the demo's topics, subscribers and messages, unless the site
/// has topics already.
pub async fn load(db: &Db) -> Result<bool, ServiceError> {
    let mut tx = db.begin().await?;
    if topics::any(tx.conn()).await? {
        return Ok(false);
    }
    let mut topic_ids = Vec::new();
    for (en, ar) in TOPICS {
        let translations = BTreeMap::from([("ar".to_owned(), (*ar).to_owned())]);
        topic_ids.push(topics::add(tx.conn(), en, "en", &translations).await?);
    }
    let wards: Vec<Uuid> = areas::in_use(tx.conn())
        .await?
        .iter()
        .map(|a| a.id)
        .collect();
    let now = OffsetDateTime::now_utc();
    let subs: &[DemoSubscriber] = &[
        ("layla@example.org", "ar", true, &[], &[0, 1]),
        ("david@example.org", "en", false, &[0, 1], &[0, 2]),
        ("nadia@example.org", "ar", false, &[2], &[1, 3]),
        ("owen@example.org", "en", true, &[], &[0, 1, 2, 3]),
        ("priya@example.org", "en", false, &[3, 4], &[1]),
    ];
    for (email, locale, all, area_ix, topic_ix) in subs {
        let choices = Choices {
            all_areas: *all || wards.is_empty(),
            areas: area_ix
                .iter()
                .filter_map(|i| wards.get(*i).copied())
                .collect(),
            topics: topic_ix.iter().map(|i| topic_ids[*i]).collect(),
        };
        let email = Email::parse(email)?;
        let at = Timestamp::from(now - Duration::days(20));
        subscribers::put(tx.conn(), email.as_str(), locale, &choices, at).await?;
    }
    let helen = Email::parse("helen@brightwater.example")?;
    let by = users::find_by_email(tx.conn(), &helen)
        .await?
        .map_or(Uuid::nil(), |u| u.id);
    let advice = Wording {
        subject: "Keeping children safe from hateful videos online".into(),
        body: ONLINE_SAFETY_EN.into(),
    };
    let advice_ar = Wording {
        subject: "حماية الأطفال من مقاطع الفيديو التي تنشر الكراهية".into(),
        body: ONLINE_SAFETY_AR.into(),
    };
    let id = messages::create(
        tx.conn(),
        by,
        &Draft {
            wording: &advice,
            language: "en",
            all_areas: true,
            areas: &[],
            topics: &[topic_ids[1]],
        },
    )
    .await?;
    let translations = BTreeMap::from([("ar".to_owned(), advice_ar)]);
    messages::set_translations(tx.conn(), id, &translations).await?;
    sent(&mut tx, id, now - Duration::days(9), 3).await?;

    let meeting = Wording {
        subject: "Residents’ meeting at Harbourside library".into(),
        body: "Come and talk with ward officers about safety on the seafront. \
               Tea and translation into Arabic will be there."
            .into(),
    };
    let id = messages::create(
        tx.conn(),
        by,
        &Draft {
            wording: &meeting,
            language: "en",
            all_areas: wards.is_empty(),
            areas: &wards.iter().take(1).copied().collect::<Vec<_>>(),
            topics: &[topic_ids[2]],
        },
    )
    .await?;
    sent(&mut tx, id, now - Duration::days(3), 2).await?;

    let results = Wording {
        subject: "What you told us about community safety".into(),
        body: "The results of the community safety consultation are published. \
               Read what residents said and what the council will do next."
            .into(),
    };
    let id = messages::create(
        tx.conn(),
        by,
        &Draft {
            wording: &results,
            language: "en",
            all_areas: true,
            areas: &[],
            topics: &[topic_ids[3]],
        },
    )
    .await?;
    let next_week = Timestamp::from(now + Duration::days(7));
    messages::schedule(tx.conn(), id, Some(next_week)).await?;
    tx.commit().await?;
    Ok(true)
}

/// Marks a demo message sent at `at` to `n` people, without email: the
/// demo's subscribers are invented.
async fn sent(
    tx: &mut cohesion_storage::Tx,
    id: Uuid,
    at: OffsetDateTime,
    n: i64,
) -> Result<(), ServiceError> {
    let at = Timestamp::from(at);
    messages::schedule(tx.conn(), id, Some(at)).await?;
    queue::claim(tx.conn(), id, at).await?;
    queue::finish(tx.conn(), id, n, at).await?;
    Ok(())
}
