//! Exporting responses.

use cohesion_domain::identity::Role;
use cohesion_services::accounts::{Passwords, SignedIn};
use cohesion_services::consultations::exports;
use cohesion_services::consultations::responding::writes;
use cohesion_services::consultations::responding::Respondent;
use cohesion_storage::consultations::{export_pages, responses};
use cohesion_storage::Db;
use cohesion_testkit as testkit;
use uuid::Uuid;

use super::{audit_of, input, person, published, raw, respond, survey, two_consultations, NOW};

/// The references of an export's responses, and each one's answer rows as
/// (question, item, choice, text, special), in the order read.
type Exported = Vec<(
    String,
    Vec<(String, i64, Option<i64>, Option<String>, bool)>,
)>;

async fn export_as(db: &Db, who: &SignedIn, id: Uuid) -> (bool, Exported) {
    let export = exports::start(db, who, id, None).await.unwrap();
    let mut pages = exports::Pages::new(db, &export);
    let mut out = Exported::new();
    while let Some(page) = pages.next().await.unwrap() {
        for s in page {
            let rows = s
                .rows
                .into_iter()
                .map(|r| (r.question_id, r.item, r.choice, r.text, r.special))
                .collect();
            out.push((s.reference, rows));
        }
    }
    assert!(pages.next().await.unwrap().is_none(), "still the end");
    (export.special, out)
}

#[tokio::test]
async fn exports_read_every_submitted_response_with_special_answers_only_for_analysts() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let officer = person(db, &pw, "olu@council.example", "Olu", Some(Role::Officer)).await;
        let analyst = person(db, &pw, "li@council.example", "Li", Some(Role::Analyst)).await;
        let [id, other] = two_consultations(db, &officer, [true, true]).await;
        // Markup, quotes, commas, a formula, a line break and Arabic come
        // back exactly as typed.
        let hostile = "=1+1, \"quoted\"\n<b>سطر</b>";
        let mut refs = Vec::new();
        for n in 0..5 {
            let who = format!("respondent-secret-{n}");
            let first = if n == 0 {
                raw(&[("q1", "0"), ("q5", "3"), ("q5", "1")])
            } else {
                raw(&[("q1", "0")])
            };
            let why = if n == 0 { hostile } else { "because" };
            let second = raw(&[("q2", why), ("q3", "1")]);
            refs.push(respond(db, Respondent::Anonymous(&who), id, &[first, second]).await);
            // Another consultation's responses interleave in id order.
            let who = format!("elsewhere-secret-{n}");
            respond(
                db,
                Respondent::Anonymous(&who),
                other,
                &[raw(&[("q1", "1")]), raw(&[])],
            )
            .await;
        }
        // Neither a draft nor a removed response is exported.
        writes::save_page(
            db,
            Respondent::Anonymous("drafting"),
            id,
            0,
            &raw(&[("q1", "1")]),
        )
        .await
        .unwrap();
        let removed = {
            let mut c = db.acquire().await.unwrap();
            let (list, _) = export_pages::submitted_page(c.conn(), id, None, 10, false)
                .await
                .unwrap()
                .map(|p| (p.decode().unwrap(), p.last))
                .unwrap();
            let victim = list.iter().find(|s| s.reference == refs[3]).unwrap().id;
            responses::mark_removed(c.conn(), victim).await.unwrap();
            refs.remove(3)
        };

        // Page by page, two at a time: every response once, in id order,
        // each page starting after the last one's final id.
        let mut c = db.acquire().await.unwrap();
        let mut after = None;
        let mut seen = Vec::new();
        while let Some(page) = export_pages::submitted_page(c.conn(), id, after, 2, true)
            .await
            .unwrap()
        {
            let list = page.decode().unwrap();
            assert!(!list.is_empty() && list.len() <= 2);
            assert_eq!(list.last().unwrap().id, page.last);
            assert!(list.windows(2).all(|w| w[0].id < w[1].id));
            assert!(after.is_none_or(|a| list[0].id > a));
            after = Some(page.last);
            seen.extend(list.into_iter().map(|s| s.reference));
        }
        drop(c);
        assert_eq!(seen, refs, "submitted, not removed, this consultation's");
        assert!(!seen.contains(&removed));

        // An officer's export leaves out the religion question.
        let (special, rows) = export_as(db, &officer, id).await;
        assert!(!special);
        assert_eq!(
            rows.iter().map(|r| &r.0).collect::<Vec<_>>(),
            refs.iter().collect::<Vec<_>>()
        );
        assert_eq!(
            rows[0].1,
            vec![
                ("q1".into(), 0, Some(0), None, false),
                ("q2".into(), 0, None, Some(hostile.into()), false),
                ("q5".into(), 0, Some(1), None, false),
                ("q5".into(), 0, Some(3), None, false),
            ],
            "sorted by question and choice, text exact"
        );
        assert!(rows.iter().flat_map(|r| &r.1).all(|a| !a.4 && a.0 != "q3"));
        assert!(audit_of(db, "special_category.export", officer.user_id)
            .await
            .is_empty());

        // An analyst's carries it, marked special, and the export is logged.
        let (special, rows) = export_as(db, &analyst, id).await;
        assert!(special);
        assert_eq!(rows.len(), 4);
        assert!(rows
            .iter()
            .all(|r| r.1.last() == Some(&("q3".into(), 0, Some(1), None, true))));
        assert_eq!(
            audit_of(db, "special_category.export", analyst.user_id)
                .await
                .len(),
            1
        );
        assert_eq!(
            audit_of(db, "responses.export", analyst.user_id)
                .await
                .len(),
            1
        );

        // A consultation nobody answered exports nothing, without error.
        let empty = published(db, &officer, &input("Quiet", "", NOW, true), &survey()).await;
        assert!(export_as(db, &analyst, empty).await.1.is_empty());
    }
}
