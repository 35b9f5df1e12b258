//! Changes made through the survey builder's pages are in the
//! consultation's history as what was done ("Added the question “…” on
//! page 2", "Moved “…” to page 3", "Renamed page 2"), said as a survey
//! replaced whole is, in both languages, the questions marked with their
//! language; a page started or dropped does not make the pages after it
//! seem renamed, a form sent again records nothing, and entries kept
//! before still read "Changed the survey".

use cohesion_storage::audit::{self, NewAuditEntry};

use super::api_history::{change, history_rows};
use super::builder::{draft, Q1, Q2, Q3};
use crate::support::Server;

const WHEN: &str = "When did it happen?";

/// The rows of the history on the officers' page, in English.
async fn rows(s: &Server, cookie: &str, id: &str) -> Vec<Vec<String>> {
    let (status, html) = s.page(&format!("/staff/consultations/{id}"), cookie).await;
    assert_eq!(status, 200);
    history_rows(&html, "History")
}

/// How many rows say `what`.
fn said(rows: &[Vec<String>], what: &str) -> usize {
    rows.iter().filter(|r| r[2] == what).count()
}

#[tokio::test]
async fn builder_changes_are_in_the_history_as_what_was_done() {
    for s in crate::support::servers_with_people().await {
        let (officer, csrf, id) = draft(&s).await;
        let base = format!("/staff/consultations/{id}");
        let post = |path: String, fields: Vec<(&'static str, String)>| {
            let (s, officer, csrf) = (&s, &officer, &csrf);
            async move {
                let mut all = vec![("csrf", csrf.clone())];
                all.extend(fields);
                let all: Vec<(&str, &str)> = all.iter().map(|(k, v)| (*k, v.as_str())).collect();
                s.post(&path, officer, &all).await.status()
            }
        };

        // The draft's questions, each added on its page.
        let history = rows(&s, &officer, &id).await;
        assert_eq!(
            change(&history, &format!("Added the question “{Q3}” on page 2")),
            ("", "")
        );
        assert_eq!(
            said(&history, &format!("Added the question “{Q1}” on page 1")),
            1
        );

        // Page 2 titled, then a question on a new page before it, titled
        // in the same form: the new page 2 is named, and the old one,
        // page 3 now, is not said to be renamed.
        let title = vec![("title", "What happened".to_owned())];
        assert_eq!(post(format!("{base}/pages/2/title"), title).await, 303);
        let history = rows(&s, &officer, &id).await;
        assert_eq!(
            change(&history, "Named page 2"),
            ("No title", "What happened")
        );
        let add = vec![
            ("kind", "date".to_owned()),
            ("text", WHEN.to_owned()),
            ("required", "no".to_owned()),
            ("place", "new-after:1".to_owned()),
            ("page_title", "Dates".to_owned()),
        ];
        assert_eq!(post(format!("{base}/questions/new"), add).await, 303);
        let history = rows(&s, &officer, &id).await;
        assert_eq!(
            history[..3]
                .iter()
                .map(|r| (r[2].as_str(), r[3].as_str(), r[4].as_str()))
                .collect::<Vec<_>>(),
            [
                (&*format!("Added the question “{WHEN}” on page 2"), "", ""),
                ("Named page 2", "No title", "Dates"),
                ("Added page 2", "", ""),
            ]
        );
        assert_eq!(
            said(&history, "Renamed page 3") + said(&history, "Named page 3"),
            0
        );

        // q2 moved by its button onto page 3, before q3: only q2 moved,
        // though q3 is now second on its page. Sent again, it is where
        // it says already: nothing more is recorded.
        let to = vec![("to", "before:q3".to_owned())];
        let moved = format!("{base}/questions/q2/move");
        assert_eq!(post(moved.clone(), to.clone()).await, 303);
        let history = rows(&s, &officer, &id).await;
        assert_eq!(
            change(&history, &format!("Moved “{Q2}” to page 3")),
            ("Page 1, question 2", "Page 3, question 1")
        );
        assert!(
            history[1][2].starts_with("Added the question"),
            "{history:#?}"
        );
        assert_eq!(post(moved, to).await, 303);
        assert_eq!(rows(&s, &officer, &id).await, history, "sent again");

        // Page 3 skipped after "No" to q1, picked from lists.
        let rule = vec![
            ("skip_if_question", "q1".to_owned()),
            ("skip_if_options", "q1:2".to_owned()),
        ];
        assert_eq!(post(format!("{base}/pages/3/rule"), rule).await, 303);
        let history = rows(&s, &officer, &id).await;
        assert_eq!(
            change(&history, "Set when page 3 is skipped"),
            ("Never", &*format!("If the answer to “{Q1}” is No"))
        );

        // q4 removed: its page goes, and the page after it, page 2 now,
        // keeps its title: not said to be renamed.
        assert_eq!(
            post(format!("{base}/questions/q4/remove"), vec![]).await,
            303
        );
        let history = rows(&s, &officer, &id).await;
        assert_eq!(
            history[..2]
                .iter()
                .map(|r| (r[2].as_str(), r[3].as_str(), r[4].as_str()))
                .collect::<Vec<_>>(),
            [
                (
                    &*format!("Removed the question “{WHEN}” from page 2"),
                    "",
                    ""
                ),
                ("Removed page 2, which had no questions left", "", ""),
            ]
        );
        assert_eq!(said(&history, "Named page 2"), 2, "the two before");
        // An empty title reads in words, never "None".
        assert!(history.iter().all(|r| r[3] != "None" && r[4] != "None"));

        // In Arabic, the question as written, marked with its language.
        let (_, html) = s.page(&base, &format!("{officer}; cohesion_lang=ar")).await;
        let arabic = history_rows(&html, "السجل");
        assert_eq!(
            change(&arabic, &format!("حذف السؤال «{WHEN}» من الصفحة 2")),
            ("", "")
        );
        assert_eq!(
            change(&arabic, "حُذفت الصفحة 2 إذ لم يبقَ فيها سؤال"),
            ("", "")
        );
        assert_eq!(change(&arabic, "أُضيفت الصفحة 2"), ("", ""));
        assert_eq!(said(&arabic, "سمّى الصفحة 2"), 2);
        assert!(arabic.iter().any(|r| r[3] == "بلا عنوان"));
        assert!(!html.contains("عدد الصفحات"), "no count before and after");
        assert_eq!(
            change(&arabic, &format!("نقل «{Q2}» إلى الصفحة 3")),
            ("الصفحة 1، السؤال 2", "الصفحة 3، السؤال 1")
        );
        assert!(
            html.contains(&format!("<bdi lang=\"en\">{WHEN}</bdi>")),
            "{html}"
        );

        // An entry kept before the differences were: as it always read.
        let mut c = s.db().acquire().await.unwrap();
        audit::append(
            c.conn(),
            NewAuditEntry {
                actor_id: None,
                action: "consultation.survey",
                subject_id: Some(id.parse().unwrap()),
                detail: "moved q3: 3 questions",
                client: None,
            },
        )
        .await
        .unwrap();
        drop(c);
        let history = rows(&s, &officer, &id).await;
        assert_eq!(change(&history, "Changed the survey"), ("", ""));
    }
}
