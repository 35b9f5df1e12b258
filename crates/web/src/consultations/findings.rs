//! "What you told us": the public page of a consultation's findings.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::survey::model::QuestionKind;
use cohesion_domain::translation::{key, Translator};
use cohesion_services::consultations::findings::{self, ShownFinding};
use cohesion_services::consultations::reading;
use cohesion_ui::consultations::{FindingView, FindingsPage};
use cohesion_ui::{Phrase, Shown, Value};

use super::questions::shown_options;
use crate::kit::{path_id, respond, AppError, Langs, PageCtx};

/// The headline figure of a finding and the sentence under it, which
/// names the question and the answer or theme in their own languages.
fn figure(ctx: &PageCtx, langs: &Langs, f: &ShownFinding) -> (String, Phrase) {
    let question = langs.shown(&key::question(&f.question_def.id, "text"), &f.question);
    match &f.theme {
        Some(label) => {
            let id = f.finding.theme.as_deref().unwrap_or_default();
            let theme = langs.shown(&key::theme_label(id), label);
            theme_figure(ctx, f, &question.into(), &theme)
        }
        None => option_figure(ctx, langs, f, question),
    }
}

/// For a finding that cites a theme: how many answers it holds.
fn theme_figure(
    ctx: &PageCtx,
    f: &ShownFinding,
    question: &Phrase,
    theme: &Shown,
) -> (String, Phrase) {
    let (question, theme) = (Value::Phrase(question), Value::Shown(theme));
    match (f.base_hidden, f.cell.count, f.cell.share) {
        (false, Some(count), Some(p)) => (
            format!("{:.0}%", p.share * 100.0),
            ctx.phrase(
                "finding-figure-theme",
                &[
                    ("count", Value::Number(count)),
                    ("base", Value::Number(f.base)),
                    ("question", question),
                    ("theme", theme),
                    ("low", Value::Text(&format!("{:.0}", p.low * 100.0))),
                    ("high", Value::Text(&format!("{:.0}", p.high * 100.0))),
                ],
            ),
        ),
        (false, Some(count), None) => (
            count.to_string(),
            ctx.phrase(
                "finding-figure-theme-count",
                &[
                    ("count", Value::Number(count)),
                    ("base", Value::Number(f.base)),
                    ("question", question),
                    ("theme", theme),
                ],
            ),
        ),
        _ => (
            "–".to_owned(),
            ctx.phrase(
                "finding-figure-theme-hidden",
                &[("question", question), ("theme", theme)],
            ),
        ),
    }
}

/// For a finding that cites an option: how many picked it.
fn option_figure(
    ctx: &PageCtx,
    langs: &Langs,
    f: &ShownFinding,
    question: Shown,
) -> (String, Phrase) {
    let labels = shown_options(ctx, langs, &f.question_def);
    let option = labels
        .get(f.finding.option)
        .map_or_else(Phrase::default, Phrase::from);
    let question = match (&f.question_def.kind, f.finding.row) {
        (QuestionKind::Matrix { rows }, Some(r)) => {
            let row = rows.get(r).cloned().unwrap_or_default();
            let row = langs.shown(&key::row(&f.question_def.id, r), &row);
            Phrase::join([question.into(), row.into()], " – ")
        }
        _ => question.into(),
    };
    let (question, option) = (Value::Phrase(&question), Value::Phrase(&option));
    match (f.base_hidden, f.cell.count, f.cell.share) {
        (false, Some(count), Some(p)) => (
            format!("{:.0}%", p.share * 100.0),
            ctx.phrase(
                "finding-figure",
                &[
                    ("count", Value::Number(count)),
                    ("base", Value::Number(f.base)),
                    ("question", question),
                    ("option", option),
                    ("low", Value::Text(&format!("{:.0}", p.low * 100.0))),
                    ("high", Value::Text(&format!("{:.0}", p.high * 100.0))),
                ],
            ),
        ),
        (false, Some(count), None) => (
            count.to_string(),
            ctx.phrase(
                "finding-figure-count",
                &[
                    ("count", Value::Number(count)),
                    ("base", Value::Number(f.base)),
                    ("question", question),
                    ("option", option),
                ],
            ),
        ),
        _ => (
            "–".to_owned(),
            ctx.phrase(
                "finding-figure-hidden",
                &[("question", question), ("option", option)],
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
    let title = langs.shown(key::TITLE, &c.title);
    ui.title = ctx.phrase("findings-title-of", &[("title", Value::Shown(&title))]);
    let findings = list
        .iter()
        .map(|f| {
            let (headline, figure) = figure(&ctx, &langs, f);
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
