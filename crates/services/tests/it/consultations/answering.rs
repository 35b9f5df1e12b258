//! Answering page by page, submitting, changing a response, and who
//! may answer when.

use cohesion_domain::identity::Role;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::Passwords;
use cohesion_services::consultations::authoring;
use cohesion_services::consultations::responding::{self, writes};
use cohesion_services::consultations::responding::{Next, Respondent};
use cohesion_services::consultations::results::{self, totals_check};
use cohesion_services::ServiceError;
use cohesion_testkit as testkit;

use super::languages;
use super::{
    answer_errors, counts, find, input, officer, person, published, raw, record, resident, respond,
    response_of, stored_answers, survey, totals, ALL, FUTURE, LONDON, NOW, PAST,
};
use crate::support::code;

#[tokio::test]
async fn answers_are_checked_page_by_page_and_bad_ones_change_nothing() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let resident = resident(db, &pw).await;
        let id = published(
            db,
            &officer,
            &input("Safer streets", "", NOW, false),
            &survey(),
        )
        .await;
        let me = Respondent::Account(&resident);

        let p = responding::progress(db, me, id).await.unwrap();
        assert!(p.response.is_none() && p.draft.is_empty());
        assert_eq!(p.pages, [0, 1]);

        // A bad first page does not even start a response.
        let e = writes::save_page(db, me, id, 0, &raw(&[("q1", "7")])).await;
        assert_eq!(
            answer_errors(e.unwrap_err()),
            [("q1".to_string(), ErrorCode::InvalidChoice)]
        );
        assert!(responding::progress(db, me, id)
            .await
            .unwrap()
            .response
            .is_none());

        // "No" hides the follow-up question.
        let next = writes::save_page(db, me, id, 0, &raw(&[("q1", "1")]))
            .await
            .unwrap();
        assert_eq!(next, Next::Page(1));
        let saved = responding::progress(db, me, id).await.unwrap().draft;
        assert_eq!(saved, raw(&[("q1", "1")]));

        let bad_pages = [
            (
                1,
                raw(&[("q2", "sneaky"), ("q3", "2")]),
                ("q2", ErrorCode::HiddenQuestion),
            ),
            (
                0,
                raw(&[("q1", "0"), ("zz", "1")]),
                ("zz", ErrorCode::UnknownQuestion),
            ),
            // A question of another page is unknown on this one.
            (
                0,
                raw(&[("q1", "0"), ("q3", "2")]),
                ("q3", ErrorCode::UnknownQuestion),
            ),
            (0, raw(&[("q1", "3")]), ("q1", ErrorCode::InvalidChoice)),
            (0, raw(&[("q1", "-1")]), ("q1", ErrorCode::InvalidChoice)),
            (
                0,
                raw(&[("q1", "0"), ("q1", "1")]),
                ("q1", ErrorCode::TooManyChoices),
            ),
            (
                0,
                raw(&[("q1", "0"), ("q5", "0"), ("q5", "1"), ("q5", "3")]),
                ("q5", ErrorCode::TooManyChoices),
            ),
            (0, raw(&[("q5", "0")]), ("q1", ErrorCode::FieldRequired)),
            (1, raw(&[("q3", "9")]), ("q3", ErrorCode::InvalidChoice)),
        ];
        for (page, answers, expected) in bad_pages {
            let e = writes::save_page(db, me, id, page, &answers).await;
            let got = answer_errors(e.unwrap_err());
            assert_eq!(
                got,
                [(expected.0.to_owned(), expected.1)],
                "page {page} with {answers:?}"
            );
            assert_eq!(
                responding::progress(db, me, id).await.unwrap().draft,
                saved,
                "{answers:?} left the draft alone"
            );
        }

        // "Yes" shows it, but not at any length.
        writes::save_page(
            db,
            me,
            id,
            0,
            &raw(&[("q1", "0"), ("q5", "2"), ("q5", "0")]),
        )
        .await
        .unwrap();
        let saved = responding::progress(db, me, id).await.unwrap().draft;
        assert_eq!(saved, raw(&[("q1", "0"), ("q5", "2"), ("q5", "0")]));
        let long = "x".repeat(101);
        let e = writes::save_page(db, me, id, 1, &raw(&[("q2", &long)])).await;
        assert_eq!(
            answer_errors(e.unwrap_err()),
            [("q2".to_string(), ErrorCode::FieldTooLong)]
        );
        assert_eq!(responding::progress(db, me, id).await.unwrap().draft, saved);
        let e = writes::save_page(db, me, id, 2, &raw(&[])).await;
        assert!(matches!(e, Err(ServiceError::NotFound)), "{e:?}");
        let fits = "x".repeat(100);
        let next = writes::save_page(db, me, id, 1, &raw(&[("q2", &fits)]))
            .await
            .unwrap();
        assert_eq!(next, Next::CheckAnswers);
        let p = responding::progress(db, me, id).await.unwrap();
        assert_eq!(p.draft["q2"], [fits]);
        assert!(!p.is_submitted());
        assert_eq!(
            record(db, id).await.response_count,
            0,
            "a draft is not a response yet"
        );
        assert!(totals(db, id).await.is_empty(), "nor counted");
    }
}

