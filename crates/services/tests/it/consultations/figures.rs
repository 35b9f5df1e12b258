//! Results from the running totals: small counts hidden, special
//! categories guarded, every kind of answer counted, chosen questions
//! and weighted figures published.

use cohesion_domain::consultation::Publication;
use cohesion_domain::identity::Role;
use cohesion_domain::survey::answers::RawAnswers;
use cohesion_domain::survey::model::{PageDef, QuestionKind, SurveyDefinition};
use cohesion_domain::ErrorCode;
use cohesion_insight::disclosure::SmallBaseRules;
use cohesion_insight::proportion::Proportion;
use cohesion_services::accounts::Passwords;
use cohesion_services::consultations::authoring;
use cohesion_services::consultations::responding::Respondent;
use cohesion_services::consultations::responding::{self, writes};
use cohesion_services::consultations::results::{self, crosstab, publication, totals_check};
use cohesion_services::consultations::ConsultationError;
use cohesion_services::ServiceError;

/// Whether `r` is what the public is told of results not published yet.
fn not_yet<T>(r: &Result<T, ServiceError>) -> bool {
    matches!(
        r,
        Err(ServiceError::Consultation(
            ConsultationError::ResultsNotPublished
        ))
    )
}
use cohesion_testkit as testkit;

use super::{
    answer_errors, audit_of, counts, find, input, officer, person, published, question, raw,
    record, religion, resident, respond, single, strings, ALL, NOW,
};
use crate::support::code;

/// One page: q1 (A/B/C), q4 (W/X/Y/Z), q5 (P/Q, optional), q6 (M/N,
/// optional) and religion.
fn big_survey() -> SurveyDefinition {
    let mut q1 = question("q1", single(&["A", "B", "C"]));
    q1.required = true;
    SurveyDefinition {
        pages: vec![PageDef {
            title: String::new(),
            skip_if: None,
            questions: vec![
                q1,
                question("q4", single(&["W", "X", "Y", "Z"])),
                question("q5", single(&["P", "Q"])),
                question("q6", single(&["M", "N"])),
                religion(),
            ],
        }],
    }
}

/// Respondent `i` of 40: q1 25/10/5, q4 20/12/3/5, q5 10/10 (20 answer),
/// q6 6/0 (6 answer), religion 20 Christian (even) / 20 Muslim (odd).
fn answers_of(i: usize) -> RawAnswers {
    let q1 = match i {
        0..=24 => "0",
        25..=34 => "1",
        _ => "2",
    };
    let q4 = match i {
        0..=19 => "0",
        20..=31 => "1",
        32..=34 => "2",
        _ => "3",
    };
    let religion = if i.is_multiple_of(2) { "2" } else { "5" };
    let mut out = raw(&[("q1", q1), ("q4", q4), ("q3", religion)]);
    if i < 20 {
        out.insert("q5".into(), vec![if i < 10 { "0" } else { "1" }.into()]);
    }
    if i < 6 {
        out.insert("q6".into(), vec!["0".into()]);
    }
    out
}

