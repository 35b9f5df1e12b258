//! Community organisations: registering one, inviting members by email,
//! and joining by invitation. Whoever registers an organisation owns it;
//! owners invite. Members hold the organisation member role, which is
//! what lets them apply for grants on its behalf.

use cohesion_domain::identity::{Action, Email, Role};
use cohesion_domain::organisation::{OrganisationInput, OrganisationKind};
use cohesion_domain::timestamp;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::accounts::organisations::{self, NewInvitation, OrganisationRecord};
use cohesion_storage::accounts::users;
use cohesion_storage::{outbox, Conn, Db, Timestamp};
use time::Duration;
use uuid::Uuid;

use super::tokens::{hash_token, new_token};
use super::your_data::{OrganisationData, YourData};
use super::{AccountError, LetterKind, Letters, SignedIn};
use crate::audit::audit_log;
use crate::erasure::{Contributions, Names, Person, PersonalData, Step};
use crate::permissions::require;
use crate::ServiceError;

pub const INVITATION_LIFETIME: Duration = Duration::days(7);

/// Registering and inviting send the council's mail in the person's name,
/// so they need a confirmed address first.
fn require_verified(me: &SignedIn) -> Result<(), ServiceError> {
    if me.email_verified {
        Ok(())
    } else {
        Err(ValidationError::new("email", ErrorCode::EmailNotVerified).into())
    }
}

/// Registers an organisation with `me` as its owner and first member.
pub async fn register(
    db: &Db,
    me: &SignedIn,
    input: &OrganisationInput,
    client: Option<&str>,
) -> Result<Uuid, ServiceError> {
    require(me, Action::Participate)?;
    require_verified(me)?;
    let org = input.validate().map_err(ServiceError::InvalidFields)?;
    let mut tx = db.begin().await?;
    let Some(id) = organisations::insert(tx.conn(), &org, me.user_id).await? else {
        return Err(ServiceError::InvalidFields(vec![ValidationError::new(
            "org_identifier",
            ErrorCode::AlreadyRegistered,
        )]));
    };
    users::grant_role(tx.conn(), me.user_id, Role::OrganisationMember, None).await?;
    audit_log(
        tx.conn(),
        me.origin(client),
        "organisation.register",
        Some(id),
        &org.name,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// An organisation as registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub id: Uuid,
    pub name: String,
    pub kind: OrganisationKind,
    pub registration_number: Option<String>,
    pub org_identifier: Option<String>,
    pub address: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub created_at: timestamp::Timestamp,
}

impl From<OrganisationRecord> for Organisation {
    fn from(o: OrganisationRecord) -> Self {
        Self {
            id: o.id,
            name: o.name,
            kind: o.kind,
            registration_number: o.registration_number,
            org_identifier: o.org_identifier,
            address: o.address,
            contact_name: o.contact_name,
            contact_email: o.contact_email,
            contact_phone: o.contact_phone,
            created_at: o.created_at.into(),
        }
    }
}

/// A member of an organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub user_id: Uuid,
    pub display_name: Option<String>,
    pub is_owner: bool,
    pub joined_at: timestamp::Timestamp,
}

/// An invitation to join, as its organisation's owners see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: Uuid,
    pub email: String,
    pub created_at: timestamp::Timestamp,
    pub expires_at: timestamp::Timestamp,
    pub accepted_at: Option<timestamp::Timestamp>,
}

/// The organisations `me` belongs to, with whether they own each.
pub async fn mine(db: &Db, me: &SignedIn) -> Result<Vec<(Organisation, bool)>, ServiceError> {
    let mut c = db.acquire().await?;
    Ok(organisations::for_member(c.conn(), me.user_id)
        .await?
        .into_iter()
        .map(|(o, owner)| (o.into(), owner))
        .collect())
}

/// An organisation as its members (and administrators) see it.
#[derive(Debug, Clone)]
pub struct OrganisationView {
    pub organisation: Organisation,
    pub members: Vec<Member>,
    /// The members' roles, for the badges beside their names.
    pub member_roles: Vec<(Uuid, Role)>,
    /// Shown to owners only (they hold other people's addresses).
    pub invitations: Vec<Invitation>,
    pub is_owner: bool,
}

