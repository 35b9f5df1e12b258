//! The signed-in person's own pages: their account, changes to it, their
//! sessions, their data and deleting the account. Thin handlers over
//! `services::accounts::{profile, your_data}`.

use axum::extract::{Path, Query};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use cohesion_domain::identity::Action;
use cohesion_services::accounts::profile;
use cohesion_services::accounts::your_data::{self, Contributions, YourData};
use cohesion_services::accounts::{self, Origin};
use cohesion_services::throttle::{throttle, Throttled};
use cohesion_services::{organisations, ServiceError};
use cohesion_ui::accounts::{AccountPage, SessionRow};
use cohesion_ui::{Cell, Field, FormPage, ReportPage, SummaryRow, Table};
use serde::Deserialize;
use uuid::Uuid;

use crate::accounts::{messages, notice, respond};
use crate::context::lang_cookie;
use crate::error::AppError;
use crate::form::StrictForm;
use crate::letters::CatalogLetters;
use crate::pages::{ClientKey, PageCtx};
use crate::session::{check_session_csrf, set_cookie, CurrentUser, Me, SESSION_COOKIE};

/// A 303 to `path`: the answer to every successful POST (axum's
/// `Redirect::to` is a 303 See Other).
pub(crate) fn see_other(path: &str) -> Response {
    Redirect::to(path).into_response()
}

/// `?done=…`: which change a page confirms after its redirect.
#[derive(Deserialize)]
pub struct DoneQuery {
    pub done: Option<String>,
}

/// The message for `?done=…` after a change, if it is one we know.
pub(crate) fn done_message(ctx: &PageCtx, done: Option<&str>) -> Option<String> {
    let id = match done? {
        "name" => "done-name",
        "email" => "done-email",
        "email-confirmed" => "done-email-confirmed",
        "password" => "done-password",
        "language" => "done-language",
        "session" => "done-session",
        "everywhere" => "done-everywhere",
        "organisation" => "done-organisation",
        "invited" => "done-invited",
        "joined" => "done-joined",
        "role" => "done-role",
        "suspension" => "done-suspension",
        "consultation-created" => "done-consultation-created",
        "consultation-saved" => "done-consultation-saved",
        "consultation-published" => "done-consultation-published",
        "consultation-unpublished" => "done-consultation-unpublished",
        "results-published" => "done-results-published",
        "results-withdrawn" => "done-results-withdrawn",
        "question-added" => "done-question-added",
        "question-removed" => "done-question-removed",
        "question-changed" => "done-question-changed",
        "stage-added" => "done-stage-added",
        "stage-removed" => "done-stage-removed",
        "finding-added" => "done-finding-added",
        "finding-published" => "done-finding-published",
        "finding-withdrawn" => "done-finding-withdrawn",
        "finding-removed" => "done-finding-removed",
        "translation" => "done-translation",
        _ => return None,
    };
    Some(ctx.locale().t(id).into_owned())
}

/// Roughly what a browser is, from its User-Agent, for the sessions list.
fn device(agent: Option<&str>) -> String {
    let Some(ua) = agent else {
        return "?".to_owned();
    };
    let browser = ["Edg", "Firefox", "Chrome", "Safari"]
        .into_iter()
        .find(|b| ua.contains(b))
        .map(|b| if b == "Edg" { "Edge" } else { b });
    let os = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("Windows", "Windows"),
        ("Mac OS", "macOS"),
        ("Linux", "Linux"),
    ]
    .into_iter()
    .find(|(k, _)| ua.contains(k))
    .map(|(_, v)| v);
    match (browser, os) {
        (Some(b), Some(o)) => format!("{b}, {o}"),
        (Some(b), None) => b.to_owned(),
        (None, Some(o)) => o.to_owned(),
        // Not a browser we know: show the start of what it sent.
        (None, None) => ua.chars().take(40).collect(),
    }
}