#[tokio::test]
async fn results_hide_small_counts_and_guard_special_categories() {
    let pw = Passwords::new(2);
    let rules = SmallBaseRules::default();
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
        let id = published(
            db,
            &officer,
            &input("Big survey", "", NOW, true),
            &big_survey(),
        )
        .await;
        for i in 0..40 {
            let secret = format!("visitor-{i}");
            respond(db, Respondent::Anonymous(&secret), id, &[answers_of(i)]).await;
        }
        assert_eq!(record(db, id).await.response_count, 40);
        assert!(totals_check::verify_totals(db, id)
            .await
            .unwrap()
            .is_empty());

        let r = results::results(db, Some(&officer), id, rules, Some("192.0.2.20"))
            .await
            .unwrap();
        let q1 = find(&r, "q1").unwrap();
        assert_eq!((q1.answered, q1.lines[0].base), (40, 40));
        assert!(!q1.lines[0].base_hidden);
        // 5 is under 10; with the total published, 10 must go too.
        assert_eq!(counts(&r, "q1"), [Some(25), None, None]);
        let share = q1.lines[0].cells[0].share.expect("a share of 40");
        assert_eq!(Some(share), Proportion::wilson(25, 40));
        assert!(share.low < 0.625 && 0.625 < share.high, "{share:?}");
        assert!((share.share - 0.625).abs() < 1e-9);
        assert!(q1.lines[0].cells[1].share.is_none() && q1.lines[0].cells[2].share.is_none());
        // Two small cells protect each other.
        assert_eq!(counts(&r, "q4"), [Some(20), Some(12), None, None]);
        let q4 = find(&r, "q4").unwrap();
        assert_eq!(q4.lines[0].cells[1].share, Proportion::wilson(12, 40));
        // 20 answered: counts of 10 shown, percentages not.
        let q5 = find(&r, "q5").unwrap();
        assert_eq!(counts(&r, "q5"), [Some(10), Some(10)]);
        assert_eq!(q5.lines[0].base, 20);
        assert!(q5.lines[0].cells.iter().all(|c| c.share.is_none()));
        // 6 answered: nothing at all.
        let q6 = find(&r, "q6").unwrap();
        assert!(q6.lines[0].base_hidden);
        assert_eq!(counts(&r, "q6"), [None, None]);
        let q3 = find(&r, "q3").unwrap();
        assert!(q3.withheld && q3.lines.is_empty());
        assert!(
            audit_of(db, "special_category.view", officer.user_id)
                .await
                .is_empty(),
            "nothing special was shown"
        );

        // The public waits for the officer.
        for viewer in [None, Some(&resident)] {
            let e = results::results(db, viewer, id, rules, None).await;
            assert!(not_yet(&e), "{e:?}");
        }
        let e = authoring::set_published(db, &resident, id, Publication::Results, true, None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)));
        authoring::set_published(db, &officer, id, Publication::Results, true, None)
            .await
            .unwrap();
        for viewer in [None, Some(&resident)] {
            let public = results::results(db, viewer, id, rules, None).await.unwrap();
            assert!(find(&public, "q3").is_none(), "no religion in public");
            assert_eq!(counts(&public, "q1"), [Some(25), None, None]);
            assert_eq!(counts(&public, "q4"), [Some(20), Some(12), None, None]);
            assert_eq!(public.questions.len(), 4);
        }
        assert!(audit_of(db, "special_category.view", resident.user_id)
            .await
            .is_empty());
        authoring::set_published(db, &officer, id, Publication::Results, false, None)
            .await
            .unwrap();
        assert!(not_yet(&results::results(db, None, id, rules, None).await));

        // Analysts see religion, under audit.
        let r = results::results(db, Some(&analyst), id, rules, Some("192.0.2.30"))
            .await
            .unwrap();
        let q3 = find(&r, "q3").unwrap();
        assert!(!q3.withheld);
        assert_eq!(q3.answered, 40);
        let mut expected = vec![None; 9];
        expected[2] = Some(20);
        expected[5] = Some(20);
        assert_eq!(counts(&r, "q3"), expected);
        let log = audit_of(db, "special_category.view", analyst.user_id).await;
        assert_eq!(log.len(), 1);
        assert_eq!(log[0].subject_id, Some(id));
        assert_eq!(log[0].client.as_deref(), Some("192.0.2.30"));

        // Crosstabs by religion: analysts only, and logged.
        let e = crosstab::crosstab(db, &officer, id, "q1", "q3", rules, None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)), "{e:?}");
        let e = crosstab::crosstab(db, &officer, id, "q3", "q1", rules, None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)), "{e:?}");
        let e = crosstab::crosstab(db, &resident, id, "q1", "q4", rules, None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)), "{e:?}");
        let e = crosstab::crosstab(db, &officer, id, "q1", "nope", rules, None).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::UnknownQuestion);
        // Nothing chosen: both fields named at once; one question twice.
        match crosstab::crosstab(db, &officer, id, "", " ", rules, None).await {
            Err(ServiceError::InvalidFields(v)) => assert_eq!(
                v.iter().map(|e| (e.field, e.code)).collect::<Vec<_>>(),
                [
                    ("rows", ErrorCode::FieldRequired),
                    ("columns", ErrorCode::FieldRequired)
                ]
            ),
            other => panic!("{other:?}"),
        }
        match crosstab::crosstab(db, &officer, id, "q1", "q1", rules, None).await {
            Err(ServiceError::Invalid(e)) => {
                assert_eq!((e.field, e.code), ("columns", ErrorCode::InvalidChoice))
            }
            other => panic!("{other:?}"),
        }
        let plain = crosstab::crosstab(db, &officer, id, "q1", "q4", rules, None)
            .await
            .unwrap();
        // q1 A (0..25) by q4 W (0..20) and X (20..25).
        assert_eq!(plain.cells[0][0], Some(20));
        // The third row's total is under the smallest count; the second's
        // is hidden with it, or the grand total less the first two would
        // give it away (ADR 0027).
        assert_eq!(plain.row_totals, [Some(25), None, None]);
        assert_eq!(
            audit_of(db, "special_category.view", officer.user_id)
                .await
                .len(),
            0
        );

        let x = crosstab::crosstab(db, &analyst, id, "q1", "q3", rules, None)
            .await
            .unwrap();
        assert_eq!(x.rows_by.id, "q1");
        assert_eq!(x.columns_by.id, "q3");
        // A: 13 Christian, 12 Muslim; B: 5 and 5; C: 2 and 3.
        assert_eq!(x.cells[0][2], Some(13));
        assert_eq!(x.cells[0][5], Some(12));
        assert_eq!(x.cells[1][2], None);
        assert_eq!(x.cells[2][5], None);
        assert_eq!(x.row_totals, [Some(25), None, None], "as above");
        assert_eq!(x.column_totals[2], Some(20));
        assert_eq!(x.column_totals[5], Some(20));
        assert_eq!(x.column_totals[0], None);
        assert!(
            x.column_shares.iter().flatten().all(Option::is_none),
            "columns of 20 are too small for percentages"
        );
        assert!(
            x.row_shares.iter().flatten().all(Option::is_none),
            "and so are rows of 25, 10 and 5"
        );
        let log = audit_of(db, "special_category.view", analyst.user_id).await;
        assert_eq!(log.len(), 2);
        assert_eq!(log[0].detail, "crosstab q1 by q3");
        assert_eq!(log[0].subject_id, Some(id));
    }
}

