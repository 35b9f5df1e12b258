//! An erased account's comments stay in their threads, attributed to
//! nobody, or give way to a removal notice when the person asks for
//! their contributions to go; their agreements go and their reports lose
//! their name.

use cohesion_domain::discussion::comment::{Shown, State};
use cohesion_services::accounts::Passwords;
use cohesion_services::discussions::personal_data::DiscussionsHook;
use cohesion_services::discussions::{commenting, reactions, reading};
use cohesion_services::erasure::{Contributions, Person, PersonalData};
use cohesion_storage::discussions::comments::{self, Order};
use cohesion_testkit as testkit;

use super::fixtures::cast;

#[tokio::test]
async fn erasure_keeps_threads_whole() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let people = cast(db, &pw, "Erasure", "off").await;
        let d = people.d;
        let kept = commenting::post(db, &people.rita, d, None, "Keep my words")
            .await
            .unwrap();
        let removed = commenting::post(db, &people.sam, d, None, "Remove my words")
            .await
            .unwrap();
        commenting::post(db, &people.rita, d, Some(removed.id), "A reply that stays")
            .await
            .unwrap();
        reactions::agree(db, &people.sam, kept.id, true)
            .await
            .unwrap();
        reactions::report(db, &people.sam, kept.id, "off_topic", "")
            .await
            .unwrap();

        let mut c = db.acquire().await.unwrap();
        let mut tx = db.begin().await.unwrap();
        let person_of = |id| Person {
            id,
            addresses: vec![],
        };
        DiscussionsHook
            .erase(
                tx.conn(),
                &person_of(people.sam.user_id),
                Contributions::Remove,
            )
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let gone = comments::find(c.conn(), removed.id).await.unwrap().unwrap();
        assert_eq!(
            (gone.state, gone.body.as_str(), gone.author_id),
            (State::RemovedWithAccount, "", None)
        );
        let still = comments::find(c.conn(), kept.id).await.unwrap().unwrap();
        assert_eq!(still.agree_count, 0);
        drop(c);

        let mut tx = db.begin().await.unwrap();
        DiscussionsHook
            .erase(
                tx.conn(),
                &person_of(people.rita.user_id),
                Contributions::Keep,
            )
            .await
            .unwrap();
        tx.commit().await.unwrap();

        let disc = reading::discussion(db, None, d).await.unwrap();
        assert_eq!(disc.comment_count, 2);
        let page = reading::page(db, None, &disc, Order::Oldest, None)
            .await
            .unwrap();
        assert_eq!(page.threads.len(), 2);
        let first = &page.threads[0].top;
        assert_eq!(first.comment.body, "Keep my words");
        assert_eq!(first.comment.author_name, None);
        assert_eq!(
            page.threads[1].top.shown,
            Shown::Notice(State::RemovedWithAccount)
        );
        assert_eq!(
            page.threads[1].replies[0].comment.body,
            "A reply that stays"
        );
    }
}
