//! A form extractor that treats its input as hostile: the right content
//! type, a bounded body, and strictly valid UTF-8 after percent-decoding
//! (the standard decoder would silently replace bad bytes).

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{header, StatusCode};
use cohesion_domain::ErrorCode;
use serde::de::DeserializeOwned;

use crate::error::AppError;

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
        if !decodes_as_utf8(&body) {
            return Err(AppError::bad_request(ErrorCode::InvalidUtf8));
        }
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

#[cfg(test)]
mod tests {
    use super::decodes_as_utf8;

    #[test]
    fn spots_invalid_utf8_after_decoding() {
        assert!(decodes_as_utf8(b"page=about&answer=yes"));
        assert!(decodes_as_utf8("name=%D8%B9%D8%B1%D8%A8%D9%8A".as_bytes()));
        assert!(!decodes_as_utf8(b"page=%FF%FE"));
        assert!(!decodes_as_utf8(b"a=1&b=\xC3\x28"));
    }
}
