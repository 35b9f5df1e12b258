//! Officers' pages (`/manage/community-messages`, for those allowed
//! `SendCommunityMessages`): the list, writing and changing a message,
//! translating it, its page with how many it will reach (counts only),
//! a preview in each language and what became of its emails, and
//! sending now or at a set time, asked first (ADR 22).

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::community_message::{Message, Status};
use cohesion_domain::timestamp::Timestamp;
use cohesion_services::accounts::SignedIn;
use cohesion_services::messaging::{self, authoring, Links, MessagingLetters};
use cohesion_services::ServiceError;
use cohesion_ui::{
    ActionForm, Cell, Field, FieldError, FormPage, Listing, ListingGroup, ListingItem, Phrase,
    ReportPage, Section, Shown, SummaryRow, Table,
};
use serde::Deserialize;
use uuid::Uuid;

use super::letters::Letters;
use crate::kit::{
    check_session_csrf, confirmation, field_messages, path_id, respond, see_other, AppError,
    CatalogLetters, DoneQuery, May, PageCtx, Part, SendCommunityMessages, StrictForm,
};

pub(super) const BASE: &str = "/manage/community-messages";

pub(super) type Officer = May<SendCommunityMessages>;

/// The site's languages as radios, each named in itself.
pub(super) fn language_field(ctx: &PageCtx, label: &str, chosen: &str) -> Field {
    let catalog = &ctx.state.catalog;
    let here = ctx.locale().tag();
    let choices = catalog
        .all()
        .iter()
        .map(|l| (l.tag().to_owned(), l.name().to_owned()))
        .collect();
    let langs = catalog
        .all()
        .iter()
        .map(|l| (l.tag() != here).then(|| (l.tag().to_owned(), l.direction().as_str())))
        .collect();
    Field::choice("language", "radios", ctx.t(label), choices)
        .option_langs(langs)
        .value(match chosen.trim() {
            "" => here,
            chosen => chosen,
        })
}

fn status_said(ctx: &PageCtx, s: Status) -> String {
    ctx.t(&format!("community-status-{}", s.code()))
}

/// The staff's dashboard panel: write a message, the latest ones.
pub(super) fn panel<'a>(ctx: &'a PageCtx, me: &'a SignedIn) -> Part<'a, Listing> {
    Box::pin(async move {
        let list = authoring::list(&ctx.state.db, me, 0).await?;
        let now = Timestamp::now();
        let items = list
            .iter()
            .take(5)
            .map(|m| {
                let s = m.status(now);
                ListingItem {
                    href: format!("{BASE}/{}", m.id),
                    title: Shown::new(m.original.subject.clone(), m.language.clone()),
                    status_key: match s {
                        Status::Draft => "draft",
                        Status::Scheduled => "upcoming",
                        Status::Sending => "open",
                        Status::Sent => "closed",
                    },
                    status: status_said(ctx, s),
                    dates: Phrase::plain(""),
                    note: None,
                    links: Vec::new(),
                }
            })
            .collect();
        Ok(Listing {
            id: "community-messages",
            heading: ctx.t("community-staff-title"),
            links: vec![
                (format!("{BASE}/new"), ctx.t("community-staff-new")),
                (BASE.to_owned(), ctx.t("community-staff-all")),
            ],
            groups: vec![ListingGroup {
                heading: None,
                items,
                empty: ctx.t("community-staff-empty"),
                more: None,
            }],
        })
    })
}

#[derive(Deserialize, Default)]
pub(super) struct ListParams {
    #[serde(default)]
    page: Option<i64>,
    #[serde(default)]
    done: Option<String>,
}

