//! `cohesion analyse moderation train|eval|score` on small made-up files.

use std::path::Path;

use crate::support::{command, output};

/// Made-up labelled comments: "spam" pushes links and offers, "ok" talks
/// about the park. Labels are strings here and integers in another test.
fn write_training_csv(path: &Path, spam: &str, ok: &str) {
    let mut csv = String::from("id,comment,verdict,extra\n");
    let spam_texts = [
        "Buy cheap watches now, click the link",
        "Cheap loans! Click here to win money",
        "Win a free prize, click this link now",
        "Earn money fast, buy followers cheap",
    ];
    let ok_texts = [
        "The park needs more benches near the pond",
        "Please keep the library open on Sundays",
        "More trees along the high street would help",
        "The playground by the park is lovely",
    ];
    let mut id = 0;
    for _ in 0..15 {
        for t in spam_texts {
            id += 1;
            csv.push_str(&format!("{id},\"{t}\",{spam},x\n"));
        }
        for t in ok_texts {
            id += 1;
            csv.push_str(&format!("{id},\"{t}\",{ok},x\n"));
        }
    }
    std::fs::write(path, csv).unwrap();
}

/// `eval` of `model` on the labelled file `data`: its JSON, the command
/// having succeeded.
async fn evaluate(dir: &Path, model: &Path, data: &Path) -> serde_json::Value {
    let (code, out, err) = output({
        let mut c = command(dir);
        c.args(["analyse", "moderation", "eval", "--model"])
            .arg(model)
            .arg("--input")
            .arg(data)
            .args(["--text-column", "comment", "--label-column", "verdict"]);
        c
    })
    .await;
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[tokio::test]
async fn train_eval_score_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("labelled.csv");
    write_training_csv(&data, "spam", "ok");
    let model = dir.path().join("model.bin");

    let (code, out, err) = output({
        let mut c = command(dir.path());
        c.args(["analyse", "moderation", "train", "--input"])
            .arg(&data)
            .args([
                "--text-column",
                "comment",
                "--label-column",
                "verdict",
                "--model",
            ])
            .arg(&model);
        c
    })
    .await;
    assert_eq!(code, 0, "{err}");
    let summary: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(summary["examples"], 120);
    assert_eq!(summary["labels"], serde_json::json!(["ok", "spam"]));

    let eval = evaluate(dir.path(), &model, &data).await;
    assert_eq!(eval["macro_f1"], 1.0);
    assert_eq!(eval["confusion"], serde_json::json!([[60, 0], [0, 60]]));
    assert_eq!(eval["per_class"][1]["label"], "spam");
    assert_eq!(eval["per_class"][1]["precision"], 1.0);

    let to_score = dir.path().join("new.csv");
    std::fs::write(
        &to_score,
        "ref,comment\nA1,\"click the link, cheap money\"\nA2,the park and the library\nA3,\n",
    )
    .unwrap();
    let (code, out, err) = output({
        let mut c = command(dir.path());
        c.args(["analyse", "moderation", "score", "--model"])
            .arg(&model)
            .arg("--input")
            .arg(&to_score)
            .args(["--text-column", "comment", "--id-column", "ref"]);
        c
    })
    .await;
    assert_eq!(code, 0, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "A1");
    assert_eq!(lines[0]["label"], "spam");
    assert_eq!(lines[1]["label"], "ok");
    let scores = lines[0]["scores"].as_object().unwrap();
    let total: f64 = scores.values().map(|v| v.as_f64().unwrap()).sum();
    assert!((total - 1.0).abs() < 1e-3, "{scores:?}");
    let why = lines[0]["explanation"].as_array().unwrap();
    assert!(!why.is_empty());
    assert!(why[0]["ngram"].is_string() && why[0]["weight"].is_number());
    // An empty comment still gets a line (decided by the class balance).
    assert_eq!(lines[2]["id"], "A3");
    assert!(lines[2]["explanation"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn integer_labels_and_bad_input_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("labelled.csv");
    write_training_csv(&data, "1", "0");
    let model = dir.path().join("model.bin");
    let train = |label_column: &'static str, input: std::path::PathBuf| {
        let mut c = command(dir.path());
        c.args(["analyse", "moderation", "train", "--input"])
            .arg(input)
            .args([
                "--text-column",
                "comment",
                "--label-column",
                label_column,
                "--model",
            ])
            .arg(&model);
        c
    };
    let (code, out, err) = output(train("verdict", data.clone())).await;
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"0\"") && out.contains("\"1\""), "{out}");

    // A missing column, a missing file, one class only, a short row:
    // one clear line on stderr each, no panic.
    let one_class = dir.path().join("one.csv");
    std::fs::write(&one_class, "comment,verdict\na,x\nb,x\n").unwrap();
    let short = dir.path().join("short.csv");
    std::fs::write(&short, "comment,verdict\na,1\nb\n").unwrap();
    for (column, input, expect) in [
        ("label", data.clone(), "column \"label\" not found"),
        ("verdict", dir.path().join("absent.csv"), "cannot open"),
        ("verdict", one_class, "at least two classes"),
        ("verdict", short, "line 3"),
    ] {
        let (code, _, err) = output(train(column, input)).await;
        assert_ne!(code, 0);
        assert!(err.contains(expect), "{expect}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }

    // The SVM learner on naive-Bayes-weighted n-grams: named in the
    // summary, and a model that scores like the default one.
    let mut nb = train("verdict", data.clone());
    nb.args(["--learner", "nb-svm", "--c", "0.5"]);
    let (code, out, err) = output(nb).await;
    assert_eq!(code, 0, "{err}");
    let summary: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(summary["learner"], "nb-svm");
    let eval = evaluate(dir.path(), &model, &data).await;
    assert_eq!(eval["macro_f1"], 1.0);
    // A learner that does not exist, or a C out of range: refused.
    for (flag, value, expect) in [
        ("--learner", "bayes", "invalid value 'bayes'"),
        ("--c", "0", "--c must be a number above 0"),
        ("--c", "NaN", "--c must be a number above 0"),
    ] {
        let mut c = train("verdict", data.clone());
        c.args([flag, value]);
        let (code, _, err) = output(c).await;
        assert_ne!(code, 0);
        assert!(err.contains(expect), "{expect}: {err}");
    }

    // Something that is not a model.
    let (code, _, err) = output({
        let mut c = command(dir.path());
        c.args(["analyse", "moderation", "score", "--model"])
            .arg(&data)
            .arg("--input")
            .arg(&data)
            .args(["--text-column", "comment"]);
        c
    })
    .await;
    assert_ne!(code, 0);
    assert!(err.contains("not a moderation model file"), "{err}");
}
