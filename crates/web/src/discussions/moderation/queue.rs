//! `GET /moderation`: the comments and held statements waiting, most
//! serious first, a page at a time (each read from where the last
//! ended), narrowed by reason, discussion, language and flags.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::discussion::moderation::ReportReason;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::discussions::moderating::{self, Queued};
use cohesion_services::discussions::{reading, QueueKey, QueueQuery, COUNTED_UP_TO};
use cohesion_ui::discussions::moderation::BulkForm;
use cohesion_ui::{Field, Filter, ReportPage};
use serde::Deserialize;
use uuid::Uuid;

use super::{card, section, statement_card, with_filters, QueueFilters};
use crate::kit::{confirmation, respond, AppError, May, Moderate, PageCtx};

/// Items on a page of the queue.
const PAGE_SIZE: i64 = 20;

/// What the queue's address carries besides its filters
/// ([`QueueFilters`], read from the same query).
#[derive(Deserialize, Default)]
pub(super) struct QueueParams {
    /// Where the last page ended (its token).
    #[serde(default)]
    after: String,
    #[serde(default)]
    done: Option<String>,
    /// The comment a single decision was taken on: the confirmation
    /// leads back to it.
    #[serde(default)]
    comment: String,
    /// What a bulk decision did (`approve` or `hide`), how many it
    /// decided, and each comment it skipped with why
    /// (`id.reason,id.reason`, reasons as `Refusal::code`).
    #[serde(default)]
    did: String,
    #[serde(default)]
    decided: u32,
    #[serde(default)]
    skipped: String,
}

const FLAGS: [&str; 5] = ["held", "reported", "appealed", "escalated", "statements"];

/// A page's end as its address carries it:
/// `severity.weight.nanoseconds.id`.
fn after_token(k: QueueKey) -> String {
    format!(
        "{}.{}.{}.{}",
        k.severity,
        k.weight,
        k.since.as_offset().unix_timestamp_nanos(),
        k.id.simple()
    )
}

/// Reads [`after_token`]; anything else is a bad request.
fn after_of(token: &str) -> Result<Option<QueueKey>, AppError> {
    if token.is_empty() {
        return Ok(None);
    }
    let bad = || AppError::bad_request(ErrorCode::BadRequest);
    let mut parts = token.split('.');
    let mut next = || parts.next().ok_or_else(bad);
    let severity = next()?.parse::<i64>().map_err(|_| bad())?;
    let weight = next()?.parse::<i64>().map_err(|_| bad())?;
    let nanos = next()?.parse::<i128>().map_err(|_| bad())?;
    let id = Uuid::try_parse(next()?).map_err(|_| bad())?;
    if parts.next().is_some() {
        return Err(bad());
    }
    let since = time::OffsetDateTime::from_unix_timestamp_nanos(nanos).map_err(|_| bad())?;
    Ok(Some(QueueKey {
        severity,
        weight,
        since: since.into(),
        id,
    }))
}

/// Where "Back" leads from the queue. The queue is the moderation home,
/// a section of the navigation of its own (as Discussions and Manage
/// are, neither of which has a "Back"), and every other moderation page
/// leads back to it: so a narrowed or later page leads back to all that
/// waits, and the queue itself has no "Back" (it never led to the
/// officers' dashboard a moderator did not come from).
fn back(ctx: &PageCtx, f: &QueueFilters, p: &QueueParams) -> Option<(String, String)> {
    let narrowed = !f.query().is_empty() || !p.after.trim().is_empty();
    narrowed.then(|| ("/moderation".to_owned(), ctx.t("moderation-back")))
}

fn page_href(f: &QueueFilters, after: QueueKey) -> String {
    let mut query = f.serializer();
    query.append_pair("after", &after_token(after));
    format!("/moderation?{}", query.finish())
}

/// The queue as narrowed now, from its first page: where a bulk
/// decision sent from here comes back to.
fn narrowed_href(f: &QueueFilters) -> String {
    match f.query() {
        q if q.is_empty() => "/moderation".to_owned(),
        q => format!("/moderation?{q}"),
    }
}

