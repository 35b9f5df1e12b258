//! A resident's own answers read back after sending, while the
//! consultation is open and after it closes: reached from their account
//! page and from "your data", where the download alone would leave them
//! reading field names.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use cohesion_domain::translation::key;
use cohesion_services::consultations::responding::Respondent;
use cohesion_services::ServiceError;
use cohesion_ui::{Phrase, ReportPage, Value};

use super::respond::answer_rows;
use super::translated::progress_in;
use crate::kit::{path_id, respond, AppError, Me, PageCtx};

pub async fn page(ctx: PageCtx, Me(me): Me, Path(id): Path<String>) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let (p, langs) = progress_in(&ctx, Respondent::Account(&me), id).await?;
    // Only a response they sent: a draft is theirs to finish, not to read
    // back here.
    let Some((reference, sent)) = p
        .response
        .as_ref()
        .and_then(|r| r.submitted_at.map(|at| (r.reference.clone(), at)))
    else {
        return Err(ServiceError::NotFound.into());
    };
    let title = langs.shown(key::TITLE, &p.consultation.title);
    let sent = ctx.dates().at(sent);
    let path = format!("/consultations/{id}/respond/answers");
    let mut view = ReportPage::new(ctx.chrome_for(&path, "your-answers-title").await?);
    view.back = Some(("/account".to_owned(), ctx.t("back")));
    view.lead = vec![ctx.phrase(
        "your-answers-lead",
        &[
            ("title", Value::Shown(&title)),
            ("sent", Value::When(&sent)),
            ("reference", Value::Text(&reference)),
        ],
    )];
    view.rows = answer_rows(&ctx, &p, &langs, false);
    if p.admission.may_answer() {
        view.links.push((
            format!("/consultations/{id}/respond/check"),
            Phrase::from(ctx.t("your-answers-change")),
        ));
    }
    respond(StatusCode::OK, view, None)
}
