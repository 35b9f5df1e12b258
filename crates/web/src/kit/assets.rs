//! Compiled front-end assets, embedded at build time and served from memory.
//!
//! Lookups go through a fixed table, so no request path ever reaches the
//! file system: `..` and friends simply find nothing.

use axum::extract::{Path, Query};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use cohesion_domain::ErrorCode;
use cohesion_ui::AssetUrls;
use serde::Deserialize;

use super::error::AppError;

include!(concat!(env!("OUT_DIR"), "/embedded_assets.rs"));

/// A short fingerprint of all embedded assets, for cache-busting URLs.
pub fn fingerprint() -> &'static str {
    static FP: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    FP.get_or_init(|| {
        // FNV-1a: stable across builds and platforms, and enough to tell
        // one release's assets from the next.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for (name, bytes) in EMBEDDED {
            for b in name.bytes().chain(bytes.iter().copied()) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        format!("{:012x}", h & 0xffff_ffff_ffff)
    })
}

pub fn urls() -> AssetUrls {
    let v = fingerprint();
    AssetUrls {
        stylesheet_ltr: format!("/assets/app.css?v={v}"),
        stylesheet_rtl: format!("/assets/app.rtl.css?v={v}"),
        script: format!("/assets/app.js?v={v}"),
        favicon: format!("/assets/favicon.svg?v={v}"),
    }
}

pub fn find(name: &str) -> Option<&'static [u8]> {
    EMBEDDED.iter().find(|(n, _)| *n == name).map(|(_, b)| *b)
}

#[derive(Deserialize)]
pub struct Version {
    v: Option<String>,
}

pub async fn serve(
    Path(name): Path<String>,
    Query(q): Query<Version>,
) -> Result<Response, AppError> {
    let bytes = find(&name).ok_or(AppError::status(StatusCode::NOT_FOUND, ErrorCode::NotFound))?;
    let content_type = match name.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") | Some("mjs") => "text/javascript; charset=utf-8",
        Some("woff2") => "font/woff2",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    };
    // A fingerprinted URL never changes content; anything else may.
    let cache = if q.v.as_deref() == Some(fingerprint()) || name.starts_with("fonts/") {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        bytes,
    )
        .into_response())
}
