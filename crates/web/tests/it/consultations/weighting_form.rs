//! Weighting margins picked from lists, on the demo consultation, as an
//! analyst meets them without scripts: a question from a select, then a
//! labelled box per option in a fieldset named by the question; each
//! problem under its box with what was typed kept (422); the typed lines
//! the form made, ready to copy; both languages.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{demo_consultation, ANALYST};
use crate::support::{servers_with_people, text_of, Server};

const MARKS: [char; 4] = ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];
const AGE: &str = "What is your age?";

/// The weighting page with the form `fields`, in `lang`: its status and
/// markup without isolation marks.
async fn asked(
    s: &Server,
    (cookie, id): (&str, &str),
    fields: &[(&str, &str)],
    lang: &str,
) -> (u16, String) {
    let query = serde_urlencoded::to_string(fields).unwrap();
    let (status, html) = s
        .page(
            &format!("/staff/consultations/{id}/weighting?{query}"),
            &format!("{cookie}; cohesion_lang={lang}"),
        )
        .await;
    (status, html.replace(MARKS, ""))
}

/// The error summary's lines, as (link, text).
fn summary(html: &str) -> Vec<(String, String)> {
    let Some(list) = html.split("govuk-error-summary__list").nth(1) else {
        return Vec::new();
    };
    let list = list.split("</ul>").next().unwrap();
    list.split("<li><a href=\"")
        .skip(1)
        .map(|item| {
            let (href, rest) = item.split_once('"').unwrap();
            let text = rest.split("</a>").next().unwrap().trim_start_matches('>');
            (href.to_owned(), text_of(text))
        })
        .collect()
}

/// q8's boxes, from `shares` (the rest empty).
fn age_boxes<'a>(shares: &[&'a str]) -> Vec<(String, &'a str)> {
    shares
        .iter()
        .enumerate()
        .map(|(i, v)| (format!("share-q8-{}", i + 1), *v))
        .collect()
}

