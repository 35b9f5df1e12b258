//! Forms: the extractor that treats their input as hostile, the token
//! each carries, and the one way a form is answered (a 303 when the
//! change is made, else the same form again with its problems).
//!
//! [`StrictForm`] wants the right content type, a bounded body, and
//! strictly valid UTF-8 after percent-decoding (the standard decoder
//! would silently replace bad bytes).

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use cohesion_domain::error::{DocumentFault, DocumentProblem};
use cohesion_domain::{ErrorCode, ErrorDetail, ValidationError};
use cohesion_services::accounts;
use cohesion_services::ServiceError;
use cohesion_ui::{FieldError, Template};
use serde::de::DeserializeOwned;

use super::error::AppError;
use super::page::{respond, see_other, PageCtx};
use super::session::{cookie, set_cookie, unix_now, CSRF_COOKIE};

pub struct StrictForm<T>(pub T);

impl<T, S> FromRequest<S> for StrictForm<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_form = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Err(AppError::status(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
            ));
        }
        let body = Bytes::from_request(req, state).await.map_err(|r| {
            if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
                AppError::status(StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge)
            } else {
                AppError::bad_request(ErrorCode::BadRequest)
            }
        })?;
        check_encoded(&body)?;
        serde_urlencoded::from_bytes(&body)
            .map(StrictForm)
            .map_err(|_| AppError::bad_request(ErrorCode::BadRequest))
    }
}

/// Whether every name and value of an `application/x-www-form-urlencoded`
/// string (a form body or a query string) is valid UTF-8 once decoded.
pub fn decodes_as_utf8(encoded: &[u8]) -> bool {
    encoded.split(|b| *b == b'&').all(|pair| {
        let decoded: Vec<u8> = percent_encoding::percent_decode(pair).collect();
        std::str::from_utf8(&decoded).is_ok()
    })
}

/// Refuses a form body or query string that is not UTF-8 once decoded
/// (400 `invalid_utf8`) or that holds U+0000 anywhere (400
/// `nul_character`): no text this site stores or searches can hold it,
/// and PostgreSQL refuses it with an error, so it stops here for every
/// route on both engines.
pub fn check_encoded(encoded: &[u8]) -> Result<(), AppError> {
    if !decodes_as_utf8(encoded) {
        return Err(AppError::bad_request(ErrorCode::InvalidUtf8));
    }
    if form_urlencoded::parse(encoded).any(|(k, v)| k.contains('\0') || v.contains('\0')) {
        return Err(AppError::bad_request(ErrorCode::NulCharacter));
    }
    Ok(())
}

/// A form's way through, once its token is checked: `outcome` is what
/// the service made of it. Made: a 303 to `next(value)`. Refused: as
/// [`form_again`] says.
pub async fn submit_form<T, P: Template>(
    ctx: &PageCtx,
    outcome: Result<T, ServiceError>,
    next: impl FnOnce(T) -> String,
    again: impl AsyncFnOnce(Vec<FieldError>) -> Result<P, AppError>,
) -> Result<Response, AppError> {
    match outcome {
        Ok(value) => Ok(see_other(&next(value))),
        Err(e) => form_again(ctx, e, again).await,
    }
}

/// A refused form: for problems with its fields
/// (`ServiceError::InvalidFields`), the same form again, built by `again`
/// from the problems as messages, with a 422 and the error summary. Any
/// other error passes on.
pub async fn form_again<P: Template>(
    ctx: &PageCtx,
    e: ServiceError,
    again: impl AsyncFnOnce(Vec<FieldError>) -> Result<P, AppError>,
) -> Result<Response, AppError> {
    match e {
        ServiceError::InvalidFields(errors) => {
            let page = again(field_messages(ctx, &errors)).await?;
            respond(StatusCode::UNPROCESSABLE_ENTITY, page, None)
        }
        other => Err(other.into()),
    }
}

/// A form refused by a throttle, as the message beside `field`: what
/// there was too much of (the message `what`), and in words when to try
/// again (ADR 0023).
pub fn too_many(ctx: &PageCtx, field: &'static str, what: &str, retry_after: u32) -> FieldError {
    let minutes = super::context::retry_minutes(Some(retry_after));
    let l = ctx.locale();
    FieldError {
        field,
        message: format!(
            "{} {}",
            l.t(what),
            l.t_plain("try-again-in", &[("minutes", minutes.into())])
        ),
    }
}

/// The form again after a throttle refused it, with what was typed:
/// 429 with `Retry-After`.
pub fn respond_throttled(page: impl Template, retry_after: u32) -> Result<Response, AppError> {
    let mut res = respond(StatusCode::TOO_MANY_REQUESTS, page, None)?;
    res.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
    Ok(res)
}

/// A refusal of one field listed as a form's refusals, for the services
/// that check one field (an address, the margins): so that [`submit_form`]
/// shows it on the form.
pub fn one_field_listed(e: ServiceError) -> ServiceError {
    match e {
        ServiceError::Invalid(v) => ServiceError::InvalidFields(vec![v]),
        other => other,
    }
}

/// Validation problems as the messages a form shows beside its fields;
/// a time the clocks skip or show twice says when they change, a text
/// too long how long it may be, and a line of linked documents which
/// line and what to write.
pub fn field_messages(ctx: &PageCtx, errors: &[ValidationError]) -> Vec<FieldError> {
    errors
        .iter()
        .map(|e| FieldError {
            field: e.field,
            message: match &e.detail {
                Some(ErrorDetail::ClockChange(change)) => ctx.dates().clock_change(change),
                Some(ErrorDetail::Limit(max)) => too_long(ctx.locale(), e.field, *max),
                Some(ErrorDetail::Document(p)) => document_line(ctx.locale(), *p),
                // A margin's own words need the survey: the weighting page
                // says them; an option given twice, the list it is in: the
                // question form says it. Elsewhere the field's message.
                Some(ErrorDetail::Margin(_) | ErrorDetail::Repeated { .. }) | None => {
                    reason(ctx.locale(), e.field, e.code)
                }
            },
        })
        .collect()
}

