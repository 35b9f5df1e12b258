//! Community organisations, their members and the invitations that bring
//! members in.

use cohesion_domain::organisation::{NewOrganisation, OrganisationKind};
use sqlx::Row;
use uuid::Uuid;

use crate::{new_id, on_conn, Conn, StorageError, Timestamp};

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

fn record<R: Row>(r: &R) -> Result<OrganisationRecord, sqlx::Error>
where
    for<'a> &'a str: sqlx::ColumnIndex<R>,
    for<'a> Uuid: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> String: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> Option<String>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> Timestamp: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
{
    let kind: String = r.try_get("kind")?;
    Ok(OrganisationRecord {
        id: r.try_get("id")?,
        name: r.try_get("name")?,
        kind: OrganisationKind::parse(&kind).map_err(|e| sqlx::Error::Decode(e.into()))?,
        registration_number: r.try_get("registration_number")?,
        org_identifier: r.try_get("org_identifier")?,
        address: r.try_get("address")?,
        contact_name: r.try_get("contact_name")?,
        contact_email: r.try_get("contact_email")?,
        contact_phone: r.try_get("contact_phone")?,
        created_at: r.try_get("created_at")?,
    })
}

/// Registers an organisation with `owner` as its first member. `None` if
/// another organisation already holds the org-id identifier.
pub async fn insert(
    conn: Conn<'_>,
    org: &NewOrganisation,
    owner: Uuid,
) -> Result<Option<Uuid>, StorageError> {
    let id = new_id();
    let now = Timestamp::now();
    let inserted = on_conn!(conn, c => {
        let n = sqlx::query(
            "INSERT INTO organisations (id, name, kind, registration_number, org_identifier, address, \
             contact_name, contact_email, contact_phone, created_by, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) \
             ON CONFLICT (org_identifier) DO NOTHING",
        )
        .bind(id)
        .bind(&org.name)
        .bind(org.kind.key())
        .bind(org.registration_number.as_deref())
        .bind(org.org_identifier.as_ref().map(|o| o.as_str()))
        .bind(&org.address)
        .bind(&org.contact_name)
        .bind(org.contact_email.as_str())
        .bind(org.contact_phone.as_deref())
        .bind(owner)
        .bind(now)
        .execute(&mut *c)
        .await?
        .rows_affected();
        if n == 1 {
            sqlx::query(
                "INSERT INTO organisation_members (organisation_id, user_id, is_owner, joined_at) \
                 VALUES ($1, $2, TRUE, $3)",
            )
            .bind(id)
            .bind(owner)
            .bind(now)
            .execute(&mut *c)
            .await?;
        }
        Ok::<_, sqlx::Error>(n == 1)
    })?;
    Ok(inserted.then_some(id))
}

pub async fn find(conn: Conn<'_>, id: Uuid) -> Result<Option<OrganisationRecord>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM organisations o WHERE o.id = $1");
    let found = on_conn!(conn, c => {
        let row = sqlx::query(&sql).bind(id).fetch_optional(&mut *c).await?;
        row.as_ref().map(record).transpose()
    })?;
    Ok(found)
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
    let rows = on_conn!(conn, c => {
        let rows = sqlx::query(&sql).bind(user_id).fetch_all(&mut *c).await?;
        rows.iter()
            .map(|r| Ok((record(r)?, r.try_get::<bool, _>("is_owner")?)))
            .collect::<Result<Vec<_>, sqlx::Error>>()
    })?;
    Ok(rows)
}

/// Whether `user_id` is a member, and if so whether an owner.
pub async fn membership(
    conn: Conn<'_>,
    organisation_id: Uuid,
    user_id: Uuid,
) -> Result<Option<bool>, StorageError> {
    let found: Option<bool> = on_conn!(conn, c => {
        sqlx::query_scalar(
            "SELECT is_owner FROM organisation_members WHERE organisation_id = $1 AND user_id = $2",
        )
        .bind(organisation_id)
        .bind(user_id)
        .fetch_optional(&mut *c)
        .await
    })?;
    Ok(found)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub user_id: Uuid,
    pub display_name: Option<String>,
    pub is_owner: bool,
    pub joined_at: Timestamp,
}

pub async fn members(conn: Conn<'_>, organisation_id: Uuid) -> Result<Vec<Member>, StorageError> {
    let rows = on_conn!(conn, c => {
        let rows = sqlx::query(
            "SELECT m.user_id, u.display_name, m.is_owner, m.joined_at \
             FROM organisation_members m JOIN users u ON u.id = m.user_id \
             WHERE m.organisation_id = $1 ORDER BY m.joined_at LIMIT 500",
        )
        .bind(organisation_id)
        .fetch_all(&mut *c)
        .await?;
        rows.iter()
            .map(|r| -> Result<Member, sqlx::Error> {
                Ok(Member {
                    user_id: r.try_get("user_id")?,
                    display_name: r.try_get("display_name")?,
                    is_owner: r.try_get("is_owner")?,
                    joined_at: r.try_get("joined_at")?,
                })
            })
            .collect::<Result<Vec<_>, _>>()
    })?;
    Ok(rows)
}

