//! The demonstration programme `serve --demo` loads. Brightwater and its
//! council are invented; every word here was written for Cohesion.

use cohesion_domain::programme::{ProgrammeText, Slug};
use cohesion_storage::site::programmes;
use cohesion_storage::Db;

use crate::ServiceError;

pub const DEMO_SLUG: &str = "brightwater-together";

/// Loads the demo content unless it is already there. Safe to run on every
/// start. Returns whether anything was added.
pub async fn load(db: &Db) -> Result<bool, ServiceError> {
    let slug = Slug::parse(DEMO_SLUG)?;
    let texts = [
        ProgrammeText::new(
            "en",
            "Brightwater Together",
            "Brightwater City Council (a fictional council)",
            "Brightwater Together is a demonstration programme for an invented city. \
             It shows how a council can work with residents, community groups and partners \
             to prevent hate and extremism: by asking people what they think, funding local \
             projects, and publishing what it heard and what it did.\n\
             Nothing on this demonstration site is about real people or places.",
        )?,
        ProgrammeText::new(
            "ar",
            "برايتووتر معًا",
            "مجلس مدينة برايتووتر (مجلس خيالي)",
            "«برايتووتر معًا» برنامج تجريبي لمدينة متخيَّلة. \
             يوضح كيف يمكن للمجلس أن يعمل مع السكان والمجموعات المجتمعية والشركاء \
             للوقاية من الكراهية والتطرف: بسؤال الناس عن آرائهم، وتمويل المشاريع المحلية، \
             ونشر ما سمعه وما فعله.\n\
             لا يتعلق أي شيء في هذا الموقع التجريبي بأشخاص أو أماكن حقيقية.",
        )?,
    ];
    let mut tx = db.begin().await?;
    let created = programmes::create_if_absent(tx.conn(), &slug, &texts).await?;
    tx.commit().await?;
    let wards = super::areas::load_demo(db).await?;
    Ok(created || wards)
}
