//! Consultations over HTTP: officers build and publish one through the
//! staff forms, residents and anonymous visitors answer it page by page,
//! results stay private until published, and bad input gets a clear 4xx
//! with nothing saved.

use cohesion_services::demo::DEMO_PASSWORD;
use cohesion_storage::consultations::catalogue::ListQuery;
use cohesion_storage::Timestamp;
use cohesion_testkit::http;

use crate::support::{servers_with_people, translation_heading, translation_row, Server};

const OFFICER: &str = "helen@brightwater.example";
const TOM: &str = "tom@brightwater.example";
const AMINA: &str = "amina@brightwater.example";

/// Dates that keep a consultation open for the whole run.
const OPEN_FROM: &str = "2020-01-01T09:00";
const OPEN_UNTIL: &str = "2099-12-31T17:00";

/// The consultation's id from the page the create form redirects to.
fn id_from(res: &reqwest::Response) -> String {
    let location = res.headers()["location"].to_str().unwrap();
    let rest = location
        .strip_prefix("/staff/consultations/")
        .unwrap_or_else(|| panic!("redirect to the new consultation, not {location}"));
    rest.split('?').next().unwrap().to_owned()
}

/// How many consultations exist, drafts included.
async fn consultation_count(s: &Server) -> i64 {
    let mut c = s.db().acquire().await.unwrap();
    let q = ListQuery {
        drafts: true,
        limit: 100,
        ..Default::default()
    };
    cohesion_storage::consultations::catalogue::list(c.conn(), &q, Timestamp::now())
        .await
        .unwrap()
        .1
}

/// Creates a consultation through the form and returns its id.
async fn create(
    s: &Server,
    cookie: &str,
    csrf: &str,
    title: &str,
    (opens, closes): (&str, &str),
    anonymous: &str,
) -> String {
    let res = s
        .post(
            "/staff/consultations/new",
            cookie,
            &[
                ("csrf", csrf),
                ("title", title),
                ("summary", "Tell us what would make your street feel safer."),
                ("body", "We will **read every answer**."),
                ("topics", "safety, youth"),
                ("area", "Harbourside"),
                ("opens_at", opens),
                ("closes_at", closes),
                ("allow_anonymous", anonymous),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "creating {title}");
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .ends_with("?done=consultation-created"));
    id_from(&res)
}

async fn add_question(
    s: &Server,
    cookie: &str,
    id: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    s.post(
        &format!("/staff/consultations/{id}/questions/new"),
        cookie,
        fields,
    )
    .await
}

