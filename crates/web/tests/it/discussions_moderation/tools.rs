//! The moderation tools over HTTP with the demo: several comments hidden
//! from the queue at once after a confirmation, with a summary of what
//! was skipped; escalated comments left to senior moderators; the
//! Moderation item of the navigation; and the transparency pages and API.

use super::{reported, GRACE};
use crate::discussions::{closed_id, open_id, servers, sign_in, AMINA, TOM};

const JOAN: &str = "joan@brightwater.example";

#[tokio::test]
async fn several_comments_are_hidden_at_once_and_the_rest_skipped_with_a_reason() {
    for s in servers().await {
        let id = open_id(&s).await;
        let a = reported(&s, &id, AMINA, "Cheap watches here, first offer.", TOM).await;
        let b = reported(&s, &id, AMINA, "Cheap watches here, second offer.", TOM).await;
        let own = reported(&s, &id, GRACE, "A moderator also writes here.", AMINA).await;
        let (grace, csrf) = sign_in(&s, GRACE).await;

        // The queue's cards carry tick boxes for its bulk form.
        let (_, queue) = s.page("/moderation", &grace).await;
        assert!(queue.contains("form=\"moderation-bulk\""), "{queue}");
        assert!(queue.contains("id=\"moderation-bulk\""));

        // Nothing ticked, a forged id or no decision: refused, nothing done.
        for fields in [
            vec![("action", "hide"), ("reason", "spam")],
            vec![
                ("items", "not-an-id"),
                ("action", "hide"),
                ("reason", "spam"),
            ],
            vec![("items", a.as_str()), ("action", "suspend")],
            vec![
                ("items", a.as_str()),
                ("action", "hide"),
                ("reason", "rude"),
            ],
        ] {
            let mut form = vec![("csrf", csrf.as_str())];
            form.extend(fields);
            let res = s.post("/moderation/bulk", &grace, &form).await;
            assert_eq!(res.status(), 422);
            assert!(res.text().await.unwrap().contains("Nothing was decided"));
        }

        // Hiding several asks first.
        let ticked = [
            ("csrf", csrf.as_str()),
            ("items", a.as_str()),
            ("items", b.as_str()),
            ("items", own.as_str()),
            ("action", "hide"),
            ("reason", "spam"),
            ("note", ""),
        ];
        let res = s.post("/moderation/bulk", &grace, &ticked).await;
        assert_eq!(res.status(), 200);
        let ask = res.text().await.unwrap();
        assert!(ask.contains("Hide 3 comments?"), "{ask}");
        let (_, still) = s.page("/moderation", &grace).await;
        assert!(still.contains("first offer"), "nothing hidden yet");

        let mut confirmed = ticked.to_vec();
        confirmed.push(("confirm", "yes"));
        let res = s.post("/moderation/bulk", &grace, &confirmed).await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        let (status, after) = s.page(&to, &grace).await;
        assert_eq!(status, 200);
        assert!(
            after.contains("2 hidden; 1 skipped: your own comment"),
            "{after}"
        );
        let public = s.html(&format!("/discussions/{id}")).await;
        assert!(!public.contains("first offer") && !public.contains("second offer"));
        assert!(public.contains("A moderator also writes here."));
        let (_, ar) = s.page(&format!("{to}&lang=ar"), &grace).await;
        assert!(ar.contains("أُخفي تعليقان"), "{ar}");
    }
}

