//! The analysts' search of written answers finds whole words, on both
//! engines: "art" is not found in "party", nor "امّا" in "أمانًا"; a
//! search ending in `*` finds words that start so, and an Arabic word
//! is found with the article or a preposition joined to it.

use cohesion_services::accounts::demo::DEMO_PASSWORD;

use super::{location, published, AMINA, ANALYST, TOM};
use crate::support::{servers_with_people, Server};

/// `who` answers q1 "Yes" (so q3 is asked) and q3 with `text`, and sends.
async fn answer(s: &Server, id: &str, who: &str, text: &str) {
    let (cookie, csrf) = s.sign_in(who, DEMO_PASSWORD).await;
    let respond = format!("/consultations/{id}/respond");
    for (page, field, value) in [("1", "q1", "0"), ("2", "q3", text)] {
        let res = s
            .post(
                &format!("{respond}/{page}"),
                &cookie,
                &[("csrf", &csrf), (field, value)],
            )
            .await;
        assert_eq!(res.status(), 303, "page {page}");
    }
    let res = s
        .post(&format!("{respond}/submit"), &cookie, &[("csrf", &csrf)])
        .await;
    assert_eq!(location(&res), format!("{respond}/done"));
}

#[tokio::test]
async fn searching_written_answers_finds_whole_words() {
    for s in servers_with_people().await {
        let (_, _, id) = published(&s, "no").await;
        answer(&s, &id, TOM, "A party in the park would help.").await;
        answer(&s, &id, AMINA, "More public art. أمانًا في المدرسة").await;
        let (li, _) = s.sign_in(ANALYST, DEMO_PASSWORD).await;
        let found = |search: &'static str| {
            let (s, li, id) = (&s, li.clone(), id.clone());
            async move {
                let mut q = form_urlencoded::Serializer::new(String::new());
                q.append_pair("question", "q3");
                q.append_pair("search", search);
                let path = format!("/staff/consultations/{id}/answers?{}", q.finish());
                let (status, html) = s.page(&path, &li).await;
                assert_eq!(status, 200, "{search}");
                let mut texts = Vec::new();
                if html.contains("A party in the park") {
                    texts.push("party");
                }
                if html.contains("More public art") {
                    texts.push("art");
                }
                texts
            }
        };
        assert_eq!(found("").await, ["party", "art"]);
        assert_eq!(found("art").await, ["art"], "not inside “party”");
        assert_eq!(found("ART.").await, ["art"]);
        assert_eq!(found("par*").await, ["party"]);
        assert_eq!(found("امّا").await, Vec::<&str>::new(), "not inside “أمانًا”");
        assert_eq!(found("امانا").await, ["art"]);
        assert_eq!(found("مدرسة").await, ["art"], "with its article");
        assert_eq!(found("public art").await, ["art"]);
        assert_eq!(found("art public").await, Vec::<&str>::new());
    }
}
