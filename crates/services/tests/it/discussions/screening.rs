//! Screening that learns (ADR 36), on every engine: a near repeat is held
//! naming the comment it repeats; the same text from three accounts in a
//! day is a campaign, its comments shown together; an account posting
//! faster than people write is held; the classifier refuses to train on
//! too few decisions, and once trained on enough holds with its reasons;
//! the quality page's figures are counted right on a known set.

use cohesion_domain::discussion::comment::State;
use cohesion_domain::discussion::record::Badge;
use cohesion_domain::discussion::screening::{Reason, RATE_COMMENTS};
use cohesion_domain::discussion::thread::ThreadPath;
use cohesion_services::accounts::Passwords;
use cohesion_services::discussions::classifier::{self, Retrained, MIN_PER_CLASS};
use cohesion_services::discussions::{commenting, moderating, quality};
use cohesion_storage::discussions::moderation::{self as store, Waiting};
use cohesion_storage::discussions::screening::{self, Finding};
use cohesion_storage::discussions::{catalogue, comments};
use cohesion_storage::{Db, Timestamp};
use cohesion_testkit as testkit;
use time::Duration;
use uuid::Uuid;

use super::fixtures::{all, cast};
use crate::consultations::person;

const TEMPLATE: &str = "I object to the new car park on Mill Lane because it will destroy \
the meadow and bring more traffic to our residential streets";

#[tokio::test]
async fn a_near_repeat_is_held_naming_the_comment_it_repeats() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Car park", "off").await;
        let d = people.d;

        let first = commenting::post(db, &people.rita, d, None, TEMPLATE)
            .await
            .unwrap();
        assert!(!first.held);
        let again = commenting::post(
            db,
            &people.sam,
            d,
            None,
            &format!("{TEMPLATE}. Regards, Sam"),
        )
        .await
        .unwrap();
        assert!(again.held, "nearly the same text is held");
        // Something else entirely is not.
        let other = commenting::post(
            db,
            &people.sam,
            d,
            None,
            "The library should open on Sundays and late on Thursday evenings",
        )
        .await
        .unwrap();
        assert!(!other.held);

        let e = moderating::entry(db, &people.grace, again.id)
            .await
            .unwrap();
        assert_eq!(e.item.reasons, [format!("near-repeat:{}", first.id)]);
        assert_eq!(e.named.len(), 1);
        assert_eq!(e.named[0].id, first.id);
        assert!(e.campaign.is_empty(), "two accounts are not a campaign");
    }
}

#[tokio::test]
async fn the_same_text_from_three_accounts_in_a_day_is_a_campaign() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Car park", "off").await;
        let d = people.d;
        let ann = person(db, &pw, "ann@example.org", "Ann A", None).await;

        let a = commenting::post(db, &people.rita, d, None, &format!("{TEMPLATE}. Rita"))
            .await
            .unwrap();
        let b = commenting::post(db, &people.sam, d, None, &format!("{TEMPLATE}. Sam"))
            .await
            .unwrap();
        let c = commenting::post(db, &ann, d, None, &format!("{TEMPLATE}. Ann"))
            .await
            .unwrap();
        assert!(!a.held && b.held && c.held);

        let e = moderating::entry(db, &people.grace, c.id).await.unwrap();
        assert!(
            e.item.reasons.contains(&format!("campaign:{}", a.id)),
            "{:?}",
            e.item.reasons
        );
        assert_eq!(e.campaign, [a.id, b.id, c.id], "its comments, oldest first");
        let named: Vec<Uuid> = e.named.iter().map(|n| n.id).collect();
        assert!(named.contains(&a.id) && named.contains(&b.id));

        // The first, already shown, stays shown but is put before a
        // moderator as part of the campaign.
        let (entries, _) = moderating::queue(db, &people.grace, &all()).await.unwrap();
        let first = entries.iter().find(|e| e.comment.id == a.id).unwrap();
        assert_eq!(first.comment.state, State::Published);
        assert!(!first.item.held);
        assert_eq!(first.item.reasons, [format!("campaign:{}", a.id)]);
        assert_eq!(first.campaign, [a.id, b.id, c.id]);
    }
}

#[tokio::test]
async fn an_account_posting_faster_than_people_write_is_held() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Busy", "off").await;
        let d = people.d;
        for n in 0..RATE_COMMENTS {
            let p = commenting::post(db, &people.rita, d, None, &format!("Point {n}"))
                .await
                .unwrap();
            assert!(!p.held, "comment {n}");
        }
        let p = commenting::post(db, &people.rita, d, None, "One more point")
            .await
            .unwrap();
        assert!(p.held);
        let e = moderating::entry(db, &people.grace, p.id).await.unwrap();
        assert_eq!(e.item.reasons, ["rate"]);
    }
}

