//! Getting help (issue 19): the routes a person in need chooses from,
//! the services each route names and the ways to reach them, and the
//! rules for what administrators type (ADR 43). Cohesion signposts: it
//! keeps no case details about anybody.

mod hours;

use std::collections::BTreeMap;

pub use hours::{Hours, Openness, Span, MAX_HOURS_CHARS};

use crate::error::{ErrorCode, ErrorDetail, ValidationError};

/// The longest name, label or value, in characters.
pub const MAX_SHORT_CHARS: usize = 200;
/// The longest paragraph (an intro, what happens next), in characters.
pub const MAX_TEXT_CHARS: usize = 2000;
/// The most services the site lists, national and local together.
pub const MAX_SERVICES: i64 = 200;
/// The most ways to reach one service.
pub const MAX_CONTACTS: usize = 8;

/// The routes, in the order the guided choice offers them.
pub const ROUTE_KEYS: &[&str] = &["danger", "extremism", "online", "hate-crime", "talk"];

/// How a service is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    /// A telephone number: a `tel:` link.
    Phone,
    /// A number called through the text relay service (18000, 18001).
    TextRelay,
    /// A number to send a text message to.
    Sms,
    /// An online form or page.
    Online,
    /// A place to go in person (an address, written as people write it).
    InPerson,
}

impl ContactKind {
    pub const ALL: [ContactKind; 5] = [
        ContactKind::Phone,
        ContactKind::TextRelay,
        ContactKind::Sms,
        ContactKind::Online,
        ContactKind::InPerson,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ContactKind::Phone => "phone",
            ContactKind::TextRelay => "text_relay",
            ContactKind::Sms => "sms",
            ContactKind::Online => "online",
            ContactKind::InPerson => "in_person",
        }
    }

    pub fn parse(field: &'static str, raw: &str) -> Result<ContactKind, ValidationError> {
        ContactKind::ALL
            .into_iter()
            .find(|k| k.as_str() == raw.trim())
            .ok_or(ValidationError::new(field, ErrorCode::InvalidChoice))
    }

    /// Whether its value is a number to dial or text.
    pub fn is_number(self) -> bool {
        matches!(
            self,
            ContactKind::Phone | ContactKind::TextRelay | ContactKind::Sms
        )
    }
}

/// Whether a person can stay anonymous with a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anonymity {
    /// No name needed.
    Yes,
    /// They may ask for a name; giving one is a choice.
    Choice,
    /// A name and contact details are needed.
    No,
}

impl Anonymity {
    pub const ALL: [Anonymity; 3] = [Anonymity::Yes, Anonymity::Choice, Anonymity::No];

    pub fn as_str(self) -> &'static str {
        match self {
            Anonymity::Yes => "yes",
            Anonymity::Choice => "choice",
            Anonymity::No => "no",
        }
    }

    pub fn parse(field: &'static str, raw: &str) -> Result<Anonymity, ValidationError> {
        Anonymity::ALL
            .into_iter()
            .find(|k| k.as_str() == raw.trim())
            .ok_or(ValidationError::new(field, ErrorCode::InvalidChoice))
    }
}

/// One way to reach a service, as stored (checked when written).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Contact {
    pub kind: ContactKind,
    /// The number, the address of the form, or the place.
    pub value: String,
    /// Opening hours in the format of [`Hours`]; blank when not stated.
    #[serde(default)]
    pub hours: String,
}

impl Contact {
    /// The contact's hours (stored checked; unreadable ones count as
    /// unstated rather than failing a page).
    pub fn hours(&self) -> Hours {
        Hours::parse("hours", &self.hours).unwrap_or(Hours::Unstated)
    }

    /// The `tel:` or `sms:` address of a number: its digits and a
    /// leading plus only.
    pub fn dial(&self) -> Option<String> {
        let digits: String = self
            .value
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        match self.kind {
            ContactKind::Phone | ContactKind::TextRelay => Some(format!("tel:{digits}")),
            ContactKind::Sms => Some(format!("sms:{digits}")),
            _ => None,
        }
    }
}

/// A route's words in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RouteText {
    pub title: String,
    pub intro: String,
    /// What happens next, in plain words.
    pub next: String,
}

/// A service's words in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ServiceText {
    pub name: String,
    pub description: String,
    /// The languages it offers, as a sentence.
    #[serde(default)]
    pub languages: String,
}

/// A route of the guided choice, with its words in every language it
/// has them in (`language` first written; the others translations).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub key: String,
    pub position: i64,
    pub texts: BTreeMap<String, RouteText>,
}

/// A service a route names: national (shipped) or local (added by the
/// council, perhaps for some areas only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    pub id: String,
    pub position: i64,
    pub local: bool,
    pub routes: Vec<String>,
    pub areas: Vec<uuid::Uuid>,
    pub anonymous: Anonymity,
    pub contacts: Vec<Contact>,
    pub texts: BTreeMap<String, ServiceText>,
}

