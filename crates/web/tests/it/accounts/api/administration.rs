//! Administration through the API: roles, suspensions, the audit log,
//! a page at a time.

use cohesion_domain::identity::Role;
use cohesion_services::accounts::demo::DEMO_PASSWORD;
use cohesion_storage::audit;
use reqwest::Method;
use serde_json::{json, Value};

use super::{
    api, roles, send, servers, sign_in, try_sign_in, user, user_by_email, ADMIN, RESIDENT,
};

#[tokio::test]
async fn administrators_manage_roles_and_suspensions_and_the_audit_log_shows_it() {
    for s in servers().await {
        let admin = sign_in(&s, ADMIN, DEMO_PASSWORD).await;
        let tom = sign_in(&s, RESIDENT, DEMO_PASSWORD).await;

        let r = send(admin.read(api(&s, Method::GET, "/people?q=TOM%40bright"))).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.header("cache-control"), "no-store");
        let people = r.body["people"].as_array().unwrap();
        assert_eq!(people.len(), 1);
        assert_eq!(people[0]["id"], json!(tom.id));
        assert_eq!(people[0]["roles"], json!([]));

        let role_path = format!("/people/{}/roles/moderator", tom.id);
        let r = send(admin.act(api(&s, Method::PUT, &role_path))).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["roles"], json!(["moderator"]));
        assert_eq!(roles(&s, tom.id).await, [Role::Moderator]);
        let r = send(admin.act(api(&s, Method::PUT, &role_path))).await;
        assert_eq!(r.status, 200, "granting again changes nothing");

        let r = send(admin.read(api(
            &s,
            Method::GET,
            &format!("/audit?subject={}&action=role.grant", tom.id),
        )))
        .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let entries = r.body["entries"].as_array().unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0]["actor_id"], json!(admin.id));
        assert_eq!(entries[0]["detail"], "moderator");
        assert_eq!(entries[0]["client"], "127.0.0.1");
        assert_eq!(r.body["next_before"], Value::Null);

        let r = send(admin.act(api(&s, Method::DELETE, &role_path))).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.body["roles"], json!([]));
        assert!(roles(&s, tom.id).await.is_empty());

        // Others may not; strangers must sign in.
        for (method, path) in [
            (Method::GET, "/people".to_owned()),
            (Method::GET, format!("/people/{}", admin.id)),
            (
                Method::PUT,
                format!("/people/{}/roles/administrator", tom.id),
            ),
            (Method::POST, format!("/people/{}/suspension", admin.id)),
            (Method::GET, "/audit".to_owned()),
        ] {
            let r = send(
                tom.act(api(&s, method.clone(), &path))
                    .json(&json!({"suspended": true})),
            )
            .await;
            assert_eq!((r.status, r.code()), (403, "forbidden"), "{method} {path}");
            let r = send(api(&s, method.clone(), &path).json(&json!({"suspended": true}))).await;
            assert_eq!(
                (r.status, r.code()),
                (401, "sign_in_required"),
                "{method} {path}"
            );
        }
        assert!(roles(&s, tom.id).await.is_empty());
        assert!(user(&s, admin.id).await.suspended_at.is_none());

        // Ids that name nobody, and roles that are not roles.
        let nobody = "0190f0c8-0000-7000-8000-000000000000";
        for (method, path) in [
            (Method::GET, "/people/not-an-id".to_owned()),
            (Method::GET, format!("/people/{nobody}")),
            (Method::PUT, format!("/people/{nobody}/roles/moderator")),
            (Method::PUT, "/people/1;DROP/roles/moderator".to_owned()),
            (Method::GET, "/people/%FF%FE".to_owned()),
            (Method::PUT, format!("/people/{nobody}/roles/%FF")),
            (Method::POST, format!("/people/{nobody}/suspension")),
        ] {
            let r = send(
                admin
                    .act(api(&s, method.clone(), &path))
                    .json(&json!({"suspended": true})),
            )
            .await;
            assert_eq!((r.status, r.code()), (404, "not_found"), "{method} {path}");
        }
        for role in ["root", "resident"] {
            let r = send(admin.act(api(
                &s,
                Method::PUT,
                &format!("/people/{}/roles/{role}", tom.id),
            )))
            .await;
            assert_eq!((r.status, r.code()), (422, "invalid_choice"), "{role}");
        }
        let r = send(admin.act(api(
            &s,
            Method::DELETE,
            &format!("/people/{}/roles/administrator", admin.id),
        )))
        .await;
        assert_eq!((r.status, r.code()), (422, "cannot_target_self"));
        let r = send(admin.read(api(&s, Method::GET, "/audit?actor=nope"))).await;
        assert_eq!(
            (r.status, r.code(), r.body["field"].as_str()),
            (422, "bad_request", Some("actor"))
        );

        // Suspension ends the person's sessions at once.
        let suspension = format!("/people/{}/suspension", tom.id);
        let r = send(
            admin
                .act(api(&s, Method::POST, &suspension))
                .json(&json!({"suspended": true})),
        )
        .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["suspended"], true);
        assert!(user(&s, tom.id).await.suspended_at.is_some());
        let r = send(tom.read(api(&s, Method::GET, "/me"))).await;
        assert_eq!((r.status, r.code()), (401, "sign_in_required"));
        let r = try_sign_in(&s, RESIDENT, DEMO_PASSWORD).await;
        assert_eq!((r.status, r.code()), (403, "account_suspended"));
        let r = send(
            admin
                .act(api(&s, Method::POST, &suspension))
                .json(&json!({"suspended": false})),
        )
        .await;
        assert_eq!((r.status, &r.body["suspended"]), (200, &json!(false)));
        sign_in(&s, RESIDENT, DEMO_PASSWORD).await;
        let r = send(
            admin
                .act(api(
                    &s,
                    Method::POST,
                    &format!("/people/{}/suspension", admin.id),
                ))
                .json(&json!({"suspended": true})),
        )
        .await;
        assert_eq!((r.status, r.code()), (422, "cannot_target_self"));

        let mut c = s.db().acquire().await.unwrap();
        let q = audit::AuditQuery {
            subject: Some(tom.id),
            actor: Some(admin.id),
            limit: 10,
            ..Default::default()
        };
        let actions: Vec<String> = audit::page(c.conn(), &q)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        assert_eq!(
            actions,
            [
                "account.reinstate",
                "account.suspend",
                "role.revoke",
                "role.grant"
            ]
        );
    }
}