#[tokio::test]
async fn a_response_is_submitted_changed_and_counted_once() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let analyst = person(
            db,
            &pw,
            "ana@council.example",
            "Ana Petrova",
            Some(Role::Analyst),
        )
        .await;
        let resident = resident(db, &pw).await;
        let neighbour = person(db, &pw, "nick@example.org", "Nick N", None).await;
        let id = published(
            db,
            &officer,
            &input("Safer streets", "", NOW, false),
            &survey(),
        )
        .await;
        let me = Respondent::Account(&resident);

        let e = writes::submit(db, me, id).await;
        assert_eq!(
            code(e.unwrap_err()),
            ErrorCode::FieldRequired,
            "nothing to submit"
        );
        let next = writes::save_page(
            db,
            me,
            id,
            0,
            &raw(&[("q1", "0"), ("q5", "0"), ("q5", "2")]),
        )
        .await
        .unwrap();
        assert_eq!(next, Next::Page(1));
        let next = writes::save_page(
            db,
            me,
            id,
            1,
            &raw(&[("q2", "More lamps by the canal"), ("q3", "5")]),
        )
        .await
        .unwrap();
        assert_eq!(next, Next::CheckAnswers);
        let reference = writes::submit(db, me, id).await.unwrap();
        assert_eq!(reference.len(), 9);
        assert_eq!(reference.chars().nth(4), Some('-'));
        let p = responding::progress(db, me, id).await.unwrap();
        assert!(p.is_submitted());
        assert_eq!(p.response.as_ref().unwrap().reference, reference);
        assert_eq!(record(db, id).await.response_count, 1);

        let r = results::results(db, Some(&officer), id, ALL, None)
            .await
            .unwrap();
        assert_eq!(counts(&r, "q1"), [Some(1), Some(0), Some(0)]);
        assert_eq!(counts(&r, "q5"), [Some(1), Some(0), Some(1), Some(0)]);
        assert_eq!(find(&r, "q1").unwrap().answered, 1);
        assert_eq!(
            find(&r, "q2").unwrap().answered,
            1,
            "free text counts as answered"
        );
        let q3 = find(&r, "q3").unwrap();
        assert!(
            q3.withheld && q3.lines.is_empty(),
            "officers do not see religion"
        );
        let r = results::results(db, Some(&analyst), id, ALL, None)
            .await
            .unwrap();
        assert_eq!(
            counts(&r, "q3"),
            [0u64, 0, 0, 0, 0, 1, 0, 0, 0].map(Some),
            "analysts do"
        );

        // A change of mind: "No" drops the follow-up answer.
        let next = writes::save_page(db, me, id, 0, &raw(&[("q1", "1"), ("q5", "1")]))
            .await
            .unwrap();
        assert_eq!(next, Next::Page(1), "religion is still asked");
        let p = responding::progress(db, me, id).await.unwrap();
        assert!(
            !p.draft.contains_key("q2"),
            "no stale answer: {:?}",
            p.draft
        );
        assert_eq!(p.draft["q3"], ["5"]);
        assert!(
            p.is_submitted(),
            "the first submission stands until resubmitted"
        );
        let r = results::results(db, Some(&officer), id, ALL, None)
            .await
            .unwrap();
        assert_eq!(
            counts(&r, "q1"),
            [Some(1), Some(0), Some(0)],
            "not yet counted"
        );

        let again = writes::submit(db, me, id).await.unwrap();
        assert_eq!(again, reference, "the same response");
        assert_eq!(record(db, id).await.response_count, 1);
        let r = results::results(db, Some(&officer), id, ALL, None)
            .await
            .unwrap();
        assert_eq!(counts(&r, "q1"), [Some(0), Some(1), Some(0)]);
        assert_eq!(counts(&r, "q5"), [Some(0), Some(1), Some(0), Some(0)]);
        assert_eq!(find(&r, "q1").unwrap().answered, 1);
        assert_eq!(find(&r, "q2").unwrap().answered, 0);
        assert_eq!(find(&r, "q3").unwrap().answered, 1);
        let response = response_of(db, id, resident.user_id).await;
        assert_eq!(stored_answers(db, response.id).await, 3, "q1, q5 and q3");
        assert!(totals_check::verify_totals(db, id)
            .await
            .unwrap()
            .is_empty());

        respond(
            db,
            Respondent::Account(&neighbour),
            id,
            &[raw(&[("q1", "0")]), raw(&[("q3", "8")])],
        )
        .await;
        assert_eq!(record(db, id).await.response_count, 2);
        let r = results::results(db, Some(&analyst), id, ALL, None)
            .await
            .unwrap();
        assert_eq!(counts(&r, "q1"), [Some(1), Some(1), Some(0)]);
        assert_eq!(find(&r, "q1").unwrap().answered, 2);
        assert_eq!(counts(&r, "q3")[5], Some(1));
        assert_eq!(counts(&r, "q3")[8], Some(1));
        assert!(totals_check::verify_totals(db, id)
            .await
            .unwrap()
            .is_empty());
    }
}

