//! Rendered information pages, kept briefly per (page, language).
//!
//! An information page shown to an anonymous visitor depends on nothing
//! but its language and the programme's text, so each server renders it at
//! most once per `ttl` and per change of that text (the site content's
//! generation). Anything that varies by visitor (the feedback thank-you,
//! and later a signed-in header) must bypass this cache.

use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use bytes::Bytes;
use cohesion_domain::pages::InfoPage;

type Key = (InfoPage, usize);

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
