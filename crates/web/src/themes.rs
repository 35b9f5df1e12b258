//! Theme analysis pages for analysts: a long-text question's themes with
//! quotes and counts, the forms that edit them (each a plain POST that
//! redirects back), the review list, and one response's answers (where
//! quotes link to).

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::identity::Action;
use cohesion_domain::ValidationError;
use cohesion_services::themes::{self, Analysis, Edit, Figure};
use cohesion_services::{consultations, ServiceError};
use cohesion_ui::consultations::{
    Choice, QuoteLink, ReviewItemView, ThemeEditPage, ThemeReviewPage, ThemeRow, ThemesPage,
};
use cohesion_ui::{FieldError, ReportPage, SummaryRow};
use serde::Deserialize;
use uuid::Uuid;

use crate::accounts::{messages, respond};
use crate::consultations::{consultation_id, option_labels};
use crate::error::AppError;
use crate::form::StrictForm;
use crate::pages::{ClientKey, PageCtx};
use crate::profile::see_other;
use crate::session::{check_session_csrf, Me};

fn t(ctx: &PageCtx, id: &str) -> String {
    ctx.locale().t(id).into_owned()
}

fn base_path(id: Uuid, question: &str) -> String {
    format!("/staff/consultations/{id}/themes/{question}")
}

pub(crate) fn response_href(id: Uuid, response: Uuid) -> String {
    format!("/staff/consultations/{id}/responses/{response}")
}

fn percent(x: f64) -> String {
    format!("{:.0}", x * 100.0)
}

pub(crate) fn count_text(ctx: &PageCtx, f: &Figure) -> String {
    ctx.locale().t_args(
        "themes-count",
        &[
            ("count", f.count.into()),
            ("base", f.base.into()),
            ("share", percent(f.share).into()),
            ("low", percent(f.low).into()),
            ("high", percent(f.high).into()),
        ],
    )
}

fn stance(ctx: &PageCtx, s: &str) -> String {
    match s {
        "agree" | "disagree" | "unclear" | "mixed" => t(ctx, &format!("themes-stance-{s}")),
        other => other.to_owned(),
    }
}

fn done(ctx: &PageCtx, done: Option<&str>) -> Option<String> {
    let known = [
        "run", "add", "rename", "merge", "split", "delete", "confirm", "map", "review",
    ];
    done.filter(|d| known.contains(d))
        .map(|d| t(ctx, &format!("themes-done-{d}")))
}

/// Form fields as sent, repeated names kept (checkboxes).
#[derive(Default)]
struct Sent {
    csrf: String,
    step: String,
    edit: Edit,
    seed: String,
    response: String,
    themes: Vec<String>,
}

fn sent(pairs: Vec<(String, String)>) -> Sent {
    let mut s = Sent::default();
    for (k, v) in pairs {
        match k.as_str() {
            "csrf" => s.csrf = v,
            "step" => s.step = v,
            "change" => s.edit.change = v,
            "theme" => s.edit.theme = v,
            "label" => s.edit.label = v,
            "description" => s.edit.description = v,
            "into" => s.edit.into = v,
            "examples" => s.edit.examples.push(v),
            "seed" => s.seed = v,
            "response" => s.response = v,
            "themes" => s.themes.push(v),
            _ => {}
        }
    }
    s
}

#[derive(Deserialize, Default)]
pub struct PageQuery {
    #[serde(default)]
    done: Option<String>,
    #[serde(default)]
    page: Option<u32>,
}

fn require(me: &cohesion_services::accounts::SignedIn) -> Result<(), AppError> {
    if me.roles.allows(Action::Analyse) {
        Ok(())
    } else {
        Err(ServiceError::Forbidden.into())
    }
}

/// Errors to show on a form page, or the error itself when it is not
/// about the input.
fn field_errors(ctx: &PageCtx, e: ServiceError) -> Result<Vec<FieldError>, AppError> {
    match e {
        ServiceError::Invalid(v) if v.field != "question" => Ok(messages(ctx, &[v])),
        ServiceError::InvalidFields(list) => Ok(messages(ctx, &list)),
        other => Err(other.into()),
    }
}

