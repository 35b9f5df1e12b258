//! The person's own account pages: their details, language and sessions.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_testkit::http;

use super::TOM;
use crate::support::{servers_with_people, text_of};

#[tokio::test]
async fn a_resident_manages_their_account() {
    for s in servers_with_people().await {
        let (anon_status, _) = s.page("/account", "").await;
        assert_eq!(anon_status, 303, "sign in first");

        let (cookie, csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let (status, html) = s.page("/account", &cookie).await;
        assert_eq!(status, 200);
        for text in [
            "Tom Fletcher",
            TOM,
            "This device",
            "Sign out everywhere",
            "Resident",
        ] {
            assert!(html.contains(text), "{text}");
        }
        assert!(
            !html.contains("/admin/people"),
            "no admin links for residents"
        );

        let res = s
            .post(
                "/account/name",
                &cookie,
                &[("csrf", &csrf), ("display_name", "City Hall")],
            )
            .await;
        assert_eq!(res.status(), 422);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("cannot look like a staff title"));
        let long = "Tom ".repeat(13);
        let res = s
            .post(
                "/account/name",
                &cookie,
                &[("csrf", &csrf), ("display_name", &long)],
            )
            .await;
        assert_eq!(res.status(), 422);
        let text = text_of(&res.text().await.unwrap());
        assert!(
            text.contains("Your display name must be 50 characters or fewer"),
            "the limit said: {text}"
        );
        let res = s
            .post(
                "/account/name",
                &cookie,
                &[("csrf", "forged"), ("display_name", "Tom F")],
            )
            .await;
        assert_eq!(res.status(), 403);
        let res = s
            .post(
                "/account/name",
                &cookie,
                &[("csrf", &csrf), ("display_name", "Tom F")],
            )
            .await;
        assert_eq!(res.headers()["location"], "/account?done=name");
        let html = s.page("/account?done=name", &cookie).await.1;
        assert!(html.contains("Your display name has been changed") && html.contains("Tom F"));

        let res = s
            .post(
                "/account/language",
                &cookie,
                &[("csrf", &csrf), ("language", "xx")],
            )
            .await;
        assert_eq!(res.status(), 422);
        let res = s
            .post(
                "/account/language",
                &cookie,
                &[("csrf", &csrf), ("language", "ar")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(
            http::cookie_set_by(&res, "cohesion_lang").as_deref(),
            Some("ar")
        );
        let html = s
            .page("/account", &format!("{cookie}; cohesion_lang=ar"))
            .await
            .1;
        assert!(html.contains("dir=\"rtl\"") && html.contains("حسابك"));

        let forged = uuid::Uuid::now_v7();
        let res = s
            .post(
                &format!("/account/sessions/{forged}/end"),
                &cookie,
                &[("csrf", &csrf)],
            )
            .await;
        assert_eq!(res.status(), 404);
        let res = s
            .post(
                "/account/sessions/not-an-id/end",
                &cookie,
                &[("csrf", &csrf)],
            )
            .await;
        assert_eq!(res.status(), 404);

        let res = s
            .post("/account/sign-out-everywhere", &cookie, &[("csrf", &csrf)])
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(
            s.page("/account", &cookie).await.0,
            303,
            "the session is gone"
        );
    }
}

/// Changing the password gives the session a new cookie: a copy of the
/// old one (stolen before the change) no longer works, and the person
/// stays signed in.
#[tokio::test]
async fn a_password_change_rotates_the_session_cookie() {
    for s in servers_with_people().await {
        let (cookie, csrf) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let res = s
            .post(
                "/account/password",
                &cookie,
                &[
                    ("csrf", csrf.as_str()),
                    ("current_password", DEMO_PASSWORD),
                    ("new_password", "the heron waits by the weir"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let fresh = http::cookie_set_by(&res, "cohesion_session").expect("a new session cookie");
        let fresh = format!("cohesion_session={fresh}");
        assert_ne!(fresh, cookie);
        let (status, _) = s.page("/account", &cookie).await;
        assert_eq!(status, 303, "the old cookie signs nobody in");
        let (status, html) = s.page("/account", &fresh).await;
        assert_eq!(status, 200);
        assert!(html.contains("Tom Fletcher"));
    }
}

/// The account's language list names each language in itself, marked
/// with its language and direction on a page in the other ("English" on
/// an Arabic page, "العربية" on an English one).
#[tokio::test]
async fn each_language_is_named_in_itself_and_marked() {
    for s in servers_with_people().await {
        let (cookie, _) = s.sign_in(super::TOM, DEMO_PASSWORD).await;
        let (_, en) = s.page("/account?lang=en", &cookie).await;
        assert!(
            en.contains(r#"<option value="ar" lang="ar" dir="rtl""#),
            "{en}"
        );
        assert!(!en.contains(r#"<option value="en" lang="#), "{en}");
        let (_, ar) = s.page("/account?lang=ar", &cookie).await;
        assert!(
            ar.contains(r#"<option value="en" lang="en" dir="ltr""#),
            "{ar}"
        );
        assert!(!ar.contains(r#"<option value="ar" lang="#), "{ar}");
    }
}
