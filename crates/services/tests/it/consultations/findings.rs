//! Findings that combine several options of one question: the figure is
//! a hand count of the respondents who chose any of them, suppressed like
//! every published figure; options of two questions and forged ones are
//! refused with nothing saved; "What we did" is the officers' to write.

use cohesion_domain::analysis::findings::FindingInput;
use cohesion_domain::identity::Role;
use cohesion_domain::survey::answers::RawAnswers;
use cohesion_domain::survey::model::{PageDef, QuestionKind, SurveyDefinition};
use cohesion_domain::ErrorCode;
use cohesion_insight::disclosure::SmallBaseRules;
use cohesion_insight::proportion::Proportion;
use cohesion_services::accounts::Passwords;
use cohesion_services::consultations::findings::{self, ShownFinding};
use cohesion_services::consultations::reading;
use cohesion_services::consultations::responding::Respondent;
use cohesion_services::consultations::translations;
use cohesion_services::ServiceError;
use cohesion_storage::Db;
use cohesion_testkit as testkit;
use uuid::Uuid;

use super::{audit_of, input, person, published, question, raw, respond, single, strings, NOW};

/// q1 agreement, q2 multiple choice (Parks, Lighting, Schools), q5
/// single choice (X, Y, Z).
fn survey() -> SurveyDefinition {
    SurveyDefinition {
        pages: vec![PageDef {
            title: String::new(),
            skip_if: None,
            questions: vec![
                question("q1", QuestionKind::Agreement),
                question(
                    "q2",
                    QuestionKind::MultipleChoice {
                        options: strings(&["Parks", "Lighting", "Schools"]),
                        max: None,
                    },
                ),
                question("q5", single(&["X", "Y", "Z"])),
            ],
        }],
    }
}

/// Respondent `i` of 40. q1: strongly agree 15, agree 12, neither 5,
/// disagree 4, strongly disagree 4. q2: Parks i < 25, Lighting
/// 10 ≤ i < 30, Schools i ≥ 28. q5: X 31, Y 6, Z 3.
fn answers_of(i: usize) -> RawAnswers {
    let q1 = match i {
        0..=14 => "0",
        15..=26 => "1",
        27..=31 => "2",
        32..=35 => "3",
        _ => "4",
    };
    let q5 = match i {
        0..=30 => "0",
        31..=36 => "1",
        _ => "2",
    };
    let mut out = raw(&[("q1", q1), ("q5", q5)]);
    let ticked: Vec<String> = [(i < 25, "0"), ((10..30).contains(&i), "1"), (i >= 28, "2")]
        .into_iter()
        .filter(|(t, _)| *t)
        .map(|(_, o)| o.to_owned())
        .collect();
    out.insert("q2".into(), ticked);
    out
}

fn finding(title: &str, options: &[&str]) -> FindingInput {
    FindingInput {
        title: title.into(),
        options: strings(options),
        ..Default::default()
    }
}

async fn shown(db: &Db, id: Uuid) -> Vec<ShownFinding> {
    findings::shown(db, None, id, SmallBaseRules::default())
        .await
        .unwrap()
        .1
}

fn fields(e: ServiceError) -> Vec<(&'static str, ErrorCode)> {
    match e {
        ServiceError::InvalidFields(v) => v.into_iter().map(|e| (e.field, e.code)).collect(),
        other => panic!("not invalid fields: {other:?}"),
    }
}

