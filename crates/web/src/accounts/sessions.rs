//! The person's sessions: ending one, or all of them at once.

use axum::extract::Path;
use axum::http::header;
use axum::response::Response;
use cohesion_services::accounts::{self, profile};
use cohesion_services::ServiceError;
use serde::Deserialize;
use uuid::Uuid;

use crate::kit::{
    check_session_csrf, see_other, set_cookie, AppError, ClientKey, Me, PageCtx, StrictForm,
    SESSION_COOKIE,
};

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

pub async fn end_session(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<CsrfOnly>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    let id = Uuid::parse_str(&id).map_err(|_| ServiceError::NotFound)?;
    profile::end_session(&ctx.state.db, &me, id, Some(&client.0)).await?;
    Ok(see_other("/account?done=session"))
}

/// Ends every session, this one included, and says so on the sign-in page.
pub async fn sign_out_everywhere(
    ctx: PageCtx,
    Me(me): Me,
    StrictForm(form): StrictForm<CsrfOnly>,
) -> Result<Response, AppError> {
    check_session_csrf(&me, &form.csrf)?;
    accounts::sign_out_everywhere(&ctx.state.db, me.user_id).await?;
    let mut res = see_other("/sign-in");
    res.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(SESSION_COOKIE, "", 0, "Lax", ctx.state.config.tls),
    );
    Ok(res)
}
