//! Password reset, profile changes, administration, organisations, your
//! data and account deletion, on every engine.

use cohesion_domain::identity::Role;
use cohesion_domain::organisation::OrganisationInput;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::organisations;
use cohesion_services::accounts::people;
use cohesion_services::accounts::your_data::{self, Contributions};
use cohesion_services::accounts::{
    self, profile, reset, Letter, LetterKind, Letters, Passwords, SignUp, SignedIn,
};
use cohesion_services::audit::Origin;
use cohesion_services::ServiceError;
use cohesion_storage::accounts::users;
use cohesion_storage::accounts::users::UserQuery;
use cohesion_storage::audit::{self, AuditQuery};
use cohesion_storage::{outbox, schema, Db};
use cohesion_testkit as testkit;

struct Plain;

impl Letters for Plain {
    fn write(&self, kind: LetterKind<'_>, locale: &str, link: &str) -> Letter {
        Letter {
            subject: format!("[{locale}] {kind:?}"),
            body: format!("Open {link}"),
        }
    }
}

const BASE: &str = "https://engage.example";
const PASSWORD: &str = "a long river of quiet words";
const NEW_PASSWORD: &str = "seven swans over the weir";

fn origin() -> Origin<'static> {
    Origin {
        actor: None,
        client: Some("192.0.2.7"),
    }
}

/// The token in the newest message to `to`.
async fn token_for(db: &Db, to: &str) -> Option<String> {
    let mut c = db.acquire().await.unwrap();
    let mail = outbox::to_address(c.conn(), to, 1).await.unwrap();
    let body = &mail.first()?.body;
    Some(body.split("token=").nth(1)?.trim().to_owned())
}

async fn mail_count(db: &Db, to: &str) -> usize {
    let mut c = db.acquire().await.unwrap();
    outbox::to_address(c.conn(), to, 100).await.unwrap().len()
}

/// Signs up, confirms and signs in `email`; returns the live session.
async fn person(db: &Db, pw: &Passwords, email: &str, name: &str) -> (SignedIn, String) {
    let input = SignUp {
        email,
        display_name: name,
        password: PASSWORD,
        locale: "en",
    };
    accounts::sign_up(db, pw, &Plain, BASE, input, Origin::default())
        .await
        .unwrap();
    let token = token_for(db, email).await.unwrap();
    accounts::verify_email(db, &token, Origin::default())
        .await
        .unwrap();
    sign_in(db, pw, email, PASSWORD).await.unwrap()
}

async fn sign_in(
    db: &Db,
    pw: &Passwords,
    email: &str,
    password: &str,
) -> Result<(SignedIn, String), ServiceError> {
    // The device names the person, so that the erasure check sees it too.
    let agent = format!("Firefox for {email}");
    let t = accounts::sign_in(db, pw, email, password, Some(&agent), None).await?;
    let me = accounts::session(db, &t.cookie)
        .await?
        .expect("a live session");
    Ok((me, t.cookie))
}

async fn admin(db: &Db, pw: &Passwords, email: &str) -> SignedIn {
    let (me, cookie) = person(db, pw, email, "Nadia H").await;
    let mut c = db.acquire().await.unwrap();
    users::grant_role(c.conn(), me.user_id, Role::Administrator, None)
        .await
        .unwrap();
    drop(c);
    accounts::session(db, &cookie).await.unwrap().unwrap()
}

fn code(e: ServiceError) -> ErrorCode {
    match e {
        ServiceError::Invalid(v) => v.code,
        ServiceError::InvalidFields(v) => v[0].code,
        other => panic!("not a validation error: {other:?}"),
    }
}

#[tokio::test]
async fn password_reset_is_single_use_and_ends_every_session() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let (_, old_cookie) = person(db, &pw, "rosa@example.org", "Rosa M").await;

        reset::request(db, &Plain, BASE, "nobody@example.org", origin())
            .await
            .expect("the same answer for unknown addresses");
        assert_eq!(mail_count(db, "nobody@example.org").await, 0);

        reset::request(db, &Plain, BASE, "Rosa@Example.org", origin())
            .await
            .unwrap();
        let token = token_for(db, "rosa@example.org").await.unwrap();

        let short = reset::complete(db, &pw, &token, "short", origin()).await;
        assert_eq!(code(short.unwrap_err()), ErrorCode::PasswordTooShort);
        reset::complete(db, &pw, &token, NEW_PASSWORD, origin())
            .await
            .expect("a bad password does not spend the link");
        assert!(matches!(
            reset::complete(db, &pw, &token, NEW_PASSWORD, origin()).await,
            Err(ServiceError::InvalidToken)
        ));
        assert!(
            accounts::session(db, &old_cookie).await.unwrap().is_none(),
            "whoever had the old session is out"
        );
        assert!(matches!(
            sign_in(db, &pw, "rosa@example.org", PASSWORD).await,
            Err(ServiceError::InvalidCredentials)
        ));
        sign_in(db, &pw, "rosa@example.org", NEW_PASSWORD)
            .await
            .expect("the new password works");
    }
}

