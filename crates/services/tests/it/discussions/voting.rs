//! Opinion voting: the statements stage, statements held and screened
//! like comments, votes (the last counts), refusals (hidden statements,
//! forged ids, closed discussions), the next statement, the opinion map
//! job claimed once through the database, the Pol.is export read back by
//! the insight crate, and erasure.

use std::collections::HashSet;

use cohesion_domain::discussion::statements::State;
use cohesion_domain::ErrorCode;
use cohesion_insight::opinions::import::read_comments_and_votes;
use cohesion_services::accounts::{Passwords, SignedIn};
use cohesion_services::discussions::statements::{self as stage, Decision};
use cohesion_services::discussions::{opinion_export, opinions, voting};
use cohesion_services::ServiceError;
use cohesion_storage::discussions::statements::{self, NewStatement};
use cohesion_storage::{Db, Timestamp};
use cohesion_testkit as testkit;
use uuid::Uuid;

use super::fixtures::{grace, sam};
use super::opened;
use crate::consultations::{officer, person, resident};
use crate::support::code;

async fn with_stage(db: &Db, officer: &SignedIn, title: &str, pre: &str) -> Uuid {
    let d = opened(db, officer, title, -1, pre).await;
    stage::set_stage(db, officer, d, true, None).await.unwrap();
    d
}

async fn vote_count(db: &Db, d: Uuid) -> Vec<(Uuid, Uuid, i64)> {
    let mut c = db.acquire().await.unwrap();
    statements::all_votes(c.conn(), d)
        .await
        .unwrap()
        .into_iter()
        .map(|v| (v.statement_id, v.user_id, v.vote))
        .collect()
}

#[tokio::test]
async fn members_vote_and_the_last_vote_counts() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let rita = resident(db, &pw).await;
        let sam = sam(db, &pw).await;
        let d = with_stage(db, &officer, "Votes", "off").await;

        // Without a stage there is nothing to vote on.
        let plain = opened(db, &officer, "No stage", -1, "off").await;
        let e = stage::submit(db, &rita, plain, "A point")
            .await
            .unwrap_err();
        assert!(matches!(e, ServiceError::NotFound));

        let long = "x".repeat(281);
        let e = stage::submit(db, &rita, d, &long).await.unwrap_err();
        assert_eq!(code(e), ErrorCode::FieldTooLong);
        let e = stage::submit(db, &rita, d, " \u{200B} ").await.unwrap_err();
        assert_eq!(code(e), ErrorCode::FieldRequired);

        let a = stage::submit(db, &rita, d, "  Buses should run \n later ")
            .await
            .unwrap();
        assert!(!a.held);
        let b = stage::submit(db, &sam, d, "More lighting on Mill Lane")
            .await
            .unwrap();

        // Sam is not asked about his own statement.
        let first = voting::next(db, &sam, d).await.unwrap();
        assert_eq!((first.voted, first.total), (0, 1));
        let offered = first.statement.unwrap();
        assert_eq!(offered.id, a.id);
        assert_eq!(
            voting::next(db, &sam, d)
                .await
                .unwrap()
                .statement
                .unwrap()
                .id,
            offered.id,
            "the same statement again until voted on"
        );

        voting::vote(db, &sam, d, a.id, "agree").await.unwrap();
        voting::vote(db, &sam, d, a.id, "disagree").await.unwrap();
        voting::vote(db, &rita, d, a.id, "pass").await.unwrap();
        let votes = vote_count(db, d).await;
        assert_eq!(votes.len(), 2, "one vote per person per statement");
        assert!(
            votes.contains(&(a.id, sam.user_id, -1)),
            "the last vote counts"
        );
        assert!(votes.contains(&(a.id, rita.user_id, 0)));

        let e = voting::vote(db, &sam, d, a.id, "maybe").await.unwrap_err();
        assert_eq!(code(e), ErrorCode::InvalidChoice);

        let done = voting::next(db, &sam, d).await.unwrap();
        assert_eq!((done.statement, done.voted, done.total), (None, 1, 1));
        // Rita is asked about his; he may still vote on it himself, and
        // that vote is among his.
        let next = voting::next(db, &rita, d).await.unwrap();
        assert_eq!(next.statement.unwrap().id, b.id);
        voting::vote(db, &sam, d, b.id, "agree").await.unwrap();
        let done = voting::next(db, &sam, d).await.unwrap();
        assert_eq!((done.statement, done.voted, done.total), (None, 2, 2));

        // Forged ids: a statement of another discussion, or none at all.
        let other = with_stage(db, &officer, "Other", "off").await;
        let e = voting::vote(db, &sam, other, a.id, "agree")
            .await
            .unwrap_err();
        assert!(matches!(e, ServiceError::NotFound));
        let e = voting::vote(db, &sam, d, Uuid::new_v4(), "agree")
            .await
            .unwrap_err();
        assert!(matches!(e, ServiceError::NotFound));
        let e = voting::vote(db, &sam, Uuid::new_v4(), a.id, "agree")
            .await
            .unwrap_err();
        assert!(matches!(e, ServiceError::NotFound));
        assert_eq!(vote_count(db, d).await.len(), 3);
        assert!(vote_count(db, other).await.is_empty());
    }
}

