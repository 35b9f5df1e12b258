//! Report, queue, decision, appeal and the appeal's decision, through
//! the forms; who may not; and bad input.

use cohesion_storage::discussions::moderation;
use uuid::Uuid;

use super::{GRACE, KARIM};
use crate::discussions::{comment_with, open_id, servers, sign_in, AMINA, TOM};
use crate::support::Server;

/// How many decisions the comment `cid` has.
async fn decisions(s: &Server, cid: &str) -> usize {
    let mut c = s.db().acquire().await.unwrap();
    moderation::decisions(c.conn(), Uuid::parse_str(cid).unwrap())
        .await
        .unwrap()
        .len()
}

/// Amina, signed in, posts `text` in discussion `id`: her session, its
/// form token, and the comment's id.
async fn amina_posts(s: &Server, id: &str, text: &str) -> (String, String, String) {
    let (amina, csrf) = sign_in(s, AMINA).await;
    let (_, page) = s.page(&format!("/discussions/{id}"), &amina).await;
    assert!(page.contains("id=\"add-comment\""));
    let res = s
        .post(
            &format!("/discussions/{id}/comments"),
            &amina,
            &[("csrf", &csrf), ("text", text)],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (_, page) = s.page(&format!("/discussions/{id}"), &amina).await;
    let cid = comment_with(&page, &text[text.len() - 20..]);
    (amina, csrf, cid)
}

#[tokio::test]
async fn a_report_is_decided_appealed_and_overturned_by_another_moderator() {
    for s in servers().await {
        let id = open_id(&s).await;
        let (amina, amina_csrf, cid) = amina_posts(
            &s,
            &id,
            "The car park by the library is never gritted in winter.",
        )
        .await;

        // Tom reports it.
        let (tom, tom_csrf) = sign_in(&s, TOM).await;
        let res = s
            .post(
                &format!("/discussions/{id}/comments/{cid}/report"),
                &tom,
                &[
                    ("csrf", &tom_csrf),
                    ("reason", "spam"),
                    ("note", "Posted in three threads today"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);

        // A resident may not see the queue.
        let (status, _) = s.page("/moderation", &tom).await;
        assert_eq!(status, 403);

        // Grace sees it, on the Manage panel and in the queue.
        let (grace, grace_csrf) = sign_in(&s, GRACE).await;
        let (status, manage) = s.page("/manage", &grace).await;
        assert_eq!(status, 200);
        assert!(manage.contains("href=\"/moderation\""), "{manage}");
        let (status, queue) = s.page("/moderation", &grace).await;
        assert_eq!(status, 200);
        assert!(queue.contains("never gritted"), "{queue}");
        assert!(queue.contains("Reported once"), "{queue}");
        // What the reporter wrote goes with it, and never who wrote it.
        assert!(queue.contains("What the reporter wrote"), "{queue}");
        assert!(queue.contains("Posted in three threads today"));
        let (_, item) = s.page(&format!("/moderation/comments/{cid}"), &grace).await;
        assert!(item.contains("Posted in three threads today"), "{item}");
        let (_, authors) = s.page(&format!("/discussions/{id}"), &amina).await;
        assert!(!authors.contains("Posted in three threads today"));
        assert!(queue.contains(&format!("/moderation/comments/{cid}")));
        let (status, _) = s
            .page("/moderation?flag=reported&reason=spam", &grace)
            .await;
        assert_eq!(status, 200);
        let (status, item) = s.page(&format!("/moderation/comments/{cid}"), &grace).await;
        assert_eq!(status, 200);
        assert!(item.contains("Record the decision"));

        // Bad input changes nothing.
        let path = format!("/moderation/comments/{cid}");
        for (fields, want) in [
            (vec![("action", "delete")], 422),
            (vec![("action", "suspend"), ("days", "0")], 422),
            (vec![("action", "hide"), ("reason", "rude")], 422),
            (vec![("action", "redact"), ("words", "not in it")], 422),
            (vec![("action", "restore")], 409),
        ] {
            let mut form = vec![("csrf", grace_csrf.as_str())];
            form.extend(fields);
            let res = s.post(&path, &grace, &form).await;
            assert_eq!(res.status(), want, "{form:?}");
            assert!(res.text().await.unwrap().contains("govuk-error-summary"));
        }
        let res = s
            .post(&path, &grace, &[("action", "hide"), ("reason", "spam")])
            .await;
        assert!(res.status().is_client_error(), "no CSRF token");
        let forged = format!("/moderation/comments/{}", Uuid::new_v4());
        let res = s
            .post(
                &forged,
                &grace,
                &[("csrf", &grace_csrf), ("action", "approve")],
            )
            .await;
        assert_eq!(res.status(), 404);
        let res = s
            .post(
                "/moderation/comments/not-an-id",
                &grace,
                &[("csrf", &grace_csrf), ("action", "approve")],
            )
            .await;
        assert!(res.status().is_client_error());
        assert_eq!(decisions(&s, &cid).await, 0);

        // Grace hides it, for a reason everyone may read.
        let res = s
            .post(
                &path,
                &grace,
                &[
                    ("csrf", &grace_csrf),
                    ("action", "hide"),
                    ("reason", "spam"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(
            to,
            format!("/moderation?done=moderation-decided&comment={cid}")
        );
        let (_, queue) = s.page(&to, &grace).await;
        assert!(queue.contains("Your decision has been recorded."));
        // Hiding and warning are separate decisions: the confirmation
        // leads back to the comment for the next one.
        assert!(
            queue.contains(&format!("href=\"{path}\"")),
            "a link back to the comment: {queue}"
        );
        assert!(queue.contains("Back to this comment, to take another decision on it"));
        assert!(!queue.contains("never gritted"));

        // Amina sees the notice and appeals, once.
        let (_, page) = s.page(&format!("/discussions/{id}"), &amina).await;
        let appeal = format!("/discussions/{id}/comments/{cid}/appeal");
        assert!(page.contains(&appeal), "{page}");
        assert!(page.contains("Appeal this decision"));
        let (status, form) = s.page(&appeal, &amina).await;
        assert_eq!(status, 200);
        assert!(form.contains("Send the appeal"));
        let res = s
            .post(&appeal, &amina, &[("csrf", &amina_csrf), ("text", "")])
            .await;
        assert_eq!(res.status(), 422);
        let why = [
            ("csrf", amina_csrf.as_str()),
            ("text", "It was about gritting, not an advert."),
        ];
        let res = s.post(&appeal, &amina, &why).await;
        assert_eq!(res.status(), 303);
        let res = s.post(&appeal, &amina, &why).await;
        assert_eq!(res.status(), 409);
        assert!(res.text().await.unwrap().contains("already appealed"));
        // Tom may not appeal Amina's comment.
        let res = s
            .post(&appeal, &tom, &[("csrf", &tom_csrf), ("text", "Mine")])
            .await;
        assert_eq!(res.status(), 404);

        // Grace may not decide the appeal of her own decision.
        let (_, queue) = s.page("/moderation?flag=appealed", &grace).await;
        assert!(queue.contains("never gritted"));
        let (_, item) = s.page(&path, &grace).await;
        assert!(!item.contains("Overturn the decision"), "{item}");
        assert!(item.contains("another moderator decides the appeal"));
        assert!(item.contains("It was about gritting"));
        let res = s
            .post(
                &path,
                &grace,
                &[("csrf", &grace_csrf), ("action", "overturn")],
            )
            .await;
        assert_eq!(res.status(), 409);
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("You cannot decide this appeal"));
        assert_eq!(decisions(&s, &cid).await, 1);

        // Karim overturns it: the comment is shown again.
        let (karim, karim_csrf) = sign_in(&s, KARIM).await;
        let (_, item) = s.page(&path, &karim).await;
        assert!(item.contains("Overturn the decision"));
        let res = s
            .post(
                &path,
                &karim,
                &[("csrf", &karim_csrf), ("action", "overturn")],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(decisions(&s, &cid).await, 2);
        let page = s.html(&format!("/discussions/{id}")).await;
        assert!(page.contains("never gritted"));
        let (_, item) = s.page(&path, &karim).await;
        assert!(item.contains("Appeal: decision overturned"));
        assert!(item.contains("Grace Owusu"));
    }
}

/// A suspended member is told until when, instead of being offered a
/// comment form that posting would refuse.
#[tokio::test]
async fn a_suspended_member_sees_until_when_rather_than_the_form() {
    for s in servers().await {
        let id = open_id(&s).await;
        let (amina, _, cid) =
            amina_posts(&s, &id, "The bins on Quay Street overflow every weekend.").await;
        let (_, before) = s.page(&format!("/discussions/{id}"), &amina).await;
        assert!(before.contains("/reply\""), "{before}");
        assert!(before.contains(&format!("/comments/{cid}/edit\"")));

        // Suspending asks first, naming whom and until when; nothing is
        // done until the moderator says yes.
        let (grace, grace_csrf) = sign_in(&s, GRACE).await;
        let asked = [
            ("csrf", grace_csrf.as_str()),
            ("action", "suspend"),
            ("days", "2"),
        ];
        let res = s
            .post(&format!("/moderation/comments/{cid}"), &grace, &asked)
            .await;
        assert_eq!(res.status(), 200);
        let question = crate::support::text_of(&res.text().await.unwrap())
            .replace(['\u{2068}', '\u{2069}'], "");
        assert!(question.contains("Stop Amina"), "{question}");
        assert!(question.contains("commenting until"), "{question}");
        assert!(question.contains("Yes, stop them commenting"));
        let (_, still) = s.page(&format!("/discussions/{id}"), &amina).await;
        assert!(still.contains("id=\"add-comment\""), "not suspended yet");
        let mut confirmed = asked.to_vec();
        confirmed.push(("confirm", "yes"));
        let res = s
            .post(&format!("/moderation/comments/{cid}"), &grace, &confirmed)
            .await;
        assert_eq!(res.status(), 303);

        let (_, page) = s.page(&format!("/discussions/{id}"), &amina).await;
        assert!(!page.contains("id=\"add-comment\""), "{page}");
        assert!(page.contains("Your account cannot comment or reply until"));
        // Nor is a reply or an edit offered, on the page or in a thread.
        assert!(!page.contains("/reply\""), "{page}");
        assert!(!page.contains("/edit\""), "{page}");
        let (_, thread) = s
            .page(&format!("/discussions/{id}/comments/{cid}"), &amina)
            .await;
        assert!(!thread.contains("/reply\"") && !thread.contains("/edit\""));
    }
}

/// The words after `lead` up to the next full stop.
fn after<'a>(page: &'a str, lead: &str) -> &'a str {
    let start = page.find(lead).unwrap_or_else(|| panic!("{lead}: {page}")) + lead.len();
    let rest = &page[start..];
    &rest[..rest.find('.').unwrap_or(rest.len())]
}

/// Hidden, then warned with a note: the author reads the note; appeals
/// once, told so inside the comment, which then says when rather than
/// invite another; the moderator deciding the appeal sees that it
/// covers two decisions, and the warning it lifted as withdrawn.
#[tokio::test]
async fn an_appeal_of_two_decisions_is_said_where_the_author_reads_it() {
    for s in servers().await {
        let id = open_id(&s).await;
        let (amina, amina_csrf, cid) = amina_posts(
            &s,
            &id,
            "The bus shelter on Dock Road has had no roof since March.",
        )
        .await;
        let (grace, grace_csrf) = sign_in(&s, GRACE).await;
        let path = format!("/moderation/comments/{cid}");
        for form in [
            vec![("action", "hide"), ("reason", "off_topic")],
            vec![
                ("action", "warn"),
                ("note", "Please keep to the question asked."),
            ],
        ] {
            let mut sent = vec![("csrf", grace_csrf.as_str())];
            sent.extend(form);
            let res = s.post(&path, &grace, &sent).await;
            assert_eq!(res.status(), 303, "{sent:?}");
        }

        // The warning's note reaches the author, as typed; the hide
        // invites one appeal.
        let (_, told) = s.page("/notifications", &amina).await;
        assert!(told.contains("The moderator’s note: “"), "{told}");
        assert!(told.contains("Please keep to the question asked."));
        assert!(told.contains("You can appeal once, from your comment."));
        let (_, ar) = s.page("/notifications?lang=ar", &amina).await;
        assert!(ar.contains("ملاحظة المشرف"), "{ar}");

        // Appealing: the confirmation is inside the comment the page
        // opens at.
        let appeal = format!("/discussions/{id}/comments/{cid}/appeal");
        let res = s
            .post(
                &appeal,
                &amina,
                &[("csrf", amina_csrf.as_str()), ("text", "It was on topic.")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(
            to,
            format!("/discussions/{id}?done=appeal-sent&comment={cid}#comment-{cid}")
        );
        let (_, page) = s.page(&to, &amina).await;
        let inside = page
            .find(&format!("id=\"comment-{cid}-done\""))
            .expect("the confirmation inside the comment");
        let sent = page.find("Your appeal has been sent").unwrap();
        assert!(sent > inside);
        // The comment says when, as people write dates, and no longer
        // invites an appeal.
        assert!(!page.contains("Appeal this decision"), "{page}");
        let day = after(&page, "You appealed this decision on ");
        let words: Vec<&str> = day.split(' ').collect();
        assert_eq!(words.len(), 3, "{day}");
        assert!(words[2].len() == 4 && words[2].chars().all(|c| c.is_ascii_digit()));
        assert!(page.contains("See where your appeal stands"));
        let (_, ar) = s.page(&format!("/discussions/{id}?lang=ar"), &amina).await;
        assert!(ar.contains("طعنت في هذا القرار في"), "{ar}");
        let (_, told) = s.page("/notifications", &amina).await;
        assert!(!told.contains("You can appeal once"), "{told}");
        assert!(told.contains("You have appealed"));

        // The appeal covers both decisions: the buttons say so.
        let (karim, karim_csrf) = sign_in(&s, KARIM).await;
        let (_, item) = s.page(&path, &karim).await;
        assert!(item.contains("Overturn the 2 decisions"), "{item}");
        assert!(item.contains("Uphold the 2 decisions"));
        let (_, ar) = s.page(&format!("{path}?lang=ar"), &karim).await;
        assert!(ar.contains("ألغِ القرارين"), "{ar}");
        let res = s
            .post(
                &path,
                &karim,
                &[("csrf", karim_csrf.as_str()), ("action", "overturn")],
            )
            .await;
        assert_eq!(res.status(), 303);
        // The warning it lifted is marked withdrawn, with the day.
        let (_, item) = s.page(&path, &karim).await;
        let day = after(&item, "Author warned (withdrawn on ");
        let day = &day[..day.find(')').unwrap_or(day.len())];
        assert_eq!(day.split(' ').count(), 3, "{day}");
    }
}

/// Deleting one's own comment: the confirmation is where the page opens
/// (at the top, the comment having gone).
#[tokio::test]
async fn deleting_ones_comment_is_confirmed_where_the_page_opens() {
    for s in servers().await {
        let id = open_id(&s).await;
        let (amina, csrf, cid) = amina_posts(
            &s,
            &id,
            "The crossing on Fore Street needs a longer green light.",
        )
        .await;
        let res = s
            .post(
                &format!("/discussions/{id}/comments/{cid}/delete"),
                &amina,
                &[("csrf", csrf.as_str()), ("confirm", "yes")],
            )
            .await;
        assert_eq!(res.status(), 303);
        let to = res.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(
            to,
            format!("/discussions/{id}?done=comment-deleted&comment={cid}#comment-{cid}")
        );
        let (_, page) = s.page(&to, &amina).await;
        assert!(page.contains("Your comment has been deleted."), "{page}");
    }
}
