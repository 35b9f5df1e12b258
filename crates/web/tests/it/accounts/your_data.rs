//! "Your data" and deleting the account.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_testkit::http;

use crate::support::{servers_with_people, text_of};

/// The activity table of a "your data" page: from its caption on.
fn activity_of(html: &str, caption: &str) -> String {
    let table = html
        .split(&format!(">{caption}</caption>"))
        .nth(1)
        .expect("the activity table");
    table.split("</table>").next().unwrap().to_owned()
}

/// In Arabic nothing on the page is a code or unmarked English: the
/// language by its own name, no roles said in words, what a resident's
/// own actions record said in Arabic, and looking recorded as looking
/// (the download as downloading).
#[tokio::test]
async fn your_data_in_arabic_names_things_and_says_what_happened_in_arabic() {
    for s in servers_with_people().await {
        let (cookie, csrf) = s.sign_in("amina@brightwater.example", DEMO_PASSWORD).await;
        let res = s
            .post(
                "/account/language",
                &cookie,
                &[("csrf", &csrf), ("language", "en")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(s.page("/account/data?lang=ar", &cookie).await.0, 200);
        let (status, ar) = s.page("/account/data?lang=ar", &cookie).await;
        assert_eq!(status, 200);
        let row = |label: &str| {
            let at = ar
                .find(&format!("<bdi>{label}</bdi>"))
                .unwrap_or_else(|| panic!("{label}"));
            ar[at..].split("</dd>").next().unwrap().to_owned()
        };
        let language = row("اللغة");
        assert!(
            language.contains("الإنجليزية")
                && !language.contains("English")
                && !language.contains(">en<"),
            "named in the reader's language: {language}"
        );
        assert!(
            row("الأدوار").contains("مقيم") && !row("الأدوار").contains("لا شيء"),
            "a resident is a resident, as the account page says"
        );
        let activity = activity_of(&ar, "النشاط على حسابك");
        for detail in ["سُجّل الدخول", "اطُّلع عليها في هذا الموقع"]
        {
            assert!(activity.contains(detail), "{detail} in {activity}");
        }
        assert!(
            !activity.contains("lang=\"en\"") && !activity.contains("signed in"),
            "no English left: {activity}"
        );
        assert!(!ar.contains("(UTC)") && !ar.contains("التوقيت العالمي"));

        let _ = s.get_with("/account/data.json", &cookie).await;
        let (_, again) = s.page("/account/data", &cookie).await;
        let activity = activity_of(&again, "Activity on your account");
        assert!(
            activity.contains(">Downloaded as a file<")
                && activity.contains(">Looked at on this site<")
                && activity.contains(">Signed in<"),
            "{activity}"
        );
        // One visit, one look: the page drawn three times in a minute
        // (here, once in Arabic twice and once in English) is logged once;
        // the download is logged as well.
        let (_, last) = s.page("/account/data", &cookie).await;
        let activity = activity_of(&last, "Activity on your account");
        assert_eq!(
            activity.matches(">Looked at on this site<").count(),
            1,
            "{activity}"
        );
        assert_eq!(activity.matches(">Downloaded as a file<").count(), 1);
    }
}

/// What staff do to an account reads in the person's language too (a
/// role by its name); what an officer's own work records in English
/// (a consultation's title) stays as written, marked English.
#[tokio::test]
async fn your_data_names_roles_given_and_marks_staff_english() {
    for s in servers_with_people().await {
        let (admin, csrf) = s.sign_in("nadia@brightwater.example", DEMO_PASSWORD).await;
        let tom_id = super::user_id(&s, super::TOM).await;
        let res = s
            .post(
                &format!("/admin/people/{tom_id}/roles"),
                &admin,
                &[
                    ("csrf", csrf.as_str()),
                    ("role", "moderator"),
                    ("grant", "true"),
                    ("confirm", "yes"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (tom, _) = s.sign_in(super::TOM, DEMO_PASSWORD).await;
        let (_, ar) = s.page("/account/data?lang=ar", &tom).await;
        let activity = activity_of(&ar, "النشاط على حسابك");
        assert!(activity.contains("الدور: <bdi>مشرف</bdi>"), "{activity}");
        assert!(!activity.contains(">moderator<"), "{activity}");

        let (officer, csrf) = s.sign_in("helen@brightwater.example", DEMO_PASSWORD).await;
        let res = s
            .post(
                "/staff/consultations/new",
                &officer,
                &[
                    ("csrf", csrf.as_str()),
                    ("title", "Parks after dark"),
                    ("summary", "Lighting and safety in parks."),
                    ("opens_at", "2020-01-01T09:00"),
                    ("closes_at", "2099-12-31T17:00"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let (_, ar) = s.page("/account/data?lang=ar", &officer).await;
        let activity = activity_of(&ar, "النشاط على حسابك");
        assert!(
            activity.contains("<bdi lang=\"en\">Parks after dark</bdi>"),
            "{activity}"
        );
        assert!(activity.contains("سُجّل الدخول"), "{activity}");
    }
}

/// The value of the summary row labelled `label`.
fn summary_value(html: &str, label: &str) -> String {
    let at = html
        .find(&format!("<bdi>{label}</bdi>"))
        .unwrap_or_else(|| panic!("no row {label}"));
    let value = html[at..].split("</dd>").next().unwrap();
    crate::support::text_of(value.split_once("<dd").unwrap().1)
}

/// The account page and "your data" name the same roles, in both
/// languages: everyone is a resident, and staff hold theirs besides.
#[tokio::test]
async fn the_account_page_and_your_data_name_the_same_roles() {
    for s in servers_with_people().await {
        for (email, has) in [
            ("tom@brightwater.example", vec![("Resident", "مقيم")]),
            (
                "helen@brightwater.example",
                vec![("Resident", "مقيم"), ("Officer", "موظف")],
            ),
        ] {
            let (cookie, _) = s.sign_in(email, DEMO_PASSWORD).await;
            for (lang, label) in [("en", "Roles"), ("ar", "الأدوار")] {
                let (_, account) = s.page(&format!("/account?lang={lang}"), &cookie).await;
                let (_, data) = s.page(&format!("/account/data?lang={lang}"), &cookie).await;
                let roles = summary_value(&account, label);
                assert_eq!(roles, summary_value(&data, label), "{email} in {lang}");
                for (en, ar) in &has {
                    let name = if lang == "en" { en } else { ar };
                    assert!(roles.contains(name), "{email} in {lang}: {roles}");
                }
                assert!(!roles.contains("None") && !roles.contains("لا شيء"));
            }
            let json: serde_json::Value = s
                .get_with("/account/data.json", &cookie)
                .await
                .json()
                .await
                .unwrap();
            assert_eq!(json["roles"][0], "resident", "{email}");
        }
    }
}

/// The page reads as a page for people: dates as people write them in
/// `<time>`, and what happened in words, in both languages; the download
/// keeps its codes and RFC 3339 for machines.
#[tokio::test]
async fn your_data_has_readable_dates_and_activity_in_words() {
    for s in servers_with_people().await {
        let (cookie, _) = s.sign_in("amina@brightwater.example", DEMO_PASSWORD).await;
        // Looking is recorded as it happens: the second look lists the first.
        assert_eq!(s.page("/account/data", &cookie).await.0, 200);
        let (status, html) = s.page("/account/data", &cookie).await;
        assert_eq!(status, 200);
        for words in [
            "You signed in",
            "You looked at or downloaded your data",
            "Correct at",
        ] {
            assert!(html.contains(words), "{words}");
        }
        for code in ["account.sign_in", "account.export", " UTC<"] {
            assert!(!html.contains(code), "{code} shown as is");
        }
        // No instant written for machines in the words (the `datetime`
        // attributes hold them, so the markup may: at midnight UTC it
        // holds "T00:").
        let words = text_of(&html);
        let machine_time = words.match_indices('T').any(|(i, _)| {
            let after = words.as_bytes().get(i + 1..i + 4);
            matches!(after, Some([a, b, b':']) if a.is_ascii_digit() && b.is_ascii_digit())
        });
        assert!(!machine_time, "an RFC 3339 instant shown as is: {words}");
        // Every date in <time> with its instant in UTC, and its text in words.
        let times: Vec<&str> = html.split("<time datetime=\"").skip(1).collect();
        assert!(
            times.len() >= 4,
            "account dates, session, activity: {}",
            times.len()
        );
        for t in &times {
            let (instant, rest) = t.split_once("\">").unwrap();
            assert!(instant.len() == 20 && instant.ends_with('Z'), "{instant}");
            let text = rest.split("</time>").next().unwrap();
            assert!(text.contains(" at ") && text.contains(" 20"), "{text}");
        }
        let (_, ar) = s.page("/account/data?lang=ar", &cookie).await;
        assert!(ar.contains("سجّلت الدخول") && ar.contains("اطّلعت على بياناتك أو نزّلتها"));
        assert!(ar.contains(" الساعة ") && !ar.contains("account.sign_in"));

        let json: serde_json::Value = s
            .get_with("/account/data.json", &cookie)
            .await
            .json()
            .await
            .unwrap();
        let actions: Vec<&str> = json["activity"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["action"].as_str().unwrap())
            .collect();
        assert!(actions.contains(&"account.sign_in"), "{actions:?}");
        let generated = json["generated_at"].as_str().unwrap();
        assert!(
            cohesion_storage::Timestamp::parse_rfc3339(generated).is_some(),
            "{generated}"
        );
    }
}

#[tokio::test]
async fn a_resident_downloads_their_data_and_deletes_the_account() {
    for s in servers_with_people().await {
        let email = "amina@brightwater.example";
        let (cookie, csrf) = s.sign_in(email, DEMO_PASSWORD).await;
        let res = s
            .client
            .get(s.url("/account/data.json"))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        assert!(res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment"));
        let data: serde_json::Value = res.json().await.unwrap();
        assert_eq!(data["account"]["email"], email);
        assert_eq!(data["account"]["display_name"], "Amina Yusuf");
        let (status, html) = s.page("/account/data", &cookie).await;
        assert_eq!(status, 200);
        assert!(html.contains(email) && html.contains("You looked at or downloaded your data"));

        let res = s
            .post(
                "/account/delete",
                &cookie,
                &[
                    ("csrf", &csrf),
                    ("contributions", "keep"),
                    ("password", "not my password"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        let html = res.text().await.unwrap();
        assert!(
            html.contains("Your password is not right") && !html.contains("email address or"),
            "the message speaks of the password, the only thing typed"
        );
        let res = s
            .post(
                "/account/delete",
                &cookie,
                &[
                    ("csrf", &csrf),
                    ("contributions", "burn"),
                    ("password", DEMO_PASSWORD),
                ],
            )
            .await;
        assert_eq!(res.status(), 422);
        assert_eq!(
            s.page("/account", &cookie).await.0,
            200,
            "nothing happened yet"
        );

        let res = s
            .post(
                "/account/delete",
                &cookie,
                &[
                    ("csrf", &csrf),
                    ("contributions", "keep"),
                    ("password", DEMO_PASSWORD),
                ],
            )
            .await;
        assert_eq!(res.status(), 200);
        assert_eq!(
            http::cookie_set_by(&res, "cohesion_session").as_deref(),
            Some("")
        );
        let html = res.text().await.unwrap();
        assert!(html.contains("Your account has been deleted") && !html.contains("Amina Yusuf"));
        assert_eq!(s.page("/account", &cookie).await.0, 303);
        let mut c = s.db().acquire().await.unwrap();
        assert!(cohesion_storage::schema::occurrences(c.conn(), email)
            .await
            .unwrap()
            .is_empty());
    }
}

/// "Your data" says a session's browser as the account page does
/// ("Chrome, Linux"), isolated, not the raw identification string; the
/// download keeps that string whole.
#[tokio::test]
async fn your_data_names_a_sessions_browser_in_words() {
    const AGENT: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
    for s in servers_with_people().await {
        let res = s
            .client
            .post(s.url("/api/v1/session"))
            .header("user-agent", AGENT)
            .json(&serde_json::json!({"email": super::TOM, "password": DEMO_PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let cookie = http::cookie_set_by(&res, "cohesion_session").unwrap();
        let cookie = format!("cohesion_session={cookie}");
        for path in ["/account/data", "/account/data?lang=ar"] {
            let (status, html) = s.page(path, &cookie).await;
            assert_eq!(status, 200);
            assert!(html.contains("<bdi>Chrome, Linux</bdi>"), "{path}: {html}");
            assert!(!html.contains("Mozilla/5.0"), "{path}: {html}");
        }
        let json = s
            .get_with("/account/data.json", &cookie)
            .await
            .text()
            .await
            .unwrap();
        assert!(json.contains("Mozilla/5.0 (X11; Linux x86_64)"), "{json}");
    }
}

/// The warnings and suspensions a member was given are theirs to see:
/// on the page, in words in both languages, and in the download and the
/// API with their dates (`lifted_at` once an appeal withdrew one).
#[tokio::test]
async fn your_data_lists_the_warnings_and_suspensions_given() {
    for s in crate::discussions::servers().await {
        // The demo's Tom was warned, then suspended.
        let (cookie, _) = s.sign_in(crate::discussions::TOM, DEMO_PASSWORD).await;
        let (status, html) = s.page("/account/data", &cookie).await;
        assert_eq!(status, 200);
        let text = text_of(&html);
        for words in [
            "Warnings and suspensions you were given",
            "A warning",
            "A suspension from commenting",
            "Withdrawn on appeal",
        ] {
            assert!(text.contains(words), "{words}: {text}");
        }
        let (_, ar) = s.page("/account/data?lang=ar", &cookie).await;
        assert!(ar.contains("التحذيرات والإيقافات التي صدرت بحقك"), "{ar}");
        assert!(ar.contains("إيقاف عن التعليق") && ar.contains("تحذير"));
        for path in ["/account/data.json", "/api/v1/me/data"] {
            let json: serde_json::Value = s.get_with(path, &cookie).await.json().await.unwrap();
            let sanctions = json["sanctions"].as_array().expect(path);
            let kinds: Vec<&str> = sanctions
                .iter()
                .map(|x| x["kind"].as_str().unwrap())
                .collect();
            assert!(
                kinds.contains(&"warning") && kinds.contains(&"suspension"),
                "{path}: {json}"
            );
            for x in sanctions {
                assert!(
                    x["given_at"].is_string() && x.get("lifted_at").is_some(),
                    "{x}"
                );
            }
        }
    }
}
