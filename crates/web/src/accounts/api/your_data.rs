//! "Your data": everything the platform holds about the person, as the
//! API gives it.

use axum::extract::State;
use axum::Json;
use cohesion_services::accounts::your_data::{self, YourData};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::{AppError, ClientKey, Me, Problem, SharedState};

/// Everything the platform holds about the person (the "your data"
/// download). Times are RFC 3339.
#[derive(Serialize, ToSchema)]
pub struct YourDataView {
    #[schema(format = DateTime)]
    pub generated_at: String,
    pub account: AccountData,
    /// Role keys: `resident` (everyone's), then the roles granted.
    pub roles: Vec<String>,
    pub sessions: Vec<SessionData>,
    pub organisations: Vec<OrganisationData>,
    /// Emails written to the person that the outbox still keeps.
    pub emails: Vec<EmailData>,
    /// What the audit log records of the person's actions and of actions
    /// on their account.
    pub activity: Vec<ActivityData>,
    /// Survey responses, with the fields as sent.
    pub responses: Vec<ResponseData>,
    /// Comments in discussions, as they stand.
    pub comments: Vec<CommentData>,
    /// Agreements with and reports of others' comments.
    pub reactions: Vec<ReactionData>,
    /// Warnings and suspensions received in discussions, lifted ones
    /// with when.
    pub sanctions: Vec<SanctionData>,
    /// Appeals against moderators' decisions on the person's comments:
    /// what they wrote, when, and how each was decided.
    pub appeals: Vec<AppealData>,
    /// Statements submitted for opinion voting, as they stand.
    pub statements: Vec<StatementData>,
    /// Votes on statements (the last vote on each).
    pub votes: Vec<VoteData>,
    /// What the person was told about discussions.
    pub notifications: Vec<NotificationData>,
    /// What they chose to be told, per kind (none stored: the defaults).
    pub notification_choices: Vec<NotificationChoiceData>,
    /// The discussions they follow.
    pub following: Vec<Uuid>,
    /// Community messages by email their verified address subscribes to.
    pub community_subscriptions: Vec<CommunitySubscriptionData>,
}

