//! Weighting over real HTTP, on the demo consultation: convergence said
//! in words with plurals in both languages, never a raw float; weights
//! scaled to a mean of 1; margins that cannot be used named by their
//! question and option; the margins kept by the language links.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{demo_consultation, ANALYST};
use crate::support::servers_with_people;

const MARKS: [char; 4] = ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];

/// The page for `margins` (as typed, encoded here), as the analyst sees
/// it in `lang`: its status and its markup without isolation marks.
async fn weighted(
    s: &crate::support::Server,
    cookie: &str,
    id: &str,
    margins: &str,
    lang: &str,
) -> (u16, String) {
    let query = serde_urlencoded::to_string([("margins", margins)]).unwrap();
    let (status, html) = s
        .page(
            &format!("/staff/consultations/{id}/weighting?{query}"),
            &format!("{cookie}; cohesion_lang={lang}"),
        )
        .await;
    (status, html.replace(MARKS, ""))
}

/// The value of the summary row labelled `label`.
fn row<'a>(html: &'a str, label: &str) -> &'a str {
    let at = html
        .find(&format!("<bdi>{label}</bdi>"))
        .unwrap_or_else(|| panic!("{label} in {html}"));
    let value = &html[at..];
    let start = value.find("<dd").unwrap();
    let start = start + value[start..].find("<bdi>").unwrap() + 5;
    &value[start..start + value[start..].find("</bdi></dd>").unwrap()]
}

/// The summary of how the weighting went.
fn report(html: &str) -> &str {
    let start = html.find("govuk-summary-list").expect("a report");
    &html[start..start + html[start..].find("</dl>").unwrap()]
}

/// Whether `text` holds a number written in scientific notation.
fn has_exponent(text: &str) -> bool {
    let b = text.as_bytes();
    (1..b.len().saturating_sub(2)).any(|i| {
        b[i - 1].is_ascii_digit()
            && (b[i] == b'e' || b[i] == b'E')
            && (b[i + 1] == b'-' || b[i + 1] == b'+' || b[i + 1].is_ascii_digit())
    })
}

#[tokio::test]
async fn weighting_says_in_words_how_it_went_and_scales_weights_to_a_mean_of_one() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;

        // A first visit: the questions to weight by with their options
        // in order, the box that reads left to right, Back to Manage
        // (the analyst does not run the consultation).
        let (status, html) = s
            .page(&format!("/staff/consultations/{id}/weighting"), &li)
            .await;
        assert_eq!(status, 200);
        let html = html.replace(MARKS, "");
        assert!(!html.contains("govuk-error-summary"));
        assert!(html.contains(
            "<bdi>q4</bdi>: <bdi lang=\"en\">How effective would small grants to local groups be?</bdi> \
             (<bdi><bdi lang=\"en\">Very effective</bdi>, <bdi lang=\"en\">Fairly effective</bdi>"
        ), "{html}");
        assert!(html.contains(r#"name="margins" rows="4" autocomplete="off" dir="ltr""#));
        assert!(html.contains("<a href=\"/manage\" class=\"govuk-back-link\">"));

        // One question: raking meets it in one round, said as one round.
        let one = "q4: 20, 20, 20, 20, 20";
        let (status, html) = weighted(&s, &li, &id, one, "en").await;
        assert_eq!(status, 200, "{html}");
        assert_eq!(
            row(&html, "Did the weights settle?"),
            "The weights settled after 1 round."
        );
        // Weights as a range around 1: "from 0.62 to 1.43".
        let range = row(&html, "Weights, scaled to a mean of 1");
        let (low, high) = range
            .strip_prefix("from <bdi>")
            .and_then(|r| r.split_once("</bdi> to <bdi>"))
            .map(|(l, h)| (l, h.trim_end_matches("</bdi>")))
            .unwrap_or_else(|| panic!("{range}"));
        let (low, high): (f64, f64) = (low.parse().unwrap(), high.parse().unwrap());
        assert!(low > 0.0 && low <= 1.0 && high >= 1.0, "{range}");
        assert!(!has_exponent(report(&html)), "no raw floats");
        assert!(html.contains("Weighted: <bdi lang=\"en\">How effective"));
        // The language link keeps the margins.
        assert!(html.contains("weighting?margins=q4%3A+20%2C+20%2C+20%2C+20%2C+20&#38;lang=ar"));

        // Two questions take several rounds.
        let two = "q4: 20, 20, 20, 20, 20\nq2: 30, 50, 20";
        let (status, html) = weighted(&s, &li, &id, two, "en").await;
        assert_eq!(status, 200, "{html}");
        let settled = row(&html, "Did the weights settle?");
        let rounds: u32 = settled
            .strip_prefix("The weights settled after ")
            .and_then(|r| r.strip_suffix(" rounds."))
            .unwrap_or_else(|| panic!("{settled}"))
            .parse()
            .unwrap();
        assert!(rounds > 1);

        // Targets the weights cannot reach within their band: the gap
        // left, in tenths of a percentage point.
        let (status, html) = weighted(&s, &li, &id, "q2: 1, 1, 98", "en").await;
        assert_eq!(status, 200, "{html}");
        let unsettled = row(&html, "Did the weights settle?");
        let gap = unsettled
            .strip_prefix("The weights did not settle after 100 rounds; the largest remaining gap to a target is <bdi>")
            .and_then(|r| r.strip_suffix("</bdi> percentage points."))
            .unwrap_or_else(|| panic!("{unsettled}"));
        let (whole, tenth) = gap.split_once('.').unwrap();
        assert!(whole.parse::<u32>().is_ok() && tenth.len() == 1, "{gap}");
        assert!(!has_exponent(report(&html)));

        // The same in Arabic, with Arabic plurals.
        let (status, html) = weighted(&s, &li, &id, one, "ar").await;
        assert_eq!(status, 200);
        assert_eq!(
            row(&html, "هل استقرت الأوزان؟"),
            "استقرت الأوزان بعد جولة واحدة."
        );
        assert!(html.contains("الأوزان، بعد ضبطها ليكون متوسطها 1"));
    }
}

