//! Crosstabs over real HTTP, on the demo consultation's few hundred
//! responses: row percentages, column percentages or counts as the
//! analyst chooses, each percentage with its count, hidden cells as a
//! symbol explained under the table, a form that names what is missing,
//! language links that keep the questions, a Back link to the staff's
//! pages, and Arabic that keeps its figures and reads the questions'
//! translations.

use cohesion_domain::analysis::crosstab::{shares, CellShare};
use cohesion_insight::disclosure::{suppress, Margins, SmallBaseRules};
use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{demo_consultation, ANALYST, OFFICER, TOM};
use crate::support::{servers_with_people, Server};

/// Fluent's isolation characters, which figures must not carry.
const MARKS: [char; 4] = ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];

/// The demo's "strong communities" (agreement, six options) by "have you
/// seen hateful views" (three options), counted straight from the stored
/// answers, every count before suppression.
async fn counted(s: &Server, id: &str) -> Vec<Vec<u64>> {
    let mut c = s.db().acquire().await.unwrap();
    let found = cohesion_storage::consultations::answers::crosstab(
        c.conn(),
        id.parse().unwrap(),
        ("q1", false),
        ("q2", false),
    )
    .await
    .unwrap();
    let mut table = vec![vec![0u64; 3]; 6];
    for (a, b, n) in found {
        table[a as usize][b as usize] = n as u64;
    }
    table
}

/// The markup between `open` and `close` after the first `open`.
pub(super) fn between<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html
        .find(open)
        .unwrap_or_else(|| panic!("{open} in {html}"));
    let rest = &html[start..];
    &rest[..rest.find(close).unwrap_or(rest.len())]
}

/// The first table's body: each row's cells (`<td>`), as markup.
pub(super) fn body_cells(html: &str) -> Vec<Vec<String>> {
    between(html, "<tbody", "</tbody>")
        .split("<tr")
        .skip(1)
        .map(|row| {
            row.split("<td")
                .skip(1)
                .map(|cell| {
                    let start = cell.find('>').unwrap() + 1;
                    cell[start..cell.find("</td>").unwrap()].to_owned()
                })
                .collect()
        })
        .collect()
}

/// Where the page's Back link goes.
fn back_link(html: &str) -> &str {
    let at = html.find("class=\"govuk-back-link\"").expect("a Back link");
    let href = html[..at].rfind("href=\"").unwrap() + 6;
    &html[href..href + html[href..].find('"').unwrap()]
}

/// Checks every cell of the page's crosstab against the stored counts:
/// hidden where the small-count rules hide it (a symbol for the eye,
/// words for screen readers), else its share of its row or column as a
/// whole percentage with its count in brackets, or the count alone.
fn check_cells(html: &str, counts: &[Vec<u64>], share: CellShare) -> (usize, usize) {
    let rules = SmallBaseRules::default();
    let margins = Margins {
        row_totals: true,
        column_totals: true,
    };
    let published = suppress(counts, margins, rules);
    let shown = &published.cells;
    let mut expected = shares(counts, shown, share, rules.min_base_for_percent);
    // A line whose total is hidden shows no shares: they would give it away.
    for (i, row) in expected.iter_mut().enumerate() {
        for (j, s) in row.iter_mut().enumerate() {
            let total = match share {
                CellShare::Row => published.row_totals[i],
                _ => published.column_totals[j],
            };
            if total.is_none() {
                *s = None;
            }
        }
    }
    let cells = body_cells(html);
    assert_eq!(cells.len(), counts.len() + 1, "a row per option and totals");
    let (mut hidden, mut with_share) = (0, 0);
    for (i, row) in counts.iter().enumerate() {
        for (j, count) in row.iter().enumerate() {
            let cell = &cells[i][j];
            match (shown[i][j], expected[i][j]) {
                (None, _) => {
                    hidden += 1;
                    assert_eq!(
                        cell,
                        "<span aria-hidden=\"true\">[c]</span>\
                         <span class=\"govuk-visually-hidden\">Hidden (too few to show)</span>",
                        "row {i}, column {j}"
                    );
                }
                (Some(_), Some(s)) => {
                    with_share += 1;
                    // The share the page shows, worked out here from the
                    // counts: of the row's or the column's whole line.
                    let base: u64 = match share {
                        CellShare::Row => row.iter().sum(),
                        _ => counts.iter().map(|r| r[j]).sum(),
                    };
                    assert!((s - *count as f64 / base as f64).abs() < 1e-12);
                    let percent = (*count as f64 / base as f64 * 100.0).round();
                    assert!(
                        cell.starts_with(&format!("{percent}%<span")),
                        "row {i}, column {j}: {count} of {base} is {percent}%, not {cell}"
                    );
                    assert!(cell.contains(&format!("({count})")), "{cell}");
                }
                (Some(_), None) => assert_eq!(cell, &count.to_string(), "row {i}, column {j}"),
            }
        }
        // The row's total: people, or hidden.
        let cell = &cells[i][row.len()];
        match published.row_totals[i] {
            Some(total) => assert_eq!(cell, &total.to_string()),
            None => assert!(cell.contains("[c]"), "row {i}'s total: {cell}"),
        }
    }
    // The columns' totals, likewise.
    for (j, total) in published.column_totals.iter().enumerate() {
        let cell = &cells[counts.len()][j];
        match total {
            Some(total) => assert_eq!(cell, &total.to_string()),
            None => assert!(cell.contains("[c]"), "column {j}'s total: {cell}"),
        }
    }
    (hidden, with_share)
}