/// `GET /manage/community-messages`.
pub(super) async fn list(
    ctx: PageCtx,
    May(me, _): Officer,
    Query(p): Query<ListParams>,
) -> Result<Response, AppError> {
    let page_no = p.page.unwrap_or(0).clamp(0, 10_000);
    let list = authoring::list(&ctx.state.db, &me, page_no).await?;
    let now = Timestamp::now();
    let ui = ctx.chrome_for(BASE, "community-staff-title").await?;
    let mut page = ReportPage::new(ui);
    page.back = Some(("/manage".to_owned(), ctx.t("nav-manage")));
    page.done = confirmation(&ctx, p.done.as_deref()).map(Into::into);
    page.links = vec![(format!("{BASE}/new"), ctx.t("community-staff-new").into())];
    let rows = list
        .iter()
        .map(|m| {
            vec![
                Cell::link(
                    Shown::new(m.original.subject.clone(), m.language.clone()),
                    format!("{BASE}/{}", m.id),
                ),
                Cell::from(status_said(&ctx, m.status(now))),
                Cell::when(ctx.dates().at(m.send_at.unwrap_or(m.created_at))),
            ]
        })
        .collect();
    page.tables = vec![Table {
        caption: ctx.t("community-staff-title").into(),
        head: vec![
            ctx.t("community-col-subject").into(),
            ctx.t("community-col-status").into(),
            ctx.t("community-col-when").into(),
        ],
        rows,
        empty: ctx.t("community-staff-empty"),
    }];
    if list.len() as i64 == authoring::PAGE {
        page.next = Some(format!("{BASE}?page={}", page_no + 1));
    }
    respond(StatusCode::OK, page, None)
}

/// The form's fields as typed, by name.
fn typed(fields: &[(String, String)], name: &str) -> Vec<String> {
    fields
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

fn input_of(fields: &[(String, String)]) -> authoring::Input {
    let one = |n: &str| typed(fields, n).pop().unwrap_or_default();
    authoring::Input {
        subject: one("subject"),
        body: one("body"),
        language: one("language"),
        all_areas: one("all_areas") == "yes",
        areas: typed(fields, "areas"),
        topics: typed(fields, "topics"),
    }
}

fn fields_of(m: &Message) -> Vec<(String, String)> {
    let mut out = vec![
        ("subject".to_owned(), m.original.subject.clone()),
        ("body".to_owned(), m.original.body.clone()),
        ("language".to_owned(), m.language.clone()),
    ];
    if m.all_areas {
        out.push(("all_areas".to_owned(), "yes".to_owned()));
    }
    out.extend(m.areas.iter().map(|a| ("areas".to_owned(), a.to_string())));
    out.extend(
        m.topics
            .iter()
            .map(|t| ("topics".to_owned(), t.to_string())),
    );
    out
}

/// The message form, for a new message (`id` none) or a change.
async fn message_form<'a>(
    ctx: &'a PageCtx,
    me: &SignedIn,
    id: Option<Uuid>,
    values: &[(String, String)],
    errors: Vec<FieldError>,
) -> Result<FormPage<'a>, AppError> {
    let (areas, topics) = messaging::choices(&ctx.state.db).await?;
    let tag = ctx.locale().tag().to_owned();
    let (action, title) = match id {
        None => (format!("{BASE}/new"), "community-staff-new"),
        Some(id) => (format!("{BASE}/{id}/edit"), "community-staff-edit"),
    };
    let ui = ctx.chrome_for(&action, title).await?;
    let mut page = FormPage::new(ui, me.csrf.clone(), &action, ctx.t("community-staff-save"));
    page.back = Some((BASE.to_owned(), ctx.t("community-staff-title")));
    page.lead = vec![ctx.t("community-staff-form-lead").into()];
    let one = |n: &str| typed(values, n).pop().unwrap_or_default();
    page.fields = vec![
        Field::new("subject", "text", "off", ctx.t("community-field-subject"))
            .value(&one("subject"))
            .errors_from(&errors),
        Field::new("body", "textarea", "off", ctx.t("community-field-body"))
            .hint(ctx.t("community-field-body-hint"))
            .value(&one("body"))
            .errors_from(&errors),
        language_field(ctx, "community-field-language", &one("language")).errors_from(&errors),
        Field::choice(
            "all_areas",
            "checkboxes",
            ctx.t("community-all-areas-label"),
            vec![("yes".to_owned(), ctx.t("community-all-areas"))],
        )
        .ticked(&typed(values, "all_areas")),
        Field::choice(
            "areas",
            "checkboxes",
            ctx.t("community-areas-label"),
            areas
                .iter()
                .map(|a| (a.id.to_string(), a.name_in(&tag).to_owned()))
                .collect(),
        )
        .ticked(&typed(values, "areas"))
        .errors_from(&errors),
        Field::choice(
            "topics",
            "checkboxes",
            ctx.t("community-topics-label"),
            topics
                .iter()
                .map(|t| (t.id.to_string(), t.name_in(&tag).to_owned()))
                .collect(),
        )
        .ticked(&typed(values, "topics"))
        .errors_from(&errors),
    ];
    page.errors = errors;
    Ok(page)
}