fn quotes(id: Uuid, list: &[themes::Quote]) -> Vec<QuoteLink> {
    list.iter()
        .map(|q| QuoteLink {
            text: q.text.clone(),
            href: response_href(id, q.response_id),
            reference: q.reference.clone(),
        })
        .collect()
}

async fn render(
    ctx: &PageCtx,
    me: &cohesion_services::accounts::SignedIn,
    a: Analysis,
    done_msg: Option<String>,
    errors: Vec<FieldError>,
    sent: Option<&Sent>,
) -> Result<Response, AppError> {
    let id = a.consultation.id;
    let path = base_path(id, &a.question.id);
    let mut ui = ctx.chrome_for(&path, "themes-title").await?;
    ui.title = ctx.locale().t_args(
        "themes-title-of",
        &[("question", a.question.text.as_str().into())],
    );
    let mut rows = Vec::new();
    let mut lead = vec![t(ctx, "themes-lead")];
    let confirmed = a.confirmed();
    let mapped = a.mapped();
    let mut set_aside = Vec::new();
    let mut campaigns = Vec::new();
    match &a.run {
        None => lead.push(t(ctx, "themes-not-run")),
        Some(run) => {
            rows.push(SummaryRow::new(
                t(ctx, "themes-summary-seed"),
                run.seed.to_string(),
            ));
            rows.push(SummaryRow::new(
                t(ctx, "themes-summary-run"),
                run.run_at.to_minute(),
            ));
            rows.push(SummaryRow::new(
                t(ctx, "themes-summary-answers"),
                run.answers.to_string(),
            ));
            let stage = if mapped {
                "themes-stage-mapped"
            } else if confirmed {
                "themes-stage-confirmed"
            } else {
                "themes-stage-candidates"
            };
            rows.push(SummaryRow::new(
                t(ctx, "themes-summary-status"),
                t(ctx, stage),
            ));
            for (what, n) in [
                ("themes-campaigns", run.campaign_answers),
                ("themes-endorsements", run.endorsements),
                ("themes-rejections", run.rejections),
                ("themes-unassigned", run.unassigned),
            ] {
                set_aside.push((t(ctx, what), count_text(ctx, &Figure::of(n, run.answers))));
            }
            for c in &a.campaigns {
                campaigns.push((
                    QuoteLink {
                        text: c.text.clone(),
                        href: response_href(id, c.response_id),
                        reference: t(ctx, "themes-campaigns"),
                    },
                    ctx.locale()
                        .t_args("themes-campaign-count", &[("count", c.count.into())]),
                ));
            }
        }
    }
    let labels: std::collections::HashMap<Uuid, String> = a
        .themes
        .iter()
        .map(|t| (t.id, t.label.clone()))
        .chain(a.retired.iter().map(|t| (t.id, t.label.clone())))
        .collect();
    let view = ThemesPage {
        back: Some((
            format!(
                "/staff/consultations/{id}/answers?question={}",
                a.question.id
            ),
            t(ctx, "back"),
        )),
        done: done_msg,
        errors,
        csrf: me.csrf.clone(),
        action: path.clone(),
        lead,
        rows,
        seed: sent
            .map(|s| s.seed.clone())
            .or_else(|| a.run.as_ref().map(|r| r.seed.to_string()))
            .unwrap_or_else(|| "0".into()),
        has_run: a.run.is_some(),
        themes: a
            .themes
            .iter()
            .map(|th| ThemeRow {
                label: th.label.clone(),
                description: th.description.clone(),
                stance: stance(ctx, &th.stance),
                terms: ctx.locale().list(&th.top_terms),
                quotes: quotes(id, &th.quotes),
                count: count_text(ctx, &th.candidate),
                mapped: th.mapped.as_ref().map(|m| count_text(ctx, m)),
                status: t(ctx, &format!("themes-status-{}", th.status)),
                edit: format!("{path}/{}", th.id),
            })
            .collect(),
        campaigns,
        set_aside,
        confirmed,
        mapped,
        add_label: sent
            .filter(|s| s.step == "add")
            .map(|s| s.edit.label.clone())
            .unwrap_or_default(),
        add_description: sent
            .filter(|s| s.step == "add")
            .map(|s| s.edit.description.clone())
            .unwrap_or_default(),
        add_examples: sent
            .filter(|s| s.step == "add")
            .map(|s| s.edit.examples.join(", "))
            .unwrap_or_default(),
        review: (mapped && a.waiting > 0).then(|| {
            (
                format!("{path}/review"),
                ctx.locale()
                    .t_args("themes-review-link", &[("count", a.waiting.into())]),
            )
        }),
        retired: a
            .retired
            .iter()
            .map(|r| {
                let what = match r.merged_into.and_then(|m| labels.get(&m)) {
                    Some(into) if r.status == "merged" => ctx
                        .locale()
                        .t_args("themes-retired-merged", &[("into", into.as_str().into())]),
                    _ => t(ctx, "themes-retired-deleted"),
                };
                (r.label.clone(), what)
            })
            .collect(),
        ui,
    };
    let status = if view.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    respond(status, view, None)
}