pub async fn overview(
    ctx: PageCtx,
    Me(me): Me,
    Query(q): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let state = &ctx.state;
    let l = ctx.locale();
    let sessions = profile::sessions(&state.db, &me).await?;
    let orgs = organisations::mine(&state.db, &me).await?;
    let change = l.t("change").into_owned();
    let roles: Vec<String> = me
        .roles
        .iter()
        .map(|r| l.t(&format!("role-{}", r.key())).into_owned())
        .collect();
    let language_name = me
        .locale
        .as_deref()
        .and_then(|t| state.catalog.get(t))
        .unwrap_or(l)
        .name()
        .to_owned();
    let details = vec![
        SummaryRow::new(l.t("field-display-name"), me.display_name.clone())
            .change("/account/name", change.clone()),
        SummaryRow::new(l.t("field-email"), me.email.clone())
            .change("/account/email", change.clone()),
        SummaryRow::new(l.t("field-password"), "••••••••••••")
            .change("/account/password", change.clone()),
        SummaryRow::new(l.t("account-language"), language_name),
        SummaryRow::new(l.t("account-roles"), l.list(&roles)),
    ];
    let current_lang = me.locale.clone().unwrap_or_else(|| l.tag().to_owned());
    let language = Field::choice(
        "language",
        "select",
        l.t("account-language").into_owned(),
        state
            .catalog
            .all()
            .iter()
            .map(|c| (c.tag().to_owned(), c.name().to_owned()))
            .collect(),
    )
    .value(&current_lang)
    .errors_from(&[]);
    let mut admin_links = Vec::new();
    if me.roles.allows(Action::ManagePeople) {
        admin_links.push(("/admin/people".to_owned(), l.t("people-title").into_owned()));
    }
    if me.roles.allows(Action::Audit) {
        admin_links.push(("/admin/audit".to_owned(), l.t("audit-title").into_owned()));
        admin_links.push(("/admin/outbox".to_owned(), l.t("outbox-title").into_owned()));
    }
    let page = AccountPage {
        ui: ctx.chrome_for("/account", "account-title").await?,
        done: done_message(&ctx, q.done.as_deref()),
        csrf: me.csrf.clone(),
        verified: me.email_verified,
        details,
        language,
        organisations: orgs
            .into_iter()
            .map(|(o, _)| (format!("/organisations/{}", o.id), o.name))
            .collect(),
        sessions: sessions
            .into_iter()
            .map(|s| SessionRow {
                current: s.id.is_some() && s.id == me.session_id,
                id: s.id.map(|i| i.to_string()),
                device: device(s.user_agent.as_deref()),
                last_seen: s.last_seen_at.to_minute(),
            })
            .collect(),
        admin_links,
    };
    respond(StatusCode::OK, page, None)
}

/// The form for one account change, with its fields and any errors.
async fn change_form<'a>(
    ctx: &'a PageCtx,
    me: &accounts::SignedIn,
    which: &str,
    fields: Vec<Field>,
    errors: Vec<cohesion_ui::FieldError>,
) -> Result<FormPage<'a>, AppError> {
    let l = ctx.locale();
    let path = format!("/account/{which}");
    let mut page = FormPage::new(
        ctx.chrome_for(&path, &format!("change-{which}-title"))
            .await?,
        me.csrf.clone(),
        &path,
        l.t("save").into_owned(),
    );
    page.back = Some(("/account".to_owned(), l.t("back").into_owned()));
    page.fields = fields;
    page.errors = errors;
    if which == "email" {
        page.lead = vec![l.t("change-email-lead").into_owned()];
    }
    Ok(page)
}

fn name_fields(ctx: &PageCtx, value: &str, errors: &[cohesion_ui::FieldError]) -> Vec<Field> {
    let l = ctx.locale();
    vec![Field::new(
        "display_name",
        "text",
        "nickname",
        l.t("field-display-name").into_owned(),
    )
    .hint(l.t("field-display-name-hint").into_owned())
    .value(value)
    .errors_from(errors)]
}

fn email_fields(ctx: &PageCtx, value: &str, errors: &[cohesion_ui::FieldError]) -> Vec<Field> {
    let l = ctx.locale();
    vec![Field::new(
        "email",
        "email",
        "email",
        l.t("field-new-email").into_owned(),
    )
    .value(value)
    .errors_from(errors)]
}

fn password_fields(ctx: &PageCtx, errors: &[cohesion_ui::FieldError]) -> Vec<Field> {
    let l = ctx.locale();
    vec![
        Field::new(
            "current_password",
            "password",
            "current-password",
            l.t("field-current-password").into_owned(),
        )
        .errors_from(errors),
        Field::new(
            "new_password",
            "password",
            "new-password",
            l.t("field-new-password").into_owned(),
        )
        .hint(l.t("field-password-hint").into_owned())
        .errors_from(errors),
    ]
}

pub async fn name_form(ctx: PageCtx, Me(me): Me) -> Result<Response, AppError> {
    let fields = name_fields(&ctx, &me.display_name, &[]);
    let page = change_form(&ctx, &me, "name", fields, vec![]).await?;
    respond(StatusCode::OK, page, None)
}

pub async fn email_form(ctx: PageCtx, Me(me): Me) -> Result<Response, AppError> {
    let fields = email_fields(&ctx, "", &[]);
    let page = change_form(&ctx, &me, "email", fields, vec![]).await?;
    respond(StatusCode::OK, page, None)
}

