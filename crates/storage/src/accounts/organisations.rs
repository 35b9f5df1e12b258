//! Community organisations, their members and the invitations that bring
//! members in.

use cohesion_domain::organisation::{NewOrganisation, OrganisationKind};
use uuid::Uuid;

use crate::rows::{self, Row};
use crate::{new_id, Conn, StorageError, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationRecord {
    pub id: Uuid,
    pub name: String,
    pub kind: OrganisationKind,
    pub registration_number: Option<String>,
    pub org_identifier: Option<String>,
    pub address: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub created_at: Timestamp,
}

const COLUMNS: &str = "o.id, o.name, o.kind, o.registration_number, o.org_identifier, o.address, \
    o.contact_name, o.contact_email, o.contact_phone, o.created_at";

fn record(r: &Row) -> Result<OrganisationRecord, sqlx::Error> {
    let kind: String = r.get("kind")?;
    Ok(OrganisationRecord {
        id: r.get("id")?,
        name: r.get("name")?,
        kind: OrganisationKind::parse(&kind).map_err(|e| sqlx::Error::Decode(e.into()))?,
        registration_number: r.get("registration_number")?,
        org_identifier: r.get("org_identifier")?,
        address: r.get("address")?,
        contact_name: r.get("contact_name")?,
        contact_email: r.get("contact_email")?,
        contact_phone: r.get("contact_phone")?,
        created_at: r.get("created_at")?,
    })
}

/// Registers an organisation with `owner` as its first member. `None` if
/// another organisation already holds the org-id identifier.
pub async fn insert(
    mut conn: Conn<'_>,
    org: &NewOrganisation,
    owner: Uuid,
) -> Result<Option<Uuid>, StorageError> {
    let id = new_id();
    let now = Timestamp::now();
    let n = rows::execute(
        conn.reborrow(),
        "INSERT INTO organisations (id, name, kind, registration_number, org_identifier, address, \
         contact_name, contact_email, contact_phone, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) \
         ON CONFLICT (org_identifier) DO NOTHING",
        &[
            &id,
            &org.name,
            &org.kind.key(),
            &org.registration_number.as_deref(),
            &org.org_identifier.as_ref().map(|o| o.as_str()),
            &org.address,
            &org.contact_name,
            &org.contact_email.as_str(),
            &org.contact_phone.as_deref(),
            &owner,
            &now,
        ],
    )
    .await?;
    if n == 1 {
        rows::execute(
            conn,
            "INSERT INTO organisation_members (organisation_id, user_id, is_owner, joined_at) \
             VALUES ($1, $2, TRUE, $3)",
            &[&id, &owner, &now],
        )
        .await?;
    }
    Ok((n == 1).then_some(id))
}

pub async fn find(conn: Conn<'_>, id: Uuid) -> Result<Option<OrganisationRecord>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM organisations o WHERE o.id = $1");
    rows::fetch_optional(conn, &sql, &[&id], record).await
}

/// The organisations `user_id` belongs to, with whether they own each.
pub async fn for_member(
    conn: Conn<'_>,
    user_id: Uuid,
) -> Result<Vec<(OrganisationRecord, bool)>, StorageError> {
    let sql = format!(
        "SELECT {COLUMNS}, m.is_owner FROM organisations o \
         JOIN organisation_members m ON m.organisation_id = o.id \
         WHERE m.user_id = $1 ORDER BY o.name LIMIT 100"
    );
    rows::fetch_all(conn, &sql, &[&user_id], |r| {
        Ok((record(r)?, r.get("is_owner")?))
    })
    .await
}

/// Whether `user_id` is a member, and if so whether an owner.
pub async fn membership(
    conn: Conn<'_>,
    organisation_id: Uuid,
    user_id: Uuid,
) -> Result<Option<bool>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT is_owner FROM organisation_members WHERE organisation_id = $1 AND user_id = $2",
        &[&organisation_id, &user_id],
        rows::scalar,
    )
    .await
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub user_id: Uuid,
    pub display_name: Option<String>,
    pub is_owner: bool,
    pub joined_at: Timestamp,
}

pub async fn members(conn: Conn<'_>, organisation_id: Uuid) -> Result<Vec<Member>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT m.user_id, u.display_name, m.is_owner, m.joined_at \
         FROM organisation_members m JOIN users u ON u.id = m.user_id \
         WHERE m.organisation_id = $1 ORDER BY m.joined_at LIMIT 500",
        &[&organisation_id],
        |r| {
            Ok(Member {
                user_id: r.get("user_id")?,
                display_name: r.get("display_name")?,
                is_owner: r.get("is_owner")?,
                joined_at: r.get("joined_at")?,
            })
        },
    )
    .await
}

