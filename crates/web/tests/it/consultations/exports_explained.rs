//! What the exports say of themselves: the JSON documents linked beside
//! the CSV with their format named, a ranking's count labelled as the
//! people who ranked an option first, times of responses written to the
//! second in UTC, and a crosstab's totals named truly when a question
//! takes several answers (choices made, not people).

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::crosstabs::between;
use super::{demo_consultation, ANALYST};
use crate::support::{servers_with_people, text_of};

/// The link whose text is `label`: its address.
fn href_of(html: &str, label: &str) -> Option<String> {
    let at = html.find(&format!(">{label}</a>"))?;
    let start = html[..at].rfind("href=\"")? + 6;
    Some(html[start..start + html[start..].find('"')?].to_owned())
}

#[tokio::test]
async fn json_exports_are_linked_with_their_format_named() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let html = s.page(&format!("/consultations/{id}/results"), &li).await.1;
        let json = href_of(&html, "Download these results (JSON)").expect("a JSON link");
        assert_eq!(json, format!("/api/v1/consultations/{id}/results"));
        let res = s.get_with(&json, &li).await;
        assert_eq!(res.status(), 200);
        let body: serde_json::Value = res.json().await.unwrap();
        assert_eq!(body["consultation_id"], id.as_str());

        let html = s
            .page(&format!("/consultations/{id}/findings"), &li)
            .await
            .1;
        let json = href_of(&html, "Download these findings (JSON)").expect("a JSON link");
        assert_eq!(json, format!("/api/v1/consultations/{id}/findings"));
        assert_eq!(s.get_with(&json, &li).await.status(), 200);

        let arabic = format!("{li}; cohesion_lang=ar");
        let html = s
            .page(&format!("/consultations/{id}/results"), &arabic)
            .await
            .1;
        assert!(href_of(&html, "نزّل هذه النتائج (JSON)").is_some());
    }
}

#[tokio::test]
async fn a_rankings_count_says_it_is_of_first_places() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let (status, csv) = s
            .page(&format!("/consultations/{id}/results.csv"), &li)
            .await;
        assert_eq!(status, 200);
        let q5: Vec<&str> = csv.lines().filter(|l| l.starts_with("q5,")).collect();
        assert!(!q5.is_empty(), "{csv}");
        for row in q5 {
            assert!(row.contains(",Ranked first,"), "{row}");
        }
        // Other questions' lines have no item to name.
        let q1 = csv.lines().find(|l| l.starts_with("q1,")).unwrap();
        assert!(!q1.contains("Ranked first"));
    }
}

#[tokio::test]
async fn responses_are_timed_to_the_second_in_utc() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let (status, csv) = s
            .page(&format!("/staff/consultations/{id}/responses.csv"), &li)
            .await;
        assert_eq!(status, 200);
        let mut lines = csv.lines();
        assert!(lines.next().unwrap().contains(",Submitted (UTC),"));
        let mut seen = 0;
        for row in lines.take(50) {
            let at = row.split(',').nth(1).unwrap();
            let shape: String = at
                .chars()
                .map(|c| if c.is_ascii_digit() { '0' } else { c })
                .collect();
            assert_eq!(shape, "0000-00-00T00:00:00Z", "{row}");
            seen += 1;
        }
        assert!(seen > 0);
    }
}

/// The crosstab's heading of its totals (the last column head).
fn totals_heading(html: &str) -> String {
    let head = between(html, "<thead", "</thead>");
    let last = head.rsplit("<th").next().unwrap();
    text_of(&format!("<th{last}"))
        .replace(['\u{2068}', '\u{2069}'], "")
        .trim()
        .to_owned()
}

#[tokio::test]
async fn totals_over_several_answers_count_choices_made() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let page = |rows: &str, columns: &str| {
            format!("/staff/consultations/{id}/analysis?rows={rows}&columns={columns}&show=counts")
        };
        // One answer each: a total is people.
        let (status, html) = s.page(&page("q1", "q2"), &li).await;
        assert_eq!(status, 200);
        assert_eq!(totals_heading(&html), "Total");
        // q3 takes several answers: the totals add up choices.
        let (status, html) = s.page(&page("q1", "q3"), &li).await;
        assert_eq!(status, 200);
        assert_eq!(totals_heading(&html), "Choices made");
        let body = text_of(between(&html, "<tbody", "</tbody>"));
        assert!(body.contains("Choices made") && !body.contains("Total"));
        assert!(html.contains("the totals count the choices made, not people"));
        let arabic = format!("{li}; cohesion_lang=ar");
        let html = s.page(&page("q3", "q1"), &arabic).await.1;
        assert_eq!(totals_heading(&html), "الاختيارات");
    }
}