/// A top-level comment by `author` decided by `moderator`: hidden, or
/// approved; with what screening held it for (`kinds`).
async fn decided(
    db: &Db,
    discussion: Uuid,
    (author, moderator): (Uuid, Uuid),
    text: &str,
    hidden: bool,
    kinds: &[&str],
    at: Timestamp,
) -> Uuid {
    let mut tx = db.begin().await.unwrap();
    let seq = catalogue::place_top_level(tx.conn(), discussion, false)
        .await
        .unwrap()
        .unwrap();
    let path = ThreadPath::top(seq as u64).unwrap();
    let state = if hidden {
        State::Hidden
    } else {
        State::Published
    };
    let id = comments::insert(
        tx.conn(),
        &comments::NewComment {
            discussion_id: discussion,
            path: path.as_str(),
            depth: 0,
            parent_id: None,
            root_id: None,
            author_id: Some(author),
            author_name: None,
            badge: Badge::CommunityMember,
            body: text,
            state,
            created_at: at,
            fingerprint: None,
        },
    )
    .await
    .unwrap();
    screening::record(
        tx.conn(),
        &Finding {
            comment_id: id,
            discussion_id: discussion,
            kinds,
            campaign_id: None,
            score: None,
            model_version: None,
            at,
        },
    )
    .await
    .unwrap();
    store::wait(
        tx.conn(),
        &Waiting {
            comment_id: id,
            discussion_id: discussion,
            severity: 1,
            weight: 0,
            held: !kinds.is_empty(),
            reported: kinds.is_empty(),
            appealed: false,
            reasons: "",
            at,
        },
    )
    .await
    .unwrap();
    let (action, reason) = if hidden {
        ("hide", Some("spam"))
    } else {
        ("approve", None)
    };
    let decision = store::NewDecision {
        comment: id,
        discussion,
        moderator,
        action,
        reason,
        note: None,
        waited_seconds: None,
        at,
    };
    store::record_decision(tx.conn(), &decision).await.unwrap();
    store::decided(tx.conn(), id, at, false).await.unwrap();
    tx.commit().await.unwrap();
    id
}

const NASTY: [&str; 6] = ["vermin", "scum", "parasites", "filth", "rats", "leeches"];
const PLACES: [&str; 6] = [
    "the bus station",
    "the library",
    "the precinct",
    "the park",
    "the market",
    "the harbour",
];
const KIND: [&str; 6] = [
    "needs better lighting",
    "should open later",
    "could use more benches",
    "felt safe this summer",
    "needs a crossing",
    "would be nicer with trees",
];

/// Hidden comments are abuse; kept ones are about places. Distinct
/// texts, so that neither class is one sentence repeated.
fn nasty(i: usize) -> String {
    format!(
        "Those {} from {} are {} and should get out, {} the lot of them",
        NASTY[i % 6],
        PLACES[(i / 6) % 6],
        NASTY[(i + 1) % 6],
        NASTY[(i + 2) % 6]
    )
}

fn kind(i: usize) -> String {
    format!(
        "I think {} {} and {} {} too, number {i}",
        PLACES[i % 6],
        KIND[(i / 6) % 6],
        PLACES[(i + 1) % 6],
        KIND[(i + 3) % 6]
    )
}

