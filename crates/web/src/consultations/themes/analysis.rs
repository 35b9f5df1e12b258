//! A question's themes: the analysis as it stands, and the page's own
//! steps (run, add, map; confirming asks first, in `confirmation`).

use std::collections::HashMap;

use axum::extract::{Path, Query};
use axum::response::Response;
use cohesion_domain::analysis::themes::seed;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::themes;
use cohesion_services::consultations::themes::discover;
use cohesion_services::consultations::themes::edit;
use cohesion_services::consultations::themes::map;
use cohesion_services::consultations::themes::{Analysis, Figure};
use cohesion_ui::consultations::{QuoteLink, ThemeRow, ThemesPage};
use cohesion_ui::{FieldError, Phrase, SummaryRow, Value};
use uuid::Uuid;

use super::{
    base_path, count_text, done, label_errors, question_shown, quotes, response_href, sent_by,
    stance, terms_phrase, theme_label, theme_name, PageQuery, Sent,
};
use crate::kit::confirm::{ask, confirmed};
use crate::kit::{
    path_id, respond_form, see_other, Analyse, AppError, ClientKey, May, PageCtx, StrictForm,
};

/// What the page says of the last run: the lead, the summary rows, the
/// answers set aside and the campaigns found.
struct RunSummary {
    lead: Vec<String>,
    rows: Vec<SummaryRow>,
    set_aside: Vec<(String, Phrase)>,
    campaigns: Vec<(QuoteLink, String)>,
}

fn run_summary(ctx: &PageCtx, a: &Analysis) -> RunSummary {
    let id = a.consultation.id;
    let mut out = RunSummary {
        lead: vec![ctx.t("themes-lead")],
        rows: Vec::new(),
        set_aside: Vec::new(),
        campaigns: Vec::new(),
    };
    let Some(run) = &a.run else {
        out.lead.push(ctx.t("themes-not-run"));
        return out;
    };
    out.rows.push(SummaryRow::new(
        ctx.t("themes-summary-seed"),
        run.seed.to_string(),
    ));
    out.rows.push(SummaryRow::when(
        ctx.t("themes-summary-run"),
        ctx.dates().at(run.run_at),
    ));
    out.rows.push(SummaryRow::new(
        ctx.t("themes-summary-answers"),
        run.answers.to_string(),
    ));
    let stage = if a.mapped() {
        "themes-stage-mapped"
    } else if a.confirmed() {
        "themes-stage-confirmed"
    } else {
        "themes-stage-candidates"
    };
    out.rows.push(SummaryRow::new(
        ctx.t("themes-summary-status"),
        ctx.t(stage),
    ));
    for (what, n) in [
        ("themes-campaigns", run.campaign_answers),
        ("themes-endorsements", run.endorsements),
        ("themes-rejections", run.rejections),
        ("themes-unassigned", run.unassigned),
    ] {
        out.set_aside
            .push((ctx.t(what), count_text(ctx, &Figure::of(n, run.answers))));
    }
    for c in &a.campaigns {
        out.campaigns.push((
            QuoteLink {
                text: c.text.clone(),
                href: response_href(id, c.response_id),
                reference: ctx.t("themes-campaigns"),
            },
            ctx.locale()
                .t_args("themes-campaign-count", &[("count", c.count.into())]),
        ));
    }
    out
}

/// The live themes, each with its figures and the way to edit it.
fn theme_rows(ctx: &PageCtx, a: &Analysis, path: &str) -> Vec<ThemeRow> {
    let id = a.consultation.id;
    a.themes
        .iter()
        .map(|th| ThemeRow {
            label: theme_name(ctx, th),
            description: th.description.clone(),
            stance: stance(ctx, &th.stance),
            terms: terms_phrase(ctx, &th.terms_in(ctx.locale().tag())),
            quotes: quotes(id, &th.quotes),
            count: count_text(ctx, &th.candidate),
            mapped: th.mapped.as_ref().map(|m| count_text(ctx, m)),
            status: ctx.t(&format!("themes-status-{}", th.status)),
            edit: format!("{path}/{}", th.id),
        })
        .collect()
}

/// The themes merged or deleted, each with what became of it.
fn retired(ctx: &PageCtx, a: &Analysis) -> Vec<(Phrase, Phrase)> {
    let labels: HashMap<Uuid, Phrase> = a
        .themes
        .iter()
        .map(|t| (t.id, theme_name(ctx, t)))
        .chain(a.retired.iter().map(|t| (t.id, theme_label(&t.label))))
        .collect();
    a.retired
        .iter()
        .map(|r| {
            let what = match r.merged_into.and_then(|m| labels.get(&m)) {
                Some(into) if r.status == "merged" => {
                    ctx.phrase("themes-retired-merged", &[("into", Value::Phrase(into))])
                }
                _ => ctx.t("themes-retired-deleted").into(),
            };
            (theme_label(&r.label), what)
        })
        .collect()
}

