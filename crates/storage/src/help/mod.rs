//! Getting help (migration 0035): the routes of the guided choice, the
//! services they name and the help settings. Small, bounded tables read
//! whole: a help page is one query for its route and one for the
//! services (at most `MAX_SERVICES`), never one per service.

use cohesion_domain::help::{Anonymity, Contact, Route, Service, MAX_SERVICES};

use crate::rows;
use crate::{Conn, StorageError, Timestamp};

fn route(r: &rows::Row) -> Result<Route, sqlx::Error> {
    let texts: String = r.get("texts")?;
    Ok(Route {
        key: r.get("key")?,
        position: r.get("position")?,
        // Written from checked values only: never malformed.
        texts: serde_json::from_str(&texts).unwrap_or_default(),
    })
}

fn service(r: &rows::Row) -> Result<Service, sqlx::Error> {
    let json = |c: &str| -> Result<String, sqlx::Error> { r.get(c) };
    let anonymous: String = r.get("anonymous")?;
    Ok(Service {
        id: r.get("id")?,
        position: r.get("position")?,
        local: r.get("local")?,
        routes: serde_json::from_str(&json("routes")?).unwrap_or_default(),
        areas: serde_json::from_str(&json("areas")?).unwrap_or_default(),
        anonymous: Anonymity::parse("anonymous", &anonymous).unwrap_or(Anonymity::Choice),
        contacts: serde_json::from_str::<Vec<Contact>>(&json("contacts")?).unwrap_or_default(),
        texts: serde_json::from_str(&json("texts")?).unwrap_or_default(),
    })
}

const SERVICE_COLUMNS: &str = "id, position, local, routes, areas, anonymous, contacts, texts";

/// Every route, in order (a handful).
pub async fn routes(conn: Conn<'_>) -> Result<Vec<Route>, StorageError> {
    let sql = format!(
        "SELECT key, position, texts FROM help_routes ORDER BY position, key {}",
        rows::limit(50)
    );
    rows::fetch_all(conn, &sql, &[], route).await
}

/// One route.
pub async fn route_by_key(conn: Conn<'_>, key: &str) -> Result<Option<Route>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT key, position, texts FROM help_routes WHERE key = $1",
        &[&key],
        route,
    )
    .await
}

/// The services in use, national first, then in order.
pub async fn services(conn: Conn<'_>) -> Result<Vec<Service>, StorageError> {
    let sql = format!(
        "SELECT {SERVICE_COLUMNS} FROM help_services WHERE retired_at IS NULL \
         ORDER BY local, position, id {}",
        rows::limit(MAX_SERVICES)
    );
    rows::fetch_all(conn, &sql, &[], service).await
}

/// One service in use.
pub async fn service_by_id(conn: Conn<'_>, id: &str) -> Result<Option<Service>, StorageError> {
    let sql =
        format!("SELECT {SERVICE_COLUMNS} FROM help_services WHERE id = $1 AND retired_at IS NULL");
    rows::fetch_optional(conn, &sql, &[&id], service).await
}

/// Replaces a route's words (every language).
pub async fn set_route_texts(conn: Conn<'_>, route: &Route) -> Result<bool, StorageError> {
    let texts = serde_json::to_string(&route.texts).expect("texts serialise");
    let n = rows::execute(
        conn,
        "UPDATE help_routes SET texts = $1, updated_at = $2 WHERE key = $3",
        &[&texts, &Timestamp::now(), &route.key],
    )
    .await?;
    Ok(n == 1)
}

/// Writes a service: a new one at the end of the list, or in place.
pub async fn save_service(mut conn: Conn<'_>, s: &Service) -> Result<(), StorageError> {
    let routes = serde_json::to_string(&s.routes).expect("a list serialises");
    let areas = serde_json::to_string(&s.areas).expect("a list serialises");
    let contacts = serde_json::to_string(&s.contacts).expect("a list serialises");
    let texts = serde_json::to_string(&s.texts).expect("texts serialise");
    let anonymous = s.anonymous.as_str();
    let now = Timestamp::now();
    let changed = rows::execute(
        conn.reborrow(),
        "UPDATE help_services SET routes = $1, areas = $2, anonymous = $3, contacts = $4, \
         texts = $5, updated_at = $6 WHERE id = $7 AND retired_at IS NULL",
        &[&routes, &areas, &anonymous, &contacts, &texts, &now, &s.id],
    )
    .await?;
    if changed == 1 {
        return Ok(());
    }
    let next: i64 = rows::fetch_one(
        conn.reborrow(),
        "SELECT COALESCE(MAX(position), 0) + 1 FROM help_services",
        &[],
        rows::scalar,
    )
    .await?;
    rows::execute(
        conn,
        "INSERT INTO help_services \
         (id, position, local, routes, areas, anonymous, contacts, texts, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        &[
            &s.id, &next, &s.local, &routes, &areas, &anonymous, &contacts, &texts, &now,
        ],
    )
    .await?;
    Ok(())
}

/// Retires a service: no longer shown, kept for the audit log's sake.
pub async fn retire_service(conn: Conn<'_>, id: &str) -> Result<bool, StorageError> {
    let n = rows::execute(
        conn,
        "UPDATE help_services SET retired_at = $1 WHERE id = $2 AND retired_at IS NULL",
        &[&Timestamp::now(), &id],
    )
    .await?;
    Ok(n == 1)
}

/// Where "Exit this page" goes.
pub async fn exit_url(conn: Conn<'_>) -> Result<Option<String>, StorageError> {
    rows::fetch_optional(
        conn,
        "SELECT exit_url FROM help_settings WHERE id = 1",
        &[],
        rows::scalar,
    )
    .await
}

/// Sets where "Exit this page" goes.
pub async fn set_exit_url(conn: Conn<'_>, url: &str) -> Result<(), StorageError> {
    let one: i64 = 1;
    rows::execute(
        conn,
        "UPDATE help_settings SET exit_url = $1 WHERE id = $2",
        &[&url, &one],
    )
    .await?;
    Ok(())
}
