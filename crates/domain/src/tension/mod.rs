//! Community tension reports (issue 19): what a resident or partner tells
//! the council about tension in an area, checked and with personal data
//! masked before anything is stored (`masking`), and the rules of the
//! officers' counts (weeks, small-count suppression).
//!
//! Reports are anonymous by design: nothing here names who sent one.

mod masking;

pub use masking::mask;

use time::{Date, Duration, Weekday};
use uuid::Uuid;

use crate::consultation::parse_date;
use crate::error::{ErrorCode, ErrorDetail, ValidationError};

/// The longest account of what happened, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;

/// Counts from 1 up to this are shown as "fewer than 5", never exactly.
pub const SMALLEST_SHOWN: u64 = 5;

/// The retention period an administrator may choose, in days.
pub const RETENTION_DAYS: std::ops::RangeInclusive<i64> = 7..=730;

/// The review promise an administrator may make, in working days.
pub const REVIEW_WORKING_DAYS: std::ops::RangeInclusive<i64> = 1..=30;

/// The area value of "Somewhere else / not sure".
pub const ELSEWHERE: &str = "elsewhere";

/// The site's choices about tension reports, set by administrators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Whether the form takes reports (on unless switched off).
    pub enabled: bool,
    /// Days a report's text is kept before it is deleted.
    pub retention_days: i64,
    /// The working days within which the council promises to look.
    pub review_working_days: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            enabled: true,
            retention_days: 90,
            review_working_days: 2,
        }
    }
}

impl Settings {
    /// Checks what an administrator typed.
    pub fn parse(
        enabled: bool,
        retention_days: &str,
        review_working_days: &str,
    ) -> Result<Settings, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let mut number =
            |field: &'static str, raw: &str, range: std::ops::RangeInclusive<i64>| match raw
                .trim()
                .parse::<i64>(
            ) {
                _ if raw.trim().is_empty() => {
                    errors.push(ValidationError::new(field, ErrorCode::FieldRequired));
                    0
                }
                Ok(n) if range.contains(&n) => n,
                _ => {
                    errors.push(ValidationError::new(field, ErrorCode::OutOfRange));
                    0
                }
            };
        let retention_days = number("retention_days", retention_days, RETENTION_DAYS);
        let review_working_days = number(
            "review_working_days",
            review_working_days,
            REVIEW_WORKING_DAYS,
        );
        if errors.is_empty() {
            Ok(Settings {
                enabled,
                retention_days,
                review_working_days,
            })
        } else {
            Err(errors)
        }
    }
}

/// What kind of tension a report is about: a fixed list, so that the
/// counts mean the same everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    HateIncident,
    GraffitiOrSymbols,
    OnlineContent,
    ProtestOrGathering,
    DisorderOrDamage,
    Other,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::HateIncident,
        Kind::GraffitiOrSymbols,
        Kind::OnlineContent,
        Kind::ProtestOrGathering,
        Kind::DisorderOrDamage,
        Kind::Other,
    ];

    /// Its stable key: stored, sent in forms and the API, and the end of
    /// its message id (`tension-kind-<key>`).
    pub const fn key(self) -> &'static str {
        match self {
            Kind::HateIncident => "hate_incident",
            Kind::GraffitiOrSymbols => "graffiti_or_symbols",
            Kind::OnlineContent => "online_content",
            Kind::ProtestOrGathering => "protest_or_gathering",
            Kind::DisorderOrDamage => "disorder_or_damage",
            Kind::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// Whether the person has told the police.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Police {
    Yes,
    No,
    DontKnow,
}

impl Police {
    pub const ALL: [Police; 3] = [Police::Yes, Police::No, Police::DontKnow];

    pub const fn key(self) -> &'static str {
        match self {
            Police::Yes => "yes",
            Police::No => "no",
            Police::DontKnow => "dont_know",
        }
    }

    pub fn from_key(key: &str) -> Option<Police> {
        Police::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// Where it happened: one of the council's areas, or "somewhere else /
/// not sure".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    Area(Uuid),
    Elsewhere,
}

impl Place {
    /// As stored and sent: the area's id, or `elsewhere`.
    pub fn key(self) -> String {
        match self {
            Place::Area(id) => id.to_string(),
            Place::Elsewhere => ELSEWHERE.to_owned(),
        }
    }

    pub fn from_key(key: &str) -> Option<Place> {
        if key == ELSEWHERE {
            return Some(Place::Elsewhere);
        }
        Uuid::parse_str(key).ok().map(Place::Area)
    }
}

/// A report as typed: every field raw.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct ReportInput {
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub occurred_on: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub police: String,
}

/// A checked report, its text already masked: what may be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReport {
    pub place: Place,
    pub kind: Kind,
    pub occurred_on: Date,
    /// What happened, with names, addresses, numbers and postcodes masked.
    pub text: String,
    pub police: Police,
}

