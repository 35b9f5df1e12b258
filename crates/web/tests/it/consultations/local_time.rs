//! Local time: officers enter dates and times on the site's wall clock,
//! times the clocks skip or show twice are refused with the field named
//! and nothing saved, and every page shows dates as people write them in
//! `<time>` with the instant in UTC.

use cohesion_domain::local_time::SiteZone;
use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_web::WebConfig;

use super::{
    add_question, build_survey, consultation_count, create, publish, OFFICER, OPEN_FROM,
    OPEN_UNTIL, TOM,
};
use crate::support::{servers_with_people, start_with, text_of, Server};

/// The instant stored for a consultation's opening and closing, in
/// RFC 3339.
async fn stored(s: &Server, id: &str) -> (String, String) {
    let mut c = s.db().acquire().await.unwrap();
    let r = cohesion_storage::consultations::catalogue::find(c.conn(), id.parse().unwrap())
        .await
        .unwrap()
        .unwrap()
        .0;
    (r.opens_at.to_rfc3339(), r.closes_at.to_rfc3339())
}

fn form<'a>(csrf: &'a str, opens: &'a str, closes: &'a str) -> Vec<(&'static str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("title", "Parks after dark"),
        ("summary", "Lighting and safety in parks."),
        ("opens_at", opens),
        ("closes_at", closes),
    ]
}

/// The hint of field `name`, as it is in the page: checked to hold no
/// isolation marks, which would go along with copied text.
fn hint_of(html: &str, name: &str) -> String {
    let hint = html
        .split(&format!("id=\"{name}-hint\""))
        .nth(1)
        .unwrap_or_else(|| panic!("no hint for {name}"));
    let hint = hint
        .split_once('>')
        .unwrap()
        .1
        .split("</div>")
        .next()
        .unwrap();
    assert!(!hint.contains(['\u{2068}', '\u{2069}']), "{hint:?}");
    text_of(hint)
}

/// Officers' dates and times have hints written as people write dates,
/// in either language, without isolation marks; what the fields take
/// (what a browser without a picker would be typed in) the error says.
#[tokio::test]
async fn date_fields_give_examples_as_people_write_them() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let (_, ar) = s.page("/staff/consultations/new?lang=ar", &officer).await;
        for field in ["opens_at", "closes_at"] {
            let hint = hint_of(&ar, field);
            // No example date, which a picker showing mm/dd/yyyy would
            // seem to contradict: the zone the time is read in.
            assert!(hint.starts_with("الأوقات بتوقيت المملكة المتحدة."), "{hint}");
            assert!(
                !hint.contains("فبراير") && hint.contains("11:59 مساءً"),
                "{hint}"
            );
            assert!(!hint.contains("T17:00"));
        }
        let id = create(&s, &officer, &csrf, "Parks", (OPEN_FROM, OPEN_UNTIL), "no").await;
        let stage = format!("/staff/consultations/{id}/stages/new");
        let (_, html) = s.page(&stage, &officer).await;
        assert!(html.contains("type=\"date\""), "the browser's date picker");
        assert_eq!(
            hint_of(&html, "date"),
            "For example, 30 November 2026. Optional."
        );
        let (_, ar) = s.page(&format!("{stage}?lang=ar"), &officer).await;
        assert_eq!(hint_of(&ar, "date"), "مثلًا 30 نوفمبر 2026. اختياري.");
        let res = s
            .post(
                &stage,
                &officer,
                &[
                    ("csrf", &csrf),
                    ("name", "Survey open"),
                    ("date", "30 November 2026"),
                    ("state", "current"),
                    ("link", "survey"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        assert!(text_of(&res.text().await.unwrap())
            .contains("Enter a real date, for example 2026-11-30 for 30 November 2026"));
        let res = s
            .post(
                "/staff/consultations/new",
                &officer,
                &form(&csrf, "4 February 2027 at 5pm", "2099-12-04T17:00"),
            )
            .await;
        assert_eq!(res.status(), 422);
        assert!(text_of(&res.text().await.unwrap()).contains(
            "Enter when it opens as a real date and time, for example 2027-02-04T17:00 for 4 February 2027 at 5pm"
        ));
    }
}

#[tokio::test]
async fn summer_times_are_stored_in_utc_and_shown_as_the_officer_typed_them() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let (_, new_form) = s.page("/staff/consultations/new", &officer).await;
        // The hint names the zone and gives an example as people write it.
        let hint = hint_of(&new_form, "opens_at");
        assert!(
            hint.starts_with(
                "Times are UK time (Europe/London). For the end of a day choose 11:59pm"
            ),
            "{hint}"
        );
        assert!(!hint.contains("for example"), "{hint}");
        // British Summer Time is an hour ahead of UTC; winter time is UTC.
        let id = create(
            &s,
            &officer,
            &csrf,
            "Safer parks",
            ("2026-06-01T09:30", "2099-12-04T17:00"),
            "yes",
        )
        .await;
        assert_eq!(
            stored(&s, &id).await,
            (
                "2026-06-01T08:30:00.000000Z".to_owned(),
                "2099-12-04T17:00:00.000000Z".to_owned()
            )
        );
        let (_, edit) = s
            .page(&format!("/staff/consultations/{id}/edit"), &officer)
            .await;
        assert!(
            edit.contains("value=\"2026-06-01T09:30\""),
            "refilled in local time"
        );
        assert!(edit.contains("value=\"2099-12-04T17:00\""));
        let (_, staff) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(
            staff.contains("<time datetime=\"2026-06-01T08:30:00Z\">1 June 2026 at 9:30am</time>")
        );

        // A summer closing time, changed through the form.
        let res = s
            .post(
                &format!("/staff/consultations/{id}/edit"),
                &officer,
                &form(&csrf, "2026-06-01T09:30", "2099-07-31T17:00"),
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(stored(&s, &id).await.1, "2099-07-31T16:00:00.000000Z");
        build_survey(&s, &officer, &csrf, &id).await;
        publish(&s, &officer, &csrf, &id, "consultation").await;

        // Everyone reads it in local time, in words, with UTC for machines.
        let closes = "<time datetime=\"2099-07-31T16:00:00Z\">31 July 2099 at 5pm</time>";
        for path in ["/consultations".to_owned(), format!("/consultations/{id}")] {
            let (status, html) = s.page(&path, "").await;
            assert_eq!(status, 200);
            assert!(html.contains(&format!("Closes {closes}")), "{path}");
            assert!(!html.contains(" UTC"), "{path}: no UTC for people");
        }
        let (_, ar) = s.page(&format!("/consultations/{id}?lang=ar"), "").await;
        assert!(ar.contains(
            "تغلق <time datetime=\"2099-07-31T16:00:00Z\">31 يوليو 2099 الساعة 5 مساءً</time>"
        ));
        let (_, list_ar) = s.page("/consultations?lang=ar", "").await;
        assert!(list_ar.contains("31 يوليو 2099 الساعة 5 مساءً"));
    }
}

