//! Community messages by email (issue 19): what a subscriber chooses to
//! hear about, the topics officers manage, and the messages officers
//! write, with the rules that need no database (ADR 45).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{ErrorCode, ValidationError};
use crate::text;
use crate::timestamp::Timestamp;

/// The longest subject, in characters.
pub const MAX_SUBJECT_CHARS: usize = 150;
/// The longest body, in characters.
pub const MAX_BODY_CHARS: usize = 20_000;
/// How long a confirmation link works, in days.
pub const CONFIRM_DAYS: i64 = 7;
/// The languages a subscriber may choose to receive messages in.
pub const LANGUAGES: [&str; 2] = ["en", "ar"];

/// A topic subscribers choose (community safety, online safety…), with
/// its name in every language it has one in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    pub id: Uuid,
    pub name: String,
    pub language: String,
    pub translations: BTreeMap<String, String>,
}

impl Topic {
    /// Its name in `locale`, or as first written where it has none.
    pub fn name_in(&self, locale: &str) -> &str {
        self.translations
            .get(locale)
            .filter(|n| !n.trim().is_empty())
            .map_or(self.name.as_str(), String::as_str)
    }
}

/// What a subscriber hears about: every area or some, and the topics.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choices {
    pub all_areas: bool,
    pub areas: Vec<Uuid>,
    pub topics: Vec<Uuid>,
}

impl Choices {
    /// Checks the choices against the areas and topics the site has:
    /// at least one area (or all) and one topic, none unknown.
    pub fn checked(
        mut self,
        known_areas: &[Uuid],
        known_topics: &[Uuid],
    ) -> Result<Choices, Vec<ValidationError>> {
        let mut problems = Vec::new();
        self.areas.sort();
        self.areas.dedup();
        self.topics.sort();
        self.topics.dedup();
        if self.all_areas {
            self.areas.clear();
        }
        if self.areas.iter().any(|a| !known_areas.contains(a)) {
            problems.push(ValidationError::new("areas", ErrorCode::InvalidChoice));
        } else if !self.all_areas && self.areas.is_empty() {
            problems.push(ValidationError::new("areas", ErrorCode::FieldRequired));
        }
        if self.topics.iter().any(|t| !known_topics.contains(t)) {
            problems.push(ValidationError::new("topics", ErrorCode::InvalidChoice));
        } else if self.topics.is_empty() {
            problems.push(ValidationError::new("topics", ErrorCode::FieldRequired));
        }
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(problems)
        }
    }
}

/// A subscriber's language, checked: one of [`LANGUAGES`].
pub fn parse_language(raw: &str) -> Result<&'static str, ValidationError> {
    LANGUAGES
        .into_iter()
        .find(|l| *l == raw.trim())
        .ok_or_else(|| ValidationError::new("language", ErrorCode::InvalidChoice))
}

/// A message's words in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wording {
    pub subject: String,
    pub body: String,
}

impl Wording {
    /// Checks a subject (one line) and a body (plain text or the site's
    /// safe Markdown), each required and bounded.
    pub fn parse(subject: &str, body: &str) -> Result<Wording, Vec<ValidationError>> {
        let subject = text::required_line("subject", subject, MAX_SUBJECT_CHARS);
        let body = text::required("body", body, MAX_BODY_CHARS);
        match (subject, body) {
            (Ok(subject), Ok(body)) => Ok(Wording { subject, body }),
            (s, b) => Err([s.err(), b.err()].into_iter().flatten().collect()),
        }
    }
}

/// Where a message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Being written: not yet sent.
    Draft,
    /// To go out at a set time.
    Scheduled,
    /// Due, and being written to the outbox.
    Sending,
    /// Written to the outbox: it has gone out, or is going.
    Sent,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Scheduled => "scheduled",
            Status::Sending => "sending",
            Status::Sent => "sent",
        }
    }
}

/// A message officers wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: Uuid,
    pub original: Wording,
    pub language: String,
    /// Other languages: locale to wording.
    pub translations: BTreeMap<String, Wording>,
    pub all_areas: bool,
    pub areas: Vec<Uuid>,
    pub topics: Vec<Uuid>,
    pub created_at: Timestamp,
    pub send_at: Option<Timestamp>,
    pub queued_at: Option<Timestamp>,
    pub queued: i64,
}

impl Message {
    /// Where it stands at `now`.
    pub fn status(&self, now: Timestamp) -> Status {
        match (self.send_at, self.queued_at) {
            (_, Some(_)) => Status::Sent,
            (None, None) => Status::Draft,
            (Some(at), None) if at.as_offset() > now.as_offset() => Status::Scheduled,
            (Some(_), None) => Status::Sending,
        }
    }

    /// Its words in `locale` and the language they are in: the
    /// translation when there is a complete one, else the original.
    pub fn in_language<'a>(&'a self, locale: &'a str) -> (&'a Wording, &'a str) {
        match self.translations.get(locale) {
            Some(w)
                if locale != self.language
                    && !w.subject.trim().is_empty()
                    && !w.body.trim().is_empty() =>
            {
                (w, locale)
            }
            _ => (&self.original, &self.language),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_need_an_area_and_a_topic_the_site_has() {
        let a = Uuid::now_v7();
        let t = Uuid::now_v7();
        let ok = Choices {
            all_areas: false,
            areas: vec![a, a],
            topics: vec![t],
        }
        .checked(&[a], &[t])
        .unwrap();
        assert_eq!(ok.areas, vec![a]);
        let all = Choices {
            all_areas: true,
            areas: vec![a],
            topics: vec![t],
        }
        .checked(&[a], &[t])
        .unwrap();
        assert!(all.areas.is_empty());
        let none = Choices::default().checked(&[a], &[t]).unwrap_err();
        assert_eq!(none.len(), 2);
        let forged = Choices {
            all_areas: false,
            areas: vec![Uuid::now_v7()],
            topics: vec![t],
        }
        .checked(&[a], &[t])
        .unwrap_err();
        assert_eq!(forged[0].code, ErrorCode::InvalidChoice);
    }

    #[test]
    fn a_message_falls_back_to_its_original() {
        let mut m = Message {
            id: Uuid::nil(),
            original: Wording {
                subject: "Hello".into(),
                body: "Text".into(),
            },
            language: "en".into(),
            translations: BTreeMap::new(),
            all_areas: true,
            areas: vec![],
            topics: vec![],
            created_at: Timestamp::now(),
            send_at: None,
            queued_at: None,
            queued: 0,
        };
        assert_eq!(m.in_language("ar").1, "en");
        m.translations.insert(
            "ar".into(),
            Wording {
                subject: "مرحبا".into(),
                body: String::new(),
            },
        );
        assert_eq!(m.in_language("ar").1, "en", "incomplete");
        m.translations.get_mut("ar").unwrap().body = "نص".into();
        assert_eq!(m.in_language("ar").0.subject, "مرحبا");
        assert_eq!(m.status(Timestamp::now()), Status::Draft);
    }
}