pub async fn page(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, question)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    require(&me)?;
    let id = consultation_id(&id)?;
    let a = themes::analysis(&ctx.state.db, &me, id, &question).await?;
    let done_msg = done(&ctx, q.done.as_deref());
    render(&ctx, &me, a, done_msg, Vec::new(), None).await
}

/// Run, add, confirm or map: one POST for the page's forms.
pub async fn post(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path((id, question)): Path<(String, String)>,
    StrictForm(pairs): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let s = sent(pairs);
    check_session_csrf(&me, &s.csrf)?;
    require(&me)?;
    let id = consultation_id(&id)?;
    let db = &ctx.state.db;
    let client = Some(client.0.as_str());
    let result = match s.step.as_str() {
        "run" => themes::run(db, &me, id, &question, &s.seed, client)
            .await
            .map(|_| "run"),
        "add" => {
            let mut e = s.edit.clone();
            e.change = "add".into();
            themes::edit(db, &me, id, &question, &e, client)
                .await
                .map(|_| "add")
        }
        "confirm" => themes::confirm(db, &me, id, &question, client)
            .await
            .map(|_| "confirm"),
        "map" => themes::map(db, &me, id, &question, client)
            .await
            .map(|_| "map"),
        _ => Err(ValidationError::new("step", cohesion_domain::ErrorCode::InvalidChoice).into()),
    };
    match result {
        Ok(done) => Ok(see_other(&format!(
            "{}?done={done}",
            base_path(id, &question)
        ))),
        Err(e) => {
            let errors = field_errors(&ctx, e)?;
            let a = themes::analysis(db, &me, id, &question).await?;
            render(&ctx, &me, a, None, errors, Some(&s)).await
        }
    }
}

async fn edit_page(
    ctx: &PageCtx,
    me: &cohesion_services::accounts::SignedIn,
    id: Uuid,
    question: &str,
    theme: &str,
    errors: Vec<FieldError>,
    sent: Option<&Sent>,
) -> Result<Response, AppError> {
    let (a, view, members) = themes::split_choices(&ctx.state.db, me, id, question, theme).await?;
    let path = base_path(id, &a.question.id);
    let mut ui = ctx
        .chrome_for(&format!("{path}/{}", view.id), "theme-edit-title")
        .await?;
    ui.title = ctx.locale().t_args(
        "theme-edit-title-of",
        &[("label", view.label.as_str().into())],
    );
    let chosen: Vec<&str> = sent
        .filter(|s| s.edit.change == "split")
        .map(|s| s.edit.examples.iter().map(String::as_str).collect())
        .unwrap_or_default();
    let from = |change: &str, get: fn(&Sent) -> &String, fallback: &str| -> String {
        sent.filter(|s| s.edit.change == change)
            .map(|s| get(s).clone())
            .unwrap_or_else(|| fallback.to_owned())
    };
    let page = ThemeEditPage {
        back: Some((path.clone(), t(ctx, "back"))),
        errors,
        csrf: me.csrf.clone(),
        action: format!("{path}/edit"),
        theme: view.id.to_string(),
        label: from("rename", |s| &s.edit.label, &view.label),
        description: from("rename", |s| &s.edit.description, &view.description),
        quotes: quotes(id, &view.quotes),
        merge_into: a
            .themes
            .iter()
            .filter(|o| o.id != view.id)
            .map(|o| (o.id.to_string(), o.label.clone()))
            .collect(),
        split_label: from("split", |s| &s.edit.label, ""),
        split_description: from("split", |s| &s.edit.description, ""),
        split: members
            .iter()
            .map(|m| Choice {
                value: m.response_id.to_string(),
                label: format!("{} – {}", m.reference, m.text),
                href: response_href(id, m.response_id),
                checked: chosen.contains(&m.response_id.to_string().as_str()),
            })
            .collect(),
        ui,
    };
    let status = if page.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    respond(status, page, None)
}

