//! The public pages: subscribing and confirming, unsubscribing, the
//! archive of messages sent, each message's page and the Atom feed.

use std::fmt::Write as _;

use axum::extract::{Path, Query};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use cohesion_domain::community_message::{Choices, Message};
use cohesion_services::messaging::unsubscribing::{self, Unsubscribed};
use cohesion_services::messaging::{self, reading, subscribing};
use cohesion_services::ServiceError;
use cohesion_ui::{
    Cell, Field, FieldError, FormPage, Listing, ListingGroup, ListingItem, NoticePage, Phrase,
    ReportPage, Section, Shown, Table,
};
use serde::Deserialize;
use time::format_description::well_known::Rfc3339;

use super::letters::Letters;
use crate::kit::{
    anon_csrf, check_csrf, field_messages, no_referrer, respond, respond_throttled, see_other,
    AppError, CatalogLetters, ClientKey, CurrentUser, PageCtx, Part, StrictForm,
};

const SUBSCRIBE: &str = "/community-messages/subscribe";

/// The areas' and topics' boxes, the language's radios, ticked as given.
async fn subscribe_page<'a>(
    ctx: &'a PageCtx,
    csrf: String,
    typed: &[(String, String)],
    errors: Vec<FieldError>,
) -> Result<FormPage<'a>, AppError> {
    let (areas, topics) = messaging::choices(&ctx.state.db).await?;
    let tag = ctx.locale().tag().to_owned();
    let ui = ctx
        .chrome_for(SUBSCRIBE, "community-subscribe-title")
        .await?;
    let mut page = FormPage::new(ui, csrf, SUBSCRIBE, ctx.t("community-subscribe-button"));
    page.lead = vec![
        ctx.t("community-subscribe-lead").into(),
        ctx.t("community-subscribe-privacy").into(),
    ];
    let values = |name: &str| -> Vec<String> {
        typed
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    };
    let email = values("email").pop().unwrap_or_default();
    let language = values("language").pop().unwrap_or(tag.clone());
    page.fields = vec![
        Field::new("email", "email", "email", ctx.t("field-email"))
            .value(&email)
            .errors_from(&errors),
        Field::choice(
            "all_areas",
            "checkboxes",
            ctx.t("community-all-areas-label"),
            vec![("yes".to_owned(), ctx.t("community-all-areas"))],
        )
        .ticked(&values("all_areas")),
        Field::choice(
            "areas",
            "checkboxes",
            ctx.t("community-areas-label"),
            areas
                .iter()
                .map(|a| (a.id.to_string(), a.name_in(&tag).to_owned()))
                .collect(),
        )
        .hint(ctx.t("community-areas-hint"))
        .ticked(&values("areas"))
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
        .ticked(&values("topics"))
        .errors_from(&errors),
        super::staff::language_field(ctx, "community-language-label", &language)
            .errors_from(&errors),
    ];
    page.errors = errors;
    Ok(page)
}

/// `GET /community-messages/subscribe`.
pub(super) async fn subscribe_form(ctx: PageCtx, headers: HeaderMap) -> Result<Response, AppError> {
    let (csrf, set) = anon_csrf(&ctx, &headers).await?;
    let page = subscribe_page(&ctx, csrf, &[], Vec::new()).await?;
    respond(StatusCode::OK, page, set)
}

fn request_of(fields: &[(String, String)]) -> subscribing::Request {
    let mut r = subscribing::Request::default();
    for (k, v) in fields {
        match k.as_str() {
            "email" => r.email = v.clone(),
            "all_areas" => r.all_areas = v == "yes",
            "areas" => r.areas.push(v.clone()),
            "topics" => r.topics.push(v.clone()),
            "language" => r.language = v.clone(),
            _ => {}
        }
    }
    r
}

