//! Granting and withdrawing a person's roles, suspending and reinstating
//! them. Each change but reinstating asks first (ADR 22): the question
//! says what the role lets them do (an administrator above all) or what
//! suspending ends. A change that no longer makes sense (a role held
//! already, an account suspended already) is refused with a 409.

use axum::extract::{Path, Query};
use axum::response::Response;
use cohesion_domain::identity::Role;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::people::{self, Person};
use cohesion_services::accounts::SignedIn;
use cohesion_ui::Value;
use serde::Deserialize;
use uuid::Uuid;

use super::people::role_label;
use crate::kit::confirm::{act_or_ask, ask, stale, Ask};
use crate::kit::{check_session_csrf, path_id, AppError, ClientKey, Me, PageCtx, StrictForm};

/// Which role to grant or withdraw: the query of the asking page, and
/// the form that confirms.
#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    grant: String,
    #[serde(default)]
    confirm: String,
}

fn boolean(raw: &str, field: &'static str) -> Result<bool, AppError> {
    match raw {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(ValidationError::new(field, ErrorCode::InvalidChoice).into()),
    }
}

fn chosen_role(form: &RoleForm) -> Result<(Role, bool), AppError> {
    let role = Role::from_key(&form.role)
        .filter(|r| *r != Role::Resident)
        .ok_or(AppError::from(ValidationError::new(
            "role",
            ErrorCode::InvalidChoice,
        )))?;
    Ok((role, boolean(&form.grant, "grant")?))
}

/// The person, if `me` may change them at all (someone else, still
/// there).
async fn other_person(ctx: &PageCtx, me: &SignedIn, id: Uuid) -> Result<Person, AppError> {
    let p = people::get(&ctx.state.db, me, id).await?;
    if me.user_id == id {
        return Err(ValidationError::new("person", ErrorCode::CannotTargetSelf).into());
    }
    Ok(p)
}

/// "Make Tom Fletcher an administrator?": what the role lets them do.
async fn role_question(
    ctx: &PageCtx,
    me: &SignedIn,
    id: Uuid,
    role: Role,
    grant: bool,
) -> Result<Ask, AppError> {
    let p = other_person(ctx, me, id).await?;
    match (grant, p.roles.contains(&role)) {
        (true, true) => return Err(stale("role", ErrorCode::RoleAlreadyHeld)),
        (false, false) => return Err(stale("role", ErrorCode::RoleNotHeld)),
        _ => {}
    }
    let name = p.display_name.clone().unwrap_or_default();
    let label = role_label(ctx, role);
    // English puts an article before the role ("an analyst"); Arabic
    // words it without one, so each language picks the value it needs.
    let as_role = ctx.t(&format!("role-as-{}", role.key()));
    let role_name = ctx.t(&format!("role-name-{}", role.key()));
    let args = [
        ("name", Value::Text(&name)),
        ("role", Value::Text(&label)),
        ("as_role", Value::Text(&as_role)),
        ("role_name", Value::Text(&role_name)),
    ];
    let (title, lead, button) = if grant {
        (
            "confirm-role-grant-title",
            "confirm-role-grant-lead",
            "confirm-role-grant-button",
        )
    } else {
        (
            "confirm-role-remove-title",
            "confirm-role-remove-lead",
            "confirm-role-remove-button",
        )
    };
    // What other roles still allow is said after the list, so that the
    // list reads as what is taken away, right after its lead-in.
    let after = if grant {
        Vec::new()
    } else {
        vec![ctx.t("confirm-role-remove-others").into()]
    };
    let warning =
        (grant && role == Role::Administrator).then(|| ctx.t("confirm-role-administrator"));
    Ok(Ask {
        after,
        title: ctx.phrase(title, &args),
        lead: vec![ctx.phrase(lead, &args)],
        points: role
            .grants()
            .map(|a| ctx.t(&format!("action-{}", a.key())).into())
            .collect(),
        warning,
        hidden: vec![
            ("role", role.key().to_owned()),
            ("grant", grant.to_string()),
        ],
        button: ctx.locale().t_plain(
            button,
            &[
                ("role", label.as_str().into()),
                ("as_role", as_role.as_str().into()),
                ("role_name", role_name.as_str().into()),
            ],
        ),
        danger: !grant,
        cancel: format!("/admin/people/{id}"),
    })
}