pub async fn password_form(ctx: PageCtx, Me(me): Me) -> Result<Response, AppError> {
    let fields = password_fields(&ctx, &[]);
    let page = change_form(&ctx, &me, "password", fields, vec![]).await?;
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    language: String,
}

/// The validation errors of a failed change, or the error to pass on.
fn field_errors(e: ServiceError) -> Result<Vec<cohesion_domain::ValidationError>, AppError> {
    match e {
        ServiceError::Invalid(v) => Ok(vec![v]),
        ServiceError::InvalidFields(v) => Ok(v),
        other => Err(other.into()),
    }
}

pub async fn change_name(
    ctx: PageCtx,
    me: Me,
    client: ClientKey,
    StrictForm(form): StrictForm<ChangeForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me.0, &form.csrf)?;
    let r = profile::change_display_name(&ctx.state.db, &me.0, &form.display_name, Some(&client.0))
        .await;
    match r {
        Ok(()) => Ok(see_other("/account?done=name")),
        Err(e) => {
            let errors = messages(&ctx, &field_errors(e)?);
            let fields = name_fields(&ctx, &form.display_name, &errors);
            let page = change_form(&ctx, &me.0, "name", fields, errors).await?;
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
    }
}

pub async fn change_email(
    ctx: PageCtx,
    me: Me,
    client: ClientKey,
    StrictForm(form): StrictForm<ChangeForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me.0, &form.csrf)?;
    let state = &ctx.state;
    throttle(&state.db, Throttled::MailSending, &me.0.user_id.to_string()).await?;
    throttle(&state.db, Throttled::SignIn, &client.0).await?;
    let letters = CatalogLetters(&state.catalog);
    let r = profile::request_email_change(
        &state.db,
        &state.passwords,
        &letters,
        &state.config.public_url,
        &me.0,
        profile::EmailChange {
            new_email: &form.email,
            current_password: &form.current_password,
        },
        Some(&client.0),
    )
    .await;
    match r {
        Ok(()) => Ok(see_other("/account?done=email")),
        Err(e) => {
            let errors = messages(&ctx, &field_errors(e)?);
            let fields = email_fields(&ctx, &form.email, &errors);
            let page = change_form(&ctx, &me.0, "email", fields, errors).await?;
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
    }
}

pub async fn change_password(
    ctx: PageCtx,
    me: Me,
    client: ClientKey,
    StrictForm(form): StrictForm<ChangeForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me.0, &form.csrf)?;
    let state = &ctx.state;
    throttle(&state.db, Throttled::SignIn, &client.0).await?;
    let r = profile::change_password(
        &state.db,
        &state.passwords,
        &me.0,
        &form.current_password,
        &form.new_password,
        Some(&client.0),
    )
    .await;
    match r {
        Ok(()) => Ok(see_other("/account?done=password")),
        Err(e) => {
            let errors = messages(&ctx, &field_errors(e)?);
            let fields = password_fields(&ctx, &errors);
            let page = change_form(&ctx, &me.0, "password", fields, errors).await?;
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
    }
}

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// The link sent to a new address. Works without being signed in (the
/// link may be opened on another device).
pub async fn confirm_email(
    ctx: PageCtx,
    client: ClientKey,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let origin = Origin {
        actor: None,
        client: Some(&client.0),
    };
    let state = &ctx.state;
    let letters = CatalogLetters(&state.catalog);
    let r = profile::confirm_email_change(
        &state.db,
        &letters,
        &state.config.public_url,
        &q.token,
        origin,
    )
    .await;
    let res = match r {
        Ok(()) if ctx.user.0.is_some() => Ok(see_other("/account?done=email-confirmed")),
        Ok(()) => {
            let link = Some(("/sign-in", "nav-sign-in"));
            let page = notice(
                &ctx,
                "/sign-in",
                "done-email-confirmed",
                "verified-text",
                link,
            )
            .await?;
            respond(StatusCode::OK, page, None)
        }
        Err(ServiceError::InvalidToken) => {
            let page = notice(
                &ctx,
                "/sign-in",
                "verify-failed-title",
                "verify-failed-text",
                None,
            )
            .await?;
            respond(StatusCode::BAD_REQUEST, page, None)
        }
        Err(e) => Err(e.into()),
    };
    res.map(crate::accounts::no_referrer)
}