/// The survey used throughout: page 1 asks q1 (single choice, required)
/// and q2 (agreement, optional); page 2 asks q3 (long text) only of
/// those who answered q1 with its first option.
async fn build_survey(s: &Server, cookie: &str, csrf: &str, id: &str) {
    let res = add_question(
        s,
        cookie,
        id,
        &[
            ("csrf", csrf),
            ("page", "1"),
            ("kind", "single_choice"),
            ("text", "Have you seen hate incidents locally?"),
            ("required", "yes"),
            ("options", "Yes\nNo"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "q1");
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .ends_with("?done=question-added"));
    let res = add_question(
        s,
        cookie,
        id,
        &[
            ("csrf", csrf),
            ("page", "1"),
            ("kind", "agreement"),
            ("text", "Brightwater is a place where people get on well."),
            ("required", "no"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "q2");
    let res = add_question(
        s,
        cookie,
        id,
        &[
            ("csrf", csrf),
            ("page", "2"),
            ("kind", "long_text"),
            ("text", "What happened?"),
            ("required", "yes"),
            ("max", "500"),
            ("show_if_question", "q1"),
            ("show_if_options", "1"),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "q3, with its routing rule");
}

async fn add_stage(s: &Server, cookie: &str, csrf: &str, id: &str) {
    let res = s
        .post(
            &format!("/staff/consultations/{id}/stages/new"),
            cookie,
            &[
                ("csrf", csrf),
                ("name", "Survey open"),
                ("description", "Tell us what you think."),
                ("date", "2020-01-01"),
                ("state", "current"),
                ("link", "survey"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303, "adding a stage");
}

async fn publish(s: &Server, cookie: &str, csrf: &str, id: &str, what: &str) {
    let res = s
        .post(
            &format!("/staff/consultations/{id}/publication"),
            cookie,
            &[("csrf", csrf), ("what", what), ("publish", "yes")],
        )
        .await;
    assert_eq!(res.status(), 303, "publishing the {what}");
}

/// An officer's published, open consultation with the survey above.
async fn published(s: &Server, anonymous: &str) -> (String, String, String) {
    let (cookie, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
    let id = create(
        s,
        &cookie,
        &csrf,
        "Safer streets in Harbourside",
        (OPEN_FROM, OPEN_UNTIL),
        anonymous,
    )
    .await;
    build_survey(s, &cookie, &csrf, &id).await;
    add_stage(s, &cookie, &csrf, &id).await;
    publish(s, &cookie, &csrf, &id, "consultation").await;
    (cookie, csrf, id)
}

/// A valid create form, with `token` first.
fn details(token: &str) -> Vec<(&'static str, &str)> {
    vec![
        ("csrf", token),
        ("title", "Parks after dark"),
        ("summary", "Lighting and safety in parks."),
        ("opens_at", OPEN_FROM),
        ("closes_at", OPEN_UNTIL),
    ]
}

fn location(res: &reqwest::Response) -> &str {
    res.headers()["location"].to_str().unwrap()
}

#[tokio::test]
async fn an_officer_publishes_and_a_resident_responds_page_by_page() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let (status, html) = s.page("/staff/consultations/new", &officer).await;
        assert_eq!(status, 200);
        assert!(html.contains("name=\"opens_at\"") && html.contains("name=\"csrf\""));
        let id = create(
            &s,
            &officer,
            &csrf,
            "Safer streets in Harbourside",
            (OPEN_FROM, OPEN_UNTIL),
            "no",
        )
        .await;

        // A draft is the staff's alone.
        assert_eq!(s.page(&format!("/consultations/{id}"), "").await.0, 404);
        assert!(!s.page("/consultations", "").await.1.contains("Harbourside"));

        build_survey(&s, &officer, &csrf, &id).await;
        add_stage(&s, &officer, &csrf, &id).await;
        let (status, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert_eq!(status, 200);
        for text in [
            "Have you seen hate incidents locally?",
            "What happened?",
            "Survey open",
            "/questions/new",
        ] {
            assert!(html.contains(text), "the builder shows {text}");
        }
        publish(&s, &officer, &csrf, &id, "consultation").await;

        let (status, html) = s.page("/consultations", "").await;
        assert_eq!(status, 200);
        assert!(html.contains("Safer streets in Harbourside"));
        assert!(html.contains(&format!("/consultations/{id}")));
        let (status, html) = s.page(&format!("/consultations/{id}"), "").await;
        assert_eq!(status, 200);
        for text in [
            "Safer streets in Harbourside",
            "<strong>read every answer</strong>",
            "Survey open",
            "Nobody has responded yet",
            "/sign-in?next=/consultations/",
        ] {
            assert!(html.contains(text), "the public page shows {text}");
        }

        // A resident responds.
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let respond = format!("/consultations/{id}/respond");
        let res = s
            .client
            .get(s.url(&respond))
            .header("cookie", &tom)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{respond}/1"));
        let (status, html) = s.page(&format!("{respond}/1"), &tom).await;
        assert_eq!(status, 200);
        assert!(html.contains("Have you seen hate incidents locally?"));
        assert!(html.contains("Strongly agree"));
        assert!(!html.contains("What happened?"), "q3 is on page 2");
        assert_eq!(http::hidden_csrf(&html), tom_csrf);

        // A missing required answer.
        let res = s
            .post(&format!("{respond}/1"), &tom, &[("csrf", &tom_csrf)])
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("govuk-error-summary") && html.contains("There is a problem"));
        // Each line of the summary names its question and links to it.
        assert!(html.contains(
            "<a href=\"#q1\"><bdi lang=\"en\">Have you seen hate incidents locally?</bdi> Answer the question"
        ));
        // A field that is no question of this survey.
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &tom_csrf), ("q1", "1"), ("zz", "1")],
            )
            .await;
        assert_eq!(res.status(), 422);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("<a href=\"#main-content\">This question is not part of the survey"));
        // An option the question does not have.
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &tom_csrf), ("q1", "7")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .client
            .get(s.url(&format!("{respond}/check")))
            .header("cookie", &tom)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "nothing was saved");
        assert_eq!(location(&res), format!("{respond}/1"));

        // "No" skips page 2.
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &tom_csrf), ("q1", "1"), ("q2", "0")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{respond}/check"));
        let res = s
            .client
            .get(s.url(&format!("{respond}/2")))
            .header("cookie", &tom)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "routing skips page 2");
        assert_eq!(location(&res), format!("{respond}/check"));
        // Answers to the hidden question are refused.
        let res = s
            .post(
                &format!("{respond}/2"),
                &tom,
                &[("csrf", &tom_csrf), ("q3", "Someone shouted at me")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("govuk-error-summary"));
        assert!(html.contains("This question does not apply to your earlier answers"));
        let (_, html) = s.page(&format!("{respond}/check"), &tom).await;
        assert!(!html.contains("Someone shouted at me"), "nothing was saved");

        // "Yes" brings page 2 in.
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &tom_csrf), ("q1", "0"), ("q2", "1")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{respond}/2"));
        // Sending before answering page 2: the summary links to it.
        let (status, html) = s.page(&format!("{respond}/check"), &tom).await;
        assert_eq!(status, 200);
        assert!(html.contains("Not answered"));
        let res = s
            .post(&format!("{respond}/submit"), &tom, &[("csrf", &tom_csrf)])
            .await;
        assert_eq!(res.status(), 422);
        assert!(res.text().await.unwrap().contains(&format!(
            "<a href=\"{respond}/2#q3\"><bdi lang=\"en\">What happened?</bdi> Answer the question"
        )));
        assert_eq!(s.page(&format!("{respond}/done"), &tom).await.0, 404);
        let (status, html) = s.page(&format!("{respond}/2"), &tom).await;
        assert_eq!(status, 200);
        assert!(
            html.contains("What happened?")
                && html.contains("Page \u{2068}2\u{2069} of \u{2068}2\u{2069}")
        );
        let res = s
            .post(&format!("{respond}/2"), &tom, &[("csrf", &tom_csrf)])
            .await;
        assert_eq!(res.status(), 422, "q3 is required when shown");
        // Longer than the question allows, then larger than any request.
        let long = "x".repeat(501);
        let res = s
            .post(
                &format!("{respond}/2"),
                &tom,
                &[("csrf", &tom_csrf), ("q3", &long)],
            )
            .await;
        assert_eq!(res.status(), 422);
        let huge = "y".repeat(300_000);
        let res = s
            .post(
                &format!("{respond}/2"),
                &tom,
                &[("csrf", &tom_csrf), ("q3", &huge)],
            )
            .await;
        assert_eq!(res.status(), 413);
        let res = s
            .post(
                &format!("{respond}/2"),
                &tom,
                &[
                    ("csrf", &tom_csrf),
                    ("q3", "Graffiti on the community centre"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{respond}/check"));

        let (status, html) = s.page(&format!("{respond}/check"), &tom).await;
        assert_eq!(status, 200);
        for text in [
            "Have you seen hate incidents locally?",
            "Yes",
            "Agree",
            "Graffiti on the community centre",
            &format!("{respond}/submit"),
        ] {
            assert!(html.contains(text), "check your answers shows {text}");
        }
        assert!(!html.contains(&long) && !html.contains("yyyy"));
        let res = s.post(&format!("{respond}/submit"), &tom, &[]).await;
        assert_eq!(res.status(), 403, "no token, no submission");
        assert_eq!(s.page(&format!("{respond}/done"), &tom).await.0, 404);
        let res = s
            .post(&format!("{respond}/submit"), &tom, &[("csrf", &tom_csrf)])
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{respond}/done"));
        let (status, html) = s.page(&format!("{respond}/done"), &tom).await;
        assert_eq!(status, 200);
        assert!(html.contains("Your reference"));
        let start = html.find("<strong dir=\"ltr\">").unwrap() + 18;
        let reference = &html[start..start + 9];
        assert!(
            reference.len() == 9
                && reference.as_bytes()[4] == b'-'
                && reference
                    .chars()
                    .all(|c| c == '-' || c.is_ascii_uppercase() || c.is_ascii_digit()),
            "{reference}"
        );

        let (_, html) = s.page(&format!("/consultations/{id}"), "").await;
        assert!(html.contains("1 person has responded"));
        let (_, html) = s.page(&format!("/consultations/{id}"), &tom).await;
        assert!(html.contains("Check or change your response"));

        // Changing the response keeps one response and the reference.
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &tom_csrf), ("q1", "1")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{respond}/check"));
        let (_, html) = s.page(&format!("{respond}/check"), &tom).await;
        assert!(
            !html.contains("Graffiti"),
            "the follow-up no longer applies"
        );
        let res = s
            .post(&format!("{respond}/submit"), &tom, &[("csrf", &tom_csrf)])
            .await;
        assert_eq!(res.status(), 303);
        let (_, html) = s.page(&format!("{respond}/done"), &tom).await;
        assert!(html.contains(reference), "the same reference");
        let (_, html) = s.page(&format!("/consultations/{id}"), "").await;
        assert!(html.contains("1 person has responded"));

        // Once people have responded the survey is locked.
        let (_, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(
            html.contains("People have responded") && !html.contains("/questions/new"),
            "the builder says the survey is locked"
        );
        let res = add_question(
            &s,
            &officer,
            &id,
            &[
                ("csrf", &csrf),
                ("page", "1"),
                ("kind", "short_text"),
                ("text", "Anything else?"),
            ],
        )
        .await;
        assert_eq!(res.status(), 422);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("People have responded, so the survey can no longer change"));
        let res = s
            .post(
                &format!("/staff/consultations/{id}/questions/q3/remove"),
                &officer,
                &[("csrf", &csrf)],
            )
            .await;
        assert!(res.status().is_client_error(), "{}", res.status());
        let (_, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(html.contains("What happened?") && !html.contains("Anything else?"));

        // Closing ends changes: the officer moves the dates into the past.
        let res = s
            .post(
                &format!("/staff/consultations/{id}/edit"),
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", "Safer streets in Harbourside"),
                    ("summary", "Tell us what would make your street feel safer."),
                    ("opens_at", "2020-01-01T09:00"),
                    ("closes_at", "2020-02-01T09:00"),
                    ("allow_anonymous", "no"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (status, html) = s.page(&format!("{respond}/1"), &tom).await;
        assert_eq!(status, 409);
        assert!(html.contains("This consultation has closed"));
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &tom_csrf), ("q1", "0")],
            )
            .await;
        assert_eq!(res.status(), 409);
        let res = s
            .post(&format!("{respond}/submit"), &tom, &[("csrf", &tom_csrf)])
            .await;
        assert_eq!(res.status(), 409);
        let (_, html) = s.page(&format!("/consultations/{id}"), &tom).await;
        assert!(html.contains("This consultation has closed"));
    }
}

