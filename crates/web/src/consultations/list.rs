//! The list of consultations, filtered and a page at a time.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::consultation::Status;
use cohesion_domain::consultation::{Consultation, ListFilter};
use cohesion_domain::timestamp::Timestamp;
use cohesion_domain::translation::key;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::consultations::reading::{self, PAGE_SIZE};
use cohesion_services::permissions::is_staff;
use cohesion_ui::consultations::{ConsultationItem, ConsultationListPage};
use cohesion_ui::{Field, Phrase, SummaryRow};
use serde::Deserialize;

use super::translated::translate_list;
use super::wording::{status_label, tn};
use crate::kit::{respond, AppError, Langs, PageCtx};

/// When it opens or closes, as its status makes it matter: "Closes 4
/// February 2027 at 5pm" while open. It always follows the status tag,
/// so once the tag says "Closed" the date does not say it again.
pub(super) fn dates(ctx: &PageCtx, c: &Consultation) -> Phrase {
    let d = ctx.dates();
    let closes = d.at(c.closes_at);
    let now = Timestamp::now();
    // Withdrawn: when, after the tag; when it would have closed no
    // longer matters.
    if let (None, Some(at)) = (c.published_at, c.withdrawn_at) {
        return d.with("consultation-dates-withdrawn-on", "when", d.at(at));
    }
    if c.status_key(now) == Status::Closed.key() {
        return d.with("consultation-dates-closed-on", "closes", closes);
    }
    match c.status(now) {
        Status::Upcoming => d.range(
            "consultation-dates-upcoming",
            c.opens_at.as_offset(),
            c.closes_at.as_offset(),
        ),
        Status::Open => d.with("consultation-dates-open", "closes", closes),
        Status::Closed => d.with("consultation-dates-closed", "closes", closes),
    }
}

/// When it opens and closes as summary rows, worded for where it
/// stands: "Opens" and "Closes" before it opens (and while a draft),
/// "Opened" and "Closes" while open, and once closed one row, "Ran from
/// … to …", so that a closed consultation never says it opens. Once
/// withdrawn, no closing date (it will not close, it was taken back; when
/// is said beside), only when it opened if it had.
pub(super) fn date_rows(ctx: &PageCtx, c: &Consultation) -> Vec<SummaryRow> {
    let d = ctx.dates();
    let (opens, closes) = (d.at(c.opens_at), d.at(c.closes_at));
    if let (None, Some(at)) = (c.published_at, c.withdrawn_at) {
        return (c.opens_at < at)
            .then(|| SummaryRow::when(ctx.t("consultation-opened"), opens))
            .into_iter()
            .collect();
    }
    let never_public = c.published_at.is_none() && c.withdrawn_at.is_none();
    let status = match c.status(Timestamp::now()) {
        _ if never_public => Status::Upcoming,
        status => status,
    };
    let closes_row = |closes| SummaryRow::when(ctx.t("consultation-closes"), closes);
    match status {
        Status::Upcoming => vec![
            SummaryRow::when(ctx.t("consultation-opens"), opens),
            closes_row(closes),
        ],
        Status::Open => vec![
            SummaryRow::when(ctx.t("consultation-opened"), opens),
            closes_row(closes),
        ],
        Status::Closed => vec![SummaryRow::new(
            ctx.t("consultation-ran"),
            d.range(
                "consultation-ran-dates",
                c.opens_at.as_offset(),
                c.closes_at.as_offset(),
            ),
        )],
    }
}

/// The list's filters as sent, on the page and in the API.
#[derive(Deserialize, Default)]
pub(super) struct ListParams {
    /// `upcoming`, `open` or `closed`.
    #[serde(default)]
    status: String,
    #[serde(default)]
    topic: String,
    /// The area, as the consultation names it (any case).
    #[serde(default)]
    area: String,
    /// Words in the title or summary.
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<u32>,
}

