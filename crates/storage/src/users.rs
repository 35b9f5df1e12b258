//! People and their roles. Personal data lives only here.

use cohesion_domain::identity::{DisplayName, Email, Role};
use sqlx::Row;
use uuid::Uuid;

use crate::{new_id, on_conn, Conn, StorageError, Timestamp};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRecord {
    pub id: Uuid,
    /// `None` once the account is deleted, like every personal field.
    pub email: Option<String>,
    pub display_name: Option<String>,
    pub password_hash: Option<String>,
    pub locale: Option<String>,
    pub email_verified_at: Option<Timestamp>,
    pub suspended_at: Option<Timestamp>,
    pub deleted_at: Option<Timestamp>,
}

const COLUMNS: &str =
    "id, email, display_name, password_hash, locale, email_verified_at, suspended_at, deleted_at";

fn record<R: Row>(r: &R) -> Result<UserRecord, sqlx::Error>
where
    for<'a> &'a str: sqlx::ColumnIndex<R>,
    for<'a> Uuid: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> Option<String>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
    for<'a> Option<Timestamp>: sqlx::Decode<'a, R::Database> + sqlx::Type<R::Database>,
{
    Ok(UserRecord {
        id: r.try_get("id")?,
        email: r.try_get("email")?,
        display_name: r.try_get("display_name")?,
        password_hash: r.try_get("password_hash")?,
        locale: r.try_get("locale")?,
        email_verified_at: r.try_get("email_verified_at")?,
        suspended_at: r.try_get("suspended_at")?,
        deleted_at: r.try_get("deleted_at")?,
    })
}

/// Creates an account, or returns `None` if the email is already taken
/// (one atomic statement, so two sign-ups racing for one address cannot
/// both succeed).
pub async fn insert(
    conn: Conn<'_>,
    email: &Email,
    name: &DisplayName,
    password_hash: &str,
    locale: &str,
) -> Result<Option<Uuid>, StorageError> {
    let id = new_id();
    let now = Timestamp::now();
    let inserted = on_conn!(conn, c => {
        sqlx::query(
            "INSERT INTO users (id, email, display_name, password_hash, locale, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (email) DO NOTHING",
        )
        .bind(id)
        .bind(email.as_str())
        .bind(name.as_str())
        .bind(password_hash)
        .bind(locale)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok((inserted == 1).then_some(id))
}

pub async fn find_by_email(
    conn: Conn<'_>,
    email: &Email,
) -> Result<Option<UserRecord>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE email = $1");
    let found = on_conn!(conn, c => {
        let row = sqlx::query(&sql).bind(email.as_str()).fetch_optional(&mut *c).await?;
        row.as_ref().map(record).transpose()
    })?;
    Ok(found)
}

pub async fn find_by_id(conn: Conn<'_>, id: Uuid) -> Result<Option<UserRecord>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
    let found = on_conn!(conn, c => {
        let row = sqlx::query(&sql).bind(id).fetch_optional(&mut *c).await?;
        row.as_ref().map(record).transpose()
    })?;
    Ok(found)
}

/// Records that the person proved they own `email` (which must still be
/// the account's address, so an old link cannot verify a new address).
pub async fn mark_verified(conn: Conn<'_>, id: Uuid, email: &str) -> Result<bool, StorageError> {
    let now = Timestamp::now();
    let n = on_conn!(conn, c => {
        sqlx::query(
            "UPDATE users SET email_verified_at = $1, updated_at = $1 \
             WHERE id = $2 AND email = $3 AND deleted_at IS NULL",
        )
        .bind(now)
        .bind(id)
        .bind(email)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(n == 1)
}

/// The roles granted to `id` (residency is implied, never stored).
pub async fn roles(conn: Conn<'_>, id: Uuid) -> Result<Vec<Role>, StorageError> {
    let keys: Vec<String> = on_conn!(conn, c => {
        sqlx::query_scalar("SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role")
            .bind(id)
            .fetch_all(&mut *c)
            .await
    })?;
    Ok(keys.iter().filter_map(|k| Role::from_key(k)).collect())
}

/// Grants `role`; returns whether it was new.
pub async fn grant_role(
    conn: Conn<'_>,
    id: Uuid,
    role: Role,
    by: Option<Uuid>,
) -> Result<bool, StorageError> {
    let n = on_conn!(conn, c => {
        sqlx::query(
            "INSERT INTO user_roles (user_id, role, granted_at, granted_by) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (user_id, role) DO NOTHING",
        )
        .bind(id)
        .bind(role.key())
        .bind(Timestamp::now())
        .bind(by)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(n == 1)
}