#[tokio::test]
async fn held_and_hidden_statements_take_no_votes() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let rita = resident(db, &pw).await;
        let sam = sam(db, &pw).await;
        let grace = grace(db, &pw).await;
        // Every member's statements wait for a moderator here.
        let d = with_stage(db, &officer, "Held", "all").await;
        let held = stage::submit(db, &rita, d, "Held for a look")
            .await
            .unwrap();
        assert!(held.held);
        let e = voting::vote(db, &sam, d, held.id, "agree")
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::StatementNotVotable);
        assert_eq!(voting::next(db, &sam, d).await.unwrap().total, 0);

        // Members may not decide; nobody decides on their own.
        let e = stage::decide(db, &sam, d, held.id, Decision::Approve, None)
            .await
            .unwrap_err();
        assert!(matches!(e, ServiceError::Forbidden));
        stage::decide(db, &grace, d, held.id, Decision::Approve, None)
            .await
            .unwrap();
        voting::vote(db, &sam, d, held.id, "agree").await.unwrap();

        stage::decide(db, &grace, d, held.id, Decision::Hide, None)
            .await
            .unwrap();
        let e = voting::vote(db, &sam, d, held.id, "disagree")
            .await
            .unwrap_err();
        assert_eq!(code(e), ErrorCode::StatementNotVotable);
        assert_eq!(vote_count(db, d).await, vec![(held.id, sam.user_id, 1)]);
        // A decision on a statement named under another discussion.
        let other = with_stage(db, &officer, "Elsewhere", "off").await;
        let e = stage::decide(db, &grace, other, held.id, Decision::Approve, None)
            .await
            .unwrap_err();
        assert!(matches!(e, ServiceError::NotFound));

        let listed = stage::for_staff(db, &grace, d).await.unwrap();
        assert_eq!(listed[0].state, State::Hidden);
        let e = stage::for_staff(db, &sam, d).await.unwrap_err();
        assert!(matches!(e, ServiceError::Forbidden));
    }
}

#[tokio::test]
async fn a_closed_discussion_takes_no_votes() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let sam = sam(db, &pw).await;
        // Opened 40 days ago for 30 days: closed ten days ago.
        let d = opened(db, &officer, "Closed", -40, "off").await;
        stage::set_stage(db, &officer, d, true, None).await.unwrap();
        let s = {
            let mut c = db.acquire().await.unwrap();
            statements::insert(
                c.conn(),
                &NewStatement {
                    discussion_id: d,
                    author_id: None,
                    body: "Said before it closed",
                    state: State::Published,
                    reasons: "",
                    severity: 1,
                    created_at: Timestamp::now(),
                },
            )
            .await
            .unwrap()
        };
        let e = voting::vote(db, &sam, d, s, "agree").await.unwrap_err();
        assert_eq!(code(e), ErrorCode::DiscussionNotOpen);
        let e = stage::submit(db, &sam, d, "Too late").await.unwrap_err();
        assert_eq!(code(e), ErrorCode::DiscussionNotOpen);
        assert!(vote_count(db, d).await.is_empty());
    }
}

