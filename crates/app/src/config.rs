//! Effective configuration: flags, then `COHESION_*` environment variables
//! (clap reads both), then the TOML file, then defaults.

use cohesion_insight::disclosure::SmallBaseRules;
use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use cohesion_domain::local_time::SiteZone;
use cohesion_domain::rate_limit::RateLimit;
use cohesion_services::mail::{self, MailConfigError, Mailer};
use cohesion_storage::{Db, Engine, PoolSettings};
use cohesion_web::{AddressRanges, WebConfig};
use serde::{Deserialize, Serialize};

use crate::cli::{GlobalArgs, LogFormat, ServeArgs};
use crate::listen::ConnectionLimits;

pub const DEFAULT_DATABASE_URL: &str = "sqlite:cohesion.db";
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
/// Who may read /metrics unless the operator says otherwise.
pub const LOOPBACK: [&str; 2] = ["127.0.0.0/8", "::1"];
pub const DEFAULT_MAIL_FROM: &str = "Cohesion <no-reply@localhost>";

/// The TOML file: every key optional, unknown keys refused (a typo should
/// not silently fall back to a default).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    database_url: Option<String>,
    bind: Option<String>,
    log_format: Option<LogFormat>,
    log_level: Option<String>,
    demo: Option<bool>,
    tls: Option<bool>,
    migrate_on_start: Option<bool>,
    db_max_connections: Option<u32>,
    body_limit_bytes: Option<usize>,
    request_timeout_secs: Option<u64>,
    header_read_timeout_secs: Option<u64>,
    max_connections: Option<usize>,
    shutdown_grace_secs: Option<u64>,
    trust_forwarded_for: Option<bool>,
    metrics_allow: Option<Vec<String>>,
    feedback_per_window: Option<u32>,
    feedback_window_secs: Option<u32>,
    content_cache_secs: Option<u64>,
    access_log: Option<bool>,
    public_url: Option<String>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    time_zone: Option<String>,
    results_min_count: Option<u64>,
    results_min_base_for_percent: Option<u64>,
}

/// Everything the binary runs with, resolved.
#[derive(Debug, Clone, Serialize)]
pub struct Settings {
    pub database_url: String,
    pub bind: String,
    pub log_format: LogFormat,
    pub log_level: String,
    pub demo: bool,
    pub tls: bool,
    pub migrate_on_start: bool,
    pub db_max_connections: u32,
    pub body_limit_bytes: usize,
    pub request_timeout_secs: u64,
    /// A client must send a request's head within this (and a kept-alive
    /// connection idle this long is closed).
    pub header_read_timeout_secs: u64,
    /// Connections served at once; more wait to be accepted.
    pub max_connections: usize,
    pub shutdown_grace_secs: u64,
    pub trust_forwarded_for: bool,
    /// Addresses (or CIDR ranges) that may read /metrics.
    pub metrics_allow: Vec<String>,
    pub feedback_per_window: u32,
    pub feedback_window_secs: u32,
    pub content_cache_secs: u64,
    pub access_log: bool,
    pub public_url: String,
    /// Where email goes out; `None` keeps it in the outbox.
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// The site's time zone (a tz database name, as the database spells it).
    pub time_zone: String,
    /// Result counts under this are hidden (with secondary suppression).
    pub results_min_count: u64,
    /// Percentages on bases under this are not shown.
    pub results_min_base_for_percent: u64,
}