pub async fn theme_page(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, question, theme)): Path<(String, String, String)>,
) -> Result<Response, AppError> {
    require(&me)?;
    let id = consultation_id(&id)?;
    edit_page(&ctx, &me, id, &question, &theme, Vec::new(), None).await
}

/// Rename, merge, split or delete one theme.
pub async fn edit(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path((id, question)): Path<(String, String)>,
    StrictForm(pairs): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let s = sent(pairs);
    check_session_csrf(&me, &s.csrf)?;
    require(&me)?;
    let id = consultation_id(&id)?;
    if !matches!(
        s.edit.change.as_str(),
        "rename" | "merge" | "split" | "delete"
    ) {
        return Err(
            ValidationError::new("change", cohesion_domain::ErrorCode::InvalidChoice).into(),
        );
    }
    match themes::edit(&ctx.state.db, &me, id, &question, &s.edit, Some(&client.0)).await {
        Ok(_) => Ok(see_other(&format!(
            "{}?done={}",
            base_path(id, &question),
            s.edit.change
        ))),
        Err(e) => {
            let mut errors = field_errors(&ctx, e)?;
            // The split form's fields have ids of their own.
            if s.edit.change == "split" {
                for e in &mut errors {
                    e.field = match e.field {
                        "label" => "split-label",
                        "description" => "split-description",
                        other => other,
                    };
                }
            }
            // A theme that is gone (forged, deleted, merged) has no page.
            if errors.iter().any(|e| e.field == "theme") {
                return Err(ValidationError::new(
                    "theme",
                    cohesion_domain::ErrorCode::InvalidChoice,
                )
                .into());
            }
            edit_page(&ctx, &me, id, &question, &s.edit.theme, errors, Some(&s)).await
        }
    }
}

pub async fn review_page(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, question)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    require(&me)?;
    let id = consultation_id(&id)?;
    let current = q.page.unwrap_or(1).clamp(1, 100_000);
    let done_msg = done(&ctx, q.done.as_deref());
    review_view(&ctx, &me, id, &question, current, done_msg, Vec::new()).await
}

