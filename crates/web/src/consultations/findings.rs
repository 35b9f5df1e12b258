//! "What you told us": the public page of a consultation's findings.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::survey::model::QuestionKind;
use cohesion_domain::translation::{key, Translator};
use cohesion_services::consultations::findings::{self, ShownFinding};
use cohesion_services::consultations::reading;
use cohesion_ui::consultations::{FindingView, FindingsPage};

use super::wording::option_labels;
use crate::kit::{path_id, respond, AppError, Langs, PageCtx};

/// The headline figure of a finding and the sentence under it.
fn figure(ctx: &PageCtx, f: &ShownFinding) -> (String, String) {
    match &f.theme {
        Some(theme) => theme_figure(ctx, f, theme),
        None => option_figure(ctx, f),
    }
}

/// For a finding that cites a theme: how many answers it holds.
fn theme_figure(ctx: &PageCtx, f: &ShownFinding, theme: &str) -> (String, String) {
    let (base, question) = (f.base, f.question.as_str());
    match (f.base_hidden, f.cell.count, f.cell.share) {
        (false, Some(count), Some(p)) => (
            format!("{:.0}%", p.share * 100.0),
            ctx.locale().t_args(
                "finding-figure-theme",
                &[
                    ("count", count.into()),
                    ("base", base.into()),
                    ("question", question.into()),
                    ("theme", theme.into()),
                    ("low", format!("{:.0}", p.low * 100.0).into()),
                    ("high", format!("{:.0}", p.high * 100.0).into()),
                ],
            ),
        ),
        (false, Some(count), None) => (
            count.to_string(),
            ctx.locale().t_args(
                "finding-figure-theme-count",
                &[
                    ("count", count.into()),
                    ("base", base.into()),
                    ("question", question.into()),
                    ("theme", theme.into()),
                ],
            ),
        ),
        _ => (
            "–".to_owned(),
            ctx.locale().t_args(
                "finding-figure-theme-hidden",
                &[("question", question.into()), ("theme", theme.into())],
            ),
        ),
    }
}

/// For a finding that cites an option: how many picked it.
fn option_figure(ctx: &PageCtx, f: &ShownFinding) -> (String, String) {
    let labels = option_labels(ctx, &f.question_def);
    let option = labels.get(f.finding.option).cloned().unwrap_or_default();
    let question = match (&f.question_def.kind, f.finding.row) {
        (QuestionKind::Matrix { rows }, Some(r)) => format!(
            "{} – {}",
            f.question,
            rows.get(r).cloned().unwrap_or_default()
        ),
        _ => f.question.clone(),
    };
    match (f.base_hidden, f.cell.count, f.cell.share) {
        (false, Some(count), Some(p)) => (
            format!("{:.0}%", p.share * 100.0),
            ctx.locale().t_args(
                "finding-figure",
                &[
                    ("count", count.into()),
                    ("base", f.base.into()),
                    ("question", question.as_str().into()),
                    ("option", option.as_str().into()),
                    ("low", format!("{:.0}", p.low * 100.0).into()),
                    ("high", format!("{:.0}", p.high * 100.0).into()),
                ],
            ),
        ),
        (false, Some(count), None) => (
            count.to_string(),
            ctx.locale().t_args(
                "finding-figure-count",
                &[
                    ("count", count.into()),
                    ("base", f.base.into()),
                    ("question", question.as_str().into()),
                    ("option", option.as_str().into()),
                ],
            ),
        ),
        _ => (
            "–".to_owned(),
            ctx.locale().t_args(
                "finding-figure-hidden",
                &[
                    ("question", question.as_str().into()),
                    ("option", option.as_str().into()),
                ],
            ),
        ),
    }
}

pub async fn page(ctx: PageCtx, Path(id): Path<String>) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let viewer = ctx.user.0.as_ref();
    let (mut c, mut list) =
        findings::shown(&ctx.state.db, viewer, id, ctx.state.config.small_base).await?;
    // In the reader's language where translated: the findings, the
    // questions and theme labels they rest on and the consultation's
    // title.
    let texts = reading::translation(&ctx.state.db, id, ctx.locale().tag()).await?;
    let mut tr = Translator::new(&texts);
    tr.main(&mut c.title, &mut c.summary, &mut c.body);
    for f in &mut list {
        let finding = &mut f.finding;
        tr.put(&key::finding(f.id, "title"), &mut finding.title);
        tr.put(&key::finding(f.id, "body"), &mut finding.body);
        // The label of the theme it cites (empty while the figure is
        // hidden: nothing to translate then).
        if let (Some(theme), Some(label)) = (&finding.theme, &mut f.theme) {
            if !label.is_empty() {
                tr.put(&key::theme_label(theme), label);
            }
        }
        tr.question(&mut f.question_def);
        f.question = f.question_def.text.clone();
    }
    let langs = Langs::new(&ctx, tr.finish());
    let path = format!("/consultations/{id}/findings");
    let mut ui = ctx.chrome_for(&path, "findings-title").await?;
    ui.title = ctx
        .locale()
        .t_args("findings-title-of", &[("title", c.title.as_str().into())]);
    let findings = list
        .iter()
        .map(|f| {
            let (headline, figure) = figure(&ctx, f);
            FindingView {
                title: langs.shown(&key::finding(f.id, "title"), &f.finding.title),
                headline,
                figure,
                body_html: cohesion_ui::markdown::render(&f.finding.body),
                body_lang: langs.of(&key::finding(f.id, "body")).to_owned(),
                draft: f.published_at.is_none().then(|| ctx.t("status-draft")),
            }
        })
        .collect::<Vec<_>>();
    let view = FindingsPage {
        ui,
        back: Some((format!("/consultations/{id}"), ctx.t("back"))),
        lead: ctx.t("findings-lead"),
        empty: findings.is_empty().then(|| ctx.t("findings-empty")),
        findings,
        links: if c.results_published_at.is_some() {
            vec![(
                format!("/consultations/{id}/results"),
                ctx.t("consultation-results-link"),
            )]
        } else {
            Vec::new()
        },
    };
    respond(StatusCode::OK, view, None)
}
