//! Signing up and confirming the email address. Thin handlers: the
//! rules live in `services::accounts`.

use axum::extract::Query;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use cohesion_services::accounts::{self, AccountError, SignUp};
use cohesion_services::audit::Origin;
use cohesion_services::ServiceError;
use cohesion_ui::accounts::SignUpPage;
use cohesion_ui::{Field, FieldError};
use serde::Deserialize;

use crate::kit::{
    anon_csrf, check_csrf, no_referrer, notice, respond, respond_throttled, submit_form, too_many,
    AppError, CatalogLetters, ClientKey, CurrentUser, PageCtx, StrictForm,
};

fn sign_up_fields(ctx: &PageCtx, email: &str, name: &str, errors: &[FieldError]) -> Vec<Field> {
    let l = ctx.locale();
    vec![
        Field::new("email", "email", "email", l.t("field-email").into_owned())
            .hint(l.t("field-email-hint").into_owned())
            .value(email)
            .errors_from(errors),
        Field::new(
            "display_name",
            "text",
            "nickname",
            l.t("field-display-name").into_owned(),
        )
        .hint(l.t("field-display-name-hint").into_owned())
        .value(name)
        .errors_from(errors),
        Field::new(
            "password",
            "password",
            "new-password",
            l.t("field-password").into_owned(),
        )
        .hint(l.t("field-password-hint").into_owned())
        .errors_from(errors),
    ]
}

pub async fn sign_up_form(
    ctx: PageCtx,
    user: CurrentUser,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if user.0.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    let (csrf, set) = anon_csrf(&ctx, &headers).await?;
    let page = SignUpPage {
        ui: ctx.chrome_for("/sign-up", "sign-up-title").await?,
        csrf,
        fields: sign_up_fields(&ctx, "", "", &[]),
        errors: vec![],
    };
    respond(StatusCode::OK, page, set)
}

#[derive(Deserialize)]
pub struct SignUpForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    password: String,
}

pub async fn sign_up(
    ctx: PageCtx,
    user: CurrentUser,
    client: ClientKey,
    headers: HeaderMap,
    StrictForm(form): StrictForm<SignUpForm>,
) -> Result<Response, AppError> {
    check_csrf(&ctx.state, &headers, &user, &form.csrf).await?;
    let state = &ctx.state;
    let input = SignUp {
        email: &form.email,
        display_name: &form.display_name,
        password: &form.password,
        locale: ctx.locale().tag(),
    };
    let letters = CatalogLetters::for_site(state).await;
    let origin = Origin {
        actor: None,
        client: Some(&client.0),
    };
    let outcome = accounts::sign_up(
        &state.db,
        &state.passwords,
        &letters,
        &state.config.public_url,
        input,
        origin,
    )
    .await;
    if let Err(ServiceError::RateLimited { retry_after }) = outcome {
        // Kept: what they typed, but the password; said: when to retry.
        let errors = vec![too_many(&ctx, "email", "sign-up-too-many", retry_after)];
        let page = SignUpPage {
            ui: ctx.chrome_for("/sign-up", "sign-up-title").await?,
            csrf: form.csrf.clone(),
            fields: sign_up_fields(&ctx, &form.email, &form.display_name, &errors),
            errors,
        };
        return respond_throttled(page, retry_after);
    }
    submit_form(
        &ctx,
        outcome,
        |()| {
            log_outbox_hint(&form.email);
            "/sign-up/check-email".to_owned()
        },
        async |errors| {
            Ok(SignUpPage {
                ui: ctx.chrome_for("/sign-up", "sign-up-title").await?,
                csrf: form.csrf.clone(),
                fields: sign_up_fields(&ctx, &form.email, &form.display_name, &errors),
                errors,
            })
        },
    )
    .await
}

/// Without a mail server, the message waits in the outbox; say so in the
/// log (without the link) so that a demo operator knows where to look.
fn log_outbox_hint(email: &str) {
    tracing::info!(
        to_domain = email.rsplit('@').next().unwrap_or(""),
        "account email queued in the outbox"
    );
}

pub async fn check_email(ctx: PageCtx) -> Result<Response, AppError> {
    let path = "/sign-up/check-email";
    let page = notice(&ctx, path, "check-email-title", "check-email-text", None).await?;
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize)]
pub struct VerifyQuery {
    #[serde(default)]
    token: String,
}

pub async fn verify_email(
    ctx: PageCtx,
    client: ClientKey,
    Query(q): Query<VerifyQuery>,
) -> Result<Response, AppError> {
    let origin = Origin {
        actor: None,
        client: Some(&client.0),
    };
    let (status, title, text) = match accounts::verify_email(&ctx.state.db, &q.token, origin).await
    {
        Ok(_) => (StatusCode::OK, "verified-title", "verified-text"),
        Err(ServiceError::Account(AccountError::InvalidToken)) => (
            StatusCode::BAD_REQUEST,
            "verify-failed-title",
            "verify-failed-text",
        ),
        Err(e) => return Err(e.into()),
    };
    let link = Some(("/sign-in", "nav-sign-in"));
    let page = notice(&ctx, "/sign-in", title, text, link).await?;
    Ok(no_referrer(respond(status, page, None)?))
}
