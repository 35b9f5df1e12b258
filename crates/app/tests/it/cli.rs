use crate::support::{command, output};

#[tokio::test]
async fn every_subcommand_has_help() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["--help"][..],
        &["serve", "--help"],
        &["migrate", "--help"],
        &["admin", "--help"],
        &["admin", "backup", "--help"],
        &["admin", "verify-totals", "--help"],
        &["analyse", "discussion", "--help"],
        &["import", "--help"],
        &["import", "discussion", "--help"],
    ] {
        let mut cmd = command(dir.path());
        cmd.args(args);
        let (code, out, _) = output(cmd).await;
        assert_eq!(code, 0, "{args:?}");
        assert!(out.contains("Usage: cohesion"), "{args:?}: {out}");
    }
}

#[tokio::test]
async fn bad_database_urls_fail_in_one_line_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    for (url, expect) in [
        (
            "postgres://nobody@127.0.0.1:1/nothing",
            "cannot connect to the database",
        ),
        (
            "mysql://root@localhost/x",
            "unsupported database URL \"mysql\"",
        ),
        ("definitely not a url", "unsupported database URL"),
    ] {
        for sub in ["migrate", "serve"] {
            let mut cmd = command(dir.path());
            cmd.args(["--database-url", url, sub]);
            let (code, _, err) = output(cmd).await;
            assert_ne!(code, 0, "{sub} {url}");
            assert_eq!(
                err.trim().lines().count(),
                1,
                "{sub} {url}: one line, got {err:?}"
            );
            assert!(
                err.starts_with("error: ") && err.contains(expect),
                "{sub} {url}: {err}"
            );
            assert!(!err.contains("panicked"));
        }
    }
}

#[tokio::test]
async fn print_config_shows_precedence_and_hides_secrets() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = output({
        let mut c = command(dir.path());
        c.args(["serve", "--print-config"]);
        c
    })
    .await;
    assert_eq!(code, 0);
    assert!(
        out.contains("database_url = \"sqlite:cohesion.db\""),
        "{out}"
    );
    assert!(out.contains("bind = \"127.0.0.1:8080\""), "{out}");

    std::fs::write(
        dir.path().join("c.toml"),
        "bind = \"127.0.0.1:7000\"\nlog_format = \"json\"\nrequest_timeout_secs = 9\n",
    )
    .unwrap();
    let mut c = command(dir.path());
    c.args([
        "--config",
        "c.toml",
        "serve",
        "--print-config",
        "--bind",
        "127.0.0.1:7001",
    ])
    .env(
        "COHESION_DATABASE_URL",
        "postgres://app:hunter2@db.internal/cohesion",
    )
    .env("COHESION_BIND", "127.0.0.1:7002");
    let (code, out, _) = output(c).await;
    assert_eq!(code, 0);
    assert!(
        out.contains("bind = \"127.0.0.1:7001\""),
        "flag beats environment and file: {out}"
    );
    assert!(
        out.contains("postgres://app:REDACTED@db.internal/cohesion"),
        "{out}"
    );
    assert!(!out.contains("hunter2"));
    assert!(
        out.contains("log_format = \"json\"") && out.contains("request_timeout_secs = 9"),
        "file beats defaults"
    );

    let mut c = command(dir.path());
    c.args(["--config", "c.toml", "serve", "--print-config"])
        .env("COHESION_BIND", "127.0.0.1:7002");
    let (_, out, _) = output(c).await;
    assert!(
        out.contains("bind = \"127.0.0.1:7002\""),
        "environment beats file: {out}"
    );
}

#[tokio::test]
async fn a_broken_config_file_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.toml"), "bind = [unclosed\n").unwrap();
    std::fs::write(dir.path().join("typo.toml"), "databse_url = \"x\"\n").unwrap();
    for (file, expect) in [
        ("bad.toml", "bad.toml"),
        ("typo.toml", "databse_url"),
        ("missing.toml", "cannot read"),
    ] {
        let mut c = command(dir.path());
        c.args(["--config", file, "serve", "--print-config"]);
        let (code, _, err) = output(c).await;
        assert_ne!(code, 0);
        assert!(
            err.contains(expect) && err.trim().lines().count() == 1,
            "{file}: {err}"
        );
    }
}

