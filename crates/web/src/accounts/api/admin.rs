//! Administrators' work on accounts: finding people, granting and
//! withdrawing roles, suspending and reinstating, and reading the audit
//! log. The services refuse everyone else (403 `forbidden`).

use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::Json;
use cohesion_domain::identity::Role;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::people::AuditQuery;
use cohesion_services::accounts::people::UserQuery;
use cohesion_services::accounts::people::{self, Person};
use cohesion_services::accounts::SignedIn;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use super::query_id;
use crate::accounts::admin::audit::AUDIT_PAGE;
use crate::kit::{
    path_param, Acting, ApiJson, AppError, ClientKey, Me, PathId, Problem, SharedState,
};

/// The most people one page of the list can hold.
const MAX_PEOPLE_PAGE: i64 = 100;

/// A person, as administrators see them.
#[derive(Serialize, ToSchema)]
pub struct PersonView {
    pub id: Uuid,
    #[schema(format = Email)]
    pub email: Option<String>,
    pub display_name: Option<String>,
    /// Whether the email address is confirmed.
    pub verified: bool,
    pub suspended: bool,
    #[schema(format = DateTime)]
    pub created_at: String,
    /// Role keys (see `AccountView.roles`); `resident` is implied.
    #[schema(example = json!(["moderator"]))]
    pub roles: Vec<String>,
}

