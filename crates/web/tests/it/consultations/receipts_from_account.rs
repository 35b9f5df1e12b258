//! A copy of one's answers asked for later, from the account page's list
//! of responses: offered for each response to a confirmed address, the
//! banner after it says where the copy stands (a success only when it is
//! on its way), a copy waiting is not sent twice, further copies are
//! throttled with the time to try again, and another person's response
//! is nobody's to send.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_web::WebConfig;

use super::after_responding::tom_responds;
use super::receipts::{deliver, mail_to_tom, success_banner, words};
use super::{location, published, AMINA, TOM};
use crate::support::{servers_with_people, servers_with_people_and, text_of, Server};

/// The cell of the account page's list of responses that offers a copy
/// of the answers to consultation `id`, as text, and whether it holds
/// the button.
fn copy_cell(html: &str, id: &str) -> (String, bool) {
    let table = html.split("id=\"responses\"").nth(1).unwrap();
    let table = table.split("</table>").next().unwrap();
    let row = table
        .split("<tr")
        .find(|row| row.contains(&format!("href=\"/consultations/{id}\"")))
        .unwrap_or_else(|| panic!("a row for {id}"));
    let cell = row.split("<td").last().unwrap();
    let button = cell.contains(&format!("action=\"/consultations/{id}/respond/receipt\""))
        && cell.contains("name=\"back\" value=\"account\"");
    (words(&format!("<td{cell}")).trim().to_owned(), button)
}

/// The page's notification banner, as text, its spaces run together.
fn banner(html: &str) -> Option<String> {
    let at = html.find("<div class=\"govuk-notification-banner")?;
    let end = html[at..].find("<h1").map_or(html.len(), |e| at + e);
    let text = words(&html[at..end]);
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Takes the confirmation of `email`'s address away.
async fn unverify(s: &Server, email: &str) {
    const SQL: &str = "UPDATE users SET email_verified_at = NULL WHERE email = $1";
    match s.db() {
        cohesion_storage::Db::Sqlite(cohesion_storage::SqliteDb { pool, .. }) => {
            sqlx::query(SQL).bind(email).execute(pool).await.unwrap();
        }
        cohesion_storage::Db::Postgres(pool) => {
            sqlx::query(SQL).bind(email).execute(pool).await.unwrap();
        }
    }
}

#[tokio::test]
async fn the_account_page_offers_a_copy_of_each_response_and_says_where_it_stands() {
    for s in servers_with_people().await {
        let (_, _, first) = published(&s, "no").await;
        let (_, _, second) = published(&s, "no").await;
        tom_responds(&s, &first).await;
        let (tom, csrf) = tom_responds(&s, &second).await;
        let (_, html) = s.page("/account", &tom).await;
        assert!(html.contains("Copy by email"), "the column");
        for id in [&first, &second] {
            let (text, button) = copy_cell(&html, id);
            assert!(button, "offered for {id}");
            assert!(text.contains("Email me a copy of my answers"), "{text}");
        }
        assert!(!banner(&html).is_some_and(|b| b.contains("copy")));

        // Asked for from the list: back to it, and, with no mail server,
        // no success but an important notice that says so.
        let receipt = format!("/consultations/{first}/respond/receipt");
        let form = [("csrf", csrf.as_str()), ("back", "account")];
        let before = mail_to_tom(&s).await;
        let res = s.post(&receipt, &tom, &form).await;
        assert_eq!(location(&res), format!("/account?copied={first}"));
        assert_eq!(mail_to_tom(&s).await, before + 1);
        let (_, html) = s.page(&location(&res), &tom).await;
        assert!(!success_banner(&html));
        let notice = banner(&html).expect("a banner");
        assert_eq!(
            notice,
            format!(
                "Important Your copy of your answers to “Safer streets in Harbourside” is waiting to be sent to {TOM}: this site has no email server set up yet, so it will go when one is."
            )
        );
        let (text, button) = copy_cell(&html, &first);
        assert_eq!(
            text,
            "Waiting to be sent: this site has no email server set up yet, so it will go when one is"
        );
        assert!(!button, "not offered while it is kept");
        assert!(copy_cell(&html, &second).1, "the other still offered");
        let (_, ar) = s
            .page(&format!("/account?copied={first}&lang=ar"), &tom)
            .await;
        let notice = banner(&ar).expect("a banner in Arabic");
        assert!(
            notice.contains("مهم") && notice.contains("في انتظار الإرسال إلى"),
            "{notice}"
        );

        // The same form again (replayed, or a second click): nothing more.
        let res = s.post(&receipt, &tom, &form).await;
        assert_eq!(location(&res), format!("/account?copied={first}"));
        assert_eq!(mail_to_tom(&s).await, before + 1);

        // Sent: a success, with the date, and another copy on offer.
        deliver(&s).await;
        let (_, html) = s.page(&format!("/account?copied={first}"), &tom).await;
        assert!(success_banner(&html));
        let notice = banner(&html).unwrap();
        assert!(
            notice.contains(&format!(
                "Your copy of your answers to “Safer streets in Harbourside” was sent to {TOM} on "
            )),
            "{notice}"
        );
        let (text, button) = copy_cell(&html, &first);
        assert!(
            text.starts_with("Sent on ") && text.contains("Email me another copy of my answers"),
            "{text}"
        );
        assert!(button);
        let sent_on = html.split("Sent on ").nth(1).unwrap();
        assert!(
            sent_on.starts_with("<time datetime=\""),
            "the date in <time>"
        );

        // Further copies: allowed, then refused for a while, in words.
        for n in 2..=3 {
            let res = s.post(&receipt, &tom, &form).await;
            assert_eq!(res.status(), 303);
            assert_eq!(mail_to_tom(&s).await, before + n, "copy {n}");
            deliver(&s).await;
        }
        let res = s.post(&receipt, &tom, &form).await;
        assert_eq!(res.status(), 429);
        let retry: u32 = res.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=3600).contains(&retry), "{retry}");
        let text = text_of(&res.text().await.unwrap());
        assert!(
            text.contains("You have asked for several copies of your answers to “Safer streets in Harbourside” in a short time.")
                && text.contains("Try again in about"),
            "{text}"
        );
        assert_eq!(mail_to_tom(&s).await, before + 3, "nothing sent");
        // The other response has its own allowance.
        let other = format!("/consultations/{second}/respond/receipt");
        assert_eq!(s.post(&other, &tom, &form).await.status(), 303);
        assert_eq!(mail_to_tom(&s).await, before + 4);
    }
}

