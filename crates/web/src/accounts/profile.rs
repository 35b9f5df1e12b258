//! The signed-in person's own account: the account page, and changes to
//! its name, email address, password and language. Thin handlers over
//! `services::accounts::profile`.

use axum::extract::Query;
use axum::http::{header, StatusCode};
use axum::response::Response;
use cohesion_domain::identity::Action;
use cohesion_services::accounts::organisations;
use cohesion_services::accounts::profile;
use cohesion_services::accounts::{AccountError, SignedIn};
use cohesion_services::audit::Origin;
use cohesion_services::throttle::{password_check_allowed, throttle, Throttled};
use cohesion_services::ServiceError;
use cohesion_ui::accounts::{AccountPage, SessionRow};
use cohesion_ui::{Field, FieldError, FormPage, SummaryRow};
use serde::Deserialize;

use crate::kit::{
    check_session_csrf, confirmation, lang_cookie, no_referrer, notice, one_field_listed, respond,
    see_other, session_cookie, submit_form, AppError, CatalogLetters, ClientKey, Me, PageCtx,
    StrictForm,
};

/// Roughly what a browser is, from its User-Agent, for the sessions list
/// (and "Your data", which says it the same way).
pub(crate) fn device(agent: Option<&str>) -> String {
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

/// The account page's query: what was just done, and the consultation
/// whose answers a copy was just asked for from the list of responses.
#[derive(Deserialize)]
pub struct AccountQuery {
    done: Option<String>,
    copied: Option<String>,
}

pub async fn overview(
    ctx: PageCtx,
    Me(me): Me,
    Query(q): Query<AccountQuery>,
) -> Result<Response, AppError> {
    let state = &ctx.state;
    let l = ctx.locale();
    let sessions = profile::sessions(&state.db, &me).await?;
    let orgs = organisations::mine(&state.db, &me).await?;
    let details = detail_rows(&ctx, &me);
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
    // Each language named in itself: marked with its language and
    // direction on a page in another ("English" on an Arabic page).
    .option_langs(
        state
            .catalog
            .all()
            .iter()
            .map(|c| (c.tag() != l.tag()).then(|| (c.tag().to_owned(), c.direction().as_str())))
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
    // Anything but an id names no response: no banner.
    let copied = q
        .copied
        .as_deref()
        .and_then(|id| uuid::Uuid::parse_str(id).ok());
    let (responses, copy_notice) =
        crate::consultations::yours::your_responses(&ctx, &me, copied).await?;
    let page = AccountPage {
        ui: ctx.chrome_for("/account", "account-title").await?,
        responses,
        copy_notice,
        done: confirmation(&ctx, q.done.as_deref()),
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
                last_seen: ctx.dates().at(s.last_seen_at),
            })
            .collect(),
        admin_links,
    };
    respond(StatusCode::OK, page, None)
}

/// The account's summary: name, address, password and roles, each that
/// can change with its link. The language is not among them: the form
/// below the summary shows it chosen, and a row saying it again made
/// "Language" twice in a row.
fn detail_rows(ctx: &PageCtx, me: &SignedIn) -> Vec<SummaryRow> {
    let l = ctx.locale();
    let change = l.t("change").into_owned();
    vec![
        SummaryRow::new(l.t("field-display-name"), me.display_name.clone())
            .change("/account/name", change.clone()),
        SummaryRow::new(l.t("field-email"), me.email.clone())
            .change("/account/email", change.clone()),
        SummaryRow::new(l.t("field-password"), "••••••••••••")
            .change("/account/password", change.clone()),
        SummaryRow::new(
            l.t("account-roles"),
            super::roles_in_words(ctx, me.roles.iter()),
        ),
    ]
}

/// The form for one account change, with its fields and any errors.
async fn change_form<'a>(
    ctx: &'a PageCtx,
    me: &SignedIn,
    which: &str,
    fields: Vec<Field>,
    errors: Vec<FieldError>,
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
        page.lead = vec![l.t("change-email-lead").into()];
    }
    Ok(page)
}

/// The answer to a change form: the account page confirming the change
/// of `which`, or the form again with its problems.
async fn change_answered(
    ctx: &PageCtx,
    me: &SignedIn,
    which: &str,
    outcome: Result<(), ServiceError>,
    fields: impl FnOnce(&[FieldError]) -> Vec<Field>,
) -> Result<Response, AppError> {
    submit_form(
        ctx,
        outcome.map_err(one_field_listed),
        |()| format!("/account?done={which}"),
        async |errors| {
            let fields = fields(&errors);
            change_form(ctx, me, which, fields, errors).await
        },
    )
    .await
}

fn name_fields(ctx: &PageCtx, value: &str, errors: &[FieldError]) -> Vec<Field> {
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

fn email_fields(ctx: &PageCtx, value: &str, errors: &[FieldError]) -> Vec<Field> {
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

fn password_fields(ctx: &PageCtx, errors: &[FieldError]) -> Vec<Field> {
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

pub async fn change_name(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    StrictForm(form): StrictForm<ChangeForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let r =
        profile::change_display_name(&ctx.state.db, &me, &form.display_name, Some(&client.0)).await;
    change_answered(&ctx, &me, "name", r, |e| {
        name_fields(&ctx, &form.display_name, e)
    })
    .await
}

pub async fn change_email(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    StrictForm(form): StrictForm<ChangeForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let state = &ctx.state;
    throttle(&state.db, Throttled::MailSending, &me.user_id.to_string()).await?;
    password_check_allowed(&state.db, me.user_id, &client.0).await?;
    let letters = CatalogLetters::for_site(state).await;
    let r = profile::request_email_change(
        &state.db,
        &state.passwords,
        &letters,
        &state.config.public_url,
        &me,
        profile::EmailChange {
            new_email: &form.email,
            current_password: &form.current_password,
        },
        Some(&client.0),
    )
    .await;
    change_answered(&ctx, &me, "email", r, |e| {
        email_fields(&ctx, &form.email, e)
    })
    .await
}

pub async fn change_password(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    StrictForm(form): StrictForm<ChangeForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let state = &ctx.state;
    password_check_allowed(&state.db, me.user_id, &client.0).await?;
    let r = profile::change_password(
        &state.db,
        &state.passwords,
        &me,
        &form.current_password,
        &form.new_password,
        Some(&client.0),
    )
    .await;
    let rotated = r.as_ref().ok().cloned();
    let mut res = change_answered(&ctx, &me, "password", r.map(|_| ()), |e| {
        password_fields(&ctx, e)
    })
    .await?;
    // The session goes on under a new cookie; the old one is dead.
    if let Some(cookie) = rotated {
        res.headers_mut().append(
            header::SET_COOKIE,
            session_cookie(&cookie, state.config.tls),
        );
    }
    Ok(res)
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
    let letters = CatalogLetters::for_site(state).await;
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
        Err(ServiceError::Account(AccountError::InvalidToken)) => {
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
    res.map(no_referrer)
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
