//! The council's local areas (wards, neighbourhoods), which community
//! tension reports and community-message subscriptions name. Adding,
//! renaming and retiring them belongs to the help configuration.

use std::collections::BTreeMap;

use cohesion_domain::local_area::LocalArea;
use cohesion_storage::site::areas;
use cohesion_storage::Db;

use cohesion_domain::identity::Action;
use cohesion_domain::local_area::parse_name;
use uuid::Uuid;

use crate::accounts::SignedIn;
use crate::audit::{audit_log, Origin};
use crate::permissions::require;
use crate::ServiceError;

/// The areas in use, in their order.
pub async fn in_use(db: &Db) -> Result<Vec<LocalArea>, ServiceError> {
    let mut conn = db.acquire().await?;
    Ok(areas::in_use(conn.conn()).await?)
}

/// The names typed for an area: the default language's is required,
/// the others (Arabic) may be blank.
fn names(
    default_lang: &str,
    typed: &BTreeMap<String, String>,
) -> Result<(String, BTreeMap<String, String>), ServiceError> {
    let mut problems = Vec::new();
    let mut name = String::new();
    let mut translations = BTreeMap::new();
    for (lang, raw) in typed {
        if lang == default_lang {
            match parse_name("name", raw) {
                Ok(n) => name = n,
                Err(e) => problems.push(e),
            }
        } else if !raw.trim().is_empty() {
            match parse_name("name", raw) {
                Ok(n) => {
                    translations.insert(lang.clone(), n);
                }
                Err(e) => problems.push(e),
            }
        }
    }
    if name.is_empty() && problems.is_empty() {
        problems.push(cohesion_domain::ValidationError::new(
            "name",
            cohesion_domain::ErrorCode::FieldRequired,
        ));
    }
    if !problems.is_empty() {
        return Err(ServiceError::invalid(problems));
    }
    Ok((name, translations))
}

fn origin(me: &SignedIn) -> Origin<'static> {
    Origin {
        actor: Some(me.user_id),
        client: None,
    }
}

/// Adds an area, named in every language typed (locale to name).
pub async fn add(
    db: &Db,
    me: &SignedIn,
    default_lang: &str,
    typed: &BTreeMap<String, String>,
) -> Result<Uuid, ServiceError> {
    require(me, Action::ConfigureHelp)?;
    let (name, translations) = names(default_lang, typed)?;
    let mut tx = db.begin().await?;
    let id = areas::add(tx.conn(), &name, default_lang, &translations).await?;
    audit_log(tx.conn(), origin(me), "area.add", Some(id), &name).await?;
    tx.commit().await?;
    Ok(id)
}

/// Renames an area in use.
pub async fn rename(
    db: &Db,
    me: &SignedIn,
    id: Uuid,
    default_lang: &str,
    typed: &BTreeMap<String, String>,
) -> Result<(), ServiceError> {
    require(me, Action::ConfigureHelp)?;
    let (name, translations) = names(default_lang, typed)?;
    let mut tx = db.begin().await?;
    if !areas::rename(tx.conn(), id, &name, &translations).await? {
        return Err(ServiceError::NotFound);
    }
    audit_log(tx.conn(), origin(me), "area.rename", Some(id), &name).await?;
    tx.commit().await?;
    Ok(())
}

/// Retires an area: no longer offered; what names it keeps its meaning.
pub async fn retire(db: &Db, me: &SignedIn, id: Uuid) -> Result<(), ServiceError> {
    require(me, Action::ConfigureHelp)?;
    let mut tx = db.begin().await?;
    if !areas::retire(tx.conn(), id).await? {
        return Err(ServiceError::NotFound);
    }
    audit_log(tx.conn(), origin(me), "area.retire", Some(id), "").await?;
    tx.commit().await?;
    Ok(())
}

/// The demonstration city's wards, unless the site has areas already.
/// Brightwater and its wards are invented.
pub(crate) async fn load_demo(db: &Db) -> Result<bool, ServiceError> {
    const WARDS: &[(&str, &str)] = &[
        ("Harbourside", "حي المرفأ"),
        ("Old Town", "البلدة القديمة"),
        ("Northfield", "نورثفيلد"),
        ("Riverside", "ضفة النهر"),
        ("St Anne’s", "سانت آن"),
        ("Lantern Hill", "تل الفانوس"),
    ];
    let mut tx = db.begin().await?;
    if areas::any(tx.conn()).await? {
        return Ok(false);
    }
    for (en, ar) in WARDS {
        let translations = BTreeMap::from([("ar".to_owned(), (*ar).to_owned())]);
        areas::add(tx.conn(), en, "en", &translations).await?;
    }
    tx.commit().await?;
    Ok(true)
}
