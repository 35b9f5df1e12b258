//! Validation errors with stable, machine-readable codes.
//!
//! The codes are part of the public API (they appear in problem+json bodies)
//! and are the keys the user interface translates, so never rename one.

use std::fmt;

use time::PrimitiveDateTime;

/// A stable snake_case error code, shared by HTML pages and the JSON API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    BadRequest,
    InvalidUtf8,
    NulCharacter,
    QueryTooLong,
    /// A JSON body names a member its schema does not have.
    UnknownField,
    /// A JSON value of the wrong type (a number where text is expected).
    InvalidType,
    /// A JSON array with fewer items than its schema asks for.
    TooFewItems,
    UnknownLocale,
    UnknownPage,
    InvalidChoice,
    FieldTooLong,
    FieldRequired,
    InvalidSlug,
    InvalidEmail,
    PasswordTooShort,
    PasswordTooLong,
    PasswordTooCommon,
    DisplayNameTooShort,
    DisplayNameReserved,
    DisplayNameInvisibleCharacters,
    InvalidCredentials,
    AccountSuspended,
    InvalidToken,
    CsrfTokenInvalid,
    SignInRequired,
    CannotTargetSelf,
    InvalidOrgIdentifier,
    InvalidPhone,
    /// A web address that is not http(s), has no host or holds a password.
    InvalidUrl,
    /// Opening hours not in the documented format (ADR 43).
    InvalidHours,
    ConfirmationRequired,
    AlreadyMember,
    AlreadyRegistered,
    EmailNotVerified,
    LastAdministrator,
    InvalidDate,
    ClosesBeforeOpens,
    TimeDoesNotExist,
    TimeIsAmbiguous,
    InvalidSurvey,
    PurposeRequired,
    TooManyChoices,
    OutOfRange,
    HiddenQuestion,
    UnknownQuestion,
    UnknownText,
    UnknownConsultation,
    UnknownStage,
    /// Linking a discussion to a consultation stage that has already
    /// ended (its timeline has moved past it).
    StageEnded,
    /// A change to a consultation's timeline that would leave a
    /// discussion linked to a stage it no longer has (ADR 38).
    StageHasDiscussions,
    /// A finding's options belong to more than one question.
    OptionsOfOneQuestion,
    ConsultationNotOpen,
    DiscussionNotOpen,
    ReplyNotAllowed,
    EditWindowPassed,
    AlreadyReported,
    /// A vote on a statement that takes none (held or hidden).
    StatementNotVotable,
    /// Changing a discussion brought in from elsewhere: it is read-only.
    DiscussionImported,
    AlreadyResponded,
    InvalidRanking,
    SurveyLocked,
    /// Changing the language a consultation is written in while it has
    /// translations (they are translations from the language it had).
    LanguageHasTranslations,
    /// A builder form built on a survey that has changed since (sent
    /// twice, or after another officer's change).
    SurveyChanged,
    /// Publishing a consultation whose survey has no question.
    NoQuestions,
    /// Publishing the results of a consultation nobody has answered.
    NoResponses,
    /// A date that must not be after today is.
    DateInFuture,
    /// Text that may not hold markup (HTML tags) does.
    MarkupNotAllowed,
    /// Publishing the results of a consultation not published itself.
    ConsultationDraft,
    WeightingEmptyCategory,
    DuplicateLabel,
    SameTheme,
    NotLongText,
    ThemesNotConfirmed,
    /// Confirming a theme set that is confirmed already.
    ThemesAlreadyConfirmed,
    /// Confirming a theme set that changed since the question was put.
    ThemesChanged,
    NoAnswers,
    ConsultationWithdrawn,
    NotPublished,
    AlreadyRemoved,
    RoleAlreadyHeld,
    RoleNotHeld,
    AlreadySuspended,
    NotSuspended,
    /// Changing or sending a community message that has gone out.
    MessageAlreadySent,
    Forbidden,
    CrossSiteRequest,
    NotFound,
    MethodNotAllowed,
    RequestTimeout,
    PayloadTooLarge,
    UnsupportedMediaType,
    RateLimited,
    Internal,
    ServiceUnavailable,
}