impl Settings {
    pub fn resolve(global: &GlobalArgs, serve: &ServeArgs) -> anyhow::Result<Settings> {
        let file = match &global.config {
            Some(path) => read_file(path)?,
            None => FileConfig::default(),
        };
        let settings = Settings {
            database_url: global
                .database_url
                .clone()
                .or(file.database_url)
                .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
            bind: serve
                .bind
                .clone()
                .or(file.bind)
                .unwrap_or_else(|| DEFAULT_BIND.to_owned()),
            log_format: global
                .log_format
                .or(file.log_format)
                .unwrap_or(LogFormat::Text),
            log_level: global
                .log_level
                .clone()
                .or(file.log_level)
                .unwrap_or_else(|| "info".to_owned()),
            // Switches follow the same precedence: `--tls`, `--tls=false`
            // or COHESION_TLS=false all beat the file.
            demo: serve.demo.or(file.demo).unwrap_or(false),
            tls: serve.tls.or(file.tls).unwrap_or(false),
            migrate_on_start: serve
                .no_migrate
                .map(|no| !no)
                .or(file.migrate_on_start)
                .unwrap_or(true),
            db_max_connections: file.db_max_connections.unwrap_or(10),
            body_limit_bytes: file.body_limit_bytes.unwrap_or(256 * 1024),
            request_timeout_secs: file.request_timeout_secs.unwrap_or(30),
            header_read_timeout_secs: file.header_read_timeout_secs.unwrap_or(10),
            max_connections: file.max_connections.unwrap_or(1024),
            shutdown_grace_secs: file.shutdown_grace_secs.unwrap_or(20),
            trust_forwarded_for: file.trust_forwarded_for.unwrap_or(false),
            metrics_allow: file
                .metrics_allow
                .unwrap_or_else(|| LOOPBACK.iter().map(|s| (*s).to_owned()).collect()),
            feedback_per_window: file.feedback_per_window.unwrap_or(20),
            feedback_window_secs: file.feedback_window_secs.unwrap_or(600),
            content_cache_secs: file.content_cache_secs.unwrap_or(2),
            access_log: serve.access_log.or(file.access_log).unwrap_or(false),
            public_url: String::new(),
            // An empty value (COHESION_SMTP_URL=) means "no SMTP server".
            smtp_url: serve
                .smtp_url
                .clone()
                .or(file.smtp_url)
                .filter(|u| !u.trim().is_empty()),
            mail_from: serve
                .mail_from
                .clone()
                .or(file.mail_from)
                .unwrap_or_else(|| DEFAULT_MAIL_FROM.to_owned()),
            time_zone: site_zone(serve.time_zone.as_deref().or(file.time_zone.as_deref()))?
                .name()
                .to_owned(),
            results_min_count: file.results_min_count.unwrap_or(10),
            results_min_base_for_percent: file.results_min_base_for_percent.unwrap_or(30),
        };
        let mut settings = settings;
        settings.public_url = file
            .public_url
            .map(|u| u.trim_end_matches('/').to_owned())
            .unwrap_or_else(|| format!("http://{}", settings.bind));
        Engine::of_url(&settings.database_url)?;
        settings.check_above_zero()?;
        AddressRanges::parse(&settings.metrics_allow)
            .map_err(|e| anyhow::anyhow!("metrics_allow: {e}"))?;
        Ok(settings)
    }

    /// Refuses a zero for a limit, count or period that needs one or more.
    fn check_above_zero(&self) -> anyhow::Result<()> {
        let zero = [
            ("db_max_connections", u64::from(self.db_max_connections)),
            ("body_limit_bytes", self.body_limit_bytes as u64),
            ("request_timeout_secs", self.request_timeout_secs),
            ("header_read_timeout_secs", self.header_read_timeout_secs),
            ("max_connections", self.max_connections as u64),
            ("feedback_per_window", u64::from(self.feedback_per_window)),
            ("feedback_window_secs", u64::from(self.feedback_window_secs)),
            ("results_min_count", self.results_min_count),
            (
                "results_min_base_for_percent",
                self.results_min_base_for_percent,
            ),
        ];
        if let Some((name, _)) = zero.iter().find(|(_, v)| *v == 0) {
            anyhow::bail!("{name} must be above zero");
        }
        Ok(())
    }

    pub fn pool(&self) -> PoolSettings {
        PoolSettings {
            max_connections: self.db_max_connections,
            ..PoolSettings::default()
        }
    }

    /// The database at `database_url`, with the pool these settings ask for.
    pub async fn connect(&self) -> anyhow::Result<Db> {
        Ok(Db::connect(&self.database_url, self.pool()).await?)
    }

    /// The mailer for `smtp_url`, or `None` without one. Either way the
    /// From address is checked, so a mistake shows at start-up, not when
    /// the first email is due.
    pub fn mailer(&self) -> anyhow::Result<Option<Mailer>> {
        let checked = match &self.smtp_url {
            Some(url) => Mailer::new(url, &self.mail_from).map(Some),
            None => mail::check_from(&self.mail_from).map(|()| None),
        };
        checked.map_err(|e| match (e, &self.smtp_url) {
            (MailConfigError::Url(why), Some(url)) => {
                anyhow::anyhow!("invalid SMTP URL {}: {why}", redact_url(url))
            }
            (e, _) => e.into(),
        })
    }