#[tokio::test]
async fn responses_are_taken_only_while_open_and_anonymously_only_when_allowed() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let resident = resident(db, &pw).await;
        let me = Respondent::Account(&resident);
        let page = raw(&[("q1", "1")]);

        for dates in [PAST, FUTURE] {
            let id = published(db, &officer, &input("Not now", "", dates, true), &survey()).await;
            for who in [me, Respondent::Anonymous("visitor-1")] {
                let e = writes::save_page(db, who, id, 0, &page).await;
                assert_eq!(code(e.unwrap_err()), ErrorCode::ConsultationNotOpen);
                let e = writes::submit(db, who, id).await;
                assert_eq!(code(e.unwrap_err()), ErrorCode::ConsultationNotOpen);
            }
            assert_eq!(record(db, id).await.response_count, 0);
        }
        let draft = authoring::create(
            db,
            &officer,
            &input("Draft", "", NOW, true),
            &LONDON,
            &languages(),
            None,
        )
        .await
        .unwrap();
        authoring::set_survey(db, &officer, draft, &survey(), None)
            .await
            .unwrap();
        let e = writes::save_page(db, me, draft, 0, &page).await;
        assert!(matches!(e, Err(ServiceError::NotFound)), "{e:?}");
        assert!(matches!(
            responding::progress(db, me, draft).await,
            Err(ServiceError::NotFound)
        ));

        // Sign-in only.
        let members = published(db, &officer, &input("Members", "", NOW, false), &survey()).await;
        let visitor = Respondent::Anonymous("visitor-1");
        let e = writes::save_page(db, visitor, members, 0, &page).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::SignInRequired);
        let e = writes::submit(db, visitor, members).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::SignInRequired);
        assert!(responding::progress(db, visitor, members)
            .await
            .unwrap()
            .response
            .is_none());

        // Anonymous allowed: each browser's secret is its own respondent.
        let open = published(db, &officer, &input("Everyone", "", NOW, true), &survey()).await;
        let a = Respondent::Anonymous("secret-of-browser-a");
        let b = Respondent::Anonymous("secret-of-browser-b");
        let ref_a = respond(
            db,
            a,
            open,
            &[raw(&[("q1", "0")]), raw(&[("q2", "Lights")])],
        )
        .await;
        let ref_b = respond(db, b, open, &[raw(&[("q1", "1")]), raw(&[])]).await;
        assert_ne!(ref_a, ref_b);
        assert_eq!(record(db, open).await.response_count, 2);
        let p = responding::progress(db, a, open).await.unwrap();
        assert!(p.is_submitted());
        assert_eq!(p.response.unwrap().reference, ref_a);
        assert_eq!(p.draft["q2"], ["Lights"]);
        for stranger in ["", "secret-of-browser-c"] {
            let p = responding::progress(db, Respondent::Anonymous(stranger), open)
                .await
                .unwrap();
            assert!(p.response.is_none() && p.draft.is_empty(), "{stranger:?}");
        }
        // A resubmission by the same browser replaces its answers.
        writes::save_page(db, a, open, 0, &raw(&[("q1", "1")]))
            .await
            .unwrap();
        assert_eq!(writes::submit(db, a, open).await.unwrap(), ref_a);
        assert_eq!(record(db, open).await.response_count, 2);
        let r = results::results(db, Some(&officer), open, ALL, None)
            .await
            .unwrap();
        assert_eq!(counts(&r, "q1"), [Some(0), Some(2), Some(0)]);
        // The same secret elsewhere is someone new there.
        let other = published(db, &officer, &input("Elsewhere", "", NOW, true), &survey()).await;
        assert!(responding::progress(db, a, other)
            .await
            .unwrap()
            .response
            .is_none());

        // A response can be changed until the consultation closes.
        respond(db, me, open, &[raw(&[("q1", "2")]), raw(&[])]).await;
        assert_eq!(record(db, open).await.response_count, 3);
        authoring::update(
            db,
            &officer,
            open,
            &input("Everyone", "", PAST, true),
            &LONDON,
            &languages(),
            None,
        )
        .await
        .unwrap();
        let e = writes::save_page(db, me, open, 0, &raw(&[("q1", "0")])).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::ConsultationNotOpen);
        let e = writes::submit(db, me, open).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::ConsultationNotOpen);
        let r = results::results(db, Some(&officer), open, ALL, None)
            .await
            .unwrap();
        assert_eq!(counts(&r, "q1"), [Some(0), Some(2), Some(1)]);
        assert_eq!(record(db, open).await.response_count, 3);
    }
}