/// A sent field of the "add a theme" form, to show again.
fn added(sent: Option<&Sent>, field: impl Fn(&Sent) -> String) -> String {
    sent.filter(|s| s.step == "add")
        .map(field)
        .unwrap_or_default()
}

async fn render(
    ctx: &PageCtx,
    me: &SignedIn,
    a: Analysis,
    done_msg: Option<String>,
    errors: Vec<FieldError>,
    sent: Option<&Sent>,
) -> Result<Response, AppError> {
    let id = a.consultation.id;
    let path = base_path(id, &a.question.id);
    let mut ui = ctx.chrome_for(&path, "themes-title").await?;
    let text = question_shown(ctx, &a, str::trim).await?;
    ui.title = ctx.phrase("themes-title-of", &[("question", Value::Shown(&text))]);
    let mapped = a.mapped();
    let RunSummary {
        lead,
        rows,
        set_aside,
        campaigns,
    } = run_summary(ctx, &a);
    let view = ThemesPage {
        back: Some((
            format!(
                "/staff/consultations/{id}/answers?question={}",
                a.question.id
            ),
            ctx.t("back"),
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
        themes: theme_rows(ctx, &a, &path),
        // Once there are themes, every answer is counted: those in none
        // (deleted themes' included) on a row of their own.
        no_theme: (!a.themes.is_empty() || !a.retired.is_empty()).then(|| {
            (
                count_text(ctx, &a.no_theme),
                a.no_theme_mapped.as_ref().map(|f| count_text(ctx, f)),
            )
        }),
        campaigns,
        set_aside,
        confirmed: a.confirmed(),
        mapped,
        add_label: added(sent, |s| s.edit.label.clone()),
        add_description: added(sent, |s| s.edit.description.clone()),
        add_examples: added(sent, |s| s.edit.examples.join(", ")),
        review: (mapped && a.waiting > 0).then(|| {
            (
                format!("{path}/review"),
                ctx.locale()
                    .t_args("themes-review-link", &[("count", a.waiting.into())]),
            )
        }),
        retired: retired(ctx, &a),
        ui,
    };
    respond_form(!view.errors.is_empty(), view)
}

pub async fn page(
    ctx: PageCtx,
    May(me, _): May<Analyse>,
    Path((id, question)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let a = themes::analysis(&ctx.state.db, &me, id, &question).await?;
    let done_msg = done(&ctx, q.done.as_deref());
    render(&ctx, &me, a, done_msg, Vec::new(), None).await
}

/// Run, add or map: one POST for the page's forms.
pub async fn post(
    ctx: PageCtx,
    May(me, _): May<Analyse>,
    client: ClientKey,
    Path((id, question)): Path<(String, String)>,
    StrictForm(pairs): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let s = sent_by(&me, pairs)?;
    let id = path_id(&id)?;
    let db = &ctx.state.db;
    let client = Some(client.0.as_str());
    let result = match s.step.as_str() {
        // Running again replaces the analyst's work: asked first when
        // there is any (ADR 22).
        "run" => {
            let replace = match confirmed(&s.confirm) {
                true => super::confirmation::rerun_asked(&s)?,
                false => {
                    let a = themes::analysis(db, &me, id, &question).await?;
                    if a.work.any() && seed(&s.seed).is_ok() {
                        let asked = super::confirmation::rerun_question(&ctx, &a, &s.seed).await?;
                        return ask(&ctx, &me.csrf, &base_path(id, &question), asked).await;
                    }
                    discover::Replace::Unconfirmed
                }
            };
            discover::run(db, &me, id, &question, &s.seed, replace, client)
                .await
                .map(|_| "run")
        }
        "add" => {
            let mut e = s.edit.clone();
            e.change = "add".into();
            edit::edit(db, &me, id, &question, &e, client)
                .await
                .map(|_| "add")
        }
        // Confirming asks first (ADR 22): a form posted here, from a page
        // older than the question, is asked it.
        "confirm" => {
            let asked = super::confirmation::question(&ctx, &me, id, &question).await?;
            let action = super::confirmation::path(id, &question);
            return crate::kit::confirm::ask(&ctx, &me.csrf, &action, asked).await;
        }
        "map" => map::map(db, &me, id, &question, client)
            .await
            .map(|_| "map"),
        _ => Err(ValidationError::new("step", ErrorCode::InvalidChoice).into()),
    };
    match result {
        Ok(done) => Ok(see_other(&format!(
            "{}?done={done}",
            base_path(id, &question)
        ))),
        Err(e) => {
            let errors = label_errors(&ctx, e, &s.edit.label)?;
            let a = themes::analysis(db, &me, id, &question).await?;
            render(&ctx, &me, a, None, errors, Some(&s)).await
        }
    }
}
