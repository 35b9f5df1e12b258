//! Opinion groups: conformance with Pol.is's own output on the golden
//! cases of ../shared/data/polis, bad input, permutation and determinism.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use cohesion_insight::opinions::{
    analyse, ari::adjusted_rand_index, Analysis, Options, Vote, VoteMatrix,
};
use serde_json::Value;

fn polis_data() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/polis");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipped: ../shared/data/polis is absent");
        None
    }
}

fn read_json(path: PathBuf) -> Value {
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

fn int(v: &Value, keys: &[&str]) -> Option<i64> {
    keys.iter().find_map(|k| match v.get(*k)? {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => s.parse::<f64>().ok().map(|f| f as i64),
        _ => None,
    })
}

/// A golden case's votes and comments as a vote matrix (latest vote wins,
/// moderated-out and meta statements out), and Pol.is's math output.
fn golden_case(dir: &std::path::Path) -> (VoteMatrix, Value) {
    let comments = read_json(dir.join("comments.json"));
    let votes = read_json(dir.join("votes.json"));
    let math = read_json(dir.join("math-pca2.json"));
    let mut m = VoteMatrix::new();
    for c in comments.as_array().unwrap() {
        let id = int(c, &["statement_id", "tid"]).unwrap();
        let moderated = int(c, &["moderated", "mod"]).unwrap_or(0);
        let meta = c.get("is_meta").and_then(Value::as_bool).unwrap_or(false);
        m.add_statement(&id.to_string(), moderated == -1 || meta)
            .unwrap();
    }
    let mut log: Vec<(i64, String, String, Vote)> = votes
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                int(v, &["modified"]).unwrap_or(0),
                int(v, &["participant_id", "pid"]).unwrap().to_string(),
                int(v, &["statement_id", "tid"]).unwrap().to_string(),
                Vote::from_polis(int(v, &["vote"]).unwrap()).unwrap(),
            )
        })
        .collect();
    log.sort_by_key(|v| v.0);
    for (_, p, s, vote) in log {
        if m.statement_index(&s).is_none() {
            m.add_statement(&s, false).unwrap();
        }
        m.vote(&p, &s, vote).unwrap();
    }
    (m, math)
}

/// Pol.is never drops a participant once in the conversation, so its
/// `in-conv` holds people who qualified when the conversation had fewer
/// statements. Marking them kept reproduces that history.
fn keep_polis_in_conv(m: &mut VoteMatrix, math: &Value) {
    for p in ids(&math["in-conv"]) {
        m.keep_in_conversation(&p);
    }
}

/// A base cluster: position, size, Pol.is's group, ours.
type Weighted = ([f64; 2], f64, usize, usize);

/// Within-group sum of squares of two labelings of Pol.is's own base
/// clusters (its coordinates, weighted by size): (Pol.is's, ours). Our
/// label of a base cluster is the group most of its members are in.
fn within_group_ss(a: &Analysis, math: &Value) -> (f64, f64) {
    let base = &math["base-clusters"];
    let coords: Vec<(String, [f64; 2], Vec<String>)> = ids(&base["id"])
        .into_iter()
        .zip(base["x"].as_array().unwrap())
        .zip(base["y"].as_array().unwrap())
        .zip(base["members"].as_array().unwrap())
        .map(|(((id, x), y), m)| (id, [x.as_f64().unwrap(), y.as_f64().unwrap()], ids(m)))
        .collect();
    let mut polis_label: HashMap<String, usize> = HashMap::new();
    for g in math["group-clusters"].as_array().unwrap() {
        for b in ids(&g["members"]) {
            polis_label.insert(b, g["id"].as_u64().unwrap() as usize);
        }
    }
    let mut points = Vec::new();
    for (id, xy, members) in &coords {
        let mut tally: HashMap<usize, usize> = HashMap::new();
        for p in members {
            if let Some(g) = a.group_of(p) {
                *tally.entry(g).or_default() += 1;
            }
        }
        let ours = tally
            .into_iter()
            .max_by_key(|&(g, n)| (n, std::cmp::Reverse(g)))
            .map(|(g, _)| g);
        if let (Some(ours), Some(&theirs)) = (ours, polis_label.get(id)) {
            points.push((*xy, members.len() as f64, theirs, ours));
        }
    }
    let ss = |label: &dyn Fn(&Weighted) -> usize| {
        let mut sums: HashMap<usize, (f64, f64, f64)> = HashMap::new();
        for p in &points {
            let e = sums.entry(label(p)).or_default();
            e.0 += p.1 * p.0[0];
            e.1 += p.1 * p.0[1];
            e.2 += p.1;
        }
        points
            .iter()
            .map(|p| {
                let (sx, sy, w) = sums[&label(p)];
                let (cx, cy) = (sx / w, sy / w);
                p.1 * ((p.0[0] - cx).powi(2) + (p.0[1] - cy).powi(2))
            })
            .sum::<f64>()
    };
    (ss(&|p| p.2), ss(&|p| p.3))
}

