//! The staff's dashboard (`/manage`): a panel from each feature that has
//! one for the reader (ADR 0021). Residents are refused (403) and
//! anonymous visitors sent to sign in, as on every staff page.

use axum::http::StatusCode;
use axum::response::Response;
use cohesion_services::ServiceError;
use cohesion_ui::ManagePage;

use crate::kit::feature::staff_panels;
use crate::kit::{respond, AppError, Me, PageCtx};

pub async fn dashboard(ctx: PageCtx, Me(me): Me) -> Result<Response, AppError> {
    if !ctx.is_staff() {
        return Err(ServiceError::Forbidden.into());
    }
    let panels = staff_panels(&ctx, &me).await?;
    let ui = ctx.chrome_for("/manage", "manage-title").await?;
    let page = ManagePage {
        ui: ui.with_nav("manage"),
        lead: ctx.t("manage-lead"),
        panels,
    };
    respond(StatusCode::OK, page, None)
}