fn csrf_of(fields: &[(String, String)]) -> String {
    typed(fields, "csrf").pop().unwrap_or_default()
}

/// A form refused for its fields: the form again with a 422.
async fn again(
    ctx: &PageCtx,
    me: &SignedIn,
    id: Option<Uuid>,
    fields: &[(String, String)],
    e: ServiceError,
) -> Result<Response, AppError> {
    match e {
        ServiceError::InvalidFields(errors) => {
            let page = message_form(ctx, me, id, fields, field_messages(ctx, &errors)).await?;
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
        ServiceError::Invalid(v) if v.field != "message" => {
            let page = message_form(ctx, me, id, fields, field_messages(ctx, &[v])).await?;
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
        e => Err(e.into()),
    }
}

/// `GET /manage/community-messages/new`.
pub(super) async fn new_form(ctx: PageCtx, May(me, _): Officer) -> Result<Response, AppError> {
    let page = message_form(&ctx, &me, None, &[], Vec::new()).await?;
    respond(StatusCode::OK, page, None)
}

/// `POST /manage/community-messages/new`.
pub(super) async fn create(
    ctx: PageCtx,
    May(me, _): Officer,
    StrictForm(fields): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &csrf_of(&fields))?;
    match authoring::create(&ctx.state.db, &me, &input_of(&fields)).await {
        Ok(id) => Ok(see_other(&format!(
            "{BASE}/{id}?done=community-message-saved"
        ))),
        Err(e) => again(&ctx, &me, None, &fields, e).await,
    }
}

/// `GET /manage/community-messages/{id}/edit`.
pub(super) async fn edit_form(
    ctx: PageCtx,
    May(me, _): Officer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let s = authoring::get(&ctx.state.db, &me, id).await?;
    let page = message_form(&ctx, &me, Some(id), &fields_of(&s.message), Vec::new()).await?;
    respond(StatusCode::OK, page, None)
}

/// `POST /manage/community-messages/{id}/edit`.
pub(super) async fn update(
    ctx: PageCtx,
    May(me, _): Officer,
    Path(id): Path<String>,
    StrictForm(fields): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    check_session_csrf(&me, &csrf_of(&fields))?;
    match authoring::update(&ctx.state.db, &me, id, &input_of(&fields)).await {
        Ok(()) => Ok(see_other(&format!(
            "{BASE}/{id}?done=community-message-saved"
        ))),
        Err(e) => again(&ctx, &me, Some(id), &fields, e).await,
    }
}

/// The language a message is translated into: the site's other one.
fn other_language(m: &Message) -> &'static str {
    if m.language == "ar" {
        "en"
    } else {
        "ar"
    }
}