pub async fn set_language(
    ctx: PageCtx,
    me: Me,
    StrictForm(form): StrictForm<ChangeForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me.0, &form.csrf)?;
    let Some(locale) = ctx.state.catalog.get(&form.language) else {
        return Err(cohesion_domain::ValidationError::new(
            "language",
            cohesion_domain::ErrorCode::UnknownLocale,
        )
        .into());
    };
    profile::set_language(&ctx.state.db, &me.0, locale.tag()).await?;
    let mut res = see_other("/account?done=language");
    res.headers_mut().append(
        header::SET_COOKIE,
        lang_cookie(locale.tag(), ctx.state.config.tls),
    );
    Ok(res)
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

pub async fn end_session(
    ctx: PageCtx,
    me: Me,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<CsrfOnly>,
) -> Result<Response, AppError> {
    check_session_csrf(&me.0, &form.csrf)?;
    let id = Uuid::parse_str(&id).map_err(|_| ServiceError::NotFound)?;
    profile::end_session(&ctx.state.db, &me.0, id, Some(&client.0)).await?;
    Ok(see_other("/account?done=session"))
}

/// Ends every session, this one included, and says so on the sign-in page.
pub async fn sign_out_everywhere(
    ctx: PageCtx,
    me: Me,
    StrictForm(form): StrictForm<CsrfOnly>,
) -> Result<Response, AppError> {
    check_session_csrf(&me.0, &form.csrf)?;
    accounts::sign_out_everywhere(&ctx.state.db, me.0.user_id).await?;
    let mut res = see_other("/sign-in");
    res.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", 0, "Lax", ctx.state.config.tls),
    );
    Ok(res)
}

/// The person's data as a readable page.
pub async fn data_page(ctx: PageCtx, Me(me): Me, client: ClientKey) -> Result<Response, AppError> {
    let data = your_data::export(&ctx.state.db, &me, Some(&client.0)).await?;
    let page = data_report(&ctx, &data).await?;
    respond(StatusCode::OK, page, None)
}

async fn data_report<'a>(ctx: &'a PageCtx, d: &YourData) -> Result<ReportPage<'a>, AppError> {
    let l = ctx.locale();
    let t = |id: &str| l.t(id).into_owned();
    let none = || t("none");
    let mut page = ReportPage::new(ctx.chrome_for("/account/data", "data-title").await?);
    page.back = Some(("/account".to_owned(), t("back")));
    page.lead = vec![l.t_args("data-lead", &[("time", d.generated_at.as_str().into())])];
    let a = &d.account;
    page.rows = vec![
        SummaryRow::new(t("data-account-id"), a.id.to_string()),
        SummaryRow::new(t("field-email"), a.email.clone().unwrap_or_else(none)),
        SummaryRow::new(
            t("field-display-name"),
            a.display_name.clone().unwrap_or_else(none),
        ),
        SummaryRow::new(
            t("account-language"),
            a.language.clone().unwrap_or_else(none),
        ),
        SummaryRow::new(
            t("data-verified-at"),
            a.email_verified_at.clone().unwrap_or_else(none),
        ),
        SummaryRow::new(t("data-created-at"), a.created_at.clone()),
        SummaryRow::new(
            t("account-roles"),
            l.list(
                &d.roles
                    .iter()
                    .map(|r| t(&format!("role-{}", r.key())))
                    .collect::<Vec<_>>(),
            ),
        ),
    ];
    page.tables = vec![
        Table {
            caption: t("account-sessions"),
            head: vec![
                t("session-started"),
                t("session-last-seen"),
                t("session-device"),
            ],
            rows: d
                .sessions
                .iter()
                .map(|s| {
                    vec![
                        Cell::from(s.started_at.clone()),
                        s.last_seen_at.clone().into(),
                        s.device.clone().unwrap_or_else(none).into(),
                    ]
                })
                .collect(),
            empty: none(),
        },
        Table {
            caption: t("account-organisations"),
            head: vec![t("organisation-name"), t("organisation-owner")],
            rows: d
                .organisations
                .iter()
                .map(|o| {
                    vec![
                        Cell::from(o.name.clone()),
                        t(if o.owner { "yes" } else { "no" }).into(),
                    ]
                })
                .collect(),
            empty: t("account-no-organisations"),
        },
        Table {
            caption: t("data-responses"),
            head: vec![
                t("data-consultation"),
                t("export-reference"),
                t("export-submitted"),
            ],
            rows: d
                .responses
                .iter()
                .map(|r| {
                    vec![
                        Cell::link(
                            r.consultation.clone(),
                            format!("/consultations/{}", r.consultation_id),
                        ),
                        r.reference.clone().into(),
                        r.submitted_at
                            .clone()
                            .unwrap_or_else(|| t("data-not-submitted"))
                            .into(),
                    ]
                })
                .collect(),
            empty: none(),
        },
        Table {
            caption: t("data-emails"),
            head: vec![t("data-when"), t("data-subject"), t("data-sent")],
            rows: d
                .emails
                .iter()
                .map(|m| {
                    vec![
                        Cell::from(m.created_at.clone()),
                        m.subject.clone().into(),
                        t(if m.sent { "yes" } else { "no" }).into(),
                    ]
                })
                .collect(),
            empty: none(),
        },
        Table {
            caption: t("data-activity"),
            head: vec![
                t("data-when"),
                t("audit-action"),
                t("audit-detail"),
                t("audit-client"),
            ],
            rows: d
                .activity
                .iter()
                .map(|e| {
                    vec![
                        Cell::from(e.at.clone()),
                        e.action.clone().into(),
                        e.detail.clone().into(),
                        e.from.clone().unwrap_or_default().into(),
                    ]
                })
                .collect(),
            empty: none(),
        },
    ];
    Ok(page)
}

