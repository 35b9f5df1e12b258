//! Properties that hold on any data: permutation, determinism, too
//! little data, the live conversation, and random input.

use super::*;

/// A small conversation with two planted camps and some pass votes.
fn planted(participants: usize, statements: usize, seed: u64) -> Vec<(String, String, Vote)> {
    let mut rng = cohesion_insight::opinions::clustering::stream(seed);
    let mut votes = Vec::new();
    for p in 0..participants {
        let camp = p % 2;
        for s in 0..statements {
            if rng.next_f64() < 0.3 {
                continue; // unseen
            }
            let leans_agree = (s % 2 == camp) ^ (rng.next_f64() < 0.15);
            let vote = if rng.next_f64() < 0.1 {
                Vote::Pass
            } else if leans_agree {
                Vote::Agree
            } else {
                Vote::Disagree
            };
            votes.push((format!("{}", 1000 + p * 7), format!("{}", s * 3), vote));
        }
    }
    votes
}

fn build(statements: &[String], votes: &[(String, String, Vote)], moderated: &str) -> VoteMatrix {
    let mut m = VoteMatrix::new();
    for s in statements {
        m.add_statement(s, s == moderated).unwrap();
    }
    for (p, s, v) in votes {
        m.vote(p, s, *v).unwrap();
    }
    m
}

fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut rng = cohesion_insight::opinions::clustering::stream(seed);
    for i in (1..items.len()).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

#[test]
fn permuting_participants_or_statements_changes_nothing_else() {
    let votes = planted(60, 24, 11);
    let statements: Vec<String> = (0..24).map(|s| format!("{}", s * 3)).collect();
    let reference = analyse(&build(&statements, &votes, "9"), &Options::with_seed(5));
    assert_eq!(reference.status, cohesion_insight::opinions::Status::Ok);
    assert!(reference.groups.len() >= 2);
    assert!(
        reference.group_aware_consensus.get("9").is_none(),
        "moderated out"
    );
    let expected = serde_json::to_string(&reference).unwrap();
    for seed in 0..8 {
        let mut votes = votes.clone();
        let mut statements = statements.clone();
        shuffle(&mut votes, seed); // participants (and votes) in another order
        shuffle(&mut statements, seed + 100);
        let permuted = analyse(&build(&statements, &votes, "9"), &Options::with_seed(5));
        assert_eq!(
            serde_json::to_string(&permuted).unwrap(),
            expected,
            "permutation {seed}"
        );
    }
}

#[test]
fn same_input_and_seed_give_identical_output_on_any_thread() {
    let votes = planted(80, 30, 3);
    let statements: Vec<String> = (0..30).map(|s| format!("{}", s * 3)).collect();
    let m = build(&statements, &votes, "");
    let once = serde_json::to_string(&analyse(&m, &Options::with_seed(42))).unwrap();
    let outputs: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                scope
                    .spawn(|| serde_json::to_string(&analyse(&m, &Options::with_seed(42))).unwrap())
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(outputs.iter().all(|o| *o == once));
}

#[test]
fn too_little_data_is_a_defined_result_not_a_panic() {
    use cohesion_insight::opinions::Status;
    let empty = analyse(&VoteMatrix::new(), &Options::default());
    assert_eq!(empty.status, Status::NotEnoughData);
    assert_eq!(empty.reason.as_deref(), Some("no votes yet"));

    let mut one = VoteMatrix::new();
    one.add_statement("1", false).unwrap();
    one.add_statement("2", false).unwrap();
    one.vote("7", "1", Vote::Agree).unwrap();
    one.vote("7", "2", Vote::Disagree).unwrap();
    let single = analyse(&one, &Options::default());
    assert_eq!(single.status, Status::NotEnoughData);
    assert_eq!(single.participants_in_conversation, vec!["7"]);
    assert_eq!(
        single.reason.as_deref(),
        Some("only one participant has voted so far")
    );
    assert!(single.groups.is_empty());

    let mut same = VoteMatrix::new();
    for s in 0..10 {
        same.add_statement(&s.to_string(), false).unwrap();
    }
    for p in 0..30 {
        for s in 0..10 {
            same.vote(&p.to_string(), &s.to_string(), Vote::Agree)
                .unwrap();
        }
    }
    let identical = analyse(&same, &Options::default());
    assert_eq!(identical.status, Status::NotEnoughData);
    assert!(identical.reason.unwrap().contains("voted the same way"));
    // Everyone agreeing is still a consensus.
    assert_eq!(identical.consensus.agree.len(), 5);

    let mut all_out = VoteMatrix::new();
    all_out.add_statement("1", true).unwrap();
    all_out.vote("7", "1", Vote::Agree).unwrap();
    assert_eq!(
        analyse(&all_out, &Options::default()).status,
        Status::NotEnoughData
    );
}