impl ErrorCode {
    /// Every code, for checks that each has its messages.
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::BadRequest,
        ErrorCode::InvalidUtf8,
        ErrorCode::NulCharacter,
        ErrorCode::QueryTooLong,
        ErrorCode::UnknownField,
        ErrorCode::InvalidType,
        ErrorCode::TooFewItems,
        ErrorCode::UnknownLocale,
        ErrorCode::UnknownPage,
        ErrorCode::InvalidChoice,
        ErrorCode::FieldTooLong,
        ErrorCode::FieldRequired,
        ErrorCode::InvalidSlug,
        ErrorCode::InvalidEmail,
        ErrorCode::PasswordTooShort,
        ErrorCode::PasswordTooLong,
        ErrorCode::PasswordTooCommon,
        ErrorCode::DisplayNameTooShort,
        ErrorCode::DisplayNameReserved,
        ErrorCode::DisplayNameInvisibleCharacters,
        ErrorCode::InvalidCredentials,
        ErrorCode::AccountSuspended,
        ErrorCode::InvalidToken,
        ErrorCode::CsrfTokenInvalid,
        ErrorCode::SignInRequired,
        ErrorCode::CannotTargetSelf,
        ErrorCode::InvalidOrgIdentifier,
        ErrorCode::InvalidPhone,
        ErrorCode::InvalidUrl,
        ErrorCode::InvalidHours,
        ErrorCode::ConfirmationRequired,
        ErrorCode::AlreadyMember,
        ErrorCode::AlreadyRegistered,
        ErrorCode::EmailNotVerified,
        ErrorCode::LastAdministrator,
        ErrorCode::InvalidDate,
        ErrorCode::ClosesBeforeOpens,
        ErrorCode::TimeDoesNotExist,
        ErrorCode::TimeIsAmbiguous,
        ErrorCode::InvalidSurvey,
        ErrorCode::PurposeRequired,
        ErrorCode::TooManyChoices,
        ErrorCode::OutOfRange,
        ErrorCode::HiddenQuestion,
        ErrorCode::UnknownQuestion,
        ErrorCode::UnknownText,
        ErrorCode::UnknownConsultation,
        ErrorCode::UnknownStage,
        ErrorCode::StageEnded,
        ErrorCode::StageHasDiscussions,
        ErrorCode::OptionsOfOneQuestion,
        ErrorCode::ConsultationNotOpen,
        ErrorCode::DiscussionNotOpen,
        ErrorCode::ReplyNotAllowed,
        ErrorCode::EditWindowPassed,
        ErrorCode::AlreadyReported,
        ErrorCode::StatementNotVotable,
        ErrorCode::DiscussionImported,
        ErrorCode::AlreadyResponded,
        ErrorCode::InvalidRanking,
        ErrorCode::SurveyLocked,
        ErrorCode::LanguageHasTranslations,
        ErrorCode::SurveyChanged,
        ErrorCode::WeightingEmptyCategory,
        ErrorCode::DuplicateLabel,
        ErrorCode::SameTheme,
        ErrorCode::NotLongText,
        ErrorCode::ThemesNotConfirmed,
        ErrorCode::ThemesAlreadyConfirmed,
        ErrorCode::ThemesChanged,
        ErrorCode::NoAnswers,
        ErrorCode::ConsultationWithdrawn,
        ErrorCode::NotPublished,
        ErrorCode::NoQuestions,
        ErrorCode::NoResponses,
        ErrorCode::DateInFuture,
        ErrorCode::MarkupNotAllowed,
        ErrorCode::ConsultationDraft,
        ErrorCode::AlreadyRemoved,
        ErrorCode::RoleAlreadyHeld,
        ErrorCode::RoleNotHeld,
        ErrorCode::AlreadySuspended,
        ErrorCode::NotSuspended,
        ErrorCode::MessageAlreadySent,
        ErrorCode::Forbidden,
        ErrorCode::CrossSiteRequest,
        ErrorCode::NotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::RequestTimeout,
        ErrorCode::PayloadTooLarge,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::RateLimited,
        ErrorCode::Internal,
        ErrorCode::ServiceUnavailable,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::InvalidUtf8 => "invalid_utf8",
            ErrorCode::NulCharacter => "nul_character",
            ErrorCode::QueryTooLong => "query_too_long",
            ErrorCode::UnknownField => "unknown_field",
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::TooFewItems => "too_few_items",
            ErrorCode::UnknownLocale => "unknown_locale",
            ErrorCode::UnknownPage => "unknown_page",
            ErrorCode::InvalidChoice => "invalid_choice",
            ErrorCode::FieldTooLong => "field_too_long",
            ErrorCode::FieldRequired => "field_required",
            ErrorCode::InvalidSlug => "invalid_slug",
            ErrorCode::InvalidEmail => "invalid_email",
            ErrorCode::PasswordTooShort => "password_too_short",
            ErrorCode::PasswordTooLong => "password_too_long",
            ErrorCode::PasswordTooCommon => "password_too_common",
            ErrorCode::DisplayNameTooShort => "display_name_too_short",
            ErrorCode::DisplayNameReserved => "display_name_reserved",
            ErrorCode::DisplayNameInvisibleCharacters => "display_name_invisible_characters",
            ErrorCode::InvalidCredentials => "invalid_credentials",
            ErrorCode::AccountSuspended => "account_suspended",
            ErrorCode::InvalidToken => "invalid_token",
            ErrorCode::CsrfTokenInvalid => "csrf_token_invalid",
            ErrorCode::SignInRequired => "sign_in_required",
            ErrorCode::CannotTargetSelf => "cannot_target_self",
            ErrorCode::InvalidOrgIdentifier => "invalid_org_identifier",
            ErrorCode::InvalidPhone => "invalid_phone",
            ErrorCode::InvalidUrl => "invalid_url",
            ErrorCode::InvalidHours => "invalid_hours",
            ErrorCode::ConfirmationRequired => "confirmation_required",
            ErrorCode::AlreadyMember => "already_member",
            ErrorCode::AlreadyRegistered => "already_registered",
            ErrorCode::EmailNotVerified => "email_not_verified",
            ErrorCode::LastAdministrator => "last_administrator",
            ErrorCode::InvalidDate => "invalid_date",
            ErrorCode::ClosesBeforeOpens => "closes_before_opens",
            ErrorCode::TimeDoesNotExist => "time_does_not_exist",
            ErrorCode::TimeIsAmbiguous => "time_is_ambiguous",
            ErrorCode::InvalidSurvey => "invalid_survey",
            ErrorCode::PurposeRequired => "purpose_required",
            ErrorCode::TooManyChoices => "too_many_choices",
            ErrorCode::OutOfRange => "out_of_range",
            ErrorCode::HiddenQuestion => "hidden_question",
            ErrorCode::UnknownQuestion => "unknown_question",
            ErrorCode::UnknownText => "unknown_text",
            ErrorCode::UnknownConsultation => "unknown_consultation",
            ErrorCode::UnknownStage => "unknown_stage",
            ErrorCode::StageEnded => "stage_ended",
            ErrorCode::StageHasDiscussions => "stage_has_discussions",
            ErrorCode::OptionsOfOneQuestion => "options_of_one_question",
            ErrorCode::ConsultationNotOpen => "consultation_not_open",
            ErrorCode::DiscussionNotOpen => "discussion_not_open",
            ErrorCode::ReplyNotAllowed => "reply_not_allowed",
            ErrorCode::EditWindowPassed => "edit_window_passed",
            ErrorCode::AlreadyReported => "already_reported",
            ErrorCode::StatementNotVotable => "statement_not_votable",
            ErrorCode::DiscussionImported => "discussion_imported",
            ErrorCode::AlreadyResponded => "already_responded",
            ErrorCode::InvalidRanking => "invalid_ranking",
            ErrorCode::SurveyLocked => "survey_locked",
            ErrorCode::LanguageHasTranslations => "language_has_translations",
            ErrorCode::SurveyChanged => "survey_changed",
            ErrorCode::NoQuestions => "no_questions",
            ErrorCode::NoResponses => "no_responses",
            ErrorCode::DateInFuture => "date_in_future",
            ErrorCode::MarkupNotAllowed => "markup_not_allowed",
            ErrorCode::ConsultationDraft => "consultation_draft",
            ErrorCode::WeightingEmptyCategory => "weighting_empty_category",
            ErrorCode::DuplicateLabel => "duplicate_label",
            ErrorCode::SameTheme => "same_theme",
            ErrorCode::NotLongText => "not_long_text",
            ErrorCode::ThemesNotConfirmed => "themes_not_confirmed",
            ErrorCode::ThemesAlreadyConfirmed => "themes_already_confirmed",
            ErrorCode::ThemesChanged => "themes_changed",
            ErrorCode::NoAnswers => "no_answers",
            ErrorCode::ConsultationWithdrawn => "consultation_withdrawn",
            ErrorCode::NotPublished => "not_published",
            ErrorCode::AlreadyRemoved => "already_removed",
            ErrorCode::RoleAlreadyHeld => "role_already_held",
            ErrorCode::RoleNotHeld => "role_not_held",
            ErrorCode::AlreadySuspended => "already_suspended",
            ErrorCode::NotSuspended => "not_suspended",
            ErrorCode::MessageAlreadySent => "message_already_sent",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::CrossSiteRequest => "cross_site_request",
            ErrorCode::NotFound => "not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::RequestTimeout => "request_timeout",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::Internal => "internal_error",
            ErrorCode::ServiceUnavailable => "service_unavailable",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Input that breaks a domain rule. `field` names the offending form field
/// so pages can link the error summary to it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {code}")]
pub struct ValidationError {
    pub field: &'static str,
    pub code: ErrorCode,
    /// What the message needs to know beyond the code, for the few codes
    /// whose message names a value (when the clocks change, which option
    /// of the margins).
    pub detail: Option<ErrorDetail>,
}

/// The facts behind a validation error that its message states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorDetail {
    /// The clock change that skips or doubles the time entered.
    ClockChange(ClockChange),
    /// Which line of the population margins is wrong, and how (the
    /// message names the question and the option).
    Margin(MarginProblem),
    /// The most characters the field takes, for a text too long: the
    /// message gives the limit, so the writer knows how far to shorten.
    Limit(u32),
    /// Which line of a consultation's linked documents is wrong, and how.
    Document(DocumentProblem),
    /// The item of a list (a question's options, counted from 0 without
    /// the blank lines) that repeats an earlier one: the message quotes it.
    Repeated { item: u32 },
}

