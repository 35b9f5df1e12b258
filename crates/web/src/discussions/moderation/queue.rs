//! `GET /moderation`: the comments waiting, most serious first, a page at
//! a time, narrowed by reason, discussion, language and flags.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::discussion::moderation::ReportReason;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::discussions::moderating;
use cohesion_services::discussions::QueueQuery;
use cohesion_ui::discussions::moderation::BulkForm;
use cohesion_ui::{Field, Filter, ReportPage};
use serde::Deserialize;
use uuid::Uuid;

use super::{card, section};
use crate::kit::{confirmation, respond, AppError, May, Moderate, PageCtx};

/// Items on a page of the queue.
const PAGE_SIZE: i64 = 20;

/// The queue's filters as sent.
#[derive(Deserialize, Default)]
pub(super) struct QueueParams {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    discussion: String,
    #[serde(default)]
    language: String,
    /// `held`, `reported`, `appealed` or `escalated`.
    #[serde(default)]
    flag: String,
    #[serde(default)]
    page: Option<u32>,
    #[serde(default)]
    done: Option<String>,
    /// What a bulk decision did (`approve` or `hide`) and its counts.
    #[serde(default)]
    did: String,
    #[serde(default)]
    decided: u32,
    #[serde(default)]
    own: u32,
    #[serde(default)]
    escalated: u32,
    #[serde(default)]
    gone: u32,
}

const FLAGS: [&str; 4] = ["held", "reported", "appealed", "escalated"];

fn page_href(p: &QueueParams, page: u32) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (k, v) in [
        ("reason", &p.reason),
        ("discussion", &p.discussion),
        ("language", &p.language),
        ("flag", &p.flag),
    ] {
        if !v.is_empty() {
            query.append_pair(k, v);
        }
    }
    query.append_pair("page", &page.to_string());
    format!("/moderation?{}", query.finish())
}

pub(super) async fn queue(
    ctx: PageCtx,
    May(me, _): May<Moderate>,
    Query(p): Query<QueueParams>,
) -> Result<Response, AppError> {
    let reason = match p.reason.trim() {
        "" => None,
        code => Some(
            ReportReason::from_code(code)
                .ok_or(ValidationError::new("reason", ErrorCode::InvalidChoice))?
                .code(),
        ),
    };
    let discussion = match p.discussion.trim() {
        "" => None,
        raw => Some(
            Uuid::parse_str(raw)
                .map_err(|_| ValidationError::new("discussion", ErrorCode::InvalidChoice))?,
        ),
    };
    let language = match p.language.trim() {
        "" => None,
        tag => Some(
            ctx.state
                .catalog
                .get(tag)
                .map(|l| l.tag())
                .ok_or(ValidationError::new("language", ErrorCode::InvalidChoice))?,
        ),
    };
    let flag = p.flag.trim();
    if !flag.is_empty() && !FLAGS.contains(&flag) {
        return Err(ValidationError::new("flag", ErrorCode::InvalidChoice).into());
    }
    let page = p.page.unwrap_or(1).clamp(1, 10_000);
    let q = QueueQuery {
        reason,
        discussion,
        language,
        held: flag == "held",
        reported: flag == "reported",
        appealed: flag == "appealed",
        escalated: flag == "escalated",
        offset: i64::from(page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
    };
    let (entries, total) = moderating::queue(&ctx.state.db, &me, &q).await?;
    let pages = (total.max(0) as u64).div_ceil(PAGE_SIZE as u64) as u32;
    let ui = ctx.chrome_for("/moderation", "moderation-title").await?;
    let mut view = ReportPage::new(ui.with_nav("moderation"));
    view.back = Some(("/manage".to_owned(), ctx.t("back")));
    view.done = match p.done.as_deref() {
        Some("moderation-bulk") => Some(super::bulk::summary(
            &ctx,
            &p.did,
            p.decided,
            p.own,
            p.escalated,
            p.gone,
        )),
        done => confirmation(&ctx, done).map(Into::into),
    };
    view.csrf = me.csrf.clone();
    view.lead = vec![match total {
        0 => ctx.t("moderation-empty").into(),
        n => ctx
            .locale()
            .t_plain("moderation-count", &[("count", (n as u64).into())])
            .into(),
    }];
    view.filter = Some(Filter {
        action: "/moderation".to_owned(),
        fields: filter_fields(&ctx, &p),
        button: ctx.t("moderation-filter-button"),
    });
    for e in &entries {
        view.sections.push(section(&card(&ctx, &me.csrf, e, true))?);
    }
    if !entries.is_empty() {
        view.sections.push(section(&bulk_form(&ctx, &me.csrf))?);
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
    view.next = (page < pages).then(|| page_href(&p, page + 1));
    respond(StatusCode::OK, view, None)
}

/// The form the ticked cards are sent with: approve them, or hide them
/// for one public reason.
fn bulk_form(ctx: &PageCtx, csrf: &str) -> BulkForm {
    BulkForm {
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

fn filter_fields(ctx: &PageCtx, p: &QueueParams) -> Vec<Field> {
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
        .value(&p.reason),
        Field::new(
            "discussion",
            "search",
            "off",
            ctx.t("moderation-filter-discussion"),
        )
        .hint(ctx.t("moderation-filter-discussion-hint"))
        .value(&p.discussion)
        .left_to_right(),
        Field::choice(
            "language",
            "select",
            ctx.t("moderation-filter-language"),
            languages,
        )
        .value(&p.language),
        Field::choice("flag", "select", ctx.t("moderation-filter-flag"), flags).value(&p.flag),
    ]
}