/// Fills a discussion with `people` voters in two camps over `n`
/// statements, written straight to storage.
async fn polarised(db: &Db, d: Uuid, people: &[SignedIn], n: usize) -> Vec<Uuid> {
    let mut c = db.acquire().await.unwrap();
    let mut ids = Vec::new();
    for i in 0..n {
        ids.push(
            statements::insert(
                c.conn(),
                &NewStatement {
                    discussion_id: d,
                    author_id: None,
                    body: &format!("Statement {i}"),
                    state: State::Published,
                    reasons: "",
                    severity: 1,
                    created_at: Timestamp::now(),
                },
            )
            .await
            .unwrap(),
        );
    }
    let all = statements::list(c.conn(), d, None, 100).await.unwrap();
    for (p, who) in people.iter().enumerate() {
        for (i, s) in all.iter().enumerate() {
            let side = if p % 2 == 0 { 1 } else { -1 };
            let vote = if i == 0 {
                1
            } else if i % 2 == 0 {
                side
            } else {
                -side
            };
            statements::vote(c.conn(), s, who.user_id, vote, Timestamp::now())
                .await
                .unwrap();
        }
    }
    ids
}

#[tokio::test]
async fn the_map_is_computed_once_by_whoever_claims_it() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let d = with_stage(db, &officer, "Map", "off").await;
        let r = opinions::results(db, None, d).await.unwrap();
        assert!(r.map.is_none(), "not drawn before the job runs");

        let mut people = Vec::new();
        for i in 0..8 {
            let email = format!("voter{i}@example.org");
            people.push(person(db, &pw, &email, &format!("Voter {i}"), None).await);
        }
        let ids = polarised(db, d, &people, 6).await;

        // While one server holds the lease, another neither claims nor
        // computes; once it is given back, the other computes.
        let mut c = db.acquire().await.unwrap();
        let until = Timestamp::from(Timestamp::now().as_offset() + time::Duration::seconds(60));
        assert!(
            statements::claim(c.conn(), d, "server-b", Timestamp::now(), until)
                .await
                .unwrap()
        );
        assert!(
            !statements::claim(c.conn(), d, "server-c", Timestamp::now(), until)
                .await
                .unwrap()
        );
        drop(c);
        assert!(!opinions::recompute(db, d, "server-a").await.unwrap());
        assert!(opinions::results(db, None, d).await.unwrap().map.is_none());
        let round = opinions::recompute_due(db, "server-a").await.unwrap();
        assert_eq!(round.computed, 0, "a leased map is not due");
        let mut c = db.acquire().await.unwrap();
        statements::release(c.conn(), d, "server-b").await.unwrap();
        drop(c);
        // Two servers ask at once: at most one holds the lease at a time,
        // and each computes only what it claimed.
        let (a, b) = tokio::join!(
            opinions::recompute(db, d, "server-a"),
            opinions::recompute(db, d, "server-b")
        );
        assert!(a.unwrap() || b.unwrap());

        let r = opinions::results(db, None, d).await.unwrap();
        let map = r.map.unwrap();
        assert!(map.ready, "two camps make groups");
        assert_eq!((map.voters, map.votes), (8, 48));
        assert_eq!(map.groups.len(), 2);
        assert_eq!(map.groups.iter().map(|g| g.size).sum::<usize>(), 8);
        // Statement 0, agreed by all, is consensus; the rest divide.
        assert!(map
            .consensus
            .iter()
            .any(|c| c.statement == ids[0] && c.agree));
        let reps: HashSet<Uuid> = map
            .groups
            .iter()
            .flat_map(|g| g.representative.iter().map(|r| r.statement))
            .collect();
        assert!(reps.iter().any(|s| *s != ids[0]));

        let round = opinions::recompute_due(db, "server-a").await.unwrap();
        assert!(round.computed <= 1);
    }
}

