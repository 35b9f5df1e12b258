//! Account email leaves the real binary over SMTP when a server is set.

use std::process::Stdio;
use std::time::Duration;

use cohesion_testkit::http::{open_form, post_form};
use cohesion_testkit::smtp::SmtpServer;

use crate::support::{client, command, open_sqlite, spawn_and_wait};

#[tokio::test]
async fn the_verification_email_arrives_at_the_smtp_server() {
    let smtp = SmtpServer::start().await;
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = command(dir.path());
    cmd.args(["serve", "--bind", "127.0.0.1:0"])
        .env("COHESION_SMTP_URL", smtp.url())
        .env(
            "COHESION_MAIL_FROM",
            "Brightwater <no-reply@council.example>",
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let server = spawn_and_wait(cmd).await;
    let c = client();

    // Sign up as an Arabic-speaking resident would: the language cookie
    // set by ?lang=ar goes with the form.
    let (csrf_cookie, token) = open_form(&c, &format!("{}/sign-up?lang=ar", server.base)).await;
    let res = post_form(
        &c,
        &format!("{}/sign-up", server.base),
        &format!("cohesion_csrf={csrf_cookie}; cohesion_lang=ar"),
        &format!("csrf={token}&email=amina%40example.org&display_name=Amina&password=a+long+river+of+quiet+words"),
    )
    .await;
    assert_eq!(res.status(), 303);

    let mail = smtp.wait_for(1, Duration::from_secs(10)).await;
    let m = &mail[0];
    assert_eq!(m.rcpt_to, ["amina@example.org"]);
    assert_eq!(m.mail_from, "no-reply@council.example");
    assert_eq!(m.decoded_subject(), "أكّد بريدك الإلكتروني");
    let body = m.decoded_body();
    assert!(body.contains("افتح هذا الرابط"), "{body}");
    let link = body
        .split_whitespace()
        .find_map(|w| w.find("/verify-email?token=").map(|i| w[i..].to_owned()))
        .expect("a verification link");

    // The emailed link works.
    let res = c
        .get(format!("{}{link}", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    let stderr = server.stop().await;
    assert!(stderr.contains("email goes out over SMTP"), "{stderr}");
    let token = link.rsplit('=').next().unwrap();
    assert!(!stderr.contains(token), "the link is never logged");
    assert_eq!(smtp.received().len(), 1, "sent once");
    let db = open_sqlite(dir.path(), "cohesion.db").await;
    let mut conn = db.acquire().await.unwrap();
    let pending = cohesion_storage::outbox::pending(conn.conn(), 10)
        .await
        .unwrap();
    assert!(pending.is_empty(), "marked sent");
}
