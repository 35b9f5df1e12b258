//! Community organisations: registering one, seeing it, inviting members
//! by email and joining by invitation.

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use cohesion_domain::organisation::OrganisationInput;
use cohesion_services::accounts::organisations::{self, OrganisationView};
use cohesion_services::throttle::{throttle, Throttled};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::kit::{
    Acting, ApiJson, AppError, CatalogLetters, ClientKey, Me, PathId, Problem, SharedState,
};

/// One of the person's organisations.
#[derive(Serialize, ToSchema)]
pub struct MyOrganisation {
    pub id: Uuid,
    pub name: String,
    /// `charity`, `community_group`, `company`, `local_authority` or `other`.
    #[schema(example = "charity")]
    pub kind: String,
    /// Whether the person registered it (owners invite members).
    pub owner: bool,
}

/// The person's organisations.
///
/// The organisations the signed-in person belongs to.
#[utoipa::path(get, path = "/api/v1/organisations", operation_id = "list_my_organisations", tag = "organisations", security(("session" = [])),
    responses(
        (status = 200, description = "The person's organisations", body = Vec<MyOrganisation>),
        (status = 401, description = "Not signed in (`sign_in_required`)", body = Problem, content_type = "application/problem+json")))]
pub async fn mine(
    State(state): State<SharedState>,
    Me(me): Me,
) -> Result<Json<Vec<MyOrganisation>>, AppError> {
    let list = organisations::mine(&state.db, &me).await?;
    Ok(Json(
        list.into_iter()
            .map(|(o, owner)| MyOrganisation {
                id: o.id,
                name: o.name,
                kind: o.kind.key().to_owned(),
                owner,
            })
            .collect(),
    ))
}

/// An organisation to register.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganisationRequest {
    #[serde(default)]
    #[schema(required = true, example = "Riverside Youth Forum")]
    pub name: String,
    /// `charity`, `community_group`, `company`, `local_authority` or `other`.
    #[serde(default)]
    #[schema(required = true, example = "charity")]
    pub kind: String,
    /// The number in the register its kind implies, if any.
    #[serde(default)]
    pub registration_number: String,
    /// An org-id.guide identifier, e.g. `GB-CHC-1234567`.
    #[serde(default)]
    pub org_identifier: String,
    #[serde(default)]
    #[schema(required = true)]
    pub address: String,
    #[serde(default)]
    #[schema(required = true)]
    pub contact_name: String,
    #[serde(default)]
    #[schema(required = true, format = Email)]
    pub contact_email: String,
    #[serde(default)]
    pub contact_phone: String,
}

impl From<OrganisationRequest> for OrganisationInput {
    fn from(r: OrganisationRequest) -> Self {
        // Every field named: a field added to the input fails to compile
        // here until the API carries it too.
        OrganisationInput {
            name: r.name,
            kind: r.kind,
            registration_number: r.registration_number,
            org_identifier: r.org_identifier,
            address: r.address,
            contact_name: r.contact_name,
            contact_email: r.contact_email,
            contact_phone: r.contact_phone,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct OrganisationId {
    pub id: Uuid,
}

/// Register an organisation.
///
/// The signed-in person becomes its owner and first member.
#[utoipa::path(post, path = "/api/v1/organisations", operation_id = "register_organisation", tag = "organisations", request_body = OrganisationRequest,
    security(("session" = [], "csrf" = [])),
    responses(
        (status = 201, description = "Registered", body = OrganisationId,
            headers(("location" = String, description = "The organisation's address in the API"))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`X-CSRF-Token` missing or wrong, or the account is suspended", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Every invalid field in `errors` (`field_required`, `invalid_choice`, `invalid_org_identifier`, `invalid_phone`, `already_registered`, …)", body = Problem, content_type = "application/problem+json")))]
pub async fn register(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    ApiJson(req): ApiJson<OrganisationRequest>,
) -> Result<Response, AppError> {
    let input = OrganisationInput::from(req);
    let id = organisations::register(&state.db, &me, &input, Some(&client.0)).await?;
    let mut res = (StatusCode::CREATED, Json(OrganisationId { id })).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("/api/v1/organisations/{id}")) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    Ok(res)
}

