//! What a person changes about their own account.

use cohesion_domain::ErrorCode;
use cohesion_services::accounts::{self, profile, Passwords};
use cohesion_services::ServiceError;
use cohesion_storage::audit::{self, AuditQuery};
use cohesion_storage::outbox;
use cohesion_testkit as testkit;

use super::{mail_count, origin, person, sign_in, token_for, NEW_PASSWORD};
use crate::support::{code, Plain, BASE, PASSWORD};

#[tokio::test]
async fn profile_changes_are_checked_and_audited() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let (me, cookie) = person(db, &pw, "lena@example.org", "Lena K").await;
        let (_, other_cookie) = sign_in(db, &pw, "lena@example.org", PASSWORD)
            .await
            .unwrap();

        let e = profile::change_display_name(db, &me, "Moderator", None).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::DisplayNameReserved);
        profile::change_display_name(db, &me, "Lena Kovač", Some("192.0.2.9"))
            .await
            .unwrap();

        let e = profile::change_password(db, &pw, &me, "wrong guess", NEW_PASSWORD, None).await;
        match e.unwrap_err() {
            ServiceError::InvalidFields(v) => {
                assert_eq!(
                    (v[0].field, v[0].code),
                    ("current_password", ErrorCode::InvalidCredentials)
                )
            }
            other => panic!("{other:?}"),
        }
        let rotated = profile::change_password(db, &pw, &me, PASSWORD, NEW_PASSWORD, None)
            .await
            .unwrap();
        assert!(
            accounts::session(db, &cookie).await.unwrap().is_none(),
            "the cookie from before the change no longer works"
        );
        let me = accounts::session(db, &rotated)
            .await
            .unwrap()
            .expect("this session stays, under a new cookie");
        assert_ne!(rotated, cookie);
        assert!(
            accounts::session(db, &other_cookie)
                .await
                .unwrap()
                .is_none(),
            "the others end"
        );

        // The password is asked for, so an open session alone cannot move
        // the account.
        let e = profile::request_email_change(
            db,
            &pw,
            &Plain,
            BASE,
            &me,
            profile::EmailChange {
                new_email: "thief@example.net",
                current_password: "not the password",
            },
            None,
        )
        .await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::InvalidCredentials);
        assert_eq!(mail_count(db, "thief@example.net").await, 0);

        // A new address is proved before it is used.
        profile::request_email_change(
            db,
            &pw,
            &Plain,
            BASE,
            &me,
            profile::EmailChange {
                new_email: "lena.k@example.net",
                current_password: NEW_PASSWORD,
            },
            None,
        )
        .await
        .unwrap();
        let token = token_for(db, "lena.k@example.net").await.unwrap();
        profile::confirm_email_change(db, &Plain, BASE, &token, origin())
            .await
            .unwrap();
        let me = accounts::session(db, &rotated).await.unwrap().unwrap();
        assert_eq!(me.email, "lena.k@example.net");
        assert_eq!(me.display_name, "Lena Kovač");
        let mut c = db.acquire().await.unwrap();
        let told = outbox::to_address(c.conn(), "lena@example.org", 1)
            .await
            .unwrap();
        assert!(
            told[0].subject.contains("EmailChanged"),
            "the old address is told"
        );
        drop(c);

        // An address that has an account gets a note, not a link.
        person(db, &pw, "taken@example.org", "Taken T").await;
        let before = mail_count(db, "taken@example.org").await;
        profile::request_email_change(
            db,
            &pw,
            &Plain,
            BASE,
            &me,
            profile::EmailChange {
                new_email: "taken@example.org",
                current_password: NEW_PASSWORD,
            },
            None,
        )
        .await
        .unwrap();
        let mut c = db.acquire().await.unwrap();
        let note = outbox::to_address(c.conn(), "taken@example.org", 1)
            .await
            .unwrap();
        assert_eq!(mail_count(db, "taken@example.org").await, before + 1);
        assert!(note[0].subject.contains("AlreadyRegistered"));

        let q = AuditQuery {
            actor: Some(me.user_id),
            limit: 50,
            ..Default::default()
        };
        let actions: Vec<String> = audit::page(c.conn(), &q)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        for a in [
            "account.rename",
            "account.password_change",
            "account.email_change",
        ] {
            assert!(actions.iter().any(|x| x == a), "{a} in {actions:?}");
        }
    }
}
