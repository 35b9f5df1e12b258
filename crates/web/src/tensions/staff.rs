//! What officers with the tension-reading role see under
//! `/manage/tensions`: the counts, suppressed, as tables and a weekly
//! chart; the export; the recent reports and each one's masked text (one
//! click, one audit entry); and the administrators' settings.

use axum::extract::{Path, Query};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use cohesion_domain::identity::Action;
use cohesion_domain::tension::{Figure, Place};
use cohesion_services::accounts::SignedIn;
use cohesion_services::tensions::{reading, settings};
use cohesion_ui::tensions::{Bar, Breakdown, Chart, Dashboard, RecentRow, ReportPage};
use cohesion_ui::{Field, FieldError, FormPage, Listing, ListingGroup};
use serde::Deserialize;

use crate::kit::{
    check_session_csrf, path_id, respond, submit_form, AppError, ClientKey, ConfigureHelp, May,
    PageCtx, Part, ReadTensionReports, StaffPanel, StrictForm,
};

pub(super) const PANEL: StaffPanel = StaffPanel {
    actions: &[Action::ReadTensionReports, Action::ConfigureHelp],
    panel,
};

fn panel<'a>(ctx: &'a PageCtx, me: &'a SignedIn) -> Part<'a, Listing> {
    Box::pin(async move {
        let mut links = Vec::new();
        if me.roles.allows(Action::ReadTensionReports) {
            links.push((
                "/manage/tensions".to_owned(),
                ctx.t("tension-dashboard-link"),
            ));
        }
        if me.roles.allows(Action::ConfigureHelp) {
            links.push((
                "/manage/tensions/settings".to_owned(),
                ctx.t("tension-settings-link"),
            ));
        }
        Ok(Listing {
            id: "tensions",
            heading: ctx.t("tension-panel"),
            links,
            groups: vec![ListingGroup {
                heading: None,
                items: Vec::new(),
                empty: ctx.t("tension-panel-text"),
                more: None,
            }],
        })
    })
}

/// The periods offered, in weeks; ten by default.
const PERIODS: [u32; 4] = [4, 10, 26, 52];
const DEFAULT_WEEKS: u32 = 10;

#[derive(Deserialize, Default)]
pub struct PeriodQuery {
    #[serde(default)]
    weeks: Option<String>,
}

fn weeks_of(q: &PeriodQuery) -> u32 {
    q.weeks
        .as_deref()
        .and_then(|w| w.parse().ok())
        .filter(|w| PERIODS.contains(w))
        .unwrap_or(DEFAULT_WEEKS)
}

fn figure(ctx: &PageCtx, f: Figure) -> String {
    match f {
        Figure::Shown(n) => n.to_string(),
        Figure::FewerThanSmallest => ctx.t("tension-fewer-than-5"),
        Figure::Hidden => ctx.t("tension-hidden"),
    }
}

fn place_name(ctx: &PageCtx, d: &reading::Dashboard, p: Place) -> String {
    d.area_name(p, ctx.locale().tag())
        .unwrap_or_else(|| ctx.t("tension-area-elsewhere"))
}

fn chart(ctx: &PageCtx, d: &reading::Dashboard) -> Chart {
    const HEIGHT: u32 = 220;
    const BASELINE: u32 = 190;
    const TOP: u32 = 20;
    let n = d.by_week.len().max(1) as u32;
    let slot = (640 / n).max(12);
    let width = slot * n;
    let value = |f: Figure| match f {
        Figure::Shown(v) => v,
        // Drawn as the middle of "fewer than 5", labelled as such.
        Figure::FewerThanSmallest => 2,
        Figure::Hidden => 0,
    };
    let max = d
        .by_week
        .iter()
        .map(|(_, f)| value(*f))
        .max()
        .unwrap_or(0)
        .max(5);
    let bars = d
        .by_week
        .iter()
        .enumerate()
        .map(|(i, (week, f))| {
            let h = (value(*f) * u64::from(BASELINE - TOP) / max) as u32;
            Bar {
                x: i as u32 * slot + slot / 8,
                y: BASELINE - h,
                width: slot * 3 / 4,
                height: h,
                label: ctx.dates().date_text(*week).chars().take(6).collect(),
                figure: match f {
                    Figure::Shown(v) => v.to_string(),
                    Figure::FewerThanSmallest => "<5".to_owned(),
                    Figure::Hidden => "–".to_owned(),
                },
            }
        })
        .collect();
    let first = ctx.dates().date_text(d.weeks[0]);
    let last = ctx.dates().date_text(d.weeks[d.weeks.len() - 1]);
    Chart {
        title: ctx.t("tension-chart-title"),
        desc: ctx.locale().t_plain(
            "tension-chart-desc",
            &[("first", first.into()), ("last", last.into())],
        ),
        width,
        height: HEIGHT,
        baseline: BASELINE,
        bars,
    }
}

