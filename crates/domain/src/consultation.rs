//! Consultations: what officers write, when a consultation is open, and
//! the timeline of stages from the challenge to the published report.

use serde::{Deserialize, Serialize};
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{Date, OffsetDateTime};

use uuid::Uuid;

use crate::error::{DocumentFault, DocumentProblem, ErrorCode, ErrorDetail, ValidationError};
pub use crate::languages::Languages;
use crate::local_time::SiteZone;
use crate::text::{optional, required, required_line};
use crate::timestamp::Timestamp;

/// A title is a heading on every page that names the consultation: long
/// enough for a sentence, short enough to stay a heading.
pub const MAX_TITLE_CHARS: usize = 150;
pub const MAX_SUMMARY_CHARS: usize = 1_000;
pub const MAX_BODY_CHARS: usize = 20_000;
pub const MAX_TOPIC_CHARS: usize = 60;
pub const MAX_AREA_CHARS: usize = 100;
pub const MAX_STAGES: usize = 20;
pub const MAX_STAGE_NAME_CHARS: usize = 120;
pub const MAX_STAGE_TEXT_CHARS: usize = 1_000;

/// Whether a consultation takes responses, from its dates alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Upcoming,
    Open,
    Closed,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Upcoming, Status::Open, Status::Closed];

    /// Open from `opens` (inclusive) until `closes` (exclusive).
    pub fn at(opens: OffsetDateTime, closes: OffsetDateTime, now: OffsetDateTime) -> Status {
        if now < opens {
            Status::Upcoming
        } else if now < closes {
            Status::Open
        } else {
            Status::Closed
        }
    }

    pub const fn key(self) -> &'static str {
        match self {
            Status::Upcoming => "upcoming",
            Status::Open => "open",
            Status::Closed => "closed",
        }
    }

    pub fn parse(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// Where a stage of the timeline stands, or, for `Automatic`, that its
/// dates decide (see `timeline::states`): the default, so that a
/// timeline moves on by itself. Stages stored before `Automatic` existed
/// keep the state they were given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageState {
    Automatic,
    Happened,
    Current,
    ToCome,
}

impl StageState {
    pub const ALL: [StageState; 4] = [
        StageState::Automatic,
        StageState::Happened,
        StageState::Current,
        StageState::ToCome,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            StageState::Automatic => "automatic",
            StageState::Happened => "happened",
            StageState::Current => "current",
            StageState::ToCome => "to_come",
        }
    }

    pub fn parse(key: &str) -> Result<StageState, ValidationError> {
        StageState::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .ok_or(ValidationError::new("state", ErrorCode::InvalidChoice))
    }
}

/// What a stage links to, once it has produced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageLink {
    None,
    Survey,
    Results,
    Findings,
}

impl StageLink {
    pub const ALL: [StageLink; 4] = [
        StageLink::None,
        StageLink::Survey,
        StageLink::Results,
        StageLink::Findings,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            StageLink::None => "none",
            StageLink::Survey => "survey",
            StageLink::Results => "results",
            StageLink::Findings => "findings",
        }
    }

    pub fn parse(key: &str) -> Result<StageLink, ValidationError> {
        if key.is_empty() {
            return Ok(StageLink::None);
        }
        StageLink::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .ok_or(ValidationError::new("link", ErrorCode::InvalidChoice))
    }
}

/// A consultation as a form or the API sends it: raw text, checked by
/// [`ConsultationInput::validate`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct ConsultationInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub body: String,
    /// Comma-separated.
    #[serde(default)]
    pub topics: String,
    #[serde(default)]
    pub area: String,
    /// `YYYY-MM-DDTHH:MM` (what a `datetime-local` input sends): the
    /// site's local time, or an instant when it ends in `Z` or an offset
    /// (see [`SiteZone::parse`]).
    #[serde(default)]
    pub opens_at: String,
    #[serde(default)]
    pub closes_at: String,
    /// "yes" when people may respond without an account.
    #[serde(default)]
    pub allow_anonymous: String,
    /// Strands of engagement (stakeholder meetings, community-led
    /// sessions, commissioned research, …), one per line.
    #[serde(default)]
    pub strands: String,
    /// Linked documents, one per line: `Title | https://…`.
    #[serde(default)]
    pub documents: String,
    /// The language the texts are written in, a tag of the site's
    /// ([`Languages`]). Empty: the site's first language for a new
    /// consultation, unchanged for one saved again.
    #[serde(default)]
    pub language: String,
}

/// A document a consultation links to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub title: String,
    pub url: String,
}

