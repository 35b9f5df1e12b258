//! Granting and withdrawing roles and suspending ask first (ADR 22): the
//! question says what will happen, a post without `confirm=yes` changes
//! nothing, and a confirmation sent again is refused with a 409.

use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_storage::accounts::users;
use cohesion_storage::audit::{self, AuditQuery};

use super::{user_id, NADIA, TOM};
use crate::support::{servers_with_people, text_of, Server};

/// The words of a page, without the isolation marks Fluent puts around
/// what it places, and with apostrophes unescaped.
fn words(html: &str) -> String {
    text_of(html)
        .replace(['\u{2068}', '\u{2069}'], "")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
}

async fn roles_of(s: &Server, id: uuid::Uuid) -> Vec<String> {
    let mut c = s.db().acquire().await.unwrap();
    let roles = users::roles(c.conn(), id).await.unwrap();
    roles.iter().map(|r| r.key().to_owned()).collect()
}

async fn audited(s: &Server, action: &str, subject: uuid::Uuid) -> usize {
    let mut c = s.db().acquire().await.unwrap();
    let q = AuditQuery {
        action: Some(action),
        subject: Some(subject),
        limit: 100,
        ..Default::default()
    };
    audit::page(c.conn(), &q).await.unwrap().len()
}

#[tokio::test]
async fn making_someone_an_administrator_says_what_they_will_be_able_to_do() {
    for s in servers_with_people().await {
        let (admin, csrf) = s.sign_in(NADIA, DEMO_PASSWORD).await;
        let tom = user_id(&s, TOM).await;
        let path = format!("/admin/people/{tom}/roles");

        // The person's page asks rather than acts: its button is a GET.
        let html = s.page(&format!("/admin/people/{tom}"), &admin).await.1;
        assert!(html.contains(&format!("method=\"get\" action=\"{path}\"")));

        let ask = format!("{path}?role=administrator&grant=true");
        let (status, html) = s.page(&ask, &admin).await;
        assert_eq!(status, 200);
        let text = words(&html);
        assert!(
            text.contains("Make Tom Fletcher an administrator?"),
            "{text}"
        );
        for power in [
            "find people, grant and remove roles, suspend and reinstate accounts",
            "read the audit log and every email the site sends",
            "create, publish and withdraw consultations",
        ] {
            assert!(text.contains(power), "{power}");
        }
        assert!(text.contains("Only make someone an administrator if you trust them"));
        assert!(text.contains("Yes, make them an administrator") && text.contains("Cancel"));
        assert!(html.contains(&format!("href=\"/admin/people/{tom}\"")));
        assert!(html.contains("name=\"confirm\" value=\"yes\""));
        let (_, arabic) = s.page(&format!("{ask}&lang=ar"), &admin).await;
        assert!(words(&arabic).contains("نعم، أسند إليه دور"));

        // A post without the confirmation asks again and changes nothing.
        let fields = [
            ("csrf", csrf.as_str()),
            ("role", "administrator"),
            ("grant", "true"),
        ];
        let res = s.post(&path, &admin, &fields).await;
        assert_eq!(res.status(), 200);
        assert!(words(&res.text().await.unwrap()).contains("Make Tom Fletcher an administrator?"));
        assert!(!roles_of(&s, tom).await.contains(&"administrator".into()));

        // A forged or missing token is refused before anything.
        let forged = [
            ("csrf", "forged"),
            ("role", "administrator"),
            ("grant", "true"),
            ("confirm", "yes"),
        ];
        assert_eq!(s.post(&path, &admin, &forged).await.status(), 403);

        let confirmed = [
            ("csrf", csrf.as_str()),
            ("role", "administrator"),
            ("grant", "true"),
            ("confirm", "yes"),
        ];
        let res = s.post(&path, &admin, &confirmed).await;
        assert_eq!(res.status(), 303);
        assert!(roles_of(&s, tom).await.contains(&"administrator".into()));
        assert_eq!(audited(&s, "role.grant", tom).await, 1);

        // Sent again: 409, said plainly, and nothing more logged.
        let res = s.post(&path, &admin, &confirmed).await;
        assert_eq!(res.status(), 409);
        assert!(words(&res.text().await.unwrap()).contains("They already have this role"));
        assert_eq!(audited(&s, "role.grant", tom).await, 1);
        assert_eq!(s.page(&ask, &admin).await.0, 409, "nothing to ask");

        // Withdrawing it asks too, and a replay is refused the same way.
        let ask = format!("{path}?role=administrator&grant=false");
        let html = s.page(&ask, &admin).await.1;
        let text = words(&html);
        assert!(text.contains("Withdraw the administrator role from Tom Fletcher?"));
        assert!(text.contains("Yes, withdraw the administrator role"));
        // The list follows its lead-in; what other roles still allow is
        // said after it, so the list does not read as what they keep.
        let (lead, list, keep) = (
            html.find("will no longer be able to do").unwrap(),
            html.find("govuk-list--bullet").unwrap(),
            html.find("They keep whatever their other roles allow")
                .unwrap(),
        );
        assert!(lead < list && list < keep, "{html}");
        let arabic = s.page(&format!("{ask}&lang=ar"), &admin).await.1;
        let (lead, list, keep) = (
            arabic.find("بعد الآن من القيام بما يلي").unwrap(),
            arabic.find("govuk-list--bullet").unwrap(),
            arabic.find("يبقى بإمكانه").unwrap(),
        );
        assert!(lead < list && list < keep, "{arabic}");
        let remove = [
            ("csrf", csrf.as_str()),
            ("role", "administrator"),
            ("grant", "false"),
            ("confirm", "yes"),
        ];
        assert_eq!(s.post(&path, &admin, &remove).await.status(), 303);
        assert!(!roles_of(&s, tom).await.contains(&"administrator".into()));
        let res = s.post(&path, &admin, &remove).await;
        assert_eq!(res.status(), 409);
        assert!(words(&res.text().await.unwrap()).contains("They do not have this role"));
        assert_eq!(audited(&s, "role.revoke", tom).await, 1);

        // Forged ids and roles.
        let nobody = uuid::Uuid::now_v7();
        let res = s
            .post(&format!("/admin/people/{nobody}/roles"), &admin, &confirmed)
            .await;
        assert_eq!(res.status(), 404);
        let bad = format!("{path}?role=resident&grant=true");
        assert_eq!(s.page(&bad, &admin).await.0, 422);
        let me = user_id(&s, NADIA).await;
        let own = format!("/admin/people/{me}/roles?role=analyst&grant=true");
        assert_eq!(s.page(&own, &admin).await.0, 422);

        // Someone who may not manage people is refused the question too.
        let (tom_cookie, _) = s.sign_in(TOM, DEMO_PASSWORD).await;
        assert_eq!(s.page(&ask, &tom_cookie).await.0, 403);
    }
}