pub async fn dashboard(
    ctx: PageCtx,
    May(me, _): May<ReadTensionReports>,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, AppError> {
    let weeks = weeks_of(&q);
    let today = super::today(&ctx.state.config.time_zone);
    let d = reading::dashboard(&ctx.state.db, &me, weeks, today).await?;
    let head = |first: &str| (ctx.t(first), ctx.t("tension-reports-heading"));
    let by_week = Breakdown {
        id: "tension-by-week",
        caption: ctx.t("tension-by-week"),
        head: head("tension-week-heading"),
        rows: d
            .by_week
            .iter()
            .map(|(w, f)| (ctx.dates().date_text(*w), figure(&ctx, *f)))
            .collect(),
    };
    let by_area = Breakdown {
        id: "tension-by-area",
        caption: ctx.t("tension-by-area"),
        head: head("tension-area"),
        rows: d
            .by_area
            .iter()
            .map(|(p, f)| (place_name(&ctx, &d, *p), figure(&ctx, *f)))
            .collect(),
    };
    let by_kind = Breakdown {
        id: "tension-by-kind",
        caption: ctx.t("tension-by-kind"),
        head: head("tension-kind"),
        rows: d
            .by_kind
            .iter()
            .map(|(k, f)| {
                (
                    ctx.t(&format!("tension-kind-{}", k.key())),
                    figure(&ctx, *f),
                )
            })
            .collect(),
    };
    let recent = d
        .recent
        .iter()
        .map(|s| RecentRow {
            href: format!("/manage/tensions/reports/{}", s.id),
            reference: s.reference.clone(),
            kind: ctx.t(&format!("tension-kind-{}", s.kind.key())),
            area: place_name(&ctx, &d, s.place),
            date: ctx.dates().date_text(s.occurred_on),
            status: ctx.t(if s.has_text {
                "tension-status-text"
            } else {
                "tension-status-deleted"
            }),
        })
        .collect();
    let page = Dashboard {
        ui: ctx
            .chrome_for("/manage/tensions", "tension-dashboard-title")
            .await?,
        lead: ctx.t("tension-dashboard-lead"),
        rules: ctx.t("tension-dashboard-rules"),
        total: ctx
            .locale()
            .t_plain("tension-total", &[("count", figure(&ctx, d.total).into())]),
        periods: PERIODS
            .iter()
            .map(|w| {
                let label = ctx
                    .locale()
                    .t_plain("tension-period", &[("weeks", u64::from(*w).into())]);
                (*w, label, *w == weeks)
            })
            .collect(),
        period_label: ctx.t("tension-period-label"),
        show: ctx.t("tension-period-show"),
        chart: chart(&ctx, &d),
        by_week,
        by_area,
        by_kind,
        export_href: format!("/manage/tensions/export.csv?weeks={weeks}"),
        export_label: ctx.t("tension-export"),
        recent_caption: ctx.t("tension-recent"),
        recent_head: [
            "tension-reference",
            "tension-kind",
            "tension-area",
            "tension-when",
            "tension-status",
        ]
        .iter()
        .map(|id| ctx.t(id))
        .collect(),
        recent,
        no_reports: ctx.t("tension-no-reports"),
        settings_link: me.roles.allows(Action::ConfigureHelp).then(|| {
            (
                "/manage/tensions/settings".to_owned(),
                ctx.t("tension-settings-link"),
            )
        }),
    };
    respond(StatusCode::OK, page, None)
}

pub async fn export(
    ctx: PageCtx,
    May(me, _): May<ReadTensionReports>,
    client: ClientKey,
    Query(q): Query<PeriodQuery>,
) -> Result<Response, AppError> {
    let today = super::today(&ctx.state.config.time_zone);
    let csv = reading::export_csv(&ctx.state.db, &me, weeks_of(&q), today, Some(&client.0)).await?;
    let mut res = csv.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"tension-report-counts.csv\""),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

pub async fn report(
    ctx: PageCtx,
    May(me, _): May<ReadTensionReports>,
    client: ClientKey,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let r = reading::read(&ctx.state.db, &me, id, Some(&client.0)).await?;
    let s = &r.summary;
    let area = match &r.area {
        Some(a) => a.name_in(ctx.locale().tag()).to_owned(),
        None => ctx.t("tension-area-elsewhere"),
    };
    let rows = vec![
        (ctx.t("tension-reference"), s.reference.clone()),
        (
            ctx.t("tension-kind"),
            ctx.t(&format!("tension-kind-{}", s.kind.key())),
        ),
        (ctx.t("tension-area"), area),
        (ctx.t("tension-when"), ctx.dates().date_text(s.occurred_on)),
        (
            ctx.t("tension-police"),
            ctx.t(&format!("tension-police-{}", s.police.key())),
        ),
        (
            ctx.t("tension-received"),
            ctx.dates().at(s.created_at.into()).text,
        ),
    ];
    let tombstone = r.text.is_none().then(|| {
        ctx.locale().t_plain(
            "tension-tombstone",
            &[("days", (r.kept_days.unwrap_or(0).max(0) as u64).into())],
        )
    });
    let page = ReportPage {
        ui: ctx
            .chrome_for("/manage/tensions", "tension-report-title")
            .await?,
        back: Some(("/manage/tensions".to_owned(), ctx.t("back"))),
        rows,
        text_heading: ctx.t("tension-text"),
        text: r.text,
        tombstone,
        audit_note: ctx.t("tension-audit-note"),
    };
    let mut res = respond(StatusCode::OK, page, None)?;
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

#[derive(Deserialize, Default, Clone)]
pub struct SettingsForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    enabled: Option<String>,
    #[serde(default)]
    retention_days: String,
    #[serde(default)]
    review_working_days: String,
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    #[serde(default)]
    done: Option<String>,
}

async fn settings_page<'a>(
    ctx: &'a PageCtx,
    csrf: &str,
    v: &SettingsForm,
    errors: Vec<FieldError>,
    saved: bool,
) -> Result<FormPage<'a>, AppError> {
    let path = "/manage/tensions/settings";
    let mut page = FormPage::new(
        ctx.chrome_for(path, "tension-settings-title").await?,
        csrf.to_owned(),
        path,
        ctx.t("tension-settings-save"),
    );
    page.back = Some(("/manage".to_owned(), ctx.t("back")));
    if saved {
        page.lead.push(ctx.t("done-tension-settings-saved").into());
    }
    page.lead.push(ctx.t("tension-settings-lead").into());
    let ticked: Vec<String> = v.enabled.iter().cloned().collect();
    page.fields = vec![
        Field::choice(
            "enabled",
            "checkboxes",
            ctx.t("tension-settings-enabled"),
            vec![("on".to_owned(), ctx.t("tension-settings-enabled-on"))],
        )
        .ticked(&ticked)
        .errors_from(&errors),
        Field::new(
            "retention_days",
            "text",
            "off",
            ctx.t("tension-settings-retention"),
        )
        .hint(ctx.t("tension-settings-retention-hint"))
        .value(&v.retention_days)
        .left_to_right()
        .errors_from(&errors),
        Field::new(
            "review_working_days",
            "text",
            "off",
            ctx.t("tension-settings-review"),
        )
        .hint(ctx.t("tension-settings-review-hint"))
        .value(&v.review_working_days)
        .left_to_right()
        .errors_from(&errors),
    ];
    page.errors = errors;
    Ok(page)
}