impl NewReport {
    /// Checks every field of `input` (all problems at once) against the
    /// areas in use (`areas`: id and every name it has, which masking
    /// leaves alone) and `today` in the site's zone; masks the text.
    pub fn parse(
        input: &ReportInput,
        areas: &[(Uuid, Vec<String>)],
        today: Date,
    ) -> Result<NewReport, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let place = match Place::from_key(input.area.trim()) {
            _ if input.area.trim().is_empty() => {
                errors.push(ValidationError::new("area", ErrorCode::FieldRequired));
                None
            }
            Some(Place::Area(id)) if !areas.iter().any(|(a, _)| *a == id) => {
                errors.push(ValidationError::new("area", ErrorCode::InvalidChoice));
                None
            }
            Some(p) => Some(p),
            None => {
                errors.push(ValidationError::new("area", ErrorCode::InvalidChoice));
                None
            }
        };
        let kind = choice(&mut errors, "kind", &input.kind, Kind::from_key);
        let occurred_on = match parse_occurred_on(&input.occurred_on, today) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let text = match check_text(&input.text) {
            Ok(t) => {
                let names: Vec<&str> = areas
                    .iter()
                    .flat_map(|(_, n)| n.iter().map(String::as_str))
                    .collect();
                Some(mask(&t, &names))
            }
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let police = choice(&mut errors, "police", &input.police, Police::from_key);
        match (place, kind, occurred_on, text, police) {
            (Some(place), Some(kind), Some(occurred_on), Some(text), Some(police))
                if errors.is_empty() =>
            {
                Ok(NewReport {
                    place,
                    kind,
                    occurred_on,
                    text,
                    police,
                })
            }
            _ => Err(errors),
        }
    }
}

fn choice<T>(
    errors: &mut Vec<ValidationError>,
    field: &'static str,
    raw: &str,
    parse: fn(&str) -> Option<T>,
) -> Option<T> {
    let raw = raw.trim();
    if raw.is_empty() {
        errors.push(ValidationError::new(field, ErrorCode::FieldRequired));
        return None;
    }
    let v = parse(raw);
    if v.is_none() {
        errors.push(ValidationError::new(field, ErrorCode::InvalidChoice));
    }
    v
}

/// The day it happened: a real date, not after `today`.
pub fn parse_occurred_on(raw: &str, today: Date) -> Result<Date, ValidationError> {
    const FIELD: &str = "occurred_on";
    if raw.trim().is_empty() {
        return Err(ValidationError::new(FIELD, ErrorCode::FieldRequired));
    }
    let date = parse_date(FIELD, raw)?;
    if date > today {
        return Err(ValidationError::new(FIELD, ErrorCode::DateInFuture));
    }
    Ok(date)
}

/// What happened, checked: not blank, not too long, plain text (no
/// markup, no NUL or other control characters but line breaks and tabs).
pub fn check_text(raw: &str) -> Result<String, ValidationError> {
    const FIELD: &str = "text";
    let text = raw.trim();
    if text.is_empty() {
        return Err(ValidationError::new(FIELD, ErrorCode::FieldRequired));
    }
    if text.contains('\0') {
        return Err(ValidationError::new(FIELD, ErrorCode::NulCharacter));
    }
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(ValidationError::new(FIELD, ErrorCode::FieldTooLong)
            .with_detail(ErrorDetail::Limit(MAX_TEXT_CHARS as u32)));
    }
    if has_markup(text) {
        return Err(ValidationError::new(FIELD, ErrorCode::MarkupNotAllowed));
    }
    let clean: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    Ok(clean)
}

/// Whether `text` holds something a browser would read as a tag or a
/// comment: `<` before a letter, `/`, `!` or `?`. "<3" and "a < b" pass.
pub fn has_markup(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' {
            if let Some(&n) = chars.peek() {
                if n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?') {
                    return true;
                }
            }
        }
    }
    false
}

/// The Monday that starts the week `date` is in: the counts' week.
pub fn week_of(date: Date) -> Date {
    let back = date.weekday().number_days_from_monday();
    date - Duration::days(i64::from(back))
}

/// The Mondays of the `weeks` weeks up to and including `today`'s, oldest
/// first.
pub fn recent_weeks(today: Date, weeks: u32) -> Vec<Date> {
    let last = week_of(today);
    (0..weeks)
        .rev()
        .map(|i| last - Duration::weeks(i64::from(i)))
        .collect()
}

/// A count as officers may see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// Shown: none at all, or at least [`SMALLEST_SHOWN`].
    Shown(u64),
    /// From 1 to 4: "fewer than 5".
    FewerThanSmallest,
    /// At least [`SMALLEST_SHOWN`], hidden so that a smaller count cannot
    /// be worked out from the others and the total.
    Hidden,
}

impl Figure {
    /// How `n` shows when it is not hidden for another's sake.
    pub fn of(n: u64) -> Figure {
        if n == 0 || n >= SMALLEST_SHOWN {
            Figure::Shown(n)
        } else {
            Figure::FewerThanSmallest
        }
    }
}

/// Whether a Monday is one.
pub fn is_monday(date: Date) -> bool {
    date.weekday() == Weekday::Monday
}

#[cfg(test)]
mod tests;