/// The same data as a JSON download.
pub async fn data_json(ctx: PageCtx, Me(me): Me, client: ClientKey) -> Result<Response, AppError> {
    let data = your_data::export(&ctx.state.db, &me, Some(&client.0)).await?;
    let body = serde_json::to_vec_pretty(&data).map_err(|_| AppError::internal())?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"cohesion-your-data.json\"",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}

fn delete_fields(
    ctx: &PageCtx,
    contributions: &str,
    errors: &[cohesion_ui::FieldError],
) -> Vec<Field> {
    let l = ctx.locale();
    vec![
        Field::choice(
            "contributions",
            "radios",
            l.t("delete-contributions").into_owned(),
            vec![
                ("keep".to_owned(), l.t("delete-keep").into_owned()),
                ("remove".to_owned(), l.t("delete-remove").into_owned()),
            ],
        )
        .value(contributions)
        .errors_from(errors),
        Field::new(
            "password",
            "password",
            "current-password",
            l.t("field-password").into_owned(),
        )
        .hint(l.t("delete-password-hint").into_owned())
        .errors_from(errors),
    ]
}

async fn delete_page<'a>(
    ctx: &'a PageCtx,
    me: &accounts::SignedIn,
    fields: Vec<Field>,
    errors: Vec<cohesion_ui::FieldError>,
) -> Result<FormPage<'a>, AppError> {
    let l = ctx.locale();
    let mut page = FormPage::new(
        ctx.chrome_for("/account/delete", "delete-title").await?,
        me.csrf.clone(),
        "/account/delete",
        l.t("delete-button").into_owned(),
    );
    page.back = Some(("/account".to_owned(), l.t("back").into_owned()));
    page.lead = vec![l.t("delete-lead").into_owned()];
    page.warning = Some(l.t("delete-warning").into_owned());
    page.danger = true;
    page.fields = fields;
    page.errors = errors;
    Ok(page)
}

pub async fn delete_form(ctx: PageCtx, Me(me): Me) -> Result<Response, AppError> {
    let fields = delete_fields(&ctx, "keep", &[]);
    let page = delete_page(&ctx, &me, fields, vec![]).await?;
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    contributions: String,
    #[serde(default)]
    password: String,
}

pub async fn delete_account(
    mut ctx: PageCtx,
    me: Me,
    client: ClientKey,
    StrictForm(form): StrictForm<DeleteForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me.0, &form.csrf)?;
    let state = &ctx.state;
    throttle(&state.db, Throttled::SignIn, &client.0).await?;
    let r = match Contributions::parse(&form.contributions) {
        Ok(c) => {
            your_data::delete_account(
                &state.db,
                &state.passwords,
                &me.0,
                &form.password,
                c,
                Some(&client.0),
            )
            .await
        }
        Err(e) => Err(e.into()),
    };
    match r {
        Ok(()) => {
            // The page after deletion is seen by nobody in particular.
            ctx.user = CurrentUser(None);
            let link = Some(("/", "nav-home"));
            let page = notice(&ctx, "/", "deleted-title", "deleted-text", link).await?;
            let gone = set_cookie(SESSION_COOKIE, "", 0, "Lax", ctx.state.config.tls);
            respond(StatusCode::OK, page, Some(gone))
        }
        Err(e) => {
            let errors = messages(&ctx, &field_errors(e)?);
            let fields = delete_fields(&ctx, &form.contributions, &errors);
            let page = delete_page(&ctx, &me.0, fields, errors).await?;
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
    }
}