#[derive(Serialize, ToSchema)]
pub struct MemberView {
    /// Absent once the member has deleted their account.
    pub display_name: Option<String>,
    pub owner: bool,
    #[schema(format = DateTime)]
    pub joined_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct InvitationView {
    pub id: Uuid,
    #[schema(format = Email)]
    pub email: String,
    #[schema(format = DateTime)]
    pub created_at: String,
    #[schema(format = DateTime)]
    pub expires_at: String,
    pub accepted: bool,
}

#[derive(Serialize, ToSchema)]
pub struct OrganisationDetail {
    pub id: Uuid,
    pub name: String,
    #[schema(example = "charity")]
    pub kind: String,
    pub registration_number: Option<String>,
    pub org_identifier: Option<String>,
    pub address: String,
    pub contact_name: String,
    #[schema(format = Email)]
    pub contact_email: String,
    pub contact_phone: Option<String>,
    #[schema(format = DateTime)]
    pub created_at: String,
    /// Whether the signed-in person owns it.
    pub is_owner: bool,
    pub members: Vec<MemberView>,
    /// The newest invitations; shown to owners only (empty for others).
    pub invitations: Vec<InvitationView>,
}

impl From<OrganisationView> for OrganisationDetail {
    fn from(v: OrganisationView) -> Self {
        let o = v.organisation;
        Self {
            id: o.id,
            name: o.name,
            kind: o.kind.key().to_owned(),
            registration_number: o.registration_number,
            org_identifier: o.org_identifier,
            address: o.address,
            contact_name: o.contact_name,
            contact_email: o.contact_email,
            contact_phone: o.contact_phone,
            created_at: o.created_at.to_rfc3339(),
            is_owner: v.is_owner,
            members: v
                .members
                .into_iter()
                .map(|m| MemberView {
                    display_name: m.display_name,
                    owner: m.is_owner,
                    joined_at: m.joined_at.to_rfc3339(),
                })
                .collect(),
            invitations: v
                .invitations
                .into_iter()
                .map(|i| InvitationView {
                    id: i.id,
                    email: i.email,
                    created_at: i.created_at.to_rfc3339(),
                    expires_at: i.expires_at.to_rfc3339(),
                    accepted: i.accepted_at.is_some(),
                })
                .collect(),
        }
    }
}

/// One organisation.
///
/// For its members and administrators; to anyone else it does not exist.
#[utoipa::path(get, path = "/api/v1/organisations/{id}", operation_id = "get_organisation", tag = "organisations",
    params(("id" = Uuid, Path, description = "The organisation's id")),
    security(("session" = [])),
    responses(
        (status = 200, description = "The organisation", body = OrganisationDetail),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation, or not one of the person's (`not_found`)", body = Problem, content_type = "application/problem+json")))]
pub async fn show(
    State(state): State<SharedState>,
    Me(me): Me,
    PathId(id): PathId,
) -> Result<Json<OrganisationDetail>, AppError> {
    Ok(Json(organisations::view(&state.db, &me, id).await?.into()))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InvitationRequest {
    #[serde(default)]
    #[schema(required = true, format = Email, example = "tom@example.org")]
    pub email: String,
}

/// Invite someone to join.
///
/// Emails an invitation, valid for seven days. Owners only.
#[utoipa::path(post, path = "/api/v1/organisations/{id}/invitations", operation_id = "invite_to_organisation", tag = "organisations",
    request_body = InvitationRequest,
    params(("id" = Uuid, Path, description = "The organisation's id")),
    security(("session" = [], "csrf" = [])),
    responses(
        (status = 202, description = "The invitation is on its way"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "A member but not the owner (`forbidden`), or `X-CSRF-Token` missing or wrong", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation of the person's", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not an email address (`invalid_email`)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many emails for this account", body = Problem, content_type = "application/problem+json")))]
pub async fn invite(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    PathId(id): PathId,
    ApiJson(req): ApiJson<InvitationRequest>,
) -> Result<StatusCode, AppError> {
    throttle(&state.db, Throttled::MailSending, &me.user_id.to_string()).await?;
    organisations::invite(
        &state.db,
        &CatalogLetters::for_site(&state).await,
        &state.config.public_url,
        &me,
        id,
        &req.email,
        Some(&client.0),
    )
    .await?;
    Ok(StatusCode::ACCEPTED)
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JoinRequest {
    /// The `token` of the emailed invitation link.
    #[serde(default)]
    #[schema(required = true)]
    pub token: String,
}

/// Join with an invitation.
///
/// The invitation must be addressed to the person's own, confirmed email
/// address.
#[utoipa::path(post, path = "/api/v1/organisations/join", operation_id = "join_organisation", tag = "organisations", request_body = JoinRequest,
    security(("session" = [], "csrf" = [])),
    responses(
        (status = 200, description = "Joined", body = OrganisationId),
        (status = 400, description = "The invitation is unknown, used, expired or for another address, or the address is not confirmed (`invalid_token`)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "`X-CSRF-Token` missing or wrong", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Already a member (`already_member`)", body = Problem, content_type = "application/problem+json")))]
pub async fn join(
    State(state): State<SharedState>,
    Acting(me): Acting,
    client: ClientKey,
    ApiJson(req): ApiJson<JoinRequest>,
) -> Result<Json<OrganisationId>, AppError> {
    let id = organisations::accept(&state.db, &me, &req.token, Some(&client.0)).await?;
    Ok(Json(OrganisationId { id }))
}

// Read with `ApiJson`: checked against their schemas first.
crate::kit::api::api_bodies!(OrganisationRequest, InvitationRequest, JoinRequest);