impl ListParams {
    /// What the filters ask the list for, and which page of it (from 1
    /// to 10,000). A status that is not one: 422 `invalid_choice`.
    pub(super) fn query(&self) -> Result<(ListFilter<'_>, u32), AppError> {
        let status = match self.status.as_str() {
            "" => None,
            s => Some(
                Status::parse(s).ok_or(ValidationError::new("status", ErrorCode::InvalidChoice))?,
            ),
        };
        let query = ListFilter {
            drafts: true,
            status,
            topic: Some(self.topic.trim()).filter(|s| !s.is_empty()),
            area: Some(self.area.trim()).filter(|s| !s.is_empty()),
            search: Some(self.q.trim()).filter(|s| !s.is_empty()),
        };
        Ok((query, self.page.unwrap_or(1).clamp(1, 10_000)))
    }
}

fn list_href(p: &ListParams, page: u32) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (k, v) in [
        ("status", &p.status),
        ("topic", &p.topic),
        ("area", &p.area),
        ("q", &p.q),
    ] {
        if !v.is_empty() {
            query.append_pair(k, v);
        }
    }
    query.append_pair("page", &page.to_string());
    format!("/consultations?{}", query.finish())
}

pub async fn index(ctx: PageCtx, Query(p): Query<ListParams>) -> Result<Response, AppError> {
    let (query, page) = p.query()?;
    let viewer = ctx.user.0.as_ref();
    let (mut list, total) = reading::list(&ctx.state.db, viewer, query, page).await?;
    let areas = reading::areas(&ctx.state.db, ctx.locale().tag()).await?;
    let langs = translate_list(&ctx, &mut list).await?;
    let items = list
        .iter()
        .zip(langs)
        .map(|(c, langs)| item(&ctx, c, &langs))
        .collect();
    let filter = filter_fields(&ctx, &p, areas);
    let pages = (total.max(0) as u64).div_ceil(PAGE_SIZE as u64) as u32;
    let ui = ctx
        .chrome_for("/consultations", "consultations-title")
        .await?;
    let page_view = ConsultationListPage {
        ui: ui.with_nav("consultations"),
        lead: ctx.t("consultations-lead"),
        filter,
        filter_button: ctx.t("consultations-filter-button"),
        count: tn(&ctx, "consultations-count", "count", total.max(0) as u64),
        items,
        empty: ctx.t("consultations-empty"),
        previous: (page > 1).then(|| list_href(&p, page - 1)),
        next: (page < pages).then(|| list_href(&p, page + 1)),
        create: is_staff(viewer).then(|| {
            (
                "/staff/consultations/new".to_owned(),
                ctx.t("consultations-create"),
            )
        }),
    };
    respond(StatusCode::OK, page_view, None)
}

/// One consultation in the list, its texts in the reader's language
/// where translated.
fn item(ctx: &PageCtx, c: &Consultation, langs: &Langs) -> ConsultationItem {
    let (status_key, status) = status_label(ctx, c);
    ConsultationItem {
        href: format!("/consultations/{}", c.id),
        title: langs.shown(key::TITLE, &c.title),
        summary: langs.shown(key::SUMMARY, &c.summary),
        status_key,
        status,
        dates: dates(ctx, c),
        responded: tn(
            ctx,
            "consultation-responded",
            "count",
            c.response_count.max(0) as u64,
        ),
    }
}

/// The list's filters (status, topic, area among `areas`, words) as sent.
fn filter_fields(ctx: &PageCtx, p: &ListParams, areas: Vec<(String, String)>) -> Vec<Field> {
    let mut area_options = vec![(String::new(), ctx.t("consultations-filter-any-area"))];
    area_options.extend(areas);
    let mut status_options = vec![(String::new(), ctx.t("consultations-filter-any"))];
    status_options
        .extend(Status::ALL.map(|s| (s.key().to_owned(), ctx.t(&format!("status-{}", s.key())))));
    vec![
        Field::choice(
            "status",
            "select",
            ctx.t("consultations-filter-status"),
            status_options,
        )
        .value(&p.status),
        Field::new(
            "topic",
            "search",
            "off",
            ctx.t("consultations-filter-topic"),
        )
        .value(&p.topic),
        Field::choice(
            "area",
            "select",
            ctx.t("consultations-filter-area"),
            area_options,
        )
        .value(p.area.trim()),
        Field::new("q", "search", "off", ctx.t("consultations-filter-search")).value(&p.q),
    ]
}
