//! Who is answering a consultation (a signed-in person, or the holder of
//! an anonymous respondent cookie), and whether they may answer now.

use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use cohesion_domain::consultation::Consultation;
use cohesion_domain::consultation::Status;
use cohesion_domain::translation::key;
use cohesion_services::accounts::tokens::new_token;
use cohesion_services::consultations::responding::{Admission, Respondent};

use crate::kit::{cookie, respond, see_other, set_cookie, AppError, Langs, PageCtx};

/// The cookie that lets someone without an account come back to their
/// anonymous response. Only its SHA-256, per consultation, is stored.
pub const RESPONDENT_COOKIE: &str = "cohesion_respondent";

const RESPONDENT_COOKIE_DAYS: i64 = 120;

/// Who is answering, as far as the request tells, without making a new
/// anonymous cookie: the signed-in person, or the cookie's holder (an
/// empty secret, which matches no response, when there is none).
pub(super) fn known_respondent<'a>(ctx: &'a PageCtx, headers: &'a HeaderMap) -> Respondent<'a> {
    match &ctx.user.0 {
        Some(me) => Respondent::Account(me),
        None => Respondent::Anonymous(cookie(headers, RESPONDENT_COOKIE).unwrap_or("")),
    }
}

/// Who is answering: the signed-in person, or the anonymous respondent
/// cookie (made when missing; its `Set-Cookie` is returned).
pub(super) fn respondent<'a>(
    ctx: &'a PageCtx,
    headers: &'a HeaderMap,
    fresh: &'a mut Option<String>,
) -> Result<(Respondent<'a>, Option<HeaderValue>), AppError> {
    if let Some(me) = &ctx.user.0 {
        return Ok((Respondent::Account(me), None));
    }
    if let Some(secret) = cookie(headers, RESPONDENT_COOKIE) {
        return Ok((Respondent::Anonymous(secret), None));
    }
    let token = new_token()?;
    let set = set_cookie(
        RESPONDENT_COOKIE,
        &token,
        RESPONDENT_COOKIE_DAYS * 24 * 60 * 60,
        "Lax",
        ctx.state.config.tls,
    );
    *fresh = Some(token);
    Ok((
        Respondent::Anonymous(fresh.as_deref().unwrap_or_default()),
        Some(set),
    ))
}

/// The page that turns a respondent away, as the services decided
/// (`admission`): to sign in first, or a clear page (not an error) while
/// the consultation is not open. `None` when they may answer.
pub(super) async fn turned_away(
    ctx: &PageCtx,
    c: &Consultation,
    admission: Admission,
    langs: &Langs,
) -> Result<Option<Response>, AppError> {
    if admission.sign_in_first {
        return Ok(Some(see_other(&format!(
            "/sign-in?next=/consultations/{}/respond",
            c.id
        ))));
    }
    let key = match admission.status {
        Status::Open => return Ok(None),
        Status::Upcoming => "consultation-respond-upcoming",
        Status::Closed => "consultation-respond-closed",
    };
    let ui = ctx
        .chrome_for(
            &format!("/consultations/{}", c.id),
            "consultation-not-open-title",
        )
        .await?;
    let page = cohesion_ui::NoticePage {
        ui,
        text: ctx.t(key).into(),
        link: Some((
            format!("/consultations/{}", c.id),
            langs.shown(key::TITLE, &c.title).into(),
        )),
    };
    respond(StatusCode::CONFLICT, page, None).map(Some)
}
