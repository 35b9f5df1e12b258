//! A copy of one's answers by email, once asked for: the confirmation
//! page says where it stands, a success only when it is on its way, and
//! offers it again only once it has been sent; a form sent twice sends
//! one copy, and "your data" says the same true thing.

use cohesion_services::mail::{deliver_pending, Mailer};
use cohesion_storage::outbox;
use cohesion_testkit::smtp::SmtpServer;
use cohesion_web::WebConfig;

use super::after_responding::tom_responds;
use super::{location, published, TOM};
use crate::support::{servers_with_people, servers_with_people_and, text_of, Server};

/// A page's words: tags and Fluent's isolation marks taken out.
pub(super) fn words(html: &str) -> String {
    text_of(html).replace(['\u{2068}', '\u{2069}'], "")
}

pub(super) async fn mail_to_tom(s: &Server) -> usize {
    let mut c = s.db().acquire().await.unwrap();
    outbox::to_address(c.conn(), TOM, 50).await.unwrap().len()
}

/// The status of the newest email on Tom's "your data" page.
async fn newest_email_status(s: &Server, tom: &str, lang: &str) -> String {
    let (_, html) = s.page(&format!("/account/data?lang={lang}"), tom).await;
    let caption = if lang == "ar" {
        "الرسائل التي كتبناها إليك"
    } else {
        "Emails we wrote to you"
    };
    let (_, table) = html.split_once(caption).expect("the emails table");
    let row = table.split("<tbody").nth(1).unwrap().split("</tr>").next();
    let cells: Vec<&str> = row.unwrap().split("<td").skip(1).collect();
    words(&format!("<td{}", cells.last().unwrap()))
        .trim()
        .to_owned()
}

/// Whether the page shows a success banner.
pub(super) fn success_banner(html: &str) -> bool {
    html.contains("govuk-notification-banner--success")
}

/// Sends what the mail server has waiting (a server set up since).
pub(super) async fn deliver(s: &Server) {
    let server = SmtpServer::start().await;
    let mailer = Mailer::new(&server.url(), "no-reply@council.example").unwrap();
    deliver_pending(s.db(), &mailer, 50).await.unwrap();
}

