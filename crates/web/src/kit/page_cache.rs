//! Rendered information pages, kept briefly per (page, language).
//!
//! An information page shown to an anonymous visitor depends on nothing
//! but its language and the programme's text, so each server renders it at
//! most once per `ttl` and per change of that text (the site content's
//! generation). Anything that varies by visitor (the feedback thank-you,
//! a signed-in header) must bypass this cache.
//!
//! The home page and *Get involved* also show what features list (open
//! consultations, say): a successful change under a path a feature
//! names in `public_changes` bumps the generation on this server
//! ([`forget_after`]); other servers, and the passing of opening and
//! closing times, catch up within `ttl` (ADR 0021).

use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use axum::http::Method;
use axum::response::Response;
use bytes::Bytes;
use cohesion_domain::pages::InfoPage;

use super::feature::changes_public;
use super::state::SharedState;

type Key = (InfoPage, usize);

/// After a successful change that a feature says can change what the
/// public sees, the pages kept here (and the programme's text) are made
/// afresh. Called by `ops::record`, the one layer every route has.
pub fn forget_after(state: &SharedState, method: &Method, path: &str, res: &Response) {
    let changed = res.status().is_success() || res.status().is_redirection();
    if changed
        && !matches!(*method, Method::GET | Method::HEAD)
        && changes_public(state.features, path)
    {
        state.site.invalidate();
    }
}

pub struct PageCache {
    ttl: Duration,
    entries: RwLock<HashMap<Key, (Instant, u64, Bytes)>>,
}

impl PageCache {
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            entries: RwLock::new(HashMap::new()),
        }
    }

    /// The page rendered for `locale` under content `generation`, if fresh.
    pub fn get(&self, page: InfoPage, locale: usize, generation: u64) -> Option<Bytes> {
        let entries = self.entries.read().ok()?;
        let (at, gen, html) = entries.get(&(page, locale))?;
        (*gen == generation && at.elapsed() < self.ttl).then(|| html.clone())
    }

    pub fn put(&self, page: InfoPage, locale: usize, generation: u64, html: Bytes) {
        if self.ttl.is_zero() {
            return;
        }
        if let Ok(mut entries) = self.entries.write() {
            entries.insert((page, locale), (Instant::now(), generation, html));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_expire_with_time_and_with_a_new_generation() {
        let cache = PageCache::new(Duration::from_secs(60));
        cache.put(InfoPage::Home, 1, 7, Bytes::from_static(b"home in ar"));
        assert_eq!(
            cache.get(InfoPage::Home, 1, 7).as_deref(),
            Some(&b"home in ar"[..])
        );
        assert!(cache.get(InfoPage::Home, 0, 7).is_none(), "other language");
        assert!(cache.get(InfoPage::About, 1, 7).is_none(), "other page");
        assert!(
            cache.get(InfoPage::Home, 1, 8).is_none(),
            "content changed since"
        );
        let off = PageCache::new(Duration::ZERO);
        off.put(InfoPage::Home, 0, 0, Bytes::from_static(b"x"));
        assert!(
            off.get(InfoPage::Home, 0, 0).is_none(),
            "a zero TTL caches nothing"
        );
    }
}