#[tokio::test]
async fn suspending_asks_first_and_a_second_suspension_is_refused() {
    for s in servers_with_people().await {
        let (admin, csrf) = s.sign_in(NADIA, DEMO_PASSWORD).await;
        let (tom_cookie, _) = s.sign_in(TOM, DEMO_PASSWORD).await;
        let tom = user_id(&s, TOM).await;
        let path = format!("/admin/people/{tom}/suspension");

        let (status, html) = s.page(&path, &admin).await;
        assert_eq!(status, 200);
        let text = words(&html);
        assert!(text.contains("Suspend Tom Fletcher's account?"), "{text}");
        assert!(text.contains("sign them out everywhere"));
        assert!(text.contains("Yes, suspend the account"));

        let unconfirmed = [("csrf", csrf.as_str()), ("suspend", "true")];
        assert_eq!(s.post(&path, &admin, &unconfirmed).await.status(), 200);
        assert_eq!(
            s.page("/account", &tom_cookie).await.0,
            200,
            "still signed in"
        );
        assert_eq!(audited(&s, "account.suspend", tom).await, 0);

        let confirmed = [
            ("csrf", csrf.as_str()),
            ("suspend", "true"),
            ("confirm", "yes"),
        ];
        let res = s.post(&path, &admin, &confirmed).await;
        assert_eq!(res.status(), 303);
        assert_eq!(s.page("/account", &tom_cookie).await.0, 303, "signed out");

        let res = s.post(&path, &admin, &confirmed).await;
        assert_eq!(res.status(), 409);
        assert!(words(&res.text().await.unwrap()).contains("already suspended"));
        assert_eq!(s.page(&path, &admin).await.0, 409);
        assert_eq!(audited(&s, "account.suspend", tom).await, 1);

        // Reinstating asks nothing; doing it twice is refused.
        let reinstate = [("csrf", csrf.as_str()), ("suspend", "false")];
        assert_eq!(s.post(&path, &admin, &reinstate).await.status(), 303);
        assert_eq!(s.post(&path, &admin, &reinstate).await.status(), 409);
        assert_eq!(audited(&s, "account.reinstate", tom).await, 1);
    }
}
