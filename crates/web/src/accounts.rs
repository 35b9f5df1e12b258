//! Account pages: sign up, confirm the email address, sign in, sign out.
//! Thin handlers: the rules live in `services::accounts`.

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use cohesion_domain::ValidationError;
use cohesion_services::accounts::{self, Origin, SignUp};
use cohesion_services::throttle::{throttle, Throttled};
use cohesion_services::ServiceError;
use cohesion_ui::accounts::{SignInPage, SignUpPage};
use cohesion_ui::{Field, FieldError, NoticePage, Template};
use serde::Deserialize;

use crate::context::KeepBody;
use crate::error::AppError;
use crate::form::StrictForm;
use crate::letters::CatalogLetters;
use crate::pages::{ClientKey, PageCtx};
use crate::session::{
    check_csrf, cookie, safe_next, set_cookie, CurrentUser, CSRF_COOKIE, SESSION_COOKIE,
};
use crate::state::SharedState;

/// Renders `page` with `status`; error statuses keep this body (the form
/// with its errors) instead of the generic error page.
/// For pages whose address holds an emailed token: no `Referer` carries it
/// to the next site.
pub(crate) fn no_referrer(mut res: Response) -> Response {
    res.headers_mut().insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    res
}

pub(crate) fn respond(
    status: StatusCode,
    page: impl Template,
    set: Option<HeaderValue>,
) -> Result<Response, AppError> {
    let html = page.render().map_err(|e| {
        tracing::error!(error = %e, "template failed");
        AppError::internal()
    })?;
    let mut res = (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        )],
        html,
    )
        .into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Some(cookie) = set {
        res.headers_mut().append(header::SET_COOKIE, cookie);
    }
    if status.is_client_error() {
        res.extensions_mut().insert(KeepBody);
    }
    Ok(res)
}

/// The CSRF token for a form: the session's when signed in (that is what
/// `check_csrf` will expect), else the visitor's anonymous cookie, or a
/// new one with the `Set-Cookie` that goes with it.
pub(crate) fn anon_csrf(
    ctx: &PageCtx,
    headers: &HeaderMap,
) -> Result<(String, Option<HeaderValue>), AppError> {
    if let Some(me) = &ctx.user.0 {
        return Ok((me.csrf.clone(), None));
    }
    if let Some(existing) = cookie(headers, CSRF_COOKIE) {
        return Ok((existing.to_owned(), None));
    }
    let token = accounts::tokens::new_token()?;
    let set = set_cookie(
        CSRF_COOKIE,
        &token,
        2 * 60 * 60,
        "Strict",
        ctx.state.config.tls,
    );
    Ok((token, Some(set)))
}

pub(crate) fn messages(ctx: &PageCtx, errors: &[ValidationError]) -> Vec<FieldError> {
    errors
        .iter()
        .map(|e| FieldError {
            field: e.field,
            message: ctx.locale().t(&format!("reason-{}", e.code)).into_owned(),
        })
        .collect()
}

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