#[tokio::test]
async fn anonymous_visitors_respond_only_where_allowed() {
    for s in servers_with_people().await {
        let (_, _, open_id) = published(&s, "yes").await;
        let respond = format!("/consultations/{open_id}/respond");
        let res = s.get(&format!("{respond}/1")).await;
        assert_eq!(res.status(), 200);
        let respondent =
            http::cookie_set_by(&res, "cohesion_respondent").expect("a respondent cookie");
        let csrf_cookie = http::cookie_set_by(&res, "cohesion_csrf").expect("a form cookie");
        let html = res.text().await.unwrap();
        let token = http::hidden_csrf(&html);
        let cookie = format!("cohesion_respondent={respondent}; cohesion_csrf={csrf_cookie}");

        let res = s
            .post(
                &format!("{respond}/1"),
                &format!("cohesion_csrf={csrf_cookie}"),
                &[("csrf", &token), ("q1", "1")],
            )
            .await;
        assert!(res.status() == 303, "{}", res.status());
        // That post had no respondent cookie: it was given one. Ours is
        // the first one, which has nothing yet.
        let res = s
            .client
            .get(s.url(&format!("{respond}/check")))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{respond}/1"));

        let res = s
            .post(&format!("{respond}/1"), &cookie, &[("q1", "0")])
            .await;
        assert_eq!(res.status(), 403, "no token");
        let res = s
            .post(
                &format!("{respond}/1"),
                &cookie,
                &[("csrf", &token), ("q1", "0")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), format!("{respond}/2"));
        let (status, html) = s.page(&format!("{respond}/2"), &cookie).await;
        assert_eq!(status, 200, "the cookie carries the answers between pages");
        assert!(html.contains("What happened?"));
        let res = s
            .post(
                &format!("{respond}/2"),
                &cookie,
                &[("csrf", &token), ("q3", "Stickers at the bus stop")],
            )
            .await;
        assert_eq!(location(&res), format!("{respond}/check"));
        let (status, html) = s.page(&format!("{respond}/check"), &cookie).await;
        assert_eq!(status, 200);
        assert!(html.contains("Stickers at the bus stop"));
        // Another visitor sees none of it.
        let (_, html) = s
            .page(
                &format!("{respond}/check"),
                "cohesion_respondent=someone-else",
            )
            .await;
        assert!(!html.contains("Stickers at the bus stop"));
        let res = s
            .post(&format!("{respond}/submit"), &cookie, &[("csrf", &token)])
            .await;
        assert_eq!(location(&res), format!("{respond}/done"));
        let (status, html) = s.page(&format!("{respond}/done"), &cookie).await;
        assert_eq!(status, 200);
        assert!(html.contains("Your reference"));
        let (_, html) = s.page(&format!("/consultations/{open_id}"), "").await;
        assert!(
            html.contains("1 person has responded"),
            "a draft does not count"
        );

        // Where an account is needed, visitors are sent to sign in.
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let closed_id = create(
            &s,
            &officer,
            &csrf,
            "Members only",
            (OPEN_FROM, OPEN_UNTIL),
            "no",
        )
        .await;
        build_survey(&s, &officer, &csrf, &closed_id).await;
        publish(&s, &officer, &csrf, &closed_id, "consultation").await;
        let respond = format!("/consultations/{closed_id}/respond");
        let next = format!("/sign-in?next={respond}");
        for path in [
            respond.clone(),
            format!("{respond}/1"),
            format!("{respond}/check"),
        ] {
            let res = s.get(&path).await;
            assert_eq!(res.status(), 303, "{path}");
            assert_eq!(location(&res), next, "{path}");
        }
        let res = s
            .post(
                &format!("{respond}/1"),
                &cookie,
                &[("csrf", &token), ("q1", "0")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), next);
        let (_, html) = s.page(&format!("/consultations/{closed_id}"), "").await;
        assert!(html.contains("Nobody has responded yet"));
    }
}

