//! The analysts' pages as a newcomer found them: Back leads where an
//! analyst may go and a refusal says what to do; crosstabs, weighting and
//! the written answers read the consultation's translations; cells the
//! survey's routing never asks are a dash, not hidden; the written answers'
//! search reads Arabic as people spell it; a ranking shows its ranks.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::crosstabs::{between, body_cells};
use super::{demo_consultation, ANALYST, OFFICER, TOM};
use crate::support::{servers_with_people, text_of};

/// Where the page's Back link goes.
fn back_href(html: &str) -> String {
    let at = html.find("class=\"govuk-back-link\"").expect("a Back link");
    let href = html[..at].rfind("href=\"").unwrap() + 6;
    html[href..href + html[href..].find('"').unwrap()].to_owned()
}

/// The page's words, without Fluent's isolation marks.
fn words(html: &str) -> String {
    text_of(html).replace(['\u{2068}', '\u{2069}'], "")
}

#[tokio::test]
async fn back_leads_where_an_analyst_may_go_and_a_refusal_says_what_to_do() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let (helen, _) = s.sign_in(OFFICER, DEMO_PASSWORD).await;
        for page in ["answers", "analysis"] {
            let path = format!("/staff/consultations/{id}/{page}");
            let (status, html) = s.page(&path, &li).await;
            assert_eq!(status, 200);
            let back = back_href(&html);
            assert_eq!(back, "/manage", "{page}");
            assert_eq!(s.page(&back, &li).await.0, 200, "{page}'s Back");
            let (_, html) = s.page(&path, &helen).await;
            assert_eq!(back_href(&html), format!("/staff/consultations/{id}"));
        }

        // A resident refused an analyst's page is told what they can do.
        let (tom, _) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let path = format!("/staff/consultations/{id}/analysis");
        for (lang, says) in [
            (
                "en",
                "ask an administrator of this site to give your account the role",
            ),
            (
                "ar",
                "فاطلب من أحد مديري هذا الموقع أن يمنح حسابك الدور اللازم",
            ),
        ] {
            let (status, html) = s.page(&path, &format!("{tom}; cohesion_lang={lang}")).await;
            assert_eq!(status, 403);
            assert!(words(&html).contains(says), "{lang}: {html}");
            assert!(html.contains("href=\"/manage\""), "{lang}");
        }
    }
}

#[tokio::test]
async fn analysts_pages_read_the_consultations_translations() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let arabic = format!("{li}; cohesion_lang=ar");
        let staff = format!("/staff/consultations/{id}");

        let (status, html) = s
            .page(&format!("{staff}/analysis?rows=q2&columns=q3"), &arabic)
            .await;
        assert_eq!(status, 200);
        let table = between(&html, "<table", "</table>");
        assert!(table.contains("أين رأيتها أو سمعتها؟"), "{table}");
        assert!(table.contains("وسائل التواصل"), "{table}");
        assert!(table.contains("لست متأكدًا"), "{table}");
        assert!(!table.contains("Social media") && !table.contains("Where did you"));
        let form = between(&html, "class=\"app-filter\"", "</form>");
        assert!(form.contains("q2: هل رأيت أو سمعت"), "{form}");
        assert!(html.contains("شوارع أكثر أمنًا"), "the title too");

        let (status, html) = s.page(&format!("{staff}/weighting"), &arabic).await;
        assert_eq!(status, 200);
        assert!(html.contains("كم عمرك؟"), "{html}");
        assert!(!html.contains("What is your age?"));

        let (status, html) = s
            .page(&format!("{staff}/answers?question=q7"), &arabic)
            .await;
        assert_eq!(status, 200);
        assert!(
            between(&html, "<caption", "</caption>").contains("ماذا ينبغي أن نفعل أيضًا؟"),
            "{html}"
        );
        // English readers still read the English.
        let (_, html) = s.page(&format!("{staff}/answers?question=q7"), &li).await;
        assert!(between(&html, "<caption", "</caption>").contains("What else should we do?"));
    }
}