async fn review_view(
    ctx: &PageCtx,
    me: &cohesion_services::accounts::SignedIn,
    id: Uuid,
    question: &str,
    current: u32,
    done_msg: Option<String>,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let (a, items, total) = themes::review(&ctx.state.db, me, id, question, current).await?;
    let path = base_path(id, &a.question.id);
    let mut ui = ctx
        .chrome_for(&format!("{path}/review"), "themes-review-title")
        .await?;
    ui.title = ctx.locale().t_args(
        "themes-review-title-of",
        &[("question", a.question.text.as_str().into())],
    );
    let confirmed: Vec<(Uuid, String)> = a
        .themes
        .iter()
        .filter(|t| t.status == "confirmed")
        .map(|t| (t.id, t.label.clone()))
        .collect();
    let next = (i64::from(current) * themes::REVIEW_PAGE < total)
        .then(|| format!("{path}/review?page={}", current + 1));
    let view = ThemeReviewPage {
        back: Some((path.clone(), t(ctx, "back"))),
        done: done_msg,
        errors,
        csrf: me.csrf.clone(),
        action: format!("{path}/review"),
        lead: vec![ctx
            .locale()
            .t_args("themes-review-lead", &[("count", total.into())])],
        items: items
            .iter()
            .map(|item| ReviewItemView {
                response: item.row.response_id.to_string(),
                reference: item.row.reference.clone(),
                href: response_href(id, item.row.response_id),
                text: item.text.clone(),
                detail: ctx.locale().t_args(
                    "themes-review-detail",
                    &[
                        ("stance", stance(ctx, &item.row.stance).into()),
                        ("confidence", format!("{:.2}", item.row.best).into()),
                    ],
                ),
                themes: confirmed
                    .iter()
                    .map(|(tid, label)| Choice {
                        value: tid.to_string(),
                        label: label.clone(),
                        href: String::new(),
                        checked: item.themes.contains(tid),
                    })
                    .collect(),
            })
            .collect(),
        next,
        ui,
    };
    let status = if view.errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    respond(status, view, None)
}

/// Settles one answer on the review list.
pub async fn review(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path((id, question)): Path<(String, String)>,
    StrictForm(pairs): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let s = sent(pairs);
    check_session_csrf(&me, &s.csrf)?;
    require(&me)?;
    let id = consultation_id(&id)?;
    match themes::settle(
        &ctx.state.db,
        &me,
        id,
        &question,
        &s.response,
        &s.themes,
        Some(&client.0),
    )
    .await
    {
        Ok(()) => Ok(see_other(&format!(
            "{}/review?done=review",
            base_path(id, &question)
        ))),
        Err(e) => {
            let errors = field_errors(&ctx, e)?;
            review_view(&ctx, &me, id, &question, 1, None, errors).await
        }
    }
}

/// One response's answers for staff who analyse (where quotes link to):
/// contact details masked, special-category answers left out.
pub async fn response(
    ctx: PageCtx,
    Me(me): Me,
    Path((id, response)): Path<(String, String)>,
) -> Result<Response, AppError> {
    require(&me)?;
    let id = consultation_id(&id)?;
    let response = consultation_id(&response)?;
    let v = consultations::view(&ctx.state.db, Some(&me), id).await?;
    let (reference, rows) = themes::response_answers(&ctx.state.db, &me, id, response).await?;
    let path = response_href(id, response);
    let mut ui = ctx.chrome_for(&path, "response-title").await?;
    ui.title = ctx.locale().t_args(
        "response-title-of",
        &[("reference", reference.as_str().into())],
    );
    let mut page = ReportPage::new(ui);
    page.back = Some((
        format!("/staff/consultations/{id}/answers"),
        t(&ctx, "back"),
    ));
    page.lead = vec![t(&ctx, "response-lead")];
    for q in v.survey.questions() {
        let labels = option_labels(&ctx, q);
        let rows_of = match &q.kind {
            cohesion_domain::survey::model::QuestionKind::Matrix { rows } => rows.clone(),
            _ => Vec::new(),
        };
        let answer = rows
            .iter()
            .filter(|r| r.question_id == q.id)
            .map(|r| {
                let choice = r
                    .choice
                    .and_then(|c| usize::try_from(c).ok())
                    .and_then(|c| labels.get(c).cloned());
                let value = r
                    .text
                    .clone()
                    .or(choice)
                    .or(r.number.map(|n| n.to_string()))
                    .unwrap_or_default();
                match usize::try_from(r.item).ok().and_then(|i| rows_of.get(i)) {
                    Some(row) => format!("{row}: {value}"),
                    None => value,
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        if answer.is_empty() {
            continue;
        }
        page.rows.push(SummaryRow::new(q.text.clone(), answer));
    }
    if page.rows.is_empty() {
        page.lead.push(t(&ctx, "response-empty"));
    }
    respond(StatusCode::OK, page, None)
}
