use super::*;

const CSV: &str = "id,parent_id,author,role,created_at,text,likes\n\
c1,,Amina,community member,2016-10-25T09:00:00Z,\"I reported it.\n\nNothing happened.\",4\n\
c3,c2,Helen,Official representative,2016-10-25 11:00,Would an update help?,0\n\
c2,c1,Tom,,2016-10-25T10:00:00+01:00,Agree 100%,1\n\
c4,,Anonymous – account deleted,elected_member,2016-10-26,I stopped going.,0\n";

fn csv(text: &str) -> Result<Thread, ImportError> {
    parse(text.as_bytes(), Format::Csv)
}

fn jsonl(text: &str) -> Result<Thread, ImportError> {
    parse(text.as_bytes(), Format::JsonLines)
}

fn problem(r: Result<Thread, ImportError>) -> (Option<u64>, Problem) {
    let e = r.unwrap_err();
    (e.line, e.problem)
}

#[test]
fn a_csv_thread_is_read_with_parents_first_and_its_lines() {
    let t = csv(CSV).unwrap();
    let ids: Vec<&str> = t.comments.iter().map(|c| c.id.as_str()).collect();
    // c2 (09:00 UTC) precedes c3; c4 is a day later.
    assert_eq!(ids, ["c1", "c2", "c3", "c4"]);
    let lines: Vec<u64> = t.comments.iter().map(|c| c.line).collect();
    assert_eq!(lines, [2, 6, 5, 7], "a field over three lines counts them");
    assert_eq!(
        t.comments.iter().map(|c| c.parent).collect::<Vec<_>>(),
        [None, Some(0), Some(1), None]
    );
    assert_eq!(t.comments[0].text, "I reported it.\n\nNothing happened.");
    assert_eq!(t.comments[0].author.as_deref(), Some("Amina"));
    assert_eq!(t.comments[3].author, None, "a deleted account");
    assert_eq!(
        t.comments.iter().map(|c| c.badge).collect::<Vec<_>>(),
        [
            Badge::CommunityMember,
            Badge::CommunityMember,
            Badge::Official,
            Badge::Elected
        ]
    );
    assert_eq!(
        t.comments[1].created_at,
        time::macros::datetime!(2016-10-25 09:00 UTC)
    );
    assert_eq!(
        t.comments[3].created_at,
        time::macros::datetime!(2016-10-26 00:00 UTC)
    );
}

#[test]
fn crlf_line_ends_and_blank_lines_keep_the_count() {
    let data = "\u{feff}id,parent_id,author,role,created_at,text\r\n\r\n\
                1,,A,,2020-01-01,one\r\n2,1,B,,2020-01-02,two\r\n";
    let t = csv(data).unwrap();
    assert_eq!(t.comments[0].line, 3);
    assert_eq!(t.comments[1].line, 4);
}

#[test]
fn json_lines_take_numbers_nulls_and_a_missing_parent() {
    let data = r#"{"id": 1, "author": "Amina", "role": "moderator", "created_at": "2020-01-01T10:00:00Z", "text": "Hello"}

{"id": 2, "parent_id": 1, "author": "anonymous - ACCOUNT deleted", "role": null, "created_at": "2020-01-01T11:00:00Z", "text": "+1"}
"#;
    let t = jsonl(data).unwrap();
    assert_eq!(t.comments[0].id, "1");
    assert_eq!(t.comments[0].badge, Badge::Moderator);
    assert_eq!(t.comments[1].parent, Some(0));
    assert_eq!(t.comments[1].line, 3);
    assert_eq!(t.comments[1].author, None);
}

#[test]
fn the_format_is_guessed_from_the_name_or_the_first_character() {
    assert_eq!(Format::guess(Some("CSV"), b"{"), Format::Csv);
    assert_eq!(Format::guess(Some("ndjson"), b"id"), Format::JsonLines);
    assert_eq!(Format::guess(None, b"\n  {\"id\": 1}"), Format::JsonLines);
    assert_eq!(Format::guess(Some("txt"), b"id,parent_id"), Format::Csv);
}