#[tokio::test]
async fn migrate_applies_once_on_each_engine() {
    let mut urls = vec![];
    let dir = tempfile::tempdir().unwrap();
    urls.push(format!("sqlite:{}", dir.path().join("m.db").display()));
    let pg = cohesion_testkit::postgres_unmigrated().await;
    if let Some(pg) = &pg {
        urls.push(pg.url.clone());
    }
    for url in urls {
        let mut c = command(dir.path());
        c.args(["--database-url", &url, "migrate"]);
        let (code, out, err) = output(c).await;
        assert_eq!(code, 0, "{err}");
        let all: Vec<i64> = cohesion_storage::migrate::MIGRATIONS
            .iter()
            .map(|m| m.version)
            .collect();
        assert!(
            out.contains(&format!("Applied migrations: {all:?}")),
            "{out}"
        );
        let mut c = command(dir.path());
        c.args(["--database-url", &url, "migrate"]);
        let (_, out, _) = output(c).await;
        assert!(out.contains("up to date"), "{out}");
    }
}

#[tokio::test]
async fn bad_mail_settings_fail_in_one_line_and_keep_the_password_secret() {
    let dir = tempfile::tempdir().unwrap();
    for (var, value, expect) in [
        (
            "COHESION_SMTP_URL",
            "smtp://mailer:hunter2@relay.example:25?tls=maybe",
            "invalid SMTP URL smtp://mailer:REDACTED@relay.example:25?tls=maybe",
        ),
        (
            "COHESION_SMTP_URL",
            "http://mailer:hunter2@relay.example",
            "invalid SMTP URL",
        ),
        (
            "COHESION_MAIL_FROM",
            "Cohesion <nobody>",
            "invalid From address",
        ),
    ] {
        let mut c = command(dir.path());
        c.args(["serve", "--bind", "127.0.0.1:0"]).env(var, value);
        let (code, _, err) = output(c).await;
        assert_ne!(code, 0, "{value}");
        assert_eq!(err.trim().lines().count(), 1, "{value}: {err:?}");
        assert!(
            err.starts_with("error: ") && err.contains(expect),
            "{value}: {err}"
        );
        assert!(!err.contains("hunter2"), "{err}");
    }
    assert!(
        !dir.path().join("cohesion.db").exists(),
        "refused before touching the database"
    );
}

#[tokio::test]
async fn print_config_shows_mail_settings_without_the_smtp_password() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("c.toml"),
        "smtp_url = \"smtp://file.example:25\"\nmail_from = \"File <f@file.example>\"\n",
    )
    .unwrap();
    let mut c = command(dir.path());
    c.args(["--config", "c.toml", "serve", "--print-config"])
        .env(
            "COHESION_SMTP_URL",
            "smtps://mailer:hunter2@smtp.example:465",
        );
    let (code, out, err) = output(c).await;
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("smtp_url = \"smtps://mailer:REDACTED@smtp.example:465\""),
        "environment beats file, password hidden: {out}"
    );
    assert!(!out.contains("hunter2"));
    assert!(
        out.contains("mail_from = \"File <f@file.example>\""),
        "{out}"
    );

    let mut c = command(dir.path());
    c.args(["serve", "--print-config"]);
    let (_, out, _) = output(c).await;
    assert!(!out.contains("smtp_url"), "unset by default: {out}");
    assert!(
        out.contains("mail_from = \"Cohesion <no-reply@localhost>\""),
        "{out}"
    );
}

#[tokio::test]
async fn the_time_zone_is_shown_and_an_unknown_one_refuses_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = command(dir.path());
    c.args(["serve", "--print-config"]);
    let (code, out, err) = output(c).await;
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("time_zone = \"Europe/London\""),
        "the default: {out}"
    );
    let mut c = command(dir.path());
    c.args(["serve", "--print-config"])
        .env("COHESION_TIME_ZONE", "asia/beirut");
    let (_, out, _) = output(c).await;
    assert!(
        out.contains("time_zone = \"Asia/Beirut\""),
        "as the tz database spells it: {out}"
    );

    let mut c = command(dir.path());
    c.args([
        "serve",
        "--bind",
        "127.0.0.1:0",
        "--time-zone",
        "Europe/Londn",
    ]);
    let (code, _, err) = output(c).await;
    assert_ne!(code, 0);
    assert_eq!(err.trim().lines().count(), 1, "one line: {err:?}");
    assert!(
        err.starts_with("error: time_zone: unknown time zone \"Europe/Londn\"")
            && err.contains("such as Europe/London"),
        "{err}"
    );
    assert!(
        !dir.path().join("cohesion.db").exists(),
        "refused before touching the database"
    );
}
