//! Themes over real HTTP: an analyst runs discovery on the demo
//! consultation's long-text question, edits, confirms (asked first) and
//! maps with plain forms; quotes link to the response; bad and replayed forms are
//! refused with a message; an officer's finding cites a theme on the
//! public page; the JSON API does the same with stable codes. The label
//! of a cited theme is translated on the translations page, shown to
//! Arabic readers, and flagged stale when the analyst renames it.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::themes_confirmation::confirm_themes;
use super::{demo_consultation, location, theme_ids, translations_saved, ANALYST, OFFICER, TOM};
use crate::support::{servers_with_people, translation_heading, translation_row as row, Server};

/// Posts the theme edit form at `base` with `fields` after the form token.
pub(super) async fn edit_theme(
    s: &Server,
    cookie: &str,
    csrf: &str,
    base: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let mut form = vec![("csrf", csrf)];
    form.extend_from_slice(fields);
    s.post(&format!("{base}/edit"), cookie, &form).await
}

#[tokio::test]
async fn analysts_work_themes_in_the_browser_and_findings_cite_them() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let base = format!("/staff/consultations/{id}/themes/q7");
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let (li, csrf) = s.sign_in(ANALYST, DEMO_PASSWORD).await;

        // Residents may not; only long-text questions; unknown consultations.
        assert_eq!(s.page(&base, &tom).await.0, 403);
        let res = s
            .post(&base, &tom, &[("csrf", &tom_csrf), ("step", "run")])
            .await;
        assert_eq!(res.status(), 403);
        let (status, html) = s
            .page(&format!("/staff/consultations/{id}/themes/q1"), &li)
            .await;
        assert_eq!(status, 422);
        assert!(html.contains("long-text questions only"), "{html}");
        let nobody = "/staff/consultations/00000000-0000-7000-8000-000000000000/themes/q7";
        assert_eq!(s.page(nobody, &li).await.0, 404);

        // The written answers page leads here; nothing run yet.
        let (status, html) = s.page(&base, &li).await;
        assert_eq!(status, 200);
        assert!(html.contains("Discovery has not been run"));
        let res = s
            .post(&base, &li, &[("csrf", "forged"), ("step", "run")])
            .await;
        assert_eq!(res.status(), 403, "a form without the session's token");
        let res = s
            .post(
                &base,
                &li,
                &[("csrf", &csrf), ("step", "run"), ("seed", "x")],
            )
            .await;
        assert_eq!(res.status(), 422, "a seed that is not a number");

        let res = s
            .post(
                &base,
                &li,
                &[("csrf", &csrf), ("step", "run"), ("seed", "7")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{base}?done=run"));
        let (status, html) = s.page(&format!("{base}?done=run"), &li).await;
        assert_eq!(status, 200);
        assert!(html.contains("Discovery has run"));
        assert!(
            html.contains("<caption"),
            "the themes are a table with a caption"
        );
        assert!(html.contains("Campaign copies"));
        assert!(!html.contains("07700 900123") && !html.contains("resident@example.org"));
        let ids = theme_ids(&html, &base);
        assert!(ids.len() >= 3, "{ids:?}");

        // Quotes link to their response, shown to staff with contact
        // details masked.
        let link = html
            .split(&format!("href=\"/staff/consultations/{id}/responses/"))
            .nth(1)
            .unwrap();
        let response: String = link.chars().take_while(|c| *c != '"').collect();
        let response_path = format!("/staff/consultations/{id}/responses/{response}");
        let (status, page) = s.page(&response_path, &li).await;
        assert_eq!(status, 200);
        assert!(page.contains("What else should we do?"));
        assert_eq!(s.page(&response_path, &tom).await.0, 403);
        let forged = format!("/staff/consultations/{id}/responses/{}", ids[0]);
        assert_eq!(
            s.page(&forged, &li).await.0,
            404,
            "a theme id is no response"
        );

        // Edit forms: bad input re-shows the form with a message.
        let (status, page) = s.page(&format!("{base}/{}", ids[0]), &li).await;
        assert_eq!(status, 200);
        assert!(page.contains("Merge into another theme"));
        let res = edit_theme(
            &s,
            &li,
            &csrf,
            &base,
            &[("change", "merge"), ("theme", &ids[0]), ("into", &ids[0])],
        )
        .await;
        assert_eq!(res.status(), 422);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("cannot be merged into itself"));
        let res = edit_theme(
            &s,
            &li,
            &csrf,
            &base,
            &[("change", "rename"), ("theme", &ids[0]), ("label", " ")],
        )
        .await;
        assert_eq!(res.status(), 422);
        let res = edit_theme(
            &s,
            &li,
            &csrf,
            &base,
            &[
                ("change", "rename"),
                ("theme", "00000000-0000-7000-8000-000000000000"),
                ("label", "x"),
            ],
        )
        .await;
        assert_eq!(res.status(), 422, "a forged theme");
        let res = edit_theme(
            &s,
            &li,
            &csrf,
            &base,
            &[
                ("change", "rename"),
                ("theme", &ids[0]),
                ("label", "Street lighting"),
            ],
        )
        .await;
        assert_eq!(res.status(), 303);
        // Saved again as it is: nothing changed, said so, nothing logged.
        let renames = || async {
            let mut c = s.db().acquire().await.unwrap();
            let q = cohesion_storage::audit::AuditQuery {
                action: Some("themes.rename"),
                limit: 100,
                ..Default::default()
            };
            cohesion_storage::audit::page(c.conn(), &q)
                .await
                .unwrap()
                .len()
        };
        let logged = renames().await;
        let res = edit_theme(
            &s,
            &li,
            &csrf,
            &base,
            &[
                ("change", "rename"),
                ("theme", &ids[0]),
                ("label", "Street lighting"),
            ],
        )
        .await;
        let next = location(&res);
        assert!(next.ends_with("?done=nothing"), "{next}");
        let html = s.page(&next, &li).await.1;
        assert!(html.contains("Nothing changed"), "{html}");
        assert!(!html.contains("The theme was renamed"));
        assert_eq!(renames().await, logged);
        let res = s
            .post(
                &base,
                &li,
                &[
                    ("csrf", &csrf),
                    ("step", "add"),
                    ("label", "street  LIGHTING"),
                    ("examples", "X"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("A theme called “street  LIGHTING” already exists"));
        // Merging asks first (ADR 22); its form sends `confirm=yes`.
        let merge = [
            ("change", "merge"),
            ("theme", ids[1].as_str()),
            ("into", ids[0].as_str()),
            ("confirm", "yes"),
        ];
        let res = edit_theme(&s, &li, &csrf, &base, &merge).await;
        assert_eq!(res.status(), 303);
        let res = edit_theme(&s, &li, &csrf, &base, &merge).await;
        assert_eq!(res.status(), 409, "a replayed merge");

        // Map before confirming: refused; then confirm and map.
        let res = s
            .post(&base, &li, &[("csrf", &csrf), ("step", "map")])
            .await;
        assert_eq!(res.status(), 422);
        let res = confirm_themes(&s, &li, &csrf, &base).await;
        assert_eq!(res.status(), 303);
        let res = s
            .post(&base, &li, &[("csrf", &csrf), ("step", "map")])
            .await;
        assert_eq!(res.status(), 303);
        let (_, html) = s.page(&base, &li).await;
        assert!(html.contains("Answers (mapped)"));
        assert!(html.contains("Street lighting"));
        assert!(html.contains("Deleted and merged themes"));
        let (status, _) = s.page(&format!("{base}/review"), &li).await;
        assert_eq!(status, 200);
        let res = s
            .post(
                &format!("{base}/review"),
                &li,
                &[("csrf", &csrf), ("response", "nonsense")],
            )
            .await;
        assert_eq!(res.status(), 422, "a forged review form");

        // An officer's finding cites the theme; the public page shows it.
        let (officer, officer_csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let (status, form) = s
            .page(&format!("/staff/consultations/{id}/findings/new"), &officer)
            .await;
        assert_eq!(status, 200);
        assert!(form.contains("Street lighting"));
        let res = s
            .post(
                &format!("/staff/consultations/{id}/findings/new"),
                &officer,
                &[
                    ("csrf", &officer_csrf),
                    ("title", "Lighting comes up again and again"),
                    ("theme", &ids[1]),
                ],
            )
            .await;
        assert_eq!(res.status(), 422, "a merged theme cannot be cited");
        let res = s
            .post(
                &format!("/staff/consultations/{id}/findings/new"),
                &officer,
                &[
                    ("csrf", &officer_csrf),
                    ("title", "Lighting comes up again and again"),
                    ("theme", &ids[0]),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, public) = s
            .page(&format!("/consultations/{id}/findings"), &officer)
            .await;
        assert!(public.contains("Lighting comes up again and again"));
        assert!(
            public.contains("Street lighting"),
            "the figure names the theme"
        );
        let (_, arabic) = s
            .page(&format!("/consultations/{id}/findings?lang=ar"), &officer)
            .await;
        assert!(arabic.contains("dir=\"rtl\""));

        // The JSON API: the same analysis, stable error codes.
        let api = format!("/api/v1/consultations/{id}/questions/q7/themes");
        let res = s.get_with(&api, &li).await;
        assert_eq!(res.status(), 200);
        let body: serde_json::Value = res.json().await.unwrap();
        assert!(body["themes"].as_array().unwrap().len() >= 2);
        assert!(body["run"]["mapped_at"].is_string());
        assert!(body["themes"][0]["mapped"]["low"].is_number());
        let post = |path: String, token: Option<String>, json: serde_json::Value| {
            let mut r = s
                .client
                .post(s.url(&path))
                .header("cookie", &li)
                .json(&json);
            if let Some(t) = token {
                r = r.header("x-csrf-token", t);
            }
            r.send()
        };
        let res = post(api.clone(), None, serde_json::json!({"seed": 1}))
            .await
            .unwrap();
        assert_eq!(res.status(), 403, "no CSRF header");
        let res = post(
            api.clone(),
            Some(csrf.clone()),
            serde_json::json!({"seed": 1}),
        )
        .await
        .unwrap();
        assert_eq!(res.status(), 409, "the mapped run is not replaced unasked");
        let problem: serde_json::Value = res.json().await.unwrap();
        assert_eq!(problem["code"], "confirmation_required");
        let res = post(
            api.clone(),
            Some(csrf.clone()),
            serde_json::json!({"seed": 1, "replace": true}),
        )
        .await
        .unwrap();
        assert_eq!(res.status(), 201);
        let res = post(
            format!("{api}/mapping"),
            Some(csrf.clone()),
            serde_json::json!({}),
        )
        .await
        .unwrap();
        assert_eq!(res.status(), 422);
        let problem: serde_json::Value = res.json().await.unwrap();
        assert_eq!(problem["code"], "themes_not_confirmed");
        let wrong = format!("/api/v1/consultations/{id}/questions/q2/themes");
        let res = s.get_with(&wrong, &li).await;
        assert_eq!(res.status(), 422);
        let problem: serde_json::Value = res.json().await.unwrap();
        assert_eq!(problem["code"], "not_long_text");
        let res = post(
            format!("{api}/edits"),
            Some(csrf.clone()),
            serde_json::json!({"change": "rename", "theme": ids[0], "label": "x"}),
        )
        .await
        .unwrap();
        assert_eq!(res.status(), 422, "a theme of an earlier run");
        let spec = s.get("/api/v1/openapi.json").await.text().await.unwrap();
        assert!(spec.contains("/api/v1/consultations/{id}/questions/{question}/themes/mapping"));
    }
}

#[tokio::test]
async fn the_label_of_a_cited_theme_is_translated_and_goes_stale_when_renamed() {
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
        assert_eq!(res.status(), 303);
        let ids = theme_ids(&s.page(&base, &li).await.1, &base);
        let rename = |label: &'static str| {
            let (s, li, csrf, base, theme) = (&s, &li, &csrf, &base, &ids[0]);
            async move {
                let fields = [
                    ("change", "rename"),
                    ("theme", theme.as_str()),
                    ("label", label),
                ];
                let res = edit_theme(s, li, csrf, base, &fields).await;
                assert_eq!(res.status(), 303, "{label}");
            }
        };
        rename("Street lighting").await;
        assert_eq!(confirm_themes(&s, &li, &csrf, &base).await.status(), 303);
        let res = s
            .post(&base, &li, &[("csrf", &csrf), ("step", "map")])
            .await;
        assert_eq!(res.status(), 303, "map");

        // Before any finding cites it, a theme is not on the page.
        let (officer, ocsrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let translate = format!("/staff/consultations/{id}/translations/ar");
        let key = format!("theme.{}.label", ids[0]);
        let (status, html) = s.page(&translate, &officer).await;
        assert_eq!(status, 200);
        assert!(!html.contains(&key), "uncited themes are not listed");

        // An officer's finding cites it, and publishes it.
        let res = s
            .post(
                &format!("/staff/consultations/{id}/findings/new"),
                &officer,
                &[
                    ("csrf", &ocsrf),
                    ("title", "Lighting comes up again and again"),
                    ("theme", &ids[0]),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let finding = {
            let mut c = s.db().acquire().await.unwrap();
            let id = uuid::Uuid::parse_str(&id).unwrap();
            cohesion_storage::consultations::findings::list(c.conn(), id, true)
                .await
                .unwrap()
                .into_iter()
                .find(|f| f.finding.title == "Lighting comes up again and again")
                .unwrap()
                .id
        };
        let res = s
            .post(
                &format!("/staff/consultations/{id}/findings/{finding}"),
                &officer,
                &[("csrf", &ocsrf), ("change", "publish")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let public = format!("/consultations/{id}/findings");
        let (_, html) = s.page(&format!("{public}?lang=ar"), "").await;
        assert!(
            html.contains("Street lighting"),
            "the original, untranslated"
        );

        // The translations page lists the label as missing.
        let (status, html) = s.page(&translate, &officer).await;
        assert_eq!(status, 200);
        let r = row(&html, &key);
        assert!(r.starts_with(" app-translation--missing"), "{r}");
        assert!(r.contains("Street lighting"));
        assert!(!r.contains("has changed"));
        // Each row is headed in words, the key only naming the field: the
        // theme by its label, the finding citing it by its title.
        let heading = translation_heading(r);
        assert_eq!(heading, "Theme cited by a finding: Street lighting");
        assert!(!heading.contains(&key) && !heading.contains("theme."));
        let title = format!("finding.{finding}.title");
        let heading = translation_heading(row(&html, &title));
        assert_eq!(
            heading,
            "Finding: Lighting comes up again and again — title"
        );
        assert!(!heading.contains(&title) && !heading.contains("finding."));
        assert!(!html.contains(&format!(">{key}<")) && !html.contains(&format!(">{title}<")));
        // In the officer's language.
        let (_, arabic) = s.page(&format!("{translate}?lang=ar"), &officer).await;
        assert_eq!(
            translation_heading(row(&arabic, &key)),
            "محور يستشهد به استنتاج: Street lighting"
        );
        assert_eq!(
            translation_heading(row(&arabic, &title)),
            "الاستنتاج: Lighting comes up again and again — العنوان"
        );

        // Refused, each with a message, and nothing saved: a forged theme,
        // a label too long or on two lines, even beside a good text.
        let saved = translations_saved(&s).await;
        let forged = "theme.00000000-0000-7000-8000-000000000000.label";
        let too_long = "ض".repeat(101);
        for (fields, message) in [
            (
                vec![(forged, "إنارة")],
                "no longer part of the consultation",
            ),
            (
                vec![(key.as_str(), too_long.as_str())],
                "A translation must be 100 characters or fewer",
            ),
            (
                vec![
                    ("title", "شوارع أكثر أمانًا"),
                    (key.as_str(), "إنارة\nالشوارع"),
                ],
                "not in the form we expected",
            ),
        ] {
            let mut form = vec![("csrf", ocsrf.as_str())];
            form.extend(fields);
            let res = s.post(&translate, &officer, &form).await;
            assert_eq!(res.status(), 422);
            let html = res.text().await.unwrap();
            assert!(html.contains(message), "{message}: {html}");
        }
        assert_eq!(translations_saved(&s).await, saved, "nothing saved");
        let (_, html) = s.page(&format!("/consultations/{id}?lang=ar"), "").await;
        assert!(!html.contains("شوارع أكثر أمانًا"), "not half saved");
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let res = s
            .post(&translate, &tom, &[("csrf", &tom_csrf), (&key, "x")])
            .await;
        assert_eq!(res.status(), 403, "residents may not translate");

        // Translated (markup is text): Arabic readers see it, others the
        // original; saving is one audit entry.
        let arabic = "إنارة الشوارع <b>ليلًا</b>";
        let res = s
            .post(&translate, &officer, &[("csrf", &ocsrf), (&key, arabic)])
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(translations_saved(&s).await, saved + 1);
        let (_, html) = s.page(&translate, &officer).await;
        let r = row(&html, &key);
        assert!(!r.starts_with(" app-translation--missing"), "{r}");
        let (status, html) = s.page(&format!("{public}?lang=ar"), "").await;
        assert_eq!(status, 200);
        assert!(
            html.contains("إنارة الشوارع &#60;b&#62;ليلًا")
                || html.contains("إنارة الشوارع &lt;b&gt;ليلًا"),
            "{html}"
        );
        assert!(!html.contains("<b>ليلًا"), "markup is escaped");
        assert!(!html.contains("Street lighting"));
        let (_, html) = s.page(&format!("{public}?lang=en"), "").await;
        assert!(html.contains("Street lighting"));
        assert!(!html.contains("إنارة الشوارع"));

        // The analyst renames the theme: the translation is stale, flagged
        // on the page and not shown; Arabic readers get the new original.
        rename("Lighting at night").await;
        let (_, html) = s.page(&translate, &officer).await;
        let r = row(&html, &key);
        assert!(r.starts_with(" app-translation--missing"), "{r}");
        assert!(r.contains("has changed since this was translated"), "{r}");
        assert!(r.contains("Lighting at night") && r.contains("ليلًا"), "{r}");
        assert_eq!(
            translation_heading(r),
            "Theme cited by a finding: Lighting at night",
            "headed by the new label"
        );
        let (_, html) = s.page(&format!("{public}?lang=ar"), "").await;
        assert!(html.contains("Lighting at night"));
        assert!(!html.contains("إنارة الشوارع"));

        // Saved again from the new original, it shows again.
        let res = s
            .post(
                &translate,
                &officer,
                &[("csrf", &ocsrf), (&key, "الإنارة ليلًا")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, html) = s.page(&format!("{public}?lang=ar"), "").await;
        assert!(html.contains("الإنارة ليلًا"));
        assert!(!html.contains("Lighting at night"));
    }
}