pub const MAX_STRANDS: usize = 10;
pub const MAX_DOCUMENTS: usize = 20;
pub const MAX_URL_CHARS: usize = 500;

/// A link people may follow: to the web, or to a page of this site.
pub fn safe_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://")
        || lower.starts_with("http://")
        || crate::text::is_local_path(url))
        && url.chars().count() <= MAX_URL_CHARS
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

fn strands(raw: &str) -> Result<Vec<String>, ValidationError> {
    let mut out = Vec::new();
    for line in raw.lines() {
        if let Some(s) = optional("strands", line, MAX_STAGE_NAME_CHARS)? {
            out.push(s);
        }
    }
    if out.len() > MAX_STRANDS {
        return Err(ValidationError::new("strands", ErrorCode::FieldTooLong));
    }
    Ok(out)
}

fn documents(raw: &str) -> Result<Vec<Document>, ValidationError> {
    let mut out = Vec::new();
    // Counted as the box shows them, blank lines too, so that "line 3"
    // is the third line the officer sees.
    for (n, line) in raw.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let at = |fault, e: ValidationError| {
            let line = u32::try_from(n + 1).unwrap_or(u32::MAX);
            e.with_detail(ErrorDetail::Document(DocumentProblem { line, fault }))
        };
        let (title, url) = line.rsplit_once('|').ok_or_else(|| {
            at(
                DocumentFault::NoBar,
                ValidationError::new("documents", ErrorCode::BadRequest),
            )
        })?;
        let title = required_line("documents", title, MAX_STAGE_NAME_CHARS).map_err(|e| {
            let fault = match e.detail {
                Some(ErrorDetail::Limit(max)) => DocumentFault::TitleTooLong { max },
                _ => DocumentFault::NoTitle,
            };
            at(fault, e)
        })?;
        let url = url.trim();
        if !safe_url(url) {
            return Err(at(
                DocumentFault::Address,
                ValidationError::new("documents", ErrorCode::BadRequest),
            ));
        }
        out.push(Document {
            title,
            url: url.to_owned(),
        });
    }
    if out.len() > MAX_DOCUMENTS {
        return Err(ValidationError::new("documents", ErrorCode::FieldTooLong));
    }
    Ok(out)
}

/// The form's text for `documents`, to refill it.
pub fn documents_text(list: &[Document]) -> String {
    list.iter()
        .map(|d| format!("{} | {}", d.title, d.url))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A consultation that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsultationFields {
    pub title: String,
    pub summary: String,
    pub body: String,
    pub topics: Vec<String>,
    pub area: Option<String>,
    pub opens_at: OffsetDateTime,
    pub closes_at: OffsetDateTime,
    pub allow_anonymous: bool,
    pub strands: Vec<String>,
    pub documents: Vec<Document>,
    /// A tag of the site's [`Languages`].
    pub language: String,
}

const DATETIME_UTC: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]Z");
const DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");

/// An instant as the API and the demonstration data write it: in UTC,
/// marked so (`2026-12-01T09:00Z`), which
/// [`SiteZone::parse`](crate::local_time::SiteZone::parse) reads in any
/// zone. Forms show local time instead
/// ([`SiteZone::input_value`](crate::local_time::SiteZone::input_value)).
pub fn format_datetime(at: OffsetDateTime) -> String {
    let utc = at.to_offset(time::UtcOffset::UTC);
    utc.format(DATETIME_UTC).unwrap_or_default()
}

/// A calendar date `YYYY-MM-DD`.
pub fn parse_date(field: &'static str, raw: &str) -> Result<Date, ValidationError> {
    Date::parse(raw.trim(), DATE).map_err(|_| ValidationError::new(field, ErrorCode::InvalidDate))
}

pub fn format_date(date: Date) -> String {
    date.format(DATE).unwrap_or_default()
}

/// The value of a checked field, or `None` with its error noted, so that
/// a form reports every problem at once.
pub(crate) fn keep<T>(
    errors: &mut Vec<ValidationError>,
    r: Result<T, ValidationError>,
) -> Option<T> {
    r.map_err(|e| errors.push(e)).ok()
}

pub(crate) fn topics(raw: &str) -> Result<Vec<String>, ValidationError> {
    let mut out: Vec<String> = Vec::new();
    for t in crate::text::list_items(raw) {
        if let Some(t) = optional("topics", t, MAX_TOPIC_CHARS)? {
            if !out.iter().any(|o| o.eq_ignore_ascii_case(&t)) {
                out.push(t);
            }
        }
    }
    if out.len() > 10 {
        return Err(ValidationError::new("topics", ErrorCode::FieldTooLong));
    }
    Ok(out)
}

