//! Themes in the demo consultation's written answers, on every engine:
//! an analyst runs discovery (the same seed gives the same themes),
//! edits the candidates, confirms, maps and settles the review list; bad
//! input is refused with a clear code and saves nothing; a finding rests
//! on a confirmed theme with its figure pulled live.

use cohesion_domain::analysis::findings::FindingInput;
use cohesion_domain::ErrorCode;
use cohesion_insight::disclosure::SmallBaseRules;
use cohesion_services::accounts::{self, Passwords, SignedIn};
use cohesion_services::consultations::findings;
use cohesion_services::consultations::themes::discover;
use cohesion_services::consultations::themes::edit::{self, Edit};
use cohesion_services::consultations::themes::map;
use cohesion_services::consultations::themes::review;
use cohesion_services::consultations::themes::{self, confirm};
use cohesion_services::ServiceError;
use cohesion_storage::audit::{self, AuditQuery};
use cohesion_storage::consultations::catalogue;
use cohesion_storage::consultations::catalogue::ListQuery;
use cohesion_storage::{Db, Timestamp};
use cohesion_testkit as testkit;
use uuid::Uuid;

async fn signed_in(db: &Db, pw: &Passwords, email: &str) -> SignedIn {
    let t = accounts::sign_in(db, pw, email, accounts::demo::DEMO_PASSWORD, None, None)
        .await
        .unwrap();
    accounts::session(db, &t.cookie).await.unwrap().unwrap()
}

async fn consultation(db: &Db, title: &str) -> Uuid {
    let mut c = db.acquire().await.unwrap();
    let query = ListQuery {
        drafts: true,
        limit: 20,
        ..Default::default()
    };
    let (list, _) = catalogue::list(c.conn(), &query, Timestamp::now())
        .await
        .unwrap();
    list.into_iter()
        .find(|c| c.title.starts_with(title))
        .unwrap()
        .id
}

fn code(e: ServiceError) -> (&'static str, ErrorCode) {
    match e {
        ServiceError::Invalid(v) => (v.field, v.code),
        ServiceError::InvalidFields(v) => (v[0].field, v[0].code),
        other => panic!("not a validation error: {other:?}"),
    }
}

