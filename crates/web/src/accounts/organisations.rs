//! Organisation pages: register one, see it, invite members, join.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::organisation::{OrganisationInput, OrganisationKind};
use cohesion_services::accounts::organisations::{self, OrganisationView};
use cohesion_services::throttle::{throttle, Throttled};
use cohesion_ui::{
    ActionForm, Cell, Field, FieldError, FormPage, Phrase, ReportPage, SummaryRow, Table,
};
use serde::Deserialize;

use crate::kit::{
    check_session_csrf, confirmation, no_referrer, one_field_listed, path_id, respond, see_other,
    submit_form, AppError, CatalogLetters, ClientKey, DoneQuery, Me, PageCtx, StrictForm,
};

fn kind_label(ctx: &PageCtx, kind: OrganisationKind) -> String {
    ctx.locale().t(&format!("kind-{}", kind.key())).into_owned()
}

fn register_fields(ctx: &PageCtx, v: &OrganisationInput, errors: &[FieldError]) -> Vec<Field> {
    let l = ctx.locale();
    let t = |id: &str| l.t(id).into_owned();
    let text = |name, id: &str, auto| Field::new(name, "text", auto, t(id));
    vec![
        text("name", "organisation-name", "organization")
            .value(&v.name)
            .errors_from(errors),
        Field::choice(
            "kind",
            "radios",
            t("organisation-kind"),
            OrganisationKind::ALL
                .into_iter()
                .map(|k| (k.key().to_owned(), kind_label(ctx, k)))
                .collect(),
        )
        .value(&v.kind)
        .errors_from(errors),
        text("registration_number", "organisation-registration", "off")
            .hint(t("organisation-registration-hint"))
            .value(&v.registration_number)
            .errors_from(errors),
        text("org_identifier", "organisation-org-id", "off")
            .hint(t("organisation-org-id-hint"))
            .value(&v.org_identifier)
            .errors_from(errors),
        Field::new(
            "address",
            "textarea",
            "street-address",
            t("organisation-address"),
        )
        .value(&v.address)
        .errors_from(errors),
        text("contact_name", "organisation-contact-name", "name")
            .value(&v.contact_name)
            .errors_from(errors),
        Field::new(
            "contact_email",
            "email",
            "email",
            t("organisation-contact-email"),
        )
        .value(&v.contact_email)
        .errors_from(errors),
        Field::new(
            "contact_phone",
            "tel",
            "tel",
            t("organisation-contact-phone"),
        )
        .hint(t("optional"))
        .value(&v.contact_phone)
        .errors_from(errors),
    ]
}

async fn register_page<'a>(
    ctx: &'a PageCtx,
    csrf: &str,
    v: &OrganisationInput,
    errors: Vec<FieldError>,
) -> Result<FormPage<'a>, AppError> {
    let l = ctx.locale();
    let mut page = FormPage::new(
        ctx.chrome_for("/organisations/new", "organisation-register-title")
            .await?,
        csrf.to_owned(),
        "/organisations/new",
        l.t("organisation-register-button").into_owned(),
    );
    page.back = Some(("/account".to_owned(), l.t("back").into_owned()));
    page.lead = vec![l.t("organisation-register-lead").into()];
    page.fields = register_fields(ctx, v, &errors);
    page.errors = errors;
    Ok(page)
}

pub async fn register_form(ctx: PageCtx, Me(me): Me) -> Result<Response, AppError> {
    let page = register_page(&ctx, &me.csrf, &OrganisationInput::default(), vec![]).await?;
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize)]
pub struct RegisterForm {
    #[serde(default)]
    csrf: String,
    #[serde(flatten)]
    input: OrganisationInput,
}

pub async fn register(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    StrictForm(form): StrictForm<RegisterForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let outcome = organisations::register(&ctx.state.db, &me, &form.input, Some(&client.0)).await;
    submit_form(
        &ctx,
        outcome,
        |id| format!("/organisations/{id}?done=organisation"),
        async |errors| register_page(&ctx, &me.csrf, &form.input, errors).await,
    )
    .await
}

pub async fn show(
    ctx: PageCtx,
    Me(me): Me,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let view = organisations::view(&ctx.state.db, &me, id).await?;
    let page = org_page(&ctx, &me.csrf, &view, q.done.as_deref(), "", vec![]).await?;
    respond(StatusCode::OK, page, None)
}

async fn org_page<'a>(
    ctx: &'a PageCtx,
    csrf: &str,
    v: &OrganisationView,
    done: Option<&str>,
    invite_value: &str,
    errors: Vec<FieldError>,
) -> Result<ReportPage<'a>, AppError> {
    let o = &v.organisation;
    let path = format!("/organisations/{}", o.id);
    let mut ui = ctx.chrome_for(&path, "organisation-title").await?;
    // An organisation's name is in whatever language its owner wrote.
    ui.title = Phrase::isolated(&o.name);
    let mut page = ReportPage::new(ui);
    page.back = Some(("/account".to_owned(), ctx.t("back")));
    page.done = confirmation(ctx, done).map(Into::into);
    page.csrf = csrf.to_owned();
    page.rows = org_rows(ctx, v);
    page.tables.push(members_table(ctx, v));
    // Only owners invite, and only they see who was invited.
    if v.is_owner {
        page.errors = errors;
        page.actions.push(ActionForm {
            action: format!("{path}/invitations"),
            hidden: vec![],
            fields: vec![
                Field::new("email", "email", "off", ctx.t("organisation-invite-email"))
                    .hint(ctx.t("organisation-invite-hint"))
                    .value(invite_value)
                    .errors_from(&page.errors),
            ],
            button: ctx.t("organisation-invite-button").into(),
            danger: false,
            primary: false,
            ask: false,
        });
        page.tables.push(invitations_table(ctx, v));
    }
    Ok(page)
}