impl From<Person> for PersonView {
    fn from(p: Person) -> Self {
        Self {
            id: p.id,
            email: p.email,
            display_name: p.display_name,
            verified: p.verified,
            suspended: p.suspended,
            created_at: p.created_at.to_rfc3339(),
            roles: p.roles.iter().map(|r| r.key().to_owned()).collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct PeoplePage {
    pub people: Vec<PersonView>,
    /// Pass as `after` for the next page; absent on the last page.
    pub next_after: Option<Uuid>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeopleQuery {
    /// Part of an email address or display name.
    q: Option<String>,
    /// Only people holding this role (a role key).
    #[param(example = "moderator")]
    role: Option<String>,
    /// The `next_after` of the previous page.
    #[param(value_type = Option<Uuid>)]
    after: Option<String>,
    /// People per page (25 when left out).
    #[param(value_type = Option<i64>, minimum = 1, maximum = 100)]
    limit: Option<String>,
}

fn role_key(raw: &str) -> Result<Role, AppError> {
    Role::from_key(raw.trim())
        .ok_or_else(|| ValidationError::new("role", ErrorCode::InvalidChoice).into())
}

/// The `{role}` in the path: a role key, else 422 `invalid_choice`.
pub(crate) struct PathRole(Role);

impl<S: Send + Sync> FromRequestParts<S> for PathRole {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        let raw = path_param(parts, "role").await.unwrap_or_default();
        role_key(&raw).map(PathRole)
    }
}

/// Find people.
///
/// Oldest account first, a page at a time. Administrators only.
#[utoipa::path(get, path = "/api/v1/people", operation_id = "list_people", tag = "people", params(PeopleQuery),
    security(("session" = [])),
    responses(
        (status = 200, description = "A page of people", body = PeoplePage),
        (status = 401, description = "Not signed in (`sign_in_required`)", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator (`forbidden`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown `role` (`invalid_choice`), or `after` / `limit` malformed (`bad_request`)", body = Problem, content_type = "application/problem+json")))]
pub async fn people(
    State(state): State<SharedState>,
    Me(me): Me,
    Query(q): Query<PeopleQuery>,
) -> Result<Json<PeoplePage>, AppError> {
    let role = match q.role.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(k) => Some(role_key(k)?),
    };
    let limit = match q.limit.as_deref().map(str::trim) {
        None | Some("") => people::PAGE_SIZE,
        Some(n) => n
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=MAX_PEOPLE_PAGE).contains(n))
            .ok_or(ValidationError::new("limit", ErrorCode::BadRequest))?,
    };
    let query = UserQuery {
        text: q.q.as_deref().unwrap_or_default(),
        role,
        after: query_id(q.after.as_deref(), "after")?,
        limit,
    };
    let found = people::find(&state.db, &me, query).await?;
    let next_after = (found.len() as i64 == limit)
        .then(|| found.last().map(|p| p.id))
        .flatten();
    Ok(Json(PeoplePage {
        people: found.into_iter().map(PersonView::from).collect(),
        next_after,
    }))
}

/// One person.
///
/// Administrators only.
#[utoipa::path(get, path = "/api/v1/people/{id}", operation_id = "get_person", tag = "people",
    params(("id" = Uuid, Path, description = "The person's id")),
    security(("session" = [])),
    responses(
        (status = 200, description = "The person", body = PersonView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person (`not_found`)", body = Problem, content_type = "application/problem+json")))]
pub async fn person(
    State(state): State<SharedState>,
    Me(me): Me,
    PathId(id): PathId,
) -> Result<Json<PersonView>, AppError> {
    Ok(Json(people::get(&state.db, &me, id).await?.into()))
}

async fn set_role(
    state: &SharedState,
    me: &SignedIn,
    client: &ClientKey,
    id: Uuid,
    role: Role,
    grant: bool,
) -> Result<Json<PersonView>, AppError> {
    people::set_role(&state.db, me, id, role, grant, Some(&client.0)).await?;
    Ok(Json(people::get(&state.db, me, id).await?.into()))
}

/// Grant a role.
///
/// Nothing changes if the person holds it already. Administrators only,
/// and never on themselves.
#[utoipa::path(put, path = "/api/v1/people/{id}/roles/{role}", operation_id = "grant_role", tag = "people",
    params(("id" = Uuid, Path, description = "The person's id"),
           ("role" = String, Path, description = "A role key other than `resident`", example = "moderator")),
    security(("session" = [], "csrf" = [])),
    responses(
        (status = 200, description = "The person, with the role", body = PersonView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator (`forbidden`), or `X-CSRF-Token` missing or wrong (`csrf_token_invalid`)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a role that can be granted (`invalid_choice`), or one's own account (`cannot_target_self`)", body = Problem, content_type = "application/problem+json")))]
pub async fn grant_role(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    PathRole(role): PathRole,
) -> Result<Json<PersonView>, AppError> {
    set_role(&state, &me, &client, id, role, true).await
}

/// Withdraw a role.
///
/// Administrators only, and never their own roles.
#[utoipa::path(delete, path = "/api/v1/people/{id}/roles/{role}", operation_id = "revoke_role", tag = "people",
    params(("id" = Uuid, Path, description = "The person's id"),
           ("role" = String, Path, description = "A role key other than `resident`", example = "moderator")),
    security(("session" = [], "csrf" = [])),
    responses(
        (status = 200, description = "The person, without the role", body = PersonView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator, or `X-CSRF-Token` missing or wrong", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not a role that can be withdrawn (`invalid_choice`), or one's own account (`cannot_target_self`)", body = Problem, content_type = "application/problem+json")))]
pub async fn revoke_role(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    PathRole(role): PathRole,
) -> Result<Json<PersonView>, AppError> {
    set_role(&state, &me, &client, id, role, false).await
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Suspension {
    /// `true` suspends (every session ends at once); `false` reinstates.
    pub suspended: bool,
}

/// Suspend or reinstate an account.
///
/// Suspension ends every session of the account at once. Administrators
/// only, and not on themselves.
#[utoipa::path(post, path = "/api/v1/people/{id}/suspension", operation_id = "set_suspension", tag = "people", request_body = Suspension,
    params(("id" = Uuid, Path, description = "The person's id")),
    security(("session" = [], "csrf" = [])),
    responses(
        (status = 200, description = "The person after the change", body = PersonView),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not an administrator, or `X-CSRF-Token` missing or wrong", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "One's own account (`cannot_target_self`), or `suspended` missing", body = Problem, content_type = "application/problem+json")))]
pub async fn suspension(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    ApiJson(req): ApiJson<Suspension>,
) -> Result<Json<PersonView>, AppError> {
    people::set_suspended(&state.db, &me, id, req.suspended, Some(&client.0)).await?;
    Ok(Json(people::get(&state.db, &me, id).await?.into()))
}

#[derive(Serialize, ToSchema)]
pub struct AuditEntryView {
    pub id: Uuid,
    #[schema(format = DateTime)]
    pub at: String,
    #[schema(example = "role.grant")]
    pub action: String,
    /// Who did it (absent for the system).
    pub actor_id: Option<Uuid>,
    /// The account or organisation acted on.
    pub subject_id: Option<Uuid>,
    #[schema(example = "moderator")]
    pub detail: String,
    /// The client address the action came from.
    pub client: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AuditPage {
    /// Newest first.
    pub entries: Vec<AuditEntryView>,
    /// Pass as `before` for the next (older) page; absent on the last.
    pub next_before: Option<Uuid>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditFilter {
    /// An action, e.g. `role.grant`, `account.suspend`.
    #[param(example = "role.grant")]
    action: Option<String>,
    /// Only entries by this person.
    #[param(value_type = Option<Uuid>)]
    actor: Option<String>,
    /// Only entries about this account or organisation.
    #[param(value_type = Option<Uuid>)]
    subject: Option<String>,
    /// The `next_before` of the previous page.
    #[param(value_type = Option<Uuid>)]
    before: Option<String>,
}

/// Read the audit log.
///
/// Newest first, 50 entries a page. What respondents did (`response.*`:
/// answers sent, a copy asked for) is left out: it would show who
/// answered what; each person reads their own in their data.
#[utoipa::path(get, path = "/api/v1/audit", operation_id = "list_audit_entries", tag = "people", params(AuditFilter),
    security(("session" = [])),
    responses(
        (status = 200, description = "A page of entries", body = AuditPage),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed to read the audit log (`forbidden`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An id malformed (`bad_request`) or `action` too long (`field_too_long`)", body = Problem, content_type = "application/problem+json")))]
pub async fn audit(
    State(state): State<SharedState>,
    Me(me): Me,
    Query(q): Query<AuditFilter>,
) -> Result<Json<AuditPage>, AppError> {
    let action = q.action.as_deref().map(str::trim).filter(|a| !a.is_empty());
    let query = AuditQuery {
        action,
        actor: query_id(q.actor.as_deref(), "actor")?,
        subject: query_id(q.subject.as_deref(), "subject")?,
        before: query_id(q.before.as_deref(), "before")?,
        limit: AUDIT_PAGE,
    };
    let entries = people::read_audit(&state.db, &me, query).await?;
    let next_before = (entries.len() as i64 == AUDIT_PAGE)
        .then(|| entries.last().map(|e| e.id))
        .flatten();
    Ok(Json(AuditPage {
        entries: entries
            .into_iter()
            .map(|e| AuditEntryView {
                id: e.id,
                at: e.at.to_rfc3339(),
                action: e.action,
                actor_id: e.actor_id,
                subject_id: e.subject_id,
                detail: e.detail,
                client: e.client,
            })
            .collect(),
        next_before,
    }))
}

// Read with `ApiJson`: checked against their schemas first.
crate::kit::api::api_bodies!(Suspension);