impl ConsultationInput {
    /// Every problem at once, so a form can show them all. Dates and
    /// times without an offset are wall-clock time in `zone`; the
    /// language is one of `languages`, the first when none is named
    /// (saving again keeps the stored one instead: see
    /// [`ConsultationInput::names_language`]).
    pub fn validate(
        &self,
        zone: &SiteZone,
        languages: &Languages,
    ) -> Result<ConsultationFields, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let title = keep(
            &mut errors,
            required_line("title", &self.title, MAX_TITLE_CHARS),
        );
        let summary = keep(
            &mut errors,
            required("summary", &self.summary, MAX_SUMMARY_CHARS),
        );
        let body = keep(
            &mut errors,
            optional("body", &self.body, MAX_BODY_CHARS).map(Option::unwrap_or_default),
        );
        let topics = keep(&mut errors, topics(&self.topics));
        let area = keep(&mut errors, optional("area", &self.area, MAX_AREA_CHARS));
        let opens_at = keep(&mut errors, zone.parse("opens_at", &self.opens_at));
        let closes_at = keep(&mut errors, zone.parse("closes_at", &self.closes_at));
        let allow_anonymous = match self.allow_anonymous.as_str() {
            "yes" | "true" => Some(true),
            "" | "no" | "false" => Some(false),
            _ => keep::<bool>(
                &mut errors,
                Err(ValidationError::new(
                    "allow_anonymous",
                    ErrorCode::InvalidChoice,
                )),
            ),
        };
        let strands = keep(&mut errors, strands(&self.strands));
        let documents = keep(&mut errors, documents(&self.documents));
        let language = keep(&mut errors, languages.parse(&self.language));
        if let (Some(o), Some(c)) = (opens_at, closes_at) {
            if c <= o {
                errors.push(ValidationError::new(
                    "closes_at",
                    ErrorCode::ClosesBeforeOpens,
                ));
            }
        }
        match (
            title,
            summary,
            body,
            topics,
            area,
            opens_at,
            closes_at,
            allow_anonymous,
            strands,
            documents,
            language,
        ) {
            (
                Some(title),
                Some(summary),
                Some(body),
                Some(topics),
                Some(area),
                Some(opens_at),
                Some(closes_at),
                Some(allow_anonymous),
                Some(strands),
                Some(documents),
                Some(language),
            ) if errors.is_empty() => Ok(ConsultationFields {
                title,
                summary,
                body,
                topics,
                area,
                opens_at,
                closes_at,
                allow_anonymous,
                strands,
                documents,
                language,
            }),
            _ => Err(errors),
        }
    }

    /// Whether a language is named at all: a request that names none
    /// keeps the consultation's.
    pub fn names_language(&self) -> bool {
        !self.language.trim().is_empty()
    }
}

/// A stage of the timeline as a form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct StageInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// `YYYY-MM-DD`, optional.
    #[serde(default)]
    pub date: String,
    /// A [`StageState`] key; empty is `automatic`, the default.
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub link: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stage {
    pub name: String,
    pub description: String,
    pub date: Option<Date>,
    pub state: StageState,
    pub link: StageLink,
}

impl StageInput {
    pub fn validate(&self) -> Result<Stage, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let name = keep(
            &mut errors,
            required_line("name", &self.name, MAX_STAGE_NAME_CHARS),
        );
        let description = keep(
            &mut errors,
            optional("description", &self.description, MAX_STAGE_TEXT_CHARS)
                .map(Option::unwrap_or_default),
        );
        let date = if self.date.trim().is_empty() {
            Some(None)
        } else {
            keep(&mut errors, parse_date("date", &self.date).map(Some))
        };
        let state = match self.state.trim() {
            "" => Some(StageState::Automatic),
            key => keep(&mut errors, StageState::parse(key)),
        };
        let link = keep(&mut errors, StageLink::parse(&self.link));
        match (name, description, date, state, link) {
            (Some(name), Some(description), Some(date), Some(state), Some(link)) => Ok(Stage {
                name,
                description,
                date,
                state,
                link,
            }),
            _ => Err(errors),
        }
    }
}

/// A consultation as it stands: what officers wrote, when it is open,
/// whether it and its results are published, and how many have
/// responded. Its survey is read apart (`survey::model`), by those who
/// need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consultation {
    pub id: Uuid,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub topics: Vec<String>,
    pub area: Option<String>,
    pub opens_at: Timestamp,
    pub closes_at: Timestamp,
    pub allow_anonymous: bool,
    pub strands: Vec<String>,
    pub documents: Vec<Document>,
    /// The language its texts are written in (ADR 16): a tag of the
    /// site's [`Languages`]. Translations are into the others.
    pub language: String,
    pub published_at: Option<Timestamp>,
    pub results_published_at: Option<Timestamp>,
    /// When it was last withdrawn from the public, if it has been since
    /// it was last published: its address then says so (410) instead of
    /// pretending it never existed.
    pub withdrawn_at: Option<Timestamp>,
    pub response_count: i64,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

