//! Sessions are found by the hash of their token, and ended.

use cohesion_storage::accounts::sessions::{self, NewSession};
use cohesion_storage::Timestamp;
use cohesion_testkit as testkit;

use super::{at, new_user};

#[tokio::test]
async fn sessions_are_found_by_hash_and_ended() {
    for t in testkit::engines().await {
        let id = new_user(&t, "session@example.org").await;
        let mut c = t.db.acquire().await.unwrap();
        for hash in ["s1", "s2"] {
            let s = NewSession {
                id: cohesion_storage::new_id(),
                token_hash: hash,
                user_id: id,
                csrf_token: "csrf",
                now: Timestamp::now(),
                expires_at: at(3600),
                user_agent: Some("test"),
            };
            sessions::create(c.conn(), s).await.unwrap();
        }
        let found = sessions::find(c.conn(), "s1").await.unwrap().unwrap();
        assert_eq!(found.user_id, id);
        assert!(found.expires_at > found.created_at);
        sessions::touch(c.conn(), "s1", at(60)).await.unwrap();
        assert!(
            sessions::find(c.conn(), "s1")
                .await
                .unwrap()
                .unwrap()
                .last_seen_at
                > found.last_seen_at
        );
        assert!(sessions::delete(c.conn(), "s1").await.unwrap());
        assert!(sessions::find(c.conn(), "s1").await.unwrap().is_none());
        assert_eq!(
            sessions::delete_for_user(c.conn(), id).await.unwrap(),
            1,
            "sign out everywhere"
        );
    }
}