fn sign_in_fields(ctx: &PageCtx, email: &str, errors: &[FieldError]) -> Vec<Field> {
    let l = ctx.locale();
    vec![
        Field::new("email", "email", "email", l.t("field-email").into_owned())
            .value(email)
            .errors_from(errors),
        Field::new(
            "password",
            "password",
            "current-password",
            l.t("field-password").into_owned(),
        )
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
    let (csrf, set) = anon_csrf(&ctx, &headers)?;
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
    check_csrf(&headers, &user, &form.csrf)?;
    throttle(&ctx.state.db, Throttled::SignUp, &client.0).await?;
    let state = &ctx.state;
    let input = SignUp {
        email: &form.email,
        display_name: &form.display_name,
        password: &form.password,
        locale: ctx.locale().tag(),
    };
    let letters = CatalogLetters(&state.catalog);
    let origin = Origin {
        actor: None,
        client: Some(&client.0),
    };
    match accounts::sign_up(
        &state.db,
        &state.passwords,
        &letters,
        &state.config.public_url,
        input,
        origin,
    )
    .await
    {
        Ok(()) => {
            log_outbox_hint(&form.email);
            Ok(Redirect::to("/sign-up/check-email").into_response())
        }
        Err(ServiceError::InvalidFields(errors)) => {
            let errors = messages(&ctx, &errors);
            let page = SignUpPage {
                ui: ctx.chrome_for("/sign-up", "sign-up-title").await?,
                csrf: form.csrf,
                fields: sign_up_fields(&ctx, &form.email, &form.display_name, &errors),
                errors,
            };
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
        Err(e) => Err(e.into()),
    }
}

/// Without a mail server, the message waits in the outbox; say so in the
/// log (without the link) so that a demo operator knows where to look.
fn log_outbox_hint(email: &str) {
    tracing::info!(
        to_domain = email.rsplit('@').next().unwrap_or(""),
        "account email queued in the outbox"
    );
}

/// A page that says one thing, all from message ids: its title, its text
/// and perhaps a link (a path and the id of the link's label).
pub(crate) async fn notice<'a>(
    ctx: &'a PageCtx,
    path: &str,
    title: &str,
    text: &str,
    link: Option<(&str, &str)>,
) -> Result<NoticePage<'a>, AppError> {
    let l = ctx.locale();
    Ok(NoticePage {
        ui: ctx.chrome_for(path, title).await?,
        text: l.t(text).into_owned(),
        link: link.map(|(href, label)| (href.to_owned(), l.t(label).into_owned())),
    })
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
        Err(ServiceError::InvalidToken) => (
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

#[derive(Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

pub async fn sign_in_form(
    ctx: PageCtx,
    user: CurrentUser,
    headers: HeaderMap,
    Query(q): Query<NextQuery>,
) -> Result<Response, AppError> {
    let next = safe_next(&q.next).unwrap_or_default().to_owned();
    if user.0.is_some() {
        return Ok(Redirect::to(if next.is_empty() { "/" } else { &next }).into_response());
    }
    let (csrf, set) = anon_csrf(&ctx, &headers)?;
    let page = SignInPage {
        ui: ctx.chrome_for("/sign-in", "sign-in-title").await?,
        csrf,
        next,
        fields: sign_in_fields(&ctx, "", &[]),
        errors: vec![],
    };
    respond(StatusCode::OK, page, set)
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    next: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

pub async fn sign_in(
    ctx: PageCtx,
    user: CurrentUser,
    client: ClientKey,
    headers: HeaderMap,
    StrictForm(form): StrictForm<SignInForm>,
) -> Result<Response, AppError> {
    check_csrf(&headers, &user, &form.csrf)?;
    throttle(&ctx.state.db, Throttled::SignIn, &client.0).await?;
    let state = &ctx.state;
    let agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    match accounts::sign_in(
        &state.db,
        &state.passwords,
        &form.email,
        &form.password,
        agent,
        Some(&client.0),
    )
    .await
    {
        Ok(tokens) => {
            let to = safe_next(&form.next).unwrap_or("/");
            let mut res = Redirect::to(to).into_response();
            let max_age = accounts::ABSOLUTE_TIMEOUT.whole_seconds();
            let tls = state.config.tls;
            res.headers_mut().append(
                header::SET_COOKIE,
                set_cookie(SESSION_COOKIE, &tokens.cookie, max_age, "Lax", tls),
            );
            // The pre-sign-in token has done its job.
            res.headers_mut().append(
                header::SET_COOKIE,
                set_cookie(CSRF_COOKIE, "", 0, "Strict", tls),
            );
            Ok(res)
        }
        Err(e @ (ServiceError::InvalidCredentials | ServiceError::Suspended)) => {
            let (status, code) = match e {
                ServiceError::Suspended => (
                    StatusCode::FORBIDDEN,
                    cohesion_domain::ErrorCode::AccountSuspended,
                ),
                _ => (
                    StatusCode::UNAUTHORIZED,
                    cohesion_domain::ErrorCode::InvalidCredentials,
                ),
            };
            let errors = messages(&ctx, &[ValidationError::new("email", code)]);
            let page = SignInPage {
                ui: ctx.chrome_for("/sign-in", "sign-in-title").await?,
                next: safe_next(&form.next).unwrap_or_default().to_owned(),
                csrf: form.csrf,
                fields: sign_in_fields(&ctx, &form.email, &errors),
                errors,
            };
            respond(status, page, None)
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize)]
pub struct SignOutForm {
    #[serde(default)]
    csrf: String,
}

pub async fn sign_out(
    State(state): State<SharedState>,
    user: CurrentUser,
    headers: HeaderMap,
    StrictForm(form): StrictForm<SignOutForm>,
) -> Result<Response, AppError> {
    if user.0.is_none() {
        return Ok(Redirect::to("/").into_response());
    }
    check_csrf(&headers, &user, &form.csrf)?;
    if let Some(token) = cookie(&headers, SESSION_COOKIE) {
        accounts::sign_out(&state.db, token).await?;
    }
    let mut res = Redirect::to("/").into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", 0, "Lax", state.config.tls),
    );
    Ok(res)
}

fn reset_request_page<'a>(
    ctx: &'a PageCtx,
    ui: cohesion_ui::Chrome<'a>,
    csrf: String,
    email: &str,
    errors: Vec<FieldError>,
) -> cohesion_ui::FormPage<'a> {
    let l = ctx.locale();
    let mut page = cohesion_ui::FormPage::new(
        ui,
        csrf,
        "/password-reset",
        l.t("reset-request-button").into_owned(),
    );
    page.back = Some(("/sign-in".to_owned(), l.t("nav-sign-in").into_owned()));
    page.lead = vec![l.t("reset-request-lead").into_owned()];
    page.fields = vec![
        Field::new("email", "email", "email", l.t("field-email").into_owned())
            .value(email)
            .errors_from(&errors),
    ];
    page.errors = errors;
    page
}

/// "Forgotten your password?": asks for the address.
pub async fn reset_request_form(ctx: PageCtx, headers: HeaderMap) -> Result<Response, AppError> {
    let (csrf, set) = anon_csrf(&ctx, &headers)?;
    let ui = ctx
        .chrome_for("/password-reset", "reset-request-title")
        .await?;
    let page = reset_request_page(&ctx, ui, csrf, "", vec![]);
    respond(StatusCode::OK, page, set)
}

#[derive(Deserialize)]
pub struct ResetRequestForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
}