/// Adds a member; `false` if they already were one.
pub async fn add_member(
    conn: Conn<'_>,
    organisation_id: Uuid,
    user_id: Uuid,
) -> Result<bool, StorageError> {
    let n = on_conn!(conn, c => {
        sqlx::query(
            "INSERT INTO organisation_members (organisation_id, user_id, is_owner, joined_at) \
             VALUES ($1, $2, FALSE, $3) ON CONFLICT (organisation_id, user_id) DO NOTHING",
        )
        .bind(organisation_id)
        .bind(user_id)
        .bind(Timestamp::now())
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(n == 1)
}

/// Removes `user_id` from every organisation (account deletion).
pub async fn leave_all(conn: Conn<'_>, user_id: Uuid) -> Result<u64, StorageError> {
    let n = on_conn!(conn, c => {
        sqlx::query("DELETE FROM organisation_members WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n)
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
    on_conn!(conn, c => {
        sqlx::query(
            "INSERT INTO organisation_invitations (token_hash, id, organisation_id, email, invited_by, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(i.token_hash)
        .bind(id)
        .bind(i.organisation_id)
        .bind(i.email)
        .bind(i.invited_by)
        .bind(Timestamp::now())
        .bind(i.expires_at)
        .execute(&mut *c)
        .await
        .map(|_| ())
    })?;
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
    let found: Option<Uuid> = on_conn!(conn, c => {
        sqlx::query_scalar(
            "UPDATE organisation_invitations SET accepted_at = $1 \
             WHERE token_hash = $2 AND email = $3 AND accepted_at IS NULL AND expires_at > $1 \
             RETURNING organisation_id",
        )
        .bind(now)
        .bind(token_hash)
        .bind(email)
        .fetch_optional(&mut *c)
        .await
    })?;
    Ok(found)
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
    let rows = on_conn!(conn, c => {
        let rows = sqlx::query(
            "SELECT id, email, created_at, expires_at, accepted_at FROM organisation_invitations \
             WHERE organisation_id = $1 ORDER BY id DESC LIMIT 50",
        )
        .bind(organisation_id)
        .fetch_all(&mut *c)
        .await?;
        rows.iter()
            .map(|r| -> Result<Invitation, sqlx::Error> {
                Ok(Invitation {
                    id: r.try_get("id")?,
                    email: r.try_get("email")?,
                    created_at: r.try_get("created_at")?,
                    expires_at: r.try_get("expires_at")?,
                    accepted_at: r.try_get("accepted_at")?,
                })
            })
            .collect::<Result<Vec<_>, _>>()
    })?;
    Ok(rows)
}

/// Forgets invitations sent to `email` (the invitee deleted their account).
pub async fn forget_invitations_to(conn: Conn<'_>, email: &str) -> Result<u64, StorageError> {
    let n = on_conn!(conn, c => {
        sqlx::query("DELETE FROM organisation_invitations WHERE email = $1")
            .bind(email)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n)
}

/// Clears an organisation's contact details where they are `email`'s (the
/// contact person deleted their account): the organisation stays, without
/// their name, address or number.
pub async fn forget_contact(conn: Conn<'_>, email: &str) -> Result<u64, StorageError> {
    let n = on_conn!(conn, c => {
        sqlx::query(
            "UPDATE organisations SET contact_name = '', contact_email = '', contact_phone = NULL, \
             updated_at = $2 WHERE contact_email = $1",
        )
        .bind(email)
        .bind(Timestamp::now())
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(n)
}

/// Makes the longest-standing member an owner if the organisation has
/// members but no owner left.
pub async fn ensure_owner(conn: Conn<'_>, organisation_id: Uuid) -> Result<(), StorageError> {
    on_conn!(conn, c => {
        sqlx::query(
            "UPDATE organisation_members SET is_owner = TRUE \
             WHERE organisation_id = $1 AND user_id = ( \
               SELECT user_id FROM organisation_members WHERE organisation_id = $1 \
               ORDER BY joined_at, user_id LIMIT 1) \
             AND NOT EXISTS (SELECT 1 FROM organisation_members \
               WHERE organisation_id = $1 AND is_owner)",
        )
        .bind(organisation_id)
        .execute(&mut *c)
        .await
        .map(|_| ())
    })?;
    Ok(())
}
