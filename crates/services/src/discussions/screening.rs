//! Automatic screening of a new comment (ADRs 33 and 36): it only ever
//! holds a comment for a moderator, with its reasons, and never hides or
//! deletes. A comment is held when it contains an entry of the
//! moderators' word lists (after folding away disguise), repeats a
//! comment already posted in the discussion exactly or nearly (MinHash
//! signatures looked up by band), is the latest of a campaign (the same
//! text from several accounts within a day), carries more links than a
//! conversation needs, comes from an account posting faster than people
//! write, or scores past the threshold of the classifier trained on this
//! site's own decisions. What it found is kept with the comment so that
//! the quality page can judge screening by what moderators decided.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, RandomState};
use std::sync::{Arc, Mutex, OnceLock};

use cohesion_domain::discussion::links::{pieces, Piece};
use cohesion_domain::discussion::screening::{
    repeat_key, Reason, WordList, CAMPAIGN_ACCOUNTS, CAMPAIGN_HOURS, MAX_LINKS, NEAR_REPEAT_DAYS,
    RATE_COMMENTS, RATE_MINUTES,
};
use cohesion_insight::duplicates::{Options, Signer};
use cohesion_storage::discussions::screening::{self as store, Finding};
use cohesion_storage::discussions::{comments, moderation};
use cohesion_storage::{Conn, Timestamp};
use sha2::{Digest, Sha256};
use time::Duration;
use uuid::Uuid;

use super::classifier;
use crate::ServiceError;

/// Earlier comments compared with a new one, at most: the newest that
/// share a band or its fingerprint.
const CANDIDATES: i64 = 50;

/// What screening found in a comment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Screened {
    /// Why it is held (`word:ENTRY`, `repeat`, `near-repeat:ID`,
    /// `campaign:ID`, `links`, `rate`, `classifier:…`); empty when it is
    /// not.
    pub reasons: Vec<String>,
    /// How soon a moderator should look (1 to 3).
    pub severity: u8,
    /// What later repeats of it will be found by.
    pub fingerprint: Option<String>,
    /// Its MinHash band keys, kept for later comments to be compared with.
    pub bands: Vec<i64>,
    /// The campaign it is part of: the first comment of it, and the
    /// comments of it not yet marked as such.
    pub campaign: Option<(Uuid, Vec<Uuid>)>,
    /// The classifier's version and probability that it will be hidden.
    pub score: Option<(i64, f64)>,
}

impl Screened {
    /// Screening's word was not taken (the author speaks for the site):
    /// nothing holds it and it joins no campaign, but later comments are
    /// still compared with it.
    pub(crate) fn overruled(&mut self) {
        self.reasons.clear();
        self.severity = 0;
        self.campaign = None;
    }

    fn hold(&mut self, reason: String, severity: u8) {
        self.reasons.push(reason);
        self.severity = self.severity.max(severity);
    }
}

