//! Publishing a consultation whose texts are not all translated: the
//! confirmation page says which languages lack how many texts, or have
//! translations to review, and leads to their translations page;
//! publishing stays allowed.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::builder::draft;
use super::{details, location, TOM};
use crate::support::{servers_with_people, text_of, Server};

/// "N of M" from the officers' page's row for Arabic ("N of M texts not
/// translated yet"), where N counts texts without a translation (one to
/// review is counted apart).
async fn arabic_row(s: &Server, cookie: &str, id: &str) -> (usize, usize) {
    let (_, html) = s.page(&format!("/staff/consultations/{id}"), cookie).await;
    let text = text_of(&html);
    let before = text
        .split(" texts not translated yet")
        .next()
        .unwrap_or_else(|| panic!("{text}"));
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    assert_eq!(words[1], "of", "{before}");
    (words[2].parse().unwrap(), words[0].parse().unwrap())
}

#[tokio::test]
async fn publishing_says_which_translations_are_missing_and_still_publishes() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = draft(&s).await;
        let ask = format!("/staff/consultations/{id}/publication?what=consultation&publish=yes");
        let translations = format!("/staff/consultations/{id}/translations/ar");
        let (missing, all) = arabic_row(&s, &officer, &id).await;
        assert_eq!(missing, all, "nothing translated yet");
        let (status, html) = s.page(&ask, &officer).await;
        assert_eq!(status, 200);
        let text = text_of(&html);
        assert!(
            text.contains("Some of this consultation’s texts are not ready in every language. You can still publish"),
            "{text}"
        );
        assert!(
            text.contains(&format!("Arabic: {all} of {all} texts not translated yet.")),
            "{text}"
        );
        assert!(!text.contains("to review"), "{text}");
        assert!(html.contains(&format!(r#"<a class="govuk-link" href="{translations}">"#)));
        assert!(text.contains("See the translations into Arabic"));
        assert!(html.contains(r#"<bdi lang="en">Arabic</bdi>"#), "{html}");

        // One text translated, then its original changed: it is to
        // review, and the others are still missing.
        let res = s
            .post(
                &translations,
                &officer,
                &[
                    ("csrf", csrf.as_str()),
                    ("summary", "أخبرنا بما يجعل شارعك أكثر أمانًا."),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let res = s
            .post(
                &format!("/staff/consultations/{id}/edit"),
                &officer,
                &details(&csrf),
            )
            .await;
        assert_eq!(res.status(), 303);
        // The officers' page counts it apart too: one to review, not
        // one more not translated; as does the translations page.
        let (missing, all) = arabic_row(&s, &officer, &id).await;
        let (_, staff) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(
            text_of(&staff).contains(&format!(
                "{missing} of {all} texts not translated yet, 1 needs review"
            )),
            "{}",
            text_of(&staff)
        );
        let (_, page) = s.page(&translations, &officer).await;
        assert!(
            text_of(&page).contains(&format!(
                "{missing} of {all} texts not translated yet, 1 needs review"
            )),
            "{}",
            text_of(&page)
        );
        let (_, staff_ar) = s
            .page(&format!("/staff/consultations/{id}?lang=ar"), &officer)
            .await;
        assert!(
            text_of(&staff_ar).contains("نص واحد تحتاج ترجمته إلى مراجعة"),
            "{}",
            text_of(&staff_ar)
        );
        let text = text_of(&s.page(&ask, &officer).await.1);
        assert!(
            text.contains(&format!(
                "Arabic: {missing} of {all} texts not translated yet. Arabic: 1 of {all} texts needs review, as its original has changed since it was translated."
            )),
            "{text}"
        );

        // In Arabic, for an officer who reads it.
        let (_, html) = s.page(&ask, &format!("{officer}; cohesion_lang=ar")).await;
        let text = text_of(&html);
        assert!(text.contains("ما زال بإمكانك النشر"), "{text}");
        // One text to review: said in the singular, however many there are.
        assert!(
            text.contains(&format!(
                "العربية: نصّ واحد من أصل {all} تحتاج ترجمته إلى مراجعة، لأن أصله تغيّر بعد ترجمته."
            )),
            "{text}"
        );
        assert!(text.contains("اطّلع على الترجمة إلى العربية"), "{text}");

        // Publishing is still allowed; the POST without confirmation asks
        // the same, notes included.
        let post = format!("/staff/consultations/{id}/publication");
        let fields = [
            ("csrf", csrf.as_str()),
            ("what", "consultation"),
            ("publish", "yes"),
        ];
        let res = s.post(&post, &officer, &fields).await;
        assert_eq!(res.status(), 200);
        assert!(text_of(&res.text().await.unwrap()).contains("texts needs review"));
        let mut confirmed = fields.to_vec();
        confirmed.push(("confirm", "yes"));
        let res = s.post(&post, &officer, &confirmed).await;
        assert_eq!(res.status(), 303);
        assert!(location(&res).ends_with("?done=consultation-published"));
        let (tom, _) = s.sign_in(TOM, DEMO_PASSWORD).await;
        assert_eq!(s.page(&format!("/consultations/{id}"), &tom).await.0, 200);
    }
}

/// The keys of every text on a translations page.
fn text_keys(html: &str) -> Vec<String> {
    html.split("<div class=\"govuk-form-group app-translation")
        .skip(1)
        .map(|row| {
            let name = row.split(" name=\"").nth(1).unwrap();
            name.split('"').next().unwrap().to_owned()
        })
        .collect()
}

/// Counts come as words without isolation marks, and a translation with
/// nothing missing is said to be complete, not "0 of N missing".
#[tokio::test]
async fn counts_have_no_isolation_marks_and_a_complete_translation_says_so() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = draft(&s).await;
        let ask = format!("/staff/consultations/{id}/publication?what=consultation&publish=yes");
        let (_, html) = s.page(&ask, &officer).await;
        assert!(
            html.contains("The survey has 3 questions on 2 pages."),
            "no marks around the counts: {html:?}"
        );
        let (_, ar) = s.page(&format!("{ask}&lang=ar"), &officer).await;
        assert!(ar.contains("في الاستبيان 3 أسئلة في صفحتين."), "{ar:?}");

        // Every text translated.
        let translations = format!("/staff/consultations/{id}/translations/ar");
        let (_, page) = s.page(&translations, &officer).await;
        let keys = text_keys(&page);
        assert!(keys.len() > 5, "{keys:?}");
        let mut form = vec![("csrf", csrf.clone())];
        form.extend(keys.iter().map(|k| (k.as_str(), "نص مترجم".to_owned())));
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = s.post(&translations, &officer, &form).await;
        assert_eq!(res.status(), 303);
        let all = keys.len();
        let (_, staff) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(
            text_of(&staff).contains(&format!("All {all} texts translated")),
            "{}",
            text_of(&staff)
        );
        assert!(!text_of(&staff).contains("texts not translated yet"));
        let (_, page) = s.page(&translations, &officer).await;
        assert!(page.contains(&format!("All {all} texts translated")));
        let (_, ar) = s
            .page(&format!("/staff/consultations/{id}?lang=ar"), &officer)
            .await;
        assert!(
            text_of(&ar).contains(&format!("تُرجمت كل النصوص، وعددها {all}")),
            "{}",
            text_of(&ar)
        );
        let (_, html) = s.page(&ask, &officer).await;
        assert!(!text_of(&html).contains("not translated yet"));
    }
}