/// `texts`' entry in `locale`, else in `fallback`, else any, with the
/// language it is in.
pub fn text_in<'a, T>(
    texts: &'a BTreeMap<String, T>,
    locale: &'a str,
    fallback: &'a str,
) -> Option<(&'a str, &'a T)> {
    texts
        .get_key_value(locale)
        .or_else(|| texts.get_key_value(fallback))
        .or_else(|| texts.iter().next())
        .map(|(k, v)| (k.as_str(), v))
}

/// A telephone number or short code as administrators type it: digits,
/// spaces and a leading plus, 3 to 15 digits (999, 101, 116 123 and
/// 0800 011 3764 all pass).
pub fn parse_phone(field: &'static str, raw: &str) -> Result<String, ValidationError> {
    let value = raw.trim();
    let shape = value
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || c == ' ' || (c == '+' && i == 0));
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if value.is_empty() {
        return Err(ValidationError::new(field, ErrorCode::FieldRequired));
    }
    if !shape || !(3..=15).contains(&digits) || value.len() > 30 {
        return Err(ValidationError::new(field, ErrorCode::InvalidPhone));
    }
    Ok(value.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A web address a help page may link to: `https://` or `http://`, a
/// host, no user name or password, no spaces or control characters.
pub fn parse_url(field: &'static str, raw: &str) -> Result<String, ValidationError> {
    let value = raw.trim();
    let bad = || ValidationError::new(field, ErrorCode::InvalidUrl);
    if value.is_empty() {
        return Err(ValidationError::new(field, ErrorCode::FieldRequired));
    }
    if value.len() > 500 || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad());
    }
    let lower = value.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or_else(bad)?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') || authority.contains('\\') {
        return Err(bad());
    }
    let host = authority.split(':').next().unwrap_or_default();
    let host_ok = !host.is_empty()
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    if !host_ok {
        return Err(bad());
    }
    Ok(value.to_owned())
}

/// A line of text: required when `required`, one line, at most `max`.
pub fn parse_text(
    field: &'static str,
    raw: &str,
    max: usize,
    required: bool,
) -> Result<String, ValidationError> {
    let value = raw.trim();
    if value.is_empty() && required {
        return Err(ValidationError::new(field, ErrorCode::FieldRequired));
    }
    if value.chars().count() > max || value.contains('\0') {
        return Err(ValidationError::new(field, ErrorCode::FieldTooLong)
            .with_detail(ErrorDetail::Limit(max as u32)));
    }
    Ok(value.replace("\r\n", "\n"))
}

/// A contact as typed, checked: its value by its kind, its hours.
pub fn parse_contact(kind: &str, value: &str, hours: &str) -> Result<Contact, ValidationError> {
    let kind = ContactKind::parse("contact_kind", kind)?;
    let value = if kind.is_number() {
        parse_phone("contact_value", value)?
    } else if kind == ContactKind::Online {
        parse_url("contact_value", value)?
    } else {
        parse_text("contact_value", value, MAX_SHORT_CHARS, true)?
    };
    Hours::parse("contact_hours", hours)?;
    Ok(Contact {
        kind,
        value,
        hours: hours.trim().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_and_short_codes() {
        for ok in [
            "999",
            "101",
            "116 123",
            "0800 011 3764",
            "+44 1632 960001",
            "18000",
        ] {
            assert!(parse_phone("p", ok).is_ok(), "{ok}");
        }
        for bad in [
            "12",
            "call 999",
            "0800-011",
            "+",
            "1234567890123456",
            "99+9",
            "tel:999",
        ] {
            let e = parse_phone("contact_value", bad).unwrap_err();
            assert_eq!(
                (e.field, e.code),
                ("contact_value", ErrorCode::InvalidPhone),
                "{bad}"
            );
        }
    }

    #[test]
    fn web_addresses() {
        for ok in [
            "https://www.gov.uk/report-terrorism",
            "http://example.org",
            "https://example.org:8443/a?b=c#d",
        ] {
            assert!(parse_url("u", ok).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,hi",
            "https://user:pw@example.org/",
            "https://user@example.org/",
            "https:///path",
            "ftp://example.org",
            "https://exa mple.org",
            "//example.org",
            "https://exa<mple.org",
        ] {
            let e = parse_url("contact_value", bad).unwrap_err();
            assert_eq!(
                (e.field, e.code),
                ("contact_value", ErrorCode::InvalidUrl),
                "{bad}"
            );
        }
    }

    #[test]
    fn contacts_are_checked_by_kind() {
        assert!(parse_contact("phone", "999", "24/7").is_ok());
        let e = parse_contact("online", "javascript:x", "").unwrap_err();
        assert_eq!(e.field, "contact_value");
        let e = parse_contact("phone", "101", "Mon 25:00-26:00").unwrap_err();
        assert_eq!(
            (e.field, e.code),
            ("contact_hours", ErrorCode::InvalidHours)
        );
        let c = parse_contact("sms", "+44 7700 900 123", "").unwrap();
        assert_eq!(c.dial().unwrap(), "sms:+447700900123");
    }
}