/// People who voted on too few statements are in no group: the map says
/// how many its groups hold and the votes that place a voter, so the
/// page can say why the groups hold fewer than voted.
#[tokio::test]
async fn the_map_counts_the_voters_its_groups_hold() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let d = with_stage(db, &officer, "Map", "off").await;
        let mut people = Vec::new();
        for i in 0..18 {
            let email = format!("voter{i}@example.org");
            people.push(person(db, &pw, &email, &format!("Voter {i}"), None).await);
        }
        // Sixteen vote on all eight statements; two vote once each.
        let ids = polarised(db, d, &people[..16], 8).await;
        let mut c = db.acquire().await.unwrap();
        let first = statements::list(c.conn(), d, None, 100).await.unwrap();
        let first = first.iter().find(|s| s.id == ids[0]).unwrap();
        for who in &people[16..] {
            statements::vote(c.conn(), first, who.user_id, 1, Timestamp::now())
                .await
                .unwrap();
        }
        drop(c);
        assert!(opinions::recompute(db, d, "server-a").await.unwrap());
        let map = opinions::results(db, None, d).await.unwrap().map.unwrap();
        assert!(map.ready);
        assert_eq!(map.voters, 18);
        assert_eq!(map.groups.iter().map(|g| g.size).sum::<usize>(), 16);
        assert_eq!(map.placed, Some(16));
        assert_eq!(map.min_votes, 7);
    }
}

#[tokio::test]
async fn the_export_is_read_back_as_polis_votes() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let rita = resident(db, &pw).await;
        let d = with_stage(db, &officer, "Export", "off").await;
        let mut people = Vec::new();
        for i in 0..4 {
            let email = format!("voter{i}@example.org");
            people.push(person(db, &pw, &email, &format!("Voter {i}"), None).await);
        }
        polarised(db, d, &people, 3).await;
        stage::submit(db, &rita, d, "Quotes \"and, commas\"")
            .await
            .unwrap();

        let e = opinion_export::export(db, &rita, d, None)
            .await
            .unwrap_err();
        assert!(matches!(e, ServiceError::Forbidden));
        let files = opinion_export::export(db, &officer, d, None).await.unwrap();
        assert!(files.comments_csv.starts_with(
            "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n"
        ));
        assert!(files
            .comments_csv
            .contains("\"Quotes \"\"and, commas\"\"\""));
        assert!(!files.votes_csv.contains(&people[0].user_id.to_string()));
        let m = read_comments_and_votes(files.comments_csv.as_bytes(), files.votes_csv.as_bytes())
            .unwrap();
        assert_eq!(m.statements().len(), 4);
        assert_eq!(m.participants().len(), 4);
        assert_eq!(m.vote_count(), 12);
    }
}

#[tokio::test]
async fn erasure_takes_votes_and_keeps_statements_by_nobody() {
    use cohesion_services::erasure::{Contributions, Person, PersonalData};
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let rita = resident(db, &pw).await;
        let d = with_stage(db, &officer, "Erased", "off").await;
        let s = stage::submit(db, &rita, d, "Mine to remove").await.unwrap();
        voting::vote(db, &rita, d, s.id, "agree").await.unwrap();

        let hook = cohesion_services::discussions::personal_data::DiscussionsHook;
        let person = Person {
            id: rita.user_id,
            addresses: Vec::new(),
        };
        let mut data = Default::default();
        {
            let mut c = db.acquire().await.unwrap();
            hook.export(c.conn(), &person, &mut data).await.unwrap();
        }
        let data: cohesion_services::accounts::your_data::YourData = data;
        assert_eq!(data.statements.len(), 1);
        assert_eq!(data.votes[0].vote, "agree");

        let mut tx = db.begin().await.unwrap();
        hook.erase(tx.conn(), &person, Contributions::Remove)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        assert!(vote_count(db, d).await.is_empty());
        let mut c = db.acquire().await.unwrap();
        let kept = statements::find(c.conn(), s.id).await.unwrap().unwrap();
        assert_eq!(kept.author_id, None);
        assert_eq!(kept.state, State::RemovedWithAccount);
        assert_eq!(kept.body, "");
    }
}