/// Members and administrators see an organisation; to anyone else it
/// does not exist.
pub async fn view(db: &Db, me: &SignedIn, id: Uuid) -> Result<OrganisationView, ServiceError> {
    let mut c = db.acquire().await?;
    let membership = organisations::membership(c.conn(), id, me.user_id).await?;
    if membership.is_none() && !me.roles.allows(Action::ManagePeople) {
        return Err(ServiceError::NotFound);
    }
    let organisation = organisations::find(c.conn(), id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let is_owner = membership == Some(true);
    let members: Vec<Member> = organisations::members(c.conn(), id)
        .await?
        .into_iter()
        .map(|m| Member {
            user_id: m.user_id,
            display_name: m.display_name,
            is_owner: m.is_owner,
            joined_at: m.joined_at.into(),
        })
        .collect();
    let ids: Vec<Uuid> = members.iter().map(|m| m.user_id).collect();
    let member_roles = users::roles_of(c.conn(), &ids).await?;
    let invitations = if is_owner {
        organisations::invitations(c.conn(), id)
            .await?
            .into_iter()
            .map(|i| Invitation {
                id: i.id,
                email: i.email,
                created_at: i.created_at.into(),
                expires_at: i.expires_at.into(),
                accepted_at: i.accepted_at.map(Into::into),
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(OrganisationView {
        organisation: organisation.into(),
        members,
        member_roles,
        invitations,
        is_owner,
    })
}

/// Emails an invitation to join. Owners only.
pub async fn invite(
    db: &Db,
    letters: &dyn Letters,
    base_url: &str,
    me: &SignedIn,
    organisation_id: Uuid,
    email: &str,
    client: Option<&str>,
) -> Result<(), ServiceError> {
    require(me, Action::Participate)?;
    require_verified(me)?;
    let email = Email::parse(email)?;
    let mut tx = db.begin().await?;
    match organisations::membership(tx.conn(), organisation_id, me.user_id).await? {
        Some(true) => {}
        Some(false) => return Err(ServiceError::Forbidden),
        None => return Err(ServiceError::NotFound),
    }
    let org = organisations::find(tx.conn(), organisation_id)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let token = new_token()?;
    let invitation = NewInvitation {
        token_hash: &hash_token(&token),
        organisation_id,
        email: email.as_str(),
        invited_by: me.user_id,
        expires_at: Timestamp::from(Timestamp::now().as_offset() + INVITATION_LIFETIME),
    };
    let invitation_id = organisations::invite(tx.conn(), invitation).await?;
    if !super::note_allowed(tx.conn(), email.as_str()).await? {
        let limit = cohesion_domain::rate_limit::NOTES_PER_ADDRESS;
        return Err(ServiceError::RateLimited {
            retry_after: limit.retry_after(crate::clock::unix_now()),
        });
    }
    let locale = match users::find_by_email(tx.conn(), &email).await? {
        Some(u) => u.locale.unwrap_or_else(|| "en".to_owned()),
        None => me.locale.clone().unwrap_or_else(|| "en".to_owned()),
    };
    let link = format!("{base_url}/organisations/join?token={token}");
    let kind = LetterKind::Invitation {
        organisation: &org.name,
    };
    let letter = letters.write(kind, &locale, &link);
    outbox::push(tx.conn(), email.as_str(), &letter.subject, &letter.body).await?;
    let detail = format!("invitation {invitation_id}");
    audit_log(
        tx.conn(),
        me.origin(client),
        "organisation.invite",
        Some(organisation_id),
        &detail,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Joins with an invitation. The invitation must be addressed to the
/// signed-in person's own, confirmed email address: a forwarded link
/// does not let someone else in.
pub async fn accept(
    db: &Db,
    me: &SignedIn,
    token: &str,
    client: Option<&str>,
) -> Result<Uuid, ServiceError> {
    require(me, Action::Participate)?;
    if !me.email_verified {
        return Err(AccountError::InvalidToken.into());
    }
    let mut tx = db.begin().await?;
    let Some(org) = organisations::accept_invitation(
        tx.conn(),
        &hash_token(token),
        &me.email,
        Timestamp::now(),
    )
    .await?
    else {
        return Err(AccountError::InvalidToken.into());
    };
    if !organisations::add_member(tx.conn(), org, me.user_id).await? {
        return Err(ValidationError::new("token", ErrorCode::AlreadyMember).into());
    }
    users::grant_role(tx.conn(), me.user_id, Role::OrganisationMember, None).await?;
    audit_log(
        tx.conn(),
        me.origin(client),
        "organisation.join",
        Some(org),
        "joined",
    )
    .await?;
    tx.commit().await?;
    Ok(org)
}

/// The organisations' part of a person's data (see `erasure`): the
/// organisations they belong to; on deletion their memberships go (an
/// organisation is not left without someone who can invite), invitations
/// to their addresses go, and contact details that are theirs are
/// cleared. Who registered an organisation or sent an invitation stays,
/// as an id.
pub struct MembershipsHook;

impl PersonalData<YourData> for MembershipsHook {
    fn names(&self) -> &'static [Names] {
        const NAMES: &[Names] = &[
            Names::kept("organisations.created_by"),
            Names::erased("organisation_members.user_id"),
            Names::kept("organisation_invitations.invited_by"),
        ];
        NAMES
    }

    fn export<'a>(
        &'a self,
        conn: Conn<'a>,
        person: &'a Person,
        into: &'a mut YourData,
    ) -> Step<'a> {
        Box::pin(async move {
            into.organisations = organisations::for_member(conn, person.id)
                .await?
                .into_iter()
                .map(|(o, owner)| OrganisationData {
                    id: o.id,
                    name: o.name,
                    kind: o.kind.key().to_owned(),
                    registration_number: o.registration_number,
                    org_identifier: o.org_identifier,
                    address: o.address,
                    contact_name: o.contact_name,
                    contact_email: o.contact_email,
                    contact_phone: o.contact_phone,
                    owner,
                })
                .collect();
            Ok(())
        })
    }

    fn erase<'a>(&'a self, mut conn: Conn<'a>, person: &'a Person, _: Contributions) -> Step<'a> {
        Box::pin(async move {
            for address in &person.addresses {
                organisations::forget_invitations_to(conn.reborrow(), address).await?;
                organisations::forget_contact(conn.reborrow(), address).await?;
            }
            let owned: Vec<Uuid> = organisations::for_member(conn.reborrow(), person.id)
                .await?
                .into_iter()
                .filter(|(_, owner)| *owner)
                .map(|(o, _)| o.id)
                .collect();
            organisations::leave_all(conn.reborrow(), person.id).await?;
            for org in owned {
                organisations::ensure_owner(conn.reborrow(), org).await?;
            }
            Ok(())
        })
    }
}
