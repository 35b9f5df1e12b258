//! Demonstration reports: a few dozen invented, harmless reports over
//! the last ten weeks, so the dashboard and its chart show something;
//! and the demo officer Yusuf given the tension-reading role.

use cohesion_domain::identity::{Email, Role};
use cohesion_domain::tension::{mask, week_of, Kind, Place, Police};
use cohesion_storage::accounts::users;
use cohesion_storage::site::areas as area_store;
use cohesion_storage::tensions::{counts, reports};
use cohesion_storage::{new_id, Db, Timestamp};
use time::{Duration, OffsetDateTime};

use crate::ServiceError;

/// The demo's two tension readers (every staff role has two demo
/// accounts): an officer and an analyst.
pub const DEMO_READERS: &[&str] = &["yusuf@brightwater.example", "fatima@brightwater.example"];

const TEXTS: &[(Kind, &str)] = &[
    (
        Kind::GraffitiOrSymbols,
        "Stickers with an unfriendly slogan on the lamp posts by the bus stop.",
    ),
    (
        Kind::OnlineContent,
        "A rumour in a local chat group that the community centre is closing to some families.",
    ),
    (
        Kind::HateIncident,
        "Someone shouted at a woman in a headscarf outside the shops; she walked away.",
    ),
    (
        Kind::ProtestOrGathering,
        "A small group handed out leaflets about the new housing and argued with passers-by.",
    ),
    (
        Kind::DisorderOrDamage,
        "The noticeboard at the park was pulled down overnight.",
    ),
    (
        Kind::Other,
        "Young people say they no longer feel welcome at the sports hall in the evenings.",
    ),
    (
        Kind::OnlineContent,
        "منشور على الإنترنت ينشر شائعة عن سكان الحي الجدد.",
    ),
    (
        Kind::GraffitiOrSymbols,
        "رسومات مسيئة على جدار المدرسة، أزالها المجلس لاحقًا.",
    ),
];

/// Adds the demo reports unless the site has reports already; gives the
/// demo readers the role. Whether reports were added.
pub async fn load(db: &Db) -> Result<bool, ServiceError> {
    let mut tx = db.begin().await?;
    for reader in DEMO_READERS {
        if let Some(u) = users::find_by_email(tx.conn(), &Email::parse(reader)?).await? {
            users::grant_role(tx.conn(), u.id, Role::TensionReader, None).await?;
        }
    }
    if reports::count(tx.conn()).await? > 0 {
        tx.commit().await?;
        return Ok(false);
    }
    let wards = area_store::in_use(tx.conn()).await?;
    let mut places: Vec<Place> = wards.iter().map(|a| Place::Area(a.id)).collect();
    places.push(Place::Elsewhere);
    let now = OffsetDateTime::now_utc();
    // 36 reports over ten weeks, more in the busier wards and weeks.
    for i in 0..36_usize {
        let (kind, text) = TEXTS[(i * 5 + i / 7) % TEXTS.len()];
        let place = places[(i * i + i / 3) % places.len().min(4 + i % 3)];
        let days_ago = ((i * 17) % 70) as i64;
        let sent = now - Duration::days(days_ago) + Duration::minutes(i as i64);
        let occurred = (sent - Duration::days((i % 3) as i64)).date();
        let police = Police::ALL[i % 3];
        let area = place.key();
        let occurred_on = occurred.to_string();
        let text = mask(text, &[]);
        let reference = format!("TR-DEMO{i:04}");
        reports::insert(
            tx.conn(),
            &reports::NewRow {
                id: new_id(),
                reference: &reference,
                area: &area,
                kind: kind.key(),
                occurred_on: &occurred_on,
                police: police.key(),
                text: &text,
                created_at: Timestamp::from(sent),
            },
        )
        .await?;
        counts::add(tx.conn(), &area, kind.key(), &week_of(occurred).to_string()).await?;
    }
    tx.commit().await?;
    Ok(true)
}