#[tokio::test]
async fn results_stay_private_until_published_and_hide_small_counts() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = published(&s, "no").await;
        for who in [TOM, AMINA] {
            let (cookie, token) = s.sign_in(who, DEMO_PASSWORD).await;
            let respond = format!("/consultations/{id}/respond");
            let res = s
                .post(
                    &format!("{respond}/1"),
                    &cookie,
                    &[("csrf", &token), ("q1", "1")],
                )
                .await;
            assert_eq!(res.status(), 303);
            let res = s
                .post(&format!("{respond}/submit"), &cookie, &[("csrf", &token)])
                .await;
            assert_eq!(res.status(), 303, "{who} submits");
        }
        let results = format!("/consultations/{id}/results");
        assert_eq!(s.page(&results, "").await.0, 404);
        let (tom, _) = s.sign_in(TOM, DEMO_PASSWORD).await;
        assert_eq!(s.page(&results, &tom).await.0, 404);
        let (_, html) = s.page(&format!("/consultations/{id}"), "").await;
        assert!(!html.contains(&results), "no link to what is not there");
        let (status, html) = s.page(&results, &officer).await;
        assert_eq!(status, 200, "staff see them before publishing");
        assert!(html.contains("These results are not published yet"));

        publish(&s, &officer, &csrf, &id, "results").await;
        let (status, html) = s.page(&results, "").await;
        assert_eq!(status, 200);
        assert!(!html.contains("not published yet"));
        for text in [
            "\u{2068}2\u{2069} people have responded",
            "Have you seen hate incidents locally?",
            "Hidden",
            "Written answers are read by staff",
        ] {
            assert!(html.contains(text), "results show {text}");
        }
        assert!(
            !html.contains(">2 (") && !html.contains(">2<"),
            "a count of two is never shown"
        );
        let (_, html) = s.page(&format!("/consultations/{id}"), "").await;
        assert!(html.contains(&results));
    }
}