#[tokio::test]
async fn margins_that_cannot_be_used_are_named_by_question_and_option() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        for (margins, message) in [
            ("", "Enter the population shares of at least one question, one line for each"),
            (
                "q8: 4, 14, 17",
                "Enter a target share for ‘35 to 44’ (What is your age?), or - to leave it out",
            ),
            (
                "q8: 10, 10, 10, 10, 10, 10, 10, 10, 24",
                "Targets for “What is your age?” add up to 104%; they must add up to 100%",
            ),
            (
                "q8: 10, 10, 10, 10, 10, 10, 10, 10, 19",
                "Targets for “What is your age?” add up to 99%; they must add up to 100%",
            ),
            (
                "q8: 10, 10, 10, 10, 10, 10, 10, 10, 20.7",
                "Targets for “What is your age?” add up to 100.7%; they must add up to 100%",
            ),
            (
                "q4: 20, 20, lots, 20, 20",
                "Enter the target share for ‘Not very effective’ (How effective would small grants to local groups be?) as a number",
            ),
            (
                "q4: 20, 20, 20, 120, 20",
                "The target share for ‘Not at all effective’ (How effective would small grants to local groups be?) must be between 0 and 100",
            ),
            (
                "q2: 20, 20, 20, 40",
                "“In the last 12 months, have you seen or heard views that promote hatred or extremism?” has 3 options: give one share for each, in order",
            ),
            (
                "q7: 50, 50",
                "“What else should we do?” cannot be weighted by",
            ),
            ("q99: 50, 50", "Line 1: there is no question “q99” in this survey"),
            ("\nq8 10 90", "Line 2: write the question’s id, a colon, then its shares"),
            (
                "q2: 30, 50, 20\nq2: 30, 50, 20",
                "has more than one line: give its shares once",
            ),
        ] {
            let (status, html) = weighted(&s, &li, &id, margins, "en").await;
            assert_eq!(status, 422, "{margins:?}");
            let summary = html
                .split("govuk-error-summary__list")
                .nth(1)
                .unwrap_or_else(|| panic!("{margins:?}: {html}"));
            assert!(summary.contains(message), "{margins:?}: {summary}");
            assert!(summary.contains("href=\"#margins\""));
            assert!(!html.contains("<table"), "nothing weighted");
            // What was typed stays in the box.
            assert!(html.contains(&format!(
                "dir=\"ltr\" aria-describedby=\"margins-hint margins-error\">{margins}</textarea>"
            )));
        }

        // In Arabic: the option in Arabic, the question in its translation.
        let (status, html) = weighted(&s, &li, &id, "q8: 4, 14, 17", "ar").await;
        assert_eq!(status, 422);
        assert!(html.contains("أدخل حصة مستهدفة للخيار «"), "{html}");
        assert!(html.contains("(كم عمرك؟)"), "{html}");
        assert!(!html.contains("What is your age?"));
        assert!(
            !html.contains("35 to 44"),
            "the option in the reader's language"
        );
    }
}