#[tokio::test]
async fn the_demo_opinion_map_is_drawn_once_and_then_rests() {
    use cohesion_services::discussions::opinions;
    for t in testkit::engines().await {
        let db = &t.db;
        let pw = cohesion_services::accounts::Passwords::new(1);
        cohesion_services::demo::load(db, &pw).await.unwrap();
        // Drawn at the first round (if the demo did not draw it)...
        opinions::recompute_due(db, "test").await.unwrap();
        // ...and no demo vote is dated after now: nothing is due again until
        // someone votes.
        let again = opinions::recompute_due(db, "test").await.unwrap();
        assert_eq!(again, opinions::Round::default());
    }
}

#[tokio::test]
async fn a_statement_with_a_link_waits_for_a_moderator() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let rita = resident(db, &pw).await;
        let d = opened(db, &officer, "Links", -1, "off").await;
        stage::set_stage(db, &officer, d, true, None).await.unwrap();
        let plain = stage::submit(db, &rita, d, "More buses after ten at night")
            .await
            .unwrap();
        assert!(!plain.held);
        let linked = stage::submit(db, &rita, d, "Cheap cameras at https://example.org/buy")
            .await
            .unwrap();
        assert!(linked.held, "one link is enough to hold a statement");
        let mut c = db.acquire().await.unwrap();
        let s = statements::find(c.conn(), linked.id)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(s.state, State::AwaitingModeration);
        assert!(s.reasons.lines().any(|r| r == "links"), "{}", s.reasons);
    }
}

/// "Your votes" lists the newest vote first, a changed vote counting
/// from when it was changed, and votes of one instant always in one
/// order (the later statement first).
#[tokio::test]
async fn your_votes_come_newest_first() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let sam = sam(db, &pw).await;
        let d = with_stage(db, &officer, "Order", "off").await;
        let mut ids = Vec::new();
        for text in ["First point", "Second point", "Third point", "Fourth point"] {
            ids.push(stage::seed(db, &officer, d, text, None).await.unwrap().id);
        }
        let base = Timestamp::now().as_offset() - time::Duration::hours(1);
        let at = |minutes: i64| Timestamp::from(base + time::Duration::minutes(minutes));
        let mut c = db.acquire().await.unwrap();
        // Voted on the second, then the fourth, then the first and the
        // third in one instant.
        for (i, minutes) in [(1, 0), (3, 5), (0, 9), (2, 9)] {
            let s = statements::find(c.conn(), ids[i]).await.unwrap().unwrap();
            statements::vote(c.conn(), &s, sam.user_id, 1, at(minutes))
                .await
                .unwrap();
        }
        drop(c);
        let order =
            |n: voting::Next| -> Vec<String> { n.mine.into_iter().map(|(s, _)| s.body).collect() };
        let mine = order(voting::next(db, &sam, d).await.unwrap());
        assert_eq!(
            mine,
            ["Third point", "First point", "Fourth point", "Second point"]
        );
        assert_eq!(order(voting::next(db, &sam, d).await.unwrap()), mine);

        // Changing the oldest vote makes it the newest.
        voting::vote(db, &sam, d, ids[1], "disagree").await.unwrap();
        let next = voting::next(db, &sam, d).await.unwrap();
        assert_eq!(next.mine[0].0.id, ids[1]);
        assert_eq!(
            next.mine[0].1,
            cohesion_domain::discussion::statements::Vote::Disagree
        );
        assert_eq!(next.mine.len(), 4);
    }
}
