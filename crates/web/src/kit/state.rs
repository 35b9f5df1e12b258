//! What every handler can reach.

use std::sync::Arc;
use std::time::Duration;

use cohesion_domain::local_time::SiteZone;
use cohesion_domain::rate_limit::RateLimit;
use cohesion_i18n::Catalog;
use cohesion_services::site::content::SiteContent;
use cohesion_services::Db;
use cohesion_ui::AssetUrls;
use metrics_exporter_prometheus::PrometheusHandle;

/// Settings of the HTTP layer, decided by the operator's configuration.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Send Strict-Transport-Security and mark cookies Secure: set when the
    /// site is served over TLS (directly or by a proxy in front).
    pub tls: bool,
    pub body_limit: usize,
    pub request_timeout: Duration,
    pub feedback_limit: RateLimit,
    /// Take the client address from the last X-Forwarded-For hop. Only
    /// safe behind a proxy that sets it.
    pub trust_forwarded_for: bool,
    /// Who may read /metrics (judged by the address rate limits use);
    /// anyone else gets a 404.
    pub metrics_allow: super::addresses::AddressRanges,
    /// How long each server keeps the programme's text before asking the
    /// database again (zero: always ask).
    pub content_cache: Duration,
    /// Log every request at INFO (otherwise at DEBUG).
    pub access_log: bool,
    /// The site's address as people reach it, for links in emails.
    pub public_url: String,
    /// Email goes out over SMTP. Then the outbox page shows no message
    /// text: links in it would let whoever reads them act as the
    /// recipient. Without a mail server, administrators are the relay and
    /// must read them.
    pub mail_configured: bool,
    /// Small-count suppression and the smallest base for a percentage.
    pub small_base: cohesion_insight::disclosure::SmallBaseRules,
    /// The site's time zone: officers enter dates and times in it and
    /// every page shows them in it.
    pub time_zone: SiteZone,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            tls: false,
            // A survey page in Arabic percent-encodes each letter as six
            // bytes: several long answers need room, and a 413 loses them.
            body_limit: 256 * 1024,
            request_timeout: Duration::from_secs(30),
            feedback_limit: RateLimit::new(20, 600),
            trust_forwarded_for: false,
            metrics_allow: super::addresses::AddressRanges::loopback(),
            content_cache: Duration::from_secs(2),
            access_log: false,
            public_url: "http://127.0.0.1:8080".to_owned(),
            mail_configured: false,
            small_base: Default::default(),
            time_zone: SiteZone::default(),
        }
    }
}

pub struct AppState {
    pub db: Db,
    /// Every feature of the site (`lib.rs`'s list).
    pub features: &'static [super::feature::Feature],
    /// The navigation the features bring, in order.
    pub nav: Vec<&'static super::feature::NavEntry>,
    pub site: SiteContent,
    pub pages: super::page_cache::PageCache,
    pub passwords: cohesion_services::accounts::Passwords,
    pub catalog: Catalog,
    pub config: WebConfig,
    pub assets: AssetUrls,
    pub metrics: PrometheusHandle,
    pub openapi_json: String,
    /// The site key for anonymous form cookies, read once from the
    /// database when first needed.
    pub form_key: tokio::sync::OnceCell<cohesion_services::accounts::tokens::FormKey>,
}

impl AppState {
    /// The languages a consultation may be written in: the catalogue's,
    /// the site's first language first (ADR 16).
    pub fn languages(&self) -> cohesion_domain::consultation::Languages {
        cohesion_domain::consultation::Languages::new(
            self.catalog.default_locale().tag(),
            self.catalog.all().iter().map(|l| l.tag().to_owned()),
        )
    }

    /// The site key that signs anonymous form cookies (ADR 19).
    pub async fn form_key(
        &self,
    ) -> Result<&cohesion_services::accounts::tokens::FormKey, super::error::AppError> {
        self.form_key
            .get_or_try_init(|| cohesion_services::accounts::tokens::form_key(&self.db))
            .await
            .map_err(Into::into)
    }
}

pub type SharedState = Arc<AppState>;
