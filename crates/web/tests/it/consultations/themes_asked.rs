//! The theme forms as an analyst meets them: each error names its field
//! and problem (in the summary and beside the field, in English and
//! Arabic, and in the API's problem with a pointer); merging and deleting
//! ask first and say what will happen (ADR 22), replayed or forged
//! confirmations are refused with nothing done; and a deleted theme's
//! answers are counted under "No theme", so the parts add up.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use serde_json::Value;

use super::themes::edit_theme;
use super::themes_confirmation::asked_fields;
use super::{demo_consultation, location, theme_ids, ANALYST};
use crate::support::{servers_with_people, text_of, Server};

/// The error summary's lines and the messages beside fields, as text.
fn summary_and_inline(html: &str, field: &str) -> (String, String) {
    let summary = html
        .split("govuk-error-summary__list\">")
        .nth(1)
        .map(|s| text_of(&s[..s.find("</ul>").unwrap()]).trim().to_owned())
        .unwrap_or_default();
    let inline = html
        .split(&format!("id=\"{field}-error\""))
        .nth(1)
        .map(|s| text_of(&s[..s.find("</p>").unwrap()]))
        .unwrap_or_default();
    let clean = |s: String| s.replace(['\u{2068}', '\u{2069}'], "");
    (clean(summary), clean(inline))
}

/// The themes as the API gives them.
async fn themes_api(s: &Server, cookie: &str, id: &str) -> Value {
    let api = format!("/api/v1/consultations/{id}/questions/q7/themes");
    let res = s.get_with(&api, cookie).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// Runs discovery on the demo's long-text question; the themes' ids.
async fn discovered(s: &Server, li: &str, csrf: &str, base: &str) -> Vec<String> {
    let res = s
        .post(base, li, &[("csrf", csrf), ("step", "run"), ("seed", "7")])
        .await;
    assert_eq!(res.status(), 303);
    let (_, html) = s.page(base, li).await;
    theme_ids(&html, base)
}

#[tokio::test]
async fn theme_form_errors_name_the_field_and_the_problem() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let base = format!("/staff/consultations/{id}/themes/q7");
        let (li, csrf) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let ids = discovered(&s, &li, &csrf, &base).await;
        let edit = format!("{base}/edit");
        let rename = |label: String| {
            vec![
                ("csrf".to_owned(), csrf.clone()),
                ("change".to_owned(), "rename".to_owned()),
                ("theme".to_owned(), ids[0].clone()),
                ("label".to_owned(), label),
            ]
        };
        let send = |fields: Vec<(String, String)>, lang: &'static str| {
            let cookie = format!("{li}; cohesion_lang={lang}");
            let s = &s;
            let edit = edit.clone();
            async move {
                let fields: Vec<(&str, &str)> = fields
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                let res = s.post(&edit, &cookie, &fields).await;
                (res.status().as_u16(), res.text().await.unwrap())
            }
        };

        for (lang, words) in [
            ("en", "Enter a name for the theme"),
            ("ar", "أدخل اسماً للمحور"),
        ] {
            let (status, html) = send(rename(" ".into()), lang).await;
            assert_eq!(status, 422);
            let (summary, inline) = summary_and_inline(&html, "label");
            assert_eq!(summary, words, "{lang}");
            assert!(inline.ends_with(words), "{lang}: {inline}");
            assert!(!html.contains("Answer the question"));
        }
        let (status, html) = send(rename("x".repeat(101)), "en").await;
        assert_eq!(status, 422);
        let (summary, _) = summary_and_inline(&html, "label");
        assert_eq!(summary, "The theme’s name must be 100 characters or fewer");

        // A name another theme has, said with the name as typed.
        let res = edit_theme(
            &s,
            &li,
            &csrf,
            &base,
            &[
                ("change", "rename"),
                ("theme", &ids[1]),
                ("label", "Street lighting"),
            ],
        )
        .await;
        assert_eq!(res.status(), 303);
        let (status, html) = send(rename("street LIGHTING".into()), "en").await;
        assert_eq!(status, 422);
        let (summary, inline) = summary_and_inline(&html, "label");
        assert_eq!(
            summary,
            "A theme called “street LIGHTING” already exists: choose a different name"
        );
        assert!(inline.contains("already exists"));

        // A merge with no theme chosen to merge into.
        let merge = vec![
            ("csrf".to_owned(), csrf.clone()),
            ("change".to_owned(), "merge".to_owned()),
            ("theme".to_owned(), ids[0].clone()),
            ("into".to_owned(), String::new()),
        ];
        for (lang, words) in [
            ("en", "Choose the theme to merge this one into"),
            ("ar", "اختر المحور الذي يُدمج فيه هذا المحور"),
        ] {
            let (status, html) = send(merge.clone(), lang).await;
            assert_eq!(status, 422, "{lang}");
            let (summary, inline) = summary_and_inline(&html, "into");
            assert_eq!(summary, words);
            assert!(inline.ends_with(words), "{inline}");
        }

        // The split form's own fields, each with its error beside it.
        let split = vec![
            ("csrf".to_owned(), csrf.clone()),
            ("change".to_owned(), "split".to_owned()),
            ("theme".to_owned(), ids[0].clone()),
            ("label".to_owned(), String::new()),
        ];
        let (status, html) = send(split, "en").await;
        assert_eq!(status, 422);
        let (summary, inline) = summary_and_inline(&html, "split-label");
        assert!(summary.contains("Enter a name for the theme"), "{summary}");
        assert!(inline.ends_with("Enter a name for the theme"), "{inline}");

        // The API: the same problems, with a pointer to the member.
        let api = format!("/api/v1/consultations/{id}/questions/q7/themes/edits");
        for (label, code, says) in [
            ("", "field_required", "`label`"),
            (&"x".repeat(101) as &str, "field_too_long", "100"),
        ] {
            let res = s
                .client
                .post(s.url(&api))
                .header("cookie", &li)
                .header("x-csrf-token", &csrf)
                .json(&serde_json::json!({"change": "rename", "theme": ids[0], "label": label}))
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 422);
            let problem: Value = res.json().await.unwrap();
            assert_eq!(problem["errors"][0]["pointer"], "/label", "{problem}");
            assert_eq!(problem["errors"][0]["code"], code);
            let detail = problem["errors"][0]["detail"].as_str().unwrap();
            assert!(detail.contains(says), "{detail}");
        }
    }
}

