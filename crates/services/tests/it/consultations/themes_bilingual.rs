//! Themes across English and Arabic, on every engine: answers with the
//! same meaning in the two languages land in one theme when discovery
//! runs and when the confirmed themes are mapped; discovery's labels are
//! given in either language, an analyst's name stays as written.

use cohesion_domain::identity::Role;
use cohesion_domain::survey::model::{PageDef, QuestionKind, SurveyDefinition};
use cohesion_services::accounts::Passwords;
use cohesion_services::consultations::responding::writes;
use cohesion_services::consultations::responding::Respondent;
use cohesion_services::consultations::themes::edit::{self, Edit};
use cohesion_services::consultations::themes::{self, confirm, discover, map};
use cohesion_storage::consultations::themes::{answers, assignments};
use cohesion_testkit as testkit;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

use super::{input, officer, person, published, question, raw, NOW};

/// Pairs of the insight crate's bilingual sample on three topics: street
/// lighting and youth clubs (asked for), more cameras (objected to).
fn pairs() -> Vec<(String, String, String)> {
    let text = include_str!("../../../../insight/tests/data/bilingual_pairs.tsv");
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            ["lighting", "youth", "cctv"]
                .contains(&f[1])
                .then(|| (f[1].to_owned(), f[3].to_owned(), f[4].to_owned()))
        })
        .collect()
}

fn survey() -> SurveyDefinition {
    SurveyDefinition {
        pages: vec![PageDef {
            title: "Your ideas".into(),
            skip_if: None,
            questions: vec![question("q1", QuestionKind::LongText { max_chars: 500 })],
        }],
    }
}

#[tokio::test]
async fn an_english_and_an_arabic_answer_with_one_meaning_share_a_theme() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let me = officer(db, &pw).await;
        let analyst = person(db, &pw, "li@council.example", "Li", Some(Role::Analyst)).await;
        let id = published(db, &me, &input("Safer streets", "", NOW, true), &survey()).await;
        let pairs = pairs();
        assert_eq!(pairs.len(), 24);
        for (i, (_, en, ar)) in pairs.iter().enumerate() {
            for (lang, text) in [("en", en), ("ar", ar)] {
                let secret = format!("resident-{i}-{lang}");
                writes::respond_all(
                    db,
                    Respondent::Anonymous(&secret),
                    id,
                    &raw(&[("q1", text.as_str())]),
                )
                .await
                .unwrap();
            }
        }

        discover::run(
            db,
            &analyst,
            id,
            "q1",
            "3",
            discover::Replace::Unconfirmed,
            None,
        )
        .await
        .unwrap();
        let a = themes::analysis(db, &analyst, id, "q1").await.unwrap();
        let run = a.run.as_ref().unwrap().id;
        let mut c = db.acquire().await.unwrap();
        let texts: HashMap<Uuid, String> = answers::question_texts(c.conn(), id, "q1")
            .await
            .unwrap()
            .into_iter()
            .collect();
        let response_of = |text: &str| *texts.iter().find(|(_, t)| *t == text).unwrap().0;
        // Which candidate theme each answer is in, by its text.
        let mut theme_of: HashMap<String, Uuid> = HashMap::new();
        for th in &a.themes {
            for rid in assignments::members(c.conn(), th.id, "discovery", 1000)
                .await
                .unwrap()
            {
                theme_of.insert(texts[&rid].clone(), th.id);
            }
        }
        drop(c);
        let together = pairs
            .iter()
            .filter(|(_, en, ar)| theme_of.contains_key(en) && theme_of.get(en) == theme_of.get(ar))
            .count();
        assert!(
            together * 4 >= pairs.len() * 3,
            "{together} of {} pairs together: {:?}",
            pairs.len(),
            a.themes.iter().map(|t| &t.label).collect::<Vec<_>>()
        );
        // Every theme mixes the two languages: none is English or Arabic only.
        for th in &a.themes {
            let texts: Vec<&String> = theme_of
                .iter()
                .filter(|(_, t)| **t == th.id)
                .map(|(text, _)| text)
                .collect();
            let arabic = texts
                .iter()
                .filter(|t| cohesion_insight::text::stem::is_arabic_word(t))
                .count();
            assert!(
                arabic > 0 && arabic < texts.len(),
                "{}: {texts:?}",
                th.label
            );
        }

        // Discovery's labels are given in either language, terms and all.
        let lighting = a
            .themes
            .iter()
            .find(|t| t.top_terms.iter().any(|w| w == "lighting" || w == "إنارة"))
            .unwrap_or_else(|| panic!("{:#?}", a.themes));
        assert!(lighting.generated);
        let ar = lighting.label_terms_in("ar").unwrap();
        assert!(
            ar.iter().any(|t| t.text == "إنارة" && t.lang == "ar"),
            "{ar:?}"
        );
        let en = lighting.label_terms_in("en").unwrap();
        assert!(
            en.iter().any(|t| t.text == "lighting" && t.lang == "en"),
            "{en:?}"
        );

        // Confirmed as they are and mapped: the pair's answers get the
        // same first theme.
        confirm::confirm(db, &analyst, id, "q1", None)
            .await
            .unwrap();
        map::map(db, &analyst, id, "q1", None).await.unwrap();
        let mut c = db.acquire().await.unwrap();
        let ids: Vec<Uuid> = pairs
            .iter()
            .flat_map(|(_, en, ar)| [response_of(en), response_of(ar)])
            .collect();
        let mut mapped: HashMap<Uuid, HashSet<Uuid>> = HashMap::new();
        for (rid, theme) in assignments::mapped_themes_of(c.conn(), run, &ids)
            .await
            .unwrap()
        {
            mapped.entry(rid).or_default().insert(theme);
        }
        drop(c);
        let shared = pairs
            .iter()
            .filter(|(_, en, ar)| {
                let (a, b) = (&mapped.get(&response_of(en)), &mapped.get(&response_of(ar)));
                matches!((a, b), (Some(a), Some(b)) if !a.is_disjoint(b))
            })
            .count();
        assert!(
            shared * 4 >= pairs.len() * 3,
            "{shared} of {} pairs share a mapped theme",
            pairs.len()
        );

        // An analyst's name is theirs: kept as written in every language.
        edit::edit(
            db,
            &analyst,
            id,
            "q1",
            &Edit {
                change: "rename".into(),
                theme: lighting.id.to_string(),
                label: "Street lighting".into(),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
        let a = themes::analysis(db, &analyst, id, "q1").await.unwrap();
        let renamed = a.themes.iter().find(|t| t.id == lighting.id).unwrap();
        assert!(!renamed.generated);
        assert_eq!(renamed.label_terms_in("ar"), None);
        assert_eq!(renamed.label, "Street lighting");
    }
}