async fn translate_page<'a>(
    ctx: &'a PageCtx,
    me: &SignedIn,
    m: &Message,
    subject: &str,
    body: &str,
    errors: Vec<FieldError>,
) -> Result<FormPage<'a>, AppError> {
    let into = other_language(m);
    let action = format!("{BASE}/{}/translate", m.id);
    let mut ui = ctx.chrome_for(&action, "community-staff-translate").await?;
    ui.title = ctx.phrase(
        "community-staff-translate-into",
        &[(
            "language",
            cohesion_ui::Value::Text(&ctx.language_name(into)),
        )],
    );
    let mut page = FormPage::new(ui, me.csrf.clone(), &action, ctx.t("community-staff-save"));
    page.back = Some((format!("{BASE}/{}", m.id), ctx.t("community-staff-back")));
    page.hidden = vec![("language", into.to_owned())];
    page.lead = vec![
        ctx.t("community-staff-translate-lead").into(),
        Shown::new(m.original.subject.clone(), m.language.clone()).into(),
        Shown::new(m.original.body.clone(), m.language.clone()).into(),
    ];
    let dir = if into == "ar" { "rtl" } else { "ltr" };
    let mut subject_field = Field::new("subject", "text", "off", ctx.t("community-field-subject"))
        .value(subject)
        .errors_from(&errors);
    subject_field.dir = dir;
    let mut body_field = Field::new("body", "textarea", "off", ctx.t("community-field-body"))
        .hint(ctx.t("community-staff-translate-empty"))
        .value(body)
        .errors_from(&errors);
    body_field.dir = dir;
    page.fields = vec![subject_field, body_field];
    page.errors = errors;
    Ok(page)
}

/// `GET /manage/community-messages/{id}/translate`.
pub(super) async fn translate_form(
    ctx: PageCtx,
    May(me, _): Officer,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let m = authoring::get(&ctx.state.db, &me, id).await?.message;
    let current = m
        .translations
        .get(other_language(&m))
        .cloned()
        .unwrap_or_default();
    let page = translate_page(&ctx, &me, &m, &current.subject, &current.body, Vec::new()).await?;
    respond(StatusCode::OK, page, None)
}