#[tokio::test]
async fn bad_input_is_refused_and_nothing_is_saved() {
    for s in servers_with_people().await {
        let (officer, csrf) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        let before = consultation_count(&s).await;
        let res = s
            .post("/staff/consultations/new", &officer, &details("")[1..])
            .await;
        assert_eq!(res.status(), 403, "no token");
        let res = s
            .post("/staff/consultations/new", &officer, &details("forged"))
            .await;
        assert_eq!(res.status(), 403, "a forged token");

        let res = s
            .post(
                "/staff/consultations/new",
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", "Parks after dark"),
                    ("summary", "Lighting and safety in parks."),
                    ("opens_at", "31/01/2027"),
                    ("closes_at", "2027-02-30T10:00"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("href=\"#opens_at\"") && html.contains("href=\"#closes_at\""));
        assert!(html.contains("Enter a date and time in the format shown"));
        assert!(html.contains("31/01/2027"), "what was typed is kept");
        let res = s
            .post(
                "/staff/consultations/new",
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", ""),
                    ("summary", "Lighting and safety in parks."),
                    ("opens_at", "2027-02-01T10:00"),
                    ("closes_at", "2027-01-01T10:00"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("href=\"#title\"") && html.contains("href=\"#closes_at\""));
        assert!(html.contains("The closing date must be after the opening date"));
        let res = s
            .post(
                "/staff/consultations/new",
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", "Parks after dark"),
                    ("summary", "Lighting."),
                    ("opens_at", OPEN_FROM),
                    ("closes_at", OPEN_UNTIL),
                    ("allow_anonymous", "perhaps"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        assert_eq!(consultation_count(&s).await, before, "nothing was saved");

        // Residents cannot use the staff pages, whatever they post.
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        assert_eq!(s.page("/staff/consultations/new", &tom).await.0, 403);
        let res = s
            .post("/staff/consultations/new", &tom, &details(&tom_csrf))
            .await;
        assert_eq!(res.status(), 403);
        assert_eq!(consultation_count(&s).await, before, "nothing was saved");
        let res = s
            .post("/staff/consultations/new", "", &details("")[1..])
            .await;
        assert!(
            matches!(res.status().as_u16(), 303 | 401 | 403),
            "signed out: {}",
            res.status()
        );

        // A consultation to poke at.
        let id = create(
            &s,
            &officer,
            &csrf,
            "Parks after dark",
            (OPEN_FROM, OPEN_UNTIL),
            "yes",
        )
        .await;
        build_survey(&s, &officer, &csrf, &id).await;
        for (path, fields) in [
            (
                format!("/staff/consultations/{id}/publication"),
                vec![("what", "consultation"), ("publish", "yes")],
            ),
            (
                format!("/staff/consultations/{id}/questions/new"),
                vec![("kind", "short_text"), ("text", "Hi")],
            ),
            (
                format!("/staff/consultations/{id}/stages/new"),
                vec![("name", "Done"), ("state", "current"), ("link", "none")],
            ),
            (
                format!("/staff/consultations/{id}/questions/q1/remove"),
                vec![],
            ),
            (
                format!("/staff/consultations/{id}/edit"),
                vec![
                    ("title", "Mine now"),
                    ("summary", "x"),
                    ("opens_at", OPEN_FROM),
                    ("closes_at", OPEN_UNTIL),
                ],
            ),
        ] {
            let mut with_token = vec![("csrf", tom_csrf.as_str())];
            with_token.extend(fields);
            let res = s.post(&path, &tom, &with_token).await;
            assert_eq!(res.status(), 403, "a resident posting to {path}");
        }
        for path in [
            format!("/staff/consultations/{id}"),
            format!("/staff/consultations/{id}/edit"),
            format!("/staff/consultations/{id}/analysis"),
        ] {
            assert_eq!(s.page(&path, &tom).await.0, 403, "{path}");
        }
        assert_eq!(
            s.page(&format!("/consultations/{id}"), "").await.0,
            404,
            "still a draft"
        );
        let (_, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(!html.contains("Mine now") && !html.contains(">Done<"));
        // The officer's own mistakes: a publication that is neither.
        let res = s
            .post(
                &format!("/staff/consultations/{id}/publication"),
                &officer,
                &[("csrf", &csrf), ("what", "everything"), ("publish", "yes")],
            )
            .await;
        assert_eq!(res.status(), 422);

        // Questions the builder refuses.
        let res = add_question(
            &s,
            &officer,
            &id,
            &[
                ("csrf", &csrf),
                ("page", "2"),
                ("kind", "demographic"),
                ("demographic", "religion"),
                ("text", "What is your religion?"),
            ],
        )
        .await;
        assert_eq!(res.status(), 422, "special category without a purpose");
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("Say why you ask this question"));
        let res = add_question(
            &s,
            &officer,
            &id,
            &[
                ("csrf", &csrf),
                ("page", "1"),
                ("kind", "short_text"),
                ("text", "Where was that?"),
                ("show_if_question", "q3"),
                ("show_if_options", "1"),
            ],
        )
        .await;
        assert_eq!(res.status(), 422, "routing on a later question");
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("A routing rule must name"));
        let res = add_question(
            &s,
            &officer,
            &id,
            &[
                ("csrf", &csrf),
                ("page", "2"),
                ("kind", "short_text"),
                ("text", "Where was that?"),
                ("show_if_question", "q1"),
                ("show_if_options", "9"),
            ],
        )
        .await;
        assert_eq!(res.status(), 422, "routing on an option q1 lacks");
        let res = add_question(
            &s,
            &officer,
            &id,
            &[
                ("csrf", &csrf),
                ("page", "7"),
                ("kind", "sonnet"),
                ("text", ""),
            ],
        )
        .await;
        assert_eq!(res.status(), 422);
        let (_, html) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(
            !html.contains("What is your religion?") && !html.contains("Where was that?"),
            "no refused question was saved"
        );
        let res = s
            .post(
                &format!("/staff/consultations/{id}/stages/new"),
                &officer,
                &[
                    ("csrf", &csrf),
                    ("name", "Report"),
                    ("date", "someday"),
                    ("state", "soon"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        publish(&s, &officer, &csrf, &id, "consultation").await;

        // Ids and page numbers that name nothing.
        let forged = uuid::Uuid::now_v7();
        for path in [
            format!("/consultations/{forged}"),
            "/consultations/not-an-id".to_owned(),
            "/consultations/not-an-id/respond/1".to_owned(),
            format!("/consultations/{forged}/respond"),
            format!("/consultations/{forged}/respond/1"),
            format!("/consultations/{forged}/results"),
            format!("/consultations/{id}/respond/0"),
            format!("/consultations/{id}/respond/3"),
            format!("/consultations/{id}/respond/99999999999999999999"),
            format!("/consultations/{id}/respond/two"),
            format!("/consultations/{id}/respond/-1"),
            format!("/consultations/{id}/respond/done"),
        ] {
            assert_eq!(s.page(&path, "").await.0, 404, "{path}");
        }
        for path in [
            format!("/staff/consultations/{forged}"),
            "/staff/consultations/not-an-id".to_owned(),
            format!("/staff/consultations/{forged}/edit"),
            format!("/staff/consultations/{forged}/questions/new"),
            format!("/staff/consultations/{id}/questions/q99/remove"),
            format!("/staff/consultations/{id}/stages/9/remove"),
            format!("/staff/consultations/{id}/stages/x/remove"),
        ] {
            assert_eq!(s.page(&path, &officer).await.0, 404, "{path}");
        }
        let res = s
            .post(
                &format!("/staff/consultations/{forged}/publication"),
                &officer,
                &[
                    ("csrf", &csrf),
                    ("what", "consultation"),
                    ("publish", "yes"),
                ],
            )
            .await;
        assert_eq!(res.status(), 404);
        let res = add_question(
            &s,
            &officer,
            "not-an-id",
            &[("csrf", &csrf), ("kind", "short_text"), ("text", "Hi")],
        )
        .await;
        assert_eq!(res.status(), 404);
        assert_eq!(
            s.page(
                &format!("/staff/consultations/{id}/analysis?rows=q9&columns=q1"),
                &officer
            )
            .await
            .0 / 100,
            4,
            "a crosstab of a question that does not exist"
        );

        // Survey forms: bad bytes, the wrong page, no token.
        let respond = format!("/consultations/{id}/respond");
        let res = s.get(&format!("{respond}/1")).await;
        let respondent = http::cookie_set_by(&res, "cohesion_respondent").unwrap();
        let csrf_cookie = http::cookie_set_by(&res, "cohesion_csrf").unwrap();
        let token = http::hidden_csrf(&res.text().await.unwrap());
        let anon = format!("cohesion_respondent={respondent}; cohesion_csrf={csrf_cookie}");
        let res = s
            .client
            .post(s.url(&format!("{respond}/1")))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", &anon)
            .body(format!("csrf={token}&q1=0&q2=%C3%28").into_bytes())
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400, "percent-encoded invalid UTF-8");
        let mut body = format!("csrf={token}&q1=0&q3=").into_bytes();
        body.extend_from_slice(b"caf\xE9");
        let res = s
            .client
            .post(s.url(&format!("{respond}/1")))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", &anon)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400, "raw invalid UTF-8");
        for page in ["0", "3", "two"] {
            let res = s
                .post(
                    &format!("{respond}/{page}"),
                    &anon,
                    &[("csrf", &token), ("q1", "0")],
                )
                .await;
            assert_eq!(res.status(), 404, "page {page}");
        }
        let res = s.post(&format!("{respond}/1"), &anon, &[("q1", "0")]).await;
        assert_eq!(res.status(), 403);
        let res = s
            .post(
                &format!("{respond}/1"),
                &anon,
                &[("csrf", "0".repeat(64).as_str()), ("q1", "0")],
            )
            .await;
        assert_eq!(res.status(), 403);
        let res = s
            .client
            .get(s.url(&format!("{respond}/check")))
            .header("cookie", &anon)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "nothing was saved");
        let res = s
            .post(&format!("{respond}/submit"), &anon, &[("csrf", &token)])
            .await;
        assert!(
            res.status().is_client_error(),
            "nothing to submit: {}",
            res.status()
        );
        let (_, html) = s.page(&format!("/consultations/{id}"), "").await;
        assert!(html.contains("Nobody has responded yet"));

        // Upcoming consultations take no responses yet.
        let later = create(
            &s,
            &officer,
            &csrf,
            "Next year's plans",
            ("2098-01-01T09:00", OPEN_UNTIL),
            "yes",
        )
        .await;
        build_survey(&s, &officer, &csrf, &later).await;
        publish(&s, &officer, &csrf, &later, "consultation").await;
        let respond = format!("/consultations/{later}/respond");
        let res = s.get(&format!("{respond}/1")).await;
        assert_eq!(res.status(), 409);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("This consultation is not open yet"));
        assert_eq!(s.page(&respond, "").await.0, 409);
        let res = s
            .post(
                &format!("{respond}/1"),
                &anon,
                &[("csrf", &token), ("q1", "0")],
            )
            .await;
        assert_eq!(res.status(), 409);
        let (_, html) = s.page(&format!("/consultations/{later}"), "").await;
        assert!(html.contains("This consultation is not open yet"));
    }
}

#[tokio::test]
async fn the_survey_speaks_arabic_right_to_left() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "yes").await;
        let res = s
            .get(&format!("/consultations/{id}/respond/1?lang=ar"))
            .await;
        assert_eq!(res.status(), 200);
        assert_eq!(
            http::cookie_set_by(&res, "cohesion_lang").as_deref(),
            Some("ar")
        );
        let html = res.text().await.unwrap();
        assert!(html.contains("dir=\"rtl\"") && html.contains("lang=\"ar\""));
        for label in [
            "أوافق بشدة",
            "أوافق",
            "لا أوافق ولا أعارض",
            "أعارض",
            "أعارض بشدة",
        ] {
            assert!(html.contains(label), "{label}");
        }
        assert!(!html.contains("Strongly agree"));
        // What the officer wrote keeps its own direction inside the
        // page's, and, not translated, is marked as English.
        assert!(html
            .contains(r#"<bdi lang="en">Brightwater is a place where people get on well.</bdi>"#));
        assert!(html.contains(r#"<bdi lang="en">Safer streets in Harbourside</bdi>"#));
        // The error summary is Arabic too.
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let res = s
            .post(
                &format!("/consultations/{id}/respond/1"),
                &format!("{tom}; cohesion_lang=ar"),
                &[("csrf", &tom_csrf)],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("dir=\"rtl\"") && html.contains("govuk-error-summary"));
        assert!(!html.contains("There is a problem"));
    }
}

const ANALYST: &str = "li@brightwater.example";

/// What comes after the answers: findings with live figures, the
/// officer's translation, the analysts' written answers and weighting,
/// and the exports, each refused to those without the right.
#[tokio::test]
async fn findings_translations_analysis_and_exports() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = published(&s, "no").await;
        for who in [TOM, AMINA] {
            let (cookie, token) = s.sign_in(who, DEMO_PASSWORD).await;
            let respond = format!("/consultations/{id}/respond");
            let res = s
                .post(
                    &format!("{respond}/1"),
                    &cookie,
                    &[("csrf", &token), ("q1", "0"), ("q2", "1")],
                )
                .await;
            assert_eq!(res.status(), 303);
            let res = s
                .post(
                    &format!("{respond}/2"),
                    &cookie,
                    &[
                        ("csrf", &token),
                        ("q3", "Someone wrote to me at me@example.org"),
                    ],
                )
                .await;
            assert_eq!(res.status(), 303);
            let res = s
                .post(&format!("{respond}/submit"), &cookie, &[("csrf", &token)])
                .await;
            assert_eq!(res.status(), 303, "{who} submits");
        }

        // A finding rests on a result; its figure is pulled, and hidden
        // while fewer than ten people chose the option.
        let findings = format!("/staff/consultations/{id}/findings/new");
        let res = s
            .post(
                &findings,
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", "x"),
                    ("question", "q3"),
                    ("option", "1"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422, "no finding on a written answer");
        let res = s
            .post(
                &findings,
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", "People have seen incidents"),
                    ("question", "q1"),
                    ("option", "1"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let public = format!("/consultations/{id}/findings");
        let (_, html) = s.page(&public, "").await;
        assert!(
            !html.contains("People have seen incidents"),
            "drafts stay the staff's"
        );
        let (_, manage) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        let action = manage
            .split("action=\"")
            .map(|a| a.split('"').next().unwrap_or_default())
            .find(|a| a.contains("/findings/") && !a.ends_with("/new"))
            .expect("a form to publish the finding")
            .to_owned();
        let res = s
            .post(&action, &officer, &[("csrf", &csrf), ("change", "publish")])
            .await;
        assert_eq!(res.status(), 303);
        let (status, html) = s.page(&public, "").await;
        assert_eq!(status, 200);
        assert!(html.contains("People have seen incidents"));
        assert!(
            html.contains("Too few people chose"),
            "two is too few to show"
        );

        // Translation: unknown keys refused; the Arabic page shows it.
        let translate = format!("/staff/consultations/{id}/translations/ar");
        let (status, html) = s.page(&translate, &officer).await;
        assert_eq!(status, 200);
        assert!(html.contains("not translated yet"));
        // Every row is headed in words; the key is the field's name only.
        let finding = action.rsplit('/').next().unwrap();
        for (key, heading) in [
            ("title", "Title of the consultation".to_owned()),
            ("topic.1", "Topic 2".to_owned()),
            ("area", "Area".to_owned()),
            (
                "q1.text",
                "Question 1: Have you seen hate incidents locally? — wording".to_owned(),
            ),
            (
                "q1.option.1",
                "Question 1: Have you seen hate incidents locally? — option 2".to_owned(),
            ),
            (
                &format!("finding.{finding}.title"),
                "Finding: People have seen incidents — title".to_owned(),
            ),
        ] {
            let shown = translation_heading(translation_row(&html, key));
            assert_eq!(shown, heading, "{key}");
            assert!(!html.contains(&format!(">{key}<")), "{key} is not shown");
        }
        let res = s
            .post(&translate, &officer, &[("csrf", &csrf), ("q99.text", "x")])
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .post(
                &translate,
                &officer,
                &[
                    ("csrf", &csrf),
                    ("title", "شوارع أكثر أمانًا في الميناء"),
                    ("topic.1", "الشباب"),
                    ("area", "<i>الميناء</i>"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, html) = s.page(&format!("/consultations/{id}?lang=ar"), "").await;
        assert!(html.contains("شوارع أكثر أمانًا في الميناء"));
        // Topics and area too, each alone, markup shown as text; the
        // untranslated topic stays in the original.
        assert!(html.contains("safety، الشباب"), "{html}");
        assert!(html.contains("&lt;i&gt;الميناء") || html.contains("&#60;i&#62;الميناء"));
        assert!(!html.contains("<i>الميناء"));
        // Each text is marked with the language it is shown in (WCAG
        // 3.1.2): the translated ones Arabic, those left as written
        // English, so a screen reader switches voice; a list with an
        // untranslated topic is read as written.
        assert!(html.contains(r#"<bdi lang="ar">شوارع أكثر أمانًا في الميناء</bdi>"#));
        assert!(
            html.contains(r#"<bdi lang="en">Survey open</bdi>"#),
            "{html}"
        );
        assert!(html.contains(r#"<bdi lang="en">safety، الشباب</bdi>"#));
        assert!(
            html.contains(r#"<bdi lang="ar">&#60;i&#62;الميناء"#)
                || html.contains(r#"<bdi lang="ar">&lt;i&gt;الميناء"#)
        );
        let (_, list) = s.page("/consultations?lang=ar", "").await;
        assert!(list.contains(r#"<bdi lang="ar">شوارع أكثر أمانًا في الميناء</bdi>"#));
        let (status, survey) = s
            .page(&format!("/consultations/{id}/respond/1?lang=ar"), &officer)
            .await;
        assert_eq!(status, 200);
        assert!(survey.contains(r#"<bdi lang="ar">شوارع أكثر أمانًا في الميناء</bdi>"#));
        assert!(
            survey.contains(r#"<bdi lang="en">Have you seen hate incidents locally?</bdi>"#),
            "{survey}"
        );
        let (_, html) = s.page(&format!("/consultations/{id}?lang=en"), "").await;
        assert!(html.contains(r#"<bdi lang="en">Safer streets in Harbourside</bdi>"#));
        assert!(html.contains("safety, youth") && html.contains("Harbourside"));
        assert!(!html.contains("الشباب"));
        // Findings are translated too, keyed by the finding.
        let key = format!("finding.{finding}.title");
        let res = s
            .post(
                &translate,
                &officer,
                &[("csrf", csrf.as_str()), (key.as_str(), "رأى كثيرون حوادث")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, html) = s.page(&format!("{public}?lang=ar"), "").await;
        assert!(html.contains(r#"<bdi lang="ar">رأى كثيرون حوادث</bdi>"#));
        let (_, html) = s.page(&format!("/consultations/{id}?lang=ar"), "").await;
        assert!(
            !html.contains("شوارع أكثر أمانًا في الميناء"),
            "saving replaces the language's translations whole"
        );
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let res = s
            .post(&translate, &tom, &[("csrf", &tom_csrf), ("title", "x")])
            .await;
        assert_eq!(res.status(), 403);

        // Analysts: written answers with contact details masked; weighting
        // with a report, or a clear error.
        let (analyst, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let (status, html) = s
            .page(
                &format!("/staff/consultations/{id}/answers?question=q3"),
                &analyst,
            )
            .await;
        assert_eq!(status, 200);
        assert!(html.contains("Someone wrote to me at"), "{html}");
        assert!(!html.contains("me@example.org"), "addresses are masked");
        // Results in Arabic: the question, not translated, marked English.
        let (status, html) = s
            .page(&format!("/consultations/{id}/results?lang=ar"), &analyst)
            .await;
        assert_eq!(status, 200);
        assert!(
            html.contains(r#"<bdi lang="en">Have you seen hate incidents locally?</bdi>"#),
            "{html}"
        );
        assert_eq!(
            s.page(&format!("/staff/consultations/{id}/answers"), &tom)
                .await
                .0,
            403
        );
        let weighting = format!("/staff/consultations/{id}/weighting?margins=q1%3A+40%2C+60");
        let (status, html) = s.page(&weighting, &analyst).await;
        assert_eq!(status, 422, "nobody answered No: it cannot be weighted");
        assert!(html.contains("has no respondents"));
        let weighting = format!("/staff/consultations/{id}/weighting?margins=q1%3A+100%2C+-");
        let (status, html) = s.page(&weighting, &analyst).await;
        assert_eq!(status, 200);
        assert!(html.contains("Effective sample size"));
        assert!(html.contains("Weighted: "));
        let bad = format!("/staff/consultations/{id}/weighting?margins=q3%3A+50%2C+50");
        assert_eq!(s.page(&bad, &analyst).await.0, 422);

        // Exports: analysts find them beside the results, residents do not.
        let results_page = format!("/consultations/{id}/results");
        let (status, html) = s.page(&results_page, &analyst).await;
        assert_eq!(status, 200);
        assert!(html.contains(&format!("/staff/consultations/{id}/responses.csv")));
        let (status, html) = s.page(&results_page, &tom).await;
        assert_eq!(status, 404, "results not public yet");
        assert!(!html.contains("responses.csv"));
        // Residents refused; analysts get CSV with a BOM and XLSX.
        assert_eq!(
            s.page(&format!("/staff/consultations/{id}/responses.csv"), &tom)
                .await
                .0,
            403
        );
        let res = s
            .get_with(
                &format!("/staff/consultations/{id}/responses.csv"),
                &analyst,
            )
            .await;
        assert_eq!(res.status(), 200);
        let body = res.bytes().await.unwrap();
        assert!(body.starts_with("\u{feff}".as_bytes()));
        let csv = String::from_utf8_lossy(&body);
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines.len(), 3, "header and two responses: {csv}");
        assert!(lines[0].starts_with("Reference,Submitted (UTC),q1: "));
        for row in &lines[1..] {
            assert!(
                row.ends_with(",Someone wrote to me at me@example.org"),
                "each response's written answer, as typed: {row}"
            );
        }
        assert_ne!(lines[1].split(',').next(), lines[2].split(',').next());
        let res = s
            .get_with(
                &format!("/staff/consultations/{id}/responses.xlsx"),
                &analyst,
            )
            .await;
        assert_eq!(res.status(), 200);
        assert!(
            res.bytes().await.unwrap().starts_with(b"PK"),
            "a zip, as XLSX is"
        );
        let (status, csv) = s
            .page(&format!("/consultations/{id}/results.csv"), &officer)
            .await;
        assert_eq!(status, 200);
        assert!(csv.contains("q1,"));
    }
}

/// The survey's question ids, page by page, as stored.
async fn question_ids(s: &Server, id: &str) -> Vec<Vec<String>> {
    let mut c = s.db().acquire().await.unwrap();
    let record = cohesion_storage::consultations::catalogue::find(c.conn(), id.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let survey: serde_json::Value = serde_json::from_str(&record.survey).unwrap();
    survey["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p["questions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|q| q["id"].as_str().unwrap().to_owned())
                .collect()
        })
        .collect()
}

/// Officers change and reorder questions until someone answers, and
/// choose which questions' results the public sees, through the pages
/// and the API; every refusal says why and changes nothing.
#[tokio::test]
async fn officers_edit_questions_and_choose_what_results_to_publish() {
    for s in servers_with_people().await {
        let (officer, csrf, id) = published(&s, "no").await;
        let edit = |q: &str| format!("/staff/consultations/{id}/questions/{q}/edit");
        let (status, html) = s.page(&edit("q2"), &officer).await;
        assert_eq!(status, 200);
        assert!(html.contains("Brightwater is a place where people get on well."));
        assert!(
            html.contains(r#"name="position" type="text" value="2""#),
            "{html}"
        );
        let (_, manage) = s
            .page(&format!("/staff/consultations/{id}"), &officer)
            .await;
        assert!(
            manage.contains(&edit("q2")),
            "the question links to its form"
        );

        // An Arabic translation of q2, made before it is reworded.
        let translations = format!("/staff/consultations/{id}/translations/ar");
        let res = s
            .post(
                &translations,
                &officer,
                &[("csrf", csrf.as_str()), ("q2.text", "الناس هنا متفاهمون.")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, html) = s.page(&translations, &officer).await;
        assert!(!html.contains("The original has changed"));

        // Reworded and moved first on its page: same id, new place.
        let pairs = [
            ("csrf", csrf.as_str()),
            ("page", "1"),
            ("position", "1"),
            ("kind", "agreement"),
            ("text", "People in Brightwater get on well."),
            ("required", "no"),
        ];
        let res = s.post(&edit("q2"), &officer, &pairs).await;
        assert_eq!(res.status(), 303);
        assert!(location(&res).ends_with("?done=question-changed"));
        assert_eq!(question_ids(&s, &id).await, [vec!["q2", "q1"], vec!["q3"]]);
        let (_, manage) = s
            .page(
                &format!("/staff/consultations/{id}?done=question-changed"),
                &officer,
            )
            .await;
        assert!(manage.contains("People in Brightwater get on well."));
        assert!(manage.contains("The question was changed."));
        // The translation was of the old wording: flagged, and not shown.
        let (_, html) = s.page(&translations, &officer).await;
        assert!(html.contains("The original has changed"), "{html}");
        assert!(
            html.contains("الناس هنا متفاهمون."),
            "kept for the officer to check"
        );

        // q1 after q3, which is shown only after q1: a dead end, refused.
        let q1 = [
            ("csrf", csrf.as_str()),
            ("page", "2"),
            ("position", ""),
            ("kind", "single_choice"),
            ("text", "Have you seen hate incidents locally?"),
            ("required", "yes"),
            ("options", "Yes\nNo"),
        ];
        let res = s.post(&edit("q1"), &officer, &q1).await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(html.contains("govuk-error-summary"), "{html}");
        assert_eq!(question_ids(&s, &id).await, [vec!["q2", "q1"], vec!["q3"]]);
        let mut bad = q1;
        bad[1].1 = "1";
        bad[2].1 = "0";
        let res = s.post(&edit("q1"), &officer, &bad).await;
        assert_eq!(res.status(), 422, "a place of 0");
        assert_eq!(s.post(&edit("q9"), &officer, &bad).await.status(), 404);
        assert_eq!(s.page(&edit("q9"), &officer).await.0, 404);
        let (tom, tom_csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        assert_eq!(s.page(&edit("q1"), &tom).await.0, 403);
        let mut forged = q1;
        forged[0].1 = &tom_csrf;
        assert_eq!(s.post(&edit("q1"), &tom, &forged).await.status(), 403);

        // Once someone has answered, the survey stays as it is.
        let respond = format!("/consultations/{id}/respond");
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &tom_csrf), ("q1", "1")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let res = s
            .post(&format!("{respond}/submit"), &tom, &[("csrf", &tom_csrf)])
            .await;
        assert_eq!(res.status(), 303);
        bad[2].1 = "1";
        let res = s.post(&edit("q1"), &officer, &bad).await;
        assert_eq!(res.status(), 422, "locked");
        assert_eq!(question_ids(&s, &id).await, [vec!["q2", "q1"], vec!["q3"]]);

        // Publishing results: a form, every publishable question ticked.
        let publish = format!("/staff/consultations/{id}/results/publish");
        let (status, html) = s.page(&publish, &officer).await;
        assert_eq!(status, 200);
        for q in ["q1", "q2", "q3"] {
            assert!(
                html.contains(&format!(r#"value="{q}" checked"#)),
                "{q} ticked"
            );
        }
        let res = s
            .post(&publish, &officer, &[("csrf", &csrf), ("margins", "")])
            .await;
        assert_eq!(res.status(), 422, "nothing ticked");
        assert!(res.text().await.unwrap().contains("govuk-error-summary"));
        let res = s
            .post(&publish, &officer, &[("csrf", &csrf), ("questions", "q9")])
            .await;
        assert_eq!(res.status(), 422, "a forged question");
        let results = format!("/consultations/{id}/results");
        assert_eq!(s.page(&results, "").await.0, 404, "still unpublished");
        let res = s
            .post(
                &publish,
                &officer,
                &[("csrf", &csrf), ("questions", "q2"), ("margins", "")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (status, html) = s.page(&results, "").await;
        assert_eq!(status, 200);
        assert!(html.contains("People in Brightwater get on well."));
        assert!(
            !html.contains("Have you seen hate incidents locally?"),
            "q1 not chosen"
        );

        // The same through the API: a question list, then margins that
        // cannot be used (refused, nothing changes), then none at all.
        let api = s.url(&format!("/api/v1/consultations/{id}/results/publication"));
        let put = |body: Option<serde_json::Value>| {
            let rb = s
                .client
                .put(&api)
                .header("cookie", &officer)
                .header("x-csrf-token", &csrf);
            match body {
                Some(b) => rb.json(&b),
                None => rb,
            }
        };
        let res = put(Some(
            serde_json::json!({"questions": ["q1"], "margins": "q9: 50, 50"}),
        ))
        .send()
        .await
        .unwrap();
        assert_eq!(res.status(), 422);
        let problem: serde_json::Value = res.json().await.unwrap();
        assert_eq!(problem["code"], "unknown_question", "{problem}");
        let res = put(Some(
            serde_json::json!({"questions": ["q1"], "colour": "red"}),
        ))
        .send()
        .await
        .unwrap();
        assert_eq!(res.status(), 422, "unknown fields are refused");
        let json_results = s.url(&format!("/api/v1/consultations/{id}/results"));
        let body: serde_json::Value = s
            .client
            .get(&json_results)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let ids: Vec<&str> = body["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["q2"]);
        let res = put(Some(serde_json::json!({"questions": ["q1"]})))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 204);
        let body: serde_json::Value = s
            .client
            .get(&json_results)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let ids: Vec<&str> = body["questions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["q1"]);
        assert!(body["weighted"].is_null());
        let res = put(None).send().await.unwrap();
        assert_eq!(res.status(), 204, "no body: everything");
        let body: serde_json::Value = s
            .client
            .get(&json_results)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(body["questions"].as_array().unwrap().len(), 3);
    }
}

/// The list filters by area (the areas published consultations name),
/// on the page and through the API.
#[tokio::test]
async fn the_list_filters_by_area() {
    for s in servers_with_people().await {
        let (_, _, _) = published(&s, "no").await;
        let title = "Safer streets in Harbourside";
        let (status, html) = s.page("/consultations", "").await;
        assert_eq!(status, 200);
        assert!(
            html.contains(r#"<option value="Harbourside">Harbourside</option>"#),
            "{html}"
        );
        let (_, html) = s.page("/consultations?area=harbourside", "").await;
        assert!(html.contains(title), "any case matches");
        let (status, html) = s.page("/consultations?area=Old+Town", "").await;
        assert_eq!(status, 200);
        assert!(!html.contains(title));
        let api = |area: &str| s.url(&format!("/api/v1/consultations?area={area}"));
        let body: serde_json::Value = s
            .client
            .get(api("Harbourside"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(body["total"], 1, "{body}");
        let body: serde_json::Value = s
            .client
            .get(api("Old%20Town"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(body["total"], 0, "{body}");
    }
}