/// Two tabs (or a double click) submitting the same response at once.
#[tokio::test]
async fn a_response_submitted_twice_at_once_counts_once() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let id = published(db, &officer, &input("Everyone", "", NOW, true), &survey()).await;
        for i in 0..8 {
            let secret = format!("double-clicker-{i}");
            let who = Respondent::Anonymous(&secret);
            writes::save_page(db, who, id, 0, &raw(&[("q1", "0")]))
                .await
                .unwrap();
            writes::save_page(db, who, id, 1, &raw(&[("q2", "Both tabs"), ("q3", "1")]))
                .await
                .unwrap();
            let (a, b) = tokio::join!(writes::submit(db, who, id), writes::submit(db, who, id));
            assert_eq!(a.unwrap(), b.unwrap());
        }
        assert_eq!(record(db, id).await.response_count, 8);
        assert_eq!(
            totals_check::verify_totals(db, id).await.unwrap(),
            [],
            "{:?}",
            t.engine()
        );
        let r = results::results(db, Some(&officer), id, ALL, None)
            .await
            .unwrap();
        assert_eq!(counts(&r, "q1"), [Some(8), Some(0), Some(0)]);
        assert_eq!(find(&r, "q2").unwrap().answered, 8);
    }
}

/// One account sending its first response many times at once (the API
/// called in parallel, tabs racing): every call succeeds as a
/// replacement, none is refused as "already responded", and the person
/// is counted once with the answers of the last to commit.
#[tokio::test]
async fn many_first_submissions_at_once_from_one_account_all_succeed() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let resident = resident(db, &pw).await;
        let id = published(db, &officer, &input("Racing", "", NOW, false), &survey()).await;
        let me = Respondent::Account(&resident);
        let whole = raw(&[("q1", "0"), ("q2", "Racing"), ("q3", "1")]);
        let sends = (0..12).map(|_| writes::respond_all(db, me, id, &whole));
        let references: Vec<String> = futures_util::future::join_all(sends)
            .await
            .into_iter()
            .map(|r| r.unwrap_or_else(|e| panic!("{:?}: {e:?}", t.engine())))
            .collect();
        assert!(references.iter().all(|r| *r == references[0]));
        assert_eq!(record(db, id).await.response_count, 1, "{:?}", t.engine());
        assert_eq!(totals_check::verify_totals(db, id).await.unwrap(), []);
        let r = results::results(db, Some(&officer), id, ALL, None)
            .await
            .unwrap();
        assert_eq!(counts(&r, "q1"), [Some(1), Some(0), Some(0)]);

        // The first pages of another account, saved at once, all land.
        let other = person(db, &pw, "sam@example.org", "Sam S", None).await;
        let them = Respondent::Account(&other);
        let first = raw(&[("q1", "1")]);
        let saves = (0..12).map(|_| writes::save_page(db, them, id, 0, &first));
        for saved in futures_util::future::join_all(saves).await {
            assert_eq!(saved.unwrap(), Next::Page(1), "{:?}", t.engine());
        }
        let p = responding::progress(db, them, id).await.unwrap();
        assert_eq!(p.draft, first);
    }
}

