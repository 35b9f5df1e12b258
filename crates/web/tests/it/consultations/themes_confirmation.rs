//! Confirming a question's themes asks first (ADR 22), as withdrawing
//! results does: the themes page's button leads to a question that says
//! what will happen, and only its form, with the session's token and
//! `confirm=yes`, confirms. Forged, replayed and stale confirmations are
//! refused, with nothing written.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_storage::audit::{self, AuditQuery};

use super::themes::edit_theme;
use super::{demo_consultation, theme_ids, ANALYST};
use crate::support::{servers_with_people, text_of, Server};

/// The fields the asking page's form sends besides the token (hidden
/// inputs, `confirm=yes` included), as (name, value).
pub(super) fn asked_fields(html: &str) -> Vec<(String, String)> {
    html.split("<input type=\"hidden\" name=\"")
        .skip(1)
        .map(|rest| {
            let name = &rest[..rest.find('"').unwrap()];
            let value = rest.split("value=\"").nth(1).unwrap();
            (
                name.to_owned(),
                value[..value.find('"').unwrap()].to_owned(),
            )
        })
        .filter(|(name, _)| name != "csrf")
        .collect()
}

/// Confirms the themes at `base` as an analyst does: asks, then says yes.
pub(super) async fn confirm_themes(
    s: &Server,
    cookie: &str,
    csrf: &str,
    base: &str,
) -> reqwest::Response {
    let (status, html) = s.page(&format!("{base}/confirm"), cookie).await;
    assert_eq!(status, 200, "{html}");
    let fields = asked_fields(&html);
    post_fields(s, cookie, csrf, base, &fields).await
}

async fn post_fields(
    s: &Server,
    cookie: &str,
    csrf: &str,
    base: &str,
    fields: &[(String, String)],
) -> reqwest::Response {
    let mut sent: Vec<(&str, &str)> = vec![("csrf", csrf)];
    sent.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    s.post(&format!("{base}/confirm"), cookie, &sent).await
}

async fn confirmations(s: &Server, id: &str) -> usize {
    let mut c = s.db().acquire().await.unwrap();
    let q = AuditQuery {
        action: Some("themes.confirm"),
        subject: Some(id.parse().unwrap()),
        limit: 100,
        ..Default::default()
    };
    audit::page(c.conn(), &q).await.unwrap().len()
}