/// For each age band (q8's options), how many respondents would be left
/// out by margins that leave that band out: those who chose it, and
/// those who answered choice questions but not q8.
async fn left_out_by_band(s: &crate::support::Server, id: &str) -> Vec<usize> {
    let mut c = s.db().acquire().await.unwrap();
    let rows =
        cohesion_storage::consultations::answers::choices(c.conn(), id.parse().unwrap(), false)
            .await
            .unwrap();
    let mut people = std::collections::HashMap::new();
    for (response, question, choice) in rows {
        let band = people.entry(response).or_insert(None);
        if question == "q8" {
            *band = Some(choice as usize);
        }
    }
    (0..9)
        .map(|left| {
            people
                .values()
                .filter(|band| band.is_none_or(|b| b == left))
                .count()
        })
        .collect()
}

/// Margins for q8 that leave band `left` out and share the rest evenly.
fn without_band(left: usize) -> String {
    let shares: Vec<&str> = (0..9)
        .map(|b| if b == left { "-" } else { "12.5" })
        .collect();
    format!("q8: {}", shares.join(", "))
}

#[tokio::test]
async fn a_handful_left_out_is_not_counted_and_every_bad_line_is_named() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let label = "Respondents left out (no answer, or an option left out)";

        // Nobody left out: 0, which picks nobody out.
        let (status, html) = weighted(&s, &li, &id, "q4: 20, 20, 20, 20, 20", "en").await;
        assert_eq!(status, 200, "{html}");
        assert_eq!(row(&html, label), "0");

        // A band of a handful left out: not its count. A larger band: its
        // count.
        let counts = left_out_by_band(&s, &id).await;
        let few = counts.iter().position(|&n| (1..10).contains(&n));
        let few = few.unwrap_or_else(|| panic!("a band of fewer than 10 in {counts:?}"));
        let (status, html) = weighted(&s, &li, &id, &without_band(few), "en").await;
        assert_eq!(status, 200, "{html}");
        assert_eq!(row(&html, label), "Fewer than 10 people");
        // Nor, beside the results page's count, those weighted.
        assert_eq!(
            row(&html, "Respondents weighted"),
            "All but fewer than 10 of the respondents"
        );
        let (_, html) = weighted(&s, &li, &id, &without_band(few), "ar").await;
        assert_eq!(
            row(&html, "المجيبون المستبعدون (بلا إجابة، أو بخيار مستبعد)"),
            "أقل من 10 أشخاص"
        );
        let many = counts.iter().position(|&n| n >= 10).unwrap();
        let (_, html) = weighted(&s, &li, &id, &without_band(many), "en").await;
        assert_eq!(row(&html, label), counts[many].to_string());
        let included: usize = row(&html, "Respondents weighted").parse().unwrap();
        assert!(included > 0);

        // Three lines at fault and one good: each bad line named, in
        // order, each linked to the box.
        let margins = "q8: 4, 14, 17\nq2: 30, 50, 20\nq4: 20, 20, lots, 20, 20\nq99: 50, 50";
        let (status, html) = weighted(&s, &li, &id, margins, "en").await;
        assert_eq!(status, 422);
        let summary = html
            .split("govuk-error-summary__list")
            .nth(1)
            .unwrap_or_else(|| panic!("{html}"));
        let messages: Vec<&str> = summary
            .split("<li>")
            .skip(1)
            .map(|item| item.split("</li>").next().unwrap())
            .collect();
        assert_eq!(messages.len(), 3, "{summary}");
        assert!(
            messages[0].contains("Enter a target share for ‘35 to 44’"),
            "{summary}"
        );
        assert!(
            messages[1].contains("‘Not very effective’") && messages[1].contains("as a number")
        );
        assert!(messages[2].contains("Line 4: there is no question “q99”"));
        assert!(messages.iter().all(|m| m.contains("href=\"#margins\"")));
        assert!(!html.contains("<table"), "nothing weighted");
    }
}
