//! A survey changed, whole through the API or one change at a time
//! through the builder's pages, is in the consultation's history
//! difference by difference, said the same way: the officers' page says
//! what was done to which question or page, and its value before and
//! after.

use super::builder::{draft, stored, Q1, Q2, Q3};
use crate::support::{servers_with_people, text_of};

/// The cells of the rows of the history table captioned `caption`, each
/// row's cells as text.
pub(super) fn history_rows(html: &str, caption: &str) -> Vec<Vec<String>> {
    let start = html
        .find(&format!(">{caption}</caption>"))
        .expect("a history");
    let table = &html[start..];
    let table = &table[..table.find("</table>").unwrap_or(table.len())];
    table
        .split("<tr")
        .skip(2)
        .map(|row| {
            row.split("<td")
                .skip(1)
                .map(|cell| {
                    let cell = cell.split_once('>').map_or(cell, |(_, c)| c);
                    let cell = cell.split("</td>").next().unwrap_or_default();
                    text_of(cell)
                        .replace(['\u{2068}', '\u{2069}'], "")
                        .trim()
                        .to_owned()
                })
                .collect()
        })
        .collect()
}

/// The row whose "What changed" is `what`: (before, after).
pub(super) fn change<'a>(rows: &'a [Vec<String>], what: &str) -> (&'a str, &'a str) {
    let row = rows
        .iter()
        .find(|r| r.get(2).is_some_and(|w| w == what))
        .unwrap_or_else(|| panic!("no row for {what}: {rows:#?}"));
    (&row[3], &row[4])
}

#[tokio::test]
async fn a_survey_sent_whole_is_in_the_history_change_by_change() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = draft(&s).await;
        let mut survey = stored(&s, &id).await;
        let page1 = &mut survey["pages"][0];
        page1["title"] = "About you".into();
        page1["questions"][0]["text"] = "Have you seen hate incidents here?".into();
        page1["questions"][0]["options"] = serde_json::json!(["Yes", "No", "Not sure"]);
        page1["questions"][1]["required"] = true.into();
        // q3 goes; q4, a date, is asked on a page of its own, skipped
        // after "No".
        survey["pages"][1] = serde_json::json!({
            "title": "",
            "skip_if": {"question": "q1", "any_of": [1]},
            "questions": [{"id": "q4", "type": "date", "text": "When was it?"}],
        });
        let res = s
            .client
            .put(s.url(&format!("/api/v1/consultations/{id}/survey")))
            .header("cookie", &officer)
            .header("x-csrf-token", &csrf)
            .json(&survey)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 204);

        let (_, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        let rows = history_rows(&html, "History");
        assert!(rows[0][1].contains("Helen"), "who: {:?}", rows[0]);
        const Q1_NOW: &str = "Have you seen hate incidents here?";
        assert_eq!(
            change(&rows, &format!("Removed the question “{Q3}” from page 2")),
            ("", "")
        );
        // The question by its number in the survey, not its id.
        assert_eq!(change(&rows, "Reworded question 1"), (Q1, Q1_NOW));
        assert!(!rows.iter().any(|r| r[2].contains("q1")), "{rows:?}");
        assert_eq!(
            change(&rows, &format!("Changed the options of “{Q1_NOW}”")),
            ("Yes, No", "Yes, No, Not sure")
        );
        assert_eq!(
            change(&rows, &format!("Changed whether “{Q2}” must be answered")),
            ("No", "Yes")
        );
        assert_eq!(
            change(&rows, "Added the question “When was it?” on page 2"),
            ("", "")
        );
        assert_eq!(change(&rows, "Named page 1"), ("No title", "About you"));
        assert_eq!(
            change(&rows, "Set when page 2 is skipped"),
            ("Never", &*format!("If the answer to “{Q1_NOW}” is No"))
        );
        // Nothing else changed, so nothing else is said before the
        // builder's last change to the draft.
        let last_built = format!("Added the question “{Q3}” on page 2");
        let said: Vec<&str> = rows
            .iter()
            .take_while(|r| r[2] != last_built)
            .map(|r| r[2].as_str())
            .collect();
        assert_eq!(said.len(), 7, "{said:#?}");

        // The same, for an officer who reads Arabic.
        let (_, html) = s
            .page(
                &format!("/staff/consultations/{id}"),
                &format!("{officer}; cohesion_lang=ar"),
            )
            .await;
        let rows = history_rows(&html, "السجل");
        assert_eq!(change(&rows, "أعاد صياغة السؤال 1"), (Q1, Q1_NOW));
        assert_eq!(change(&rows, "سمّى الصفحة 1"), ("بلا عنوان", "About you"));
    }
}