#[tokio::test]
async fn reset_mail_to_one_address_is_capped_and_the_last_link_keeps_working() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        person(db, &pw, "sam@example.org", "Sam O").await;
        let before = mail_count(db, "sam@example.org").await;
        for _ in 0..3 {
            reset::request(db, &Plain, BASE, "sam@example.org", origin())
                .await
                .unwrap();
        }
        let third = token_for(db, "sam@example.org").await.unwrap();
        for _ in 0..5 {
            reset::request(db, &Plain, BASE, "sam@example.org", origin())
                .await
                .unwrap();
        }
        assert_eq!(
            mail_count(db, "sam@example.org").await,
            before + 3,
            "a stranger cannot flood the inbox"
        );
        reset::complete(db, &pw, &third, NEW_PASSWORD, origin())
            .await
            .expect("nor stop the owner resetting with the last link sent");
    }
}

#[tokio::test]
async fn profile_changes_are_checked_and_audited() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let (me, cookie) = person(db, &pw, "lena@example.org", "Lena K").await;
        let (_, other_cookie) = sign_in(db, &pw, "lena@example.org", PASSWORD)
            .await
            .unwrap();

        let e = profile::change_display_name(db, &me, "Moderator", None).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::DisplayNameReserved);
        profile::change_display_name(db, &me, "Lena Kovač", Some("192.0.2.9"))
            .await
            .unwrap();

        let e = profile::change_password(db, &pw, &me, "wrong guess", NEW_PASSWORD, None).await;
        match e.unwrap_err() {
            ServiceError::InvalidFields(v) => {
                assert_eq!(
                    (v[0].field, v[0].code),
                    ("current_password", ErrorCode::InvalidCredentials)
                )
            }
            other => panic!("{other:?}"),
        }
        profile::change_password(db, &pw, &me, PASSWORD, NEW_PASSWORD, None)
            .await
            .unwrap();
        assert!(
            accounts::session(db, &cookie).await.unwrap().is_some(),
            "this session stays"
        );
        assert!(
            accounts::session(db, &other_cookie)
                .await
                .unwrap()
                .is_none(),
            "the others end"
        );

        // The password is asked for, so an open session alone cannot move
        // the account.
        let e = profile::request_email_change(
            db,
            &pw,
            &Plain,
            BASE,
            &me,
            profile::EmailChange {
                new_email: "thief@example.net",
                current_password: "not the password",
            },
            None,
        )
        .await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::InvalidCredentials);
        assert_eq!(mail_count(db, "thief@example.net").await, 0);

        // A new address is proved before it is used.
        profile::request_email_change(
            db,
            &pw,
            &Plain,
            BASE,
            &me,
            profile::EmailChange {
                new_email: "lena.k@example.net",
                current_password: NEW_PASSWORD,
            },
            None,
        )
        .await
        .unwrap();
        let token = token_for(db, "lena.k@example.net").await.unwrap();
        profile::confirm_email_change(db, &Plain, BASE, &token, origin())
            .await
            .unwrap();
        let me = accounts::session(db, &cookie).await.unwrap().unwrap();
        assert_eq!(me.email, "lena.k@example.net");
        assert_eq!(me.display_name, "Lena Kovač");
        let mut c = db.acquire().await.unwrap();
        let told = outbox::to_address(c.conn(), "lena@example.org", 1)
            .await
            .unwrap();
        assert!(
            told[0].subject.contains("EmailChanged"),
            "the old address is told"
        );
        drop(c);

        // An address that has an account gets a note, not a link.
        person(db, &pw, "taken@example.org", "Taken T").await;
        let before = mail_count(db, "taken@example.org").await;
        profile::request_email_change(
            db,
            &pw,
            &Plain,
            BASE,
            &me,
            profile::EmailChange {
                new_email: "taken@example.org",
                current_password: NEW_PASSWORD,
            },
            None,
        )
        .await
        .unwrap();
        let mut c = db.acquire().await.unwrap();
        let note = outbox::to_address(c.conn(), "taken@example.org", 1)
            .await
            .unwrap();
        assert_eq!(mail_count(db, "taken@example.org").await, before + 1);
        assert!(note[0].subject.contains("AlreadyRegistered"));

        let q = AuditQuery {
            actor: Some(me.user_id),
            limit: 50,
            ..Default::default()
        };
        let actions: Vec<String> = audit::page(c.conn(), &q)
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        for a in [
            "account.rename",
            "account.password_change",
            "account.email_change",
        ] {
            assert!(actions.iter().any(|x| x == a), "{a} in {actions:?}");
        }
    }
}

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
            Err(ServiceError::Suspended)
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

