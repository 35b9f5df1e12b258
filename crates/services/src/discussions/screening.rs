//! Automatic screening of a new comment (ADR 33): it only ever holds a
//! comment for a moderator, with its reasons, and never hides or deletes.
//! A comment is held when it contains an entry of the moderators' word
//! lists (after folding away disguise), repeats a comment already posted
//! in the discussion, or carries more links than a conversation needs.

use cohesion_domain::discussion::links::{pieces, Piece};
use cohesion_domain::discussion::screening::{repeat_key, WordList, MAX_LINKS};
use cohesion_storage::discussions::{comments, moderation};
use cohesion_storage::Conn;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::ServiceError;

/// What screening found in a comment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Screened {
    /// Why it is held (`word:ENTRY`, `repeat`, `links`); empty when it
    /// is not.
    pub reasons: Vec<String>,
    /// How soon a moderator should look (1 to 3).
    pub severity: u8,
    /// What later repeats of it will be found by.
    pub fingerprint: Option<String>,
}

/// The fingerprint repeats are found by: a hash of the folded text, for
/// texts long enough (`screening::repeat_key`).
pub(crate) fn fingerprint(body: &str) -> Option<String> {
    repeat_key(body).map(|key| {
        let digest = Sha256::digest(key.as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    })
}

/// Screens `body` for the discussion `discussion`.
pub(crate) async fn screen(
    mut conn: Conn<'_>,
    discussion: Uuid,
    body: &str,
) -> Result<Screened, ServiceError> {
    let mut found = Screened {
        fingerprint: fingerprint(body),
        ..Default::default()
    };
    let words = moderation::words(conn.reborrow()).await?;
    let list = WordList::new(words.iter().map(|(_, entry)| entry.as_str()));
    for entry in list.matches(body) {
        found.reasons.push(format!("word:{entry}"));
        found.severity = found.severity.max(2);
    }
    if let Some(print) = &found.fingerprint {
        if comments::repeats(conn, discussion, print).await? > 0 {
            found.reasons.push("repeat".to_owned());
            found.severity = found.severity.max(1);
        }
    }
    let links = pieces(body)
        .iter()
        .filter(|p| matches!(p, Piece::Link { .. }))
        .count();
    if links > MAX_LINKS {
        found.reasons.push("links".to_owned());
        found.severity = found.severity.max(1);
    }
    Ok(found)
}