#[tokio::test]
async fn a_copy_kept_for_want_of_a_mail_server_is_no_success_and_a_replayed_form_sends_nothing_more(
) {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "no").await;
        let (tom, csrf) = tom_responds(&s, &id).await;
        let done = format!("/consultations/{id}/respond/done");
        let receipt = format!("/consultations/{id}/respond/receipt");
        let button = format!("action=\"{receipt}\"");
        let before = mail_to_tom(&s).await;
        let (_, html) = s.page(&done, &tom).await;
        assert!(
            words(&html).contains(&format!(
                "This site has no email server set up yet: your copy will wait, and go to {TOM} when one is."
            )),
            "the button's hint promises nothing"
        );

        // The same form sent twice: one copy.
        for _ in 0..2 {
            let res = s.post(&receipt, &tom, &[("csrf", &csrf)]).await;
            // The address claims nothing sent.
            assert_eq!(location(&res), done);
        }
        assert_eq!(mail_to_tom(&s).await, before + 1, "one copy");

        // No mail server here: no success, the page says what happened,
        // and offers nothing more, then as on any later visit.
        let (_, html) = s.page(&format!("{done}?done=receipt-sent"), &tom).await;
        let text = words(&html);
        assert!(!success_banner(&html), "{html}");
        assert!(!text.contains("You asked for a copy of your answers by email."));
        let not_sent =
            format!("Your copy is waiting to be sent to {TOM}: this site has no email server set up yet, so it will go when one is.");
        assert!(text.contains(&not_sent), "{text}");
        assert!(!html.contains(&button), "not offered again");
        let (_, later) = s.page(&done, &tom).await;
        assert!(!later.contains(&button) && words(&later).contains(&not_sent));
        let (_, ar) = s
            .page(&format!("{done}?done=receipt-sent&lang=ar"), &tom)
            .await;
        assert!(
            words(&ar).contains("نسخة إجاباتك في انتظار الإرسال إلى"),
            "{ar}"
        );
        assert!(!success_banner(&ar) && !words(&ar).contains("طلبت نسخة من إجاباتك"));
        assert_eq!(
            newest_email_status(&s, &tom, "en").await,
            "Waiting to be sent: this site has no email server set up yet, so it will go when one is"
        );
        assert_eq!(
            newest_email_status(&s, &tom, "ar").await,
            "في انتظار الإرسال: لم يُعدّ لهذا الموقع خادم بريد إلكتروني بعد، وستُرسل حين يُعدّ"
        );

        // Sent at last (by a mail server set up since): the page says so,
        // a success now, and offers another copy (the first lost, say).
        deliver(&s).await;
        let (_, html) = s.page(&format!("{done}?done=receipt-sent"), &tom).await;
        let text = words(&html);
        assert!(
            text.contains(&format!("Your copy was sent to {TOM} on ")),
            "{text}"
        );
        assert!(success_banner(&html) && text.contains("You asked for a copy"));
        assert!(html.contains(&button) && text.contains("Email me another copy of my answers"));
        assert_eq!(newest_email_status(&s, &tom, "en").await, "Sent");
        let res = s.post(&receipt, &tom, &[("csrf", &csrf)]).await;
        assert_eq!(res.status(), 303);
        assert_eq!(mail_to_tom(&s).await, before + 2, "another copy");
        // That one waits: asking again sends nothing more.
        let res = s.post(&receipt, &tom, &[("csrf", &csrf)]).await;
        assert_eq!(res.status(), 303);
        assert_eq!(mail_to_tom(&s).await, before + 2, "still two copies");
        deliver(&s).await;

        // Changed answers are another response to keep: offered again.
        let respond = format!("/consultations/{id}/respond");
        let res = s
            .post(
                &format!("{respond}/1"),
                &tom,
                &[("csrf", &csrf), ("q1", "1")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let res = s
            .post(&format!("{respond}/submit"), &tom, &[("csrf", &csrf)])
            .await;
        assert_eq!(location(&res), done);
        let (_, html) = s.page(&done, &tom).await;
        assert!(html.contains(&button), "the changed answers can be sent");
        assert!(words(&html).contains("Email me a copy of my answers"));
        let res = s.post(&receipt, &tom, &[("csrf", &csrf)]).await;
        assert_eq!(res.status(), 303);
        assert_eq!(mail_to_tom(&s).await, before + 3);
    }
}

#[tokio::test]
async fn with_a_mail_server_a_copy_is_waiting_to_be_sent() {
    let config = WebConfig {
        mail_configured: true,
        ..WebConfig::default()
    };
    for s in servers_with_people_and(config).await {
        let (_, _, id) = published(&s, "no").await;
        let (tom, csrf) = tom_responds(&s, &id).await;
        let receipt = format!("/consultations/{id}/respond/receipt");
        let res = s.post(&receipt, &tom, &[("csrf", &csrf)]).await;
        assert_eq!(res.status(), 303);
        let (_, html) = s
            .page(&format!("/consultations/{id}/respond/done?lang=ar"), &tom)
            .await;
        assert!(words(&html).contains(&format!("نسخة إجاباتك في انتظار الإرسال إلى {TOM}")));
        let (_, html) = s
            .page(&format!("/consultations/{id}/respond/done"), &tom)
            .await;
        assert!(words(&html).contains(&format!("Your copy is waiting to be sent to {TOM}.")));
        assert!(!html.contains(&format!("action=\"{receipt}\"")));
        // On its way to a mail server: asking for it succeeded.
        let (_, html) = s
            .page(
                &format!("/consultations/{id}/respond/done?done=receipt-sent"),
                &tom,
            )
            .await;
        assert!(success_banner(&html));
        assert!(words(&html).contains("You asked for a copy of your answers by email."));
        assert!(words(&html).contains(&format!("Your copy is waiting to be sent to {TOM}.")));
        assert_eq!(
            newest_email_status(&s, &tom, "en").await,
            "Waiting to be sent"
        );
    }
}
