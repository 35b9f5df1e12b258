//! What the public pages show about the site itself.
//!
//! The programme's text is on every page and changes rarely, so each server
//! keeps it for a short time (`ttl`) instead of asking the database on
//! every request. A write through this server calls [`SiteContent::invalidate`];
//! other servers catch up within `ttl`. A `ttl` of zero turns caching off.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use cohesion_domain::programme::Programme;
use cohesion_storage::site::programmes;
use cohesion_storage::Db;

use crate::ServiceError;

type Entry = (Instant, Option<Arc<Programme>>);

pub struct SiteContent {
    db: Db,
    ttl: Duration,
    /// Keyed by locale tag; the tags come from the catalogue, never from
    /// the request, so the map stays as small as the list of languages.
    cache: RwLock<HashMap<String, Entry>>,
    /// Bumped by every invalidation, so caches built on this content
    /// (rendered pages) can tell they are out of date.
    generation: AtomicU64,
}

impl SiteContent {
    pub fn new(db: Db, ttl: Duration) -> Self {
        Self {
            db,
            ttl,
            cache: RwLock::new(HashMap::new()),
            generation: AtomicU64::new(0),
        }
    }

    /// The site's programme in `locale`, or in `fallback` where it has not
    /// been translated; `None` on a site that has no programme yet.
    pub async fn programme(
        &self,
        locale: &str,
        fallback: &str,
    ) -> Result<Option<Arc<Programme>>, ServiceError> {
        if let Some((at, value)) = self.cache.read().ok().and_then(|c| c.get(locale).cloned()) {
            if at.elapsed() < self.ttl {
                return Ok(value);
            }
        }
        let fresh = programme(&self.db, locale, fallback).await?.map(Arc::new);
        if !self.ttl.is_zero() {
            if let Ok(mut c) = self.cache.write() {
                c.insert(locale.to_owned(), (Instant::now(), fresh.clone()));
            }
        }
        Ok(fresh)
    }

    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Forgets what this server holds, after a change to the programme.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        if let Ok(mut c) = self.cache.write() {
            c.clear();
        }
    }
}

/// The programme straight from the database.
pub async fn programme(
    db: &Db,
    locale: &str,
    fallback: &str,
) -> Result<Option<Programme>, ServiceError> {
    let mut conn = db.acquire().await?;
    Ok(programmes::featured(conn.conn(), locale, fallback).await?)
}