/// `POST /community-messages/subscribe`: "check your email" whether or
/// not the address is subscribed already; a flooding client gets 429.
pub(super) async fn subscribe(
    ctx: PageCtx,
    user: CurrentUser,
    client: ClientKey,
    headers: HeaderMap,
    StrictForm(fields): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let csrf = fields
        .iter()
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    check_csrf(&ctx.state, &headers, &user, &csrf).await?;
    let letters = Letters(CatalogLetters::for_site(&ctx.state).await);
    let r = request_of(&fields);
    let base = &ctx.state.config.public_url;
    match subscribing::request(&ctx.state.db, &letters, base, &r, &client.0).await {
        Ok(()) => Ok(see_other("/community-messages/subscribe/sent")),
        Err(ServiceError::InvalidFields(errors)) => {
            let messages = field_messages(&ctx, &errors);
            let page = subscribe_page(&ctx, csrf, &fields, messages).await?;
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
        Err(ServiceError::RateLimited { retry_after }) => {
            let message = crate::kit::too_many(&ctx, "email", "community-too-many", retry_after);
            let page = subscribe_page(&ctx, csrf, &fields, vec![message]).await?;
            respond_throttled(page, retry_after)
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /community-messages/subscribe/sent`.
pub(super) async fn sent(ctx: PageCtx) -> Result<Response, AppError> {
    let ui = ctx
        .chrome_for(SUBSCRIBE, "community-check-email-title")
        .await?;
    let page = NoticePage {
        ui,
        text: ctx.t("community-check-email").into(),
        link: Some((
            "/community-messages".to_owned(),
            ctx.t("community-archive-link").into(),
        )),
    };
    respond(StatusCode::OK, page, None)
}

#[derive(Deserialize, Default)]
pub(super) struct TokenParams {
    #[serde(default)]
    token: String,
}

fn encoded(token: &str) -> String {
    form_urlencoded::byte_serialize(token.as_bytes()).collect()
}

/// A link that does not work: forged, used or expired, said plainly.
async fn dead_link(ctx: &PageCtx, path: &str) -> Result<Response, AppError> {
    let ui = ctx.chrome_for(path, "community-link-dead-title").await?;
    let page = NoticePage {
        ui,
        text: ctx.t("community-link-dead").into(),
        link: Some((
            SUBSCRIBE.to_owned(),
            ctx.t("community-subscribe-again").into(),
        )),
    };
    Ok(no_referrer(respond(StatusCode::BAD_REQUEST, page, None)?))
}

fn is_dead(e: &ServiceError) -> bool {
    matches!(e, ServiceError::Invalid(v) if v.field == "token")
}

/// What a subscription holds, in words: areas and topics.
async fn choices_said(ctx: &PageCtx, c: &Choices) -> Result<Vec<Phrase>, AppError> {
    let (areas, topics) = messaging::choices(&ctx.state.db).await?;
    let tag = ctx.locale().tag();
    let areas = if c.all_areas {
        ctx.t("community-all-areas")
    } else {
        areas
            .iter()
            .filter(|a| c.areas.contains(&a.id))
            .map(|a| a.name_in(tag).to_owned())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let topics = topics
        .iter()
        .filter(|t| c.topics.contains(&t.id))
        .map(|t| t.name_in(tag).to_owned())
        .collect::<Vec<_>>()
        .join(", ");
    Ok(vec![
        ctx.phrase(
            "community-confirm-areas",
            &[("areas", cohesion_ui::Value::Text(&areas))],
        ),
        ctx.phrase(
            "community-confirm-topics",
            &[("topics", cohesion_ui::Value::Text(&topics))],
        ),
    ])
}

/// `GET /community-messages/confirm?token=…`: what will be confirmed
/// and a button; opening the link uses nothing (mail scanners open it).
pub(super) async fn confirm_page(
    ctx: PageCtx,
    Query(p): Query<TokenParams>,
) -> Result<Response, AppError> {
    let path = "/community-messages/confirm";
    let (_, choices) = match subscribing::pending(&ctx.state.db, &p.token).await {
        Ok(found) => found,
        Err(e) if is_dead(&e) => return dead_link(&ctx, path).await,
        Err(e) => return Err(e.into()),
    };
    let action = format!("{path}?token={}", encoded(&p.token));
    let ui = ctx.chrome_for(path, "community-confirm-title").await?;
    let mut page = FormPage::new(
        ui,
        String::new(),
        &action,
        ctx.t("community-confirm-button"),
    );
    page.lead = choices_said(&ctx, &choices).await?;
    Ok(no_referrer(respond(StatusCode::OK, page, None)?))
}

/// `POST /community-messages/confirm?token=…`: the token is the proof.
pub(super) async fn confirm(
    ctx: PageCtx,
    client: ClientKey,
    Query(p): Query<TokenParams>,
) -> Result<Response, AppError> {
    let path = "/community-messages/confirm";
    match subscribing::confirm(&ctx.state.db, &p.token, Some(&client.0)).await {
        Ok(_) => {
            let ui = ctx.chrome_for(path, "community-confirmed-title").await?;
            let page = NoticePage {
                ui,
                text: ctx.t("community-confirmed").into(),
                link: Some((
                    "/community-messages".to_owned(),
                    ctx.t("community-archive-link").into(),
                )),
            };
            Ok(no_referrer(respond(StatusCode::OK, page, None)?))
        }
        Err(e) if is_dead(&e) => dead_link(&ctx, path).await,
        Err(e) => Err(e.into()),
    }
}

/// `GET /community-messages/unsubscribe?token=…`: one button.
pub(super) async fn unsubscribe_page(
    ctx: PageCtx,
    Query(p): Query<TokenParams>,
) -> Result<Response, AppError> {
    let path = "/community-messages/unsubscribe";
    if let Err(e) = unsubscribing::check(&ctx.state.db, &p.token).await {
        return match is_dead(&e) {
            true => dead_link(&ctx, path).await,
            false => Err(e.into()),
        };
    }
    let action = format!("{path}?token={}", encoded(&p.token));
    let ui = ctx.chrome_for(path, "community-unsubscribe-title").await?;
    let mut page = FormPage::new(
        ui,
        String::new(),
        &action,
        ctx.t("community-unsubscribe-button"),
    );
    page.lead = vec![ctx.t("community-unsubscribe-lead").into()];
    Ok(no_referrer(respond(StatusCode::OK, page, None)?))
}

/// `POST /community-messages/unsubscribe?token=…`: RFC 8058's one
/// click, no sign-in and no form token; whatever body is sent is not
/// read. Twice is fine, and says so.
pub(super) async fn unsubscribe(
    ctx: PageCtx,
    client: ClientKey,
    Query(p): Query<TokenParams>,
) -> Result<Response, AppError> {
    let path = "/community-messages/unsubscribe";
    let said = match unsubscribing::unsubscribe(&ctx.state.db, &p.token, Some(&client.0)).await {
        Ok(Unsubscribed::Now) => "community-unsubscribed",
        Ok(Unsubscribed::Already) => "community-unsubscribed-already",
        Err(e) if is_dead(&e) => return dead_link(&ctx, path).await,
        Err(e) => return Err(e.into()),
    };
    let ui = ctx.chrome_for(path, "community-unsubscribed-title").await?;
    let page = NoticePage {
        ui,
        text: ctx.t(said).into(),
        link: Some((
            SUBSCRIBE.to_owned(),
            ctx.t("community-subscribe-again").into(),
        )),
    };
    Ok(no_referrer(respond(StatusCode::OK, page, None)?))
}

#[derive(Deserialize, Default)]
pub(super) struct PageParams {
    #[serde(default)]
    page: Option<i64>,
}

/// A message's subject as written in the reader's language (or the
/// original), and the words.
fn shown(m: &Message, tag: &str) -> (Shown, String, String) {
    let (w, lang) = m.in_language(tag);
    (
        Shown::new(w.subject.clone(), lang),
        w.body.clone(),
        lang.to_owned(),
    )
}

/// `GET /community-messages`: the archive, newest first.
pub(super) async fn archive(
    ctx: PageCtx,
    Query(p): Query<PageParams>,
) -> Result<Response, AppError> {
    let page_no = p.page.unwrap_or(0).clamp(0, 10_000);
    let (list, more) = reading::archive(&ctx.state.db, page_no).await?;
    let tag = ctx.locale().tag().to_owned();
    let ui = ctx
        .chrome_for("/community-messages", "community-archive-title")
        .await?;
    let mut page = ReportPage::new(ui);
    page.lead = vec![ctx.t("community-archive-lead").into()];
    page.links = vec![
        (SUBSCRIBE.to_owned(), ctx.t("community-get-by-email").into()),
        (
            "/community-messages/feed.atom".to_owned(),
            ctx.t("community-feed-link").into(),
        ),
    ];
    let rows = list
        .iter()
        .map(|m| {
            let (subject, _, _) = shown(m, &tag);
            let sent = m.queued_at.unwrap_or(m.created_at);
            vec![
                Cell::link(subject, format!("/community-messages/{}", m.id)),
                Cell::when(ctx.dates().at(sent)),
            ]
        })
        .collect();
    page.tables = vec![Table {
        caption: ctx.t("community-archive-caption").into(),
        head: vec![
            ctx.t("community-col-subject").into(),
            ctx.t("community-col-sent").into(),
        ],
        rows,
        empty: ctx.t("community-archive-empty"),
    }];
    if more {
        page.next = Some(format!("/community-messages?page={}", page_no + 1));
    }
    respond(StatusCode::OK, page, None)
}

/// `GET /community-messages/{id}`: one message sent.
pub(super) async fn message(ctx: PageCtx, Path(id): Path<String>) -> Result<Response, AppError> {
    let id = crate::kit::path_id(&id)?;
    let m = reading::published(&ctx.state.db, id).await?;
    let tag = ctx.locale().tag().to_owned();
    let (subject, body, lang) = shown(&m, &tag);
    let mut ui = ctx
        .chrome_for(
            &format!("/community-messages/{id}"),
            "community-archive-title",
        )
        .await?;
    ui.title = subject.into();
    let mut page = ReportPage::new(ui);
    page.back = Some((
        "/community-messages".to_owned(),
        ctx.t("community-archive-title"),
    ));
    let sent = m.queued_at.unwrap_or(m.created_at);
    page.rows = vec![cohesion_ui::SummaryRow::when(
        ctx.t("community-col-sent"),
        ctx.dates().at(sent),
    )];
    page.sections = vec![
        Section::render(&cohesion_ui::messaging::Prose::new(&body, &lang, None))
            .map_err(|_| AppError::internal())?,
    ];
    page.links = vec![(SUBSCRIBE.to_owned(), ctx.t("community-get-by-email").into())];
    respond(StatusCode::OK, page, None)
}

/// `text` escaped for XML, without the characters XML 1.0 forbids.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `GET /community-messages/feed.atom`: the newest messages sent, in
/// the reader's language where translated.
pub(super) async fn feed(ctx: PageCtx) -> Result<Response, AppError> {
    let (list, _) = reading::archive(&ctx.state.db, 0).await?;
    let base = ctx.state.config.public_url.trim_end_matches('/');
    let tag = ctx.locale().tag().to_owned();
    let stamp = |t: cohesion_domain::timestamp::Timestamp| {
        t.as_offset().format(&Rfc3339).unwrap_or_default()
    };
    let updated = list
        .iter()
        .filter_map(|m| m.queued_at)
        .max()
        .unwrap_or_else(cohesion_domain::timestamp::Timestamp::now);
    let title = ctx
        .t("community-archive-title")
        .replace(['\u{2068}', '\u{2069}'], "");
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = write!(
        out,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n\
         <id>{base}/community-messages</id>\n<title>{}</title>\n\
         <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n\
         <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n\
         <updated>{}</updated>\n",
        xml(&tag),
        xml(&title),
        xml(&format!("{base}/community-messages")),
        xml(&format!("{base}/community-messages/feed.atom")),
        stamp(updated),
    );
    for m in &list {
        let (subject, body, lang) = shown(m, &tag);
        let sent = m.queued_at.unwrap_or(m.created_at);
        let _ = write!(
            out,
            "<entry xml:lang=\"{}\">\n<id>urn:uuid:{}</id>\n<title>{}</title>\n\
             <author><name>{}</name></author>\n\
             <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n\
             <published>{}</published>\n<updated>{}</updated>\n\
             <content type=\"text\">{}</content>\n</entry>\n",
            xml(&lang),
            m.id,
            xml(&subject.text),
            xml(&title),
            xml(&format!("{base}/community-messages/{}", m.id)),
            stamp(sent),
            stamp(sent),
            xml(&body),
        );
    }
    out.push_str("</feed>\n");
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/atom+xml; charset=utf-8"),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        out,
    )
        .into_response())
}

/// Get involved's section: the way to subscribe, and the latest sent.
pub(super) fn get_involved<'a>(ctx: &'a PageCtx) -> Part<'a, Listing> {
    Box::pin(async move {
        let (list, _) = reading::archive(&ctx.state.db, 0).await?;
        let tag = ctx.locale().tag().to_owned();
        let items = list
            .iter()
            .take(3)
            .map(|m| {
                let (subject, _, _) = shown(m, &tag);
                let sent = m.queued_at.unwrap_or(m.created_at);
                ListingItem {
                    href: format!("/community-messages/{}", m.id),
                    title: subject,
                    status_key: "closed",
                    status: ctx.t("community-status-sent"),
                    dates: ctx
                        .dates()
                        .sentence("community-sent-on", &[("date", &ctx.dates().at(sent))]),
                    note: None,
                    links: Vec::new(),
                }
            })
            .collect();
        Ok(Listing {
            id: "community-messages",
            heading: ctx.t("community-get-by-email"),
            links: vec![
                (SUBSCRIBE.to_owned(), ctx.t("community-subscribe-title")),
                (
                    "/community-messages".to_owned(),
                    ctx.t("community-archive-link"),
                ),
            ],
            groups: vec![ListingGroup {
                heading: None,
                items,
                empty: ctx.t("community-archive-empty"),
                more: None,
            }],
        })
    })
}