#[tokio::test]
async fn the_classifier_refuses_too_few_decisions_then_learns_and_holds() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Learning", "off").await;
        let d = people.d;
        let start = time::OffsetDateTime::now_utc() - Duration::days(20);
        let at = |i: usize| Timestamp::from(start + Duration::minutes(i as i64 * 10));

        // Too few: refused, and nothing stored.
        for i in 0..10 {
            decided(
                db,
                d,
                (people.rita.user_id, people.grace.user_id),
                &nasty(i),
                true,
                &[],
                at(i),
            )
            .await;
            decided(
                db,
                d,
                (people.rita.user_id, people.grace.user_id),
                &kind(i),
                false,
                &[],
                at(i),
            )
            .await;
        }
        assert_eq!(
            classifier::retrain(db).await.unwrap(),
            Retrained::TooFew {
                hidden: 10,
                kept: 10
            }
        );
        assert_eq!(
            classifier::retrain_if_due(db).await.unwrap(),
            None,
            "20 < 50 new"
        );
        let q = quality::quality(db, &people.grace).await.unwrap();
        assert!(q.model.is_none());

        // Enough of each: a model, stored, judged on the newest fifth.
        for i in 10..MIN_PER_CLASS + 10 {
            decided(
                db,
                d,
                (people.rita.user_id, people.grace.user_id),
                &nasty(i),
                true,
                &[],
                at(i),
            )
            .await;
            decided(
                db,
                d,
                (people.rita.user_id, people.grace.user_id),
                &kind(i),
                false,
                &[],
                at(i),
            )
            .await;
        }
        let Retrained::Trained(m) = classifier::retrain(db).await.unwrap() else {
            panic!("trained");
        };
        assert_eq!(m.version, 1);
        let total = (MIN_PER_CLASS + 10) as i64 * 2;
        assert_eq!(m.hidden_tested + m.kept_tested, total / 5);
        assert_eq!(
            m.hidden_trained + m.kept_trained + m.hidden_tested + m.kept_tested,
            total
        );
        assert!(m.threshold < 1.0, "a threshold was found: {m:?}");
        assert!(m.precision_tested > 0.8 && m.recall_tested > 0.8, "{m:?}");
        let q = quality::quality(db, &people.grace).await.unwrap();
        assert_eq!(q.model.as_ref().map(|m| m.version), Some(1));
        // Only the decisions it did not train on are counted.
        assert!(q.decided > 0 && q.decided <= total / 5, "{q:?}");
        assert!(q.since.is_some());

        // A new comment like the hidden ones is held, with the
        // classifier's reason and the words that weighed most.
        let text = "Those vermin from the market are scum and parasites, get out";
        let p = commenting::post(db, &people.rita, d, None, text)
            .await
            .unwrap();
        assert!(p.held);
        let e = moderating::entry(db, &people.grace, p.id).await.unwrap();
        let reason = e
            .item
            .reasons
            .iter()
            .find(|r| r.starts_with("classifier:1:"))
            .unwrap_or_else(|| panic!("{:?}", e.item.reasons));
        // The words that weighed most, taken from the comment itself.
        let Reason::Classifier { ngrams, .. } = Reason::parse(reason) else {
            panic!("{reason}");
        };
        assert!(!ngrams.is_empty(), "{reason}");
        let lower = text.to_lowercase();
        assert!(ngrams.iter().all(|n| lower.contains(n)), "{reason}");
        // One like the kept ones is not.
        let p = commenting::post(
            db,
            &people.rita,
            d,
            None,
            "I think the park needs better lighting",
        )
        .await
        .unwrap();
        assert!(!p.held);

        // Another retrain is a new version; both are kept.
        let Retrained::Trained(m2) = classifier::retrain(db).await.unwrap() else {
            panic!("trained again");
        };
        assert_eq!(m2.version, 2);
    }
}

#[tokio::test]
async fn the_quality_figures_are_counted_right_on_a_known_set() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Known", "off").await;
        let d = people.d;
        let now = Timestamp::now();
        let (r, g) = (people.rita.user_id, people.grace.user_id);
        // Words held 6: 5 hidden, 1 approved. Links held 5: 2 hidden.
        // Not held: 4 hidden (reported), 3 approved. One held for words
        // and links both, hidden.
        for i in 0..5 {
            decided(db, d, (r, g), &format!("w{i}"), true, &["words"], now).await;
        }
        decided(db, d, (r, g), "w5", false, &["words"], now).await;
        for i in 0..2 {
            decided(db, d, (r, g), &format!("l{i}"), true, &["links"], now).await;
        }
        for i in 2..5 {
            decided(db, d, (r, g), &format!("l{i}"), false, &["links"], now).await;
        }
        for i in 0..4 {
            decided(db, d, (r, g), &format!("n{i}"), true, &[], now).await;
        }
        for i in 4..7 {
            decided(db, d, (r, g), &format!("n{i}"), false, &[], now).await;
        }
        decided(db, d, (r, g), "both", true, &["words", "links"], now).await;

        assert!(
            quality::quality(db, &people.rita).await.is_err(),
            "moderators only"
        );
        let q = quality::quality(db, &people.grace).await.unwrap();
        assert_eq!((q.decided, q.hidden), (19, 12));
        let line = |kind: Option<&str>| q.lines.iter().find(|l| l.kind == kind).unwrap().clone();
        let words = line(Some("words"));
        assert_eq!((words.held, words.held_hidden), (7, 6));
        assert_eq!(words.precision, Some(6.0 / 7.0));
        assert_eq!(words.recall, Some(6.0 / 12.0));
        let links = line(Some("links"));
        assert_eq!((links.held, links.held_hidden), (6, 3));
        assert_eq!(links.precision, Some(0.5));
        assert_eq!(links.recall, Some(3.0 / 12.0));
        let near = line(Some("near-repeat"));
        assert_eq!((near.held, near.precision), (0, None), "too few to say");
        assert_eq!(near.recall, Some(0.0));
        let any = line(None);
        assert_eq!((any.held, any.held_hidden), (12, 8));
        assert_eq!(any.precision, Some(8.0 / 12.0));
        assert_eq!(any.recall, Some(8.0 / 12.0));
        assert_eq!(q.lines.len(), 8);
    }
}