#[tokio::test]
async fn combined_findings_count_respondents_and_hide_what_must_be_hidden() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(db, &pw, "olu@council.example", "Olu", Some(Role::Officer)).await;
        let resident = person(db, &pw, "rita@example.org", "Rita", None).await;
        let id = published(db, &officer, &input("Parks", "", NOW, true), &survey()).await;
        for i in 0..40 {
            let secret = format!("visitor-{i}");
            respond(db, Respondent::Anonymous(&secret), id, &[answers_of(i)]).await;
        }
        let all = [
            ("Most agree", &["q1:1", "q1:2"][..]),
            ("Parks or lighting", &["q2:1", "q2:2"]),
            ("Lighting or schools", &["q2:2", "q2:3"]),
            ("Neither or disagree", &["q1:3", "q1:4"]),
            ("Everyone else", &["q1:3", "q1:4", "q1:5", "q1:6"]),
            ("Few chose Y or Z", &["q5:2", "q5:3"]),
            ("Strongly agree", &["q1:1"]),
        ];
        let mut ids = Vec::new();
        for (title, options) in all {
            let fid = findings::add(db, &officer, id, &finding(title, options), None)
                .await
                .unwrap();
            findings::set_published(db, &officer, id, fid, true, None)
                .await
                .unwrap();
            ids.push(fid);
        }
        // As analysts see them: counted from the answers as they stand.
        let list = findings::shown(db, Some(&officer), id, SmallBaseRules::default())
            .await
            .unwrap()
            .1;
        let by = |title: &str| list.iter().find(|f| f.finding.title == title).unwrap();
        // Strongly agree or agree: respondents 0 to 26, counted by hand.
        let hand = (0..40).filter(|&i| i <= 26).count() as u64;
        let f = by("Most agree");
        assert_eq!((f.finding.options.as_slice(), f.base), (&[0, 1][..], 40));
        assert_eq!(f.cell.count, Some(hand));
        assert_eq!(f.cell.share, Proportion::wilson(hand, 40));
        // Parks or lighting: people, not ticks (25 + 20 would be 45).
        let hand = (0..40).filter(|&i| i < 30).count() as u64;
        let f = by("Parks or lighting");
        assert_eq!((f.cell.count, f.base), (Some(hand), 40));
        assert_eq!(f.cell.share, Proportion::wilson(hand, 40));
        // Only two ticked both lighting and schools: giving the union
        // would give them away.
        assert_eq!(by("Lighting or schools").cell.count, None);
        // Neither (5) and disagree (4) are two of the line's four hidden
        // cells: their sum would give away the other two's.
        assert_eq!(by("Neither or disagree").cell.count, None);
        // All four hidden cells together: 13, the base less what is shown.
        let f = by("Everyone else");
        assert_eq!(f.cell.count, Some(13));
        assert_eq!(f.cell.share, Proportion::wilson(13, 40));
        // Y and Z together are 9: under the minimum, hidden like any count.
        assert_eq!(by("Few chose Y or Z").cell, findings_hidden());
        // A single option as before.
        assert_eq!(by("Strongly agree").cell.count, Some(15));
        assert!(list.iter().all(|f| !f.until_closed));
        // The public, while it is open, sees the figures of the snapshot
        // (ADR 30): the same here, taken when first read, but it holds no
        // count of people ticking any of several options, so those wait
        // until the consultation closes.
        let public = shown(db, id).await;
        let seen = |title: &str| public.iter().find(|f| f.finding.title == title).unwrap();
        let f = seen("Parks or lighting");
        assert_eq!((f.cell.count, f.until_closed), (None, true));
        let f = seen("Most agree");
        assert_eq!((f.cell.count, f.until_closed), (Some(27), false));
        assert_eq!(seen("Everyone else").cell.count, Some(13));

        // Options of two questions, forged options: refused, nothing saved.
        for (options, expected) in [
            (
                &["q1:1", "q5:1"][..],
                ("options", ErrorCode::OptionsOfOneQuestion),
            ),
            (&["q1:1", "q1:7"], ("options", ErrorCode::InvalidChoice)),
            (&["q9:1"], ("options", ErrorCode::InvalidChoice)),
            (&["q1:0"], ("options", ErrorCode::InvalidChoice)),
        ] {
            let e = findings::add(db, &officer, id, &finding("Forged", options), None)
                .await
                .unwrap_err();
            assert_eq!(fields(e), [expected], "{options:?}");
        }
        let mut staff_list = findings::shown(db, Some(&officer), id, SmallBaseRules::default())
            .await
            .unwrap()
            .1;
        assert_eq!(staff_list.len(), ids.len(), "nothing half-saved");
        staff_list.retain(|f| f.finding.title == "Forged");
        assert!(staff_list.is_empty());

        // "What we did": the officers', checked, translatable.
        let did = "We opened **two** parks.";
        let e = findings::set_what_we_did(db, &resident, id, ids[0], did, None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)), "{e:?}");
        let e = findings::set_what_we_did(db, &officer, id, Uuid::now_v7(), did, None).await;
        assert!(matches!(e, Err(ServiceError::NotFound)), "{e:?}");
        let long = "x".repeat(5_001);
        let e = findings::set_what_we_did(db, &officer, id, ids[0], &long, None)
            .await
            .unwrap_err();
        assert_eq!(fields(e), [("what_we_did", ErrorCode::FieldTooLong)]);
        findings::set_what_we_did(db, &officer, id, ids[0], did, None)
            .await
            .unwrap();
        assert_eq!(shown(db, id).await[0].finding.what_we_did, did);
        assert_eq!(
            audit_of(db, "finding.what_we_did", officer.user_id)
                .await
                .len(),
            1
        );
        let view = reading::view(db, Some(&officer), id).await.unwrap();
        let keys = translations::all_text_keys(db, &view).await.unwrap();
        let key = format!("finding.{}.what_we_did", ids[0]);
        assert!(keys.iter().any(|(k, o)| *k == key && o == did), "{keys:?}");
        assert_eq!(findings::published_count(db, id).await.unwrap(), 7);
    }
}

fn findings_hidden() -> cohesion_services::consultations::results::Cell {
    cohesion_services::consultations::results::Cell {
        count: None,
        share: None,
    }
}
