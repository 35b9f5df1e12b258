//! Sending one's answers and asking for a copy of them are in the audit
//! log, in the same transaction, for signed-in respondents only, with
//! fixed words and the consultation (never the answers or the address);
//! "your data" says them in plain words with the consultation's title, in
//! both languages; and deleting the account with its contributions
//! leaves the entries (ADR 7) but nothing of what was answered.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_storage::audit::{self, AuditEntry, AuditQuery};
use serde_json::json;
use uuid::Uuid;

use super::after_responding::tom_responds;
use super::receipts::words;
use super::{location, published, TOM};
use crate::support::{servers_with_people, Server};

const TITLE: &str = "Safer streets in Harbourside";
const ANSWER: &str = "Graffiti on the community centre";

/// A page's words, one space between each.
fn spaced(html: &str) -> String {
    words(html).split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn entries(s: &Server, action: &str) -> Vec<AuditEntry> {
    let mut c = s.db().acquire().await.unwrap();
    let q = AuditQuery {
        action: Some(action),
        limit: 50,
        ..Default::default()
    };
    audit::page(c.conn(), &q).await.unwrap()
}

#[tokio::test]
async fn answers_sent_and_copies_asked_for_are_in_your_data() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "yes").await;
        let consultation = Uuid::parse_str(&id).unwrap();

        // Someone without an account answers through the API: no entry,
        // there is no account to show it to.
        let res = s
            .client
            .post(s.url(&format!("/api/v1/consultations/{id}/response")))
            .json(&json!({"answers": {"q1": "0", "q2": "1", "q3": "Stickers at the bus stop"}}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 201, "{}", res.text().await.unwrap());
        assert!(entries(&s, "response.submit").await.is_empty());

        let (tom, csrf) = tom_responds(&s, &id).await;
        let (_, html) = s.page("/account/data.json", &tom).await;
        let data: serde_json::Value = serde_json::from_str(&html).unwrap();
        let tom_id = Uuid::parse_str(data["account"]["id"].as_str().unwrap()).unwrap();
        let sent = entries(&s, "response.submit").await;
        assert_eq!(sent.len(), 1);
        assert_eq!(sent[0].actor_id, Some(tom_id));
        assert_eq!(sent[0].subject_id, Some(consultation));
        assert_eq!(sent[0].detail, "answers sent");
        assert!(sent[0].client.is_some(), "where it came from");

        // Changed and sent again; then a copy asked for.
        let respond = format!("/consultations/{id}/respond");
        let res = s
            .post(
                &format!("{respond}/1?return=check"),
                &tom,
                &[("csrf", &csrf), ("q1", "0"), ("q2", "3")],
            )
            .await;
        assert_eq!(location(&res), format!("{respond}/check"));
        let res = s
            .post(&format!("{respond}/submit"), &tom, &[("csrf", &csrf)])
            .await;
        assert_eq!(location(&res), format!("{respond}/done"));
        let res = s
            .post(&format!("{respond}/receipt"), &tom, &[("csrf", &csrf)])
            .await;
        assert_eq!(res.status(), 303);
        let sent = entries(&s, "response.submit").await;
        assert_eq!(sent.len(), 2);
        assert_eq!(sent[0].detail, "answers changed");
        let copied = entries(&s, "response.copy").await;
        assert_eq!(copied.len(), 1);
        assert_eq!(copied[0].actor_id, Some(tom_id));
        assert_eq!(copied[0].subject_id, Some(consultation));
        for e in sent.iter().chain(&copied) {
            assert!(!e.detail.contains(ANSWER) && !e.detail.contains(TOM));
        }

        // In plain words, newest first, with the consultation's title.
        let (_, html) = s.page("/account/data", &tom).await;
        let text = spaced(&html);
        let copy = format!(
            "You asked for a copy of your answers to “{TITLE}” By email, to your confirmed address"
        );
        let changed = format!("You sent your answers to “{TITLE}” Changed and sent again");
        let first = format!("You sent your answers to “{TITLE}” Sent for the first time");
        let at = |needle: &str| {
            text.find(needle)
                .unwrap_or_else(|| panic!("{needle}: {text}"))
        };
        assert!(at(&copy) < at(&changed) && at(&changed) < at(&first));
        let (_, html) = s.page("/account/data?lang=ar", &tom).await;
        let text = spaced(&html);
        for said in [
            format!("طلبت نسخة من إجاباتك في «{TITLE}» بالبريد الإلكتروني، إلى عنوانك المؤكَّد"),
            format!("أرسلت إجاباتك في «{TITLE}» عُدّلت وأُرسلت من جديد"),
            format!("أرسلت إجاباتك في «{TITLE}» أُرسلت أول مرة"),
        ] {
            assert!(text.contains(&said), "{said}: {text}");
        }
        // The download carries the consultation with each.
        let (_, json) = s.page("/account/data.json", &tom).await;
        let data: serde_json::Value = serde_json::from_str(&json).unwrap();
        let activity = data["activity"].as_array().unwrap();
        let on_answers: Vec<_> = activity
            .iter()
            .filter(|a| a["action"].as_str().unwrap().starts_with("response."))
            .collect();
        assert_eq!(on_answers.len(), 3);
        assert!(on_answers
            .iter()
            .all(|a| a["consultation_id"] == id.as_str()));
        assert!(activity
            .iter()
            .filter(|a| a["action"] == "account.sign_in")
            .all(|a| a["consultation_id"].is_null()));

        // Deleted with the contributions: the log keeps its entries, and
        // no column anywhere holds the answer or the address.
        let res = s
            .post(
                "/account/delete",
                &tom,
                &[
                    ("csrf", &csrf),
                    ("contributions", "remove"),
                    ("password", DEMO_PASSWORD),
                ],
            )
            .await;
        assert_eq!(res.status(), 200);
        assert_eq!(entries(&s, "response.submit").await.len(), 2);
        assert_eq!(entries(&s, "response.copy").await.len(), 1);
        let mut c = s.db().acquire().await.unwrap();
        for gone in [ANSWER, TOM] {
            let found = cohesion_storage::schema::occurrences(c.conn(), gone)
                .await
                .unwrap();
            assert!(found.is_empty(), "{gone} in {found:?}");
        }
    }
}
