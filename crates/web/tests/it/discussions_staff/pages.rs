//! Officers write, change, publish and withdraw a discussion through the
//! pages (publishing and withdrawing ask first); the Manage dashboard
//! lists it; residents are refused; refused input shows the form again
//! with an error summary and saves nothing; imported discussions are
//! read-only.

use cohesion_domain::discussion::details::DiscussionFields;
use cohesion_domain::discussion::moderation::PreModeration;
use cohesion_storage::discussions::catalogue;

use super::{
    audited, discussion_count, sign_in, stored, AMINA, OFFICER, OPEN_FROM, OPEN_UNTIL, TOM,
};
use crate::support::{servers_with_people, Server};

const TITLE: &str = "Feeling safe in the town centre";

fn form<'a>(csrf: &'a str, title: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("language", "en"),
        ("title", title),
        ("introduction", "How well is hate crime **dealt with**?"),
        (
            "questions",
            "What makes you feel safe?\nWhat could be done?",
        ),
        ("topics", "safety, policing"),
        ("area", "Town centre"),
        ("opens_at", OPEN_FROM),
        ("closes_at", OPEN_UNTIL),
        ("pre_moderation", "first"),
        ("first_comments", "2"),
    ]
}

fn with<'a>(
    mut fields: Vec<(&'a str, &'a str)>,
    name: &str,
    value: &'a str,
) -> Vec<(&'a str, &'a str)> {
    for f in &mut fields {
        if f.0 == name {
            f.1 = value;
        }
    }
    fields
}

/// Creates a discussion through the form; its id.
async fn create(s: &Server, cookie: &str, csrf: &str, title: &str) -> String {
    let res = s
        .post("/staff/discussions/new", cookie, &form(csrf, title))
        .await;
    assert_eq!(res.status(), 303, "creating {title}");
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let rest = location
        .strip_prefix("/staff/discussions/")
        .unwrap_or_else(|| panic!("to the new discussion, not {location}"));
    assert!(rest.ends_with("?done=discussion-created"), "{location}");
    rest.split('?').next().unwrap().to_owned()
}

