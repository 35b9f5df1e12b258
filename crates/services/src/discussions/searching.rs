//! Searching discussions' comments (issue 18 part 9): words typed in
//! English or Arabic, normalised as the stored text was (Arabic marks
//! dropped, letter forms folded, lower case), found in published comments
//! of published discussions only. What is held, hidden, deleted or
//! removed is never found, whoever asks — a moderator included: search
//! is a public page, and moderators have their queue.

use cohesion_domain::text::MAX_QUERY_VALUE_CHARS;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::discussions::comments;
use cohesion_storage::{Db, Timestamp};
use uuid::Uuid;

pub use cohesion_storage::discussions::comments::Found;

use crate::ServiceError;

/// Comments on a page of results.
pub const PER_PAGE: i64 = 20;
/// The shortest search, in characters once normalised: one letter would
/// match nearly everything and say nothing.
pub const MIN_CHARS: usize = 2;

/// Where a page of results ended: its last comment's time and id.
pub type After = (Timestamp, Uuid);

/// A page's end as an address carries it: `nanoseconds.id`.
pub fn after_token((at, id): After) -> String {
    format!("{}.{}", at.as_offset().unix_timestamp_nanos(), id.simple())
}

/// Reads [`after_token`]; `None` for anything else.
pub fn after_from_token(token: &str) -> Option<After> {
    let (nanos, id) = token.split_once('.')?;
    let at = time::OffsetDateTime::from_unix_timestamp_nanos(nanos.parse().ok()?).ok()?;
    Some((Timestamp::from(at), Uuid::try_parse(id).ok()?))
}

/// The query as search compares it, or why it cannot be searched for.
pub fn query(raw: &str) -> Result<String, ServiceError> {
    if raw.chars().count() > MAX_QUERY_VALUE_CHARS {
        return Err(ValidationError::new("q", ErrorCode::QueryTooLong).into());
    }
    let q = cohesion_insight::text::normalise(raw.trim());
    let q = q.split_whitespace().collect::<Vec<_>>().join(" ");
    if q.chars().count() < MIN_CHARS {
        return Err(ValidationError::new("q", ErrorCode::FieldRequired).into());
    }
    Ok(q)
}

/// A page of comments holding `raw`, newest first, after `after`, and
/// where the next page starts.
pub async fn comments(
    db: &Db,
    raw: &str,
    after: Option<After>,
) -> Result<(Vec<Found>, Option<After>), ServiceError> {
    let q = query(raw)?;
    let mut c = db.acquire().await?;
    let mut found = comments::search(c.conn(), &q, after, PER_PAGE + 1).await?;
    let more = found.len() as i64 > PER_PAGE;
    found.truncate(PER_PAGE as usize);
    let next = more
        .then(|| {
            found
                .last()
                .map(|f| (Timestamp::from(f.comment.created_at), f.comment.id))
        })
        .flatten();
    Ok((found, next))
}

/// A short passage of `text` around the first place `q` (normalised) is
/// found, at most about `width` characters, with "…" where it was cut:
/// what a result shows of its comment. Found by walking the text and its
/// normalised form together, so that a match in Arabic written with
/// marks is cut at the right place.
pub fn snippet(text: &str, q: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    // The normalised form of each character, so positions map back.
    let mut folded = String::new();
    let mut origin = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        for f in cohesion_insight::text::normalise(&c.to_string()).chars() {
            folded.push(f);
            origin.push(i);
        }
    }
    let at = folded
        .find(q)
        .map(|byte| folded[..byte].chars().count())
        .and_then(|n| origin.get(n).copied())
        .unwrap_or(0);
    let start = at.saturating_sub(width / 3);
    let end = (start + width).min(chars.len());
    let start = end.saturating_sub(width).min(start);
    let mut out: String = chars[start..end].iter().collect();
    out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if start > 0 {
        out = format!("…{out}");
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_ends_read_back() {
        let end = (Timestamp::now(), Uuid::now_v7());
        assert_eq!(after_from_token(&after_token(end)), Some(end));
        assert_eq!(after_from_token("12.nope"), None);
        assert_eq!(after_from_token("x"), None);
    }

    #[test]
    fn queries_are_normalised_and_bounded() {
        assert_eq!(query("  الأمانُ  ").unwrap(), "الامان");
        assert_eq!(query("Park   Lights").unwrap(), "park lights");
        assert!(query("a").is_err());
        assert!(query(&"x".repeat(MAX_QUERY_VALUE_CHARS + 1)).is_err());
    }

    #[test]
    fn snippets_cut_around_the_match() {
        let text = format!(
            "{} the library opens late {}",
            "a ".repeat(100),
            "b ".repeat(100)
        );
        let s = snippet(&text, "library", 40);
        assert!(s.contains("library"), "{s}");
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        let arabic = "نريد مكتبةً في الحيّ";
        assert!(snippet(arabic, "مكتبه", 100).contains("مكتبةً"));
    }
}
