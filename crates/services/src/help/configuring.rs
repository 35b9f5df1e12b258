//! Administrators change the help routes' words, the services and where
//! "Exit this page" goes: every change checked by the domain, made in one
//! transaction with its audit entry, and nothing saved when any field is
//! refused.

use std::collections::BTreeMap;

use cohesion_domain::help::{
    self, parse_contact, parse_text, parse_url, Anonymity, RouteText, Service, ServiceText,
    MAX_CONTACTS, MAX_SHORT_CHARS, MAX_TEXT_CHARS,
};
use cohesion_domain::identity::Action;
use cohesion_domain::{ErrorCode, ValidationError};
use cohesion_storage::{help as store, Db};

use crate::accounts::SignedIn;
use crate::audit::{audit_log, Origin};
use crate::permissions::require;
use crate::ServiceError;

/// A route's words as typed, per language (locale to title, intro and
/// what happens next).
pub type RouteTexts = BTreeMap<String, RouteText>;

/// Changes the words of route `key`; the default language's title is
/// required, other languages may be left blank (they fall back).
pub async fn set_route_texts(
    db: &Db,
    me: &SignedIn,
    key: &str,
    default_lang: &str,
    typed: RouteTexts,
) -> Result<(), ServiceError> {
    require(me, Action::ConfigureHelp)?;
    let mut problems = Vec::new();
    let mut texts = BTreeMap::new();
    for (lang, t) in typed {
        let required = lang == default_lang;
        let title = keep(
            &mut problems,
            parse_text("title", &t.title, MAX_SHORT_CHARS, required),
        );
        let intro = keep(
            &mut problems,
            parse_text("intro", &t.intro, MAX_TEXT_CHARS, false),
        );
        let next = keep(
            &mut problems,
            parse_text("next", &t.next, MAX_TEXT_CHARS, false),
        );
        if let (Some(title), Some(intro), Some(next)) = (title, intro, next) {
            if !title.is_empty() {
                texts.insert(lang, RouteText { title, intro, next });
            }
        }
    }
    if !problems.is_empty() {
        return Err(ServiceError::invalid(problems));
    }
    let mut tx = db.begin().await?;
    let mut route = store::route_by_key(tx.conn(), key)
        .await?
        .ok_or(ServiceError::NotFound)?;
    route.texts = texts;
    store::set_route_texts(tx.conn(), &route).await?;
    audit_log(tx.conn(), origin(me), "help.route_edit", None, key).await?;
    tx.commit().await?;
    Ok(())
}

/// A service as typed in the configuration form.
#[derive(Debug, Clone, Default)]
pub struct ServiceInput {
    /// `None` for a new (local) service.
    pub id: Option<String>,
    pub routes: Vec<String>,
    pub areas: Vec<uuid::Uuid>,
    pub anonymous: String,
    /// (kind, value, hours) per contact; blank rows are left out.
    pub contacts: Vec<(String, String, String)>,
    /// Locale to name, description and languages offered.
    pub texts: BTreeMap<String, ServiceText>,
}

/// Checks `input` without saving: the service it describes, or every
/// problem with its field named.
pub fn check_service(input: &ServiceInput, default_lang: &str) -> Result<Service, ServiceError> {
    let mut problems = Vec::new();
    let routes: Vec<String> = input
        .routes
        .iter()
        .filter(|r| help::ROUTE_KEYS.contains(&r.as_str()))
        .cloned()
        .collect();
    if routes.is_empty() || routes.len() != input.routes.len() {
        problems.push(ValidationError::new("routes", ErrorCode::InvalidChoice));
    }
    let anonymous = keep(
        &mut problems,
        Anonymity::parse("anonymous", &input.anonymous),
    );
    let mut contacts = Vec::new();
    for (kind, value, hours) in &input.contacts {
        if kind.trim().is_empty() && value.trim().is_empty() && hours.trim().is_empty() {
            continue;
        }
        if let Some(c) = keep(&mut problems, parse_contact(kind, value, hours)) {
            contacts.push(c);
        }
    }
    if contacts.is_empty() && problems.iter().all(|p| !p.field.starts_with("contact")) {
        problems.push(ValidationError::new(
            "contact_value",
            ErrorCode::FieldRequired,
        ));
    }
    if contacts.len() > MAX_CONTACTS {
        problems.push(ValidationError::new(
            "contact_value",
            ErrorCode::TooManyChoices,
        ));
    }
    let mut texts = BTreeMap::new();
    for (lang, t) in &input.texts {
        let required = lang == default_lang;
        let name = keep(
            &mut problems,
            parse_text("name", &t.name, MAX_SHORT_CHARS, required),
        );
        let description = keep(
            &mut problems,
            parse_text("description", &t.description, MAX_TEXT_CHARS, false),
        );
        let languages = keep(
            &mut problems,
            parse_text("languages", &t.languages, MAX_SHORT_CHARS, false),
        );
        if let (Some(name), Some(description), Some(languages)) = (name, description, languages) {
            if !name.is_empty() {
                let text = ServiceText {
                    name,
                    description,
                    languages,
                };
                texts.insert(lang.clone(), text);
            }
        }
    }
    if !problems.is_empty() {
        return Err(ServiceError::invalid(problems));
    }
    Ok(Service {
        id: input
            .id
            .clone()
            .unwrap_or_else(|| cohesion_storage::new_id().to_string()),
        position: 0,
        local: input.id.is_none(),
        routes,
        areas: input.areas.clone(),
        anonymous: anonymous.unwrap_or(Anonymity::Choice),
        contacts,
        texts,
    })
}

/// Saves a service (a new local one, or changes to one in use); its id.
pub async fn save_service(
    db: &Db,
    me: &SignedIn,
    input: &ServiceInput,
    default_lang: &str,
) -> Result<String, ServiceError> {
    require(me, Action::ConfigureHelp)?;
    let mut service = check_service(input, default_lang)?;
    let mut tx = db.begin().await?;
    if let Some(id) = &input.id {
        let old = store::service_by_id(tx.conn(), id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        service.local = old.local;
    }
    store::save_service(tx.conn(), &service).await?;
    audit_log(
        tx.conn(),
        origin(me),
        "help.service_save",
        None,
        &service.id,
    )
    .await?;
    tx.commit().await?;
    Ok(service.id)
}

/// Retires a service: it is no longer shown.
pub async fn retire_service(db: &Db, me: &SignedIn, id: &str) -> Result<(), ServiceError> {
    require(me, Action::ConfigureHelp)?;
    let mut tx = db.begin().await?;
    if !store::retire_service(tx.conn(), id).await? {
        return Err(ServiceError::NotFound);
    }
    audit_log(tx.conn(), origin(me), "help.service_retire", None, id).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets where "Exit this page" goes.
pub async fn set_exit_url(db: &Db, me: &SignedIn, raw: &str) -> Result<(), ServiceError> {
    require(me, Action::ConfigureHelp)?;
    let url = parse_url("exit_url", raw)?;
    let mut tx = db.begin().await?;
    store::set_exit_url(tx.conn(), &url).await?;
    audit_log(tx.conn(), origin(me), "help.exit_change", None, &url).await?;
    tx.commit().await?;
    Ok(())
}

fn origin(me: &SignedIn) -> Origin<'static> {
    Origin {
        actor: Some(me.user_id),
        client: None,
    }
}

fn keep<T>(problems: &mut Vec<ValidationError>, r: Result<T, ValidationError>) -> Option<T> {
    r.map_err(|e| problems.push(e)).ok()
}