#[test]
fn live_conversation_equals_a_fresh_analysis_after_each_vote() {
    let votes = planted(40, 16, 9);
    let statements: Vec<String> = (0..16).map(|s| format!("{}", s * 3)).collect();
    let (first, rest) = votes.split_at(votes.len() - 5);
    let mut live = cohesion_insight::opinions::LiveConversation::new(Options::with_seed(1));
    for s in &statements {
        live.add_statement(s, false).unwrap();
    }
    for (p, s, v) in first {
        live.add_vote(p, s, *v).unwrap();
    }
    let before = live.analysis().clone();
    assert_eq!(before.status, cohesion_insight::opinions::Status::Ok);
    for (i, (p, s, v)) in rest.iter().enumerate() {
        live.add_vote(p, s, *v).unwrap();
        let fresh = analyse(
            &build(&statements, &votes[..first.len() + i + 1], ""),
            &Options::with_seed(1),
        );
        assert_eq!(*live.analysis(), fresh, "after vote {i}");
    }
    assert!(live
        .add_vote("1", "no-such-statement", Vote::Agree)
        .is_err());
    live.moderate("0", true).unwrap();
    assert!(live.analysis().group_aware_consensus.get("0").is_none());
}

/// Random, mostly malformed exports: the importer answers with a value or
/// an error, and whatever it accepts analyses without panicking.
#[test]
fn random_exports_never_panic() {
    use cohesion_insight::opinions::import;
    let mut rng = cohesion_insight::opinions::clustering::stream(2024);
    let alphabet: Vec<char> = "0123456789,,,\n\n--1 \"ax.".chars().collect();
    let mut random_text = |len: usize| -> String {
        (0..len)
            .map(|_| alphabet[(rng.next_u64() % alphabet.len() as u64) as usize])
            .collect()
    };
    let mut accepted = 0;
    for i in 0..2000 {
        let comments = format!("timestamp,comment-id,moderated\n{}", random_text(i % 40));
        let votes = format!(
            "timestamp,comment-id,voter-id,vote\n{}",
            random_text(i % 200)
        );
        let wide = format!("participant,group-id,0,1,2\n{}", random_text(i % 120));
        if let Ok(m) = import::read_comments_and_votes(comments.as_bytes(), votes.as_bytes()) {
            accepted += 1;
            analyse(&m, &Options::with_seed(i as u64));
        }
        if let Ok(m) = import::read_participants_votes(wide.as_bytes()) {
            accepted += 1;
            analyse(&m, &Options::with_seed(i as u64));
        }
    }
    assert!(accepted > 0, "some random exports should be valid");
}

/// Small random conversations, full of edge cases (a handful of people,
/// identical votes, everything moderated out): never a panic, and when
/// there are groups, at least two, none of a single participant, every
/// figure finite.
#[test]
fn small_random_conversations_are_handled() {
    use cohesion_insight::opinions::Status;
    let mut rng = cohesion_insight::opinions::clustering::stream(77);
    let mut with_groups = 0;
    for round in 0..3000u64 {
        let people = 1 + rng.next_u64() % 24;
        let statements = 1 + rng.next_u64() % 9;
        let mut m = VoteMatrix::new();
        for s in 0..statements {
            m.add_statement(&s.to_string(), rng.next_f64() < 1.0 / 7.0)
                .unwrap();
        }
        let density = rng.next_f64();
        for p in 0..people {
            for s in 0..statements {
                if rng.next_f64() < density {
                    let vote =
                        [Vote::Agree, Vote::Disagree, Vote::Pass][(rng.next_u64() % 3) as usize];
                    m.vote(&p.to_string(), &s.to_string(), vote).unwrap();
                }
            }
        }
        let a = analyse(&m, &Options::with_seed(round));
        let json = serde_json::to_string(&a).unwrap();
        if a.status == Status::Ok {
            with_groups += 1;
            assert!(a.groups.len() >= 2);
            assert!(a.groups.iter().all(|g| g.participants.len() >= 2), "{json}");
        } else {
            assert!(a.groups.is_empty() && a.reason.is_some());
        }
        for r in a.groups.iter().flat_map(|g| &g.representative) {
            let figures = [r.p_success, r.p_test, r.repness, r.repness_test];
            assert!(figures.iter().all(|f| f.is_finite()), "{json}");
        }
        for (_, xy) in &a.projection.0 {
            assert!(xy[0].is_finite() && xy[1].is_finite());
        }
        for (_, v) in a.group_aware_consensus.0.iter().chain(&a.bridging.0) {
            assert!(v.is_finite() && (0.0..=1.0).contains(v));
        }
    }
    assert!(with_groups > 100, "only {with_groups} rounds had groups");
}