impl ValidationError {
    pub const fn new(field: &'static str, code: ErrorCode) -> Self {
        Self {
            field,
            code,
            detail: None,
        }
    }

    pub const fn with_detail(mut self, detail: ErrorDetail) -> Self {
        self.detail = Some(detail);
        self
    }
}

/// When the clocks change (the detail of a date the site's zone skips or
/// repeats, see `local_time`): what they read just before, and just after.
/// Forward in spring (01:00 becomes 02:00 in London), back in autumn
/// (02:00 becomes 01:00).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockChange {
    pub from: PrimitiveDateTime,
    pub to: PrimitiveDateTime,
}

impl ClockChange {
    pub fn forward(&self) -> bool {
        self.to > self.from
    }

    /// The first wall-clock time the change makes missing or doubled.
    pub fn first_affected(&self) -> PrimitiveDateTime {
        self.from.min(self.to)
    }

    /// The first wall-clock time after it that is safe again.
    pub fn first_safe(&self) -> PrimitiveDateTime {
        self.from.max(self.to)
    }
}

/// What is wrong with a line of a consultation's linked documents
/// (`Title | https://…`, one a line; lines counted from 1, blank ones
/// too, as the box shows them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentProblem {
    pub line: u32,
    pub fault: DocumentFault,
}

