//! A respondent's account deleted: their answers go (or stay,
//! anonymously), nothing personal is left, and removals at once never
//! deadlock.

use cohesion_domain::identity::Role;
use cohesion_services::accounts::your_data;
use cohesion_services::accounts::Passwords;
use cohesion_services::consultations::responding::Respondent;
use cohesion_services::consultations::responding::{personal_data, writes};
use cohesion_services::consultations::results::totals_check;
use cohesion_services::erasure::Contributions;
use cohesion_services::ServiceError;
use cohesion_storage::accounts::users;
use cohesion_storage::schema;
use cohesion_testkit as testkit;

use super::{officer, person, raw, record, respond, two_consultations};
use crate::support::PASSWORD;

#[tokio::test]
async fn deleting_an_account_after_answering_leaves_no_personal_data() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let [a, b] = two_consultations(db, &officer, [false, false]).await;
        for (choice, email, name, phrase) in [
            (
                Contributions::Keep,
                "yusuf.keepsake@example.org",
                "Yusuf Kq",
                "lamps along the towpath",
            ),
            (
                Contributions::Remove,
                "zainab.erasable@example.org",
                "Zainab Qx",
                "benches by the weir",
            ),
        ] {
            let me = person(db, &pw, email, name, None).await;
            let who = Respondent::Account(&me);
            respond(
                db,
                who,
                a,
                &[
                    raw(&[("q1", "0"), ("q5", "1")]),
                    raw(&[("q2", phrase), ("q3", "4")]),
                ],
            )
            .await;
            writes::save_page(db, who, b, 0, &raw(&[("q1", "0")]))
                .await
                .unwrap();
            let draft_phrase = format!("unsent {phrase}");
            // Second thoughts on the submitted response, never resubmitted.
            let edit = format!("on reflection, {phrase}");
            writes::save_page(db, who, a, 1, &raw(&[("q2", &edit), ("q3", "4")]))
                .await
                .unwrap();
            writes::save_page(db, who, b, 1, &raw(&[("q2", &draft_phrase)]))
                .await
                .unwrap();
            let hash = {
                let mut c = db.acquire().await.unwrap();
                users::find_by_id(c.conn(), me.user_id)
                    .await
                    .unwrap()
                    .unwrap()
                    .password_hash
                    .unwrap()
            };
            your_data::delete_account(db, &pw, &me, PASSWORD, choice, None)
                .await
                .unwrap();

            let mut c = db.acquire().await.unwrap();
            let local = email.split('@').next().unwrap();
            for needle in [
                email,
                local,
                name,
                hash.as_str(),
                draft_phrase.as_str(),
                edit.as_str(),
            ] {
                let found = schema::occurrences(c.conn(), needle).await.unwrap();
                assert!(
                    found.is_empty(),
                    "{choice:?}: {needle:?} remains in {found:?} ({:?})",
                    t.engine()
                );
            }
            let answered = schema::occurrences(c.conn(), phrase).await.unwrap();
            match choice {
                Contributions::Keep => assert!(
                    !answered.is_empty(),
                    "kept answers stay, without their author"
                ),
                Contributions::Remove => {
                    assert!(answered.is_empty(), "{phrase:?} remains in {answered:?}")
                }
            }
            drop(c);
            assert!(totals_check::verify_totals(db, a).await.unwrap().is_empty());
        }
        assert_eq!(record(db, a).await.response_count, 1, "only the kept one");
    }
}

#[tokio::test]
async fn people_removing_their_contributions_at_once_never_deadlock() {
    // Half the people answered "Safer streets" first and "Parks" second,
    // the other half the other way round. Removing their contributions
    // takes each consultation's shared totals in turn; were the turns
    // taken in the order the responses were made, two removals on
    // PostgreSQL would each hold what the other wants next.
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(db, &pw, "ade@council.example", "Ade O", Some(Role::Officer)).await;
        let [a, b] = two_consultations(db, &officer, [false, false]).await;
        let pages = [
            raw(&[("q1", "0"), ("q5", "1")]),
            raw(&[("q2", "more lights"), ("q3", "4")]),
        ];
        let mut people = Vec::new();
        for i in 0..8 {
            let me = person(db, &pw, &format!("remover{i}@example.org"), "Remover", None).await;
            let order = if i % 2 == 0 { [a, b] } else { [b, a] };
            for id in order {
                respond(db, Respondent::Account(&me), id, &pages).await;
            }
            people.push(me.user_id);
        }
        let tasks: Vec<_> = people
            .into_iter()
            .map(|user| {
                let db = db.clone();
                tokio::spawn(async move {
                    let mut tx = db.begin().await?;
                    personal_data::remove_all_for(tx.conn(), user).await?;
                    tx.commit().await?;
                    Ok::<_, ServiceError>(())
                })
            })
            .collect();
        for task in tasks {
            let done = task.await.unwrap();
            assert!(done.is_ok(), "{:?}: {done:?}", t.engine());
        }
        for id in [a, b] {
            assert_eq!(record(db, id).await.response_count, 0);
            assert_eq!(totals_check::verify_totals(db, id).await.unwrap(), []);
        }
    }
}
