//! Deleting an account leaves no personal data behind.

use cohesion_domain::organisation::OrganisationInput;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::organisations;
use cohesion_services::accounts::your_data;
use cohesion_services::accounts::AccountError;
use cohesion_services::accounts::{self, reset, Passwords};
use cohesion_services::erasure::Contributions;
use cohesion_services::ServiceError;
use cohesion_storage::accounts::users;
use cohesion_storage::audit::{self, AuditQuery};
use cohesion_storage::schema;
use cohesion_testkit as testkit;

use super::{origin, person, riverside, sign_in, token_for};
use crate::support::{code, Plain, BASE, PASSWORD};

#[tokio::test]
async fn deleting_an_account_leaves_no_personal_data_behind() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let email = "zainab.deleteme@example.org";
        let name = "Zainab Qx";
        let (me, cookie) = person(db, &pw, email, name).await;
        let (_, second) = sign_in(db, &pw, email, PASSWORD).await.unwrap();
        let theirs = OrganisationInput {
            contact_name: name.into(),
            contact_email: email.into(),
            contact_phone: "020 7946 0123".into(),
            ..riverside()
        };
        let org = organisations::register(db, &me, &theirs, None)
            .await
            .unwrap();
        let (member, _) = person(db, &pw, "kept.member@example.org", "Kept M").await;
        organisations::invite(db, &Plain, BASE, &me, org, "kept.member@example.org", None)
            .await
            .unwrap();
        let invite = token_for(db, "kept.member@example.org").await.unwrap();
        organisations::accept(db, &member, &invite, None)
            .await
            .unwrap();
        reset::request(db, &Plain, BASE, email, origin())
            .await
            .unwrap();

        let data = your_data::export(db, &me, Some("192.0.2.3"), your_data::Access::Downloaded)
            .await
            .unwrap();
        assert_eq!(data.account.email.as_deref(), Some(email));
        assert_eq!(data.account.display_name.as_deref(), Some(name));
        assert_eq!(data.sessions.len(), 2);
        assert_eq!(data.organisations[0].id, org);
        assert!(data.emails.len() >= 2, "the verification and reset emails");
        assert!(data
            .activity
            .iter()
            .any(|a| a.action == "organisation.register"));

        let e = your_data::delete_account(db, &pw, &me, "wrong", Contributions::Keep, None).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::InvalidCredentials);
        assert!(
            accounts::session(db, &cookie).await.unwrap().is_some(),
            "nothing changed"
        );

        let hash = {
            let mut c = db.acquire().await.unwrap();
            users::find_by_id(c.conn(), me.user_id)
                .await
                .unwrap()
                .unwrap()
                .password_hash
                .unwrap()
        };
        your_data::delete_account(db, &pw, &me, PASSWORD, Contributions::Remove, None)
            .await
            .unwrap();
        for c in [&cookie, &second] {
            assert!(accounts::session(db, c).await.unwrap().is_none());
        }
        let mut c = db.acquire().await.unwrap();
        for needle in [email, "zainab", name, hash.as_str(), "7946 0123"] {
            let found = schema::occurrences(c.conn(), needle).await.unwrap();
            assert!(
                found.is_empty(),
                "{needle:?} remains in {found:?} ({:?})",
                t.engine()
            );
        }
        let row = users::find_by_id(c.conn(), me.user_id)
            .await
            .unwrap()
            .unwrap();
        assert!(row.deleted_at.is_some(), "the empty row stays as an author");
        let q = AuditQuery {
            action: Some("account.delete"),
            limit: 5,
            ..Default::default()
        };
        let log = audit::page(c.conn(), &q).await.unwrap();
        assert_eq!(log[0].detail, "account deleted; contributions removed");
        drop(c);
        assert!(matches!(
            sign_in(db, &pw, email, PASSWORD).await,
            Err(ServiceError::Account(AccountError::InvalidCredentials))
        ));
        // The address is free for a new account.
        person(db, &pw, email, "Zainab Again").await;
    }
}
