//! Getting help (issue 19, ADR 43): the guided choice and its routes for
//! everyone, and their configuration for administrators. Cohesion only
//! signposts: nothing here records anything about the person asking.

pub mod configuring;
pub mod demo;

use cohesion_domain::help::{Route, Service};
use cohesion_storage::{help, Db};

use crate::ServiceError;

/// The neutral site "Exit this page" goes to when none is set.
pub const DEFAULT_EXIT_URL: &str = "https://www.bbc.co.uk/weather";

/// One route of the guided choice with the services it names.
#[derive(Debug, Clone)]
pub struct RoutePage {
    pub route: Route,
    /// National services first, then local ones, in order.
    pub services: Vec<Service>,
    pub exit_url: String,
}

/// The guided choice: every route, in order, and where "Exit" goes.
pub async fn guide(db: &Db) -> Result<(Vec<Route>, String), ServiceError> {
    let mut conn = db.acquire().await?;
    let routes = help::routes(conn.conn()).await?;
    let exit = help::exit_url(conn.conn()).await?;
    Ok((routes, exit.unwrap_or_else(|| DEFAULT_EXIT_URL.to_owned())))
}

/// The route `key` with its services; `NotFound` for a key it does not
/// have.
pub async fn route(db: &Db, key: &str) -> Result<RoutePage, ServiceError> {
    let mut conn = db.acquire().await?;
    let route = help::route_by_key(conn.conn(), key)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let services = help::services(conn.conn())
        .await?
        .into_iter()
        .filter(|s| s.routes.contains(&route.key))
        .collect();
    let exit_url = help::exit_url(conn.conn())
        .await?
        .unwrap_or_else(|| DEFAULT_EXIT_URL.to_owned());
    Ok(RoutePage {
        route,
        services,
        exit_url,
    })
}

/// Every service in use, for the configuration pages.
pub async fn services(db: &Db) -> Result<Vec<Service>, ServiceError> {
    let mut conn = db.acquire().await?;
    Ok(help::services(conn.conn()).await?)
}
