//! The demonstration accounts `serve --demo` loads: two invented people
//! for each role, and the organisation the members belong to.

use cohesion_domain::identity::{DisplayName, Email, NewPassword, Role};
use cohesion_domain::organisation::OrganisationInput;
use cohesion_storage::accounts::{organisations, users};
use cohesion_storage::Db;
use uuid::Uuid;

use super::Passwords;
use crate::ServiceError;

/// The password of every demo account. Demo sites are for trying things
/// out; never load the demo into a site with real people on it.
pub const DEMO_PASSWORD: &str = "harbour lanterns glow at dusk";

/// A demo account, as `serve --demo` prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoAccount {
    pub email: &'static str,
    pub name: &'static str,
    pub role: Role,
    pub locale: &'static str,
}

const fn account(
    email: &'static str,
    name: &'static str,
    role: Role,
    locale: &'static str,
) -> DemoAccount {
    DemoAccount {
        email,
        name,
        role,
        locale,
    }
}

/// Two people for each role, with invented names.
pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    account(
        "amina@brightwater.example",
        "Amina Yusuf",
        Role::Resident,
        "en",
    ),
    account(
        "tom@brightwater.example",
        "Tom Fletcher",
        Role::Resident,
        "en",
    ),
    account(
        "priya@brightwater.example",
        "Priya Shah",
        Role::OrganisationMember,
        "en",
    ),
    account(
        "samir@brightwater.example",
        "سمير العلي",
        Role::OrganisationMember,
        "ar",
    ),
    account(
        "grace@brightwater.example",
        "Grace Owusu",
        Role::Moderator,
        "en",
    ),
    account(
        "karim@brightwater.example",
        "كريم منصور",
        Role::Moderator,
        "ar",
    ),
    account(
        "joan@brightwater.example",
        "Joan Mensah",
        Role::SeniorModerator,
        "en",
    ),
    account(
        "hana@brightwater.example",
        "هناء سليم",
        Role::SeniorModerator,
        "ar",
    ),
    account(
        "helen@brightwater.example",
        "Helen Park",
        Role::Officer,
        "en",
    ),
    account(
        "yusuf@brightwater.example",
        "Yusuf Rahman",
        Role::Officer,
        "en",
    ),
    account("li@brightwater.example", "Li Wei", Role::Analyst, "en"),
    account(
        "fatima@brightwater.example",
        "فاطمة نور",
        Role::Analyst,
        "ar",
    ),
    account(
        "owen@brightwater.example",
        "Owen Price",
        Role::GrantAssessor,
        "en",
    ),
    account(
        "leila@brightwater.example",
        "Leila Haddad",
        Role::GrantAssessor,
        "en",
    ),
    account(
        "ruth@brightwater.example",
        "Ruth Adeyemi",
        Role::GrantAdministrator,
        "en",
    ),
    account(
        "daniel@brightwater.example",
        "Daniel Cohen",
        Role::GrantAdministrator,
        "en",
    ),
    account(
        "sian@brightwater.example",
        "Sian Morgan",
        Role::ElectedMember,
        "en",
    ),
    account(
        "omar@brightwater.example",
        "عمر فاروق",
        Role::ElectedMember,
        "ar",
    ),
    account(
        "nadia@brightwater.example",
        "Nadia Haddad",
        Role::Administrator,
        "en",
    ),
    account(
        "peter@brightwater.example",
        "Peter Lindqvist",
        Role::Administrator,
        "en",
    ),
];

/// Creates the demo accounts that do not exist yet (confirmed, with their
/// roles) and the demo organisation. Returns how many accounts were added.
pub async fn load(db: &Db, passwords: &Passwords) -> Result<usize, ServiceError> {
    // Every later start finds them all: skip the hash, which is the slow part.
    let mut c = db.acquire().await?;
    let mut missing = false;
    for a in DEMO_ACCOUNTS {
        missing |= users::find_by_email(c.conn(), &Email::parse(a.email)?)
            .await?
            .is_none();
    }
    drop(c);
    if !missing {
        return Ok(0);
    }
    // One hash for all: demo accounts share their password anyway, and
    // hashing eighteen times would slow every first start.
    let hash = passwords.hash(&NewPassword::parse(DEMO_PASSWORD)?).await?;
    let mut tx = db.begin().await?;
    let mut added = Vec::new();
    for a in DEMO_ACCOUNTS {
        let email = Email::parse(a.email)?;
        let name = DisplayName::parse(a.name)?;
        if let Some(id) = users::insert(tx.conn(), &email, &name, &hash, a.locale).await? {
            users::mark_verified(tx.conn(), id, email.as_str()).await?;
            if a.role != Role::Resident {
                users::grant_role(tx.conn(), id, a.role, None).await?;
            }
            added.push((id, a.role));
        }
    }
    let members: Vec<Uuid> = added
        .iter()
        .filter(|(_, r)| *r == Role::OrganisationMember)
        .map(|(id, _)| *id)
        .collect();
    if let Some((owner, others)) = members.split_first() {
        let org = demo_organisation()
            .validate()
            .map_err(ServiceError::InvalidFields)?;
        if let Some(org_id) = organisations::insert(tx.conn(), &org, *owner).await? {
            for m in others {
                organisations::add_member(tx.conn(), org_id, *m).await?;
            }
        }
    }
    tx.commit().await?;
    Ok(added.len())
}

fn demo_organisation() -> OrganisationInput {
    OrganisationInput {
        name: "Riverside Youth Forum".into(),
        kind: "charity".into(),
        registration_number: "1999999".into(),
        org_identifier: String::new(),
        address: "12 Mill Lane\nBrightwater BW1 2AB".into(),
        contact_name: "Priya Shah".into(),
        contact_email: "forum@riverside.example".into(),
        contact_phone: String::new(),
    }
}
