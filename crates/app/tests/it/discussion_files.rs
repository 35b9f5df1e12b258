//! `cohesion analyse discussion` and `cohesion import discussion` on a
//! small made-up thread: the analysis's JSON, the import into each
//! engine, and bad files refused with status 2 and the line named.

use std::path::Path;

use cohesion_storage::discussions::catalogue::{self, ListQuery};
use cohesion_storage::Timestamp;

use crate::support::{command, output};

const TWICE: &str = "The youth club on Mill Lane closed two years ago and nothing replaced it. \
Teenagers hang around the precinct because there is nowhere else to go.";

fn thread_csv() -> String {
    let rows = [
        (
            "1",
            "",
            "Amina",
            "community member",
            "2026-03-01T09:00:00Z",
            "I reported shouting at the bus station and never heard back.",
        ),
        ("2", "1", "Tom", "", "2026-03-01T09:30:00Z", "Agree 100%"),
        (
            "3",
            "1",
            "Helen Ward",
            "official representative",
            "2026-03-01T11:00:00Z",
            "Would a text at each step of a report help?",
        ),
        ("4", "", "Priya", "", "2026-03-02T10:00:00Z", TWICE),
        ("5", "", "Priya", "", "2026-03-02T10:01:00Z", TWICE),
        (
            "6",
            "4",
            "Anonymous - account deleted",
            "",
            "2026-03-02T12:00:00Z",
            "They are v3rmin, see https://a.example https://b.example https://c.example",
        ),
    ];
    let mut csv = String::from("id,parent_id,author,role,created_at,text\n");
    for (id, parent, author, role, at, text) in rows {
        csv.push_str(&format!("{id},{parent},{author},{role},{at},\"{text}\"\n"));
    }
    csv
}

async fn analyse(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let mut c = command(dir);
    c.args(["analyse", "discussion"]).args(args);
    output(c).await
}

#[tokio::test]
async fn a_thread_is_analysed_into_json() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("thread.csv"), thread_csv()).unwrap();
    std::fs::write(dir.path().join("words.txt"), "vermin\n\nsend them back\n").unwrap();
    let (code, out, err) = analyse(
        dir.path(),
        &["--input", "thread.csv", "--words", "words.txt"],
    )
    .await;
    assert_eq!(code, 0, "{err}");
    let d: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["comments"], 6);
    assert_eq!(d["duplicates"][0]["ids"], serde_json::json!(["4", "5"]));
    assert_eq!(d["duplicates"][0]["exact"], true);
    assert_eq!(d["endorsements"], serde_json::json!(["2"]));
    let screening = d["screening"].as_object().unwrap();
    assert_eq!(screening.len(), 2, "{out}");
    assert_eq!(d["screening"]["5"][0]["reason"], "near_duplicate");
    assert_eq!(d["screening"]["5"][0]["of"], "4");
    let reasons: Vec<&str> = d["screening"]["6"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons, ["many_links", "words"]);
    assert_eq!(
        d["screening"]["6"][1]["matches"],
        serde_json::json!(["vermin"])
    );
    assert_eq!(d["themes"]["answers"], 6);
    assert!(d["themes"]["themes"].is_array());

    // The same thread as JSON Lines, told apart by its first character.
    let mut jsonl = String::new();
    for line in thread_csv().lines().skip(1) {
        let f: Vec<&str> = line.splitn(6, ',').collect();
        let text = f[5].trim_matches('"');
        jsonl.push_str(
            &serde_json::json!({"id": f[0], "parent_id": f[1], "author": f[2],
                "role": f[3], "created_at": f[4], "text": text})
            .to_string(),
        );
        jsonl.push('\n');
    }
    std::fs::write(dir.path().join("thread.export"), jsonl).unwrap();
    let (code, out2, err) = analyse(dir.path(), &["--input", "thread.export"]).await;
    assert_eq!(code, 0, "{err}");
    let d2: serde_json::Value = serde_json::from_str(&out2).unwrap();
    assert_eq!(d2["duplicates"], d["duplicates"]);
    assert_eq!(d2["endorsements"], d["endorsements"]);
}

#[tokio::test]
async fn bad_files_exit_2_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let head = "id,parent_id,author,role,created_at,text\n1,,A,,2026-01-01,first\n";
    let cases: [(&str, Vec<u8>, &str); 6] = [
        ("role.csv", format!("{head}2,,B,mayor,2026-01-01,x\n").into(), "line 3: unknown role \"mayor\""),
        ("parent.csv", format!("{head}2,9,B,,2026-01-01,x\n").into(), "line 3: parent_id \"9\" is not the id of any comment"),
        ("columns.csv", b"id,text\n1,x\n".to_vec(), "line 1: the header has no column parent_id, author, role, created_at"),
        ("utf8.csv", [head.as_bytes(), b"2,,B,,2026-01-01,caf\xe9\n"].concat(), "line 3: bytes that are not UTF-8 text"),
        ("json.jsonl", b"{\"id\": \"1\", \"author\": \"A\", \"role\": \"\", \"created_at\": \"2026-01-01\", \"text\": \"x\"}\n{\"id\": \n".to_vec(), "line 2: not a JSON object"),
        ("circle.csv", format!("{head}2,3,B,,2026-01-02,x\n3,2,C,,2026-01-03,y\n").into(), "line 3: comment \"2\" is its own reply"),
    ];
    for (name, data, expected) in cases {
        std::fs::write(dir.path().join(name), data).unwrap();
        let (code, out, err) = analyse(dir.path(), &["--input", name]).await;
        assert_eq!(code, 2, "{name}: {out}{err}");
        assert!(
            err.contains(&format!("{name}: {expected}")),
            "{name}: {err}"
        );
        assert!(out.is_empty(), "{name}: {out}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let (code, _, err) = analyse(dir.path(), &["--input", "missing.csv"]).await;
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot read missing.csv"), "{err}");
}

#[tokio::test]
async fn a_thread_is_imported_into_each_engine_and_a_bad_one_is_not() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old-forum.csv"), thread_csv()).unwrap();
    std::fs::write(
        dir.path().join("bad.csv"),
        format!("{}7,99,Sam,,2026-03-03,orphan\n", thread_csv()),
    )
    .unwrap();
    for t in cohesion_testkit::engines().await {
        let import = |file: &str, extra: &[&str]| {
            let mut c = command(dir.path());
            c.args([
                "--database-url",
                &t.url,
                "import",
                "discussion",
                "--input",
                file,
            ]);
            c.args(extra);
            output(c)
        };
        let (code, out, err) = import("bad.csv", &[]).await;
        assert_eq!(code, 2, "{out}{err}");
        assert!(err.contains("bad.csv: line 8: parent_id \"99\""), "{err}");
        let (code, _, err) = import("old-forum.csv", &["--language", "xx"]).await;
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("language: unknown_locale"), "{err}");

        let (code, out, err) =
            import("old-forum.csv", &["--title", "The old forum's thread"]).await;
        assert_eq!(code, 0, "{out}{err}");
        assert!(
            out.starts_with("Imported 6 comments as discussion "),
            "{out}"
        );

        let mut c = t.db.acquire().await.unwrap();
        let (found, count) = catalogue::list(
            c.conn(),
            &ListQuery {
                drafts: true,
                limit: 10,
                ..Default::default()
            },
            Timestamp::now(),
        )
        .await
        .unwrap();
        assert_eq!(count, 1, "the bad files saved nothing");
        assert_eq!(found[0].title, "The old forum's thread");
        assert!(found[0].imported && found[0].is_published());
        assert_eq!(found[0].comment_count, 6);
    }
}
