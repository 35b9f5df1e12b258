//! `GET /discussions/transparency` and `GET /discussions/{id}/transparency`:
//! what moderation did, month by month over the last year, for the site
//! and for one discussion, with small figures suppressed as survey
//! results are (issue 18 part 7).

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::discussion::moderation::ReportReason;
use cohesion_services::discussions::transparency::{self, Figures, MonthFigures};
use cohesion_ui::{Cell, Phrase, ReportPage, Table, Value};
use time::OffsetDateTime;

use super::translated::title_shown;
use crate::kit::{path_id, respond, AppError, PageCtx};

pub(super) async fn site(ctx: PageCtx) -> Result<Response, AppError> {
    let rules = ctx.state.config.small_base;
    let figures = transparency::site(
        &ctx.state.db,
        rules,
        OffsetDateTime::now_utc(),
        &ctx.state.config.time_zone,
    )
    .await?;
    let ui = ctx
        .chrome_for("/discussions/transparency", "transparency-site-title")
        .await?;
    let mut view = ReportPage::new(ui.with_nav("discussions"));
    view.back = Some(("/discussions".to_owned(), ctx.t("transparency-back-list")));
    fill(
        &ctx,
        &mut view,
        &figures,
        ctx.t("transparency-site-lead").into(),
        "transparency-months-site",
    );
    respond(StatusCode::OK, view, None)
}

pub(super) async fn discussion(ctx: PageCtx, Path(id): Path<String>) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let rules = ctx.state.config.small_base;
    let (d, figures) = transparency::discussion(
        &ctx.state.db,
        id,
        rules,
        OffsetDateTime::now_utc(),
        &ctx.state.config.time_zone,
    )
    .await?;
    let path = format!("/discussions/{id}/transparency");
    let ui = ctx
        .chrome_for(&path, "transparency-discussion-title")
        .await?;
    let mut view = ReportPage::new(ui.with_nav("discussions"));
    view.back = Some((
        format!("/discussions/{id}"),
        ctx.t("transparency-back-discussion"),
    ));
    let title = title_shown(&ctx, &d).await?;
    let lead = ctx.phrase(
        "transparency-discussion-lead",
        &[("title", Value::Shown(&title))],
    );
    fill(
        &ctx,
        &mut view,
        &figures,
        lead,
        "transparency-months-discussion",
    );
    view.links.push((
        "/discussions/transparency".to_owned(),
        ctx.t("transparency-site-link").into(),
    ));
    respond(StatusCode::OK, view, None)
}

/// The lead, what "comments posted" counts (not the count on a
/// discussion's page), what suppression means and how it is applied
/// (the same on both pages), which months are listed, the two tables
/// and the way to the house rules.
fn fill(ctx: &PageCtx, view: &mut ReportPage<'_>, f: &Figures, lead: Phrase, months: &str) {
    // Zero is shown (it picks nobody out): what is left out runs from 1
    // to one under the smallest count, and nothing when that is 1 or less.
    let suppressed = match f.min_count {
        0 | 1 => ctx.t("transparency-suppressed-none").into(),
        n => ctx
            .locale()
            .t_plain("transparency-suppressed-lead", &[("count", (n - 1).into())])
            .into(),
    };
    view.lead = vec![
        lead,
        ctx.t("transparency-counted-lead").into(),
        suppressed,
        ctx.t("transparency-rule-lead").into(),
        ctx.t(months).into(),
    ];
    let dates = ctx.dates();
    let figure = |n: Option<u64>| match n {
        Some(n) => Cell::from(n.to_string()),
        None => Cell::from(ctx.t("transparency-suppressed")),
    };
    let month = |m: &MonthFigures| Cell::when(dates.month(m.year, m.month));
    view.tables.push(Table {
        caption: ctx.t("transparency-table-caption").into(),
        head: [
            "transparency-month",
            "transparency-comments",
            "transparency-held",
            "transparency-hidden",
            "transparency-warnings",
            "transparency-suspensions",
            "transparency-upheld",
            "transparency-overturned",
            "transparency-median",
        ]
        .iter()
        .map(|k| ctx.t(k).into())
        .collect(),
        rows: f
            .months
            .iter()
            .map(|m| {
                vec![
                    month(m),
                    figure(m.comments),
                    figure(m.held),
                    figure(m.hidden),
                    figure(m.warnings),
                    figure(m.suspensions),
                    figure(m.appeals_upheld),
                    figure(m.appeals_overturned),
                    match (m.median_wait_seconds, m.no_waits) {
                        (Some(s), _) => Cell::from(wait(ctx, s)),
                        (None, true) => Cell::from(ctx.t("transparency-no-decisions")),
                        (None, false) => Cell::from(ctx.t("transparency-suppressed")),
                    },
                ]
            })
            .collect(),
        empty: ctx.t("transparency-none"),
    });
    let mut head: Vec<Phrase> = vec![ctx.t("transparency-month").into()];
    head.extend(
        ReportReason::ALL
            .iter()
            .map(|r| ctx.t(&format!("report-reason-{}", r.code())).into()),
    );
    view.tables.push(Table {
        caption: ctx.t("transparency-reasons-caption").into(),
        head,
        rows: f
            .months
            .iter()
            .map(|m| {
                let mut row = vec![month(m)];
                row.extend(m.hidden_by_reason.iter().map(|(_, n)| figure(*n)));
                row
            })
            .collect(),
        empty: ctx.t("transparency-none"),
    });
    view.links.push((
        "/discussions/house-rules".to_owned(),
        ctx.t("transparency-rules-link").into(),
    ));
}

/// A wait as people say it: minutes under two hours, hours under two
/// days, then days.
fn wait(ctx: &PageCtx, seconds: u64) -> String {
    let (key, n) = match seconds {
        s if s < 2 * 3600 => ("transparency-wait-minutes", s.div_ceil(60).max(1)),
        s if s < 48 * 3600 => ("transparency-wait-hours", (s + 1800) / 3600),
        s => ("transparency-wait-days", (s + 43_200) / 86_400),
    };
    ctx.locale().t_plain(key, &[("count", n.into())])
}