#[tokio::test]
async fn merging_and_deleting_a_theme_ask_first_and_count_every_answer() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let base = format!("/staff/consultations/{id}/themes/q7");
        let (li, csrf) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let ids = discovered(&s, &li, &csrf, &base).await;
        assert!(ids.len() >= 3, "{ids:?}");
        let edit = format!("{base}/edit");
        let before = themes_api(&s, &li, &id).await;
        let count_of = |body: &Value, theme: &str| -> u64 {
            body["themes"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["id"] == theme)
                .map(|t| t["candidate"]["count"].as_u64().unwrap())
                .unwrap()
        };
        let adds_up = |body: &Value| {
            let themed: u64 = body["themes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["candidate"]["count"].as_u64().unwrap())
                .sum();
            let none = body["no_theme"]["candidate"]["count"].as_u64().unwrap();
            assert_eq!(
                themed + none,
                body["run"]["answers"].as_u64().unwrap(),
                "every answer counted once: {body}"
            );
            none
        };
        let none_before = adds_up(&before);

        // Merging asks, saying what will happen; nothing is done yet.
        let moving = count_of(&before, &ids[1]);
        let res = edit_theme(
            &s,
            &li,
            &csrf,
            &base,
            &[("change", "merge"), ("theme", &ids[1]), ("into", &ids[0])],
        )
        .await;
        assert_eq!(res.status(), 200);
        let html = res.text().await.unwrap();
        let words = text_of(&html).replace(['\u{2068}', '\u{2069}'], "");
        assert!(words.contains("Merge “"), "{words}");
        assert!(
            words.contains(&format!("The {moving} answers in “"))
                && words.contains("will move to “"),
            "{words}"
        );
        assert!(words.contains("Yes, merge these themes"));
        assert_eq!(themes_api(&s, &li, &id).await["themes"], before["themes"]);

        // Its form merges; sent again, it is refused with nothing done.
        let mut confirm: Vec<(String, String)> = asked_fields(&html);
        assert!(
            confirm.contains(&("confirm".into(), "yes".into())),
            "{confirm:?}"
        );
        confirm.insert(0, ("csrf".into(), csrf.clone()));
        let fields: Vec<(&str, &str)> = confirm
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let res = s.post(&edit, &li, &fields).await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{base}?done=merge"));
        let merged = themes_api(&s, &li, &id).await;
        assert_eq!(
            count_of(&merged, &ids[0]),
            count_of(&before, &ids[0]) + moving
        );
        let res = s.post(&edit, &li, &fields).await;
        assert_eq!(res.status(), 409, "a replayed merge");
        assert_eq!(themes_api(&s, &li, &id).await["themes"], merged["themes"]);

        // Deleting asks too; its answers then count under "No theme".
        let gone = count_of(&merged, &ids[2]);
        let delete = [("change", "delete"), ("theme", ids[2].as_str())];
        let res = edit_theme(&s, &li, &csrf, &base, &delete).await;
        assert_eq!(res.status(), 200);
        let html = res.text().await.unwrap();
        let words = text_of(&html).replace(['\u{2068}', '\u{2069}'], "");
        assert!(words.contains("Delete the theme “"), "{words}");
        assert!(
            words.contains("will be counted under “No theme”"),
            "{words}"
        );
        let forged = [
            ("change", "delete"),
            ("theme", "00000000-0000-7000-8000-000000000000"),
            ("confirm", "yes"),
        ];
        assert_eq!(
            edit_theme(&s, &li, &csrf, &base, &forged).await.status(),
            422
        );
        let mut yes = delete.to_vec();
        yes.push(("confirm", "yes"));
        assert_eq!(edit_theme(&s, &li, &csrf, &base, &yes).await.status(), 303);
        assert_eq!(
            edit_theme(&s, &li, &csrf, &base, &yes).await.status(),
            409,
            "a replay"
        );
        let after = themes_api(&s, &li, &id).await;
        assert_eq!(adds_up(&after), none_before + gone);

        // The page counts them too, on a row of its own.
        let (_, html) = s.page(&base, &li).await;
        let row = html.split("No theme").nth(1).expect("a No theme row");
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(
            text_of(row)
                .replace(['\u{2068}', '\u{2069}'], "")
                .contains(&format!("{} of ", none_before + gone)),
            "{row}"
        );
    }
}
