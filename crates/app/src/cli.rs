//! The command line's arguments, and nothing else: what they come to once
//! the environment and the configuration file are taken into account is
//! `config`'s business. The only module this one uses is `analyse`, for
//! the arguments of its subcommands.

use std::path::PathBuf;

use clap::builder::BoolishValueParser;
use clap::{Args, Parser, Subcommand};
use serde::{Deserialize, Serialize};

#[derive(Parser, Debug)]
#[command(
    name = "cohesion",
    version,
    about = "Cohesion: community-led programmes against hate and extremism, for councils."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command understands. Precedence: flag, then environment
/// variable, then the TOML file, then the default.
#[derive(Args, Debug, Default, Clone)]
pub struct GlobalArgs {
    /// TOML configuration file.
    #[arg(long, global = true, env = "COHESION_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Database URL: sqlite:PATH or postgres://USER@HOST/DB [default: sqlite:cohesion.db]
    #[arg(long, global = true, env = "COHESION_DATABASE_URL", value_name = "URL")]
    pub database_url: Option<String>,
    /// Log format: text or json [default: text]
    #[arg(
        long,
        global = true,
        env = "COHESION_LOG_FORMAT",
        value_name = "FORMAT"
    )]
    pub log_format: Option<LogFormat>,
    /// Log filter, e.g. info or debug,sqlx=warn [default: info]
    #[arg(long, global = true, env = "COHESION_LOG_LEVEL", value_name = "FILTER")]
    pub log_level: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the site (creates and migrates the database if needed).
    Serve(ServeArgs),
    /// Apply database migrations, then exit. Run this before starting
    /// several servers against one PostgreSQL database.
    Migrate,
    /// Administration tasks.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Analyse files with the analysis engine (no database needed).
    #[command(subcommand)]
    Analyse(crate::analyse::AnalyseCommand),
    /// Bring in content from files (uses the configured database).
    #[command(subcommand)]
    Import(ImportCommand),
}

#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// A discussion thread run elsewhere, from a CSV or JSON Lines file
    /// with the fields id, parent_id, author, role, created_at and text.
    /// It becomes a published discussion, closed and read-only, whose
    /// authors are names as given (not accounts), with badges from role.
    Discussion(ImportDiscussionArgs),
}

#[derive(Args, Debug)]
pub struct ImportDiscussionArgs {
    /// The thread: CSV, or JSON Lines (.jsonl, .ndjson, .json or a first
    /// line starting with `{`).
    #[arg(long, value_name = "FILE")]
    pub input: PathBuf,
    /// The discussion's title [default: the file's name]
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// Its introduction (the safe Markdown subset) [default: none]
    #[arg(long, value_name = "TEXT")]
    pub introduction: Option<String>,
    /// The language it was written in, one of the site's [default: the
    /// site's first]
    #[arg(long, value_name = "TAG")]
    pub language: Option<String>,
}

#[derive(Args, Debug, Default, Clone)]
pub struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:8080]
    #[arg(long, env = "COHESION_BIND", value_name = "ADDR")]
    pub bind: Option<String>,
    /// Also load the fictional demonstration programme (idempotent).
    #[arg(long, env = "COHESION_DEMO", num_args = 0..=1, default_missing_value = "true", value_parser = BoolishValueParser::new(), value_name = "BOOL")]
    pub demo: Option<bool>,
    /// Set when the site is served over HTTPS (adds HSTS, Secure cookies).
    #[arg(long, env = "COHESION_TLS", num_args = 0..=1, default_missing_value = "true", value_parser = BoolishValueParser::new(), value_name = "BOOL")]
    pub tls: Option<bool>,
    /// Do not apply migrations on start; refuse to start if any are pending.
    #[arg(long, env = "COHESION_NO_MIGRATE", num_args = 0..=1, default_missing_value = "true", value_parser = BoolishValueParser::new(), value_name = "BOOL")]
    pub no_migrate: Option<bool>,
    /// Log a line for every request (at INFO), for sites without a proxy
    /// access log.
    #[arg(long, env = "COHESION_ACCESS_LOG", num_args = 0..=1, default_missing_value = "true", value_parser = BoolishValueParser::new(), value_name = "BOOL")]
    pub access_log: Option<bool>,
    /// SMTP server for outgoing email: smtp://HOST:PORT (no encryption, for
    /// a local relay), smtp://HOST:587?tls=required (STARTTLS) or
    /// smtps://USER:PASSWORD@HOST:465. Prefer the environment or the file
    /// for a password. Without it, email stays in the outbox.
    #[arg(long, env = "COHESION_SMTP_URL", value_name = "URL")]
    pub smtp_url: Option<String>,
    /// From address of outgoing email [default: Cohesion <no-reply@localhost>]
    #[arg(long, env = "COHESION_MAIL_FROM", value_name = "MAILBOX")]
    pub mail_from: Option<String>,
    /// The site's time zone, a tz database name: officers enter dates and
    /// times in it and pages show them in it [default: Europe/London]
    #[arg(long, env = "COHESION_TIME_ZONE", value_name = "ZONE")]
    pub time_zone: Option<String>,
    /// Print the effective configuration (secrets redacted) and exit.
    #[arg(long)]
    pub print_config: bool,
}

#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Write a consistent copy of the SQLite database to PATH, safe while
    /// the server runs.
    Backup {
        /// Where to write the copy; must not exist yet.
        path: PathBuf,
    },
    /// Check each consultation's running figures ("N people have
    /// responded" and the result totals) against a full count from the
    /// stored responses, read at one moment. Exits with status 1 if any
    /// differ. Safe while the server runs.
    VerifyTotals {
        /// Check only this consultation (its id, as in its address).
        #[arg(long)]
        consultation: Option<uuid::Uuid>,
    },
    /// Discussions' moderation.
    #[command(subcommand)]
    Moderation(ModerationCommand),
}

#[derive(Subcommand, Debug)]
pub enum ModerationCommand {
    /// Train screening's classifier on the comments moderators decided
    /// (hidden against approved or restored), judge it on the newest
    /// fifth it did not train on, and store it for every server to use.
    /// Refuses with fewer than 50 decisions of either kind. Servers also
    /// retrain by themselves as decisions come in.
    Retrain,
}
