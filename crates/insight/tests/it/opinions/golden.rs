//! Against Pol.is: the golden cases and the conversations of
//! ../shared/data/polis, its groups, representative statements,
//! principal components and projection.

use super::*;

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