/// What the organisation registered: its kind, numbers and contact.
fn org_rows(ctx: &PageCtx, v: &OrganisationView) -> Vec<SummaryRow> {
    let o = &v.organisation;
    let t = |id: &str| ctx.t(id);
    let none = || t("none");
    vec![
        SummaryRow::new(t("organisation-kind"), kind_label(ctx, o.kind)),
        SummaryRow::new(
            t("organisation-registration"),
            o.registration_number.clone().unwrap_or_else(none),
        ),
        SummaryRow::new(
            t("organisation-org-id"),
            o.org_identifier.clone().unwrap_or_else(none),
        ),
        SummaryRow::new(t("organisation-address"), o.address.clone()),
        SummaryRow::new(t("organisation-contact-name"), o.contact_name.clone()),
        SummaryRow::new(t("organisation-contact-email"), o.contact_email.clone()),
        SummaryRow::new(
            t("organisation-contact-phone"),
            o.contact_phone.clone().unwrap_or_else(none),
        ),
    ]
}

/// The members, with the badges of their roles.
fn members_table(ctx: &PageCtx, v: &OrganisationView) -> Table {
    let t = |id: &str| ctx.t(id);
    let deleted = t("account-deleted-name");
    Table {
        caption: t("organisation-members").into(),
        head: vec![
            t("field-display-name").into(),
            t("organisation-owner").into(),
        ],
        rows: v
            .members
            .iter()
            .map(|m| {
                let badges = v
                    .member_roles
                    .iter()
                    .filter(|(id, r)| *id == m.user_id && r.is_badged())
                    .map(|(_, r)| t(&format!("role-{}", r.key())))
                    .collect();
                vec![
                    Cell::from(m.display_name.clone().unwrap_or_else(|| deleted.clone()))
                        .with_badges(badges),
                    t(if m.is_owner { "yes" } else { "no" }).into(),
                ]
            })
            .collect(),
        empty: t("none"),
    }
}

fn invitations_table(ctx: &PageCtx, v: &OrganisationView) -> Table {
    let t = |id: &str| ctx.t(id);
    Table {
        caption: t("organisation-invitations").into(),
        head: vec![
            t("field-email").into(),
            t("data-when").into(),
            t("organisation-accepted").into(),
        ],
        rows: v
            .invitations
            .iter()
            .map(|i| {
                vec![
                    Cell::from(i.email.clone()),
                    Cell::when(ctx.dates().at(i.created_at)),
                    t(if i.accepted_at.is_some() { "yes" } else { "no" }).into(),
                ]
            })
            .collect(),
        empty: t("none"),
    }
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
}

pub async fn invite(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<InviteForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = path_id(&id)?;
    let state = &ctx.state;
    throttle(&state.db, Throttled::MailSending, &me.user_id.to_string()).await?;
    let letters = CatalogLetters::for_site(state).await;
    let r = organisations::invite(
        &state.db,
        &letters,
        &state.config.public_url,
        &me,
        id,
        &form.email,
        Some(&client.0),
    )
    .await;
    submit_form(
        &ctx,
        r.map_err(one_field_listed),
        |()| format!("/organisations/{id}?done=invited"),
        async |errors| {
            let view = organisations::view(&state.db, &me, id).await?;
            org_page(&ctx, &me.csrf, &view, None, &form.email, errors).await
        },
    )
    .await
}

#[derive(Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// The invitation link: a page with one button, so that merely opening a
/// link (or a mail scanner fetching it) joins nobody.
pub async fn join_form(
    ctx: PageCtx,
    Me(me): Me,
    Query(q): Query<TokenQuery>,
) -> Result<Response, AppError> {
    let l = ctx.locale();
    let mut page = FormPage::new(
        ctx.chrome_for("/organisations/join", "join-title").await?,
        me.csrf.clone(),
        "/organisations/join",
        l.t("join-button").into_owned(),
    );
    page.lead = vec![l.t("join-lead").into()];
    page.hidden = vec![("token", q.token)];
    Ok(no_referrer(respond(StatusCode::OK, page, None)?))
}

#[derive(Deserialize)]
pub struct JoinForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    token: String,
}

pub async fn join(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    StrictForm(form): StrictForm<JoinForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = organisations::accept(&ctx.state.db, &me, &form.token, Some(&client.0)).await?;
    Ok(see_other(&format!("/organisations/{id}?done=joined")))
}