pub(super) async fn queue(
    ctx: PageCtx,
    May(me, _): May<Moderate>,
    Query(f): Query<QueueFilters>,
    Query(p): Query<QueueParams>,
) -> Result<Response, AppError> {
    let reason = match f.reason.trim() {
        "" => None,
        code => Some(
            ReportReason::from_code(code)
                .ok_or(ValidationError::new("reason", ErrorCode::InvalidChoice))?
                .code(),
        ),
    };
    let discussion = match f.discussion.trim() {
        "" => None,
        raw => Some(
            Uuid::parse_str(raw)
                .map_err(|_| ValidationError::new("discussion", ErrorCode::InvalidChoice))?,
        ),
    };
    let language = match f.language.trim() {
        "" => None,
        tag => Some(
            ctx.state
                .catalog
                .get(tag)
                .map(|l| l.tag())
                .ok_or(ValidationError::new("language", ErrorCode::InvalidChoice))?,
        ),
    };
    let flag = f.flag.trim();
    if !flag.is_empty() && !FLAGS.contains(&flag) {
        return Err(ValidationError::new("flag", ErrorCode::InvalidChoice).into());
    }
    let after = after_of(p.after.trim())?;
    let q = QueueQuery {
        reason,
        discussion,
        language,
        held: flag == "held",
        reported: flag == "reported",
        appealed: flag == "appealed",
        escalated: flag == "escalated",
        statements: flag == "statements",
        with_statements: true,
        after,
        limit: PAGE_SIZE,
    };
    let page = moderating::waiting(&ctx.state.db, &me, &q).await?;
    let total = page.total;
    let ui = ctx.chrome_for("/moderation", "moderation-title").await?;
    let mut view = ReportPage::new(ui.with_nav("moderation"));
    view.back = back(&ctx, &f, &p);
    view.done = match p.done.as_deref() {
        Some("moderation-bulk") => {
            let skipped = super::bulk::skipped_of(&p.skipped);
            view.rows = super::bulk::skipped_rows(&ctx, &skipped);
            Some(super::bulk::summary(&ctx, &p.did, p.decided, &skipped))
        }
        done => confirmation(&ctx, done).map(Into::into),
    };
    let filters = f.query();
    if p.done.as_deref() == Some("moderation-decided") {
        view.done_link = Uuid::parse_str(p.comment.trim()).ok().map(|id| {
            (
                with_filters(&format!("/moderation/comments/{id}"), &filters),
                ctx.t("moderation-decided-again").into(),
            )
        });
    }
    view.csrf = me.csrf.clone();
    view.lead = vec![waiting_phrase(&ctx, total).into()];
    let listed = discussions(&ctx).await?;
    view.filter = Some(Filter {
        action: "/moderation".to_owned(),
        fields: filter_fields(&ctx, &f, &listed),
        button: ctx.t("moderation-filter-button"),
    });
    // The cards name their discussions as the filter does: in the page's
    // language where translated.
    let title_of = |id: uuid::Uuid, written: &str| {
        let id = id.to_string();
        listed
            .iter()
            .find(|(d, _)| *d == id)
            .map_or_else(|| written.to_owned(), |(_, t)| t.clone())
    };
    let mut comments = false;
    for item in &page.items {
        let card = match item {
            Queued::Comment(e) => {
                comments = true;
                let mut e = e.as_ref().clone();
                e.item.discussion_title =
                    title_of(e.comment.discussion_id, &e.item.discussion_title);
                let mut c = card(&ctx, &me.csrf, &e, true);
                // The comment's page leads back to the queue as narrowed.
                c.href = c.href.map(|h| with_filters(&h, &filters));
                c
            }
            Queued::Statement(h) => {
                let mut h = h.clone();
                h.discussion_title = title_of(h.statement.discussion_id, &h.discussion_title);
                statement_card(&ctx, &h)
            }
        };
        view.sections.push(section(&card)?);
    }
    // Bulk decisions are for comments; statements are decided on their
    // discussion's statements page.
    if comments {
        view.sections
            .push(section(&bulk_form(&ctx, &me.csrf, narrowed_href(&f)))?);
    }
    view.links = vec![
        (
            "/moderation/words".to_owned(),
            ctx.t("moderation-words-link").into(),
        ),
        (
            "/moderation/screening".to_owned(),
            ctx.t("screening-quality-link").into(),
        ),
    ];
    view.next = page.next.map(|k| page_href(&f, k));
    respond(StatusCode::OK, view, None)
}