#[tokio::test]
async fn times_the_clocks_skip_or_show_twice_are_refused_and_nothing_is_saved() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let before = consultation_count(&s).await;
        // 29 March 2026: 1am becomes 2am, so 1:30am never happens.
        let res = s
            .post(
                "/staff/consultations/new",
                &officer,
                &form(&csrf, "2026-03-29T01:30", "2026-04-30T17:00"),
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("href=\"#opens_at\"") && !html.contains("href=\"#closes_at\""));
        assert!(html.contains(
            "The clocks go forward at 1am on 29 March 2026: choose a time before 1am or from 2am"
        ));
        assert!(
            html.contains("value=\"2026-03-29T01:30\""),
            "what was typed is kept"
        );
        // 25 October 2026: 2am becomes 1am, so 1:30am happens twice.
        let res = s
            .post(
                "/staff/consultations/new",
                &officer,
                &form(&csrf, "2026-10-01T09:00", "2026-10-25T01:30"),
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("href=\"#closes_at\"") && !html.contains("href=\"#opens_at\""));
        assert!(html.contains("The clocks go back at 2am on 25 October 2026"));
        // In Arabic too.
        let arabic = format!("{officer}; cohesion_lang=ar");
        let res = s
            .post(
                "/staff/consultations/new",
                &arabic,
                &form(&csrf, "2026-03-29T01:00", "2026-04-30T17:00"),
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("تُقدَّم الساعة عند 1 صباحًا يوم 29 مارس 2026"));
        assert_eq!(consultation_count(&s).await, before, "nothing was saved");

        // Changing a consultation to such a time changes nothing.
        let id = create(
            &s,
            &officer,
            &csrf,
            "Safer parks",
            ("2026-03-29T00:59", "2026-03-29T02:00"),
            "no",
        )
        .await;
        let saved = stored(&s, &id).await;
        assert_eq!(
            saved,
            (
                "2026-03-29T00:59:00.000000Z".to_owned(),
                "2026-03-29T01:00:00.000000Z".to_owned()
            ),
            "the edges of the gap are real times"
        );
        let res = s
            .post(
                &format!("/staff/consultations/{id}/edit"),
                &officer,
                &form(&csrf, "2026-03-29T00:59", "2026-03-29T01:59"),
            )
            .await;
        assert_eq!(res.status(), 422);
        assert_eq!(stored(&s, &id).await, saved);
    }
}

