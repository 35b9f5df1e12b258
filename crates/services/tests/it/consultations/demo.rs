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
                    "هل رأيتم أو سمعتم خلال الأشهر الاثني عشر الماضية آراء تروّج للكراهية أو التطرف؟"
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
