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
    /// A finding's options belong to more than one question.
    OptionsOfOneQuestion,
    ConsultationNotOpen,
    AlreadyResponded,
    InvalidRanking,
    SurveyLocked,
    /// Publishing a consultation whose survey has no question.
    NoQuestions,
    /// Publishing the results of a consultation nobody has answered.
    NoResponses,
    /// Publishing the results of a consultation not published itself.
    ConsultationDraft,
    WeightingEmptyCategory,
    DuplicateLabel,
    SameTheme,
    NotLongText,
    ThemesNotConfirmed,
    NoAnswers,
    ConsultationWithdrawn,
    NotPublished,
    AlreadyRemoved,
    RoleAlreadyHeld,
    RoleNotHeld,
    AlreadySuspended,
    NotSuspended,
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
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::InvalidUtf8 => "invalid_utf8",
            ErrorCode::NulCharacter => "nul_character",
            ErrorCode::QueryTooLong => "query_too_long",
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
            ErrorCode::OptionsOfOneQuestion => "options_of_one_question",
            ErrorCode::ConsultationNotOpen => "consultation_not_open",
            ErrorCode::AlreadyResponded => "already_responded",
            ErrorCode::InvalidRanking => "invalid_ranking",
            ErrorCode::SurveyLocked => "survey_locked",
            ErrorCode::NoQuestions => "no_questions",
            ErrorCode::NoResponses => "no_responses",
            ErrorCode::ConsultationDraft => "consultation_draft",
            ErrorCode::WeightingEmptyCategory => "weighting_empty_category",
            ErrorCode::DuplicateLabel => "duplicate_label",
            ErrorCode::SameTheme => "same_theme",
            ErrorCode::NotLongText => "not_long_text",
            ErrorCode::ThemesNotConfirmed => "themes_not_confirmed",
            ErrorCode::NoAnswers => "no_answers",
            ErrorCode::ConsultationWithdrawn => "consultation_withdrawn",
            ErrorCode::NotPublished => "not_published",
            ErrorCode::AlreadyRemoved => "already_removed",
            ErrorCode::RoleAlreadyHeld => "role_already_held",
            ErrorCode::RoleNotHeld => "role_not_held",
            ErrorCode::AlreadySuspended => "already_suspended",
            ErrorCode::NotSuspended => "not_suspended",
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
    /// whose message names a value (when the clocks change).
    pub detail: Option<ErrorDetail>,
}

/// The facts behind a validation error that its message states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorDetail {
    /// The clock change that skips or doubles the time entered.
    ClockChange(ClockChange),
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