#[derive(Serialize, ToSchema)]
pub struct CommunitySubscriptionData {
    pub email: String,
    /// `en` or `ar`.
    pub language: String,
    pub all_areas: bool,
    /// The areas' names (none with `all_areas`).
    pub areas: Vec<String>,
    pub topics: Vec<String>,
    pub confirmed_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct StatementData {
    pub discussion_id: Uuid,
    pub discussion: String,
    pub statement_id: Uuid,
    #[schema(format = DateTime)]
    pub submitted_at: String,
    /// published, awaiting_moderation, hidden or removed_with_account.
    pub state: String,
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct VoteData {
    pub discussion_id: Uuid,
    /// The statement's text as it stands.
    pub statement: String,
    /// agree, disagree or pass.
    pub vote: String,
    #[schema(format = DateTime)]
    pub at: String,
}

#[derive(Serialize, ToSchema)]
pub struct NotificationData {
    /// `reply`, `moderation` or `closing`.
    pub kind: String,
    pub discussion_id: Uuid,
    pub comment_id: Option<Uuid>,
    /// A moderation decision's code, with `:reason` for a hide.
    pub detail: String,
    #[schema(format = DateTime)]
    pub at: String,
    #[schema(format = DateTime)]
    pub read_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct NotificationChoiceData {
    /// `reply`, `moderation` or `closing`.
    pub kind: String,
    pub in_site: bool,
    pub by_email: bool,
}

#[derive(Serialize, ToSchema)]
pub struct CommentData {
    pub discussion_id: Uuid,
    pub discussion: String,
    pub comment_id: Uuid,
    #[schema(format = DateTime)]
    pub posted_at: String,
    /// published, awaiting_moderation, hidden, deleted_by_author or
    /// removed_with_account.
    pub state: String,
    pub text: String,
}

#[derive(Serialize, ToSchema)]
pub struct ReactionData {
    pub comment_id: Uuid,
    /// `agreed` or `reported`.
    pub what: String,
    /// A report's reason code.
    pub reason: Option<String>,
    #[schema(format = DateTime)]
    pub at: String,
}

#[derive(Serialize, ToSchema)]
pub struct AppealData {
    /// The comment whose decisions were appealed.
    pub comment_id: Uuid,
    /// What the person wrote.
    pub text: String,
    #[schema(format = DateTime)]
    pub sent_at: String,
    /// `upheld` or `overturned`; none while it waits.
    pub outcome: Option<String>,
    #[schema(format = DateTime)]
    pub decided_at: Option<String>,
    /// What the moderator who decided it wrote to the person.
    pub note: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SanctionData {
    /// `warning` or `suspension`.
    pub kind: String,
    /// The comment it was given for.
    pub comment_id: Option<Uuid>,
    #[schema(format = DateTime)]
    pub given_at: String,
    /// When a suspension ends; none for a warning.
    #[schema(format = DateTime)]
    pub until: Option<String>,
    /// When an appeal overturned the decision and withdrew it.
    #[schema(format = DateTime)]
    pub lifted_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ResponseData {
    pub consultation_id: Uuid,
    pub consultation: String,
    pub reference: String,
    #[schema(format = DateTime)]
    pub started_at: String,
    #[schema(format = DateTime)]
    pub submitted_at: Option<String>,
    pub removed: bool,
    #[schema(value_type = Object)]
    pub answers: std::collections::BTreeMap<String, Vec<String>>,
}

#[derive(Serialize, ToSchema)]
pub struct AccountData {
    pub id: Uuid,
    pub email: Option<String>,
    pub display_name: Option<String>,
    pub language: Option<String>,
    #[schema(format = DateTime)]
    pub email_verified_at: Option<String>,
    #[schema(format = DateTime)]
    pub suspended_at: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct SessionData {
    #[schema(format = DateTime)]
    pub started_at: String,
    #[schema(format = DateTime)]
    pub last_seen_at: String,
    pub device: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct OrganisationData {
    pub id: Uuid,
    pub name: String,
    /// charity, community_group, company, local_authority or other.
    pub kind: String,
    pub registration_number: Option<String>,
    pub org_identifier: Option<String>,
    pub address: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub owner: bool,
}

#[derive(Serialize, ToSchema)]
pub struct EmailData {
    pub to: String,
    pub subject: String,
    /// Empty once sent: the text then lives only in the mailbox.
    pub body: String,
    #[schema(format = DateTime)]
    pub created_at: String,
    pub sent: bool,
    /// Delivery failed for good: it will not be sent.
    pub given_up: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ActivityData {
    #[schema(format = DateTime)]
    pub at: String,
    pub action: String,
    pub by_you: bool,
    pub detail: String,
    /// The client address the action came from.
    pub from: Option<String>,
    /// The consultation the person's answers were sent to, or a copy of
    /// them asked for; none for other actions.
    pub consultation_id: Option<Uuid>,
}

impl From<YourData> for YourDataView {
    // Every field is named (no `..`), so a field added to the export
    // fails to compile here until the API carries it too.
    fn from(d: YourData) -> Self {
        let YourData {
            generated_at,
            account,
            roles,
            sessions,
            organisations,
            emails,
            activity,
            responses,
            comments,
            reactions,
            sanctions,
            appeals,
            statements,
            votes,
            notifications,
            notification_choices,
            following,
            community_subscriptions,
        } = d;
        Self {
            generated_at,
            account: account.into(),
            roles: roles.iter().map(|r| r.key().to_owned()).collect(),
            sessions: sessions.into_iter().map(Into::into).collect(),
            organisations: organisations.into_iter().map(Into::into).collect(),
            emails: emails.into_iter().map(Into::into).collect(),
            activity: activity.into_iter().map(Into::into).collect(),
            responses: responses.into_iter().map(Into::into).collect(),
            comments: comments
                .into_iter()
                .map(|c| CommentData {
                    discussion_id: c.discussion_id,
                    discussion: c.discussion,
                    comment_id: c.comment_id,
                    posted_at: c.posted_at,
                    state: c.state,
                    text: c.text,
                })
                .collect(),
            reactions: reactions
                .into_iter()
                .map(|r| ReactionData {
                    comment_id: r.comment_id,
                    what: r.what,
                    reason: r.reason,
                    at: r.at,
                })
                .collect(),
            sanctions: sanctions
                .into_iter()
                .map(|s| SanctionData {
                    kind: s.kind,
                    comment_id: s.comment_id,
                    given_at: s.given_at,
                    until: s.until,
                    lifted_at: s.lifted_at,
                })
                .collect(),
            appeals: appeals
                .into_iter()
                .map(|a| AppealData {
                    comment_id: a.comment_id,
                    text: a.text,
                    sent_at: a.sent_at,
                    outcome: a.outcome,
                    decided_at: a.decided_at,
                    note: a.note,
                })
                .collect(),
            statements: statements
                .into_iter()
                .map(|s| StatementData {
                    discussion_id: s.discussion_id,
                    discussion: s.discussion,
                    statement_id: s.statement_id,
                    submitted_at: s.submitted_at,
                    state: s.state,
                    text: s.text,
                })
                .collect(),
            votes: votes
                .into_iter()
                .map(|v| VoteData {
                    discussion_id: v.discussion_id,
                    statement: v.statement,
                    vote: v.vote,
                    at: v.at,
                })
                .collect(),
            notifications: notifications
                .into_iter()
                .map(|n| NotificationData {
                    kind: n.kind,
                    discussion_id: n.discussion_id,
                    comment_id: n.comment_id,
                    detail: n.detail,
                    at: n.at,
                    read_at: n.read_at,
                })
                .collect(),
            notification_choices: notification_choices
                .into_iter()
                .map(|c| NotificationChoiceData {
                    kind: c.kind,
                    in_site: c.in_site,
                    by_email: c.by_email,
                })
                .collect(),
            following,
            community_subscriptions: community_subscriptions
                .into_iter()
                .map(|c| CommunitySubscriptionData {
                    email: c.email,
                    language: c.language,
                    all_areas: c.all_areas,
                    areas: c.areas,
                    topics: c.topics,
                    confirmed_at: c.confirmed_at,
                })
                .collect(),
        }
    }
}

impl From<your_data::AccountData> for AccountData {
    fn from(a: your_data::AccountData) -> Self {
        let your_data::AccountData {
            id,
            email,
            display_name,
            language,
            email_verified_at,
            suspended_at,
            created_at,
        } = a;
        AccountData {
            id,
            email,
            display_name,
            language,
            email_verified_at,
            suspended_at,
            created_at,
        }
    }
}

impl From<your_data::SessionData> for SessionData {
    fn from(s: your_data::SessionData) -> Self {
        let your_data::SessionData {
            started_at,
            last_seen_at,
            device,
        } = s;
        SessionData {
            started_at,
            last_seen_at,
            device,
        }
    }
}

impl From<your_data::OrganisationData> for OrganisationData {
    fn from(o: your_data::OrganisationData) -> Self {
        OrganisationData {
            id: o.id,
            name: o.name,
            kind: o.kind,
            registration_number: o.registration_number,
            org_identifier: o.org_identifier,
            address: o.address,
            contact_name: o.contact_name,
            contact_email: o.contact_email,
            contact_phone: o.contact_phone,
            owner: o.owner,
        }
    }
}

impl From<your_data::EmailData> for EmailData {
    fn from(m: your_data::EmailData) -> Self {
        let your_data::EmailData {
            to,
            subject,
            body,
            created_at,
            sent,
            given_up,
        } = m;
        EmailData {
            to,
            subject,
            body,
            created_at,
            sent,
            given_up,
        }
    }
}

impl From<your_data::ActivityData> for ActivityData {
    fn from(a: your_data::ActivityData) -> Self {
        let your_data::ActivityData {
            at,
            action,
            by_you,
            detail,
            from,
            consultation_id,
        } = a;
        ActivityData {
            at,
            action,
            by_you,
            detail,
            from,
            consultation_id,
        }
    }
}

impl From<your_data::ResponseData> for ResponseData {
    fn from(r: your_data::ResponseData) -> Self {
        ResponseData {
            consultation_id: r.consultation_id,
            consultation: r.consultation,
            reference: r.reference,
            started_at: r.started_at,
            submitted_at: r.submitted_at,
            removed: r.removed,
            answers: r.answers,
        }
    }
}

/// Download your data.
///
/// Everything the platform holds about the person. The download itself
/// is recorded in the audit log.
#[utoipa::path(get, path = "/api/v1/me/data", operation_id = "get_my_data", tag = "me", security(("session" = [])),
    responses(
        (status = 200, description = "The person's data", body = YourDataView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json")))]
pub async fn data(
    State(state): State<SharedState>,
    Me(me): Me,
    client: ClientKey,
) -> Result<Json<YourDataView>, AppError> {
    let d = your_data::export(
        &state.db,
        &me,
        Some(&client.0),
        your_data::Access::Downloaded,
    )
    .await?;
    Ok(Json(d.into()))
}
