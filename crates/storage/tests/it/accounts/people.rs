//! One account per address, and roles granted once.

use cohesion_domain::identity::{DisplayName, Email, Role};
use cohesion_storage::accounts::users;
use cohesion_testkit as testkit;

use super::new_user;

#[tokio::test]
async fn one_account_per_address() {
    for t in testkit::engines().await {
        let id = new_user(&t, "amina@example.org").await;
        let mut c = t.db.acquire().await.unwrap();
        let again = users::insert(
            c.conn(),
            &Email::parse("AMINA@example.org").unwrap(),
            &DisplayName::parse("Someone").unwrap(),
            "other",
            "en",
        )
        .await
        .unwrap();
        assert_eq!(again, None, "{:?}", t.engine());
        let found = users::find_by_email(c.conn(), &Email::parse("amina@example.org").unwrap())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(found.id, id);
        assert_eq!(found.display_name.as_deref(), Some("Amina K"));
        assert_eq!(found.email_verified_at, None);
    }
}

#[tokio::test]
async fn roles_are_granted_once() {
    for t in testkit::engines().await {
        let id = new_user(&t, "officer@example.org").await;
        let mut c = t.db.acquire().await.unwrap();
        assert!(users::grant_role(c.conn(), id, Role::Officer, None)
            .await
            .unwrap());
        assert!(!users::grant_role(c.conn(), id, Role::Officer, None)
            .await
            .unwrap());
        users::grant_role(c.conn(), id, Role::Analyst, Some(id))
            .await
            .unwrap();
        assert_eq!(
            users::roles(c.conn(), id).await.unwrap(),
            vec![Role::Analyst, Role::Officer]
        );
    }
}