struct Comparison {
    in_conv_ours: usize,
    in_conv_polis: usize,
    in_conv_missing: Vec<String>,
    in_conv_extra: Vec<String>,
    ari: f64,
    k_ours: usize,
    k_polis: usize,
    top_rep_matches: usize,
    /// Groups whose whole list of representative statements (ids and
    /// directions, in order) is Pol.is's.
    full_rep_matches: usize,
    top_rep_note: Vec<String>,
    consensus_agree_ours: Vec<String>,
    consensus_agree_polis: Vec<String>,
    consensus_disagree_ours: Vec<String>,
    consensus_disagree_polis: Vec<String>,
}

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_i64().unwrap().to_string())
        .collect()
}

fn compare(a: &Analysis, math: &Value) -> Comparison {
    let polis_in: BTreeSet<String> = ids(&math["in-conv"]).into_iter().collect();
    let ours_in: BTreeSet<String> = a.participants_in_conversation.iter().cloned().collect();
    // Pol.is's group clusters list base clusters; base clusters list
    // participants.
    let base = &math["base-clusters"];
    let base_members: HashMap<String, Vec<String>> = ids(&base["id"])
        .into_iter()
        .zip(base["members"].as_array().unwrap().iter().map(ids))
        .collect();
    let members = |g: &Value| -> Vec<String> {
        ids(&g["members"])
            .iter()
            .flat_map(|b| base_members[b].iter().cloned())
            .collect()
    };
    let mut polis_group: HashMap<String, usize> = HashMap::new();
    let polis_groups = math["group-clusters"].as_array().unwrap();
    for g in polis_groups {
        let gid = g["id"].as_u64().unwrap() as usize;
        for p in members(g) {
            polis_group.insert(p, gid);
        }
    }
    let both: Vec<&String> = polis_group
        .keys()
        .filter(|p| a.group_of(p).is_some())
        .collect();
    let theirs: Vec<usize> = both.iter().map(|p| polis_group[*p]).collect();
    let ours: Vec<usize> = both.iter().map(|p| a.group_of(p).unwrap()).collect();
    let ari = adjusted_rand_index(&theirs, &ours);
    // Match each Pol.is group to our group holding most of its members,
    // then compare the first representative statement.
    let mut top_rep_matches = 0;
    let mut full_rep_matches = 0;
    let mut top_rep_note = Vec::new();
    for g in polis_groups {
        let gid = g["id"].as_u64().unwrap().to_string();
        let mut tally: HashMap<usize, usize> = HashMap::new();
        for p in members(g) {
            if let Some(o) = a.group_of(&p) {
                *tally.entry(o).or_default() += 1;
            }
        }
        let Some((&ours_gid, _)) = tally
            .iter()
            .max_by_key(|(g, n)| (**n, std::cmp::Reverse(**g)))
        else {
            continue;
        };
        let polis_top = math["repness"][&gid][0]["tid"]
            .as_i64()
            .map(|t| t.to_string());
        let ours_top = a.groups[ours_gid]
            .representative
            .first()
            .map(|r| r.statement.clone());
        let polis_all: Vec<(String, String)> = math["repness"][&gid]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["tid"].as_i64().unwrap().to_string(),
                    r["repful-for"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let ours_all: Vec<(String, String)> = a.groups[ours_gid]
            .representative
            .iter()
            .map(|r| {
                let d = serde_json::to_value(r.direction).unwrap();
                (r.statement.clone(), d.as_str().unwrap().to_owned())
            })
            .collect();
        if polis_all == ours_all {
            full_rep_matches += 1;
        }
        if polis_top.is_some() && polis_top == ours_top {
            top_rep_matches += 1;
        } else {
            top_rep_note.push(format!(
                "polis group {gid}: {polis_top:?}, ours {ours_top:?}"
            ));
        }
    }
    let tids = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x["tid"].as_i64().unwrap().to_string())
            .collect()
    };
    Comparison {
        in_conv_ours: ours_in.len(),
        in_conv_polis: polis_in.len(),
        in_conv_missing: polis_in.difference(&ours_in).cloned().collect(),
        in_conv_extra: ours_in.difference(&polis_in).cloned().collect(),
        ari,
        k_ours: a.groups.len(),
        k_polis: polis_groups.len(),
        top_rep_matches,
        full_rep_matches,
        top_rep_note,
        consensus_agree_ours: a.consensus.agree.clone(),
        consensus_agree_polis: tids(&math["consensus"]["agree"]),
        consensus_disagree_ours: a.consensus.disagree.clone(),
        consensus_disagree_polis: tids(&math["consensus"]["disagree"]),
    }
}

