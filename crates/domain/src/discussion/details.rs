//! What an officer writes to open a discussion: its title, introduction,
//! guiding questions, topics, area, dates, language and pre-moderation,
//! checked all at once so a form can show every problem. Its status
//! follows its dates as a consultation's does.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::moderation::PreModeration;
use super::stage_link::StageRef;
use crate::consultation::{
    keep, topics, Languages, Status, MAX_AREA_CHARS, MAX_BODY_CHARS, MAX_TITLE_CHARS,
};
use crate::error::{ErrorCode, ValidationError};
use crate::local_time::SiteZone;
use crate::text::{optional, required, required_line, too_long};

/// Guiding questions: a few prompts, each a sentence or two.
pub const MAX_QUESTIONS: usize = 10;
pub const MAX_QUESTION_CHARS: usize = 300;

/// The most first comments pre-moderation may hold per member.
pub const MAX_FIRST_COMMENTS_HELD: u32 = 20;

/// A discussion's form or API body, as sent.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DiscussionInput {
    #[serde(default)]
    pub title: String,
    /// The safe Markdown subset the site renders for officers' texts.
    #[serde(default)]
    pub introduction: String,
    /// One per line.
    #[serde(default)]
    pub questions: String,
    /// Comma-separated (either comma).
    #[serde(default)]
    pub topics: String,
    #[serde(default)]
    pub area: String,
    /// Local wall-clock time or an instant, as consultations take them.
    #[serde(default)]
    pub opens_at: String,
    #[serde(default)]
    pub closes_at: String,
    #[serde(default)]
    pub language: String,
    /// "off", "first" or "all".
    #[serde(default)]
    pub pre_moderation: String,
    /// With "first": how many of a member's first comments wait.
    #[serde(default)]
    pub first_comments: String,
    /// The consultation stage it is part of, as `<consultation id>:<stage>`
    /// (see [`StageRef`]); empty for none.
    #[serde(default)]
    pub consultation_stage: String,
}

/// A discussion's details, checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiscussionFields {
    pub title: String,
    pub introduction: String,
    pub questions: Vec<String>,
    pub topics: Vec<String>,
    pub area: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub opens_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub closes_at: OffsetDateTime,
    pub language: String,
    #[serde(skip)]
    pub pre_moderation: PreModeration,
    /// The consultation stage it is part of, if any; that it exists is
    /// the service's to check.
    pub consultation_stage: Option<StageRef>,
}

impl DiscussionFields {
    /// Open from its opening (inclusive) until its closing (exclusive).
    pub fn status(&self, now: OffsetDateTime) -> Status {
        Status::at(self.opens_at, self.closes_at, now)
    }
}

impl DiscussionInput {
    /// Every problem at once, or the checked details.
    pub fn validate(
        &self,
        zone: &SiteZone,
        languages: &Languages,
    ) -> Result<DiscussionFields, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let e = &mut errors;
        let title = keep(e, required_line("title", &self.title, MAX_TITLE_CHARS));
        let introduction = keep(
            e,
            required("introduction", &self.introduction, MAX_BODY_CHARS),
        );
        let questions = keep(e, questions(&self.questions));
        let topics = keep(e, topics(&self.topics));
        let area = keep(e, optional("area", &self.area, MAX_AREA_CHARS));
        let opens_at = keep(e, zone.parse("opens_at", &self.opens_at));
        let closes_at = keep(e, zone.parse("closes_at", &self.closes_at));
        let language = keep(e, languages.parse(&self.language));
        let pre_moderation = keep(
            e,
            pre_moderation(&self.pre_moderation, &self.first_comments),
        );
        let consultation_stage = keep(e, StageRef::parse(&self.consultation_stage));
        if let (Some(o), Some(c)) = (opens_at, closes_at) {
            if c <= o {
                e.push(ValidationError::new(
                    "closes_at",
                    ErrorCode::ClosesBeforeOpens,
                ));
            }
        }
        match (
            title,
            introduction,
            questions,
            topics,
            area,
            opens_at,
            closes_at,
            language,
            pre_moderation,
            consultation_stage,
        ) {
            (
                Some(title),
                Some(introduction),
                Some(questions),
                Some(topics),
                Some(area),
                Some(opens_at),
                Some(closes_at),
                Some(language),
                Some(pre_moderation),
                Some(consultation_stage),
            ) if errors.is_empty() => Ok(DiscussionFields {
                title,
                introduction,
                questions,
                topics,
                area,
                opens_at,
                closes_at,
                language,
                pre_moderation,
                consultation_stage,
            }),
            _ => Err(errors),
        }
    }
}

