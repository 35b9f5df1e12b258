//! The demo's consultations.

use cohesion_domain::consultation::ListFilter;
use cohesion_services::consultations::reading;
use cohesion_services::consultations::translations;
use cohesion_storage::consultations::catalogue::ListQuery;
use cohesion_testkit as testkit;

#[tokio::test]
async fn the_demo_open_consultation_is_translated_into_arabic_the_closed_ones_finding_too() {
    for t in testkit::engines().await {
        let db = &t.db;
        assert!(cohesion_services::consultations::demo::load(db)
            .await
            .unwrap());
        let query = ListQuery {
            drafts: true,
            limit: 10,
            ..Default::default()
        };
        let mut c = db.acquire().await.unwrap();
        let (all, _) = cohesion_storage::consultations::catalogue::list(
            c.conn(),
            &query,
            cohesion_storage::Timestamp::now(),
        )
        .await
        .unwrap();
        drop(c);
        assert_eq!(all.len(), 3);
        for record in all {
            let view = reading::view(db, None, record.id).await.unwrap();
            let keys = translations::all_text_keys(db, &view).await.unwrap();
            let arabic = reading::translation(db, record.id, "ar").await.unwrap();
            let missing: Vec<&str> = keys
                .iter()
                .filter(|(k, original)| {
                    cohesion_domain::translation::current(&arabic, k, original).is_none()
                })
                .map(|(k, _)| k.as_str())
                .collect();
            if record.title == "Safer streets, stronger communities" {
                // Every text, findings included, and read back in Arabic.
                assert!(keys.len() >= 40, "{keys:?}");
                assert_eq!(missing, Vec::<&str>::new());
                let (v, untranslated) = reading::view_in(db, None, record.id, "ar").await.unwrap();
                // No text of it is left as written, in English.
                for (key, _) in &keys {
                    assert!(!untranslated.contains(key), "{key}");
                }
                assert_eq!(v.consultation.title, "شوارع أكثر أمنًا ومجتمعات أقوى");
                assert!(v.consultation.body.contains("## ما نسأل عنه"));
                assert_eq!(
                    v.consultation.topics,
                    ["جرائم الكراهية", "التماسك المجتمعي"]
                );
                assert_eq!(v.consultation.area.as_deref(), Some("المدينة كلها"));
                assert_eq!(
                    v.survey.pages[0].questions[1].text,
                    "هل رأيت أو سمعت خلال الأشهر الاثني عشر الماضية آراء تروّج للكراهية أو التطرف؟"
                );
                // Found by an Arabic search, as an officer's translation is.
                let search = ListFilter {
                    search: Some("مجتمعات أقوى"),
                    ..Default::default()
                };
                let found = reading::list(db, None, search, 1).await.unwrap();
                assert_eq!(
                    found.0.iter().map(|c| c.id).collect::<Vec<_>>(),
                    [record.id]
                );
            } else if record.title == "Reporting hate crime: what stops people?" {
                // Only its finding is translated: the one that combines
                // "Strongly agree" and "Agree" and says what we did.
                let translated: Vec<&str> = keys
                    .iter()
                    .map(|(k, _)| k.as_str())
                    .filter(|k| !missing.contains(k))
                    .collect();
                assert_eq!(translated.len(), 3, "{translated:?}");
                assert!(translated.iter().all(|k| k.starts_with("finding.")));
                assert!(translated.iter().any(|k| k.ends_with(".what_we_did")));
                let (_, list) = cohesion_services::consultations::findings::shown(
                    db,
                    None,
                    record.id,
                    Default::default(),
                )
                .await
                .unwrap();
                assert_eq!(list.len(), 1);
                assert_eq!(list[0].finding.options, [0, 1]);
                assert!(!list[0].finding.what_we_did.is_empty());
            } else {
                assert!(arabic.is_empty(), "{}: English only", record.title);
                assert_eq!(missing.len(), keys.len());
            }
        }
    }
}

/// The demo's consultation titled `title`.
async fn demo_view(db: &cohesion_storage::Db, title: &str) -> reading::ConsultationView {
    let mut c = db.acquire().await.unwrap();
    let query = ListQuery {
        drafts: true,
        limit: 10,
        ..Default::default()
    };
    let (all, _) = cohesion_storage::consultations::catalogue::list(
        c.conn(),
        &query,
        cohesion_storage::Timestamp::now(),
    )
    .await
    .unwrap();
    drop(c);
    let id = all.iter().find(|r| r.title == title).unwrap().id;
    reading::view(db, None, id).await.unwrap()
}