#[test]
fn golden_report() {
    let Some(dir) = polis_data() else { return };
    let mut cases: Vec<_> = std::fs::read_dir(dir.join("golden"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    for case in cases {
        let (mut m, math) = golden_case(&case);
        let plain_votes = m.clone();
        let plain = analyse(&m, &Options::default());
        let c0 = compare(&plain, &math);
        keep_polis_in_conv(&mut m, &math);
        let a = analyse(&m, &Options::default());
        let c = compare(&a, &math);
        let compat = Options {
            projection: cohesion_insight::opinions::Projection::PolisCompatible,
            ..Options::default()
        };
        let c1 = compare(&analyse(&plain_votes, &compat), &math);
        let full = Options {
            projection: cohesion_insight::opinions::Projection::PolisCompatible,
            seeding: cohesion_insight::opinions::Seeding::FirstDistinct,
            ..Options::default()
        };
        let c2 = compare(&analyse(&m, &full), &math);
        let c3 = compare(&analyse(&plain_votes, &full), &math);
        println!(
            "  without history: in-conv {} ARI {:.3}; Pol.is-compatible projection: k {} ARI {:.3}; both compatible: k {} ARI {:.3} top {} full {} (no history: k {} ARI {:.3})",
            c0.in_conv_ours, c0.ari, c1.k_ours, c1.ari, c2.k_ours, c2.ari, c2.top_rep_matches, c2.full_rep_matches, c3.k_ours, c3.ari
        );
        println!(
            "{} (full repness lists equal: {}): in-conv ours {} polis {} missing {:?} extra {:?}; k ours {} polis {}; ARI {:.3}; top rep {}/{} {:?}; consensus agree {:?} vs {:?}; disagree {:?} vs {:?}; silhouettes {:?}",
            case.file_name().unwrap().to_string_lossy(),
            c.full_rep_matches,
            c.in_conv_ours,
            c.in_conv_polis,
            c.in_conv_missing,
            c.in_conv_extra,
            c.k_ours,
            c.k_polis,
            c.ari,
            c.top_rep_matches,
            c.k_polis,
            c.top_rep_note,
            c.consensus_agree_ours,
            c.consensus_agree_polis,
            c.consensus_disagree_ours,
            c.consensus_disagree_polis,
            a.silhouettes,
        );
    }
}

/// What each golden case is expected to reproduce. Pol.is computes groups
/// incrementally: every math tick starts k-means from the previous tick's
/// clusters and only changes k after the same best k has been seen four
/// ticks running, so its groups depend on the order votes arrived in. We
/// compute from scratch (seeded k-means++, restarts, best of them), so on
/// conversations without clear-cut groups the two can settle on different,
/// equally good partitions. Where the groups differ (ARI < 0.95) the test
/// instead checks the justification: on Pol.is's own coordinates our
/// partition has a within-group sum of squares no larger than Pol.is's,
/// i.e. it is at least as good a solution of the problem both solve.
/// The library's Pol.is-compatible mode (its projection scaling, its
/// seeding, its in-conversation history supplied) is checked too.
/// Where top representative statements differ it is because the groups
/// do: given Pol.is's groups, ours are Pol.is's in every case (see
/// `given_polis_groups_repness_and_group_aware_consensus_are_polis`).
struct Expected {
    case: &'static str,
    /// ARI ≥ 0.95 against Pol.is's groups; otherwise the deviation above.
    same_groups: bool,
    /// Same number of groups as Pol.is.
    same_k: bool,
    /// In the Pol.is-compatible mode (its projection scaling, its seeding,
    /// its in-conversation history), ARI ≥ 0.95 and the same top
    /// representative statement for every group.
    compatible_groups: bool,
}

const EXPECTED: [Expected; 5] = [
    // Deviation: three loosely separated groups; our partition has the
    // lower within-group sum of squares on Pol.is's coordinates (ARI 0.52).
    // The Pol.is-compatible mode reproduces Pol.is's groups (ARI 0.98).
    Expected {
        case: "150ptpt-3gp-no-strict-no-meta",
        same_groups: false,
        same_k: true,
        compatible_groups: true,
    },
    // Deviation: 27 participants with no clear-cut groups; two partitions
    // within 1 % of each other's sum of squares, ours the lower (ARI 0.63,
    // also in the Pol.is-compatible mode: Pol.is's rows were not in id
    // order when it seeded its clustering).
    Expected {
        case: "25ptpt-3gp-no-strict-with-meta",
        same_groups: false,
        same_k: true,
        compatible_groups: false,
    },
    Expected {
        case: "50ptpt-3gp-strict-no-meta",
        same_groups: true,
        same_k: true,
        compatible_groups: true,
    },
    // Deviation in k only: the groups agree (ARI 0.97) but the silhouette
    // on the current votes is best at k = 5 and Pol.is's k-smoother still
    // held 4; our fifth group is split from one of Pol.is's, which changes
    // the top representative statement of the two groups concerned. The
    // Pol.is-compatible mode finds 4 groups, at ARI 0.93.
    Expected {
        case: "above-100-ptpts",
        same_groups: true,
        same_k: false,
        compatible_groups: false,
    },
    // Deviation: 23 participants, 19 of them above the vote threshold;
    // ours has the lower within-group sum of squares (ARI 0.41). The
    // silhouette prefers 2 groups in the Pol.is-compatible mode, where
    // Pol.is, whose k changes only after several ticks, still showed 3.
    Expected {
        case: "below-100-ptpts",
        same_groups: false,
        same_k: true,
        compatible_groups: false,
    },
];

#[test]
fn golden_cases_match_polis_or_deviate_as_documented() {
    let Some(dir) = polis_data() else { return };
    for expected in &EXPECTED {
        let (m, math) = golden_case(&dir.join("golden").join(expected.case));
        let a = analyse(&m, &Options::default());
        let c = compare(&a, &math);
        let case = expected.case;

        // Consensus statements: identical lists, in order, both ways.
        assert_eq!(
            c.consensus_agree_ours, c.consensus_agree_polis,
            "{case}: consensus agree"
        );
        assert_eq!(
            c.consensus_disagree_ours, c.consensus_disagree_polis,
            "{case}: consensus disagree"
        );

        // In-conversation participants: ours is Pol.is's minus people who
        // have fewer than 7 votes now (Pol.is let them in when the
        // conversation had fewer statements and never drops anyone).
        assert!(
            c.in_conv_extra.is_empty(),
            "{case}: extra {:?}",
            c.in_conv_extra
        );
        for p in &c.in_conv_missing {
            let votes = math["user-vote-counts"][p].as_u64().unwrap();
            assert!(
                votes < 7,
                "{case}: participant {p} has {votes} votes but is not in"
            );
        }
        // With that history supplied, the sets are identical.
        let mut with_history = m.clone();
        keep_polis_in_conv(&mut with_history, &math);
        let h = compare(&analyse(&with_history, &Options::default()), &math);
        assert!(
            h.in_conv_missing.is_empty() && h.in_conv_extra.is_empty(),
            "{case}: with history"
        );
        assert_eq!(h.in_conv_ours, h.in_conv_polis);

        assert_eq!(
            c.k_ours == c.k_polis,
            expected.same_k,
            "{case}: k ours {} polis {}",
            c.k_ours,
            c.k_polis
        );
        if expected.same_groups {
            assert!(c.ari >= 0.95, "{case}: ARI {}", c.ari);
        } else {
            assert!(
                c.ari < 0.95,
                "{case}: now matches (ARI {}); update EXPECTED",
                c.ari
            );
            let (theirs, ours) = within_group_ss(&a, &math);
            assert!(
                ours <= theirs * (1.0 + 1e-9),
                "{case}: within-group SS ours {ours} > Pol.is {theirs}"
            );
        }
        let compatible = Options {
            projection: cohesion_insight::opinions::Projection::PolisCompatible,
            seeding: cohesion_insight::opinions::Seeding::FirstDistinct,
            ..Options::default()
        };
        let cc = compare(&analyse(&with_history, &compatible), &math);
        if expected.compatible_groups {
            assert!(cc.ari >= 0.95, "{case}: Pol.is-compatible ARI {}", cc.ari);
            assert_eq!(
                cc.top_rep_matches, c.k_polis,
                "{case}: Pol.is-compatible {:?}",
                cc.top_rep_note
            );
        } else {
            assert!(
                cc.ari < 0.95,
                "{case}: Pol.is-compatible mode now matches (ARI {}); update EXPECTED",
                cc.ari
            );
        }
        if expected.same_groups && expected.same_k {
            assert_eq!(
                c.top_rep_matches, c.k_polis,
                "{case}: top representative {:?}",
                c.top_rep_note
            );
        }
    }
}

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

#[test]
fn every_conversation_gets_groups_comparable_to_polis() {
    let Some(dir) = polis_data() else { return };
    let mut names: Vec<_> = std::fs::read_dir(dir.join("conversations"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for conversation in names {
        let m = cohesion_insight::opinions::import::read_dir(&conversation).unwrap();
        let a = analyse(&m, &Options::default());
        assert_eq!(
            a.status,
            cohesion_insight::opinions::Status::Ok,
            "{}",
            conversation.display()
        );
        let file = std::fs::File::open(conversation.join("participants-votes.csv")).unwrap();
        let polis = cohesion_insight::opinions::import::read_polis_groups(file).unwrap();
        let (theirs, ours): (Vec<String>, Vec<usize>) = polis
            .into_iter()
            .filter_map(|(p, g)| Some((g?, a.group_of(&p)?)))
            .unzip();
        let ari = adjusted_rand_index(&theirs, &ours);
        println!(
            "{}: ARI {ari:.3} over {} participants",
            conversation.display(),
            theirs.len()
        );
        // Far from chance everywhere (the figures are in BENCHMARKS.md).
        assert!(ari > 0.3, "{}: ARI {ari}", conversation.display());
    }
}

/// Given Pol.is's own groups, our representative statements (whole lists,
/// in order, with their figures) and group-aware consensus are Pol.is's:
/// the statistics and the selection are conformant, and differences in the
/// golden cases come only from the groups.
#[test]
fn given_polis_groups_repness_and_group_aware_consensus_are_polis() {
    use cohesion_insight::opinions::{consensus, matrix::Prepared, repness};
    let Some(dir) = polis_data() else { return };
    for expected in &EXPECTED {
        let case = expected.case;
        let (mut m, math) = golden_case(&dir.join("golden").join(case));
        keep_polis_in_conv(&mut m, &math);
        let prepared = Prepared::new(&m);
        let id_of_row = |r: usize| m.participants()[prepared.participants[r] as usize].clone();
        let base = &math["base-clusters"];
        let base_members: HashMap<String, Vec<String>> = ids(&base["id"])
            .into_iter()
            .zip(base["members"].as_array().unwrap().iter().map(ids))
            .collect();
        let groups = math["group-clusters"].as_array().unwrap();
        let mut group_of: HashMap<String, usize> = HashMap::new();
        for (index, g) in groups.iter().enumerate() {
            for b in ids(&g["members"]) {
                for p in &base_members[&b] {
                    group_of.insert(p.clone(), index);
                }
            }
        }
        let (rows, labels): (Vec<usize>, Vec<usize>) = (0..prepared.rows())
            .filter_map(|r| Some((r, *group_of.get(&id_of_row(r))?)))
            .unzip();
        let counts = repness::group_counts(&prepared, &rows, &labels, groups.len());
        let selected = repness::select(&counts, 5);
        let sid = |c: usize| m.statements()[prepared.columns[c] as usize].clone();
        for (index, g) in groups.iter().enumerate() {
            let gid = g["id"].as_u64().unwrap().to_string();
            let theirs = math["repness"][&gid].as_array().unwrap();
            let ours = &selected[index];
            assert_eq!(ours.len(), theirs.len(), "{case} group {gid}");
            for (o, t) in ours.iter().zip(theirs) {
                assert_eq!(
                    sid(o.column),
                    t["tid"].as_i64().unwrap().to_string(),
                    "{case} group {gid}"
                );
                assert_eq!(o.agree, t["repful-for"] == "agree", "{case} group {gid}");
                assert_eq!(o.n_success as u64, t["n-success"].as_u64().unwrap());
                assert_eq!(o.n_trials as u64, t["n-trials"].as_u64().unwrap());
                assert!((o.p_success - t["p-success"].as_f64().unwrap()).abs() < 1e-9);
                assert!((o.p_test - t["p-test"].as_f64().unwrap()).abs() < 1e-6);
                assert!((o.repness - t["repness"].as_f64().unwrap()).abs() < 1e-6);
                // Pol.is stores this one as a 32-bit float.
                assert!((o.repness_test - t["repness-test"].as_f64().unwrap()).abs() < 1e-5);
                assert_eq!(
                    o.best_agree,
                    t.get("best-agree").is_some(),
                    "{case} group {gid}"
                );
            }
        }
        let (gac, _) = consensus::group_aware(&counts);
        let mut compared = 0;
        for (c, value) in gac.iter().enumerate() {
            if let Some(theirs) = math["group-aware-consensus"][sid(c)].as_f64() {
                compared += 1;
                assert!(
                    (value - theirs).abs() < 1e-9,
                    "{case} statement {}: {value} vs {theirs}",
                    sid(c)
                );
            }
        }
        assert!(
            compared >= prepared.cols() / 2,
            "{case}: only {compared} compared"
        );
    }
}

/// Our principal components are Pol.is's (up to sign): the PCA with
/// column-mean imputation is the same computation.
#[test]
fn principal_components_are_polis() {
    use cohesion_insight::opinions::{matrix::Prepared, pca};
    let Some(dir) = polis_data() else { return };
    for expected in &EXPECTED {
        let case = expected.case;
        let (m, math) = golden_case(&dir.join("golden").join(case));
        let prepared = Prepared::new(&m);
        let fit = pca::fit(&prepared).unwrap();
        let tids: Vec<String> = ids(&math["tids"]);
        for k in 0..2 {
            let theirs: HashMap<&str, f64> = tids
                .iter()
                .map(String::as_str)
                .zip(
                    math["pca"]["comps"][k]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_f64().unwrap()),
                )
                .collect();
            let (mut dot, mut norm) = (0.0, 0.0);
            for (c, &ours) in fit.components[k].iter().enumerate() {
                let sid = &m.statements()[prepared.columns[c] as usize];
                let t = theirs.get(sid.as_str()).copied().unwrap_or(0.0);
                dot += ours * t;
                norm += t * t;
            }
            let cosine = dot.abs() / norm.sqrt();
            println!("{case}: component {k} |cos| {cosine:.6}");
            assert!(cosine > 0.99, "{case}: component {k} |cos| {cosine}");
        }
    }
}

/// With the Pol.is-compatible scaling, participants land where Pol.is put
/// them (checked where a base cluster holds one participant, so its
/// centre is that participant's position), each axis up to sign: to
/// 1e-9 in three cases, within 0.1 in the other two (50ptpt, where
/// Pol.is's iterative PCA stopped short of convergence, |cos| 0.99925 to
/// ours; above-100-ptpts, components equal to six decimals).
#[test]
fn polis_compatible_projection_puts_participants_where_polis_does() {
    use cohesion_insight::opinions::Projection;
    let Some(dir) = polis_data() else { return };
    for expected in &EXPECTED {
        let case = expected.case;
        let (m, math) = golden_case(&dir.join("golden").join(case));
        let options = Options {
            projection: Projection::PolisCompatible,
            ..Options::default()
        };
        let a = analyse(&m, &options);
        let base = &math["base-clusters"];
        let singles: Vec<(String, [f64; 2])> = base["members"]
            .as_array()
            .unwrap()
            .iter()
            .zip(
                base["x"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .zip(base["y"].as_array().unwrap()),
            )
            .filter(|(members, _)| members.as_array().unwrap().len() == 1)
            .map(|(members, (x, y))| {
                (
                    ids(members).remove(0),
                    [x.as_f64().unwrap(), y.as_f64().unwrap()],
                )
            })
            .collect();
        assert!(!singles.is_empty(), "{case}");
        for axis in 0..2 {
            let dot: f64 = singles
                .iter()
                .map(|(p, xy)| a.projection.get(p).unwrap()[axis] * xy[axis])
                .sum();
            let sign = dot.signum();
            let worst = singles
                .iter()
                .map(|(p, xy)| (a.projection.get(p).unwrap()[axis] * sign - xy[axis]).abs())
                .fold(0.0, f64::max);
            println!(
                "{case}: axis {axis}, {} participants, largest difference {worst:.2e}",
                singles.len()
            );
            assert!(worst < 0.15, "{case}: axis {axis} differs by {worst}");
        }
    }
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
