//! "Forgotten your password?": single-use links, capped per address.

use cohesion_domain::ErrorCode;
use cohesion_services::accounts::AccountError;
use cohesion_services::accounts::{self, reset, Passwords};
use cohesion_services::ServiceError;
use cohesion_testkit as testkit;

use super::{mail_count, origin, person, sign_in, token_for, NEW_PASSWORD};
use crate::support::{code, Plain, BASE, PASSWORD};

#[tokio::test]
async fn password_reset_is_single_use_and_ends_every_session() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let (_, old_cookie) = person(db, &pw, "rosa@example.org", "Rosa M").await;

        reset::request(db, &Plain, BASE, "nobody@example.org", origin())
            .await
            .expect("the same answer for unknown addresses");
        assert_eq!(mail_count(db, "nobody@example.org").await, 0);

        reset::request(db, &Plain, BASE, "Rosa@Example.org", origin())
            .await
            .unwrap();
        let token = token_for(db, "rosa@example.org").await.unwrap();

        let short = reset::complete(db, &pw, &token, "short", origin()).await;
        assert_eq!(code(short.unwrap_err()), ErrorCode::PasswordTooShort);
        reset::complete(db, &pw, &token, NEW_PASSWORD, origin())
            .await
            .expect("a bad password does not spend the link");
        assert!(matches!(
            reset::complete(db, &pw, &token, NEW_PASSWORD, origin()).await,
            Err(ServiceError::Account(AccountError::InvalidToken))
        ));
        assert!(
            accounts::session(db, &old_cookie).await.unwrap().is_none(),
            "whoever had the old session is out"
        );
        assert!(matches!(
            sign_in(db, &pw, "rosa@example.org", PASSWORD).await,
            Err(ServiceError::Account(AccountError::InvalidCredentials))
        ));
        sign_in(db, &pw, "rosa@example.org", NEW_PASSWORD)
            .await
            .expect("the new password works");
    }
}

#[tokio::test]
async fn reset_mail_to_one_address_is_capped_and_the_last_link_keeps_working() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        person(db, &pw, "sam@example.org", "Sam O").await;
        let before = mail_count(db, "sam@example.org").await;
        for _ in 0..3 {
            reset::request(db, &Plain, BASE, "sam@example.org", origin())
                .await
                .unwrap();
        }
        let third = token_for(db, "sam@example.org").await.unwrap();
        for _ in 0..5 {
            reset::request(db, &Plain, BASE, "sam@example.org", origin())
                .await
                .unwrap();
        }
        assert_eq!(
            mail_count(db, "sam@example.org").await,
            before + 3,
            "a stranger cannot flood the inbox"
        );
        reset::complete(db, &pw, &third, NEW_PASSWORD, origin())
            .await
            .expect("nor stop the owner resetting with the last link sent");
    }
}