/// A matrix, a ranking, a number, a date and a short text.
fn kinds_survey() -> SurveyDefinition {
    SurveyDefinition {
        pages: vec![PageDef {
            title: String::new(),
            skip_if: None,
            questions: vec![
                question(
                    "m",
                    QuestionKind::Matrix {
                        rows: strings(&["Buses", "Trains"]),
                    },
                ),
                question(
                    "r",
                    QuestionKind::Ranking {
                        options: strings(&["Lighting", "Policing", "Youth clubs"]),
                    },
                ),
                question(
                    "n",
                    QuestionKind::Number {
                        min: Some(0),
                        max: Some(120),
                    },
                ),
                question("d", QuestionKind::Date),
                question("s", QuestionKind::ShortText),
            ],
        }],
    }
}

#[tokio::test]
async fn every_kind_of_answer_is_counted_and_recounted() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = officer(db, &pw).await;
        let id = published(
            db,
            &officer,
            &input("Kinds", "", NOW, true),
            &kinds_survey(),
        )
        .await;
        let one = Respondent::Anonymous("first-browser");
        let two = Respondent::Anonymous("second-browser");

        for (answers, expected) in [
            (
                raw(&[("r-0", "1"), ("r-1", "3")]),
                ("r", ErrorCode::InvalidRanking),
            ),
            (raw(&[("r-3", "1")]), ("r", ErrorCode::InvalidChoice)),
            (raw(&[("n", "121")]), ("n", ErrorCode::OutOfRange)),
            (raw(&[("d", "30/11/2026")]), ("d", ErrorCode::InvalidDate)),
            (raw(&[("m-2", "0")]), ("m", ErrorCode::InvalidChoice)),
            (raw(&[("m-0", "6")]), ("m", ErrorCode::InvalidChoice)),
            (
                raw(&[("s", &"x".repeat(201))]),
                ("s", ErrorCode::FieldTooLong),
            ),
        ] {
            let e = writes::save_page(db, one, id, 0, &answers).await;
            assert_eq!(
                answer_errors(e.unwrap_err()),
                [(expected.0.to_owned(), expected.1)],
                "{answers:?}"
            );
        }
        assert!(responding::progress(db, one, id)
            .await
            .unwrap()
            .response
            .is_none());

        respond(
            db,
            one,
            id,
            &[raw(&[
                ("m-0", "0"),
                ("m-1", "3"),
                ("r-2", "1"),
                ("r-0", "2"),
                ("n", "42"),
                ("d", "2026-11-30"),
                ("s", "hello"),
            ])],
        )
        .await;
        respond(
            db,
            two,
            id,
            &[raw(&[("m-0", "0"), ("r-1", "1"), ("n", "7")])],
        )
        .await;
        assert_eq!(totals_check::verify_totals(db, id).await.unwrap(), []);
        let r = results::results(db, Some(&officer), id, ALL, None)
            .await
            .unwrap();
        let m = find(&r, "m").unwrap();
        let rows: Vec<(u64, Vec<Option<u64>>)> = m
            .lines
            .iter()
            .map(|l| (l.base, l.cells.iter().map(|c| c.count).collect()))
            .collect();
        assert_eq!(
            rows,
            [
                (2, [2u64, 0, 0, 0, 0, 0].map(Some).to_vec()),
                (1, [0u64, 0, 0, 1, 0, 0].map(Some).to_vec()),
            ]
        );
        assert_eq!(m.answered, 2);
        // A ranking counts first places.
        assert_eq!(counts(&r, "r"), [Some(0), Some(1), Some(1)]);
        for (q, n) in [("n", 2), ("d", 1), ("s", 1)] {
            let q = find(&r, q).unwrap();
            assert_eq!(q.answered, n, "{}", q.question.id);
            assert!(q.lines.is_empty());
        }

        writes::save_page(
            db,
            one,
            id,
            0,
            &raw(&[("m-0", "1"), ("r-0", "1"), ("n", "43")]),
        )
        .await
        .unwrap();
        writes::submit(db, one, id).await.unwrap();
        assert_eq!(record(db, id).await.response_count, 2);
        assert_eq!(totals_check::verify_totals(db, id).await.unwrap(), []);
        let r = results::results(db, Some(&officer), id, ALL, None)
            .await
            .unwrap();
        let m = find(&r, "m").unwrap();
        assert_eq!(m.lines[0].base, 2);
        assert_eq!(m.lines[0].cells[0].count, Some(1));
        assert_eq!(m.lines[0].cells[1].count, Some(1));
        assert_eq!(m.lines[1].base, 0, "nobody rates trains now");
        assert_eq!(counts(&r, "r"), [Some(1), Some(1), Some(0)]);
        for (q, n) in [("n", 2), ("d", 0), ("s", 0)] {
            assert_eq!(find(&r, q).unwrap().answered, n, "{q}");
        }
    }
}

