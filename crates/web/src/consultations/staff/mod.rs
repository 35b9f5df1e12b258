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

use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::reading::{self, ConsultationView};
use cohesion_ui::{ReportPage, Value};
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
/// only) and a page titled "`name`: the consultation's title".
pub(super) async fn analysis_frame<'a>(
    ctx: &'a PageCtx,
    me: &SignedIn,
    raw_id: &str,
    name: &str,
) -> Result<(Uuid, ConsultationView, ReportPage<'a>), AppError> {
    let id = path_id(raw_id)?;
    let v = reading::view(&ctx.state.db, Some(me), id).await?;
    let path = format!("/staff/consultations/{id}/{name}");
    let mut ui = ctx.chrome_for(&path, &format!("{name}-title")).await?;
    let title =
        Langs::as_written(ctx, &v.consultation.language).original(v.consultation.title.as_str());
    ui.title = ctx.phrase(
        &format!("{name}-title-of"),
        &[("title", Value::Shown(&title))],
    );
    Ok((id, v, ReportPage::new(ui)))
}
