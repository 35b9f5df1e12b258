//! Around publishing, over HTTP: publishing asks first and needs a
//! question; results are not offered (and refused, 409) for a draft or a
//! consultation nobody has answered; stages follow their dates unless set;
//! a withdrawn consultation says when and by whom to staff; a closed one
//! says "Closed" once and leads to "We asked, you said, we did"; Manage
//! counts missing translations of closed consultations still read.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use uuid::Uuid;

use super::{
    build_survey, create, demo_consultation, location, published, OFFICER, OPEN_FROM, OPEN_UNTIL,
};
use crate::support::{servers_with_people, text_of, Server};

fn words(html: &str) -> String {
    text_of(html).replace(['\u{2068}', '\u{2069}'], "")
}

async fn published_at(s: &Server, id: &str) -> bool {
    let mut c = s.db().acquire().await.unwrap();
    let (c, _) = cohesion_storage::consultations::catalogue::find(c.conn(), id.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    c.published_at.is_some()
}

async fn demo_titled(s: &Server, title: &str) -> Uuid {
    let mut c = s.db().acquire().await.unwrap();
    cohesion_storage::consultations::catalogue::all_ids(c.conn())
        .await
        .unwrap()
        .into_iter()
        .find(|(_, t)| t == title)
        .unwrap()
        .0
}

#[tokio::test]
async fn publishing_asks_first_and_needs_a_question() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let id = create(
            &s,
            &officer,
            &csrf,
            "Street trees",
            (OPEN_FROM, OPEN_UNTIL),
            "yes",
        )
        .await;
        let manage = format!("/staff/consultations/{id}");
        let path = format!("{manage}/publication");
        let ask = format!("{path}?what=consultation&publish=yes");
        let html = s.page(&manage, &officer).await.1;
        assert!(words(&html).contains("Add at least one question before publishing."));
        assert!(!html.contains(&format!("action=\"{path}\"")), "not offered");
        assert!(words(&html).contains("Publish the consultation before its results"));

        // Asked or sent, refused while there is no question; nothing done.
        let (status, html) = s.page(&ask, &officer).await;
        assert_eq!(status, 409);
        assert!(words(&html).contains("Add at least one question before publishing"));
        let confirmed = [
            ("csrf", csrf.as_str()),
            ("what", "consultation"),
            ("publish", "yes"),
            ("confirm", "yes"),
        ];
        assert_eq!(s.post(&path, &officer, &confirmed).await.status(), 409);
        let api = s.url(&format!("/api/v1/consultations/{id}/publication"));
        let res = s
            .client
            .put(&api)
            .header("cookie", &officer)
            .header("x-csrf-token", &csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 409);
        let problem: serde_json::Value = res.json().await.unwrap();
        assert_eq!(problem["code"], "no_questions");
        assert!(!published_at(&s, &id).await);

        // The results of a draft: not offered, refused.
        assert!(!html_of(&s, &manage, &officer)
            .await
            .contains("/results/publish"));
        let results = format!("{manage}/results/publish");
        let (status, html) = s.page(&results, &officer).await;
        assert_eq!(status, 409);
        assert!(words(&html).contains("Publish the consultation before its results"));
        let res = s
            .post(&results, &officer, &[("csrf", &csrf), ("questions", "q1")])
            .await;
        assert_eq!(res.status(), 409);

        // With questions: publishing asks, saying what will happen.
        build_survey(&s, &officer, &csrf, &id).await;
        let html = html_of(&s, &manage, &officer).await;
        assert!(html.contains(&format!("method=\"get\" action=\"{path}\"")));
        let (status, html) = s.page(&ask, &officer).await;
        assert_eq!(status, 200);
        let text = words(&html);
        assert!(text.contains("Publish Street trees?"), "{text}");
        assert!(
            text.contains("The survey has 3 questions on 2 pages."),
            "{text}"
        );
        assert!(text.contains("you can still fix their wording"), "{text}");
        assert!(text.contains("Yes, publish the consultation"));
        let arabic = words(&s.page(&format!("{ask}&lang=ar"), &officer).await.1);
        assert!(arabic.contains("نعم، انشر الاستشارة"), "{arabic}");
        let unconfirmed = &confirmed[..3];
        assert_eq!(s.post(&path, &officer, unconfirmed).await.status(), 200);
        assert!(!published_at(&s, &id).await, "asking publishes nothing");
        let res = s.post(&path, &officer, &confirmed).await;
        assert_eq!(res.status(), 303);
        assert!(location(&res).ends_with("?done=consultation-published"));
        assert!(published_at(&s, &id).await);

        // Published, nobody has answered: still no results to publish.
        assert!(!html_of(&s, &manage, &officer)
            .await
            .contains("/results/publish"));
        let (status, html) = s.page(&results, &officer).await;
        assert_eq!(status, 409);
        assert!(words(&html).contains("Nobody has responded yet"));
        let api = s.url(&format!("/api/v1/consultations/{id}/results/publication"));
        let res = s
            .client
            .put(&api)
            .header("cookie", &officer)
            .header("x-csrf-token", &csrf)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 409);
        let problem: serde_json::Value = res.json().await.unwrap();
        assert_eq!(problem["code"], "no_responses");
    }
}

