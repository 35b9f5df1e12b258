//! "Your data": everything the platform holds about a person, to
//! download, and the deletion of their account. Both run every feature's
//! hook in `crate::PERSONAL_DATA` (see `erasure`); the account's own
//! part (its row, roles, sessions, emailed links and mail) is
//! [`AccountHook`], and the audit log, which is never erased, is read
//! here.

use cohesion_domain::identity::{Role, RoleSet};
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::accounts::{email_tokens, sessions, users};
use cohesion_storage::audit::{self, AuditQuery};
use cohesion_storage::{outbox, Conn, Db, Timestamp};
use serde::Serialize;
use uuid::Uuid;

use super::{Passwords, SignedIn};
use crate::audit::audit_log;
use crate::erasure::{Contributions, Names, Person, PersonalData, Step};
use crate::ServiceError;

/// The audit actions on a person's own answers, whose subject is the
/// consultation.
pub const RESPONSE_ACTIONS: [&str; 2] = ["response.submit", "response.copy"];

/// How many audit entries about a person an export carries (the newest).
const AUDIT_LIMIT: i64 = 1_000;

#[derive(Debug, Clone, Default, Serialize)]
pub struct YourData {
    pub generated_at: String,
    pub account: AccountData,
    /// `Resident` (everyone), then the roles granted.
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
    /// Comments in discussions, as they stand (state included).
    pub comments: Vec<CommentData>,
    /// Agreements with and reports of others' comments.
    pub reactions: Vec<ReactionData>,
    /// Warnings and suspensions received in discussions, those lifted
    /// (an appeal overturned the decision) with when.
    pub sanctions: Vec<SanctionData>,
    /// Appeals made against moderators' decisions on the person's
    /// comments: what they wrote, when, and how each was decided.
    pub appeals: Vec<AppealData>,
    /// Statements submitted for opinion voting, as they stand.
    pub statements: Vec<StatementData>,
    /// Votes on statements (the last vote on each).
    pub votes: Vec<VoteData>,
    /// What we told the person about discussions, the choices they made
    /// of what to be told, and the discussions they follow.
    pub notifications: Vec<NotificationData>,
    pub notification_choices: Vec<NotificationChoiceData>,
    pub following: Vec<Uuid>,
    /// Community messages by email the person's verified address is
    /// subscribed to.
    pub community_subscriptions: Vec<CommunitySubscriptionData>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CommunitySubscriptionData {
    pub email: String,
    /// The language messages come in (`en` or `ar`).
    pub language: String,
    /// Every area, or the areas named.
    pub all_areas: bool,
    pub areas: Vec<String>,
    pub topics: Vec<String>,
    pub confirmed_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatementData {
    pub discussion_id: Uuid,
    pub discussion: String,
    pub statement_id: Uuid,
    pub submitted_at: String,
    /// published, awaiting_moderation, hidden or removed_with_account.
    pub state: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct VoteData {
    pub discussion_id: Uuid,
    /// The statement's text as it stands.
    pub statement: String,
    /// agree, disagree or pass.
    pub vote: String,
    pub at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NotificationData {
    /// `reply`, `moderation` or `closing`.
    pub kind: String,
    pub discussion_id: Uuid,
    pub comment_id: Option<Uuid>,
    pub detail: String,
    pub at: String,
    pub read_at: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NotificationChoiceData {
    pub kind: String,
    pub in_site: bool,
    pub by_email: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct CommentData {
    pub discussion_id: Uuid,
    pub discussion: String,
    pub comment_id: Uuid,
    pub posted_at: String,
    pub state: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReactionData {
    pub comment_id: Uuid,
    /// `agreed` or `reported`.
    pub what: String,
    /// A report's reason code.
    pub reason: Option<String>,
    pub at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AppealData {
    /// The comment whose decisions were appealed.
    pub comment_id: Uuid,
    /// What the person wrote.
    pub text: String,
    pub sent_at: String,
    /// `upheld` or `overturned`; none while it waits.
    pub outcome: Option<String>,
    pub decided_at: Option<String>,
    /// What the moderator who decided it wrote to the person.
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SanctionData {
    /// `warning` or `suspension`.
    pub kind: String,
    /// The comment it was given for.
    pub comment_id: Option<Uuid>,
    pub given_at: String,
    /// When a suspension ends; none for a warning.
    pub until: Option<String>,
    /// When an appeal against the decision was upheld in the member's
    /// favour and the sanction withdrawn: it no longer counts or bars.
    pub lifted_at: Option<String>,
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

#[derive(Debug, Clone, Default, Serialize)]
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
    /// Delivery failed for good: it will not be sent.
    pub given_up: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActivityData {
    pub at: String,
    pub action: String,
    pub by_you: bool,
    pub detail: String,
    pub from: Option<String>,
    /// The consultation the person's answers were sent to, or a copy of
    /// them asked for; none for other actions, whose subjects (another
    /// person's account, a theme) are the staff's to know.
    pub consultation_id: Option<Uuid>,
}

/// A time as the download writes it: RFC 3339.
pub(crate) fn iso(t: Timestamp) -> String {
    t.to_rfc3339()
}

/// Gathers the person's data: each feature's part, then what the audit
/// log records. The export itself is audit-logged.
/// How the person is given their data, for the log: seeing the page is
/// not taking a copy away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Viewed,
    Downloaded,
}

/// The detail of the page seen.
const VIEWED: &str = "data viewed";

/// Views this close together are one visit.
const SAME_VISIT: time::Duration = time::Duration::minutes(1);

pub async fn export(
    db: &Db,
    me: &SignedIn,
    client: Option<&str>,
    access: Access,
) -> Result<YourData, ServiceError> {
    let mut tx = db.begin().await?;
    let user = users::find_by_id(tx.conn(), me.user_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let person = Person {
        id: me.user_id,
        addresses: addresses(tx.conn(), me.user_id, user.email.as_deref()).await?,
    };
    let mut data = YourData::default();
    for hook in crate::PERSONAL_DATA {
        hook.export(tx.conn(), &person, &mut data).await?;
    }
    data.activity = activity(tx.conn(), me.user_id).await?;
    // One entry per visit: the page seen again within a minute (reloaded,
    // its language switched, come back to after a download) is the same
    // look, and four entries for it read as four. Downloads are each
    // logged: each takes a copy away (ADR 7's addendum).
    let seen_just_now = access == Access::Viewed
        && data.activity.iter().any(|e| {
            e.action == "account.export"
                && e.detail == VIEWED
                && e.by_you
                && Timestamp::parse_rfc3339(&e.at)
                    .is_some_and(|at| Timestamp::now().as_offset() - at.as_offset() < SAME_VISIT)
        });
    if !seen_just_now {
        audit_log(
            tx.conn(),
            me.origin(client),
            "account.export",
            Some(me.user_id),
            match access {
                Access::Viewed => VIEWED,
                Access::Downloaded => "data downloaded",
            },
        )
        .await?;
    }
    tx.commit().await?;
    data.generated_at = iso(Timestamp::now());
    Ok(data)
}

/// What the audit log records of the person's actions, and of actions on
/// their account, newest first.
async fn activity(mut conn: Conn<'_>, user_id: Uuid) -> Result<Vec<ActivityData>, ServiceError> {
    let mut activity = Vec::new();
    for q in [
        AuditQuery {
            actor: Some(user_id),
            limit: AUDIT_LIMIT,
            ..Default::default()
        },
        AuditQuery {
            subject: Some(user_id),
            limit: AUDIT_LIMIT,
            ..Default::default()
        },
    ] {
        activity.extend(audit::page(conn.reborrow(), &q).await?);
    }
    // Their actions on their own account appear in both lists: once is enough.
    activity.sort_by_key(|e| std::cmp::Reverse(e.id));
    activity.dedup_by_key(|e| e.id);
    Ok(activity
        .into_iter()
        .map(|e| ActivityData {
            at: iso(e.at),
            by_you: e.actor_id == Some(user_id),
            consultation_id: e
                .subject_id
                .filter(|_| RESPONSE_ACTIONS.contains(&e.action.as_str())),
            action: e.action,
            detail: e.detail,
            // Where staff acted from is theirs, not the person's.
            from: e.client.filter(|_| e.actor_id == Some(user_id)),
        })
        .collect())
}

/// Every address the account has had that the platform still knows of:
/// the current one, and those its emailed links were sent to.
async fn addresses(
    conn: Conn<'_>,
    user_id: Uuid,
    current: Option<&str>,
) -> Result<Vec<String>, ServiceError> {
    let mut all = email_tokens::addresses_of(conn, user_id).await?;
    all.extend(current.map(str::to_owned));
    all.sort();
    all.dedup();
    Ok(all)
}

/// The account's own part: its row and roles, its sessions (which hold
/// the browser's User-Agent), its emailed links (which hold addresses)
/// and the mail addressed to it. The row itself is emptied last, by
/// [`delete_account`], after every hook.
pub struct AccountHook;

impl PersonalData<YourData> for AccountHook {
    fn names(&self) -> &'static [Names] {
        const NAMES: &[Names] = &[
            Names::erased("user_roles.user_id"),
            Names::kept("user_roles.granted_by"),
            Names::erased("sessions.user_id"),
            Names::erased("email_tokens.user_id"),
        ];
        NAMES
    }

    fn export<'a>(
        &'a self,
        mut conn: Conn<'a>,
        person: &'a Person,
        into: &'a mut YourData,
    ) -> Step<'a> {
        Box::pin(async move {
            let user = users::find_by_id(conn.reborrow(), person.id)
                .await?
                .ok_or(ServiceError::NotFound)?;
            into.account = AccountData {
                id: user.id,
                email: user.email,
                display_name: user.display_name,
                language: user.locale,
                email_verified_at: user.email_verified_at.map(iso),
                suspended_at: user.suspended_at.map(iso),
                created_at: iso(user.created_at),
            };
            // Everyone is a resident (the role is implied, never stored):
            // said here as the account page and the API's `/me` say it.
            let granted = users::roles(conn.reborrow(), person.id).await?;
            into.roles = RoleSet::new(granted, false).iter().collect();
            let now = Timestamp::now();
            into.sessions = sessions::list_for_user(conn.reborrow(), person.id, now)
                .await?
                .into_iter()
                .map(|s| SessionData {
                    started_at: iso(s.created_at),
                    last_seen_at: iso(s.last_seen_at),
                    device: s.user_agent,
                })
                .collect();
            into.emails = emails(conn, &person.addresses).await?;
            Ok(())
        })
    }

    fn erase<'a>(&'a self, mut conn: Conn<'a>, person: &'a Person, _: Contributions) -> Step<'a> {
        Box::pin(async move {
            for address in &person.addresses {
                outbox::forget_to(conn.reborrow(), address).await?;
            }
            email_tokens::delete_for_user(conn.reborrow(), person.id).await?;
            sessions::delete_for_user(conn, person.id).await?;
            Ok(())
        })
    }
}

/// The mail the outbox keeps for any of `addresses`, newest first. The
/// outbox is searched by address through a bounded page, not read whole;
/// a person's own mail is a handful of messages.
async fn emails(mut conn: Conn<'_>, addresses: &[String]) -> Result<Vec<EmailData>, ServiceError> {
    let mut emails = Vec::new();
    for address in addresses {
        emails.extend(outbox::to_address(conn.reborrow(), address, 200).await?);
    }
    emails.sort_by_key(|m| std::cmp::Reverse(m.id));
    Ok(emails
        .into_iter()
        .map(|m| EmailData {
            to: m.to_address,
            body: m.body,
            subject: m.subject,
            created_at: iso(m.created_at),
            sent: m.sent_at.is_some(),
            given_up: m.given_up_at.is_some(),
        })
        .collect())
}

/// Deletes the account at once, after the person re-enters their
/// password. Personal data goes in one transaction: every feature's hook
/// in `crate::PERSONAL_DATA` lets go of its part (sessions, emailed
/// tokens, memberships, invitations and mail addressed to them; what
/// they wrote as they choose), then the account row is emptied. It stays
/// as the author of whatever is kept; the audit log keeps its entries
/// (ids, not names).
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
    let person = Person {
        id: me.user_id,
        addresses: addresses(tx.conn(), me.user_id, user.email.as_deref()).await?,
    };
    for hook in crate::PERSONAL_DATA {
        hook.erase(tx.conn(), &person, contributions).await?;
    }
    users::erase(tx.conn(), me.user_id).await?;
    let detail = match contributions {
        Contributions::Keep => "account deleted; contributions kept anonymously",
        Contributions::Remove => "account deleted; contributions removed",
    };
    audit_log(
        tx.conn(),
        me.origin(client),
        "account.delete",
        Some(me.user_id),
        detail,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
