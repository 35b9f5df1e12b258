//! Weighting gives away nobody left out of it. Of 40 respondents, 3 did
//! not answer the question weighted by: the weighting page, the
//! published results and the API then count nobody weighted exactly
//! (37 beside the results page's 40 would count those 3, and beside
//! each option's count, say how they answered), and show the weighted
//! shares with their ranges. With nobody left out, the counts are shown.

use cohesion_domain::survey::answers::RawAnswers;
use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_services::consultations::responding::{writes, Respondent};

use super::{published, ANALYST};
use crate::support::{servers_with_people, text_of, Server};

const MARKS: [char; 4] = ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];

/// 40 anonymous responses: q1 Yes for the first 20 (who say what
/// happened), No for the rest; q2 "Strongly agree", "Agree" or
/// "Neither", by turns, for all but the last 3.
async fn forty_responses(s: &Server, id: &str) {
    let id = id.parse().unwrap();
    for i in 0..40usize {
        let secret = format!("respondent-{i}");
        let who = Respondent::Anonymous(&secret);
        let mut first = RawAnswers::new();
        first.insert("q1".into(), vec![if i < 20 { "0" } else { "1" }.into()]);
        if i < 37 {
            first.insert("q2".into(), vec![(i % 3).to_string()]);
        }
        writes::save_page(s.db(), who, id, 0, &first).await.unwrap();
        if i < 20 {
            let mut second = RawAnswers::new();
            second.insert("q3".into(), vec!["Shouting in the street.".into()]);
            writes::save_page(s.db(), who, id, 1, &second)
                .await
                .unwrap();
        }
        writes::submit(s.db(), who, id).await.unwrap();
    }
}

/// The weighting page for the lists form's `fields`, as text and markup.
async fn weighted(s: &Server, cookie: &str, id: &str, fields: &[(&str, &str)]) -> String {
    let query = serde_urlencoded::to_string(fields).unwrap();
    let (status, html) = s
        .page(
            &format!("/staff/consultations/{id}/weighting?{query}"),
            cookie,
        )
        .await;
    assert_eq!(status, 200, "{}", text_of(&html));
    html.replace(MARKS, "")
}

/// The value of the summary row labelled `label`, as text.
fn row(html: &str, label: &str) -> String {
    let at = html
        .find(&format!("<bdi>{label}</bdi>"))
        .unwrap_or_else(|| panic!("{label}"));
    let value = &html[at..];
    let value = &value[value.find("<dd").unwrap()..];
    text_of(&value[..value.find("</dd>").unwrap()])
        .trim()
        .to_owned()
}

/// The captions of the page's tables, as text.
fn captions(html: &str) -> Vec<String> {
    html.split("<caption")
        .skip(1)
        .map(|c| text_of(&c[c.find('>').unwrap() + 1..c.find("</caption>").unwrap()]))
        .collect()
}

/// q2's margins on the lists form: the three options chosen, the
/// others' boxes left empty (left out).
const BY_AGREEMENT: [(&str, &str); 5] = [
    ("by", "q2"),
    ("share-q2-1", "40"),
    ("share-q2-2", "30"),
    ("share-q2-3", "30"),
    ("step", "weigh"),
];

#[tokio::test]
async fn a_handful_left_out_are_never_counted_by_difference() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = published(&s, "yes").await;
        forty_responses(&s, &id).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;

        // Weighted by q2, which 3 of the 40 did not answer.
        let html = weighted(&s, &li, &id, &BY_AGREEMENT).await;
        assert_eq!(
            row(&html, "Respondents weighted"),
            "All but fewer than 10 of the respondents"
        );
        assert_eq!(
            row(
                &html,
                "Respondents left out (no answer, or an option left out)"
            ),
            "Fewer than 10 people"
        );
        assert!(row(&html, "Effective sample size").starts_with("About "));
        let said = captions(&html);
        assert_eq!(said.len(), 2, "q1 and q2: {said:?}");
        for caption in &said {
            assert!(
                caption
                    .contains("all but fewer than 10 of those who answered; effective base about "),
                "{caption}"
            );
            assert!(!caption.contains("37"), "{caption}");
        }
        assert!(
            !text_of(&html).contains("People (unweighted)"),
            "no column of counts"
        );
        assert!(html.contains("People are not counted: fewer than 10"));
        let text = text_of(&html);
        assert!(!text.contains(" 37 ") && !text.contains(">37<"), "{text}");
        // The weighted shares, with their ranges.
        assert!(text.contains("Weighted share"), "{text}");
        assert!(text.contains("40%") && text.contains("30%"), "{text}");

        // Weighted by q1, which everyone answered: every count shown.
        let by_q1 = [
            ("by", "q1"),
            ("share-q1-1", "40"),
            ("share-q1-2", "60"),
            ("step", "weigh"),
        ];
        let html = weighted(&s, &li, &id, &by_q1).await;
        assert_eq!(row(&html, "Respondents weighted"), "40");
        assert_eq!(
            row(
                &html,
                "Respondents left out (no answer, or an option left out)"
            ),
            "0"
        );
        assert!(!row(&html, "Effective sample size").starts_with("About"));
        let said = captions(&html);
        assert!(said[0].contains("(base 40, effective base "), "{said:?}");
        assert!(said[1].contains("(base 37, effective base "), "{said:?}");
        assert!(text_of(&html).contains("People (unweighted)"));

        // Published weighted by q2: the public page and the API count
        // nobody weighted either.
        let publish = format!("/staff/consultations/{id}/results/publish");
        let margins = "q2: 40, 30, 30, -, -, -";
        let res = s
            .post(
                &publish,
                &officer,
                &[
                    ("csrf", csrf.as_str()),
                    ("questions", "q1"),
                    ("questions", "q2"),
                    ("margins", margins),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (status, html) = s.page(&format!("/consultations/{id}/results"), "").await;
        assert_eq!(status, 200);
        let text = text_of(&html.replace(MARKS, ""));
        assert!(
            text.contains("All but fewer than 10 of those who answered; effective base after weighting: about "),
            "{text}"
        );
        // The unweighted figures say 37 answered q2 (and 40 q1), as they
        // always did; the weighted ones count nobody.
        assert!(
            !text.contains("answered; effective base after weighting: 3"),
            "{text}"
        );
        assert!(
            !text.contains("weighted to the population (base: 3"),
            "{text}"
        );
        let body: serde_json::Value = s
            .get(&format!("/api/v1/consultations/{id}/results"))
            .await
            .json()
            .await
            .unwrap();
        let w = &body["weighted"];
        assert!(w["respondents_weighted"].is_null(), "{w}");
        for q in w["questions"].as_array().unwrap() {
            assert!(q["base"].is_null(), "{q}");
            let effective = q["effective_base"].as_f64().unwrap();
            assert_eq!(effective % 10.0, 0.0, "rounded: {q}");
        }
        assert_eq!(body["respondents"], 40);

        // Published weighted by q1: counted.
        let res = s
            .post(
                &publish,
                &officer,
                &[
                    ("csrf", csrf.as_str()),
                    ("questions", "q1"),
                    ("questions", "q2"),
                    ("margins", "q1: 40, 60"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let body: serde_json::Value = s
            .get(&format!("/api/v1/consultations/{id}/results"))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(body["weighted"]["respondents_weighted"], 40);
        let (_, html) = s.page(&format!("/consultations/{id}/results"), "").await;
        assert!(text_of(&html.replace(MARKS, ""))
            .contains("40 answered; effective base after weighting"));
    }
}