impl Consultation {
    /// Open, upcoming or closed at `now`, from its dates alone.
    pub fn status(&self, now: Timestamp) -> Status {
        Status::at(
            self.opens_at.as_offset(),
            self.closes_at.as_offset(),
            now.as_offset(),
        )
    }

    /// Whether it takes responses at `now`: open by its dates once
    /// published; a draft within its dates counts as closed, one before
    /// them as upcoming.
    pub fn answering_status(&self, now: Timestamp) -> Status {
        match self.status(now) {
            Status::Open if self.published_at.is_none() => Status::Closed,
            status => status,
        }
    }

    /// Its status as lists and pages name it: `draft` until published,
    /// then `upcoming`, `open` or `closed`; `withdrawn` once taken back
    /// from the public.
    pub fn status_key(&self, now: Timestamp) -> &'static str {
        match (self.published_at, self.withdrawn_at) {
            (None, Some(_)) => "withdrawn",
            (None, None) => "draft",
            (Some(_), _) => self.status(now).key(),
        }
    }
}

/// What an officer publishes or withdraws: the consultation, or its
/// results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publication {
    Consultation,
    Results,
}

/// Which consultations a list shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct ListFilter<'a> {
    /// Drafts too (staff only).
    pub drafts: bool,
    pub status: Option<Status>,
    pub topic: Option<&'a str>,
    pub area: Option<&'a str>,
    /// Words in the title or summary.
    pub search: Option<&'a str>,
}

