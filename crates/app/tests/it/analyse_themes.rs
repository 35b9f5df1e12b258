//! `cohesion analyse themes` on a small made-up JSONL file and CSV file.

use crate::support::{command, output};

fn answers() -> String {
    let parks = [
        "More trees and benches in the park please",
        "The park needs benches and shade trees",
        "Plant trees in the park and add benches",
        "Benches in the park are broken, fix them and plant trees",
        "Shade trees and new benches for the park",
    ];
    let buses = [
        "Buses should run later in the evening",
        "Evening buses are too rare, run them later",
        "Run the evening buses later and more often",
        "Later buses in the evening would help shift workers",
        "Evening buses later please, the last one is too early",
    ];
    let mut out = String::new();
    for (i, t) in parks.iter().chain(&buses).enumerate() {
        out.push_str(&serde_json::json!({"rid": i, "answer": t}).to_string());
        out.push('\n');
    }
    out.push_str("{\"rid\": 99, \"answer\": \"agree 100%\"}\n");
    out
}

#[tokio::test]
async fn candidate_themes_then_mapping_to_confirmed_ones() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("answers.jsonl");
    std::fs::write(&input, answers()).unwrap();
    let (code, out, err) = output({
        let mut c = command(dir.path());
        c.args(["analyse", "themes", "--input"]).arg(&input).args([
            "--text-field",
            "answer",
            "--id-field",
            "rid",
        ]);
        c
    })
    .await;
    assert_eq!(code, 0, "{err}");
    let d: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["answers"], 11);
    assert_eq!(d["endorsements"]["count"], 1);
    let themes = d["themes"].as_array().unwrap();
    assert_eq!(themes.len(), 2, "{out}");
    for t in themes {
        assert_eq!(t["quotes"].as_array().unwrap().len(), 3);
        assert_eq!(t["count"]["count"], 5);
        assert!(t["count"]["low"].as_f64().unwrap() < t["count"]["high"].as_f64().unwrap());
    }

    let confirmed = dir.path().join("confirmed.json");
    std::fs::write(
        &confirmed,
        r#"[{"id": "P", "label": "Park benches and trees"},
            {"id": "B", "label": "Later buses", "description": "Evening bus service",
             "examples": ["run the buses later"]}]"#,
    )
    .unwrap();
    let output_file = dir.path().join("mapping.json");
    let (code, _, err) = output({
        let mut c = command(dir.path());
        c.args(["analyse", "themes", "--input"])
            .arg(&input)
            .args(["--text-field", "answer", "--id-field", "rid", "--themes"])
            .arg(&confirmed)
            .arg("--output")
            .arg(&output_file);
        c
    })
    .await;
    assert_eq!(code, 0, "{err}");
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&output_file).unwrap()).unwrap();
    assert_eq!(m["answers"][0]["id"], "0");
    assert_eq!(m["answers"][0]["themes"][0]["theme"], "P");
    assert_eq!(m["answers"][5]["themes"][0]["theme"], "B");
    assert_eq!(m["counts"][0]["count"]["count"], 5);
    assert_eq!(m["counts"][1]["count"]["count"], 5);
}

#[tokio::test]
async fn a_long_run_draws_no_progress_bar_into_a_pipe() {
    // Long enough for the bar (1,000 answers or more), but standard error
    // is a pipe here, as in scripts and logs: it must stay clean.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("answers.csv");
    let mut csv = String::from("rid,answer\n");
    let topics = [
        "park trees benches",
        "evening buses later",
        "library opening hours",
    ];
    for i in 0..3_000 {
        csv.push_str(&format!("{i},{} number {}\n", topics[i % 3], i % 97));
    }
    std::fs::write(&input, csv).unwrap();
    let (code, out, err) = output({
        let mut c = command(dir.path());
        c.args(["analyse", "themes", "--input"]).arg(&input).args([
            "--text-field",
            "answer",
            "--id-field",
            "rid",
        ]);
        c
    })
    .await;
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err:?}");
    let d: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["answers"], 3_000);
}

#[tokio::test]
async fn bad_files_fail_in_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("answers.csv");
    std::fs::write(&csv, b"rid,answer\n1,fine\n2,bad \xff bytes\n3\n").unwrap();
    let jsonl = dir.path().join("answers.jsonl");
    std::fs::write(&jsonl, "{\"rid\": 1, \"answer\": \"x\"}\nnot json\n").unwrap();
    let bad_themes = dir.path().join("themes.json");
    std::fs::write(&bad_themes, "{\"not\": \"a list\"}").unwrap();
    for (input, extra, expect) in [
        (&csv, None, "line 4"),
        (&jsonl, None, "line 2: not a JSON object"),
        (&jsonl, Some(&bad_themes), "line 2"),
    ] {
        let (code, _, err) = output({
            let mut c = command(dir.path());
            c.args(["analyse", "themes", "--input"]).arg(input).args([
                "--text-field",
                "answer",
                "--id-field",
                "rid",
            ]);
            if let Some(t) = extra {
                c.arg("--themes").arg(t);
            }
            c
        })
        .await;
        assert_ne!(code, 0);
        assert!(err.contains(expect), "{expect}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let good = dir.path().join("good.jsonl");
    std::fs::write(&good, "{\"rid\": 1, \"answer\": \"x\"}\n").unwrap();
    let (code, _, err) = output({
        let mut c = command(dir.path());
        c.args(["analyse", "themes", "--input"])
            .arg(&good)
            .args(["--text-field", "answer", "--id-field", "rid", "--themes"])
            .arg(&bad_themes);
        c
    })
    .await;
    assert_ne!(code, 0);
    assert!(err.contains("is not a JSON list of themes"), "{err}");
}
