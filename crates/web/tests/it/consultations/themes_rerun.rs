//! Finding themes again replaces the analyst's work on the latest run
//! (confirmed themes, changes, the mapping), so it asks first when there
//! is any (ADR 22): the question says what will be lost, and a replayed
//! or stale confirmation is refused with nothing done. The API wants
//! `replace: true` for the same.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_storage::audit::{self, AuditQuery};

use super::themes::edit_theme;
use super::themes_confirmation::{asked_fields, confirm_themes};
use super::{demo_consultation, theme_ids, ANALYST};
use crate::support::{servers_with_people, text_of, Server};

async fn runs(s: &Server, id: &str) -> usize {
    let mut c = s.db().acquire().await.unwrap();
    let q = AuditQuery {
        action: Some("themes.run"),
        subject: Some(id.parse().unwrap()),
        limit: 100,
        ..Default::default()
    };
    audit::page(c.conn(), &q).await.unwrap().len()
}

#[tokio::test]
async fn finding_themes_again_asks_what_it_replaces_and_refuses_replays() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let base = format!("/staff/consultations/{id}/themes/q7");
        let (li, csrf) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let run = |seed: &'static str| {
            [
                ("csrf", csrf.clone()),
                ("step", "run".into()),
                ("seed", seed.into()),
            ]
        };
        let post = async |fields: &[(&str, String)]| {
            let sent: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            s.post(&base, &li, &sent).await
        };

        // No work yet: running again needs no question.
        assert_eq!(post(&run("7")).await.status(), 303);
        assert_eq!(post(&run("8")).await.status(), 303);
        assert_eq!(runs(&s, &id).await, 2);

        // A rename and a confirmed set are work: running asks first and
        // runs nothing.
        let (_, page) = s.page(&base, &li).await;
        let ids = theme_ids(&page, &base);
        let rename = [
            ("change", "rename"),
            ("theme", ids[0].as_str()),
            ("label", "Parks and play"),
        ];
        assert_eq!(
            edit_theme(&s, &li, &csrf, &base, &rename).await.status(),
            303
        );
        assert_eq!(confirm_themes(&s, &li, &csrf, &base).await.status(), 303);
        let res = post(&run("7")).await;
        assert_eq!(res.status(), 200);
        let html = res.text().await.unwrap();
        let text = text_of(&html);
        assert!(
            text.contains("Find themes again for “What else should we do”?"),
            "{text}"
        );
        assert!(
            text.contains(&format!("the {} confirmed themes", ids.len())),
            "{text}"
        );
        assert!(text.contains("your 1 change to the themes"), "{text}");
        assert!(
            !text.contains("the mapping of"),
            "nothing mapped yet: {text}"
        );
        assert!(
            html.contains("Yes, find themes again") && html.contains(&format!("href=\"{base}\""))
        );
        assert_eq!(runs(&s, &id).await, 2, "asking runs nothing");

        // Work done after the question (one more change) makes its
        // answer stale.
        let asked = asked_fields(&html);
        let mut stale: Vec<(&str, String)> = vec![("csrf", csrf.clone())];
        stale.extend(asked.iter().map(|(k, v)| (k.as_str(), v.clone())));
        let rename = [
            ("change", "rename"),
            ("theme", ids[1].as_str()),
            ("label", "Play areas"),
        ];
        assert_eq!(
            edit_theme(&s, &li, &csrf, &base, &rename).await.status(),
            303
        );
        assert_eq!(post(&stale).await.status(), 409);
        assert_eq!(runs(&s, &id).await, 2, "a stale confirmation runs nothing");

        // Asked again, "Yes" runs once; the same form again is refused.
        let html = post(&run("7")).await.text().await.unwrap();
        let mut yes: Vec<(&str, String)> = vec![("csrf", csrf.clone())];
        let asked = asked_fields(&html);
        yes.extend(asked.iter().map(|(k, v)| (k.as_str(), v.clone())));
        assert!(yes.contains(&("confirm", "yes".into())), "{yes:?}");
        assert_eq!(post(&yes).await.status(), 303);
        assert_eq!(runs(&s, &id).await, 3);
        let (_, page) = s.page(&base, &li).await;
        assert!(!page.contains("Parks and play") && !page.contains("Play areas"));
        let res = post(&yes).await;
        assert_eq!(res.status(), 409, "a replayed confirmation");
        assert_eq!(runs(&s, &id).await, 3, "a replay runs nothing");
        // A forged one is no run of this question.
        let forged: Vec<(&str, String)> = yes
            .iter()
            .map(|(k, v)| match *k {
                "work" => (*k, "a.b.c".to_owned()),
                _ => (*k, v.clone()),
            })
            .collect();
        assert_eq!(post(&forged).await.status(), 404);

        // The Arabic question says the same in Arabic.
        let ids = theme_ids(&page, &base);
        let rename = [
            ("change", "rename"),
            ("theme", ids[0].as_str()),
            ("label", "Parks"),
        ];
        assert_eq!(
            edit_theme(&s, &li, &csrf, &base, &rename).await.status(),
            303
        );
        let ar = format!("{base}?lang=ar");
        let sent: Vec<(&str, &str)> = vec![("csrf", &csrf), ("step", "run"), ("seed", "7")];
        let html = s.post(&ar, &li, &sent).await.text().await.unwrap();
        assert!(html.contains("نعم، استكشف المحاور من جديد"), "{html}");
        assert!(html.contains("تعديلك الوحيد على المحاور"), "{html}");
    }
}