/// The fingerprint repeats are found by: a hash of the folded text, for
/// texts long enough (`screening::repeat_key`).
pub(crate) fn fingerprint(body: &str) -> Option<String> {
    repeat_key(body).map(|key| {
        let digest = Sha256::digest(key.as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    })
}

/// Screens `body`, by `author`, for the discussion `discussion` at `now`.
pub(crate) async fn screen(
    mut conn: Conn<'_>,
    discussion: Uuid,
    author: Option<Uuid>,
    body: &str,
    now: Timestamp,
) -> Result<Screened, ServiceError> {
    let mut found = Screened {
        fingerprint: fingerprint(body),
        ..Default::default()
    };
    let words = moderation::words(conn.reborrow()).await?;
    let list = WordList::new(words.iter().map(|(_, entry)| entry.as_str()));
    for entry in list.matches(body) {
        found.hold(format!("word:{entry}"), 2);
    }
    // The comment repeated is named (the first with the same text), so
    // the queue can show which it is.
    let repeated = match &found.fingerprint {
        Some(print) => comments::repeats(conn.reborrow(), discussion, print).await?,
        None => None,
    };
    if let Some(first) = repeated {
        found.hold(format!("repeat:{first}"), 1);
    }
    let repeated = repeated.is_some();
    if found.fingerprint.is_some() {
        alike(
            conn.reborrow(),
            discussion,
            author,
            body,
            now,
            repeated,
            &mut found,
        )
        .await?;
    }
    let links = pieces(body)
        .iter()
        .filter(|p| matches!(p, Piece::Link { .. }))
        .count();
    if links > MAX_LINKS {
        found.hold("links".to_owned(), 1);
    }
    if let Some(author) = author {
        let since = at(now, -Duration::minutes(RATE_MINUTES));
        if store::posted_since(conn.reborrow(), author, since).await? >= RATE_COMMENTS {
            found.hold("rate".to_owned(), 1);
        }
    }
    if let Some(verdict) = classifier::judge(conn, body).await? {
        found.score = Some((verdict.version, verdict.score));
        if verdict.holds {
            found.hold(verdict.reason, 2);
        }
    }
    Ok(found)
}

fn at(now: Timestamp, by: Duration) -> Timestamp {
    Timestamp::from(now.as_offset() + by)
}

/// Near repeats and campaigns: the comment's signature against the
/// earlier comments that share one of its bands (or its fingerprint).
async fn alike(
    conn: Conn<'_>,
    discussion: Uuid,
    author: Option<Uuid>,
    body: &str,
    now: Timestamp,
    repeated: bool,
    found: &mut Screened,
) -> Result<(), ServiceError> {
    let signer = Signer::new(&Options::default());
    let signature = signer.sign(body);
    // Stored as the engines' 64-bit integers: the bits are what matter.
    found.bands = signer
        .band_keys(&signature)
        .into_iter()
        .map(|k| k as i64)
        .collect();
    let since = at(now, -Duration::days(NEAR_REPEAT_DAYS));
    let candidates = store::candidates(
        conn,
        discussion,
        &found.bands,
        found.fingerprint.as_deref(),
        since,
        CANDIDATES,
    )
    .await?;
    // The earlier comments that say the same, oldest first.
    let mut same: Vec<&store::Candidate> = candidates
        .iter()
        .filter(|c| {
            c.fingerprint.is_some() && c.fingerprint == found.fingerprint
                || signer.near(&signature, &signed(&signer, c.id, &c.body))
        })
        .collect();
    same.sort_by_key(|c| (c.created_at, c.id));
    let Some(first) = same.first() else {
        return Ok(());
    };
    if !repeated {
        found.hold(format!("near-repeat:{}", first.id), 1);
    }
    let window = at(now, -Duration::hours(CAMPAIGN_HOURS));
    let recent: Vec<&&store::Candidate> = same.iter().filter(|c| c.created_at >= window).collect();
    let accounts: HashSet<Uuid> = recent
        .iter()
        .filter_map(|c| c.author_id)
        .chain(author)
        .collect();
    if accounts.len() >= CAMPAIGN_ACCOUNTS {
        let lead = recent
            .iter()
            .find_map(|c| c.campaign_id)
            .unwrap_or(recent[0].id);
        let unmarked = recent
            .iter()
            .filter(|c| c.campaign_id.is_none())
            .map(|c| c.id)
            .collect();
        found.hold(format!("campaign:{lead}"), 2);
        found.campaign = Some((lead, unmarked));
    }
    Ok(())
}

/// An earlier comment's signature, from this server's memory when it
/// was signed lately. The newest comments of a discussion are candidates
/// for many posts in a row, and signing each again (folding its text,
/// hashing every 4-gram 64 ways) cost more than the rest of screening.
/// A signature depends on the text alone, and the key holds a hash of
/// the text (an edit makes a new key), so the memory is never wrong,
/// only cold; each server keeps its own. The hash is keyed at random per
/// process, so nobody can write a text that collides with another's.
fn signed(signer: &Signer, id: Uuid, body: &str) -> Arc<[u64]> {
    static MEMORY: OnceLock<(RandomState, Mutex<Signatures>)> = OnceLock::new();
    let (hasher, memory) = MEMORY.get_or_init(Default::default);
    let key = (id, hasher.hash_one(body));
    if let Some(known) = memory.lock().ok().and_then(|mut m| m.get(&key)) {
        return known;
    }
    let signature: Arc<[u64]> = signer.sign(body).into();
    if let Ok(mut m) = memory.lock() {
        m.put(key, signature.clone());
    }
    signature
}

/// Signatures remembered in two generations: when the newer fills, it
/// becomes the older and the older is forgotten, so what is still in use
/// stays (it is copied forward when found in the older) and memory is
/// bounded by twice [`Signatures::GENERATION`].
#[derive(Default)]
struct Signatures {
    newer: HashMap<(Uuid, u64), Arc<[u64]>>,
    older: HashMap<(Uuid, u64), Arc<[u64]>>,
}

impl Signatures {
    const GENERATION: usize = 2048;

    fn get(&mut self, key: &(Uuid, u64)) -> Option<Arc<[u64]>> {
        if let Some(s) = self.newer.get(key) {
            return Some(s.clone());
        }
        let s = self.older.get(key)?.clone();
        self.put(*key, s.clone());
        Some(s)
    }

    fn put(&mut self, key: (Uuid, u64), signature: Arc<[u64]>) {
        if self.newer.len() >= Self::GENERATION {
            self.older = std::mem::take(&mut self.newer);
        }
        self.newer.insert(key, signature);
    }
}

/// Keeps what screening found with the comment just saved: its findings
/// (for the quality page), its band keys (for later comments), and its
/// campaign, whose earlier comments are put before a moderator too.
pub(crate) async fn keep(
    mut conn: Conn<'_>,
    comment: Uuid,
    discussion: Uuid,
    found: &Screened,
    now: Timestamp,
) -> Result<(), ServiceError> {
    let mut kinds: Vec<&str> = found
        .reasons
        .iter()
        .filter_map(|r| Reason::parse(r).kind())
        .collect();
    kinds.dedup();
    store::record(
        conn.reborrow(),
        &Finding {
            comment_id: comment,
            discussion_id: discussion,
            kinds: &kinds,
            campaign_id: found.campaign.as_ref().map(|(lead, _)| *lead),
            score: found.score.map(|(_, s)| s),
            model_version: found.score.map(|(v, _)| v),
            at: now,
        },
    )
    .await?;
    store::add_bands(conn.reborrow(), discussion, comment, &found.bands, now).await?;
    if let Some((lead, earlier)) = &found.campaign {
        store::join_campaign(conn.reborrow(), earlier, *lead).await?;
        // The earlier comments stay as they are (screening never hides),
        // but a moderator sees them beside the one it held.
        let reason = format!("campaign:{lead}");
        for c in comments::find_many(conn.reborrow(), earlier).await? {
            if c.state == cohesion_domain::discussion::comment::State::Published {
                super::moderating::flagged(conn.reborrow(), c.id, discussion, &reason, 2).await?;
            }
        }
    }
    Ok(())
}