#[test]
fn each_problem_names_its_line() {
    let head = "id,parent_id,author,role,created_at,text\n";
    let row = |r: &str| csv(&format!("{head}1,,A,,2020-01-01,first\n{r}\n"));
    assert_eq!(
        problem(row("2,,B,mayor,2020-01-01,x")),
        (Some(3), Problem::UnknownRole("mayor".into()))
    );
    assert_eq!(
        problem(row("2,9,B,,2020-01-01,x")),
        (Some(3), Problem::UnknownParent("9".into()))
    );
    assert_eq!(
        problem(row("1,,B,,2020-01-01,x")),
        (
            Some(3),
            Problem::RepeatedId {
                id: "1".into(),
                first: 2
            }
        )
    );
    assert_eq!(
        problem(row("2,,B,,yesterday,x")),
        (Some(3), Problem::BadTime("yesterday".into()))
    );
    assert_eq!(
        problem(row("2,,B,,2020-01-01,\u{200B} ")),
        (Some(3), Problem::EmptyText)
    );
    assert_eq!(
        problem(row(",,B,,2020-01-01,x")),
        (Some(3), Problem::EmptyId)
    );
    assert_eq!(
        problem(row("2,, ,,2020-01-01,x")),
        (Some(3), Problem::EmptyAuthor)
    );
    assert_eq!(problem(row("2,,B")), (Some(3), Problem::ShortRow(3)));
    let long = "x".repeat(MAX_COMMENT_CHARS + 1);
    assert_eq!(
        problem(row(&format!("2,,B,,2020-01-01,{long}"))),
        (Some(3), Problem::TooLong("the text", MAX_COMMENT_CHARS))
    );
}

#[test]
fn file_level_problems_are_clear() {
    let e = csv("id,author,text\n1,A,x\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "line 1: the header has no column parent_id, role, created_at; it has: id, author, text"
    );
    assert_eq!(
        problem(csv("id,parent_id,author,role,created_at,text\n")),
        (None, Problem::Empty)
    );
    let mut bytes = b"id,parent_id,author,role,created_at,text\n1,,A,,2020-01-01,ok\n".to_vec();
    bytes.extend_from_slice(b"2,,B,,2020-01-01,caf\xe9\n");
    let e = parse(&bytes, Format::Csv).unwrap_err();
    assert_eq!((e.line, &e.problem), (Some(3), &Problem::NotUtf8));
    assert_eq!(e.to_string(), "line 3: bytes that are not UTF-8 text");
}

#[test]
fn bad_json_lines_name_their_line() {
    let ok = r#"{"id": "a", "author": "A", "role": "", "created_at": "2020-01-01", "text": "x"}"#;
    let (line, p) = problem(jsonl(&format!("{ok}\n{{\"id\": \"b\",\n")));
    assert_eq!(line, Some(2));
    assert!(matches!(p, Problem::Json(_)), "{p:?}");
    assert_eq!(
        problem(jsonl(&format!("{ok}\n[1, 2]\n"))),
        (Some(2), Problem::Json("expected an object".into()))
    );
    assert_eq!(
        problem(jsonl(&format!("{ok}\n{{\"id\": \"b\"}}\n"))),
        (Some(2), Problem::MissingField("author"))
    );
    let nested = r#"{"id": "b", "author": {"name": "B"}, "role": "", "created_at": "2020-01-01", "text": "x"}"#;
    assert_eq!(
        problem(jsonl(&format!("{ok}\n{nested}\n"))),
        (Some(2), Problem::NotText("author"))
    );
}

#[test]
fn replies_in_a_circle_are_refused_and_late_parents_are_brought_forward() {
    let head = "id,parent_id,author,role,created_at,text\n";
    let circle = format!("{head}a,,A,,2020-01-01,top\nb,c,B,,2020-01-02,x\nc,b,C,,2020-01-03,y\n");
    let (line, p) = problem(csv(&circle));
    assert_eq!(line, Some(3));
    assert_eq!(p, Problem::Cycle("b".into()));
    assert_eq!(
        problem(csv(&format!("{head}a,a,A,,2020-01-01,me\n"))),
        (Some(2), Problem::Cycle("a".into()))
    );
    // A reply dated before its parent still comes after it.
    let early = format!("{head}r,p,A,,2020-01-01,reply\np,,B,,2020-01-05,parent\n");
    let t = csv(&early).unwrap();
    assert_eq!(t.comments[0].id, "p");
    assert_eq!(t.comments[1].parent, Some(0));
}

#[test]
fn the_deleted_account_is_read_with_any_dash() {
    for name in [
        "Anonymous - account deleted",
        "anonymous – account deleted",
        "ANONYMOUS — Account Deleted",
        "Anonymous  \u{2212}  account deleted",
    ] {
        assert!(is_deleted_author(name), "{name}");
    }
    assert!(!is_deleted_author("Anonymous"));
}
