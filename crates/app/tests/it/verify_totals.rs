//! `cohesion admin verify-totals` on the demo's consultations, on each
//! engine: they agree; a running total or the response count knocked out
//! of step is reported and fails the command; unknown ids are refused.

use cohesion_storage::Db;

use crate::support::{command, output};

async fn execute(db: &Db, sql: &str) {
    match db {
        Db::Sqlite(cohesion_storage::SqliteDb { pool: p, .. }) => {
            sqlx::query(sql).execute(p).await.map(|_| ())
        }
        Db::Postgres(p) => sqlx::query(sql).execute(p).await.map(|_| ()),
    }
    .expect("tamper with the figures");
}

async fn verify(url: &str, extra: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut c = command(dir.path());
    c.args(["--database-url", url, "admin", "verify-totals"]);
    c.args(extra);
    output(c).await
}

#[tokio::test]
async fn verify_totals_agrees_on_the_demo_and_reports_a_tampered_total() {
    for t in cohesion_testkit::engines().await {
        let db = &t.db;
        cohesion_services::site::demo::load(db).await.unwrap();
        let passwords = cohesion_services::accounts::Passwords::new(1);
        cohesion_services::accounts::demo::load(db, &passwords)
            .await
            .unwrap();
        assert!(cohesion_services::consultations::demo::load(db)
            .await
            .unwrap());

        let (code, out, err) = verify(&t.url, &[]).await;
        assert_eq!(code, 0, "{out}{err}");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3, "one line per demo consultation: {out}");
        assert!(lines.iter().all(|l| l.starts_with("agree: ")), "{out}");
        assert!(
            out.contains(
                "\"Safer streets, stronger communities\": 300 responses counted (300 shown)"
            ),
            "{out}"
        );
        assert!(out.contains(", 0 differ ("), "{out}");

        // One choice's running total one too high, and the headline count
        // one too low: both are reported, and the command fails.
        execute(
            db,
            "UPDATE result_counts SET n = n + 1 WHERE choice >= 0 AND n > 0 \
             AND question_id = (SELECT MIN(question_id) FROM result_counts WHERE choice >= 0 AND n > 0)",
        )
        .await;
        execute(
            db,
            "UPDATE consultations SET response_count = response_count - 1 \
             WHERE title = 'Safer streets, stronger communities'",
        )
        .await;
        let (code, out, err) = verify(&t.url, &[]).await;
        assert_eq!(code, 1, "{out}{err}");
        assert!(out.contains("DIFFER: "), "{out}");
        assert!(out.contains("300 responses counted (299 shown)"), "{out}");
        assert!(
            out.lines()
                .any(|l| l.starts_with("  question ") && l.contains(": running total ")),
            "{out}"
        );
        assert!(
            err.contains("have running figures that differ from a count of their responses"),
            "{err}"
        );
        assert_eq!(err.trim().lines().count(), 1, "{err}");

        // One consultation alone, by id; an id that names none; not an id.
        let id: uuid::Uuid = match db {
            Db::Sqlite(cohesion_storage::SqliteDb { pool: p, .. }) => {
                sqlx::query_scalar("SELECT id FROM consultations WHERE response_count = 0 LIMIT 1")
                    .fetch_one(p)
                    .await
                    .unwrap()
            }
            Db::Postgres(p) => {
                sqlx::query_scalar("SELECT id FROM consultations WHERE response_count = 0 LIMIT 1")
                    .fetch_one(p)
                    .await
                    .unwrap()
            }
        };
        let (code, out, err) = verify(&t.url, &["--consultation", &id.to_string()]).await;
        assert_eq!(code, 0, "{out}{err}");
        assert_eq!(out.lines().count(), 1, "{out}");
        assert!(out.starts_with(&format!("agree: {id} ")), "{out}");

        let nobody = uuid::Uuid::now_v7();
        let (code, _, err) = verify(&t.url, &["--consultation", &nobody.to_string()]).await;
        assert_eq!(code, 1);
        assert!(
            err.contains(&format!("There is no consultation with the id {nobody}.")),
            "{err}"
        );

        let (code, _, err) = verify(&t.url, &["--consultation", "'; DROP TABLE responses"]).await;
        assert_eq!(code, 2, "a malformed id is a usage error: {err}");
        assert!(err.contains("--consultation"), "{err}");
    }
}