pub async fn ask_role(
    ctx: PageCtx,
    Me(me): Me,
    Path(id): Path<String>,
    Query(form): Query<RoleForm>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let (role, grant) = chosen_role(&form)?;
    let question = role_question(&ctx, &me, id, role, grant).await?;
    ask(
        &ctx,
        &me.csrf,
        &format!("/admin/people/{id}/roles"),
        question,
    )
    .await
}

pub async fn set_role(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<RoleForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = path_id(&id)?;
    let (role, grant) = chosen_role(&form)?;
    let action = format!("/admin/people/{id}/roles");
    act_or_ask(
        &ctx,
        &me.csrf,
        &action,
        &form.confirm,
        async || role_question(&ctx, &me, id, role, grant).await,
        async || {
            let changed =
                people::set_role(&ctx.state.db, &me, id, role, grant, Some(&client.0)).await?;
            // Nothing changed: a replayed or raced confirmation.
            match (changed, grant) {
                (true, grant) => Ok(format!(
                    "/admin/people/{id}?done={}&role={}",
                    if grant {
                        "role-granted"
                    } else {
                        "role-withdrawn"
                    },
                    role.key()
                )),
                (false, true) => Err(stale("role", ErrorCode::RoleAlreadyHeld)),
                (false, false) => Err(stale("role", ErrorCode::RoleNotHeld)),
            }
        },
    )
    .await
}

#[derive(Deserialize)]
pub struct SuspensionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    suspend: String,
    #[serde(default)]
    confirm: String,
}

/// "Suspend Tom Fletcher's account?": what suspending ends.
async fn suspension_question(ctx: &PageCtx, me: &SignedIn, id: Uuid) -> Result<Ask, AppError> {
    let p = other_person(ctx, me, id).await?;
    if p.suspended {
        return Err(stale("suspend", ErrorCode::AlreadySuspended));
    }
    let name = p.display_name.clone().unwrap_or_default();
    let args = [("name", Value::Text(&name))];
    Ok(Ask {
        after: Vec::new(),
        title: ctx.phrase("confirm-suspend-title", &args),
        lead: vec![ctx.t("confirm-suspend-lead").into()],
        points: [
            "confirm-suspend-sessions",
            "confirm-suspend-links",
            "confirm-suspend-roles",
        ]
        .iter()
        .map(|id| ctx.t(id).into())
        .collect(),
        warning: Some(ctx.t("confirm-suspend-reinstate")),
        hidden: vec![("suspend", "true".to_owned())],
        button: ctx.t("confirm-suspend-button"),
        danger: true,
        cancel: format!("/admin/people/{id}"),
    })
}

pub async fn ask_suspension(
    ctx: PageCtx,
    Me(me): Me,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let question = suspension_question(&ctx, &me, id).await?;
    ask(
        &ctx,
        &me.csrf,
        &format!("/admin/people/{id}/suspension"),
        question,
    )
    .await
}

pub async fn set_suspension(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<SuspensionForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = path_id(&id)?;
    let suspend = boolean(&form.suspend, "suspend")?;
    let act = async || {
        let db = &ctx.state.db;
        let changed = people::set_suspended(db, &me, id, suspend, Some(&client.0)).await?;
        match (changed, suspend) {
            (true, _) => Ok(format!("/admin/people/{id}?done=suspension")),
            (false, true) => Err(stale("suspend", ErrorCode::AlreadySuspended)),
            (false, false) => Err(stale("suspend", ErrorCode::NotSuspended)),
        }
    };
    if !suspend {
        // Reinstating gives back only what they had: no question.
        return Ok(crate::kit::see_other(&act().await?));
    }
    let action = format!("/admin/people/{id}/suspension");
    let question = async || suspension_question(&ctx, &me, id).await;
    act_or_ask(&ctx, &me.csrf, &action, &form.confirm, question, act).await
}