/// What is wrong with a line of linked documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentFault {
    /// No bar between the title and the address.
    NoBar,
    /// No title before the bar (or one that cannot be shown).
    NoTitle,
    /// A title longer than the `max` characters it may have.
    TitleTooLong { max: u32 },
    /// An address that is not `https://…`, `http://…` or a path on this
    /// site, or that holds spaces or is too long.
    Address,
}

/// What is wrong with the population margins an analyst typed (see
/// `analysis::weighting`), and on which line of the box (counted from 1;
/// 0 where no one line is to blame).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MarginProblem {
    pub line: u32,
    pub fault: MarginFault,
}

/// What is wrong with a line of margins. Options are counted from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarginFault {
    /// No line gives any shares.
    Empty,
    /// More questions than weighting takes
    /// (`analysis::weighting::MAX_MARGINS`).
    TooMany,
    /// No colon between the question's id and its shares.
    NoColon,
    /// The id names no question of the survey.
    UnknownQuestion,
    /// The question is not one answered with a single option.
    NotSingleChoice,
    /// The question has a line already.
    Repeated,
    /// The option has no share.
    MissingShare { option: u32 },
    /// The option's share is not a number.
    NotANumber { option: u32 },
    /// The option's share is under 0 or over 100.
    OutOfRange { option: u32 },
    /// More shares than the question's `options`.
    TooManyShares { options: u32 },
    /// The shares add up to this many tenths of a percent, not 100 %.
    Total { tenths: u32 },
    /// The option has a share but no respondent chose it, so nobody can
    /// stand for it (found when weighting).
    NobodyChose { option: u32 },
    /// No respondent answered every question weighted by with an option
    /// that has a share (found when weighting).
    NobodyLeft,
}

