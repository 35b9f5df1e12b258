//! The demonstration `serve --demo` loads: each feature's part, in the
//! order they rest on one another. Brightwater and its council are
//! invented; every word was written for Cohesion. Each part is added
//! once, so loading on every start is safe.

use cohesion_storage::Db;

use crate::accounts::Passwords;
use crate::{accounts, consultations, discussions, help, messaging, site, tensions, ServiceError};

/// What a load added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loaded {
    /// The programme (home page text), if it was not there yet.
    pub programme: bool,
    /// How many demo accounts were created.
    pub accounts: usize,
    /// The consultations, if the site had none.
    pub consultations: bool,
    /// The discussions, if the site had none.
    pub discussions: bool,
    /// The demonstration council's local help services, if it had none.
    pub help: bool,
    /// The tension reports, if the site had none.
    pub tension_reports: bool,
    /// The community messages, topics and subscribers, if it had none.
    pub community_messages: bool,
}

/// Loads every feature's demonstration content that is not there yet.
pub async fn load(db: &Db, passwords: &Passwords) -> Result<Loaded, ServiceError> {
    Ok(Loaded {
        programme: site::demo::load(db).await?,
        accounts: accounts::demo::load(db, passwords).await?,
        consultations: consultations::demo::load(db).await?,
        discussions: discussions::demo::load(db).await?,
        help: help::demo::load(db).await?,
        tension_reports: tensions::demo::load(db).await?,
        community_messages: messaging::demo::load(db).await?,
    })
}
