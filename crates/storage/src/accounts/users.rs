//! People and their roles. Personal data lives only here.

use cohesion_domain::identity::{DisplayName, Email, Role};
use uuid::Uuid;

use crate::rows::{self, Param, Row};
use crate::{new_id, Conn, StorageError, Timestamp};

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
    pub created_at: Timestamp,
}

const COLUMNS: &str =
    "id, email, display_name, password_hash, locale, email_verified_at, suspended_at, deleted_at, created_at";

pub(crate) fn record(r: &Row) -> Result<UserRecord, sqlx::Error> {
    Ok(UserRecord {
        id: r.get("id")?,
        email: r.get("email")?,
        display_name: r.get("display_name")?,
        password_hash: r.get("password_hash")?,
        locale: r.get("locale")?,
        email_verified_at: r.get("email_verified_at")?,
        suspended_at: r.get("suspended_at")?,
        deleted_at: r.get("deleted_at")?,
        created_at: r.get("created_at")?,
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
    let inserted = rows::execute(
        conn,
        "INSERT INTO users (id, email, display_name, password_hash, locale, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (email) DO NOTHING",
        &[&id, &email.as_str(), &name.as_str(), &password_hash, &locale, &now],
    )
    .await?;
    Ok((inserted == 1).then_some(id))
}

pub async fn find_by_email(
    conn: Conn<'_>,
    email: &Email,
) -> Result<Option<UserRecord>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE email = $1");
    rows::fetch_optional(conn, &sql, &[&email.as_str()], record).await
}

pub async fn find_by_id(conn: Conn<'_>, id: Uuid) -> Result<Option<UserRecord>, StorageError> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
    rows::fetch_optional(conn, &sql, &[&id], record).await
}

/// Records that the person proved they own `email` (which must still be
/// the account's address, so an old link cannot verify a new address).
pub async fn mark_verified(conn: Conn<'_>, id: Uuid, email: &str) -> Result<bool, StorageError> {
    let now = Timestamp::now();
    let n = rows::execute(
        conn,
        "UPDATE users SET email_verified_at = $1, updated_at = $1 \
         WHERE id = $2 AND email = $3 AND deleted_at IS NULL",
        &[&now, &id, &email],
    )
    .await?;
    Ok(n == 1)
}

/// The roles granted to `id` (residency is implied, never stored).
pub async fn roles(conn: Conn<'_>, id: Uuid) -> Result<Vec<Role>, StorageError> {
    let keys: Vec<String> = rows::fetch_all(
        conn,
        "SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role",
        &[&id],
        rows::scalar,
    )
    .await?;
    Ok(keys.iter().filter_map(|k| Role::from_key(k)).collect())
}

/// Grants `role`; returns whether it was new.
pub async fn grant_role(
    conn: Conn<'_>,
    id: Uuid,
    role: Role,
    by: Option<Uuid>,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "INSERT INTO user_roles (user_id, role, granted_at, granted_by) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (user_id, role) DO NOTHING",
        &[&id, &role.key(), &Timestamp::now(), &by],
    )
    .await?;
    Ok(n == 1)
}

/// Withdraws `role`; returns whether it was held.
pub async fn revoke_role(conn: Conn<'_>, id: Uuid, role: Role) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "DELETE FROM user_roles WHERE user_id = $1 AND role = $2",
        &[&id, &role.key()],
    )
    .await?;
    Ok(n == 1)
}

/// The roles of several people at once (one query for a whole list).
pub async fn roles_of(conn: Conn<'_>, ids: &[Uuid]) -> Result<Vec<(Uuid, Role)>, StorageError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT user_id, role FROM user_roles WHERE user_id IN ({}) ORDER BY user_id, role",
        placeholders.join(", ")
    );
    let params: Vec<&dyn Param> = ids.iter().map(|id| id as &dyn Param).collect();
    let found: Vec<(Uuid, String)> = rows::fetch_all(conn, &sql, &params, rows::tuple).await?;
    Ok(found
        .into_iter()
        .filter_map(|(id, key)| Role::from_key(&key).map(|r| (id, r)))
        .collect())
}

/// The display names of several accounts at once, deleted ones
/// included (their name is gone): (id, name, whether deleted), in one
/// query; ids of no account are left out.
pub async fn names_of(
    conn: Conn<'_>,
    ids: &[Uuid],
) -> Result<Vec<(Uuid, Option<String>, bool)>, StorageError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT id, display_name, deleted_at FROM users WHERE id IN ({})",
        placeholders.join(", ")
    );
    let params: Vec<&dyn Param> = ids.iter().map(|id| id as &dyn Param).collect();
    rows::fetch_all(conn, &sql, &params, |r| {
        Ok((
            r.get("id")?,
            r.get("display_name")?,
            r.get::<Option<Timestamp>>("deleted_at")?.is_some(),
        ))
    })
    .await
}

/// Sets one personal field. `column` is one of ours, never user input.
async fn set_text(
    conn: Conn<'_>,
    id: Uuid,
    column: &'static str,
    value: &str,
) -> Result<bool, StorageError> {
    let sql = format!(
        "UPDATE users SET {column} = $1, updated_at = $2 WHERE id = $3 AND deleted_at IS NULL"
    );
    let n = rows::execute(conn, &sql, &[&value, &Timestamp::now(), &id]).await?;
    Ok(n == 1)
}

