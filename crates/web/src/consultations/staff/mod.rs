//! Pages for officers and analysts: write a consultation, build its
//! survey, preview it, fix its wording once people have responded, set
//! its timeline, publish it and its results, write its findings, read
//! its history, and analyse the answers.

pub(super) mod analysis;
pub(super) mod answers;
pub(super) mod details;
mod details_history;
mod figures;
pub(super) mod findings;
pub(super) mod fixes;
pub(super) mod history;
pub(super) mod manage;
mod margin_form;
mod margins;
pub(super) mod page_rule;
pub(super) mod panel;
pub(super) mod preview;
pub(super) mod publication;
mod question_form;
pub(super) mod questions;
mod rule_picker;
pub(super) mod stages;
pub(super) mod survey;
mod survey_history;
pub(super) mod weighting;

use cohesion_domain::survey::model::QuestionDef;
use cohesion_domain::translation::{key, Translator};
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::reading::{self, ConsultationView};
use cohesion_ui::{ReportPage, Shown, Value};
use serde::Deserialize;
use uuid::Uuid;

use crate::kit::{path_id, AppError, Langs, PageCtx};

#[derive(Deserialize)]
pub(super) struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

/// What every analyst's page about a consultation starts with (its
/// handler holds `May<Analyse>`): the consultation (drafts for staff
/// only) with its title, questions and options in the reader's language
/// where the consultation is translated, the language each of those texts
/// is shown in, and a page titled "`name`: the consultation's title".
/// Crosstabs, weighting and the written answers share it, so that the
/// three read a consultation alike.
pub(super) struct Frame<'a> {
    pub id: Uuid,
    pub v: ConsultationView,
    pub langs: Langs,
    pub page: ReportPage<'a>,
}

/// A question's text as `langs` shows it, marked with its language.
pub(super) fn question_text(langs: &Langs, q: &QuestionDef) -> Shown {
    langs.shown(&key::question(&q.id, "text"), &q.text)
}

/// The language and direction of a question's text in a list of choices
/// (`<option>`), when it is not the page's: a question left as written in
/// an Arabic page.
pub(super) fn question_lang(
    ctx: &PageCtx,
    langs: &Langs,
    q: &QuestionDef,
) -> Option<(String, &'static str)> {
    let lang = langs.of(&key::question(&q.id, "text"));
    (lang != ctx.locale().tag())
        .then(|| ctx.state.catalog.get(lang))
        .flatten()
        .map(|l| (l.tag().to_owned(), l.direction().as_str()))
}

/// See [`Frame`].
pub(super) async fn analysis_frame<'a>(
    ctx: &'a PageCtx,
    me: &SignedIn,
    raw_id: &str,
    name: &str,
) -> Result<Frame<'a>, AppError> {
    let id = path_id(raw_id)?;
    let mut v = reading::view(&ctx.state.db, Some(me), id).await?;
    let t = reading::translation(&ctx.state.db, id, ctx.locale().tag()).await?;
    let mut tr = Translator::new(&t);
    let c = &mut v.consultation;
    tr.main(&mut c.title, &mut c.summary, &mut c.body);
    tr.survey(&mut v.survey);
    let langs = Langs::new(ctx, &v.consultation.language, tr.finish());
    let path = format!("/staff/consultations/{id}/{name}");
    let mut ui = ctx.chrome_for(&path, &format!("{name}-title")).await?;
    let title = langs.shown(key::TITLE, v.consultation.title.as_str());
    ui.title = ctx.phrase(
        &format!("{name}-title-of"),
        &[("title", Value::Shown(&title))],
    );
    Ok(Frame {
        id,
        v,
        langs,
        page: ReportPage::new(ui),
    })
}
