//! The house rules every comment form links to.

use axum::http::StatusCode;
use axum::response::Response;
use cohesion_ui::discussions::{HouseRulesPage, Rule};

use crate::kit::{respond, AppError, PageCtx};

/// The rules in order, by the ids of their anchors and messages.
const RULES: [&str; 7] = [
    "respect",
    "hate",
    "threats",
    "private",
    "topic",
    "moderators",
    "appeal",
];

pub(super) async fn house_rules(ctx: PageCtx) -> Result<Response, AppError> {
    let ui = ctx
        .chrome_for("/discussions/house-rules", "house-rules-title")
        .await?;
    let page = HouseRulesPage {
        ui: ui.with_nav("discussions"),
        lead: ctx.t("house-rules-lead"),
        rules: RULES
            .iter()
            .map(|id| Rule {
                id,
                heading: ctx.t(&format!("house-rules-{id}-heading")),
                text: ctx.t(&format!("house-rules-{id}")),
            })
            .collect(),
        back: ("/discussions".to_owned(), ctx.t("house-rules-back")),
    };
    respond(StatusCode::OK, page, None)
}
