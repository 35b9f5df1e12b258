//! "Your data": everything the platform holds about a person, to
//! download, and the deletion of their account.

use cohesion_domain::identity::Role;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::accounts::{email_tokens, organisations, sessions, users};
use cohesion_storage::audit::{self, AuditQuery};
use cohesion_storage::consultations::responses;
use cohesion_storage::{outbox, Db, Timestamp};
use serde::Serialize;
use uuid::Uuid;

use super::{Passwords, SignedIn};
use crate::audit::audit_log;
use crate::ServiceError;

/// How many audit entries about a person an export carries (the newest).
const AUDIT_LIMIT: i64 = 1_000;

#[derive(Debug, Clone, Serialize)]
pub struct YourData {
    pub generated_at: String,
    pub account: AccountData,
    pub roles: Vec<Role>,
    pub sessions: Vec<SessionData>,
    pub organisations: Vec<OrganisationData>,
    /// Emails we wrote to the person, still kept in the outbox.
    pub emails: Vec<EmailData>,
    /// What the audit log records of the person's actions, and of actions
    /// on their account.
    pub activity: Vec<ActivityData>,
    /// Survey responses, with the answers as sent (special-category
    /// answers included: they are the person's own).
    pub responses: Vec<ResponseData>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResponseData {
    pub consultation_id: Uuid,
    pub consultation: String,
    pub reference: String,
    pub started_at: String,
    pub submitted_at: Option<String>,
    pub removed: bool,
    pub answers: std::collections::BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AccountData {
    pub id: Uuid,
    pub email: Option<String>,
    pub display_name: Option<String>,
    pub language: Option<String>,
    pub email_verified_at: Option<String>,
    pub suspended_at: Option<String>,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionData {
    pub started_at: String,
    pub last_seen_at: String,
    pub device: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OrganisationData {
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub registration_number: Option<String>,
    pub org_identifier: Option<String>,
    pub address: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub owner: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct EmailData {
    pub to: String,
    pub subject: String,
    /// Empty once sent: the text lives in the person's mailbox then.
    pub body: String,
    pub created_at: String,
    pub sent: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActivityData {
    pub at: String,
    pub action: String,
    pub by_you: bool,
    pub detail: String,
    pub from: Option<String>,
}

fn iso(t: Timestamp) -> String {
    t.to_rfc3339()
}

/// Gathers the person's data. The export itself is audit-logged.
pub async fn export(
    db: &Db,
    me: &SignedIn,
    client: Option<&str>,
) -> Result<YourData, ServiceError> {
    let mut tx = db.begin().await?;
    let user = users::find_by_id(tx.conn(), me.user_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let roles = users::roles(tx.conn(), me.user_id).await?;
    let sessions = sessions::list_for_user(tx.conn(), me.user_id, Timestamp::now()).await?;
    let orgs = organisations::for_member(tx.conn(), me.user_id).await?;
    let responses = responses::mine_with_titles(tx.conn(), me.user_id).await?;
    // The outbox is searched by address through a bounded page, not read
    // whole; a person's own mail is a handful of messages.
    let mut emails = Vec::new();
    for address in addresses(tx.conn(), me.user_id, user.email.as_deref()).await? {
        emails.extend(outbox::to_address(tx.conn(), &address, 200).await?);
    }
    emails.sort_by_key(|m| std::cmp::Reverse(m.id));
    let mut activity = Vec::new();
    for q in [
        AuditQuery {
            actor: Some(me.user_id),
            limit: AUDIT_LIMIT,
            ..Default::default()
        },
        AuditQuery {
            subject: Some(me.user_id),
            limit: AUDIT_LIMIT,
            ..Default::default()
        },
    ] {
        activity.extend(audit::page(tx.conn(), &q).await?);
    }
    // Their actions on their own account appear in both lists: once is enough.
    activity.sort_by_key(|e| std::cmp::Reverse(e.id));
    activity.dedup_by_key(|e| e.id);
    let origin = me.origin(client);
    audit_log(
        tx.conn(),
        origin,
        "account.export",
        Some(me.user_id),
        "data downloaded",
    )
    .await?;
    tx.commit().await?;
    Ok(YourData {
        generated_at: iso(Timestamp::now()),
        account: AccountData {
            id: user.id,
            email: user.email,
            display_name: user.display_name,
            language: user.locale,
            email_verified_at: user.email_verified_at.map(iso),
            suspended_at: user.suspended_at.map(iso),
            created_at: iso(user.created_at),
        },
        roles,
        sessions: sessions
            .into_iter()
            .map(|s| SessionData {
                started_at: iso(s.created_at),
                last_seen_at: iso(s.last_seen_at),
                device: s.user_agent,
            })
            .collect(),
        organisations: orgs
            .into_iter()
            .map(|(o, owner)| OrganisationData {
                id: o.id,
                name: o.name,
                kind: o.kind.key().to_owned(),
                registration_number: o.registration_number,
                org_identifier: o.org_identifier,
                address: o.address,
                contact_name: o.contact_name,
                contact_email: o.contact_email,
                contact_phone: o.contact_phone,
                owner,
            })
            .collect(),
        emails: emails
            .into_iter()
            .map(|m| EmailData {
                to: m.to_address,
                body: m.body,
                subject: m.subject,
                created_at: iso(m.created_at),
                sent: m.sent_at.is_some(),
            })
            .collect(),
        activity: activity
            .into_iter()
            .map(|e| ActivityData {
                at: iso(e.at),
                by_you: e.actor_id == Some(me.user_id),
                action: e.action,
                detail: e.detail,
                // Where staff acted from is theirs, not the person's.
                from: e.client.filter(|_| e.actor_id == Some(me.user_id)),
            })
            .collect(),
        responses: responses
            .into_iter()
            .map(|(r, title)| ResponseData {
                consultation_id: r.consultation_id,
                consultation: title,
                reference: r.reference,
                started_at: iso(r.created_at),
                submitted_at: r.submitted_at.map(iso),
                removed: r.removed_at.is_some(),
                answers: serde_json::from_str(&r.draft).unwrap_or_default(),
            })
            .collect(),
    })
}

/// Every address the account has had that the platform still knows of:
/// the current one, and those its emailed links were sent to.
async fn addresses(
    conn: cohesion_storage::Conn<'_>,
    user_id: Uuid,
    current: Option<&str>,
) -> Result<Vec<String>, ServiceError> {
    let mut all = email_tokens::addresses_of(conn, user_id).await?;
    all.extend(current.map(str::to_owned));
    all.sort();
    all.dedup();
    Ok(all)
}

/// What happens to what the person wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contributions {
    /// Stays, attributed to "Anonymous – account deleted".
    Keep,
    /// Replaced by a removal notice; replies by others stay in place.
    Remove,
}

impl Contributions {
    /// The choice as forms and the API name it: `keep` or `remove`.
    pub fn parse(key: &str) -> Result<Self, ValidationError> {
        match key {
            "keep" => Ok(Contributions::Keep),
            "remove" => Ok(Contributions::Remove),
            _ => Err(ValidationError::new(
                "contributions",
                ErrorCode::InvalidChoice,
            )),
        }
    }
}

/// Deletes the account at once, after the person re-enters their
/// password. Personal data goes in one transaction: email, name, password
/// hash, language, sessions, emailed tokens, memberships, invitations and
/// mail addressed to them. The account row stays, empty, as the author of
/// whatever is kept; the audit log keeps its entries (ids, not names).
pub async fn delete_account(
    db: &Db,
    passwords: &Passwords,
    me: &SignedIn,
    password: &str,
    contributions: Contributions,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    if !super::is_current_password(db, passwords, me, password).await? {
        return Err(ValidationError::new("password", ErrorCode::InvalidCredentials).into());
    }
    let mut tx = db.begin().await?;
    let user = users::find_by_id(tx.conn(), me.user_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    if me.roles.has(Role::Administrator)
        && users::count_with_role(tx.conn(), Role::Administrator).await? <= 1
    {
        return Err(ValidationError::new("password", ErrorCode::LastAdministrator).into());
    }
    for address in addresses(tx.conn(), me.user_id, user.email.as_deref()).await? {
        outbox::forget_to(tx.conn(), &address).await?;
        organisations::forget_invitations_to(tx.conn(), &address).await?;
        organisations::forget_contact(tx.conn(), &address).await?;
    }
    let owned: Vec<Uuid> = organisations::for_member(tx.conn(), me.user_id)
        .await?
        .into_iter()
        .filter(|(_, owner)| *owner)
        .map(|(o, _)| o.id)
        .collect();
    organisations::leave_all(tx.conn(), me.user_id).await?;
    // An organisation is not left without someone who can invite.
    for org in owned {
        organisations::ensure_owner(tx.conn(), org).await?;
    }
    email_tokens::delete_for_user(tx.conn(), me.user_id).await?;
    sessions::delete_for_user(tx.conn(), me.user_id).await?;
    // Content tables join here: with `Remove`, each takes the person's
    // contributions out (survey answers leave the totals and are deleted;
    // comments, when they arrive, get the removal notice) in this same
    // transaction. Unfinished survey drafts are never kept.
    let detail = match contributions {
        Contributions::Keep => {
            crate::consultations::responding::personal_data::discard_drafts_of(
                tx.conn(),
                me.user_id,
            )
            .await?;
            "account deleted; contributions kept anonymously"
        }
        Contributions::Remove => {
            crate::consultations::responding::personal_data::remove_all_for(tx.conn(), me.user_id)
                .await?;
            "account deleted; contributions removed"
        }
    };
    users::erase(tx.conn(), me.user_id).await?;
    let origin = me.origin(client);
    audit_log(
        tx.conn(),
        origin,
        "account.delete",
        Some(me.user_id),
        detail,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