/// The words a text field's own form uses for "empty" and "too long"
/// (a comment, a statement): message keys, and the limit to say when the
/// refusal carries none.
pub struct TextWords {
    pub empty: &'static str,
    pub too_long: &'static str,
    pub limit: usize,
}

/// Problems with a form's `text` field in the form's own words; any
/// other field's as [`field_messages`] says them.
pub fn text_problems(
    ctx: &PageCtx,
    errors: &[ValidationError],
    words: &TextWords,
) -> Vec<FieldError> {
    let kit = field_messages(ctx, errors);
    errors
        .iter()
        .zip(kit)
        .map(|(e, said)| match (e.field, e.code) {
            ("text", ErrorCode::FieldRequired) => FieldError {
                field: "text",
                message: ctx.t(words.empty),
            },
            ("text", ErrorCode::FieldTooLong) => {
                let limit = match e.detail {
                    Some(ErrorDetail::Limit(max)) => u64::from(max),
                    _ => words.limit as u64,
                };
                FieldError {
                    field: "text",
                    message: ctx
                        .locale()
                        .t_plain(words.too_long, &[("limit", limit.into())]),
                }
            }
            _ => said,
        })
        .collect()
}

/// What is wrong with a field, in words that name it: the field's own
/// message (`reason-title-field_required`, "Enter a title") where there
/// is one, else the problem's (`reason-field_required`). Field names are
/// shared across forms on purpose: a title is a title everywhere.
pub fn reason(locale: &cohesion_i18n::Locale, field: &str, code: ErrorCode) -> String {
    let own = format!("reason-{field}-{code}");
    if locale.message_ids().contains(&own) {
        locale.t(&own).into_owned()
    } else {
        locale.t(&format!("reason-{code}")).into_owned()
    }
}

/// A text longer than the `max` characters it may have, saying so: "The
/// title must be 150 characters or fewer" (`reason-title-field_too_long-limit`),
/// else the field's own words, else "This must be … or fewer".
pub fn too_long(locale: &cohesion_i18n::Locale, field: &str, max: u32) -> String {
    let ids = locale.message_ids();
    let own = format!("reason-{field}-field_too_long-limit");
    if ids.contains(&own) {
        return locale.t_plain(&own, &[("limit", u64::from(max).into())]);
    }
    if ids.contains(&format!("reason-{field}-field_too_long")) {
        return reason(locale, field, ErrorCode::FieldTooLong);
    }
    locale.t_plain(
        "reason-field_too_long-limit",
        &[("limit", u64::from(max).into())],
    )
}

/// A line of linked documents that cannot be read: which line, and what
/// to write on it.
fn document_line(locale: &cohesion_i18n::Locale, p: DocumentProblem) -> String {
    let (id, limit) = match p.fault {
        DocumentFault::NoBar => ("reason-documents-line-no-bar", 0),
        DocumentFault::NoTitle => ("reason-documents-line-title", 0),
        DocumentFault::TitleTooLong { max } => ("reason-documents-line-title-long", max),
        DocumentFault::Address => ("reason-documents-line-address", 0),
    };
    locale.t_plain(
        id,
        &[
            ("line", u64::from(p.line).into()),
            ("limit", u64::from(limit).into()),
        ],
    )
}

/// The CSRF token for a form: the session's when signed in (that is what
/// `check_csrf` will expect), else the one derived from the visitor's
/// anonymous cookie, if this site issued it and it is fresh, or from a
/// new one, with the `Set-Cookie` that goes with it.
pub async fn anon_csrf(
    ctx: &PageCtx,
    headers: &HeaderMap,
) -> Result<(String, Option<HeaderValue>), AppError> {
    if let Some(me) = &ctx.user.0 {
        return Ok((me.csrf.clone(), None));
    }
    let key = ctx.state.form_key().await?;
    let now = unix_now();
    if let Some(existing) = cookie(headers, CSRF_COOKIE).filter(|c| key.issued(c, now)) {
        return Ok((key.form_token(existing), None));
    }
    let issued = key.issue(now)?;
    let set = set_cookie(
        CSRF_COOKIE,
        &issued,
        accounts::tokens::FORM_COOKIE_SECS,
        "Strict",
        ctx.state.config.tls,
    );
    Ok((key.form_token(&issued), Some(set)))
}

#[cfg(test)]
mod tests {
    use super::{check_encoded, decodes_as_utf8};
    use cohesion_domain::ErrorCode;

    #[test]
    fn spots_invalid_utf8_after_decoding() {
        assert!(decodes_as_utf8(b"page=about&answer=yes"));
        assert!(decodes_as_utf8("name=%D8%B9%D8%B1%D8%A8%D9%8A".as_bytes()));
        assert!(!decodes_as_utf8(b"page=%FF%FE"));
        assert!(!decodes_as_utf8(b"a=1&b=\xC3\x28"));
    }

    #[test]
    fn refuses_nul_in_names_and_values() {
        assert!(check_encoded(b"q=a+b&topic=x").is_ok());
        for bad in [&b"q=%00"[..], b"q=a%00b", b"a%00=1", b"q=\0"] {
            let e = check_encoded(bad).unwrap_err();
            assert_eq!(e.info.code, ErrorCode::NulCharacter, "{bad:?}");
        }
        let e = check_encoded(b"q=%FF").unwrap_err();
        assert_eq!(e.info.code, ErrorCode::InvalidUtf8);
    }
}
