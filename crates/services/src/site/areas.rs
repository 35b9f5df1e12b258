//! The council's local areas (wards, neighbourhoods), which community
//! tension reports and community-message subscriptions name. Adding,
//! renaming and retiring them belongs to the help configuration.

use std::collections::BTreeMap;

use cohesion_domain::local_area::LocalArea;
use cohesion_storage::site::areas;
use cohesion_storage::Db;

use crate::ServiceError;

/// The areas in use, in their order.
pub async fn in_use(db: &Db) -> Result<Vec<LocalArea>, ServiceError> {
    let mut conn = db.acquire().await?;
    Ok(areas::in_use(conn.conn()).await?)
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
