//! "What you told us": the public page of a consultation's findings;
//! once the consultation has closed, "We asked, you said, we did", each
//! finding with what the council did in response.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::consultation::Status;
use cohesion_domain::survey::model::QuestionKind;
use cohesion_domain::timestamp::Timestamp;
use cohesion_domain::translation::{key, Translator};
use cohesion_services::consultations::findings::{self, ShownFinding};
use cohesion_services::consultations::reading;
use cohesion_ui::consultations::{FindingView, FindingsPage, WeDid};
use cohesion_ui::{Phrase, Shown, Value};
use uuid::Uuid;

use super::questions::{any_of, shown_options};
use crate::kit::{path_id, respond, AppError, Langs, PageCtx};

/// The headline figure of a finding and the sentence under it, which
/// names the question and the answer or theme in their own languages.
fn figure(ctx: &PageCtx, langs: &Langs, f: &ShownFinding) -> (String, Phrase) {
    match &f.theme {
        Some(label) => {
            let id = f.finding.theme.as_deref().unwrap_or_default();
            let theme = langs.shown(&key::theme_label(id), label);
            theme_figure(ctx, f, &asked(langs, f), &theme)
        }
        None => option_figure(ctx, langs, f),
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
                    ("range", Value::Unbroken(&ctx.percent_range(p.low, p.high))),
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

/// The question a finding rests on, with the matrix row if any, each in
/// its language: what "we asked".
fn asked(langs: &Langs, f: &ShownFinding) -> Phrase {
    let question = langs.shown(&key::question(&f.question_def.id, "text"), &f.question);
    match (&f.question_def.kind, f.finding.row) {
        (QuestionKind::Matrix { rows }, Some(r)) => {
            let row = rows.get(r).cloned().unwrap_or_default();
            let row = langs.shown(&key::row(&f.question_def.id, r), &row);
            Phrase::join([question.into(), row.into()], " – ")
        }
        _ => question.into(),
    }
}

/// The options a finding combines, in their languages: one as it is;
/// several each quoted, joined by "or" ("“Strongly agree” or “Agree”").
fn options_phrase(ctx: &PageCtx, langs: &Langs, f: &ShownFinding) -> Phrase {
    let labels = shown_options(ctx, langs, &f.question_def);
    let label = |o: &usize| labels.get(*o).map_or_else(Phrase::default, Phrase::from);
    any_of(ctx, f.finding.options.iter().map(label).collect())
}

/// For a finding that cites options: how many picked them (any of
/// them, for several).
fn option_figure(ctx: &PageCtx, langs: &Langs, f: &ShownFinding) -> (String, Phrase) {
    let option = options_phrase(ctx, langs, f);
    let question = asked(langs, f);
    // Several options are quoted one by one; one is quoted by the message.
    let prefix = if f.finding.options.len() > 1 {
        "finding-figure-any"
    } else {
        "finding-figure"
    };
    let (question, option) = (Value::Phrase(&question), Value::Phrase(&option));
    match (f.base_hidden, f.cell.count, f.cell.share) {
        (false, Some(count), Some(p)) => (
            format!("{:.0}%", p.share * 100.0),
            ctx.phrase(
                prefix,
                &[
                    ("count", Value::Number(count)),
                    ("base", Value::Number(f.base)),
                    ("question", question),
                    ("option", option),
                    ("range", Value::Unbroken(&ctx.percent_range(p.low, p.high))),
                ],
            ),
        ),
        (false, Some(count), None) => (
            count.to_string(),
            ctx.phrase(
                &format!("{prefix}-count"),
                &[
                    ("count", Value::Number(count)),
                    ("base", Value::Number(f.base)),
                    ("question", question),
                    ("option", option),
                ],
            ),
        ),
        // Not too few: not counted in the public's snapshot (ADR 30).
        _ if f.until_closed => (
            "–".to_owned(),
            ctx.phrase(
                "finding-figure-any-until-closed",
                &[("question", question), ("option", option)],
            ),
        ),
        _ => (
            "–".to_owned(),
            ctx.phrase(
                &format!("{prefix}-hidden"),
                &[("question", question), ("option", option)],
            ),
        ),
    }
}

/// "We asked, you said, we did", for a closed consultation.
fn we_did(ctx: &PageCtx) -> WeDid {
    WeDid {
        heading: ctx.t("we-did-heading"),
        lead: ctx.t("we-did-lead"),
        asked: ctx.t("we-did-asked"),
        said: ctx.t("we-did-said"),
        did: ctx.t("we-did-did"),
        did_missing: ctx.t("we-did-missing"),
        empty: ctx.t("we-did-empty"),
    }
}

/// One finding as the page shows it.
fn finding_view(ctx: &PageCtx, langs: &Langs, f: &ShownFinding) -> FindingView {
    let (headline, figure) = figure(ctx, langs, f);
    let did = &f.finding.what_we_did;
    FindingView {
        title: langs.shown(&key::finding(f.id, "title"), &f.finding.title),
        headline,
        figure,
        body_html: cohesion_ui::markdown::render(&f.finding.body),
        body_lang: langs.of(&key::finding(f.id, "body")).to_owned(),
        draft: f.published_at.is_none().then(|| ctx.t("status-draft")),
        asked: asked(langs, f),
        did_html: (!did.is_empty()).then(|| cohesion_ui::markdown::render(did)),
        did_lang: langs.of(&key::finding(f.id, "what_we_did")).to_owned(),
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
        tr.put(&key::finding(f.id, "what_we_did"), &mut finding.what_we_did);
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
    let langs = Langs::new(&ctx, &c.language, tr.finish());
    let path = format!("/consultations/{id}/findings");
    let mut ui = ctx.chrome_for(&path, "findings-title").await?;
    let title = langs.shown(key::TITLE, &c.title);
    ui.title = ctx.phrase("findings-title-of", &[("title", Value::Shown(&title))]);
    let findings = list
        .iter()
        .map(|f| finding_view(&ctx, &langs, f))
        .collect::<Vec<_>>();
    let closed = c.status(Timestamp::now()) == Status::Closed;
    let view = FindingsPage {
        ui,
        back: Some((format!("/consultations/{id}"), ctx.t("back"))),
        // Figures are updated daily only while responses can still come.
        lead: ctx.t(if closed {
            "findings-lead-closed"
        } else {
            "findings-lead"
        }),
        empty: findings.is_empty().then(|| ctx.t("findings-empty")),
        findings,
        links: findings_links(&ctx, id, c.results_published_at.is_some(), !list.is_empty()),
        we_did: closed.then(|| we_did(&ctx)),
    };
    respond(StatusCode::OK, view, None)
}

/// The results, once published, and the findings as JSON (the API's
/// document, for those who reuse them), once there are any.
fn findings_links(ctx: &PageCtx, id: Uuid, results: bool, any: bool) -> Vec<(String, String)> {
    let mut links = Vec::new();
    if results {
        links.push((
            format!("/consultations/{id}/results"),
            ctx.t("consultation-results-link"),
        ));
    }
    if any {
        links.push((
            format!("/api/v1/consultations/{id}/findings"),
            ctx.t("export-findings-json"),
        ));
    }
    links
}