fn edit(change: &str, theme: &str) -> Edit {
    Edit {
        change: change.into(),
        theme: theme.into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn analysts_find_edit_confirm_and_map_themes_and_findings_cite_them() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        cohesion_services::site::demo::load(db).await.unwrap();
        cohesion_services::consultations::demo::load(db)
            .await
            .unwrap();
        accounts::demo::load(db, &pw).await.unwrap();
        let analyst = signed_in(db, &pw, "li@brightwater.example").await;
        let officer = signed_in(db, &pw, "helen@brightwater.example").await;
        let resident = signed_in(db, &pw, "tom@brightwater.example").await;
        let id = consultation(db, "Safer streets").await;
        let other = consultation(db, "Reporting hate").await;

        // Residents may not analyse; only long-text questions have themes.
        assert!(matches!(
            discover::run(
                db,
                &resident,
                id,
                "q7",
                "1",
                discover::Replace::Unconfirmed,
                None
            )
            .await,
            Err(ServiceError::Forbidden)
        ));
        let e = discover::run(
            db,
            &analyst,
            id,
            "q1",
            "1",
            discover::Replace::Unconfirmed,
            None,
        )
        .await
        .unwrap_err();
        assert_eq!(code(e), ("question", ErrorCode::NotLongText));
        let e = discover::run(
            db,
            &analyst,
            id,
            "q99",
            "1",
            discover::Replace::Unconfirmed,
            None,
        )
        .await
        .unwrap_err();
        assert_eq!(code(e), ("question", ErrorCode::UnknownQuestion));
        let e = discover::run(
            db,
            &analyst,
            id,
            "q7",
            "-3",
            discover::Replace::Unconfirmed,
            None,
        )
        .await
        .unwrap_err();
        assert_eq!(code(e), ("seed", ErrorCode::OutOfRange));
        let e = map::map(db, &analyst, id, "q7", None).await.unwrap_err();
        assert_eq!(
            code(e),
            ("seed", ErrorCode::NoAnswers),
            "nothing to map before a run"
        );

        // Discovery: candidate themes with stance, terms and three quotes,
        // campaigns and bare agreement counted apart; deterministic.
        discover::run(
            db,
            &analyst,
            id,
            "q7",
            "7",
            discover::Replace::Unconfirmed,
            None,
        )
        .await
        .unwrap();
        let a = themes::analysis(db, &analyst, id, "q7").await.unwrap();
        let run = a.run.clone().unwrap();
        assert!(
            run.answers >= 100,
            "the demo has written answers: {}",
            run.answers
        );
        assert!(
            a.themes.len() >= 3,
            "{:?}",
            a.themes.iter().map(|t| &t.label).collect::<Vec<_>>()
        );
        assert!(
            run.campaign_answers > 0 && !a.campaigns.is_empty(),
            "a campaign is set apart"
        );
        assert!(run.endorsements > 0, "bare agreement is counted apart");
        for th in &a.themes {
            assert!(["agree", "disagree", "unclear"].contains(&th.stance.as_str()));
            assert!(!th.quotes.is_empty() && th.quotes.len() <= 3);
            assert!(
                th.quotes.iter().all(|q| !q.text.contains("07700 900123")
                    && !q.text.contains("resident@example.org")),
                "quotes are masked"
            );
            let f = th.candidate;
            assert!(f.low <= f.share && f.share <= f.high && f.base == run.answers as u64);
        }
        let signature = |a: &themes::Analysis| -> Vec<(String, u64)> {
            a.themes
                .iter()
                .map(|t| (t.label.clone(), t.candidate.count))
                .collect()
        };
        let first = signature(&a);
        discover::run(
            db,
            &analyst,
            id,
            "q7",
            "7",
            discover::Replace::Unconfirmed,
            None,
        )
        .await
        .unwrap();
        let a = themes::analysis(db, &analyst, id, "q7").await.unwrap();
        assert_eq!(signature(&a), first, "the same seed gives the same themes");
        assert_ne!(a.run.as_ref().unwrap().id, run.id, "each run is kept");

        // Bad edits are refused with a clear code and change nothing.
        let ids: Vec<String> = a.themes.iter().map(|t| t.id.to_string()).collect();
        let labels: Vec<String> = a.themes.iter().map(|t| t.label.clone()).collect();
        let bad = [
            (
                Edit {
                    label: " ".into(),
                    ..edit("rename", &ids[0])
                },
                ("label", ErrorCode::FieldRequired),
            ),
            (
                Edit {
                    label: labels[1].to_uppercase(),
                    ..edit("rename", &ids[0])
                },
                ("label", ErrorCode::DuplicateLabel),
            ),
            (
                Edit {
                    into: ids[0].clone(),
                    ..edit("merge", &ids[0])
                },
                ("into", ErrorCode::SameTheme),
            ),
            (
                Edit {
                    label: "x".into(),
                    ..edit("rename", &Uuid::now_v7().to_string())
                },
                ("theme", ErrorCode::InvalidChoice),
            ),
            (
                Edit {
                    into: "not-an-id".into(),
                    ..edit("merge", &ids[0])
                },
                ("into", ErrorCode::InvalidChoice),
            ),
            (
                Edit {
                    label: "New".into(),
                    examples: vec![Uuid::now_v7().to_string()],
                    ..edit("split", &ids[0])
                },
                ("examples", ErrorCode::InvalidChoice),
            ),
            (
                Edit {
                    label: "New".into(),
                    ..edit("split", &ids[0])
                },
                ("examples", ErrorCode::FieldRequired),
            ),
            (
                Edit {
                    label: "Added".into(),
                    examples: vec!["NOT-A-REFERENCE".into()],
                    ..edit("add", "")
                },
                ("examples", ErrorCode::InvalidChoice),
            ),
            (
                edit("explode", &ids[0]),
                ("change", ErrorCode::InvalidChoice),
            ),
        ];
        for (e, expected) in bad {
            let err = edit::edit(db, &analyst, id, "q7", &e, None)
                .await
                .unwrap_err();
            assert_eq!(code(err), expected, "{:?}", e.change);
        }
        // A theme of this consultation named on another one is refused.
        discover::run(
            db,
            &analyst,
            other,
            "q7",
            "1",
            discover::Replace::Unconfirmed,
            None,
        )
        .await
        .unwrap();
        let e = edit::edit(
            db,
            &analyst,
            other,
            "q7",
            &Edit {
                label: "x".into(),
                ..edit("rename", &ids[0])
            },
            None,
        )
        .await
        .unwrap_err();
        assert_eq!(code(e), ("theme", ErrorCode::InvalidChoice));
        assert_eq!(
            signature(&themes::analysis(db, &analyst, id, "q7").await.unwrap()),
            first
        );

        // Rename, merge, split, add and delete.
        edit::edit(
            db,
            &analyst,
            id,
            "q7",
            &Edit {
                label: "Street lighting".into(),
                description: "Darker streets feel less safe".into(),
                ..edit("rename", &ids[0])
            },
            None,
        )
        .await
        .unwrap();
        let total =
            |a: &themes::Analysis| -> u64 { a.themes.iter().map(|t| t.candidate.count).sum() };
        let before = themes::analysis(db, &analyst, id, "q7").await.unwrap();
        edit::edit(
            db,
            &analyst,
            id,
            "q7",
            &Edit {
                into: ids[0].clone(),
                ..edit("merge", &ids[1])
            },
            None,
        )
        .await
        .unwrap();
        let merged = themes::analysis(db, &analyst, id, "q7").await.unwrap();
        assert_eq!(merged.themes.len(), before.themes.len() - 1);
        assert_eq!(total(&merged), total(&before), "a merge keeps every answer");
        assert_eq!(merged.retired[0].status, "merged");
        let lighting = merged
            .themes
            .iter()
            .find(|t| t.label == "Street lighting")
            .unwrap();
        assert_eq!(
            lighting.candidate.count,
            before.themes[0].candidate.count + before.themes[1].candidate.count
        );
        let replay = edit::edit(
            db,
            &analyst,
            id,
            "q7",
            &Edit {
                into: ids[0].clone(),
                ..edit("merge", &ids[1])
            },
            None,
        )
        .await
        .unwrap_err();
        // A theme merged away since: the themes changed, nothing done.
        assert!(
            matches!(&replay, ServiceError::Conflict(v)
                if v.field == "theme" && v.code == ErrorCode::ThemesChanged),
            "a replayed merge: {replay:?}"
        );

        let (_, _, members) = review::split_choices(db, &analyst, id, "q7", &ids[0])
            .await
            .unwrap();
        let moved: Vec<String> = members
            .iter()
            .take(2)
            .map(|m| m.response_id.to_string())
            .collect();
        let split = edit::edit(
            db,
            &analyst,
            id,
            "q7",
            &Edit {
                label: "Lamps on Mill Lane".into(),
                examples: moved,
                ..edit("split", &ids[0])
            },
            None,
        )
        .await
        .unwrap();
        let a = themes::analysis(db, &analyst, id, "q7").await.unwrap();
        let new = a.themes.iter().find(|t| t.id == split).unwrap();
        assert_eq!(new.candidate.count, 2);
        assert_eq!(total(&a), total(&merged), "a split keeps every answer");

        let references: Vec<String> = members
            .iter()
            .skip(2)
            .take(2)
            .map(|m| m.reference.clone())
            .collect();
        let added = edit::edit(
            db,
            &analyst,
            id,
            "q7",
            &Edit {
                label: "Safety after dark".into(),
                examples: vec![references.join(", ")],
                ..edit("add", "")
            },
            None,
        )
        .await
        .unwrap();
        let last = a.themes.last().unwrap().id.to_string();
        edit::edit(db, &analyst, id, "q7", &edit("delete", &last), None)
            .await
            .unwrap();
        let a = themes::analysis(db, &analyst, id, "q7").await.unwrap();
        assert!(a
            .themes
            .iter()
            .any(|t| t.id == added && t.quotes.len() == 2));
        assert!(a
            .retired
            .iter()
            .any(|r| r.id.to_string() == last && r.status == "deleted"));

        // Confirm, then map: every answer gets zero or more themes with a
        // confidence; unsure ones wait for review.
        let e = map::map(db, &analyst, id, "q7", None).await.unwrap_err();
        assert_eq!(code(e), ("themes", ErrorCode::ThemesNotConfirmed));
        confirm::confirm(db, &analyst, id, "q7", None)
            .await
            .unwrap();
        let waiting = map::map(db, &analyst, id, "q7", None).await.unwrap();
        let a = themes::analysis(db, &analyst, id, "q7").await.unwrap();
        assert!(a.mapped() && a.confirmed());
        assert_eq!(a.waiting as usize, waiting);
        let mapped: u64 = a.themes.iter().map(|t| t.mapped.unwrap().count).sum();
        assert!(mapped > 0);
        for th in &a.themes {
            let m = th.mapped.unwrap();
            assert_eq!(m.base, a.answers as u64);
            assert!(m.low <= m.share && m.share <= m.high);
        }
        if waiting > 0 {
            let (_, items, total) = review::review(db, &analyst, id, "q7", 1).await.unwrap();
            assert_eq!(total as usize, waiting);
            let first = items[0].response_id.to_string();
            let theme = a.themes[0].id.to_string();
            let e = review::settle(
                db,
                &analyst,
                id,
                "q7",
                &first,
                &[Uuid::now_v7().to_string()],
                None,
            )
            .await
            .unwrap_err();
            assert_eq!(
                code(e),
                ("themes", ErrorCode::InvalidChoice),
                "a forged theme"
            );
            review::settle(
                db,
                &analyst,
                id,
                "q7",
                &first,
                std::slice::from_ref(&theme),
                None,
            )
            .await
            .unwrap();
            let e = review::settle(db, &analyst, id, "q7", &first, &[theme], None)
                .await
                .unwrap_err();
            assert_eq!(
                code(e),
                ("response", ErrorCode::InvalidChoice),
                "a replayed review"
            );
            let (_, _, left) = review::review(db, &analyst, id, "q7", 1).await.unwrap();
            assert_eq!(left as usize, waiting - 1);
            // Mapping again keeps what the analyst settled.
            map::map(db, &analyst, id, "q7", None).await.unwrap();
            let (_, _, again) = review::review(db, &analyst, id, "q7", 1).await.unwrap();
            assert_eq!(again, left);
        }

        // Every step is audit-logged for the analyst.
        {
            let mut c = db.acquire().await.unwrap();
            let entries = audit::page(
                c.conn(),
                &AuditQuery {
                    action: None,
                    actor: Some(analyst.user_id),
                    subject: None,
                    before: None,
                    limit: 100,
                },
            )
            .await
            .unwrap();
            for action in [
                "themes.run",
                "themes.rename",
                "themes.merge",
                "themes.split",
                "themes.add",
                "themes.delete",
                "themes.confirm",
                "themes.map",
            ] {
                assert!(
                    entries.iter().any(|e| e.action == action),
                    "{action} is logged"
                );
            }
        }

        // A finding rests on a confirmed theme; its figure is live: the
        // theme's count now, after the review above settled an answer.
        let a = themes::analysis(db, &analyst, id, "q7").await.unwrap();
        let lighting = a
            .themes
            .iter()
            .find(|t| t.label == "Street lighting")
            .unwrap();
        let input = |theme: String| FindingInput {
            title: "Lighting comes up again and again".into(),
            theme,
            ..Default::default()
        };
        let e = findings::add(db, &officer, id, &input(Uuid::now_v7().to_string()), None)
            .await
            .unwrap_err();
        assert_eq!(code(e), ("theme", ErrorCode::InvalidChoice));
        let elsewhere = themes::analysis(db, &analyst, other, "q7").await.unwrap();
        if let Some(theme) = elsewhere.themes.first() {
            let e = findings::add(db, &officer, id, &input(theme.id.to_string()), None)
                .await
                .unwrap_err();
            assert_eq!(
                code(e),
                ("theme", ErrorCode::InvalidChoice),
                "another consultation's theme"
            );
        }
        let fid = findings::add(db, &officer, id, &input(lighting.id.to_string()), None)
            .await
            .unwrap();
        let (_, shown) = findings::shown(db, Some(&officer), id, SmallBaseRules::default())
            .await
            .unwrap();
        let f = shown.iter().find(|f| f.id == fid).unwrap();
        assert_eq!(f.theme.as_deref(), Some("Street lighting"));
        assert_eq!(f.base, a.answers as u64);
        let count = lighting.mapped.unwrap().count;
        if count >= 10 {
            assert_eq!(f.cell.count, Some(count));
        }
        // The findings that rest on choice questions still work.
        assert!(shown.iter().filter(|f| f.theme.is_none()).count() >= 2);
    }
}
