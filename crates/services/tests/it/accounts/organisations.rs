//! Organisations and their invitations.

use cohesion_domain::identity::Role;
use cohesion_domain::organisation::OrganisationInput;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::organisations;
use cohesion_services::accounts::AccountError;
use cohesion_services::accounts::{self, Passwords};
use cohesion_services::ServiceError;
use cohesion_testkit as testkit;

use super::{person, riverside, token_for};
use crate::support::{code, Plain, BASE};

#[tokio::test]
async fn organisations_invite_members_by_their_own_address() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let (owner, _) = person(db, &pw, "sam@example.org", "Sam O").await;
        let (invitee, invitee_cookie) = person(db, &pw, "ada@example.org", "Ada L").await;
        let (stranger, _) = person(db, &pw, "eve@example.org", "Eve S").await;

        let bad = OrganisationInput {
            org_identifier: "GB-XYZ-1".into(),
            contact_email: "nope".into(),
            ..riverside()
        };
        match organisations::register(db, &owner, &bad, None).await {
            Err(ServiceError::InvalidFields(v)) => assert_eq!(v.len(), 2),
            other => panic!("{other:?}"),
        }
        assert!(
            organisations::mine(db, &owner).await.unwrap().is_empty(),
            "nothing saved"
        );

        let id = organisations::register(db, &owner, &riverside(), None)
            .await
            .unwrap();
        let e = organisations::register(db, &stranger, &riverside(), None).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::AlreadyRegistered);

        assert!(matches!(
            organisations::view(db, &stranger, id).await,
            Err(ServiceError::NotFound)
        ));
        assert!(matches!(
            organisations::invite(db, &Plain, BASE, &stranger, id, "x@example.org", None).await,
            Err(ServiceError::NotFound)
        ));
        organisations::invite(db, &Plain, BASE, &owner, id, "ada@example.org", None)
            .await
            .unwrap();
        let token = token_for(db, "ada@example.org").await.unwrap();
        assert!(
            matches!(
                organisations::accept(db, &stranger, &token, None).await,
                Err(ServiceError::Account(AccountError::InvalidToken))
            ),
            "a forwarded invitation lets no one else in"
        );
        assert_eq!(
            organisations::accept(db, &invitee, &token, None)
                .await
                .unwrap(),
            id
        );
        assert!(matches!(
            organisations::accept(db, &invitee, &token, None).await,
            Err(ServiceError::Account(AccountError::InvalidToken))
        ));
        let invitee = accounts::session(db, &invitee_cookie)
            .await
            .unwrap()
            .unwrap();
        assert!(invitee.roles.has(Role::OrganisationMember));
        let view = organisations::view(db, &invitee, id).await.unwrap();
        assert_eq!(view.members.len(), 2);
        assert!(view.invitations.is_empty(), "only owners see invitations");
        assert!(matches!(
            organisations::invite(db, &Plain, BASE, &invitee, id, "x@example.org", None).await,
            Err(ServiceError::Forbidden)
        ));
    }
}