pub async fn settings_form(
    ctx: PageCtx,
    May(me, _): May<ConfigureHelp>,
    Query(q): Query<DoneQuery>,
) -> Result<Response, AppError> {
    let s = settings::current(&ctx.state.db).await?;
    let v = SettingsForm {
        csrf: String::new(),
        enabled: s.enabled.then(|| "on".to_owned()),
        retention_days: s.retention_days.to_string(),
        review_working_days: s.review_working_days.to_string(),
    };
    let saved = q.done.as_deref() == Some("tension-settings-saved");
    let page = settings_page(&ctx, &me.csrf, &v, Vec::new(), saved).await?;
    respond(StatusCode::OK, page, None)
}

pub async fn save_settings(
    ctx: PageCtx,
    May(me, _): May<ConfigureHelp>,
    client: ClientKey,
    StrictForm(form): StrictForm<SettingsForm>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let outcome = settings::save(
        &ctx.state.db,
        &me,
        form.enabled.as_deref() == Some("on"),
        &form.retention_days,
        &form.review_working_days,
        Some(&client.0),
    )
    .await
    .map_err(crate::kit::one_field_listed);
    submit_form(
        &ctx,
        outcome,
        |_| "/manage/tensions/settings?done=tension-settings-saved".to_owned(),
        async |errors| settings_page(&ctx, &me.csrf, &form, errors, false).await,
    )
    .await
}