#[tokio::test]
async fn another_persons_response_or_a_forged_one_is_not_sent() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "no").await;
        let (_, _, unanswered) = published(&s, "no").await;
        let (tom, csrf) = tom_responds(&s, &id).await;
        let (amina, amina_csrf) = s.sign_in(AMINA, DEMO_PASSWORD).await;
        let before = mail_to_tom(&s).await;
        let receipt = |id: &str| format!("/consultations/{id}/respond/receipt");
        let form = |csrf: &str| vec![("csrf", csrf.to_owned()), ("back", "account".to_owned())];
        let post = async |path: String, cookie: &str, form: Vec<(&str, String)>| {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            s.post(&path, cookie, &form).await.status()
        };
        // Tom's response, asked for by Amina: she has none there.
        assert_eq!(post(receipt(&id), &amina, form(&amina_csrf)).await, 404);
        // Consultations Tom did not answer, or that do not exist.
        assert_eq!(post(receipt(&unanswered), &tom, form(&csrf)).await, 404);
        let made_up = uuid::Uuid::now_v7().to_string();
        assert_eq!(post(receipt(&made_up), &tom, form(&csrf)).await, 404);
        assert_eq!(post(receipt("not-an-id"), &tom, form(&csrf)).await, 404);
        // Without the form's token, or with another's.
        assert_eq!(post(receipt(&id), &tom, form("forged")).await, 403);
        assert_eq!(post(receipt(&id), &tom, form(&amina_csrf)).await, 403);
        // Any other way back leads to the confirmation page only.
        let res = s
            .post(
                &receipt(&id),
                &tom,
                &[("csrf", &csrf), ("back", "https://elsewhere.example/")],
            )
            .await;
        assert_eq!(location(&res), format!("/consultations/{id}/respond/done"));
        assert_eq!(mail_to_tom(&s).await, before + 1, "only Tom's own, once");
        let mut c = s.db().acquire().await.unwrap();
        let to_amina = cohesion_storage::outbox::to_address(c.conn(), AMINA, 5)
            .await
            .unwrap();
        assert!(to_amina.is_empty());
        // A banner for a response that is not there, or no id: none.
        for query in [format!("copied={unanswered}"), "copied=nonsense".to_owned()] {
            let (status, html) = s.page(&format!("/account?{query}"), &tom).await;
            assert_eq!(status, 200, "{query}");
            assert!(banner(&html).is_none(), "{query}");
        }
    }
}

#[tokio::test]
async fn only_a_confirmed_address_is_offered_a_copy_and_a_mail_server_makes_it_a_success() {
    let config = WebConfig {
        mail_configured: true,
        ..WebConfig::default()
    };
    for s in servers_with_people_and(config).await {
        let (_, _, id) = published(&s, "no").await;
        let (tom, csrf) = tom_responds(&s, &id).await;
        let res = s
            .post(
                &format!("/consultations/{id}/respond/receipt"),
                &tom,
                &[("csrf", &csrf), ("back", "account")],
            )
            .await;
        let (_, html) = s.page(&location(&res), &tom).await;
        assert!(success_banner(&html));
        assert!(
            banner(&html).unwrap().contains(&format!(
                "Your copy of your answers to “Safer streets in Harbourside” is waiting to be sent to {TOM}."
            )),
            "{html}"
        );
        let (text, button) = copy_cell(&html, &id);
        assert_eq!(text, "Waiting to be sent");
        assert!(!button);
        let (_, ar) = s.page(&format!("/account?copied={id}&lang=ar"), &tom).await;
        assert!(banner(&ar).unwrap().contains("في انتظار الإرسال إلى"));

        unverify(&s, TOM).await;
        let (_, html) = s.page("/account", &tom).await;
        assert!(!html.contains("Copy by email") && !html.contains("/respond/receipt"));
        let (_, html) = s.page(&format!("/account?copied={id}"), &tom).await;
        assert!(banner(&html).is_none());
    }
}
