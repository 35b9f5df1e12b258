//! Signing up, proving an address, signing in and out.

use cohesion_domain::identity::Role;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::AccountError;
use cohesion_services::accounts::{self, Passwords, SignUp};
use cohesion_services::audit::Origin;
use cohesion_services::ServiceError;
use cohesion_storage::accounts::users;
use cohesion_testkit as testkit;

use super::{link_token, mailbox, sign_up_input};
use crate::support::{Plain, BASE, PASSWORD};

#[tokio::test]
async fn sign_up_verify_sign_in_and_out() {
    let passwords = Passwords::new(2);
    for t in testkit::engines().await {
        accounts::sign_up(
            &t.db,
            &passwords,
            &Plain,
            BASE,
            sign_up_input("amina@example.org", "ar"),
            Origin::default(),
        )
        .await
        .unwrap();
        let mail = mailbox(&t.db).await;
        assert_eq!(mail.len(), 1);
        assert_eq!(mail[0].to_address, "amina@example.org");
        assert!(
            mail[0].subject.starts_with("[ar]"),
            "written in the person's language"
        );
        assert!(mail[0]
            .body
            .contains(&format!("{BASE}/verify-email?token=")));
        let token = link_token(&mail[0].body);

        let id = accounts::verify_email(&t.db, &token, Origin::default())
            .await
            .unwrap();
        assert!(
            matches!(
                accounts::verify_email(&t.db, &token, Origin::default()).await,
                Err(ServiceError::Account(AccountError::InvalidToken))
            ),
            "a link works once"
        );

        let wrong = accounts::sign_in(
            &t.db,
            &passwords,
            "amina@example.org",
            "not the password at all",
            None,
            None,
        )
        .await;
        assert!(matches!(
            wrong,
            Err(ServiceError::Account(AccountError::InvalidCredentials))
        ));
        let nobody = accounts::sign_in(
            &t.db,
            &passwords,
            "nobody@example.org",
            PASSWORD,
            None,
            None,
        )
        .await;
        assert!(
            matches!(
                nobody,
                Err(ServiceError::Account(AccountError::InvalidCredentials))
            ),
            "same answer for unknown addresses"
        );

        let tokens = accounts::sign_in(
            &t.db,
            &passwords,
            " AMINA@example.org ",
            PASSWORD,
            Some("Firefox"),
            None,
        )
        .await
        .unwrap();
        let who = accounts::session(&t.db, &tokens.cookie)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(who.user_id, id);
        assert_eq!(who.display_name, "Amina K");
        assert!(
            who.email_verified && who.roles.has(Role::Resident) && !who.roles.has(Role::Moderator)
        );
        assert_eq!(who.csrf, tokens.csrf);
        assert!(accounts::session(&t.db, "forged-cookie")
            .await
            .unwrap()
            .is_none());

        let second =
            accounts::sign_in(&t.db, &passwords, "amina@example.org", PASSWORD, None, None)
                .await
                .unwrap();
        assert_ne!(
            second.cookie, tokens.cookie,
            "a new session id at every sign-in"
        );
        accounts::sign_out(&t.db, &tokens.cookie).await.unwrap();
        assert!(accounts::session(&t.db, &tokens.cookie)
            .await
            .unwrap()
            .is_none());
        assert!(accounts::session(&t.db, &second.cookie)
            .await
            .unwrap()
            .is_some());
        assert_eq!(accounts::sign_out_everywhere(&t.db, id).await.unwrap(), 1);
        assert!(accounts::session(&t.db, &second.cookie)
            .await
            .unwrap()
            .is_none());
    }
}

#[tokio::test]
async fn signing_up_twice_reveals_nothing_and_creates_nothing() {
    let passwords = Passwords::new(2);
    for t in testkit::engines().await {
        for _ in 0..2 {
            accounts::sign_up(
                &t.db,
                &passwords,
                &Plain,
                BASE,
                sign_up_input("twice@example.org", "en"),
                Origin::default(),
            )
            .await
            .expect("the same answer both times");
        }
        let mail = mailbox(&t.db).await;
        assert_eq!(mail.len(), 2);
        assert!(
            mail[0].subject.contains("AlreadyRegistered"),
            "the owner is told instead"
        );
        assert!(!mail[0].body.contains("token="), "and gets no new link");
        let mut c = t.db.acquire().await.unwrap();
        let email = cohesion_domain::identity::Email::parse("twice@example.org").unwrap();
        assert!(users::find_by_email(c.conn(), &email)
            .await
            .unwrap()
            .is_some());
    }
}

#[tokio::test]
async fn every_bad_field_is_reported_and_nothing_is_saved() {
    let passwords = Passwords::new(2);
    let t = testkit::sqlite().await;
    let input = SignUp {
        email: "not-an-email",
        display_name: "Moderator",
        password: "short",
        locale: "en",
    };
    let Err(ServiceError::InvalidFields(errors)) =
        accounts::sign_up(&t.db, &passwords, &Plain, BASE, input, Origin::default()).await
    else {
        panic!("expected field errors");
    };
    let codes: Vec<ErrorCode> = errors.iter().map(|e| e.code).collect();
    assert_eq!(
        codes,
        [
            ErrorCode::InvalidEmail,
            ErrorCode::DisplayNameReserved,
            ErrorCode::PasswordTooShort
        ]
    );
    assert!(mailbox(&t.db).await.is_empty());
}

#[tokio::test]
async fn forged_and_expired_links_are_refused() {
    let t = testkit::sqlite().await;
    for token in ["", "0000", "' OR 1=1 --", &"f".repeat(64)] {
        assert!(matches!(
            accounts::verify_email(&t.db, token, Origin::default()).await,
            Err(ServiceError::Account(AccountError::InvalidToken))
        ));
    }
}