/// A short reference a respondent can quote: no 0/O or 1/I to misread.
pub fn response_reference(random: [u8; 8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut out = String::with_capacity(9);
    for (i, b) in random.iter().enumerate() {
        if i == 4 {
            out.push('-');
        }
        out.push(ALPHABET[(*b as usize) % ALPHABET.len()] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn london() -> SiteZone {
        SiteZone::named("Europe/London").unwrap()
    }

    fn input() -> ConsultationInput {
        ConsultationInput {
            title: "Safer streets".into(),
            summary: "Tell us what works".into(),
            body: "Some *markdown*".into(),
            topics: "hate crime, Safety, hate crime".into(),
            area: "".into(),
            opens_at: "2026-12-01T09:00".into(),
            closes_at: "2027-01-31T17:00".into(),
            allow_anonymous: "yes".into(),
            strands: "Community-led sessions\n\nFormal consultation".into(),
            documents: "Evidence review | https://example.org/review.pdf".into(),
            language: "".into(),
        }
    }

    fn site() -> Languages {
        Languages::new("en", ["ar"])
    }

    #[test]
    fn a_good_consultation_passes() {
        let c = input().validate(&london(), &site()).unwrap();
        assert_eq!(c.topics, ["hate crime", "Safety"]);
        assert_eq!(c.opens_at, datetime!(2026-12-01 09:00 UTC));
        assert!(c.allow_anonymous);
        assert_eq!(c.area, None);
        assert_eq!(c.strands, ["Community-led sessions", "Formal consultation"]);
        assert_eq!(c.documents[0].url, "https://example.org/review.pdf");
        for (bad, fault) in [
            ("No link", DocumentFault::NoBar),
            ("Script | javascript:alert(1)", DocumentFault::Address),
            ("Spaced | https://a b", DocumentFault::Address),
            ("Proto | //evil.example", DocumentFault::Address),
            (" | https://example.org", DocumentFault::NoTitle),
        ] {
            // Blank lines count: the fault is on the box's third line.
            let e = ConsultationInput {
                documents: format!("Fine | https://example.org/a\n\n{bad}"),
                ..input()
            }
            .validate(&london(), &site())
            .unwrap_err();
            assert_eq!(e[0].field, "documents", "{bad}");
            assert_eq!(
                e[0].detail,
                Some(ErrorDetail::Document(DocumentProblem { line: 3, fault })),
                "{bad}"
            );
        }
        let long = format!(
            "{} | https://example.org",
            "x".repeat(MAX_STAGE_NAME_CHARS + 1)
        );
        let e = ConsultationInput {
            documents: long,
            ..input()
        }
        .validate(&london(), &site())
        .unwrap_err();
        let max = MAX_STAGE_NAME_CHARS as u32;
        assert_eq!(
            e[0].detail,
            Some(ErrorDetail::Document(DocumentProblem {
                line: 1,
                fault: DocumentFault::TitleTooLong { max }
            }))
        );
        assert_eq!(format_datetime(c.opens_at), "2026-12-01T09:00Z");
    }

    #[test]
    fn the_language_is_one_the_site_has() {
        let c = input().validate(&london(), &site()).unwrap();
        assert_eq!(c.language, "en", "unsaid, the site's first");
        assert!(!input().names_language());
        let arabic = ConsultationInput {
            language: " AR ".into(),
            ..input()
        };
        assert!(arabic.names_language());
        assert_eq!(arabic.validate(&london(), &site()).unwrap().language, "ar");
        let e = ConsultationInput {
            language: "fr".into(),
            ..input()
        }
        .validate(&london(), &site())
        .unwrap_err();
        assert_eq!(
            (e[0].field, e[0].code),
            ("language", ErrorCode::UnknownLocale)
        );
        assert_eq!(Languages::new("ar", ["en", "ar"]).all(), ["ar", "en"]);
    }

    #[test]
    fn every_problem_is_reported() {
        let bad = ConsultationInput {
            title: "x".repeat(MAX_TITLE_CHARS + 1),
            summary: " ".into(),
            opens_at: "2027-02-01T09:00".into(),
            closes_at: "2027-01-31T17:00".into(),
            allow_anonymous: "maybe".into(),
            ..input()
        };
        let codes: Vec<_> = bad
            .validate(&london(), &site())
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect();
        assert_eq!(
            codes,
            [
                ("title", ErrorCode::FieldTooLong),
                ("summary", ErrorCode::FieldRequired),
                ("allow_anonymous", ErrorCode::InvalidChoice),
                ("closes_at", ErrorCode::ClosesBeforeOpens),
            ]
        );
        let bad = ConsultationInput {
            opens_at: "tomorrow".into(),
            ..input()
        };
        assert_eq!(
            bad.validate(&london(), &site()).unwrap_err()[0].code,
            ErrorCode::InvalidDate
        );
    }

    #[test]
    fn dates_are_local_time_unless_they_say_otherwise() {
        let summer = ConsultationInput {
            opens_at: "2026-07-01T09:00".into(),
            closes_at: "2026-07-31T17:00+02:00".into(),
            ..input()
        };
        let c = summer.validate(&london(), &site()).unwrap();
        assert_eq!(c.opens_at, datetime!(2026-07-01 08:00 UTC), "BST is UTC+1");
        assert_eq!(c.closes_at, datetime!(2026-07-31 15:00 UTC));
        assert_eq!(
            c.opens_at,
            summer.validate(&SiteZone::utc(), &site()).unwrap().opens_at
                + time::Duration::hours(-1)
        );
        let gap = ConsultationInput {
            opens_at: "2026-03-29T01:30".into(),
            closes_at: "2026-10-25T01:30".into(),
            ..input()
        };
        let codes: Vec<_> = gap
            .validate(&london(), &site())
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect();
        assert_eq!(
            codes,
            [
                ("opens_at", ErrorCode::TimeDoesNotExist),
                ("closes_at", ErrorCode::TimeIsAmbiguous),
            ]
        );
    }

    #[test]
    fn status_follows_the_dates() {
        let o = datetime!(2026-12-01 09:00 UTC);
        let c = datetime!(2027-01-31 17:00 UTC);
        assert_eq!(
            Status::at(o, c, datetime!(2026-11-30 00:00 UTC)),
            Status::Upcoming
        );
        assert_eq!(Status::at(o, c, o), Status::Open);
        let last_moment = c - time::Duration::nanoseconds(1);
        assert_eq!(Status::at(o, c, last_moment), Status::Open);
        assert_eq!(Status::at(o, c, c), Status::Closed);
    }

    #[test]
    fn stages_are_checked() {
        let s = StageInput {
            name: "Evidence gathering".into(),
            date: "2026-10-01".into(),
            state: "happened".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(s.link, StageLink::None);
        let e = StageInput {
            date: "01/10/2026".into(),
            state: "soon".into(),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        let fields: Vec<_> = e.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name", "date", "state"]);
    }

    #[test]
    fn references_are_readable() {
        let r = response_reference([0, 1, 2, 3, 250, 251, 252, 255]);
        assert_eq!(r.len(), 9);
        assert!(r
            .chars()
            .all(|c| c == '-' || (c.is_ascii_alphanumeric() && !"01IO".contains(c))));
    }
}