#[tokio::test]
async fn confirming_themes_asks_first_and_refuses_forged_replayed_and_stale_forms() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let base = format!("/staff/consultations/{id}/themes/q7");
        let (li, csrf) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let run = [("csrf", csrf.as_str()), ("step", "run"), ("seed", "7")];
        assert_eq!(s.post(&base, &li, &run).await.status(), 303);
        let (_, page) = s.page(&base, &li).await;
        let themes = theme_ids(&page, &base);
        assert!(themes.len() > 1);

        // The button is a link to the question (no token, and no stray
        // "?" that an empty GET form would leave on the address).
        let link = &page[page
            .find(&format!("<a href=\"{base}/confirm\" role=\"button\""))
            .expect("a link drawn as a button")..];
        let link = &link[..link.find("</a>").unwrap()];
        assert!(link.contains("Confirm these themes"), "{link}");

        // The question: how many themes, which, what will happen, and
        // the way back.
        let (status, html) = s.page(&format!("{base}/confirm"), &li).await;
        assert_eq!(status, 200);
        let words = text_of(&html).replace(['\u{2068}', '\u{2069}'], "");
        assert!(
            words.contains(&format!("Confirm these {} themes for", themes.len())),
            "{words}"
        );
        assert!(
            words.contains("written answers to this question are mapped to"),
            "{words}"
        );
        assert!(words.contains("sends the set back to be confirmed and mapped again"));
        assert!(html.contains("Yes, confirm these themes"));
        assert!(
            html.contains(&format!("href=\"{base}\"")),
            "Cancel goes back"
        );
        let fields = asked_fields(&html);
        for t in &themes {
            assert!(
                fields.contains(&("themes".to_owned(), t.clone())),
                "{t} in {fields:?}"
            );
        }
        let (status, arabic) = s
            .page(
                &format!("{base}/confirm"),
                &format!("{li}; cohesion_lang=ar"),
            )
            .await;
        assert_eq!(status, 200);
        assert!(arabic.contains("هل تؤكّد") && arabic.contains("نعم، أكّد هذه المحاور"));

        // Posted without the question's yes, from the themes page or the
        // question's address: asked again, nothing done.
        let step = [("csrf", csrf.as_str()), ("step", "confirm")];
        let res = s.post(&base, &li, &step).await;
        assert_eq!(res.status(), 200);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("Yes, confirm these themes"));
        let unconfirmed: Vec<(String, String)> = fields
            .iter()
            .filter(|(k, _)| k != "confirm")
            .cloned()
            .collect();
        assert_eq!(
            post_fields(&s, &li, &csrf, &base, &unconfirmed)
                .await
                .status(),
            200
        );
        // A forged token, a forged run.
        assert_eq!(
            post_fields(&s, &li, "forged", &base, &fields)
                .await
                .status(),
            403
        );
        for forged in ["nonsense", "00000000-0000-7000-8000-000000000000"] {
            let mut f = fields.clone();
            f.iter_mut().find(|(k, _)| k == "run").unwrap().1 = forged.to_owned();
            assert_eq!(
                post_fields(&s, &li, &csrf, &base, &f).await.status(),
                404,
                "{forged}"
            );
        }
        assert_eq!(confirmations(&s, &id).await, 0);
        assert!(s.page(&base, &li).await.1.contains("Candidate themes"));

        // Yes: confirmed, once.
        let res = post_fields(&s, &li, &csrf, &base, &fields).await;
        assert_eq!(res.status(), 303);
        let location = res.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(location, format!("{base}?done=confirm"));
        assert_eq!(confirmations(&s, &id).await, 1);
        assert!(s
            .page(&base, &li)
            .await
            .1
            .contains("The themes are confirmed."));

        // The same form again (a reload, a second tab): 409, said plainly.
        let res = post_fields(&s, &li, &csrf, &base, &fields).await;
        assert_eq!(res.status(), 409);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("These themes are confirmed already. Nothing was changed."));
        assert_eq!(s.page(&format!("{base}/confirm"), &li).await.0, 409);
        assert_eq!(confirmations(&s, &id).await, 1);

        // Asked, then the set changed (a theme deleted): the old answer
        // is refused; so is one about a run discovery has replaced.
        let merge = [
            ("change", "merge"),
            ("theme", themes[1].as_str()),
            ("into", themes[0].as_str()),
            ("confirm", "yes"),
        ];
        assert_eq!(
            edit_theme(&s, &li, &csrf, &base, &merge).await.status(),
            303,
            "back to candidates"
        );
        let (_, html) = s.page(&format!("{base}/confirm"), &li).await;
        let asked = asked_fields(&html);
        let last = theme_ids(&s.page(&base, &li).await.1, &base).pop().unwrap();
        let delete = [
            ("change", "delete"),
            ("theme", last.as_str()),
            ("confirm", "yes"),
        ];
        assert_eq!(
            edit_theme(&s, &li, &csrf, &base, &delete).await.status(),
            303
        );
        let res = post_fields(&s, &li, &csrf, &base, &asked).await;
        assert_eq!(res.status(), 409);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("The themes have changed since you were asked"));
        let (_, html) = s.page(&format!("{base}/confirm"), &li).await;
        let asked = asked_fields(&html);
        // Discovery run again (asked first, since a theme was deleted).
        let rerun = [("csrf", csrf.as_str()), ("step", "run"), ("seed", "8")];
        let res = s.post(&base, &li, &rerun).await;
        assert_eq!(res.status(), 200);
        let rerun_asked = asked_fields(&res.text().await.unwrap());
        let mut yes = vec![("csrf", csrf.as_str())];
        yes.extend(rerun_asked.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(s.post(&base, &li, &yes).await.status(), 303);
        assert_eq!(
            post_fields(&s, &li, &csrf, &base, &asked).await.status(),
            409
        );
        assert_eq!(confirmations(&s, &id).await, 1, "nothing written");
    }
}