#[tokio::test]
async fn an_officer_creates_edits_publishes_and_withdraws_a_discussion() {
    for s in servers_with_people().await {
        let (cookie, csrf) = sign_in(&s, OFFICER).await;
        let (status, html) = s.page("/staff/discussions/new", &cookie).await;
        assert_eq!(status, 200);
        for name in [
            "title",
            "introduction",
            "questions",
            "opens_at",
            "pre_moderation",
        ] {
            assert!(html.contains(&format!("name=\"{name}\"")), "{name}");
        }
        let id = create(&s, &cookie, &csrf, TITLE).await;
        let d = stored(&s, &id).await;
        assert_eq!(d.questions.len(), 2);
        assert_eq!(d.topics, ["safety", "policing"]);
        assert_eq!(d.pre_moderation, PreModeration::FirstComments(2));
        assert!(!d.is_published());
        assert_eq!(audited(&s, "discussion.create", &id).await, 1);

        let (status, html) = s
            .page(
                &format!("/staff/discussions/{id}?done=discussion-created"),
                &cookie,
            )
            .await;
        assert_eq!(status, 200);
        assert!(html.contains(TITLE));
        assert!(html.contains("The discussion was created as a draft."));
        assert!(html.contains("Draft"));
        assert!(html.contains("No comments yet"));
        assert!(
            html.contains(&format!("/discussions/{id}\"")),
            "the public page"
        );
        assert!(html.contains(&format!("/staff/discussions/{id}/edit")));

        // Editing: the form comes back filled, in local time.
        let (status, html) = s
            .page(&format!("/staff/discussions/{id}/edit"), &cookie)
            .await;
        assert_eq!(status, 200);
        assert!(html.contains("value=\"2020-01-01T09:00\""), "local time");
        let res = s
            .post(
                &format!("/staff/discussions/{id}/edit"),
                &cookie,
                &with(
                    form(&csrf, "Safe streets after dark"),
                    "pre_moderation",
                    "all",
                ),
            )
            .await;
        assert_eq!(res.status(), 303);
        assert!(res.headers()["location"]
            .to_str()
            .unwrap()
            .ends_with("?done=discussion-saved"));
        let d = stored(&s, &id).await;
        assert_eq!(d.title, "Safe streets after dark");
        assert_eq!(d.pre_moderation, PreModeration::All);
        assert_eq!(audited(&s, "discussion.update", &id).await, 1);

        // Publishing asks first; the POST without confirm only asks again.
        let ask = format!("/staff/discussions/{id}/publication?publish=yes");
        let (status, html) = s.page(&ask, &cookie).await;
        assert_eq!(status, 200);
        assert!(html.contains("Yes, publish the discussion"), "{html}");
        let publication = format!("/staff/discussions/{id}/publication");
        let res = s
            .post(
                &publication,
                &cookie,
                &[("csrf", &csrf), ("publish", "yes")],
            )
            .await;
        assert_eq!(res.status(), 200, "asked, not done");
        assert!(!stored(&s, &id).await.is_published());
        let res = s
            .post(
                &publication,
                &cookie,
                &[("csrf", &csrf), ("publish", "yes"), ("confirm", "yes")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert!(stored(&s, &id).await.is_published());
        assert_eq!(audited(&s, "discussion.publish", &id).await, 1);
        let (_, html) = s
            .page(
                &format!("/staff/discussions/{id}?done=discussion-published"),
                &cookie,
            )
            .await;
        assert!(html.contains("The discussion is published."));
        assert!(html.contains("Withdraw the discussion"));

        // Withdrawing asks, saying the comments are kept.
        let (status, html) = s.page(&format!("{publication}?publish=no"), &cookie).await;
        assert_eq!(status, 200);
        assert!(html.contains("Nobody has commented yet."), "{html}");
        let res = s
            .post(
                &publication,
                &cookie,
                &[("csrf", &csrf), ("publish", "no"), ("confirm", "yes")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert!(!stored(&s, &id).await.is_published());
        assert_eq!(audited(&s, "discussion.unpublish", &id).await, 1);
        // Withdrawing again: nothing to withdraw.
        let res = s
            .post(
                &publication,
                &cookie,
                &[("csrf", &csrf), ("publish", "no"), ("confirm", "yes")],
            )
            .await;
        assert_eq!(res.status(), 409);
        assert_eq!(audited(&s, "discussion.unpublish", &id).await, 1);
    }
}

#[tokio::test]
async fn the_manage_dashboard_lists_discussions_for_officers_only() {
    for s in servers_with_people().await {
        let (cookie, csrf) = sign_in(&s, OFFICER).await;
        let id = create(&s, &cookie, &csrf, "A draft about parks").await;
        let (status, html) = s.page("/manage", &cookie).await;
        assert_eq!(status, 200);
        assert!(html.contains("Create a discussion"));
        assert!(html.contains("href=\"/staff/discussions/new\""));
        assert!(html.contains(&format!("href=\"/staff/discussions/{id}\"")));
        assert!(html.contains("Drafts and withdrawn"));
        let (cookie, _) = sign_in(&s, "grace@brightwater.example").await;
        let (_, html) = s.page("/manage", &cookie).await;
        assert!(!html.contains("Create a discussion"), "a moderator");
    }
}

#[tokio::test]
async fn residents_are_refused_the_officers_pages() {
    for s in servers_with_people().await {
        let (officer, officer_csrf) = sign_in(&s, OFFICER).await;
        let id = create(&s, &officer, &officer_csrf, TITLE).await;
        let before = discussion_count(&s).await;
        for who in [TOM, AMINA] {
            let (cookie, csrf) = sign_in(&s, who).await;
            for path in [
                "/staff/discussions/new".to_owned(),
                format!("/staff/discussions/{id}"),
                format!("/staff/discussions/{id}/edit"),
                format!("/staff/discussions/{id}/publication?publish=yes"),
            ] {
                assert_eq!(s.page(&path, &cookie).await.0, 403, "{who} {path}");
            }
            let res = s
                .post("/staff/discussions/new", &cookie, &form(&csrf, "Mine"))
                .await;
            assert_eq!(res.status(), 403);
            let res = s
                .post(
                    &format!("/staff/discussions/{id}/edit"),
                    &cookie,
                    &form(&csrf, "Mine"),
                )
                .await;
            assert_eq!(res.status(), 403);
            let res = s
                .post(
                    &format!("/staff/discussions/{id}/publication"),
                    &cookie,
                    &[("csrf", &csrf), ("publish", "yes"), ("confirm", "yes")],
                )
                .await;
            assert_eq!(res.status(), 403);
        }
        assert_eq!(discussion_count(&s).await, before);
        let d = stored(&s, &id).await;
        assert_eq!(d.title, TITLE);
        assert!(!d.is_published());
        // Signed out: to the sign-in page, or refused.
        let status = s.get("/staff/discussions/new").await.status().as_u16();
        assert!([303, 401, 403].contains(&status), "{status}");
    }
}

#[tokio::test]
async fn refused_input_shows_the_form_again_and_saves_nothing() {
    for s in servers_with_people().await {
        let (cookie, csrf) = sign_in(&s, OFFICER).await;
        let before = discussion_count(&s).await;
        let big = "x".repeat(200_000);
        for (fields, field, words) in [
            (with(form(&csrf, ""), "title", ""), "title", "Enter a title"),
            (
                with(form(&csrf, TITLE), "closes_at", "2019-01-01T09:00"),
                "closes_at",
                "The closing date must be after the opening date",
            ),
            (
                with(form(&csrf, TITLE), "pre_moderation", "sometimes"),
                "pre_moderation",
                "Choose whether comments wait for a moderator",
            ),
            (
                with(form(&csrf, TITLE), "first_comments", "99"),
                "first_comments",
                "a whole number from 1 to 20",
            ),
            (
                with(form(&csrf, TITLE), "introduction", &big),
                "introduction",
                "The introduction must be",
            ),
        ] {
            let res = s.post("/staff/discussions/new", &cookie, &fields).await;
            let status = res.status().as_u16();
            let html = res.text().await.unwrap();
            assert_eq!(status, 422, "{field}");
            assert!(html.contains("govuk-error-summary"), "{field}");
            assert!(html.contains(&format!("href=\"#{field}\"")), "{field}");
            assert!(html.contains(words), "{field}: {words}");
        }
        // A forged token is refused.
        let res = s
            .post(
                "/staff/discussions/new",
                &cookie,
                &with(form("", TITLE), "csrf", "forged"),
            )
            .await;
        assert_eq!(res.status(), 403);
        assert_eq!(discussion_count(&s).await, before, "nothing saved");
        // A field the form does not have changes nothing it should not:
        // nobody makes a discussion read-only by saying it was imported.
        let mut extra = form(&csrf, TITLE);
        extra.push(("imported", "true"));
        let res = s.post("/staff/discussions/new", &cookie, &extra).await;
        assert_eq!(res.status(), 303);
        let location = res.headers()["location"].to_str().unwrap();
        let id = location
            .split('/')
            .nth(3)
            .unwrap()
            .split('?')
            .next()
            .unwrap();
        assert!(!stored(&s, id).await.imported);
        // A forged id names nothing.
        for path in [
            "/staff/discussions/nonsense",
            "/staff/discussions/nonsense/edit",
        ] {
            assert_eq!(s.page(path, &cookie).await.0, 404, "{path}");
        }
    }
}

#[tokio::test]
async fn an_imported_discussion_is_read_only() {
    for s in servers_with_people().await {
        let fields: DiscussionFields = {
            let input = cohesion_domain::discussion::details::DiscussionInput {
                title: "Imported thread".into(),
                introduction: "From the old forum.".into(),
                opens_at: "2020-01-01T09:00Z".into(),
                closes_at: "2020-02-01T09:00Z".into(),
                ..Default::default()
            };
            input
                .validate(
                    &Default::default(),
                    &cohesion_domain::consultation::Languages::new("en", ["ar"]),
                )
                .unwrap()
        };
        let id = {
            let mut c = s.db().acquire().await.unwrap();
            catalogue::insert(c.conn(), &fields, None, true)
                .await
                .unwrap()
        };
        let (cookie, csrf) = sign_in(&s, OFFICER).await;
        let (status, html) = s.page(&format!("/staff/discussions/{id}"), &cookie).await;
        assert_eq!(status, 200);
        assert!(html.contains("imported from elsewhere"), "{html}");
        assert!(!html.contains(&format!("/staff/discussions/{id}/edit")));
        let (status, html) = s
            .page(&format!("/staff/discussions/{id}/edit"), &cookie)
            .await;
        assert_eq!(status, 409);
        assert!(html.contains("read-only"), "{html}");
        let res = s
            .post(
                &format!("/staff/discussions/{id}/edit"),
                &cookie,
                &form(&csrf, "Changed"),
            )
            .await;
        assert_eq!(res.status(), 409);
        assert_eq!(stored(&s, &id.to_string()).await.title, "Imported thread");
    }
}

#[tokio::test]
async fn an_officer_translates_a_discussion_and_readers_of_arabic_see_it() {
    for s in servers_with_people().await {
        let (cookie, csrf) = sign_in(&s, OFFICER).await;
        let id = create(&s, &cookie, &csrf, TITLE).await;
        let translate = format!("/staff/discussions/{id}/translations/ar");

        // The discussion's page says what is left to translate, and links
        // to the page that does it.
        let (_, html) = s.page(&format!("/staff/discussions/{id}"), &cookie).await;
        assert!(html.contains(&format!("href=\"{translate}\"")), "linked");
        assert!(html.contains("7 of 7 texts not translated yet"), "{html}");
        let (status, html) = s.page(&translate, &cookie).await;
        assert_eq!(status, 200);
        for key in [
            "title",
            "body",
            "question.0",
            "question.1",
            "topic.1",
            "area",
        ] {
            assert!(html.contains(&format!("name=\"{key}\"")), "{key}");
        }
        assert!(html.contains("Guiding question 2"));
        assert!(html.contains("lang=\"ar\" dir=\"rtl\""));

        // Saved: counted, confirmed and audited.
        let res = s
            .post(
                &translate,
                &cookie,
                &[
                    ("csrf", csrf.as_str()),
                    ("title", "الشعور بالأمان في وسط المدينة"),
                    ("question.0", "ما الذي يجعلك تشعر بالأمان؟"),
                    ("area", "وسط المدينة"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(
            res.headers()["location"].to_str().unwrap(),
            format!("{translate}?done=translation")
        );
        assert_eq!(audited(&s, "discussion.translate", &id).await, 1);
        let (_, html) = s.page(&format!("/staff/discussions/{id}"), &cookie).await;
        assert!(html.contains("4 of 7 texts not translated yet"), "{html}");
        // In Arabic the verb agrees with the four missing, not the seven.
        let (_, ar) = s
            .page(&format!("/staff/discussions/{id}?lang=ar"), &cookie)
            .await;
        let ar = crate::support::text_of(&ar);
        assert!(ar.contains("4 من النصوص الـ7 لم تُترجم بعد"), "{ar}");

        // An unknown text is refused with the page again; nothing changes.
        let res = s
            .post(
                &translate,
                &cookie,
                &[("csrf", csrf.as_str()), ("question.7", "؟")],
            )
            .await;
        assert_eq!(res.status(), 422);
        assert_eq!(audited(&s, "discussion.translate", &id).await, 1);
        // No page into the language it is written in, nor for residents.
        let (status, _) = s
            .page(&format!("/staff/discussions/{id}/translations/en"), &cookie)
            .await;
        assert_eq!(status, 404);
        let (tom, _) = sign_in(&s, TOM).await;
        let (status, _) = s.page(&translate, &tom).await;
        assert_eq!(status, 403);

        // Published, a reader of Arabic sees the translations, each text
        // marked with the language it is shown in; English readers the
        // original.
        let res = s
            .post(
                &format!("/staff/discussions/{id}/publication"),
                &cookie,
                &[
                    ("csrf", csrf.as_str()),
                    ("publish", "yes"),
                    ("confirm", "yes"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, html) = s
            .page(&format!("/discussions/{id}"), "cohesion_lang=ar")
            .await;
        assert!(html.contains("<bdi lang=\"ar\">الشعور بالأمان في وسط المدينة</bdi>"));
        assert!(html.contains("ما الذي يجعلك تشعر بالأمان؟"));
        assert!(
            html.contains("app-questions\" lang=\"en\""),
            "one question untranslated: the list stays in the original's language"
        );
        let (_, html) = s.page("/discussions", "cohesion_lang=ar").await;
        assert!(html.contains("الشعور بالأمان في وسط المدينة"));
        let (_, html) = s.page(&format!("/discussions/{id}"), "").await;
        assert!(html.contains(TITLE));
        assert!(!html.contains("الشعور بالأمان"));
    }
}