#[tokio::test]
async fn cells_routing_never_asks_are_a_dash_and_the_grand_total_is_shown() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        // "Where did you see them?" is asked only after "Yes".
        let path = format!("/staff/consultations/{id}/analysis?rows=q2&columns=q3&show=counts");
        let (status, html) = s.page(&path, &li).await;
        assert_eq!(status, 200);
        let rows = body_cells(&html);
        assert_eq!(rows.len(), 4, "Yes, No, Not sure, and the totals");
        for (i, row) in rows.iter().enumerate().take(3) {
            for cell in &row[..5] {
                let never = cell.contains("Not asked (routing)");
                assert_eq!(never, i > 0, "row {i}: {cell}");
                if never {
                    assert!(cell.contains('–') && !cell.contains("[c]"), "{cell}");
                }
            }
        }
        let grand = &rows[3][5];
        assert!(
            grand.trim().parse::<u64>().is_ok_and(|n| n > 0),
            "the grand total: {grand}"
        );
        let key = between(&html, "app-figures-key", "</ul>");
        assert!(
            words(key).contains("Not asked (routing): the survey"),
            "{key}"
        );

        // The other way round, the same cells.
        let path = format!("/staff/consultations/{id}/analysis?rows=q3&columns=q2&show=counts");
        let rows = body_cells(&s.page(&path, &li).await.1);
        for row in rows.iter().take(5) {
            assert!(!row[0].contains("Not asked"), "{row:?}");
            assert!(row[1].contains("Not asked") && row[2].contains("Not asked"));
        }
    }
}

#[tokio::test]
async fn searching_the_written_answers_reads_arabic_as_people_spell_it() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let found = |search: &'static str| {
            let s = &s;
            let li = li.clone();
            let id = id.clone();
            async move {
                let mut q = form_urlencoded::Serializer::new(String::new());
                q.append_pair("question", "q7");
                q.append_pair("search", search);
                let path = format!("/staff/consultations/{id}/answers?{}", q.finish());
                let (status, html) = s.page(&path, &li).await;
                assert_eq!(status, 200, "{search}");
                match html.find("<tbody") {
                    Some(_) => between(&html, "<tbody", "</tbody>").matches("<tr").count(),
                    None => {
                        assert!(html.contains("No written answers match"), "{html}");
                        0
                    }
                }
            }
        };
        let written = found("مدرسة").await;
        assert!(written > 0, "the demo's answers mention a school");
        // Teh marbuta typed as heh, with harakat, with tatweel: the same
        // answers; any alef form, too.
        assert_eq!(found("مدرسه").await, written);
        let hamza = found("أندية").await;
        assert!(hamza > 0, "the demo's answers ask for youth clubs");
        assert_eq!(found("اندية").await, hamza);
        assert_eq!(found("إندية").await, hamza);
        assert_eq!(found("مَدْرَسَة").await, written);
        assert_eq!(found("مدرسـة").await, written);
        // English ignores case, as before.
        let lower = found("light").await;
        assert!(lower > 0);
        assert_eq!(found("LIGHT").await, lower);
    }
}

#[tokio::test]
async fn a_ranking_answer_shows_each_options_rank() {
    for s in servers_with_people().await {
        let id = demo_consultation(&s).await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let ranked = {
            let mut c = s.db().acquire().await.unwrap();
            cohesion_storage::consultations::answers::choices(c.conn(), id.parse().unwrap(), false)
                .await
                .unwrap()
                .into_iter()
                .find(|(_, q, _)| q == "q5")
                .map(|(r, _, _)| r)
                .expect("a demo response that ranks the ideas")
        };
        let path = format!("/staff/consultations/{id}/responses/{ranked}");
        for (lang, first, second) in [
            ("en", "Rank 1: ", "Rank 2: "),
            ("ar", "المرتبة 1: ", "المرتبة 2: "),
        ] {
            let (status, html) = s.page(&path, &format!("{li}; cohesion_lang={lang}")).await;
            assert_eq!(status, 200);
            let text = words(&html);
            let at = text.find(first).unwrap_or_else(|| panic!("{lang}: {text}"));
            let next = text.find(second).expect("a second rank");
            assert!(at < next, "ranks in order");
        }
    }
}