/// `POST /manage/community-messages/{id}/translate`.
pub(super) async fn translate(
    ctx: PageCtx,
    May(me, _): Officer,
    Path(id): Path<String>,
    StrictForm(fields): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    check_session_csrf(&me, &csrf_of(&fields))?;
    let one = |n: &str| typed(&fields, n).pop().unwrap_or_default();
    let m = authoring::get(&ctx.state.db, &me, id).await?.message;
    let into = other_language(&m);
    match authoring::translate(&ctx.state.db, &me, id, into, &one("subject"), &one("body")).await {
        Ok(()) => Ok(see_other(&format!(
            "{BASE}/{id}?done=community-message-translated"
        ))),
        Err(ServiceError::InvalidFields(errors)) => {
            let messages = field_messages(&ctx, &errors);
            let page =
                translate_page(&ctx, &me, &m, &one("subject"), &one("body"), messages).await?;
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
        Err(e) => Err(e.into()),
    }
}

/// "120 subscribers: 80 in English, 40 in Arabic".
pub(super) fn reach_said(ctx: &PageCtx, reach: &[(String, i64)]) -> Phrase {
    let total: i64 = reach.iter().map(|(_, n)| n).sum();
    let mut parts = vec![ctx.phrase(
        "community-reach-total",
        &[("count", cohesion_ui::Value::Number(total as u64))],
    )];
    for (lang, n) in reach {
        parts.push(ctx.phrase(
            "community-reach-language",
            &[
                ("count", cohesion_ui::Value::Number(*n as u64)),
                (
                    "language",
                    cohesion_ui::Value::Text(&ctx.language_name(lang)),
                ),
            ],
        ));
    }
    Phrase::join(parts, " ")
}

/// `GET /manage/community-messages/{id}`: the message, whom it reaches,
/// its preview in each language, its counts and what to do next.
pub(super) async fn show(
    ctx: PageCtx,
    May(me, _): Officer,
    Path(id): Path<String>,
    Query(done): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let s = authoring::get(&ctx.state.db, &me, id).await?;
    let m = &s.message;
    let reach = authoring::reach(&ctx.state.db, &me, id).await?;
    let now = Timestamp::now();
    let status = m.status(now);
    let mut ui = ctx
        .chrome_for(&format!("{BASE}/{id}"), "community-staff-title")
        .await?;
    ui.title = Shown::new(m.original.subject.clone(), m.language.clone()).into();
    let mut page = ReportPage::new(ui);
    page.back = Some((BASE.to_owned(), ctx.t("community-staff-title")));
    page.done = confirmation(&ctx, done.done.as_deref()).map(Into::into);
    page.csrf = me.csrf.clone();
    page.rows = vec![
        SummaryRow::new(ctx.t("community-col-status"), status_said(&ctx, status)),
        SummaryRow::new(ctx.t("community-reach"), reach_said(&ctx, &reach)),
    ];
    if let Some(at) = m.send_at {
        page.rows.push(SummaryRow::when(
            ctx.t("community-col-when"),
            ctx.dates().at(at),
        ));
    }
    if status == Status::Sent || status == Status::Sending {
        page.rows.push(SummaryRow::new(
            ctx.t("community-counts"),
            ctx.phrase(
                "community-counts-said",
                &[
                    ("queued", cohesion_ui::Value::Number(s.queued as u64)),
                    ("delivered", cohesion_ui::Value::Number(s.delivered as u64)),
                    ("failed", cohesion_ui::Value::Number(s.failed as u64)),
                ],
            ),
        ));
    }
    let letters = Letters(CatalogLetters::for_site(&ctx.state).await);
    let base = &ctx.state.config.public_url;
    for lang in ["en", "ar"] {
        let (wording, written_in) = m.in_language(lang);
        let links = Links {
            unsubscribe: format!("{base}/community-messages/unsubscribe?token=…"),
            change: format!("{base}/community-messages/subscribe"),
            online: format!("{base}/community-messages/{id}"),
        };
        let letter = letters.message(lang, wording, &links);
        let heading = ctx.locale().t_plain(
            "community-preview-heading",
            &[("language", ctx.language_name(lang).into())],
        );
        let preview = cohesion_ui::messaging::Prose::new(
            &format!("**{}**\n\n{}", letter.subject, letter.body),
            if written_in == lang { lang } else { written_in },
            Some(heading),
        );
        page.sections
            .push(Section::render(&preview).map_err(|_| AppError::internal())?);
    }
    if matches!(status, Status::Draft | Status::Scheduled) {
        page.actions = actions(&ctx, m);
    }
    respond(StatusCode::OK, page, None)
}

fn actions(ctx: &PageCtx, m: &Message) -> Vec<ActionForm> {
    let send_at = m
        .send_at
        .map(|t| ctx.state.config.time_zone.input_value(t.as_offset()))
        .unwrap_or_default();
    vec![
        ActionForm {
            action: format!("{BASE}/{}/send", m.id),
            hidden: Vec::new(),
            fields: vec![Field::new(
                "send_at",
                "datetime-local",
                "off",
                ctx.t("community-field-send-at"),
            )
            .hint(ctx.t("community-field-send-at-hint"))
            .value(&send_at)],
            button: ctx.t("community-staff-send").into(),
            danger: false,
            primary: true,
            ask: true,
        },
        ActionForm {
            action: format!("{BASE}/{}/edit", m.id),
            hidden: Vec::new(),
            fields: Vec::new(),
            button: ctx.t("community-staff-edit").into(),
            danger: false,
            primary: false,
            ask: true,
        },
        ActionForm {
            action: format!("{BASE}/{}/translate", m.id),
            hidden: Vec::new(),
            fields: Vec::new(),
            button: ctx.phrase(
                "community-staff-translate-into",
                &[(
                    "language",
                    cohesion_ui::Value::Text(&ctx.language_name(other_language(m))),
                )],
            ),
            danger: false,
            primary: false,
            ask: true,
        },
    ]
}
