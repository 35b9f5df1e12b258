//! Two servers on one PostgreSQL database behave as one site.

use cohesion_testkit::http::{cookie_set_by, latest_verify_link, open_form, post_form};

use crate::support::{client, command, output, post_useful, serve, tally};

#[tokio::test]
async fn two_servers_on_one_postgres_share_everything() {
    let Some(pg) = cohesion_testkit::postgres_unmigrated().await else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cohesion.toml"),
        format!(
            "database_url = \"{}\"\nfeedback_per_window = 3\nfeedback_window_secs = 3600\n",
            pg.url
        ),
    )
    .unwrap();
    let mut migrate = command(dir.path());
    migrate.args(["--config", "cohesion.toml", "migrate"]);
    let (code, _, err) = output(migrate).await;
    assert_eq!(code, 0, "{err}");

    let a = serve(
        dir.path(),
        &["--config", "cohesion.toml", "--no-migrate", "--demo"],
    )
    .await;
    let b = serve(dir.path(), &["--config", "cohesion.toml", "--no-migrate"]).await;
    assert_ne!(a.base, b.base);
    let c = client();

    // What A loaded, B serves.
    let home_b = c
        .get(format!("{}/?lang=ar", b.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        home_b.contains("برايتووتر معًا"),
        "B serves the demo A loaded"
    );

    // What one writes, the other reads.
    assert_eq!(post_useful(&a.base, "about").await, 201);
    assert_eq!(tally(&b.base, "about").await, (1, 0), "B sees what A wrote");
    assert_eq!(post_useful(&b.base, "about").await, 201);
    assert_eq!(tally(&a.base, "about").await, (2, 0), "A sees what B wrote");

    // Rate limits are counted in the database, so they hold across servers.
    assert_eq!(post_useful(&a.base, "about").await, 201);
    assert_eq!(
        post_useful(&b.base, "about").await,
        429,
        "the fourth answer is refused, whichever server gets it"
    );

    // A session begun on one server is recognised by the other.
    let (csrf_cookie, token) = open_form(&c, &format!("{}/sign-up", a.base)).await;
    let res = post_form(
        &c,
        &format!("{}/sign-up", a.base),
        &format!("cohesion_csrf={csrf_cookie}"),
        &format!("csrf={token}&email=sam%40example.org&display_name=Sam&password=a+long+river+of+quiet+words"),
    )
    .await;
    assert_eq!(res.status(), 303);
    let link = latest_verify_link(&pg.db).await;

    assert_eq!(
        c.get(format!("{}{link}", b.base))
            .send()
            .await
            .unwrap()
            .status(),
        200,
        "confirmed on B"
    );
    let (csrf_cookie, token) = open_form(&c, &format!("{}/sign-in", b.base)).await;
    let res = post_form(
        &c,
        &format!("{}/sign-in", b.base),
        &format!("cohesion_csrf={csrf_cookie}"),
        &format!("csrf={token}&email=sam%40example.org&password=a+long+river+of+quiet+words"),
    )
    .await;
    assert_eq!(res.status(), 303, "signed in on B");
    let session = cookie_set_by(&res, "cohesion_session").unwrap();
    let on_a = c
        .get(format!("{}/about", a.base))
        .header("cookie", format!("cohesion_session={session}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        on_a.contains("Signed in as"),
        "A recognises the session B began"
    );

    a.stop().await;
    b.stop().await;
}
