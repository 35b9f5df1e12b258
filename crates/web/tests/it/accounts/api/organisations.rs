//! Organisations through the API.

use cohesion_domain::identity::Role;
use cohesion_services::accounts::demo::DEMO_PASSWORD;
use reqwest::Method;
use serde_json::json;

use super::{
    api, emailed_token, roles, send, servers, sign_in, ORG_OWNER, OTHER_RESIDENT, RESIDENT,
};

#[tokio::test]
async fn organisations_are_registered_and_joined_by_invitation() {
    for s in servers().await {
        let owner = sign_in(&s, ORG_OWNER, DEMO_PASSWORD).await;
        let r = send(owner.read(api(&s, Method::GET, "/organisations"))).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.body[0]["name"], "Riverside Youth Forum");
        assert_eq!(r.body[0]["owner"], true);

        let tom = sign_in(&s, RESIDENT, DEMO_PASSWORD).await;
        let r = send(
            tom.act(api(&s, Method::POST, "/organisations"))
                .json(&json!({"name": ""})),
        )
        .await;
        assert_eq!(r.status, 422);
        let fields: Vec<String> = r.errors().into_iter().map(|(f, _)| f).collect();
        for f in ["name", "kind", "address", "contact_name", "contact_email"] {
            assert!(fields.iter().any(|x| x == f), "{f} in {fields:?}");
        }
        let r = send(
            tom.read(api(&s, Method::POST, "/organisations"))
                .json(&json!({})),
        )
        .await;
        assert_eq!(r.status, 403, "the token is needed");

        let r = send(
            tom.act(api(&s, Method::POST, "/organisations"))
                .json(&json!({
                    "name": "Weir Street Youth Club", "kind": "community_group",
                    "address": "3 Weir Street\nBrightwater", "contact_name": "Tom Fletcher",
                    "contact_email": "youth@weir.example",
                })),
        )
        .await;
        assert_eq!(r.status, 201, "{}", r.body);
        let org = r.body["id"].as_str().unwrap().to_owned();
        assert_eq!(r.header("location"), format!("/api/v1/organisations/{org}"));
        assert!(roles(&s, tom.id).await.contains(&Role::OrganisationMember));

        let invite = format!("/organisations/{org}/invitations");
        let r = send(
            tom.act(api(&s, Method::POST, &invite))
                .json(&json!({"email": "nope"})),
        )
        .await;
        assert_eq!((r.status, r.code()), (422, "invalid_email"));
        let r = send(
            tom.act(api(&s, Method::POST, &invite))
                .json(&json!({"email": OTHER_RESIDENT})),
        )
        .await;
        assert_eq!(r.status, 202, "{}", r.body);
        let token = emailed_token(&s, OTHER_RESIDENT, "/organisations/join?token=").await;

        let r = send(
            owner
                .act(api(&s, Method::POST, "/organisations/join"))
                .json(&json!({"token": token})),
        )
        .await;
        assert_eq!(
            (r.status, r.code()),
            (400, "invalid_token"),
            "not addressed to them"
        );
        let r = send(owner.read(api(&s, Method::GET, &format!("/organisations/{org}")))).await;
        assert_eq!((r.status, r.code()), (404, "not_found"), "not a member");

        let amina = sign_in(&s, OTHER_RESIDENT, DEMO_PASSWORD).await;
        let r = send(
            amina
                .act(api(&s, Method::POST, "/organisations/join"))
                .json(&json!({"token": token})),
        )
        .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["id"], org.as_str());
        let r = send(
            amina
                .act(api(&s, Method::POST, "/organisations/join"))
                .json(&json!({"token": token})),
        )
        .await;
        assert_eq!(
            (r.status, r.code()),
            (400, "invalid_token"),
            "an invitation works once"
        );

        let r = send(amina.read(api(&s, Method::GET, &format!("/organisations/{org}")))).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.body["is_owner"], false);
        assert_eq!(r.body["members"].as_array().unwrap().len(), 2);
        assert_eq!(r.body["invitations"], json!([]), "addresses are for owners");
        let r = send(tom.read(api(&s, Method::GET, &format!("/organisations/{org}")))).await;
        assert_eq!(r.body["invitations"][0]["email"], OTHER_RESIDENT);
        assert_eq!(r.body["invitations"][0]["accepted"], true);
        let r = send(
            amina
                .act(api(&s, Method::POST, &invite))
                .json(&json!({"email": "x@example.org"})),
        )
        .await;
        assert_eq!(
            (r.status, r.code()),
            (403, "forbidden"),
            "members who do not own it"
        );

        for id in [
            "not-an-id",
            "%C0%AF",
            "0190f0c8-0000-7000-8000-000000000000",
        ] {
            let r = send(tom.read(api(&s, Method::GET, &format!("/organisations/{id}")))).await;
            assert_eq!((r.status, r.code()), (404, "not_found"), "{id}");
            let r = send(
                tom.act(api(
                    &s,
                    Method::POST,
                    &format!("/organisations/{id}/invitations"),
                ))
                .json(&json!({"email": "x@example.org"})),
            )
            .await;
            assert_eq!((r.status, r.code()), (404, "not_found"), "{id}");
        }
        let r = send(amina.read(api(&s, Method::GET, "/organisations"))).await;
        assert_eq!(r.body.as_array().unwrap().len(), 1);
    }
}
