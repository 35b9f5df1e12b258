//! `cohesion admin moderation retrain` on each engine: with the demo's
//! twenty decisions it refuses, saying how many there are and how many
//! it needs, and stores nothing; with enough decided comments it trains,
//! says how the model did on the decisions it did not see, and stores
//! version 1, which a second run follows with version 2.

use cohesion_domain::discussion::comment::State;
use cohesion_domain::discussion::record::Badge;
use cohesion_domain::discussion::thread::ThreadPath;
use cohesion_domain::identity::Email;
use cohesion_storage::accounts::users;
use cohesion_storage::discussions::catalogue::{self, ListQuery};
use cohesion_storage::discussions::moderation as store;
use cohesion_storage::discussions::{comments, screening};
use cohesion_storage::{Db, Timestamp};
use std::time::Duration;

use crate::support::{command, output};

async fn retrain(url: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut c = command(dir.path());
    c.args(["--database-url", url, "admin", "moderation", "retrain"]);
    output(c).await
}

/// `n` comments by `author`, decided by `moderator`: hidden ones are
/// abuse, approved ones are about the town.
async fn decide_many(db: &Db, author: uuid::Uuid, moderator: uuid::Uuid, n: usize) {
    let mut tx = db.begin().await.unwrap();
    let (list, _) = catalogue::list(
        tx.conn(),
        &ListQuery {
            drafts: true,
            limit: 1,
            ..Default::default()
        },
        Timestamp::now(),
    )
    .await
    .unwrap();
    let d = list[0].id;
    let start = Timestamp::now().as_offset() - Duration::from_secs(10 * 86_400);
    let places = [
        "the park",
        "the library",
        "the market",
        "the harbour",
        "the station",
    ];
    let insults = ["vermin", "scum", "parasites", "filth", "rats"];
    for i in 0..n * 2 {
        let hidden = i % 2 == 0;
        let text = if hidden {
            format!(
                "Those {} from {} are {}, get out {i}",
                insults[i % 5],
                places[(i / 5) % 5],
                insults[(i + 2) % 5]
            )
        } else {
            format!(
                "I would like {} to have more benches and {} more lights {i}",
                places[i % 5],
                places[(i / 5) % 5]
            )
        };
        let seq = catalogue::place_top_level(tx.conn(), d, false)
            .await
            .unwrap()
            .unwrap();
        let path = ThreadPath::top(seq as u64).unwrap();
        let at = Timestamp::from(start + Duration::from_secs(60 * i as u64));
        let state = if hidden {
            State::Hidden
        } else {
            State::Published
        };
        let id = comments::insert(
            tx.conn(),
            &comments::NewComment {
                discussion_id: d,
                path: path.as_str(),
                depth: 0,
                parent_id: None,
                root_id: None,
                author_id: Some(author),
                author_name: None,
                badge: Badge::CommunityMember,
                body: &text,
                state,
                created_at: at,
                fingerprint: None,
            },
        )
        .await
        .unwrap();
        let action = if hidden { "hide" } else { "approve" };
        let reason = hidden.then_some("hate");
        let decision = store::NewDecision {
            comment: id,
            discussion: d,
            moderator,
            action,
            reason,
            note: None,
            waited_seconds: None,
            at,
        };
        store::record_decision(tx.conn(), &decision).await.unwrap();
    }
    tx.commit().await.unwrap();
}

async fn account(db: &Db, email: &str) -> uuid::Uuid {
    let mut c = db.acquire().await.unwrap();
    users::find_by_email(c.conn(), &Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
        .id
}

#[tokio::test]
async fn retrain_refuses_too_few_decisions_then_trains_and_stores_a_model() {
    for t in cohesion_testkit::engines().await {
        let db = &t.db;
        let passwords = cohesion_services::accounts::Passwords::new(1);
        cohesion_services::demo::load(db, &passwords).await.unwrap();

        let (code, out, err) = retrain(&t.url).await;
        assert_eq!(code, 1, "{out}{err}");
        assert!(
            // The demo's decisions, fewer than training needs.
            err.contains("too few moderation decisions to train on:")
                && err.contains("at least 50 of each are needed"),
            "{err}"
        );
        // "N hidden and M approved or restored": the demo's decisions.
        let counted: Vec<i64> = err
            .split(|ch: char| !ch.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        let demo_decided = counted[0] + counted[1];
        assert!(err.contains("at least 50 of each"), "{err}");
        let mut c = db.acquire().await.unwrap();
        assert!(screening::latest_model(c.conn()).await.unwrap().is_none());
        drop(c);

        let author = account(db, "omar@brightwater.example").await;
        let grace = account(db, "grace@brightwater.example").await;
        decide_many(db, author, grace, 50).await;
        let (code, out, err) = retrain(&t.url).await;
        assert_eq!(code, 0, "{out}{err}");
        assert!(
            out.contains("Trained moderation model version 1 on "),
            "{out}"
        );
        assert!(out.contains("newer decisions it did not train on"), "{out}");
        let mut c = db.acquire().await.unwrap();
        let m = screening::latest_model(c.conn()).await.unwrap().unwrap();
        assert_eq!(m.version, 1);
        assert_eq!(
            m.hidden_trained + m.kept_trained + m.hidden_tested + m.kept_tested,
            demo_decided + 100
        );
        let bytes = screening::model_bytes(c.conn(), m.id)
            .await
            .unwrap()
            .unwrap();
        assert!(bytes.len() > 1 << 16, "the weights are stored");
        drop(c);

        let (code, out, _) = retrain(&t.url).await;
        assert_eq!(code, 0);
        assert!(out.contains("version 2"), "{out}");
    }
}