#[tokio::test]
async fn the_demo_answers_vary_and_its_dates_agree_with_each_other() {
    use cohesion_storage::consultations::export_pages::submitted_page;
    use cohesion_storage::consultations::themes::answers::question_texts;
    use cohesion_storage::consultations::totals;
    for t in testkit::engines().await {
        let db = &t.db;
        cohesion_services::consultations::demo::load(db)
            .await
            .unwrap();
        let open = demo_view(db, "Safer streets, stronger communities").await;
        let closed = demo_view(db, "Reporting hate crime: what stops people?").await;
        let mut c = db.acquire().await.unwrap();

        // Every idea is ranked first by some and last by others.
        let counts = totals::counts(c.conn(), open.consultation.id)
            .await
            .unwrap();
        let at = |position: i64, option: i64| {
            counts
                .iter()
                .find(|(q, i, ch, _)| q == "q5" && *i == position && *ch == option)
                .map_or(0, |r| r.3)
        };
        let first: Vec<i64> = (0..3).map(|o| at(0, o)).collect();
        let all_first: i64 = first.iter().sum();
        assert!(all_first > 100, "{first:?}");
        for (option, n) in first.iter().enumerate() {
            assert!(
                n * 10 >= all_first,
                "option {option} first {n} of {all_first}"
            );
            assert!(
                at(2, option as i64) > 0,
                "option {option} is ranked last by some"
            );
        }

        // Written answers are mostly distinct, in both languages, once the
        // campaign's copies and bare agreement are set aside.
        let texts: Vec<String> = question_texts(c.conn(), open.consultation.id, "q7")
            .await
            .unwrap()
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        let written: Vec<&String> = texts
            .iter()
            .filter(|t| !t.starts_with("Save the Harbour Youth Centre"))
            .filter(|t| cohesion_insight::duplicates::content_free(t).is_none())
            .collect();
        let distinct: std::collections::HashSet<&String> = written.iter().copied().collect();
        assert!(written.len() > 120, "{}", written.len());
        assert!(
            distinct.len() * 10 >= written.len() * 9,
            "{} distinct of {}",
            distinct.len(),
            written.len()
        );
        let arabic = written
            .iter()
            .filter(|t| cohesion_insight::text::stem::is_arabic_word(t))
            .count();
        assert!(arabic * 5 >= written.len(), "{arabic} in Arabic");

        // Dates: announced before opening, answered while open, results
        // after closing, stages in the order the timeline shows them.
        for v in [&open, &closed] {
            let r = &v.consultation;
            assert!(r.published_at.unwrap() < r.opens_at, "{}", r.title);
            let page = submitted_page(c.conn(), r.id, None, 1000, false)
                .await
                .unwrap()
                .unwrap()
                .decode()
                .unwrap();
            assert!(page.len() >= 100);
            let now = cohesion_storage::Timestamp::now();
            for s in &page {
                let at = cohesion_domain::timestamp::Timestamp::from(s.submitted_at);
                assert!(
                    at >= r.opens_at && at < r.closes_at && at < now.into(),
                    "{}",
                    r.title
                );
            }
            let dates: Vec<time::Date> = v.stages.iter().filter_map(|s| s.date).collect();
            assert!(
                dates.windows(2).all(|w| w[0] <= w[1]),
                "{}: {dates:?}",
                r.title
            );
        }
        let r = &closed.consultation;
        let results = r.results_published_at.unwrap();
        assert!(results > r.closes_at);
        let stage = closed
            .stages
            .iter()
            .find(|s| s.name == "Results published")
            .unwrap();
        assert_eq!(stage.date, Some(results.as_offset().date()));
    }
}

/// Every demo finding's headline is borne out by its own figure: one that
/// says "most" ("معظم" in Arabic) rests on more than half of those who
/// answered, and the Arabic headline makes the same claim as the English.
#[tokio::test]
async fn the_demo_findings_figures_support_their_headlines() {
    use cohesion_domain::translation::key;
    use cohesion_services::consultations::findings;
    for t in testkit::engines().await {
        let db = &t.db;
        cohesion_services::consultations::demo::load(db)
            .await
            .unwrap();
        let mut most = 0;
        for title in [
            "Safer streets, stronger communities",
            "Reporting hate crime: what stops people?",
        ] {
            let id = demo_view(db, title).await.consultation.id;
            let arabic = reading::translation(db, id, "ar").await.unwrap();
            let (_, list) = findings::shown(db, None, id, Default::default())
                .await
                .unwrap();
            assert!(!list.is_empty(), "{title}");
            for f in list {
                let headline = &f.finding.title;
                let said_in_arabic = cohesion_domain::translation::current(
                    &arabic,
                    &key::finding(f.id, "title"),
                    headline,
                )
                .unwrap_or_else(|| panic!("{headline}: in Arabic"));
                let count = f.cell.count.expect("a figure shown") as f64;
                let share = count / f.base as f64;
                let says_most = headline.starts_with("Most ");
                assert_eq!(says_most, said_in_arabic.contains("معظم"), "{headline}");
                if says_most {
                    most += 1;
                    assert!(share > 0.5, "{headline}: {count} of {}", f.base);
                }
                assert!(share >= 0.25, "{headline}: many? {count} of {}", f.base);
            }
        }
        assert_eq!(most, 2, "both consultations' agreement findings");
    }
}
