//! Texts placed where markup cannot isolate a value (a button's label,
//! an error message) carry none of Fluent's invisible isolation marks
//! (U+2068, U+2069), which people copy with the text: the person page's
//! role buttons in both languages, and the weighting form's error naming
//! an option ("75 or over").

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_storage::accounts::users;

use super::{demo_consultation, ANALYST};
use crate::support::{servers_with_people, Server};

const MARKS: [char; 2] = ['\u{2068}', '\u{2069}'];
const ADMIN: &str = "nadia@brightwater.example";
const TOM: &str = "tom@brightwater.example";

async fn user_id(s: &Server, email: &str) -> uuid::Uuid {
    let mut c = s.db().acquire().await.unwrap();
    let email = cohesion_domain::identity::Email::parse(email).unwrap();
    let user = users::find_by_email(c.conn(), &email).await.unwrap();
    user.unwrap().id
}

/// The labels of the page's buttons, as sent.
fn buttons(html: &str) -> Vec<&str> {
    html.split("<button")
        .skip(1)
        .map(|b| {
            let b = &b[b.find('>').unwrap() + 1..];
            b[..b.find("</button>").unwrap()].trim()
        })
        .collect()
}

#[tokio::test]
async fn the_role_buttons_of_a_person_carry_no_isolation_marks() {
    for s in servers_with_people().await {
        let (admin, _) = s.sign_in(ADMIN, DEMO_PASSWORD).await;
        let tom = user_id(&s, TOM).await;
        let person = format!("/admin/people/{tom}");
        for (lang, make) in [("en", "Make them an analyst"), ("ar", "أسند إليه دور محلل")]
        {
            let cookie = format!("{admin}; cohesion_lang={lang}");
            let (status, html) = s.page(&person, &cookie).await;
            assert_eq!(status, 200);
            let labels = buttons(&html);
            assert!(labels.contains(&make), "{lang}: {labels:?}");
            for label in labels {
                assert!(!label.contains(MARKS), "{lang}: {label:?}");
            }
            // The question the button leads to, and its own button.
            let ask = format!("{person}/roles?role=analyst&grant=true");
            let (status, html) = s.page(&ask, &cookie).await;
            assert_eq!(status, 200);
            for label in buttons(&html) {
                assert!(!label.contains(MARKS), "{lang}: {label:?}");
            }
            if lang == "en" {
                assert!(html.contains("Yes, make them an analyst"), "{html}");
            }
        }
    }
}

#[tokio::test]
async fn a_weighting_error_naming_an_option_carries_no_isolation_marks() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let mut query = String::from("by=q8&step=weigh");
        for n in 1..=9 {
            let v = if n == 8 { "lots" } else { "10" };
            query.push_str(&format!("&share-q8-{n}={v}"));
        }
        let page = format!("/staff/consultations/{id}/weighting?{query}");
        let (status, html) = s.page(&page, &format!("{li}; cohesion_lang=en")).await;
        assert_eq!(status, 422);
        let said = "Enter the share for “75 or over” as a number from 0 to 100";
        assert!(html.contains(said), "the message, unmarked");
        let error = html.split("id=\"share-q8-8-error\"").nth(1).unwrap();
        let error = &error[..error.find("</p>").unwrap()];
        assert!(!error.contains(MARKS), "{error:?}");
        let summary = html.split("govuk-error-summary__list").nth(1).unwrap();
        let summary = &summary[..summary.find("</ul>").unwrap()];
        assert!(!summary.contains(MARKS), "{summary:?}");
    }
}