impl MarginFault {
    /// The stable code of the problem; the detail says the rest.
    pub const fn code(self) -> ErrorCode {
        match self {
            MarginFault::Empty | MarginFault::NobodyLeft => ErrorCode::FieldRequired,
            MarginFault::TooMany => ErrorCode::FieldTooLong,
            MarginFault::NoColon => ErrorCode::BadRequest,
            MarginFault::UnknownQuestion => ErrorCode::UnknownQuestion,
            MarginFault::NotSingleChoice
            | MarginFault::Repeated
            | MarginFault::MissingShare { .. }
            | MarginFault::TooManyShares { .. } => ErrorCode::InvalidChoice,
            MarginFault::NotANumber { .. }
            | MarginFault::OutOfRange { .. }
            | MarginFault::Total { .. } => ErrorCode::OutOfRange,
            MarginFault::NobodyChose { .. } => ErrorCode::WeightingEmptyCategory,
        }
    }
}

impl MarginProblem {
    pub const fn new(line: u32, fault: MarginFault) -> Self {
        MarginProblem { line, fault }
    }

    /// The problem as the `margins` field's validation error.
    pub const fn error(self) -> ValidationError {
        ValidationError::new("margins", self.fault.code()).with_detail(ErrorDetail::Margin(self))
    }
}

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    /// The list that message checks walk: every code once, each a
    /// distinct snake_case word (they are API, never renamed).
    #[test]
    fn every_code_is_listed_once_in_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "{s} twice");
            assert!(
                s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{s}"
            );
            // A code missing from ALL would still compile; this match
            // does not: add the new code to ALL when it fails.
            match code {
                ErrorCode::BadRequest
                | ErrorCode::InvalidUtf8
                | ErrorCode::NulCharacter
                | ErrorCode::QueryTooLong
                | ErrorCode::UnknownField
                | ErrorCode::InvalidType
                | ErrorCode::TooFewItems
                | ErrorCode::UnknownLocale
                | ErrorCode::UnknownPage
                | ErrorCode::InvalidChoice
                | ErrorCode::FieldTooLong
                | ErrorCode::FieldRequired
                | ErrorCode::InvalidSlug
                | ErrorCode::InvalidEmail
                | ErrorCode::PasswordTooShort
                | ErrorCode::PasswordTooLong
                | ErrorCode::PasswordTooCommon
                | ErrorCode::DisplayNameTooShort
                | ErrorCode::DisplayNameReserved
                | ErrorCode::DisplayNameInvisibleCharacters
                | ErrorCode::InvalidCredentials
                | ErrorCode::AccountSuspended
                | ErrorCode::InvalidToken
                | ErrorCode::CsrfTokenInvalid
                | ErrorCode::SignInRequired
                | ErrorCode::CannotTargetSelf
                | ErrorCode::InvalidOrgIdentifier
                | ErrorCode::InvalidPhone
                | ErrorCode::InvalidUrl
                | ErrorCode::InvalidHours
                | ErrorCode::ConfirmationRequired
                | ErrorCode::AlreadyMember
                | ErrorCode::AlreadyRegistered
                | ErrorCode::EmailNotVerified
                | ErrorCode::LastAdministrator
                | ErrorCode::InvalidDate
                | ErrorCode::ClosesBeforeOpens
                | ErrorCode::TimeDoesNotExist
                | ErrorCode::TimeIsAmbiguous
                | ErrorCode::InvalidSurvey
                | ErrorCode::PurposeRequired
                | ErrorCode::TooManyChoices
                | ErrorCode::OutOfRange
                | ErrorCode::HiddenQuestion
                | ErrorCode::UnknownQuestion
                | ErrorCode::UnknownText
                | ErrorCode::UnknownConsultation
                | ErrorCode::UnknownStage
                | ErrorCode::StageEnded
                | ErrorCode::StageHasDiscussions
                | ErrorCode::OptionsOfOneQuestion
                | ErrorCode::ConsultationNotOpen
                | ErrorCode::DiscussionNotOpen
                | ErrorCode::ReplyNotAllowed
                | ErrorCode::EditWindowPassed
                | ErrorCode::AlreadyReported
                | ErrorCode::StatementNotVotable
                | ErrorCode::DiscussionImported
                | ErrorCode::AlreadyResponded
                | ErrorCode::InvalidRanking
                | ErrorCode::SurveyLocked
                | ErrorCode::LanguageHasTranslations
                | ErrorCode::SurveyChanged
                | ErrorCode::WeightingEmptyCategory
                | ErrorCode::DuplicateLabel
                | ErrorCode::SameTheme
                | ErrorCode::NotLongText
                | ErrorCode::ThemesNotConfirmed
                | ErrorCode::ThemesAlreadyConfirmed
                | ErrorCode::ThemesChanged
                | ErrorCode::NoAnswers
                | ErrorCode::ConsultationWithdrawn
                | ErrorCode::NotPublished
                | ErrorCode::NoQuestions
                | ErrorCode::NoResponses
                | ErrorCode::DateInFuture
                | ErrorCode::MarkupNotAllowed
                | ErrorCode::ConsultationDraft
                | ErrorCode::AlreadyRemoved
                | ErrorCode::RoleAlreadyHeld
                | ErrorCode::RoleNotHeld
                | ErrorCode::AlreadySuspended
                | ErrorCode::NotSuspended
                | ErrorCode::MessageAlreadySent
                | ErrorCode::Forbidden
                | ErrorCode::CrossSiteRequest
                | ErrorCode::NotFound
                | ErrorCode::MethodNotAllowed
                | ErrorCode::RequestTimeout
                | ErrorCode::PayloadTooLarge
                | ErrorCode::UnsupportedMediaType
                | ErrorCode::RateLimited
                | ErrorCode::Internal
                | ErrorCode::ServiceUnavailable => {}
            }
        }
        assert_eq!(seen.len(), 94, "a new code: add it to ALL and here");
    }
}