#[tokio::test]
async fn the_api_reads_local_time_or_an_explicit_offset() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let post = |opens: &str, closes: &str| {
            s.client
                .post(s.url("/api/v1/consultations"))
                .header("cookie", &officer)
                .header("x-csrf-token", &csrf)
                .json(&serde_json::json!({
                    "title": "Parks after dark",
                    "summary": "Lighting and safety in parks.",
                    "opens_at": opens,
                    "closes_at": closes,
                }))
                .send()
        };
        let before = consultation_count(&s).await;
        let res = post("2026-03-29T01:30", "2026-10-25T01:30").await.unwrap();
        assert_eq!(res.status(), 422);
        let problem: serde_json::Value = res.json().await.unwrap();
        assert_eq!(
            problem["errors"],
            serde_json::json!([
                {"pointer": "/opens_at", "field": "opens_at", "code": "time_does_not_exist",
                    "detail": "`opens_at` names a local time that does not exist: the clocks go forward at \
                        2026-03-29T01:00 to 2026-03-29T02:00. Give a time outside the change, or an instant \
                        with `Z` or an offset such as `+01:00`."},
                {"pointer": "/closes_at", "field": "closes_at", "code": "time_is_ambiguous",
                    "detail": "`closes_at` names a local time that happens twice: the clocks go back from \
                        2026-10-25T02:00 to 2026-10-25T01:00. Give a time outside the change, or an instant \
                        with `Z` or an offset such as `+01:00`."},
            ]),
            "{problem}"
        );
        assert_eq!(consultation_count(&s).await, before, "nothing was saved");

        // With Z or an offset the instant is named outright.
        let res = post("2026-03-29T01:30Z", "2026-10-25T01:30+01:00")
            .await
            .unwrap();
        assert_eq!(res.status(), 201);
        let created: serde_json::Value = res.json().await.unwrap();
        let id = created["id"].as_str().unwrap();
        assert_eq!(
            stored(&s, id).await,
            (
                "2026-03-29T01:30:00.000000Z".to_owned(),
                "2026-10-25T00:30:00.000000Z".to_owned()
            )
        );
        // Without, it is UK time; answers give UTC.
        let res = post("2026-07-01T09:00", "2026-07-31T17:00").await.unwrap();
        assert_eq!(res.status(), 201);
        let id = res.json::<serde_json::Value>().await.unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let read: serde_json::Value = s
            .get_with(&format!("/api/v1/consultations/{id}"), &officer)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(read["opens_at"], "2026-07-01T08:00:00.000000Z", "{read}");
        assert_eq!(read["closes_at"], "2026-07-31T16:00:00.000000Z");
    }
}

/// Another site's zone: New York changes its clocks on other days.
#[tokio::test]
async fn the_site_zone_is_the_operators_choice() {
    let passwords = cohesion_services::accounts::Passwords::new(2);
    for t in cohesion_testkit::engines().await {
        cohesion_services::site::demo::load(&t.db).await.unwrap();
        cohesion_services::accounts::demo::load(&t.db, &passwords)
            .await
            .unwrap();
        let config = WebConfig {
            time_zone: SiteZone::named("America/New_York").unwrap(),
            ..WebConfig::default()
        };
        let s = start_with(t, config).await;
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let (_, new_form) = s.page("/staff/consultations/new", &officer).await;
        let hint = new_form.replace(['\u{2068}', '\u{2069}'], "");
        assert!(hint.contains("Times are America/New_York time. For the end"));
        // London's spring gap is an ordinary time in New York.
        let id = create(
            &s,
            &officer,
            &csrf,
            "Safer parks",
            ("2026-03-29T01:30", "2026-07-01T17:00"),
            "no",
        )
        .await;
        assert_eq!(
            stored(&s, &id).await,
            (
                "2026-03-29T05:30:00.000000Z".to_owned(),
                "2026-07-01T21:00:00.000000Z".to_owned()
            )
        );
        let res = s
            .post(
                "/staff/consultations/new",
                &officer,
                &form(&csrf, "2026-03-08T02:30", "2026-07-01T17:00"),
            )
            .await;
        assert_eq!(res.status(), 422);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("The clocks go forward at 2am on 8 March 2026"));
    }
}

/// A date question's answer reads as people write dates on "Check your
/// answers", in both languages.
#[tokio::test]
async fn date_answers_are_checked_as_people_write_dates() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let id = create(&s, &officer, &csrf, "Parks", (OPEN_FROM, OPEN_UNTIL), "no").await;
        let res = add_question(
            &s,
            &officer,
            &id,
            &[
                ("csrf", &csrf),
                ("page", "1"),
                ("kind", "date"),
                ("text", "When did it happen?"),
                ("required", "yes"),
            ],
        )
        .await;
        assert_eq!(res.status(), 303);
        publish(&s, &officer, &csrf, &id, "consultation").await;
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let respond = format!("/consultations/{id}/respond");
        let (_, html) = s.page(&format!("{respond}/1"), &tom).await;
        assert!(html.contains("For example, 30 November 2026."), "{html}");
        let (_, ar) = s.page(&format!("{respond}/1?lang=ar"), &tom).await;
        assert!(ar.contains("مثلًا 30 نوفمبر 2026."), "{ar}");
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &tom_csrf), ("q1", "2026-11-30")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, html) = s.page(&format!("{respond}/check"), &tom).await;
        assert!(html.contains("<time datetime=\"2026-11-30\">30 November 2026</time>"));
        let (_, ar) = s.page(&format!("{respond}/check?lang=ar"), &tom).await;
        assert!(ar.contains("<time datetime=\"2026-11-30\">30 نوفمبر 2026</time>"));
    }
}