/// A change made from "check your answers" that opens a question the
/// respondent has not seen leads to it, even when it may be left blank;
/// a change that opens nothing goes straight back.
#[tokio::test]
async fn a_change_that_opens_an_optional_question_leads_to_it() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let resident = resident(db, &pw).await;
        let id = published(
            db,
            &officer,
            &input("Safer streets", "", NOW, false),
            &survey(),
        )
        .await;
        let me = Respondent::Account(&resident);
        let from = responding::FromPages {
            client: "192.0.2.7",
            returning: true,
        };
        let next_of = |posted| match posted {
            responding::Posted::Done(next) => next,
            _ => panic!("not saved"),
        };
        // "No": the optional q2 on page 2 stays hidden.
        writes::save_page(db, me, id, 0, &raw(&[("q1", "1")]))
            .await
            .unwrap();
        writes::save_page(db, me, id, 1, &raw(&[])).await.unwrap();

        // Changing only the travel answer opens nothing: back to check.
        let posted = writes::post_page(db, me, id, 0, &raw(&[("q1", "1"), ("q5", "0")]), from)
            .await
            .unwrap();
        assert_eq!(next_of(posted), Next::CheckAnswers);

        // "Yes" opens the optional q2, never shown before: to page 2.
        let posted = writes::post_page(db, me, id, 0, &raw(&[("q1", "0")]), from)
            .await
            .unwrap();
        assert_eq!(next_of(posted), Next::Page(1));

        // Left blank on page 2, it has now been seen: back to check.
        let posted = writes::post_page(db, me, id, 1, &raw(&[]), from)
            .await
            .unwrap();
        assert_eq!(next_of(posted), Next::CheckAnswers);
    }
}