/// Officers choose which questions the public sees, and may publish
/// figures weighted to the population beside them; nothing special, and
/// nothing unknown, is ever published, and a refused choice changes
/// nothing.
#[tokio::test]
async fn officers_publish_chosen_questions_and_weighted_figures() {
    let pw = Passwords::new(2);
    let rules = SmallBaseRules::default();
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(db, &pw, "ife@council.example", "Ife O", Some(Role::Officer)).await;
        let resident = person(db, &pw, "sam@example.org", "Sam S", None).await;
        let id = published(db, &officer, &input("Chosen", "", NOW, true), &big_survey()).await;
        for i in 0..40 {
            let secret = format!("chooser-{i}");
            respond(db, Respondent::Anonymous(&secret), id, &[answers_of(i)]).await;
        }
        let chosen = |ids: &[&str]| strings(ids);
        // Refused: nothing, an unknown question, a special-category one,
        // margins that cannot be used, and anyone but an officer.
        for (questions, field_code) in [
            (chosen(&[]), ErrorCode::FieldRequired),
            (chosen(&["q1", "q99"]), ErrorCode::InvalidChoice),
            (chosen(&["q3"]), ErrorCode::InvalidChoice),
        ] {
            let e = publication::publish(db, &officer, id, Some(&questions), None, None).await;
            assert_eq!(code(e.unwrap_err()), field_code, "{questions:?}");
        }
        let e = publication::publish(
            db,
            &officer,
            id,
            Some(&chosen(&["q1"])),
            Some("q1: 50"),
            None,
        )
        .await;
        assert!(matches!(e, Err(ServiceError::Invalid(_))), "{e:?}");
        let e = publication::publish(db, &resident, id, Some(&chosen(&["q1"])), None, None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)), "{e:?}");
        assert!(record(db, id).await.results_published_at.is_none());
        assert!(not_yet(&results::results(db, None, id, rules, None).await));

        // q4 and q1, weighted so that A is 40% and B or C 60%.
        publication::publish(
            db,
            &officer,
            id,
            Some(&chosen(&["q4", "q1"])),
            Some("q1: 40, 30, 30"),
            Some("192.0.2.40"),
        )
        .await
        .unwrap();
        let public = results::results(db, None, id, rules, None).await.unwrap();
        let ids: Vec<&str> = public
            .questions
            .iter()
            .map(|q| q.question.id.as_str())
            .collect();
        assert_eq!(ids, ["q1", "q4"], "only what was chosen, in survey order");
        assert_eq!(counts(&public, "q1"), [Some(25), None, None]);
        let w = public
            .weighting
            .as_ref()
            .expect("weighted figures published");
        assert!(w.converged);
        assert_eq!(w.included, 40);
        let q1 = w.question("q1").expect("q1 weighted");
        assert!((q1.options[0].share - 0.4).abs() < 1e-6, "{q1:?}");
        assert!(q1.effective_base < 40.0, "weighting shrinks the base");
        assert!(w.question("q5").is_none(), "q5 was not chosen");
        // The public sees q1's weighted share for A; B and C stay hidden
        // as their unweighted counts are.
        let cells = results::weighted_cells(q1, rules).expect("base of 40");
        assert!(cells[0].is_some() && cells[1].is_none() && cells[2].is_none());
        let log = audit_of(db, "consultation.results.publish", officer.user_id).await;
        assert_eq!(log[0].detail, "q1,q4; weighted");
        assert_eq!(log[0].client.as_deref(), Some("192.0.2.40"));
        // Staff still see every question, and which are public.
        let staff = results::results(db, Some(&officer), id, rules, None)
            .await
            .unwrap();
        assert_eq!(staff.questions.len(), 5);
        assert_eq!(staff.published.as_deref(), Some(&chosen(&["q1", "q4"])[..]));
        let (last, margins) = publication::publication_choice(db, &officer, id)
            .await
            .unwrap();
        assert_eq!(
            (last, margins.as_str()),
            (chosen(&["q1", "q4"]), "q1: 40, 30, 30")
        );

        // A refused republication keeps what is published.
        let e = publication::publish(db, &officer, id, Some(&chosen(&["q3"])), None, None).await;
        assert!(e.is_err());
        let public = results::results(db, Some(&resident), id, rules, None)
            .await
            .unwrap();
        assert_eq!(public.questions.len(), 2);
        assert!(public.weighting.is_some());

        // Publishing everything, unweighted, replaces it; withdrawing
        // hides it all; republishing starts from the last choice.
        authoring::set_published(db, &officer, id, Publication::Results, true, None)
            .await
            .unwrap();
        let public = results::results(db, None, id, rules, None).await.unwrap();
        assert_eq!(public.questions.len(), 4);
        assert!(public.weighting.is_none());
        authoring::set_published(db, &officer, id, Publication::Results, false, None)
            .await
            .unwrap();
        assert!(not_yet(&results::results(db, None, id, rules, None).await));
        let (last, _) = publication::publication_choice(db, &officer, id)
            .await
            .unwrap();
        assert_eq!(last, chosen(&["q1", "q4", "q5", "q6"]));
    }
}