/// A bulk decision comes back to the queue as it was narrowed, and says
/// why each skipped comment was skipped, with the way to it.
#[tokio::test]
async fn a_bulk_decision_keeps_the_filters_and_names_each_skipped_comment() {
    for s in servers().await {
        let id = open_id(&s).await;
        let a = reported(&s, &id, AMINA, "Cheap watches here, one more offer.", TOM).await;
        let own = reported(&s, &id, GRACE, "A moderator writes here again.", AMINA).await;
        let (grace, csrf) = sign_in(&s, GRACE).await;

        // The form carries the queue's filters.
        let (_, queue) = s.page("/moderation?flag=reported", &grace).await;
        assert!(
            queue.contains("name=\"from\" value=\"/moderation?flag=reported\""),
            "{queue}"
        );
        let res = s
            .post(
                "/moderation/bulk",
                &grace,
                &[
                    ("csrf", csrf.as_str()),
                    ("items", a.as_str()),
                    ("items", own.as_str()),
                    ("action", "approve"),
                    // Only the filters are kept, whatever else is sent.
                    ("from", "/moderation?flag=reported&after=x&done=y"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        let own_id = uuid::Uuid::parse_str(&own).unwrap().simple().to_string();
        assert_eq!(
            to,
            format!(
                "/moderation?flag=reported&done=moderation-bulk&did=approve&decided=1\
                 &skipped={own_id}.own_comment"
            )
        );
        let (status, after) = s.page(&to, &grace).await;
        assert_eq!(status, 200);
        assert!(
            after.contains("1 approved; 1 skipped: your own comment"),
            "{after}"
        );
        assert!(after.contains("Skipped comment 1"));
        assert!(after.contains("Your own comment: another moderator decides it."));
        assert!(after.contains(&format!("href=\"/moderation/comments/{own}\"")));
        let (_, ar) = s.page(&format!("{to}&lang=ar"), &grace).await;
        assert!(ar.contains("تعليقك أنت: يبتّ فيه مشرف آخر."), "{ar}");

        // Anywhere else is the whole queue.
        let res = s
            .post(
                "/moderation/bulk",
                &grace,
                &[
                    ("csrf", csrf.as_str()),
                    ("items", a.as_str()),
                    ("action", "approve"),
                    ("from", "https://elsewhere.example/moderation?flag=held"),
                ],
            )
            .await;
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert!(to.starts_with("/moderation?done=moderation-bulk"), "{to}");
        assert!(to.ends_with(&format!("skipped={}.already_decided", {
            uuid::Uuid::parse_str(&a).unwrap().simple()
        })));
    }
}

#[tokio::test]
async fn escalated_comments_wait_for_a_senior_moderator() {
    for s in servers().await {
        let id = open_id(&s).await;
        let cid = reported(&s, &id, AMINA, "Something to escalate, in a test.", TOM).await;
        let (grace, csrf) = sign_in(&s, GRACE).await;
        let path = format!("/moderation/comments/{cid}");
        let res = s
            .post(
                &path,
                &grace,
                &[("csrf", &csrf), ("action", "escalate"), ("note", "")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, item) = s.page(&path, &grace).await;
        assert!(
            item.contains("Only a senior moderator can decide it"),
            "{item}"
        );
        assert!(!item.contains("Record the decision"));
        let res = s
            .post(
                &path,
                &grace,
                &[("csrf", &csrf), ("action", "hide"), ("reason", "spam")],
            )
            .await;
        assert_eq!(res.status(), 403);

        let (joan, joan_csrf) = sign_in(&s, JOAN).await;
        let (_, queue) = s.page("/moderation?flag=escalated", &joan).await;
        assert!(queue.contains("Something to escalate"), "{queue}");
        let res = s
            .post(
                &path,
                &joan,
                &[("csrf", &joan_csrf), ("action", "hide"), ("reason", "spam")],
            )
            .await;
        assert_eq!(res.status(), 303);
    }
}

#[tokio::test]
async fn moderators_find_the_queue_in_the_navigation() {
    for s in servers().await {
        for (who, shown) in [
            (GRACE, true),
            (JOAN, true),
            (TOM, false),
            ("helen@brightwater.example", false),
        ] {
            let (cookie, _) = sign_in(&s, who).await;
            let (_, home) = s.page("/", &cookie).await;
            let link = "href=\"/moderation\"";
            assert_eq!(home.contains(link), shown, "{who}");
        }
        assert!(!s.html("/").await.contains("href=\"/moderation\""));
    }
}

#[tokio::test]
async fn transparency_pages_and_api_show_figures_by_month() {
    for s in servers().await {
        let list = s.html("/discussions").await;
        assert!(list.contains("href=\"/discussions/transparency\""));
        let page = s.html("/discussions/transparency").await;
        assert!(page.contains("<caption"), "{page}");
        assert!(page.contains("Moderation by month"));
        assert!(page.contains("Comments hidden, by public reason"));
        // Months are the site's (London's, by default), not UTC's.
        let zone = cohesion_domain::local_time::SiteZone::default();
        let now = zone.civil(time::OffsetDateTime::now_utc());
        let month = format!("{:04}-{:02}", now.year(), now.month() as u8);
        assert!(
            page.contains(&format!("<time datetime=\"{month}\">")),
            "{page}"
        );
        let ar = s.html("/discussions/transparency?lang=ar").await;
        assert!(ar.contains("الإشراف حسب الشهر"));
        // What "comments posted" counts, and that none at all is 0: the
        // demo's site had months with nothing hidden and no decisions.
        let text = crate::support::text_of(&page);
        assert!(text.contains("those held for checking and those hidden or deleted since included"));
        assert!(text.contains("None at all is shown as 0."), "{text}");
        assert!(text.contains("No decisions"), "{text}");
        assert!(
            page.contains("<td class=\"govuk-table__cell\">0</td>") || page.contains(">0</td>"),
            "zeros shown"
        );
        assert!(crate::support::text_of(&ar).contains("ويُعرض الصفر 0."));
        // What is suppressed, by one rule on both pages, is said.
        assert!(
            text.contains("Each month’s figures are checked on their own"),
            "{text}"
        );
        assert!(text.contains("Months before the first with anything to count"));

        let id = closed_id(&s).await;
        let one = s.html(&format!("/discussions/{id}")).await;
        assert!(one.contains(&format!("href=\"/discussions/{id}/transparency\"")));
        let page = s.html(&format!("/discussions/{id}/transparency")).await;
        assert!(page.contains("Not shown"), "small figures are suppressed");
        let res = s
            .get("/discussions/00000000-0000-0000-0000-000000000000/transparency")
            .await;
        assert_eq!(res.status(), 404);

        let res = s.get("/api/v1/discussions/transparency").await;
        assert_eq!(res.status(), 200);
        let body: serde_json::Value = res.json().await.unwrap();
        // From the first month with anything to count (the demo's
        // festival opened three months ago), not a year of empty months.
        let months = body["months"].as_array().unwrap();
        assert!((3..=5).contains(&months.len()), "{body}");
        assert_ne!(months.last().unwrap()["comments"], 0, "{body}");
        assert_eq!(body["months"][0]["month"], month.as_str());
        assert!(body["discussion_id"].is_null());
        let res = s
            .get(&format!("/api/v1/discussions/{id}/transparency"))
            .await;
        assert_eq!(res.status(), 200);
        let body: serde_json::Value = res.json().await.unwrap();
        // The demo's festival ran one to three months ago, with enough
        // comments in some month to show.
        let shown = body["months"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["comments"].as_u64().is_some_and(|n| n >= 10));
        assert!(shown, "{body}");
        // The open discussion opened 20 days ago: its figures start in
        // that month, with no empty months from before it opened.
        let open = open_id(&s).await;
        let page = s.html(&format!("/discussions/{open}/transparency")).await;
        let body: serde_json::Value = s
            .get(&format!("/api/v1/discussions/{open}/transparency"))
            .await
            .json()
            .await
            .unwrap();
        let months = body["months"].as_array().unwrap();
        let opened = zone.civil(time::OffsetDateTime::now_utc() - time::Duration::days(20));
        let first = format!("{:04}-{:02}", opened.year(), opened.month() as u8);
        assert_eq!(months.last().unwrap()["month"], first.as_str(), "{body}");
        assert!(months.len() <= 2, "{body}");
        let before = opened.date() - time::Duration::days(31);
        let earlier = format!("{:04}-{:02}", before.year(), before.month() as u8);
        assert!(!page.contains(&format!("datetime=\"{earlier}\"")), "{page}");
        assert!(page.contains(&format!("datetime=\"{first}\"")), "{page}");

        let res = s.get("/api/v1/discussions/not-an-id/transparency").await;
        assert!(res.status().is_client_error());
    }
}

/// The queue is the moderation home: it has no "Back" to the officers'
/// dashboard; a narrowed or later page of it leads back to all that
/// waits, as the other moderation pages do.
#[tokio::test]
async fn the_queue_leads_back_to_the_moderation_home_not_to_manage() {
    for s in servers().await {
        let (grace, _) = sign_in(&s, GRACE).await;
        let (status, queue) = s.page("/moderation", &grace).await;
        assert_eq!(status, 200);
        assert!(!queue.contains("class=\"govuk-back-link\""), "{queue}");
        assert!(!queue.contains("<a href=\"/manage\" class=\"govuk-back-link\""));
        let (_, held) = s.page("/moderation?flag=held", &grace).await;
        assert!(
            held.contains(
                "<a href=\"/moderation\" class=\"govuk-back-link\">Back to the moderation queue</a>"
            ),
            "{held}"
        );
        let (_, ar) = s.page("/moderation?flag=held&lang=ar", &grace).await;
        assert!(ar.contains("العودة إلى قائمة الإشراف"));
        for page in ["/moderation/words", "/moderation/screening"] {
            let (_, html) = s.page(page, &grace).await;
            assert!(html.contains("<a href=\"/moderation\" class=\"govuk-back-link\">"));
        }
    }
}
