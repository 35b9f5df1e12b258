//! While a consultation is open the public sees its results as of a
//! snapshot, so that reading them before and after one response never
//! gives that response away (ADR 30); analysts see them as they stand,
//! and once it closes so does everyone.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_storage::consultations::totals_snapshots;
use cohesion_storage::{Db, Timestamp};
use cohesion_web::WebConfig;
use serde_json::{json, Value};
use time::Duration;
use uuid::Uuid;

use super::{demo_consultation, publish, published, ANALYST};
use crate::support::{servers_with_demo, servers_with_people_and, text_of, Server};

/// One anonymous response through the API, from address number `n` (the
/// server trusts X-Forwarded-For here, so each comes from its own address
/// and none is throttled): "Yes" to q1 (with what happened) or "No".
async fn respond(s: &Server, id: &str, n: u32, yes: bool) {
    let answers = match yes {
        true => json!({"q1": "0", "q2": "1", "q3": "Graffiti by the station"}),
        false => json!({"q1": "1", "q2": "3"}),
    };
    let res = s
        .client
        .post(s.url(&format!("/api/v1/consultations/{id}/response")))
        .header("x-forwarded-for", format!("198.51.100.{n}"))
        .json(&json!({ "answers": answers }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201, "response {n}");
}

/// The results as the API gives them to `cookie` (empty: the public).
async fn results(s: &Server, id: &str, cookie: &str) -> Value {
    let res = s
        .get_with(&format!("/api/v1/consultations/{id}/results"), cookie)
        .await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// The count of q1's "No" in a results body.
fn said_no(body: &Value) -> u64 {
    let q1 = body["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "q1")
        .unwrap();
    q1["lines"][0]["cells"][1]["count"].as_u64().unwrap()
}

/// The words of the public results page's main part.
async fn public_page(s: &Server, id: &str) -> String {
    let (status, html) = s.page(&format!("/consultations/{id}/results"), "").await;
    assert_eq!(status, 200);
    let main = html
        .split("<main")
        .nth(1)
        .unwrap()
        .split("</main>")
        .next()
        .unwrap();
    text_of(main).replace(['\u{2068}', '\u{2069}'], "")
}

/// Runs `sql` with `at` and `id` as $1 and $2, as a test changes what
/// only time would change.
async fn set_time(db: &Db, sql: &str, at: Timestamp, id: Uuid) {
    match db {
        Db::Sqlite(cohesion_storage::SqliteDb { pool: p, .. }) => sqlx::query(sql)
            .bind(at)
            .bind(id)
            .execute(p)
            .await
            .map(|_| ()),
        Db::Postgres(p) => sqlx::query(sql)
            .bind(at)
            .bind(id)
            .execute(p)
            .await
            .map(|_| ()),
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// Moves consultation `id`'s snapshot a day and an hour into the past.
async fn age_snapshot(s: &Server, id: &str) {
    let id: Uuid = id.parse().unwrap();
    let mut c = s.db().acquire().await.unwrap();
    let (at, _) = totals_snapshots::taken(c.conn(), id)
        .await
        .unwrap()
        .unwrap();
    drop(c);
    let earlier = Timestamp::from(at.as_offset() - Duration::hours(25));
    let sql = "UPDATE result_snapshots SET taken_at = $1 WHERE consultation_id = $2";
    set_time(s.db(), sql, earlier, id).await;
}

/// Publishes a finding on q1's "No" through the officers' forms.
async fn publish_finding(s: &Server, officer: &str, csrf: &str, id: &str) {
    let res = s
        .post(
            &format!("/staff/consultations/{id}/findings/new"),
            officer,
            &[
                ("csrf", csrf),
                ("title", "Few have seen incidents"),
                ("options", "q1:2"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (_, manage) = s.page(&format!("/staff/consultations/{id}"), officer).await;
    let finding = manage
        .split("href=\"")
        .map(|a| a.split('"').next().unwrap_or_default())
        .find(|a| a.ends_with("/what-we-did"))
        .and_then(|a| a.rsplit('/').nth(1))
        .expect("the finding's link")
        .to_owned();
    let res = s
        .post(
            &format!("/staff/consultations/{id}/findings/{finding}"),
            officer,
            &[("csrf", csrf), ("change", "publish")],
        )
        .await;
    assert_eq!(res.status(), 303);
}

/// The figure of the one finding, as the API gives it to `cookie`.
async fn finding_count(s: &Server, id: &str, cookie: &str) -> u64 {
    let res = s
        .get_with(&format!("/api/v1/consultations/{id}/findings"), cookie)
        .await;
    let body: Value = res.json().await.unwrap();
    body["findings"][0]["figure"]["count"].as_u64().unwrap()
}

#[tokio::test]
async fn the_public_sees_open_results_as_of_a_snapshot_refreshed_after_a_day_and_ten_responses() {
    let config = WebConfig {
        trust_forwarded_for: true,
        ..WebConfig::default()
    };
    for s in servers_with_people_and(config).await {
        let (officer, csrf, id) = published(&s, "yes").await;
        // Ten of each, so that neither count is hidden.
        for n in 0..20 {
            respond(&s, &id, n, n < 10).await;
        }
        // The officer is told what publishing while open means.
        let form = format!("/staff/consultations/{id}/results/publish");
        let (status, html) = s.page(&form, &officer).await;
        assert_eq!(status, 200);
        assert!(html.contains(
            "only after at least 10 more people have responded, so that nobody’s answers"
        ));
        publish(&s, &officer, &csrf, &id, "results").await;
        publish_finding(&s, &officer, &csrf, &id).await;
        let (analyst, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;

        // Published while open: the public's figures are of that moment.
        let first = results(&s, &id, "").await;
        assert_eq!(first["respondents"], 20);
        assert_eq!(first["as_of"]["respondents"], 20);
        assert!(first["public_as_of"].is_null());
        assert_eq!(said_no(&first), 10);
        let page = public_page(&s, &id).await;
        assert!(page.contains("Figures as of "), "{page}");
        assert!(
            page.contains(", from 20 responses. They are updated at most once a day while the consultation is open."),
            "{page}"
        );
        let (_, html) = s.page(&format!("/consultations/{id}/results"), "").await;
        let taken = first["as_of"]["taken_at"].as_str().unwrap();
        let machine = format!("<time datetime=\"{}Z\">", &taken[..19]);
        assert!(html.contains(&machine), "the moment in UTC: {machine}");

        let csv = format!("/consultations/{id}/results.csv");
        let sheet = s.get(&csv).await.text().await.unwrap();
        assert!(sheet.contains(",10,"), "{sheet}");

        // One more response: nothing the public sees moves.
        respond(&s, &id, 20, false).await;
        assert_eq!(results(&s, &id, "").await, first, "the same figures");
        assert_eq!(s.get(&csv).await.text().await.unwrap(), sheet);
        assert_eq!(public_page(&s, &id).await, page, "the same page");
        assert_eq!(finding_count(&s, &id, "").await, 10);
        let (_, ar) = s
            .page(&format!("/consultations/{id}/results?lang=ar"), "")
            .await;
        assert!(
            text_of(&ar).contains("وعدد الردود فيها 20"),
            "{}",
            text_of(&ar)
        );
        // Analysts see it, and what the public sees meanwhile.
        let staff = results(&s, &id, &analyst).await;
        assert_eq!(
            (staff["respondents"].as_i64(), said_no(&staff)),
            (Some(21), 11)
        );
        assert!(staff["as_of"].is_null());
        assert_eq!(staff["public_as_of"], first["as_of"]);
        assert_eq!(finding_count(&s, &id, &analyst).await, 11);
        let (_, html) = s
            .page(&format!("/consultations/{id}/results"), &analyst)
            .await;
        let words = text_of(&html).replace(['\u{2068}', '\u{2069}'], "");
        assert!(words.contains("21 people have responded"), "{words}");
        assert!(words.contains("The public sees figures as of "), "{words}");
        assert!(words.contains(", from 20 responses. They change only once a day"));

        // Ten new responses, but not a day yet: still the same.
        for n in 21..30 {
            respond(&s, &id, n, false).await;
        }
        assert_eq!(results(&s, &id, "").await, first, "too soon");
        // A day later with ten new responses, the next reader refreshes it.
        age_snapshot(&s, &id).await;
        let second = results(&s, &id, "").await;
        assert_eq!(second["respondents"], 30);
        assert_eq!(second["as_of"]["respondents"], 30);
        assert_ne!(second["as_of"]["taken_at"], first["as_of"]["taken_at"]);
        assert_eq!(said_no(&second), 20);
        assert!(public_page(&s, &id).await.contains(", from 30 responses."));
        assert_eq!(finding_count(&s, &id, "").await, 20);
        // A day later again, with one new response: no refresh.
        age_snapshot(&s, &id).await;
        let aged = results(&s, &id, "").await;
        respond(&s, &id, 30, false).await;
        assert_eq!(
            results(&s, &id, "").await,
            aged,
            "one new response is not enough"
        );

        // Withdrawn, the snapshot goes; published again, a fresh one.
        let res = s
            .post(
                &format!("/staff/consultations/{id}/publication"),
                &officer,
                &[
                    ("csrf", &csrf),
                    ("what", "results"),
                    ("publish", "no"),
                    ("confirm", "yes"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303, "withdrawing the results");
        let uuid: Uuid = id.parse().unwrap();
        let mut c = s.db().acquire().await.unwrap();
        assert_eq!(totals_snapshots::taken(c.conn(), uuid).await.unwrap(), None);
        drop(c);
        publish(&s, &officer, &csrf, &id, "results").await;
        let third = results(&s, &id, "").await;
        assert_eq!(
            (third["as_of"]["respondents"].as_i64(), said_no(&third)),
            (Some(31), 21)
        );

        // Closed: everyone sees the figures as they stand.
        respond(&s, &id, 31, false).await;
        let closed = Timestamp::from(Timestamp::now().as_offset() - Duration::minutes(1));
        let sql = "UPDATE consultations SET closes_at = $1 WHERE id = $2";
        set_time(s.db(), sql, closed, uuid).await;
        let last = results(&s, &id, "").await;
        assert!(last["as_of"].is_null());
        assert_eq!(
            (last["respondents"].as_i64(), said_no(&last)),
            (Some(32), 22)
        );
        let page = public_page(&s, &id).await;
        assert!(page.contains("32 people have responded") && !page.contains("Figures as of"));
        assert_eq!(finding_count(&s, &id, "").await, 22);
        let staff = results(&s, &id, &analyst).await;
        assert!(
            staff["public_as_of"].is_null(),
            "nothing to say once closed"
        );
    }
}

#[tokio::test]
async fn the_demos_open_consultation_shows_its_figures_as_of_a_snapshot() {
    for s in servers_with_demo().await {
        let id = demo_consultation(&s).await;
        let body = results(&s, &id, "").await;
        let responses = body["as_of"]["respondents"].as_i64().unwrap();
        assert!(responses >= 100, "{body}");
        assert_eq!(body["respondents"], responses);
        let shown = body["questions"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|q| q["lines"].as_array().unwrap())
            .flat_map(|l| l["cells"].as_array().unwrap())
            .filter(|c| c["count"].as_u64().is_some())
            .count();
        assert!(shown > 10, "figures to read: {body}");
        let page = public_page(&s, &id).await;
        assert!(
            page.contains(&format!(", from {responses} responses.")),
            "{page}"
        );
        // The stage that leads to the findings says how often they move.
        let (_, html) = s.page(&format!("/consultations/{id}"), "").await;
        assert!(html.contains("figures updated at most once a day while the survey is open"));
    }
}
