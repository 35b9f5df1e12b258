//! An error as the JSON API answers it (ADR 2, ADR 29): RFC 9457 problem
//! details with a stable `code`, and, when input was refused, `errors`
//! listing every problem with its JSON Pointer into the body, its code
//! and a sentence for the API's user.
//!
//! The sentences speak of the request ("`closes_at` must be after
//! `opens_at`"), not of a form ("Enter when it closes"): they are the
//! `api-…` messages of `api.ftl`: for a problem with one member,
//! `api-<field>-<code>`, then `api-field-<code>` (which names the member
//! as `$name`), then `api-<code>`; for an error as a whole, `api-<code>`. They are in the request's language, chosen as for pages:
//! English unless `?lang=`, the language cookie or Accept-Language asks
//! for another the site has.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use cohesion_domain::survey::pointers::pointer_token;
use cohesion_i18n::{FluentValue, Locale};
use serde_json::{json, Value};

use super::error::{ErrorInfo, InputProblem};

/// Whether a request's body is JSON (`application/json` or `…+json`):
/// then a problem named by a field is a member of the body.
pub fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| {
            let essence = ct.split(';').next().unwrap_or("").trim();
            let essence = essence.to_ascii_lowercase();
            essence == "application/json"
                || (essence.starts_with("application/") && essence.ends_with("+json"))
        })
}

/// The problem for an error response. `pages_words` is the pages'
/// sentence for it, said when the API has none of its own; `minutes`,
/// how long to wait, for a 429.
pub(super) fn problem_json(
    locale: &Locale,
    status: StatusCode,
    info: &ErrorInfo,
    request_id: Option<&str>,
    json_body: bool,
    (pages_words, minutes): (String, u64),
) -> Response {
    let n = status.as_u16();
    let errors: Vec<Value> = info
        .problems
        .iter()
        .map(|p| entry(locale, p, json_body))
        .collect();
    let detail = match errors.as_slice() {
        [] => summary(locale, info, pages_words, minutes),
        [one] => one["detail"].as_str().unwrap_or_default().to_owned(),
        many => locale.t_num("api-problems", "count", many.len() as u64),
    };
    let mut body = json!({
        "type": "about:blank",
        "title": status.canonical_reason().unwrap_or("Error"),
        "status": n,
        "code": info.code.as_str(),
        // Isolation marks help bidi text on pages; in JSON they are noise.
        "detail": plain(detail),
    });
    if let Some(field) = info.field {
        body["field"] = field.into();
    }
    if !errors.is_empty() {
        body["errors"] = errors.into();
    }
    if let Some(id) = request_id {
        body["request_id"] = id.into();
    }
    let mut res = (status, body.to_string()).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    res
}

/// The sentence for an error that lists no problems: `api-<code>`, or the
/// pages' words when the API has none of its own.
fn summary(locale: &Locale, info: &ErrorInfo, pages_words: String, minutes: u64) -> String {
    let id = format!("api-{}", info.code.as_str());
    if locale.message_ids().contains(&id) {
        locale.t_args(&id, &[("minutes", FluentValue::from(minutes))])
    } else {
        pages_words
    }
}

/// One problem of `errors`: `pointer` (when it is in the JSON body),
/// `field`, `code` and `detail`.
fn entry(locale: &Locale, p: &InputProblem, json_body: bool) -> Value {
    let pointer = match &p.pointer {
        Some(pointer) => Some(pointer.clone()),
        None if json_body && !p.parameter && is_member_name(&p.field) => {
            Some(format!("/{}", pointer_token(&p.field)))
        }
        None => None,
    };
    let mut e = json!({
        "field": p.field,
        "code": p.code.as_str(),
        "detail": plain(sentence(locale, p, pointer.as_deref())),
    });
    if let Some(pointer) = pointer {
        e["pointer"] = pointer.into();
    }
    e
}

/// A problem's sentence. Its message may use `$field` (as the pages name
/// it), `$name` (the member of the body: the pointer's last word that is
/// not an index), `$pointer`, and the problem's own values (`$limit`,
/// `$expected`, …; whole numbers as numbers, for plural forms).
fn sentence(locale: &Locale, p: &InputProblem, pointer: Option<&str>) -> String {
    let code = p.code.as_str();
    let ids = locale.message_ids();
    let own = format!("api-{}-{code}", p.field);
    let field = format!("api-field-{code}");
    let general = format!("api-{code}");
    let id = if let Some(id) = p.message.filter(|id| ids.contains(*id)) {
        id.to_owned()
    } else if is_member_name(&p.field) && ids.contains(&own) {
        own
    } else if ids.contains(&field) {
        field
    } else if ids.contains(&general) {
        general
    } else {
        // A code the API has no words for yet: the pages' words.
        let reason = format!("reason-{code}");
        return if ids.contains(&reason) {
            locale.t(&reason).into_owned()
        } else {
            locale.t("api-bad_request").into_owned()
        };
    };
    let name = pointer
        .and_then(member_of)
        .unwrap_or_else(|| p.field.clone());
    let pointer = pointer.map_or_else(|| p.field.clone(), str::to_owned);
    let mut args: Vec<(&str, FluentValue<'_>)> = vec![
        ("field", FluentValue::from(p.field.as_str())),
        ("name", FluentValue::from(name)),
        ("pointer", FluentValue::from(pointer)),
    ];
    for (k, v) in &p.args {
        let value = match v.parse::<u64>() {
            Ok(n) => FluentValue::from(n),
            Err(_) => FluentValue::from(v.as_str()),
        };
        args.push((*k, value));
    }
    locale.t_args(&id, &args)
}

/// The last member named in `pointer` (not an array index), unescaped.
fn member_of(pointer: &str) -> Option<String> {
    pointer
        .rsplit('/')
        .find(|t| !t.is_empty() && !t.bytes().all(|b| b.is_ascii_digit()))
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
}

/// Whether `field` names a member the way request bodies do
/// (`closes_at`), rather than a question id or `page-N`.
fn is_member_name(field: &str) -> bool {
    !field.is_empty()
        && field
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn plain(text: String) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

#[cfg(test)]
mod tests {
    use cohesion_domain::ErrorCode;

    use super::*;

    #[test]
    fn every_code_has_words_for_api_users_in_every_language() {
        let catalog = cohesion_i18n::Catalog::load().unwrap();
        for locale in catalog.all() {
            let ids = locale.message_ids();
            for code in ErrorCode::ALL {
                let c = code.as_str();
                assert!(
                    ids.contains(&format!("api-{c}")) || ids.contains(&format!("api-field-{c}")),
                    "{}: no api-{c} or api-field-{c}",
                    locale.tag()
                );
            }
        }
    }

    #[test]
    fn members_and_media_types_are_read_as_json_does() {
        assert_eq!(
            member_of("/pages/0/questions/2/options/1").as_deref(),
            Some("options")
        );
        assert_eq!(member_of("/answers/q~1a").as_deref(), Some("q/a"));
        assert_eq!(member_of(""), None);
        assert!(is_member_name("closes_at"));
        assert!(!is_member_name("page-2") && !is_member_name("X-Token"));
        let mut h = HeaderMap::new();
        for (ct, json) in [
            ("application/json", true),
            ("Application/JSON; charset=utf-8", true),
            ("application/problem+json", true),
            ("text/plain", false),
            ("application/x-www-form-urlencoded", false),
        ] {
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
            assert_eq!(is_json(&h), json, "{ct}");
        }
    }
}