async fn html_of(s: &Server, path: &str, cookie: &str) -> String {
    s.page(path, cookie).await.1
}

/// The public page's `<li>` for the stage named `name`.
fn stage<'a>(html: &'a str, name: &str) -> &'a str {
    html.split("<li class=\"app-timeline__stage")
        .find(|li| li.contains(&format!(">{name}</bdi>")))
        .unwrap_or_else(|| panic!("no stage {name}"))
}

#[tokio::test]
async fn stages_follow_their_dates_unless_set() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = published(&s, "yes").await;
        let form = format!("/staff/consultations/{id}/stages/new");
        let html = s.page(&form, &officer).await.1;
        assert!(html.contains(r#"value="automatic" checked"#), "the default");
        assert!(words(&html).contains("Automatic (from the dates)"));
        // No state sent: automatic.
        for (name, date) in [("Evidence", "2020-02-01"), ("Report", "2099-01-01")] {
            let fields = [("csrf", csrf.as_str()), ("name", name), ("date", date)];
            assert_eq!(s.post(&form, &officer, &fields).await.status(), 303);
        }
        // "Survey open" (2020-01-01) was set to "Now" by hand and stays
        // so; "Evidence", the last whose date has come, is current.
        let html = s.page(&format!("/consultations/{id}"), "").await.1;
        let is = |name: &str, state: &str| {
            stage(&html, name).contains(&format!("app-timeline__stage--{state}\""))
        };
        assert!(is("Evidence", "current"), "{html}");
        assert!(is("Report", "to_come"));
        assert!(is("Survey open", "current"));
        let manage = words(
            &s.page(&format!("/staff/consultations/{id}"), &officer)
                .await
                .1,
        );
        assert!(manage.contains("Now (from the dates)"), "{manage}");

        let api = format!("/api/v1/consultations/{id}");
        let json: serde_json::Value = s.get(&api).await.json().await.unwrap();
        let stages = json["stages"].as_array().unwrap();
        let got: Vec<(&str, bool)> = stages
            .iter()
            .map(|s| {
                (
                    s["state"].as_str().unwrap(),
                    s["automatic"].as_bool().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [("current", false), ("current", true), ("to_come", true)]
        );
        // Sent back as read, the timeline keeps following its dates.
        let res = s
            .client
            .put(s.url(&format!("{api}/stages")))
            .header("cookie", &officer)
            .header("x-csrf-token", &csrf)
            .json(&json["stages"])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 204);
        let again: serde_json::Value = s.get(&api).await.json().await.unwrap();
        assert_eq!(again["stages"], json["stages"]);
    }
}

#[tokio::test]
async fn withdrawn_and_closed_consultations_say_what_they_are() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;

        // Closed: "Closed" once, and the way to what we did beside it.
        let closed = demo_titled(&s, "Reporting hate crime: what stops people?").await;
        let html = s.page(&format!("/consultations/{closed}"), "").await.1;
        let text = words(&html);
        assert!(!text.contains("Closed Closed"), "{text}");
        assert!(text.contains("Closed on "), "{text}");
        let summary = text.split("Timeline").next().unwrap();
        assert!(
            summary.contains("We asked, you said, we did: what the council did in response"),
            "{summary}"
        );
        let ar = words(
            &s.page(&format!("/consultations/{closed}?lang=ar"), "")
                .await
                .1,
        );
        assert!(ar.contains("سألنا، قال الناس، فعلنا: ما فعله المجلس استجابةً لذلك"));

        // Manage: its results are shown, untranslated, so it is listed.
        let html = s.page("/manage", &officer).await.1;
        let start = html.find(">Translations missing</h3>").unwrap() + 5;
        let rest = &html[start..];
        let end = [rest.find("<h3"), rest.find("<h2"), rest.find("</section>")]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(rest.len());
        let missing = &rest[..end];
        assert!(missing.contains(&closed.to_string()), "{missing}");

        // Withdrawn: staff are told when and by whom, not "a draft".
        let path = format!("/staff/consultations/{id}/publication");
        let confirmed = [
            ("csrf", csrf.as_str()),
            ("what", "consultation"),
            ("publish", "no"),
            ("confirm", "yes"),
        ];
        assert_eq!(s.post(&path, &officer, &confirmed).await.status(), 303);
        let text = words(&s.page(&format!("/consultations/{id}"), &officer).await.1);
        assert!(!text.contains("This is a draft"), "{text}");
        assert!(
            text.contains("This consultation was withdrawn on "),
            "{text}"
        );
        assert!(text.contains(", by Helen Park."), "{text}");
        let text = words(
            &s.page(&format!("/staff/consultations/{id}"), &officer)
                .await
                .1,
        );
        assert!(
            text.contains("Withdrawn") && text.contains("by Helen Park"),
            "{text}"
        );
        assert!(text.contains("Withdrew the consultation"), "in the history");
    }
}