/// The form the ticked cards are sent with: approve them, or hide them
/// for one public reason.
fn bulk_form(ctx: &PageCtx, csrf: &str, from: String) -> BulkForm {
    BulkForm {
        from,
        id: super::BULK_FORM.to_owned(),
        heading: ctx.t("moderation-bulk-heading"),
        hint: ctx.t("moderation-bulk-hint"),
        action: "/moderation/bulk".to_owned(),
        csrf: csrf.to_owned(),
        action_legend: ctx.t("moderation-bulk-action"),
        actions: ["approve", "hide"]
            .iter()
            .map(|a| ((*a).to_owned(), ctx.t(&format!("moderation-action-{a}"))))
            .collect(),
        reason_label: ctx.t("moderation-bulk-reason"),
        reasons: ReportReason::ALL
            .iter()
            .map(|r| {
                (
                    r.code().to_owned(),
                    ctx.t(&format!("report-reason-{}", r.code())),
                )
            })
            .collect(),
        note_label: ctx.t("moderation-note-label"),
        button: ctx.t("moderation-bulk-button"),
    }
}

/// The most discussions the filter lists (newest first after the open
/// ones); one further away is still reached from its own page's
/// "Moderate" links.
const LISTED: i64 = 100;

/// The discussions a moderator may filter the queue by: published ones,
/// open first, by their titles in the page's language where translated.
async fn discussions(ctx: &PageCtx) -> Result<Vec<(String, String)>, AppError> {
    Ok(reading::titles(&ctx.state.db, ctx.locale().tag(), LISTED)
        .await?
        .into_iter()
        .map(|(id, title)| (id.to_string(), title))
        .collect())
}

fn filter_fields(ctx: &PageCtx, f: &QueueFilters, listed: &[(String, String)]) -> Vec<Field> {
    let any = || (String::new(), ctx.t("moderation-filter-any"));
    let mut reasons = vec![any()];
    reasons.extend(ReportReason::ALL.iter().map(|r| {
        (
            r.code().to_owned(),
            ctx.t(&format!("report-reason-{}", r.code())),
        )
    }));
    let mut languages = vec![any()];
    languages.extend(
        ctx.state
            .catalog
            .all()
            .iter()
            .map(|l| (l.tag().to_owned(), l.name().to_owned())),
    );
    let mut flags = vec![any()];
    flags.extend(
        FLAGS
            .iter()
            .map(|f| ((*f).to_owned(), ctx.t(&format!("moderation-flag-{f}")))),
    );
    vec![
        Field::choice(
            "reason",
            "select",
            ctx.t("moderation-filter-reason"),
            reasons,
        )
        .value(&f.reason),
        Field::choice(
            "discussion",
            "select",
            ctx.t("moderation-filter-discussion"),
            std::iter::once(any())
                .chain(listed.iter().cloned())
                .collect(),
        )
        .value(&f.discussion),
        Field::choice(
            "language",
            "select",
            ctx.t("moderation-filter-language"),
            languages,
        )
        .value(&f.language),
        Field::choice("flag", "select", ctx.t("moderation-filter-flag"), flags).value(&f.flag),
    ]
}

/// How many wait, as the queue and the officers' panel say it: nothing,
/// the count, or "more than" the most the queue counts.
pub(crate) fn waiting_phrase(ctx: &PageCtx, total: i64) -> String {
    match total {
        0 => ctx.t("moderation-empty"),
        n if n > COUNTED_UP_TO => ctx.locale().t_plain(
            "moderation-count-more",
            &[("count", (COUNTED_UP_TO as u64).into())],
        ),
        n => ctx
            .locale()
            .t_plain("moderation-count", &[("count", (n as u64).into())]),
    }
}