#[tokio::test]
async fn crosstabs_show_row_or_column_shares_or_counts_and_mark_hidden_cells() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let counts = counted(&s, &id).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let path = format!("/staff/consultations/{id}/analysis");

        // A first visit: the form, no table, no error; back to Manage,
        // where the analyst came from, not to the public results.
        let (status, html) = s.page(&path, &li).await;
        assert_eq!(status, 200);
        assert!(!html.contains("govuk-error-summary") && !html.contains("<table"));
        assert_eq!(back_link(&html), "/manage");
        assert!(html.contains(&format!("href=\"/staff/consultations/{id}/weighting\"")));
        assert!(html.contains(r#"<input class="govuk-radios__input" id="show" name="show" type="radio" value="column" checked>"#));

        // Row percentages, each over its count; hidden cells as "[c]",
        // which the key explains.
        let (status, html) = s
            .page(&format!("{path}?rows=q1&columns=q2&show=row"), &li)
            .await;
        assert_eq!(status, 200);
        let (hidden, with_share) = check_cells(&html, &counts, CellShare::Row);
        assert!(
            hidden > 0 && with_share > 0,
            "{hidden} hidden, {with_share} with a share"
        );
        let key = between(&html, "app-figures-key", "</ul>");
        assert!(key.contains("Each cell is a share of its row"), "{key}");
        assert!(key.contains(
            "<span class=\"app-figures-key__symbol\">[c]</span> Hidden: fewer than 10 people"
        ));
        // The table scrolls in its own labelled box, if it must.
        assert!(html.contains(
            "<section class=\"app-table-scroll\" aria-label=\"\u{2068}Strong, connected communities"
        ));
        // The rows' question heads the first column; rows are headed.
        assert!(html.contains("<th scope=\"row\" class=\"govuk-table__header\">"));
        assert!(between(&html, "<thead", "</thead>").contains("Strong, connected communities"));

        // Column percentages: the same cells, of their columns.
        let (status, html) = s
            .page(&format!("{path}?rows=q1&columns=q2&show=column"), &li)
            .await;
        assert_eq!(status, 200);
        check_cells(&html, &counts, CellShare::Column);
        assert!(html.contains("Each cell is a share of its column"));
        // As the form sent it: nothing chosen for what cells show is
        // column percentages, as crosstabs always showed.
        let (_, plain) = s.page(&format!("{path}?rows=q1&columns=q2"), &li).await;
        assert_eq!(body_cells(&plain), body_cells(&html));

        // Counts only: no percentages at all.
        let (status, html) = s
            .page(&format!("{path}?rows=q1&columns=q2&show=counts"), &li)
            .await;
        assert_eq!(status, 200);
        check_cells(&html, &counts, CellShare::Counts);
        assert!(!between(&html, "<tbody", "</tbody>").contains('%'));
        assert!(html.contains("Each cell is the number of people who gave both"));
        assert!(
            html.contains(r#"value="counts" checked"#),
            "the choice is kept"
        );

        // Switching language keeps the questions and the choice.
        // (Askama writes "&" in attributes as "&#38;".)
        assert!(html.contains(&format!(
            "href=\"{path}?rows=q1&#38;columns=q2&#38;show=counts&#38;lang=ar\""
        )));

        // An officer goes back to the consultation's own page.
        let (helen, _) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let (status, html) = s.page(&format!("{path}?rows=q1&columns=q2"), &helen).await;
        assert_eq!(status, 200);
        assert_eq!(back_link(&html), format!("/staff/consultations/{id}"));
    }
}

#[tokio::test]
async fn in_arabic_figures_keep_together_and_questions_are_translated() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let counts = counted(&s, &id).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let path = format!("/staff/consultations/{id}/analysis?rows=q1&columns=q2&show=row");
        let (status, html) = s.page(&path, &format!("{li}; cohesion_lang=ar")).await;
        assert_eq!(status, 200);
        assert!(html.contains(r#"<html lang="ar" dir="rtl""#));
        // Percentages are markup, with no isolation characters to part
        // the digits from their sign; the symbol is Arabic.
        let body = between(&html, "<tbody", "</tbody>");
        assert!(!body.contains(MARKS), "{body:?}");
        let rules = SmallBaseRules::default();
        let published = suppress(
            &counts,
            Margins {
                row_totals: true,
                column_totals: true,
            },
            rules,
        );
        let expected = shares(
            &counts,
            &published.cells,
            CellShare::Row,
            rules.min_base_for_percent,
        );
        let (i, j, share) = expected
            .iter()
            .enumerate()
            .flat_map(|(i, r)| r.iter().enumerate().map(move |(j, s)| (i, j, *s)))
            .find_map(|(i, j, s)| Some((i, j, s?)))
            .expect("a cell with a share");
        let cell = &body_cells(&html)[i][j];
        assert!(
            cell.starts_with(&format!("{}%<span", (share * 100.0).round())),
            "{cell}"
        );
        assert!(body.contains("<span aria-hidden=\"true\">[م]</span>"));
        // The questions, translated, are in the page's language in the
        // lists and in the headings (ADR 16): no mark of another.
        let rows = between(
            &html,
            "<select class=\"govuk-select\" id=\"rows\"",
            "</select>",
        );
        assert!(
            rows.contains(r#"<option value="">اختر سؤالًا</option>"#),
            "{rows}"
        );
        assert!(
            rows.contains(r#"<option value="q1" selected>q1: المجتمعات القوية المترابطة"#),
            "{rows}"
        );
        assert!(between(&html, "<caption", "</caption>")
            .contains("<bdi lang=\"ar\">المجتمعات القوية المترابطة"));
        assert!(html.contains("مخفي: أقل من 10 أشخاص"), "the key, in Arabic");

        // In English, options are in the page's language: no marks.
        let (_, html) = s.page(&path, &format!("{li}; cohesion_lang=en")).await;
        let rows = between(
            &html,
            "<select class=\"govuk-select\" id=\"rows\"",
            "</select>",
        );
        assert!(
            rows.contains(r#"<option value="q1" selected>q1: Strong"#),
            "{rows}"
        );
    }
}

#[tokio::test]
async fn the_crosstab_form_names_what_is_missing_or_wrong() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let path = format!("/staff/consultations/{id}/analysis");

        // Sent with nothing chosen: both fields named, no table.
        let (status, html) = s
            .page(&format!("{path}?rows=&columns=&show=column"), &li)
            .await;
        assert_eq!(status, 422);
        let summary = between(&html, "govuk-error-summary", "</ul>");
        assert!(
            summary.contains(r##"<a href="#rows">Choose a question for the rows</a>"##),
            "{summary}"
        );
        assert!(summary.contains(r##"<a href="#columns">Choose a question for the columns</a>"##));
        assert!(html.contains(r#"<p id="rows-error" class="govuk-error-message">"#));
        assert!(!html.contains("<table"));

        // One chosen: the other named, the chosen one kept.
        let (status, html) = s.page(&format!("{path}?rows=q1&columns="), &li).await;
        assert_eq!(status, 422);
        assert!(!html.contains("Choose a question for the rows"));
        assert!(html.contains("Choose a question for the columns"));
        assert!(html.contains(r#"<option value="q1" selected>"#));

        // The same question twice; a written answer; a forged id; a
        // forged choice of what cells show.
        for (query, message) in [
            (
                "rows=q1&columns=q1",
                "Choose a question for the columns from the list, other than the one for the rows",
            ),
            (
                "rows=q7&columns=q1",
                "Choose a question for the rows from the list",
            ),
            (
                "rows=q1&columns=q99",
                "Choose a question for the columns from the list",
            ),
            ("rows=q1&columns=q2&show=pie", "Choose what each cell shows"),
        ] {
            let (status, html) = s.page(&format!("{path}?{query}"), &li).await;
            assert_eq!(status, 422, "{query}");
            assert!(html.contains(message), "{query}: {html}");
            assert!(!html.contains("<table"), "{query}");
        }

        // In Arabic, the same in Arabic.
        let (status, html) = s
            .page(
                &format!("{path}?rows=&columns="),
                &format!("{li}; cohesion_lang=ar"),
            )
            .await;
        assert_eq!(status, 422);
        assert!(html.contains("اختر سؤالًا للصفوف") && html.contains("اختر سؤالًا للأعمدة"));

        // Residents may not look.
        let (tom, _) = s.sign_in(TOM, DEMO_PASSWORD).await;
        assert_eq!(
            s.page(&format!("{path}?rows=q1&columns=q2"), &tom).await.0,
            403
        );
    }
}