fn questions(raw: &str) -> Result<Vec<String>, ValidationError> {
    let mut out = Vec::new();
    for line in raw.lines() {
        if let Some(q) = optional("questions", line, MAX_QUESTION_CHARS)? {
            out.push(q);
        }
    }
    if out.len() > MAX_QUESTIONS {
        return Err(too_long("questions", MAX_QUESTIONS));
    }
    Ok(out)
}

fn pre_moderation(kind: &str, count: &str) -> Result<PreModeration, ValidationError> {
    match kind.trim() {
        "" | "off" => Ok(PreModeration::Off),
        "all" => Ok(PreModeration::All),
        "first" => match count.trim().parse::<u32>() {
            Ok(n) if (1..=MAX_FIRST_COMMENTS_HELD).contains(&n) => {
                Ok(PreModeration::FirstComments(n))
            }
            _ => Err(ValidationError::new(
                "first_comments",
                ErrorCode::OutOfRange,
            )),
        },
        _ => Err(ValidationError::new(
            "pre_moderation",
            ErrorCode::InvalidChoice,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> DiscussionInput {
        DiscussionInput {
            title: "Feeling safe in the town centre".into(),
            introduction: "How well do you think hate crime is dealt with?".into(),
            questions: "What makes you feel safe?\n\n  What more could be done?  \n".into(),
            topics: "safety، policing, Safety".into(),
            opens_at: "2026-10-25T09:00".into(),
            closes_at: "2027-01-25T17:00".into(),
            pre_moderation: "first".into(),
            first_comments: "3".into(),
            ..Default::default()
        }
    }

    fn check(i: &DiscussionInput) -> Result<DiscussionFields, Vec<ValidationError>> {
        i.validate(&SiteZone::default(), &Languages::new("en", ["ar"]))
    }

    #[test]
    fn a_discussion_is_checked_and_follows_its_dates() {
        let d = check(&input()).unwrap();
        assert_eq!(
            d.questions,
            ["What makes you feel safe?", "What more could be done?"]
        );
        assert_eq!(d.topics, ["safety", "policing"]);
        assert_eq!(d.language, "en");
        assert_eq!(d.pre_moderation, PreModeration::FirstComments(3));
        assert_eq!(d.consultation_stage, None);
        // 9am on 25 October 2026 in London is 9am UTC: the clocks went
        // back at 2am that morning.
        assert_eq!(d.opens_at.hour(), 9);
        let at = |s: &str| {
            OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339).unwrap()
        };
        assert_eq!(d.status(at("2026-10-25T08:59:59Z")), Status::Upcoming);
        assert_eq!(d.status(at("2026-12-06T12:00:00Z")), Status::Open);
        assert_eq!(d.status(at("2027-01-25T17:00:00Z")), Status::Closed);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = DiscussionInput {
            title: " ".into(),
            introduction: String::new(),
            questions: "Why?\n".repeat(MAX_QUESTIONS + 1),
            opens_at: "2027-01-25T17:00".into(),
            closes_at: "2026-10-25T09:00".into(),
            language: "fr".into(),
            pre_moderation: "first".into(),
            first_comments: "0".into(),
            consultation_stage: "forged".into(),
            ..input()
        };
        let mut found: Vec<(&str, ErrorCode)> = check(&bad)
            .unwrap_err()
            .iter()
            .map(|e| (e.field, e.code))
            .collect();
        found.sort_by_key(|(f, _)| *f);
        assert_eq!(
            found,
            [
                ("closes_at", ErrorCode::ClosesBeforeOpens),
                ("consultation_stage", ErrorCode::InvalidChoice),
                ("first_comments", ErrorCode::OutOfRange),
                ("introduction", ErrorCode::FieldRequired),
                ("language", ErrorCode::UnknownLocale),
                ("questions", ErrorCode::FieldTooLong),
                ("title", ErrorCode::FieldRequired),
            ]
        );
        let odd = DiscussionInput {
            pre_moderation: "sometimes".into(),
            ..input()
        };
        let e = check(&odd).unwrap_err();
        assert_eq!(
            (e[0].field, e[0].code),
            ("pre_moderation", ErrorCode::InvalidChoice)
        );
    }
}