fn riverside() -> OrganisationInput {
    OrganisationInput {
        name: "Riverside Youth Forum".into(),
        kind: "charity".into(),
        registration_number: "1234567".into(),
        org_identifier: "GB-CHC-1234567".into(),
        address: "12 Mill Lane".into(),
        contact_name: "Sam Okoye".into(),
        contact_email: "hello@riverside.example".into(),
        contact_phone: String::new(),
    }
}

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
                Err(ServiceError::InvalidToken)
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
            Err(ServiceError::InvalidToken)
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

#[tokio::test]
async fn deleting_an_account_leaves_no_personal_data_behind() {
    let pw = Passwords::new(2);
    for t in testkit::engines().await {
        let db = &t.db;
        let email = "zainab.deleteme@example.org";
        let name = "Zainab Qx";
        let (me, cookie) = person(db, &pw, email, name).await;
        let (_, second) = sign_in(db, &pw, email, PASSWORD).await.unwrap();
        let theirs = OrganisationInput {
            contact_name: name.into(),
            contact_email: email.into(),
            contact_phone: "020 7946 0123".into(),
            ..riverside()
        };
        let org = organisations::register(db, &me, &theirs, None)
            .await
            .unwrap();
        let (member, _) = person(db, &pw, "kept.member@example.org", "Kept M").await;
        organisations::invite(db, &Plain, BASE, &me, org, "kept.member@example.org", None)
            .await
            .unwrap();
        let invite = token_for(db, "kept.member@example.org").await.unwrap();
        organisations::accept(db, &member, &invite, None)
            .await
            .unwrap();
        reset::request(db, &Plain, BASE, email, origin())
            .await
            .unwrap();

        let data = your_data::export(db, &me, Some("192.0.2.3")).await.unwrap();
        assert_eq!(data.account.email.as_deref(), Some(email));
        assert_eq!(data.account.display_name.as_deref(), Some(name));
        assert_eq!(data.sessions.len(), 2);
        assert_eq!(data.organisations[0].id, org);
        assert!(data.emails.len() >= 2, "the verification and reset emails");
        assert!(data
            .activity
            .iter()
            .any(|a| a.action == "organisation.register"));

        let e = your_data::delete_account(db, &pw, &me, "wrong", Contributions::Keep, None).await;
        assert_eq!(code(e.unwrap_err()), ErrorCode::InvalidCredentials);
        assert!(
            accounts::session(db, &cookie).await.unwrap().is_some(),
            "nothing changed"
        );

        let hash = {
            let mut c = db.acquire().await.unwrap();
            users::find_by_id(c.conn(), me.user_id)
                .await
                .unwrap()
                .unwrap()
                .password_hash
                .unwrap()
        };
        your_data::delete_account(db, &pw, &me, PASSWORD, Contributions::Remove, None)
            .await
            .unwrap();
        for c in [&cookie, &second] {
            assert!(accounts::session(db, c).await.unwrap().is_none());
        }
        let mut c = db.acquire().await.unwrap();
        for needle in [email, "zainab", name, hash.as_str(), "7946 0123"] {
            let found = schema::occurrences(c.conn(), needle).await.unwrap();
            assert!(
                found.is_empty(),
                "{needle:?} remains in {found:?} ({:?})",
                t.engine()
            );
        }
        let row = users::find_by_id(c.conn(), me.user_id)
            .await
            .unwrap()
            .unwrap();
        assert!(row.deleted_at.is_some(), "the empty row stays as an author");
        let q = AuditQuery {
            action: Some("account.delete"),
            limit: 5,
            ..Default::default()
        };
        let log = audit::page(c.conn(), &q).await.unwrap();
        assert_eq!(log[0].detail, "account deleted; contributions removed");
        drop(c);
        assert!(matches!(
            sign_in(db, &pw, email, PASSWORD).await,
            Err(ServiceError::InvalidCredentials)
        ));
        // The address is free for a new account.
        person(db, &pw, email, "Zainab Again").await;
    }
}
