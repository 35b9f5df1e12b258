//! The review list: answers the mapping was unsure of, settled one by
//! one.

use axum::extract::{Path, Query};
use axum::response::Response;
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::themes::{self, review};
use cohesion_ui::consultations::{Choice, ReviewItemView, ThemeReviewPage};
use cohesion_ui::{FieldError, Value};
use uuid::Uuid;

use super::{
    base_path, done, field_errors, response_href, sent_by, stance, theme_name_text, PageQuery,
};
use crate::kit::{
    path_id, respond_form, see_other, Analyse, AppError, ClientKey, May, PageCtx, StrictForm,
};

pub async fn review_page(
    ctx: PageCtx,
    May(me, _): May<Analyse>,
    Path((id, question)): Path<(String, String)>,
    Query(q): Query<PageQuery>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    let current = q.page.unwrap_or(1).clamp(1, 100_000);
    let done_msg = done(&ctx, q.done.as_deref());
    review_view(&ctx, &me, id, &question, current, done_msg, Vec::new()).await
}

async fn review_view(
    ctx: &PageCtx,
    me: &SignedIn,
    id: Uuid,
    question: &str,
    current: u32,
    done_msg: Option<String>,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let (a, items, total) = review::review(&ctx.state.db, me, id, question, current).await?;
    let path = base_path(id, &a.question.id);
    let mut ui = ctx
        .chrome_for(&format!("{path}/review"), "themes-review-title")
        .await?;
    let text = super::question_shown(ctx, &a, str::trim).await?;
    ui.title = ctx.phrase(
        "themes-review-title-of",
        &[("question", Value::Shown(&text))],
    );
    let confirmed: Vec<(Uuid, String)> = a
        .themes
        .iter()
        .filter(|t| t.status == "confirmed")
        .map(|t| (t.id, theme_name_text(ctx, t)))
        .collect();
    let next = (i64::from(current) * themes::REVIEW_PAGE < total)
        .then(|| format!("{path}/review?page={}", current + 1));
    let view = ThemeReviewPage {
        back: Some((path.clone(), ctx.t("back"))),
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
                response: item.response_id.to_string(),
                reference: item.reference.clone(),
                href: response_href(id, item.response_id),
                text: item.text.clone(),
                detail: ctx.locale().t_args(
                    "themes-review-detail",
                    &[
                        ("stance", stance(ctx, &item.stance).into()),
                        ("confidence", format!("{:.2}", item.best).into()),
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
    respond_form(!view.errors.is_empty(), view)
}

/// Settles one answer on the review list.
pub async fn review(
    ctx: PageCtx,
    May(me, _): May<Analyse>,
    client: ClientKey,
    Path((id, question)): Path<(String, String)>,
    StrictForm(pairs): StrictForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let s = sent_by(&me, pairs)?;
    let id = path_id(&id)?;
    match review::settle(
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