    pub fn connection_limits(&self) -> ConnectionLimits {
        ConnectionLimits {
            header_read_timeout: Duration::from_secs(self.header_read_timeout_secs),
            max_connections: self.max_connections,
        }
    }

    pub fn web(&self) -> WebConfig {
        // Checked by `resolve`, so the fallback is never taken.
        let time_zone = SiteZone::named(&self.time_zone).unwrap_or_default();
        WebConfig {
            tls: self.tls,
            body_limit: self.body_limit_bytes,
            request_timeout: Duration::from_secs(self.request_timeout_secs),
            feedback_limit: RateLimit::new(self.feedback_per_window, self.feedback_window_secs),
            trust_forwarded_for: self.trust_forwarded_for,
            // Checked by `resolve`.
            metrics_allow: AddressRanges::parse(&self.metrics_allow).unwrap_or_default(),
            content_cache: Duration::from_secs(self.content_cache_secs),
            access_log: self.access_log,
            public_url: self.public_url.clone(),
            mail_configured: self.smtp_url.is_some(),
            small_base: SmallBaseRules {
                min_count: self.results_min_count,
                min_base_for_percent: self.results_min_base_for_percent,
            },
            time_zone,
        }
    }

    /// The effective configuration as TOML, with the database and SMTP
    /// passwords replaced so the output can be pasted into a support ticket.
    pub fn to_redacted_toml(&self) -> String {
        let mut shown = self.clone();
        shown.database_url = redact_url(&self.database_url);
        shown.smtp_url = self.smtp_url.as_deref().map(redact_url);
        toml::to_string(&shown).unwrap_or_else(|e| format!("# cannot show configuration: {e}\n"))
    }
}

/// The zone named, or the default: a name the tz database does not know
/// stops the start with one line saying so.
fn site_zone(name: Option<&str>) -> anyhow::Result<SiteZone> {
    match name {
        None => Ok(SiteZone::default()),
        Some(name) => SiteZone::named(name).map_err(|e| anyhow::anyhow!("time_zone: {e}")),
    }
}

fn read_file(path: &Path) -> anyhow::Result<FileConfig> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read configuration file {}", path.display()))?;
    toml::from_str(&text).map_err(|e| {
        let first = e
            .message()
            .lines()
            .next()
            .unwrap_or("invalid TOML")
            .to_owned();
        anyhow::anyhow!("configuration file {}: {first}", path.display())
    })
}

/// Hides the password of `scheme://user:password@host/…` and any
/// `password=` query parameter.
pub fn redact_url(url: &str) -> String {
    let mut out = url.to_owned();
    if let Some((scheme, rest)) = url.split_once("://") {
        // A password may hold an unencoded '@' (URL parsers take the last
        // one as the end of the user info), so look for the last '@'
        // before any query.
        let head = rest.split(['?', '#']).next().unwrap_or(rest);
        if let Some(at) = head.rfind('@') {
            if let Some((user, _)) = rest[..at].split_once(':') {
                out = format!("{scheme}://{user}:REDACTED@{}", &rest[at + 1..]);
            }
        }
    }
    if let Some(start) = out.find("password=") {
        let end = out[start..].find('&').map_or(out.len(), |i| start + i);
        out.replace_range(start..end, "password=REDACTED");
    }
    out
}

