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

mod golden;
mod properties;