pub async fn reset_request(
    ctx: PageCtx,
    user: CurrentUser,
    client: ClientKey,
    headers: HeaderMap,
    StrictForm(form): StrictForm<ResetRequestForm>,
) -> Result<Response, AppError> {
    check_csrf(&headers, &user, &form.csrf)?;
    let state = &ctx.state;
    throttle(&state.db, Throttled::PasswordReset, &client.0).await?;
    let letters = CatalogLetters(&state.catalog);
    let origin = Origin {
        actor: None,
        client: Some(&client.0),
    };
    let r = accounts::reset::request(
        &state.db,
        &letters,
        &state.config.public_url,
        &form.email,
        origin,
    )
    .await;
    match r {
        Ok(()) => Ok(Redirect::to("/password-reset/sent").into_response()),
        Err(ServiceError::Invalid(e)) => {
            let errors = messages(&ctx, &[e]);
            let ui = ctx
                .chrome_for("/password-reset", "reset-request-title")
                .await?;
            let page = reset_request_page(&ctx, ui, form.csrf, &form.email, errors);
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn reset_sent(ctx: PageCtx) -> Result<Response, AppError> {
    let path = "/password-reset";
    let page = notice(&ctx, path, "check-email-title", "reset-sent-text", None).await?;
    respond(StatusCode::OK, page, None)
}

fn new_password_page<'a>(
    ctx: &'a PageCtx,
    ui: cohesion_ui::Chrome<'a>,
    csrf: String,
    token: String,
    errors: Vec<FieldError>,
) -> cohesion_ui::FormPage<'a> {
    let l = ctx.locale();
    let mut page = cohesion_ui::FormPage::new(
        ui,
        csrf,
        "/password-reset/new",
        l.t("reset-new-button").into_owned(),
    );
    page.hidden = vec![("token", token)];
    page.fields = vec![Field::new(
        "password",
        "password",
        "new-password",
        l.t("field-new-password").into_owned(),
    )
    .hint(l.t("field-password-hint").into_owned())
    .errors_from(&errors)];
    page.errors = errors;
    page
}

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// The emailed link: a form for the new password (the token is only
/// used when the form is sent, so opening the link spends nothing).
pub async fn reset_form(
    ctx: PageCtx,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let (csrf, set) = anon_csrf(&ctx, &headers)?;
    let ui = ctx.chrome_for("/password-reset", "reset-new-title").await?;
    let page = new_password_page(&ctx, ui, csrf, q.token, vec![]);
    Ok(no_referrer(respond(StatusCode::OK, page, set)?))
}

#[derive(Deserialize)]
pub struct NewPasswordForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
}

pub async fn reset(
    ctx: PageCtx,
    user: CurrentUser,
    client: ClientKey,
    headers: HeaderMap,
    StrictForm(form): StrictForm<NewPasswordForm>,
) -> Result<Response, AppError> {
    check_csrf(&headers, &user, &form.csrf)?;
    let state = &ctx.state;
    // Setting a password costs a hash, as signing in does: same bucket.
    throttle(&state.db, Throttled::SignIn, &client.0).await?;
    let origin = Origin {
        actor: None,
        client: Some(&client.0),
    };
    match accounts::reset::complete(
        &state.db,
        &state.passwords,
        &form.token,
        &form.password,
        origin,
    )
    .await
    {
        Ok(()) => {
            let link = Some(("/sign-in", "nav-sign-in"));
            let page = notice(
                &ctx,
                "/sign-in",
                "reset-done-title",
                "reset-done-text",
                link,
            )
            .await?;
            respond(StatusCode::OK, page, None)
        }
        Err(ServiceError::Invalid(e)) => {
            let errors = messages(&ctx, &[ValidationError::new("password", e.code)]);
            let ui = ctx.chrome_for("/password-reset", "reset-new-title").await?;
            let page = new_password_page(&ctx, ui, form.csrf, form.token, errors);
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
        Err(ServiceError::InvalidToken) => {
            let link = Some(("/password-reset", "reset-request-title"));
            let path = "/password-reset";
            let page = notice(&ctx, path, "verify-failed-title", "reset-failed-text", link).await?;
            respond(StatusCode::BAD_REQUEST, page, None)
        }
        Err(e) => Err(e.into()),
    }
}
