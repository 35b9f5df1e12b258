//! Administrators' work on accounts.

use cohesion_domain::identity::Role;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::people;
use cohesion_services::accounts::people::UserQuery;
use cohesion_services::accounts::AccountError;
use cohesion_services::accounts::{self, Passwords};
use cohesion_services::ServiceError;
use cohesion_storage::audit::{self, AuditQuery};
use cohesion_testkit as testkit;

use super::{admin, person, sign_in};
use crate::support::{code, PASSWORD};

#[tokio::test]
async fn only_administrators_manage_people_and_never_themselves() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let boss = admin(db, &pw, "nadia@example.org").await;
        let (resident, resident_cookie) = person(db, &pw, "omar@example.org", "Omar F").await;

        let e = people::set_role(db, &resident, boss.user_id, Role::Moderator, true, None).await;
        assert!(matches!(e, Err(ServiceError::Forbidden)));
        let e = people::find(
            db,
            &resident,
            UserQuery {
                limit: 10,
                ..Default::default()
            },
        )
        .await;
        assert!(matches!(e, Err(ServiceError::Forbidden)));

        assert!(people::set_role(
            db,
            &boss,
            resident.user_id,
            Role::Moderator,
            true,
            Some("192.0.2.1")
        )
        .await
        .unwrap());
        let found = people::find(
            db,
            &boss,
            UserQuery {
                text: "OMAR",
                role: Some(Role::Moderator),
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].roles, [Role::Moderator]);
        let none = people::find(
            db,
            &boss,
            UserQuery {
                text: "%",
                limit: 10,
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert!(none.is_empty(), "LIKE wildcards in the search are literal");

        let e = people::set_role(db, &boss, boss.user_id, Role::Administrator, false, None).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::CannotTargetSelf);
        let e = people::set_role(db, &boss, boss.user_id, Role::Analyst, true, None).await;
        assert_eq!(
            code(e.unwrap_err()),
            ErrorCode::CannotTargetSelf,
            "nobody grants themselves special-category access"
        );
        let e = people::set_suspended(db, &boss, boss.user_id, true, None).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::CannotTargetSelf);
        let forged = uuid::Uuid::now_v7();
        let e = people::set_role(db, &boss, forged, Role::Moderator, true, None).await;
        assert!(matches!(e, Err(ServiceError::NotFound)));

        assert!(
            people::set_suspended(db, &boss, resident.user_id, true, None)
                .await
                .unwrap()
        );
        assert!(
            accounts::session(db, &resident_cookie)
                .await
                .unwrap()
                .is_none(),
            "suspension ends every session"
        );
        assert!(matches!(
            sign_in(db, &pw, "omar@example.org", PASSWORD).await,
            Err(ServiceError::Account(AccountError::Suspended))
        ));
        assert!(
            people::set_suspended(db, &boss, resident.user_id, false, None)
                .await
                .unwrap()
        );
        sign_in(db, &pw, "omar@example.org", PASSWORD)
            .await
            .unwrap();

        let mut c = db.acquire().await.unwrap();
        let q = AuditQuery {
            subject: Some(resident.user_id),
            limit: 50,
            ..Default::default()
        };
        let log = audit::page(c.conn(), &q).await.unwrap();
        let grant = log
            .iter()
            .find(|e| e.action == "role.grant")
            .expect("logged");
        assert_eq!(grant.actor_id, Some(boss.user_id));
        assert_eq!(grant.detail, "moderator");
        assert_eq!(grant.client.as_deref(), Some("192.0.2.1"));
        for a in ["account.suspend", "account.reinstate"] {
            assert!(log.iter().any(|e| e.action == a), "{a}");
        }
    }
}
