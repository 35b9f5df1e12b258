//! `cohesion analyse opinions` on real Pol.is data (../shared/data/polis;
//! "skipped" when absent) and on bad input.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{command, output};

fn polis_data() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/polis");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipped: ../shared/data/polis is absent");
        None
    }
}

fn num(v: &Value, keys: &[&str]) -> String {
    keys.iter()
        .find_map(|k| match v.get(*k)? {
            Value::Number(n) => Some(n.as_f64().unwrap() as i64),
            Value::String(s) => s.parse::<f64>().ok().map(|f| f as i64),
            _ => None,
        })
        .unwrap()
        .to_string()
}

/// Writes a golden case (Pol.is API JSON) as a CSV export.
fn golden_as_export(case: &Path, out: &Path) {
    let read = |name: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(case.join(name)).unwrap()).unwrap()
    };
    let mut comments = String::from(
        "timestamp,comment-id,author-id,agrees,disagrees,moderated,is-meta,comment-body\n",
    );
    for c in read("comments.json").as_array().unwrap() {
        let meta = c["is_meta"].as_bool().unwrap_or(false);
        comments += &format!(
            "0,{},0,0,0,{},{meta},text\n",
            num(c, &["statement_id", "tid"]),
            num(c, &["moderated", "mod"])
        );
    }
    let mut votes = String::from("timestamp,datetime,comment-id,voter-id,vote\n");
    for v in read("votes.json").as_array().unwrap() {
        votes += &format!(
            "{},x,{},{},{}\n",
            num(v, &["modified"]),
            num(v, &["statement_id", "tid"]),
            num(v, &["participant_id", "pid"]),
            num(v, &["vote"])
        );
    }
    std::fs::write(out.join("comments.csv"), comments).unwrap();
    std::fs::write(out.join("votes.csv"), votes).unwrap();
}

#[tokio::test]
async fn golden_case_gives_polis_consensus_and_groups_as_json() {
    let Some(data) = polis_data() else { return };
    let case = data.join("golden/50ptpt-3gp-strict-no-meta");
    let dir = tempfile::tempdir().unwrap();
    golden_as_export(&case, dir.path());
    let file = dir.path().join("out.json");
    let mut cmd = command(dir.path());
    cmd.args(["analyse", "opinions"])
        .arg(dir.path())
        .args(["--seed", "3", "--output"])
        .arg(&file);
    let (code, out, err) = output(cmd).await;
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty());
    let result: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let math: Value =
        serde_json::from_str(&std::fs::read_to_string(case.join("math-pca2.json")).unwrap())
            .unwrap();
    let polis_agree: Vec<String> = math["consensus"]["agree"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["tid"].to_string())
        .collect();
    let ours: Vec<String> = result["consensus"]["agree"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ours, polis_agree);
    assert_eq!(result["status"], "ok");
    let groups = result["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 3);
    for g in groups {
        assert!(g["id"].is_u64());
        assert!(!g["participants"].as_array().unwrap().is_empty());
        let first = &g["representative"][0];
        assert!(first["statement"].is_string());
        assert!(["agree", "disagree"].contains(&first["direction"].as_str().unwrap()));
        assert!(
            first["p_success"].is_f64()
                && first["p_test"].is_f64()
                && first["repness_test"].is_f64()
        );
    }
    let in_conv = result["participants_in_conversation"].as_array().unwrap();
    assert_eq!(in_conv.len(), 41);
    assert!(
        result["projection"][in_conv[0].as_str().unwrap()]
            .as_array()
            .unwrap()
            .len()
            == 2
    );
    assert!(result["group_aware_consensus"]["5"].is_f64());

    // The same run to standard output gives the same bytes.
    let mut cmd = command(dir.path());
    cmd.args(["analyse", "opinions"])
        .arg(dir.path())
        .args(["--seed", "3"]);
    let (code, out, _) = output(cmd).await;
    assert_eq!(code, 0);
    assert_eq!(out, std::fs::read_to_string(&file).unwrap());
}

#[tokio::test]
async fn participants_votes_only_export_works() {
    let Some(data) = polis_data() else { return };
    let dir = tempfile::tempdir().unwrap();
    let source = data.join("conversations/brexit-consensus/participants-votes.csv");
    std::fs::copy(source, dir.path().join("participants-votes.csv")).unwrap();
    let mut cmd = command(dir.path());
    cmd.args(["analyse", "opinions", "."]);
    let (code, out, err) = output(cmd).await;
    assert_eq!(code, 0, "{err}");
    let result: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(result["status"], "ok");
    assert!(result["groups"].as_array().unwrap().len() >= 2);
}

#[tokio::test]
async fn bad_exports_fail_in_one_line_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    let comments = "timestamp,comment-id,author-id,moderated\n1,0,0,1\n";
    for (votes, expect) in [
        (
            "timestamp,comment-id,voter-id,vote\n1,9,1,1\n",
            "not in comments.csv",
        ),
        (
            "timestamp,comment-id,voter-id,vote\n1,0,1,5\n",
            "is not 1 (agree)",
        ),
        (
            "timestamp,comment-id,vote\n1,0,1\n",
            "missing column \"voter-id\"",
        ),
        (
            "timestamp,comment-id,voter-id,vote\n1,0,abc,1\n",
            "not a whole number",
        ),
    ] {
        std::fs::write(dir.path().join("comments.csv"), comments).unwrap();
        std::fs::write(dir.path().join("votes.csv"), votes).unwrap();
        let mut cmd = command(dir.path());
        cmd.args(["analyse", "opinions", "."]);
        let (code, _, err) = output(cmd).await;
        assert_ne!(code, 0, "{votes}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(err.contains(expect) && !err.contains("panicked"), "{err}");
    }
    let mut cmd = command(dir.path());
    cmd.args(["analyse", "opinions", "does-not-exist"]);
    let (code, _, err) = output(cmd).await;
    assert_ne!(code, 0);
    assert!(err.contains("neither comments.csv and votes.csv"), "{err}");

    // No votes yet, then one participant: a defined "not enough data
    // yet" result.
    std::fs::write(
        dir.path().join("votes.csv"),
        "timestamp,comment-id,voter-id,vote\n",
    )
    .unwrap();
    let mut cmd = command(dir.path());
    cmd.args(["analyse", "opinions", "."]);
    let (code, out, err) = output(cmd).await;
    assert_eq!(code, 0, "{err}");
    let result: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(result["status"], "not_enough_data");
    assert_eq!(result["reason"], "no votes yet");

    std::fs::write(
        dir.path().join("votes.csv"),
        "timestamp,comment-id,voter-id,vote\n1,0,1,1\n",
    )
    .unwrap();
    let mut cmd = command(dir.path());
    cmd.args(["analyse", "opinions", "."]);
    let (code, out, err) = output(cmd).await;
    assert_eq!(code, 0, "{err}");
    let result: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(result["status"], "not_enough_data");
    assert!(result["reason"].is_string());
}