#[tokio::test]
async fn people_and_the_audit_log_come_a_page_at_a_time() {
    for s in servers().await {
        let admin = sign_in(&s, ADMIN, DEMO_PASSWORD).await;
        let r = send(admin.read(api(&s, Method::GET, "/people?limit=5"))).await;
        assert_eq!(r.status, 200);
        let first: Vec<Value> = r.body["people"].as_array().unwrap().clone();
        assert_eq!(first.len(), 5);
        let after = r.body["next_after"].as_str().unwrap().to_owned();
        assert_eq!(after, first[4]["id"].as_str().unwrap());
        let r = send(admin.read(api(
            &s,
            Method::GET,
            &format!("/people?limit=5&after={after}"),
        )))
        .await;
        let second = r.body["people"].as_array().unwrap();
        assert_eq!(second.len(), 5);
        assert!(second.iter().all(|p| !first.contains(p)));
        let r = send(admin.read(api(&s, Method::GET, "/people?role=administrator"))).await;
        assert_eq!(r.body["people"].as_array().unwrap().len(), 2);
        assert_eq!(r.body["next_after"], Value::Null);
        for bad in ["limit=0", "limit=101", "limit=ten", "role=root", "after=x"] {
            let r = send(admin.read(api(&s, Method::GET, &format!("/people?{bad}")))).await;
            assert_eq!(r.status, 422, "{bad}");
        }

        // Sixty entries: a full page, then the rest.
        let tom = user_by_email(&s, RESIDENT).await.unwrap().id;
        for i in 0..60 {
            let role = if i % 2 == 0 { "officer" } else { "analyst" };
            let method = if i % 4 < 2 {
                Method::PUT
            } else {
                Method::DELETE
            };
            let r = send(admin.act(api(&s, method, &format!("/people/{tom}/roles/{role}")))).await;
            assert_eq!(r.status, 200);
        }
        let r = send(admin.read(api(&s, Method::GET, &format!("/audit?actor={}", admin.id)))).await;
        assert_eq!(r.body["entries"].as_array().unwrap().len(), 50);
        let before = r.body["next_before"].as_str().unwrap().to_owned();
        let r = send(admin.read(api(
            &s,
            Method::GET,
            &format!("/audit?actor={}&before={before}", admin.id),
        )))
        .await;
        // The sixty changes and the administrator's sign-in.
        assert_eq!(r.body["entries"].as_array().unwrap().len(), 11);
        assert_eq!(r.body["next_before"], Value::Null);
    }
}