pub fn init_logging(settings: &Settings) -> anyhow::Result<()> {
    let filter = tracing_subscriber::EnvFilter::try_new(&settings.log_level)
        .with_context(|| format!("invalid log level {:?}", settings.log_level))?;
    use std::io::IsTerminal;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    let result = match settings.log_format {
        LogFormat::Json => builder
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .try_init(),
        LogFormat::Text => builder.try_init(),
    };
    result.map_err(|e| anyhow::anyhow!("cannot start logging: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact_url("postgres://app:s3cret@db:5432/cohesion"),
            "postgres://app:REDACTED@db:5432/cohesion"
        );
        assert_eq!(
            redact_url("postgres://app@db/c?password=x&sslmode=require"),
            "postgres://app@db/c?password=REDACTED&sslmode=require"
        );
        assert_eq!(redact_url("sqlite:cohesion.db"), "sqlite:cohesion.db");
        assert_eq!(
            redact_url("smtps://mailer:p@ss@smtp.example:465"),
            "smtps://mailer:REDACTED@smtp.example:465"
        );
        assert_eq!(
            redact_url("smtp://relay.example:25?tls=required"),
            "smtp://relay.example:25?tls=required"
        );
    }

    #[test]
    fn flags_beat_the_file_and_the_file_beats_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "bind = \"127.0.0.1:9000\"\ndatabase_url = \"sqlite:file.db\"\nbody_limit_bytes = 1000\n").unwrap();
        let global = GlobalArgs {
            config: Some(path.clone()),
            database_url: Some("sqlite:flag.db".into()),
            ..Default::default()
        };
        let s = Settings::resolve(&global, &ServeArgs::default()).unwrap();
        assert_eq!(s.database_url, "sqlite:flag.db");
        assert_eq!(s.bind, "127.0.0.1:9000");
        assert_eq!(s.body_limit_bytes, 1000);
        assert_eq!(s.request_timeout_secs, 30);
    }

    #[test]
    fn switches_follow_the_same_precedence() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "tls = true\nmigrate_on_start = false\n").unwrap();
        let global = GlobalArgs {
            config: Some(path),
            ..Default::default()
        };
        let from_file = Settings::resolve(&global, &ServeArgs::default()).unwrap();
        assert!(from_file.tls && !from_file.migrate_on_start);
        let overridden = ServeArgs {
            tls: Some(false),
            no_migrate: Some(false),
            ..Default::default()
        };
        let s = Settings::resolve(&global, &overridden).unwrap();
        assert!(!s.tls, "--tls=false beats tls = true in the file");
        assert!(s.migrate_on_start, "--no-migrate=false beats the file");
    }

    #[test]
    fn mail_settings_follow_the_same_precedence() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(
            &path,
            "smtp_url = \"smtp://file.example:25\"\nmail_from = \"File <f@file.example>\"\n",
        )
        .unwrap();
        let global = GlobalArgs {
            config: Some(path),
            ..Default::default()
        };
        let s = Settings::resolve(&global, &ServeArgs::default()).unwrap();
        assert_eq!(s.smtp_url.as_deref(), Some("smtp://file.example:25"));
        assert_eq!(s.mail_from, "File <f@file.example>");
        let flags = ServeArgs {
            smtp_url: Some(String::new()),
            mail_from: Some("Flag <f@flag.example>".into()),
            ..Default::default()
        };
        let s = Settings::resolve(&global, &flags).unwrap();
        assert_eq!(s.smtp_url, None, "an empty value turns SMTP off");
        assert_eq!(s.mail_from, "Flag <f@flag.example>");
        let s = Settings::resolve(&GlobalArgs::default(), &ServeArgs::default()).unwrap();
        assert_eq!(
            (s.smtp_url, s.mail_from.as_str()),
            (None, DEFAULT_MAIL_FROM)
        );
    }

    #[test]
    fn the_time_zone_is_checked_and_spelled_as_the_tz_database_does() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "time_zone = \"america/new_york\"\n").unwrap();
        let global = GlobalArgs {
            config: Some(path),
            ..Default::default()
        };
        let s = Settings::resolve(&global, &ServeArgs::default()).unwrap();
        assert_eq!(s.time_zone, "America/New_York");
        assert_eq!(s.web().time_zone.name(), "America/New_York");
        let flag = ServeArgs {
            time_zone: Some("Asia/Beirut".into()),
            ..Default::default()
        };
        assert_eq!(
            Settings::resolve(&global, &flag).unwrap().time_zone,
            "Asia/Beirut"
        );
        let s = Settings::resolve(&GlobalArgs::default(), &ServeArgs::default()).unwrap();
        assert_eq!(s.time_zone, "Europe/London");
        let bad = ServeArgs {
            time_zone: Some("Europe/Londn".into()),
            ..Default::default()
        };
        let err = Settings::resolve(&GlobalArgs::default(), &bad)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("time_zone: unknown time zone \"Europe/Londn\""),
            "{err}"
        );
        assert!(!err.contains('\n'), "one line: {err}");
    }

    #[test]
    fn unknown_keys_and_schemes_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "bnid = \"x\"\n").unwrap();
        let global = GlobalArgs {
            config: Some(path),
            ..Default::default()
        };
        let err = Settings::resolve(&global, &ServeArgs::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("bnid"), "{err}");
        let global = GlobalArgs {
            database_url: Some("mysql://x".into()),
            ..Default::default()
        };
        assert!(Settings::resolve(&global, &ServeArgs::default()).is_err());
    }
}