#[tokio::test]
async fn margins_are_picked_from_lists_with_a_box_per_option() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let who = (li.as_str(), id.as_str());

        // A first visit: a select of the questions answered with one
        // option, none picked yet.
        let (status, html) = asked(&s, who, &[], "en").await;
        assert_eq!(status, 200);
        assert!(
            html.contains(r#"<label class="govuk-label" for="add">Question to weight by</label>"#),
            "{html}"
        );
        assert!(html.contains(&format!(r#"<option value="q8">q8: {AGE}</option>"#)));
        assert!(
            !html.contains(r#"<option value="q7""#),
            "a written answer cannot be weighted by"
        );
        assert!(!html.contains(r#"name="by""#) && !html.contains("share-q8"));

        // Picked, without scripts: a fieldset named by the question, a
        // labelled box per option, and the select offers the others.
        let (status, html) = asked(&s, who, &[("add", "q8"), ("step", "add")], "en").await;
        assert_eq!(status, 200, "{html}");
        assert!(html.contains(r#"<input type="hidden" name="by" value="q8">"#));
        assert!(html.contains(&format!(
            r#"<legend class="govuk-fieldset__legend govuk-fieldset__legend--s"><bdi lang="en">{AGE}</bdi></legend>"#
        )));
        assert!(
            html.contains(r#"<fieldset class="govuk-fieldset" aria-describedby="shares-q8-hint">"#)
        );
        for (n, label) in [(1, "Under 16"), (4, "35 to 44"), (9, "Prefer not to say")] {
            assert!(
                html.contains(&format!(
                    r#"<label class="govuk-label" for="share-q8-{n}"><bdi lang="en">{label}</bdi></label>"#
                )),
                "{label}"
            );
            assert!(html.contains(&format!(
                r#"id="share-q8-{n}" name="share-q8-{n}" type="text" inputmode="decimal""#
            )));
        }
        assert!(!html.contains("share-q8-10"));
        assert!(html.contains(">Another question to weight by</label>"));
        assert!(!html.contains(r#"<option value="q8">"#), "picked already");
        assert!(html.contains(&format!(
            "<a class=\"govuk-link\" href=\"/staff/consultations/{id}/weighting\">Remove this question"
        )));

        // Nothing picked, or a question not to weight by (a forged form):
        // said beside the select.
        let (status, html) = asked(&s, who, &[("add", ""), ("step", "add")], "en").await;
        assert_eq!(status, 422);
        assert_eq!(
            summary(&html),
            [("#add".into(), "Choose a question to weight by".into())]
        );
        let (status, html) = asked(&s, who, &[("by", "q7"), ("step", "weigh")], "en").await;
        assert_eq!(status, 422);
        assert_eq!(
            summary(&html),
            [("#add".into(), "Choose a question from the list".into())]
        );
        assert!(!html.contains("<table"), "nothing weighted");

        // Boxes at fault: each under its box, what was typed kept.
        let mut fields = vec![("by".to_owned(), "q8"), ("step".to_owned(), "weigh")];
        fields.extend(age_boxes(&[
            "lots", "150", "17", "17", "16", "13", "10", "9", "",
        ]));
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        let (status, html) = asked(&s, who, &fields, "en").await;
        assert_eq!(status, 422);
        assert_eq!(
            summary(&html),
            [
                (
                    "#share-q8-1".into(),
                    format!("{AGE} Enter the share for “Under 16” as a number from 0 to 100")
                ),
                (
                    "#share-q8-2".into(),
                    format!("{AGE} Enter the share for “16 to 24” as a number from 0 to 100")
                ),
            ]
        );
        let box_of = |n: u32| {
            let at = html.find(&format!(r#"for="share-q8-{n}""#)).unwrap();
            let rest = &html[at..];
            rest[..rest.find("</div>\n                </div>").unwrap()].to_owned()
        };
        assert!(box_of(1).contains(r#"<p id="share-q8-1-error" class="govuk-error-message">"#));
        assert!(box_of(1).contains(r#"value="lots" aria-describedby="share-q8-1-error""#));
        assert!(box_of(2).contains(r#"value="150""#));
        assert!(box_of(3).contains(r#"value="17">"#) && !box_of(3).contains("error"));
        assert!(!html.contains("<table"));

        // Shares that do not add up to 100: said under the question.
        let mut fields = vec![("by".to_owned(), "q8"), ("step".to_owned(), "weigh")];
        fields.extend(age_boxes(&[
            "4", "14", "17", "17", "16", "13", "10", "13", "",
        ]));
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        let (status, html) = asked(&s, who, &fields, "en").await;
        assert_eq!(status, 422);
        let total = format!("The shares for “{AGE}” add up to 104%: they must add up to 100%");
        assert_eq!(
            summary(&html),
            [("#share-q8-1".into(), format!("{AGE} {total}"))]
        );
        assert!(html.contains(r#"aria-describedby="shares-q8-hint shares-q8-error""#));
        assert!(text_of(&html).contains(&format!("Error: {total}")));

        // In Arabic: the option in Arabic, the question as written.
        let (status, html) = asked(
            &s,
            who,
            &[("by", "q8"), ("share-q8-1", "كثير"), ("step", "weigh")],
            "ar",
        )
        .await;
        assert_eq!(status, 422);
        let said = summary(&html);
        assert_eq!(said[0].0, "#share-q8-1");
        assert!(
            said[0]
                .1
                .contains("أدخل حصة الخيار «أقل من 16» رقمًا من 0 إلى 100"),
            "{said:?}"
        );
        assert!(html.contains(r#"value="كثير""#));

        // Weighted: the figures, the boxes as typed, and the typed lines
        // the form made, to copy into the publication form.
        let fields = [
            ("by", "q4"),
            ("share-q4-1", "20"),
            ("share-q4-2", "20"),
            ("share-q4-3", "20"),
            ("share-q4-4", "20"),
            ("share-q4-5", "20"),
            ("add", ""),
            ("step", "weigh"),
        ];
        let (status, html) = asked(&s, who, &fields, "en").await;
        assert_eq!(status, 200, "{}", text_of(&html));
        assert!(text_of(&html).contains("The weights settled after 1 round."));
        assert!(html.contains("<table"));
        assert!(html.contains(r#"name="share-q4-3" type="text" inputmode="decimal" autocomplete="off" spellcheck="false" dir="ltr" value="20">"#));
        assert!(
            html.contains(">q4: 20, 20, 20, 20, 20</textarea>"),
            "{html}"
        );
        assert!(
            !html.contains("govuk-details\" open"),
            "the typed lines stay folded"
        );
        // The language link keeps the form.
        assert!(html.contains("weighting?by=q4&#38;share-q4-1=20"), "{html}");
    }
}