/// Adds a member; `false` if they already were one.
pub async fn add_member(
    conn: Conn<'_>,
    organisation_id: Uuid,
    user_id: Uuid,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "INSERT INTO organisation_members (organisation_id, user_id, is_owner, joined_at) \
         VALUES ($1, $2, FALSE, $3) ON CONFLICT (organisation_id, user_id) DO NOTHING",
        &[&organisation_id, &user_id, &Timestamp::now()],
    )
    .await?;
    Ok(n == 1)
}

/// Removes `user_id` from every organisation (account deletion).
pub async fn leave_all(conn: Conn<'_>, user_id: Uuid) -> Result<u64, StorageError> {
    rows::execute(
        conn,
        "DELETE FROM organisation_members WHERE user_id = $1",
        &[&user_id],
    )
    .await
}

pub struct NewInvitation<'a> {
    pub token_hash: &'a str,
    pub organisation_id: Uuid,
    pub email: &'a str,
    pub invited_by: Uuid,
    pub expires_at: Timestamp,
}

pub async fn invite(conn: Conn<'_>, i: NewInvitation<'_>) -> Result<Uuid, StorageError> {
    let id = new_id();
    rows::execute(
        conn,
        "INSERT INTO organisation_invitations (token_hash, id, organisation_id, email, invited_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        &[
            &i.token_hash,
            &id,
            &i.organisation_id,
            &i.email,
            &i.invited_by,
            &Timestamp::now(),
            &i.expires_at,
        ],
    )
    .await?;
    Ok(id)
}

/// Accepts the invitation if it is unused, unexpired and addressed to
/// `email`; returns the organisation. One atomic update, so it works once.
pub async fn accept_invitation(
    conn: Conn<'_>,
    token_hash: &str,
    email: &str,
    now: Timestamp,
) -> Result<Option<Uuid>, StorageError> {
    rows::fetch_optional(
        conn,
        "UPDATE organisation_invitations SET accepted_at = $1 \
         WHERE token_hash = $2 AND email = $3 AND accepted_at IS NULL AND expires_at > $1 \
         RETURNING organisation_id",
        &[&now, &token_hash, &email],
        rows::scalar,
    )
    .await
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub id: Uuid,
    pub email: String,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub accepted_at: Option<Timestamp>,
}

/// The newest invitations of an organisation, for its members to see.
pub async fn invitations(
    conn: Conn<'_>,
    organisation_id: Uuid,
) -> Result<Vec<Invitation>, StorageError> {
    rows::fetch_all(
        conn,
        "SELECT id, email, created_at, expires_at, accepted_at FROM organisation_invitations \
         WHERE organisation_id = $1 ORDER BY id DESC LIMIT 50",
        &[&organisation_id],
        |r| {
            Ok(Invitation {
                id: r.get("id")?,
                email: r.get("email")?,
                created_at: r.get("created_at")?,
                expires_at: r.get("expires_at")?,
                accepted_at: r.get("accepted_at")?,
            })
        },
    )
    .await
}

/// Forgets invitations sent to `email` (the invitee deleted their account).
pub async fn forget_invitations_to(conn: Conn<'_>, email: &str) -> Result<u64, StorageError> {
    rows::execute(
        conn,
        "DELETE FROM organisation_invitations WHERE email = $1",
        &[&email],
    )
    .await
}

/// Clears an organisation's contact details where they are `email`'s (the
/// contact person deleted their account): the organisation stays, without
/// their name, address or number.
pub async fn forget_contact(conn: Conn<'_>, email: &str) -> Result<u64, StorageError> {
    rows::execute(
        conn,
        "UPDATE organisations SET contact_name = '', contact_email = '', contact_phone = NULL, \
         updated_at = $2 WHERE contact_email = $1",
        &[&email, &Timestamp::now()],
    )
    .await
}

/// Makes the longest-standing member an owner if the organisation has
/// members but no owner left.
pub async fn ensure_owner(conn: Conn<'_>, organisation_id: Uuid) -> Result<(), StorageError> {
    rows::execute(
        conn,
        "UPDATE organisation_members SET is_owner = TRUE \
         WHERE organisation_id = $1 AND user_id = ( \
         SELECT user_id FROM organisation_members WHERE organisation_id = $1 \
         ORDER BY joined_at, user_id LIMIT 1) \
         AND NOT EXISTS (SELECT 1 FROM organisation_members \
         WHERE organisation_id = $1 AND is_owner)",
        &[&organisation_id],
    )
    .await?;
    Ok(())
}