pub async fn set_display_name(
    conn: Conn<'_>,
    id: Uuid,
    name: &DisplayName,
) -> Result<bool, StorageError> {
    set_text(conn, id, "display_name", name.as_str()).await
}

pub async fn set_password_hash(conn: Conn<'_>, id: Uuid, hash: &str) -> Result<bool, StorageError> {
    set_text(conn, id, "password_hash", hash).await
}

pub async fn set_locale(conn: Conn<'_>, id: Uuid, locale: &str) -> Result<bool, StorageError> {
    set_text(conn, id, "locale", locale).await
}

/// Moves the account to a new, just-proved address. `false` if another
/// account took the address meanwhile (the unique index decides).
pub async fn change_email(conn: Conn<'_>, id: Uuid, email: &str) -> Result<bool, StorageError> {
    let now = Timestamp::now();
    let n = rows::execute(
        conn,
        "UPDATE users SET email = $1, email_verified_at = $2, updated_at = $2 \
         WHERE id = $3 AND deleted_at IS NULL AND suspended_at IS NULL \
         AND NOT EXISTS (SELECT 1 FROM users WHERE email = $1)",
        &[&email, &now, &id],
    )
    .await?;
    Ok(n == 1)
}

/// Suspends (`Some(time)`) or reinstates (`None`); returns whether the
/// state changed.
pub async fn set_suspended(
    conn: Conn<'_>,
    id: Uuid,
    at: Option<Timestamp>,
) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE users SET suspended_at = $1, updated_at = $2 \
         WHERE id = $3 AND deleted_at IS NULL AND (suspended_at IS NULL) = ($1 IS NOT NULL)",
        &[&at, &Timestamp::now(), &id],
    )
    .await?;
    Ok(n == 1)
}

/// Erases the person: every personal column cleared, roles withdrawn.
/// The row stays so that what they contributed keeps an author to point
/// at ("Anonymous – account deleted").
pub async fn erase(mut conn: Conn<'_>, id: Uuid) -> Result<bool, StorageError> {
    let now = Timestamp::now();
    rows::execute(
        conn.reborrow(),
        "DELETE FROM user_roles WHERE user_id = $1",
        &[&id],
    )
    .await?;
    let n = rows::execute(
        conn,
        "UPDATE users SET email = NULL, display_name = NULL, password_hash = NULL, \
         locale = NULL, email_verified_at = NULL, suspended_at = NULL, \
         deleted_at = $1, updated_at = $1 WHERE id = $2 AND deleted_at IS NULL",
        &[&now, &id],
    )
    .await?;
    Ok(n == 1)
}

/// One line of the administrators' list of people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserSummary {
    pub id: Uuid,
    pub email: Option<String>,
    pub display_name: Option<String>,
    pub verified: bool,
    pub suspended: bool,
    pub created_at: Timestamp,
}

/// What to look for in the list of people.
#[derive(Debug, Clone, Default)]
pub struct UserQuery<'a> {
    /// Part of an email address or display name (case-insensitive).
    pub text: &'a str,
    pub role: Option<Role>,
    /// Ids greater than this (the last of the previous page).
    pub after: Option<Uuid>,
    pub limit: i64,
}

/// People matching `q`, oldest account first, excluding deleted ones.
/// Residency is everyone's and never stored: looking for residents finds
/// the people who hold no other role.
pub async fn search(conn: Conn<'_>, q: &UserQuery<'_>) -> Result<Vec<UserSummary>, StorageError> {
    let pattern = if q.text.trim().is_empty() {
        None
    } else {
        Some(format!("%{}%", escape_like(&q.text.trim().to_lowercase())))
    };
    rows::fetch_all(
        conn,
        "SELECT id, email, display_name, email_verified_at, suspended_at, created_at FROM users \
         WHERE deleted_at IS NULL \
         AND ($1 IS NULL OR email LIKE $1 ESCAPE '\\' OR lower(display_name) LIKE $1 ESCAPE '\\') \
         AND ($2 IS NULL OR id IN (SELECT user_id FROM user_roles WHERE role = $2) \
              OR ($2 = 'resident' AND id NOT IN (SELECT user_id FROM user_roles))) \
         AND ($3 IS NULL OR id > $3) \
         ORDER BY id LIMIT $4",
        &[
            &pattern.as_deref(),
            &q.role.map(Role::key),
            &q.after,
            &q.limit,
        ],
        |r| {
            Ok(UserSummary {
                id: r.get("id")?,
                email: r.get("email")?,
                display_name: r.get("display_name")?,
                verified: r.get::<Option<Timestamp>>("email_verified_at")?.is_some(),
                suspended: r.get::<Option<Timestamp>>("suspended_at")?.is_some(),
                created_at: r.get("created_at")?,
            })
        },
    )
    .await
}

/// Makes `%`, `_` and `\` in typed text match themselves in LIKE.
fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// How many live, unsuspended accounts hold `role`.
pub async fn count_with_role(conn: Conn<'_>, role: Role) -> Result<i64, StorageError> {
    rows::fetch_one(
        conn,
        "SELECT COUNT(*) FROM user_roles r JOIN users u ON u.id = r.user_id \
         WHERE r.role = $1 AND u.deleted_at IS NULL AND u.suspended_at IS NULL",
        &[&role.key()],
        rows::scalar,
    )
    .await
}
