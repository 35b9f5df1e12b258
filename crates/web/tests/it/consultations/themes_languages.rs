//! Theme labels in the reader's language, over real HTTP on every engine:
//! the demo's English and Arabic answers share themes, whose labels and
//! terms the themes page gives in English or in Arabic (through the
//! bilingual lexicon), marked with their language where a term stays as
//! found; the JSON API gives every language; an analyst's name for a
//! theme stays as written, marked as English on the Arabic page.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::themes::edit_theme;
use super::{demo_consultation, location, theme_ids, ANALYST};
use crate::support::{servers_with_people, text_of};

/// The header cells of the themes table: each theme's label, terms and
/// link, as markup.
fn theme_cells(html: &str) -> Vec<&str> {
    html.split("<th scope=\"row\" class=\"govuk-table__header\">")
        .skip(1)
        .map(|cell| cell.split("</th>").next().unwrap())
        .collect()
}

#[tokio::test]
async fn theme_labels_are_shown_in_the_pages_language() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let base = format!("/staff/consultations/{id}/themes/q7");
        let (li, csrf) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let res = s
            .post(
                &base,
                &li,
                &[("csrf", &csrf), ("step", "run"), ("seed", "7")],
            )
            .await;
        assert_eq!(location(&res), format!("{base}?done=run"));

        // English: the lighting theme is named in English, whatever the
        // language of its answers.
        let (status, en) = s.page(&base, &li).await;
        assert_eq!(status, 200);
        let cells = theme_cells(&en);
        assert!(cells.len() >= 3, "{cells:?}");
        let lighting = cells
            .iter()
            .position(|c| text_of(c).contains("lighting"))
            .unwrap_or_else(|| panic!("{cells:#?}"));
        assert!(!text_of(cells[lighting]).contains("إنارة"));
        // Arabic: the same theme, named in Arabic, right to left; no term
        // the lexicon knows is left in English.
        let (status, ar) = s.page(&format!("{base}?lang=ar"), &li).await;
        assert_eq!(status, 200);
        assert!(ar.contains("dir=\"rtl\""));
        let cells_ar = theme_cells(&ar);
        assert_eq!(cells_ar.len(), cells.len());
        let label = text_of(cells_ar[lighting]);
        assert!(label.contains("إنارة"), "{label}");
        assert!(!label.contains("lighting"), "{label}");
        assert!(
            label.contains("(تأييد)") || label.contains("(معارضة)") || label.contains("(غير واضح)"),
            "the stance in Arabic: {label}"
        );
        // A term the lexicon does not know keeps its language, marked.
        for cell in &cells_ar {
            for part in cell.split("<bdi lang=\"").skip(1) {
                assert!(
                    part.starts_with("en\"") || part.starts_with("ar\""),
                    "{part}"
                );
            }
        }

        // The API gives each language.
        let api = format!("/api/v1/consultations/{id}/questions/q7/themes");
        let body: serde_json::Value = s.get_with(&api, &li).await.json().await.unwrap();
        let theme = &body["themes"][lighting];
        assert_eq!(theme["generated_label"], true);
        let in_lang = |lang: &str| {
            theme["languages"]
                .as_array()
                .unwrap()
                .iter()
                .find(|l| l["lang"] == lang)
                .unwrap()
                .clone()
        };
        assert!(in_lang("ar")["label"].as_str().unwrap().contains("إنارة"));
        assert!(in_lang("en")["label"]
            .as_str()
            .unwrap()
            .contains("lighting"));
        assert!(in_lang("ar")["top_terms"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t == "إنارة"));

        // Renamed by the analyst: their words, in every language, marked
        // as English on the Arabic page.
        let theme_id = &theme_ids(&en, &base)[lighting];
        let res = edit_theme(
            &s,
            &li,
            &csrf,
            &base,
            &[
                ("change", "rename"),
                ("theme", theme_id),
                ("label", "Safer streets after dark"),
                ("description", ""),
            ],
        )
        .await;
        assert_eq!(res.status(), 303);
        let (_, ar) = s.page(&format!("{base}?lang=ar"), &li).await;
        let cell = theme_cells(&ar)[lighting];
        assert!(
            cell.contains("<bdi lang=\"en\">Safer streets after dark</bdi>"),
            "{cell}"
        );
        let body: serde_json::Value = s.get_with(&api, &li).await.json().await.unwrap();
        let theme = &body["themes"][lighting];
        assert_eq!(theme["generated_label"], false);
        for l in theme["languages"].as_array().unwrap() {
            assert_eq!(l["label"], "Safer streets after dark");
        }
    }
}

/// The question is named in the page's language where the consultation
/// has it translated, as the written answers page names it: the Arabic
/// themes page, its confirmation question and the review list are no
/// longer headed by the English wording.
#[tokio::test]
async fn the_question_is_named_in_the_pages_language_where_translated() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let base = format!("/staff/consultations/{id}/themes/q7");
        let (li, csrf) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let run = [("csrf", csrf.as_str()), ("step", "run"), ("seed", "7")];
        assert_eq!(s.post(&base, &li, &run).await.status(), 303);
        for path in [format!("{base}?lang=ar"), format!("{base}/confirm?lang=ar")] {
            let (status, html) = s.page(&path, &li).await;
            assert_eq!(status, 200, "{html}");
            let text = text_of(&html);
            assert!(text.contains("ماذا ينبغي أن نفعل أيضًا"), "{path}: {text}");
            assert!(!text.contains("What else should we do"), "{path}: {text}");
        }
        let (_, html) = s.page(&format!("{base}?lang=ar"), &li).await;
        assert!(
            text_of(&html).contains("المحاور: ماذا ينبغي أن نفعل أيضًا؟"),
            "the heading"
        );
        let (_, html) = s.page(&base, &li).await;
        assert!(text_of(&html).contains("Themes: What else should we do?"));
    }
}
