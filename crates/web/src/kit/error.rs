//! One error type at the HTTP edge.
//!
//! Handlers and extractors return [`AppError`]; it becomes a bare response
//! carrying an [`ErrorInfo`] extension. The presentation middleware
//! (`context.rs`) then renders every error response, ours or the
//! framework's, as a translated HTML page or as problem+json.

use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use cohesion_domain::survey::changes::RuleHolder;
use cohesion_domain::survey::pointers::pointer_token;
use cohesion_domain::{ErrorCode, ErrorDetail, ValidationError};
use cohesion_services::accounts::AccountError;
use cohesion_services::consultations::ConsultationError;
use cohesion_services::ServiceError;

/// What went wrong, in terms the renderer can translate.
#[derive(Debug, Clone)]
pub struct ErrorInfo {
    pub code: ErrorCode,
    pub field: Option<&'static str>,
    pub retry_after: Option<u32>,
    /// Every problem with the input, for input checked as a whole
    /// (`code` and `field` are the first one's). Empty for other errors.
    pub problems: Vec<InputProblem>,
}

/// One problem with what a request sent (ADR 29): what the pages call
/// it, where it is in a JSON body, its code, and the facts its message
/// states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputProblem {
    /// A form field, a survey question's id or `page-N`: what the pages
    /// name; in a JSON body, a member's name.
    pub field: String,
    /// Where in the JSON body, as a JSON Pointer (RFC 6901). `None` for
    /// a member named `field` at the top of a JSON body (the renderer
    /// fills it in) and for a query or path parameter.
    pub pointer: Option<String>,
    /// In a header, the query or the path, never the body: no pointer.
    pub parameter: bool,
    pub code: ErrorCode,
    /// Named values its message states: a limit, the type expected.
    pub args: Vec<(&'static str, String)>,
    /// The message that words it, when not the code's own
    /// (`api-<field>-<code>`, `api-<code>`): a schema's words, say.
    pub message: Option<&'static str>,
}

impl InputProblem {
    pub fn new(field: impl Into<String>, code: ErrorCode) -> Self {
        Self {
            field: field.into(),
            pointer: None,
            parameter: false,
            code,
            args: Vec::new(),
            message: None,
        }
    }

    /// Worded by the message `id`.
    pub fn worded(mut self, id: &'static str) -> Self {
        self.message = Some(id);
        self
    }

    /// The problem is in a header, the query or the path.
    pub fn parameter(mut self) -> Self {
        self.parameter = true;
        self
    }

    /// The problem at `pointer` in the JSON body.
    pub fn at(mut self, pointer: impl Into<String>) -> Self {
        self.pointer = Some(pointer.into());
        self
    }

    /// With the value `value` for `name` in its message.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, value.into()));
        self
    }
}

impl From<&ValidationError> for InputProblem {
    fn from(e: &ValidationError) -> Self {
        let p = Self::new(e.field, e.code);
        match e.detail {
            // What the clocks read just before the change, and just after.
            Some(ErrorDetail::ClockChange(c)) => p
                .with("from", minute(c.from))
                .with("to", minute(c.to))
                .worded(match e.code {
                    ErrorCode::TimeDoesNotExist => "api-clock-gap",
                    _ => "api-clock-fold",
                }),
            // The margins line at fault; the API's words for the code say
            // what is wrong with it.
            Some(ErrorDetail::Margin(m)) => p.with("line", m.line.to_string()),
            // How long it may be.
            Some(ErrorDetail::Limit(max)) => p
                .with("limit", max.to_string())
                .worded("api-field-too-long-limit"),
            Some(ErrorDetail::Document(d)) => p.with("line", d.line.to_string()),
            Some(ErrorDetail::Repeated { item }) => p.with("item", item.to_string()),
            None => p,
        }
    }
}

/// `YYYY-MM-DDTHH:MM`, as the API takes local times.
fn minute(t: time::PrimitiveDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

#[derive(Debug)]
pub struct AppError {
    pub status: StatusCode,
    pub info: ErrorInfo,
}

impl AppError {
    pub fn status(status: StatusCode, code: ErrorCode) -> Self {
        Self {
            status,
            info: ErrorInfo {
                code,
                field: None,
                retry_after: None,
                problems: Vec::new(),
            },
        }
    }

    pub fn bad_request(code: ErrorCode) -> Self {
        Self::status(StatusCode::BAD_REQUEST, code)
    }

    /// 422 for problems found together; the first gives the code.
    pub fn problems(problems: Vec<InputProblem>) -> Self {
        let code = problems.first().map_or(ErrorCode::BadRequest, |p| p.code);
        let mut e = Self::status(StatusCode::UNPROCESSABLE_ENTITY, code);
        e.info.problems = problems;
        e
    }

    /// The same error with each problem's pointer given by `place`
    /// (which returns `None` to leave one as it is).
    pub fn placed(mut self, place: impl Fn(usize, &InputProblem) -> Option<String>) -> Self {
        for i in 0..self.info.problems.len() {
            if let Some(p) = place(i, &self.info.problems[i]) {
                self.info.problems[i].pointer = Some(p);
            }
        }
        self
    }

    pub fn internal() -> Self {
        Self::status(StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal)
    }
}

impl From<ValidationError> for AppError {
    fn from(e: ValidationError) -> Self {
        let status = match e.code {
            ErrorCode::UnknownPage => StatusCode::BAD_REQUEST,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        Self {
            status,
            info: ErrorInfo {
                code: e.code,
                field: Some(e.field),
                retry_after: None,
                problems: vec![InputProblem::from(&e)],
            },
        }
    }
}

/// Seconds to wait before sending again after a transient storage
/// failure (a deadlock broken, a writer that got no turn).
const RETRY_AFTER_BUSY: u32 = 2;

impl From<ServiceError> for AppError {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::Invalid(v) => v.into(),
            ServiceError::RateLimited { retry_after } => Self {
                status: StatusCode::TOO_MANY_REQUESTS,
                info: ErrorInfo {
                    code: ErrorCode::RateLimited,
                    field: None,
                    retry_after: Some(retry_after),
                    problems: Vec::new(),
                },
            },
            // The first problem gives the status, code and field; the
            // problem body lists them all.
            ServiceError::InvalidFields(errors) => match errors.first() {
                Some(first) => {
                    let mut e = Self::from(first.clone());
                    e.info.problems = errors.iter().map(InputProblem::from).collect();
                    e
                }
                None => Self::bad_request(ErrorCode::BadRequest),
            },
            // The request was sound but the state of things refuses it.
            ServiceError::Conflict(v) => {
                let mut e = Self::from(v);
                e.status = StatusCode::CONFLICT;
                e
            }
            ServiceError::Forbidden => Self::status(StatusCode::FORBIDDEN, ErrorCode::Forbidden),
            ServiceError::NotFound => Self::status(StatusCode::NOT_FOUND, ErrorCode::NotFound),
            ServiceError::Account(e) => e.into(),
            ServiceError::Consultation(e) => e.into(),
            // Nothing was saved and the same request may succeed in a
            // moment: say so, rather than "a problem with the service".
            ServiceError::Storage(e) if e.is_transient() => {
                tracing::warn!(error = %e, "transient storage failure: asked to try again");
                let mut busy = Self::status(
                    StatusCode::SERVICE_UNAVAILABLE,
                    ErrorCode::ServiceUnavailable,
                );
                busy.info.retry_after = Some(RETRY_AFTER_BUSY);
                busy
            }
            ServiceError::Storage(e) => {
                tracing::error!(error = %e, "storage failure");
                Self::internal()
            }
            ServiceError::Crypto(e) => {
                tracing::error!(error = %e, "cryptography failure");
                Self::internal()
            }
        }
    }
}

impl From<AccountError> for AppError {
    fn from(e: AccountError) -> Self {
        match e {
            AccountError::InvalidCredentials => {
                Self::status(StatusCode::UNAUTHORIZED, ErrorCode::InvalidCredentials)
            }
            AccountError::Suspended => {
                Self::status(StatusCode::FORBIDDEN, ErrorCode::AccountSuspended)
            }
            AccountError::InvalidToken => Self::bad_request(ErrorCode::InvalidToken),
        }
    }
}

impl From<ConsultationError> for AppError {
    fn from(e: ConsultationError) -> Self {
        match e {
            // Answers are sent as `{"answers": {"<question id>": …}}`.
            ConsultationError::InvalidAnswers(list) => Self::problems(
                list.into_iter()
                    .map(|e| {
                        let at = format!("/answers/{}", pointer_token(&e.question));
                        InputProblem::new(e.question, e.code).at(at)
                    })
                    .collect(),
            ),
            // Named by question or page: the survey's own endpoint places
            // them in the document it was sent (`SurveyDefinition::pointers`).
            ConsultationError::InvalidSurvey(list) => {
                let mut e = Self::problems(
                    list.into_iter()
                        .map(|e| InputProblem::new(e.at, e.code))
                        .collect(),
                );
                e.info.code = ErrorCode::InvalidSurvey;
                e
            }
            ConsultationError::InvalidWording(list) => Self::problems(
                list.into_iter()
                    .map(|e| InputProblem::new(e.key, e.code))
                    .collect(),
            ),
            // Only the builder's pages make these, and say them in words
            // that name both questions; as a problem, each names the
            // question (or `page-N`) whose rule would break.
            ConsultationError::RuleConflicts(list) => {
                Self::from(ConsultationError::FieldsAndConflicts(Vec::new(), list))
            }
            ConsultationError::FieldsAndConflicts(fields, list) => {
                let mut e = Self::problems(
                    fields
                        .into_iter()
                        .map(|f| InputProblem::new(f.field, f.code))
                        .chain(list.into_iter().map(|c| {
                            InputProblem::new(holder_name(&c.holder), ErrorCode::InvalidSurvey)
                        }))
                        .collect(),
                );
                e.info.code = ErrorCode::InvalidSurvey;
                e
            }
            // Pages that show when say so themselves (the consultation's
            // own page); everything else answers a plain 410.
            ConsultationError::Withdrawn { .. } => {
                Self::status(StatusCode::GONE, ErrorCode::ConsultationWithdrawn)
            }
            // The results page says so in words; elsewhere (the API, the
            // CSV) there is nothing to give yet.
            ConsultationError::ResultsNotPublished => {
                Self::status(StatusCode::NOT_FOUND, ErrorCode::NotPublished)
            }
        }
    }
}

/// A rule's holder as the survey check names it: the question's id, or
/// `page-N` counted from 1.
fn holder_name(h: &RuleHolder) -> String {
    match h {
        RuleHolder::Question(id) => id.clone(),
        RuleHolder::Page(p) => format!("page-{}", p + 1),
    }
}

impl From<JsonRejection> for AppError {
    fn from(r: JsonRejection) -> Self {
        match r {
            JsonRejection::MissingJsonContentType(_) => Self::status(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
            ),
            JsonRejection::JsonDataError(_) => {
                Self::status(StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::BadRequest)
            }
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Self::status(StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge)
            }
            _ => Self::bad_request(ErrorCode::BadRequest),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut res = self.status.into_response();
        res.extensions_mut().insert(self.info);
        res
    }
}

/// The code to report for a status that came without an [`ErrorInfo`]
/// (from the framework or a middleware layer).
pub fn code_for_status(status: StatusCode) -> ErrorCode {
    match status {
        StatusCode::FORBIDDEN => ErrorCode::Forbidden,
        StatusCode::NOT_FOUND => ErrorCode::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => ErrorCode::MethodNotAllowed,
        StatusCode::REQUEST_TIMEOUT => ErrorCode::RequestTimeout,
        StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorCode::UnsupportedMediaType,
        StatusCode::TOO_MANY_REQUESTS => ErrorCode::RateLimited,
        StatusCode::SERVICE_UNAVAILABLE => ErrorCode::ServiceUnavailable,
        s if s.is_server_error() => ErrorCode::Internal,
        _ => ErrorCode::BadRequest,
    }
}

#[cfg(test)]
mod tests {
    use cohesion_storage::StorageError;

    use super::*;

    #[test]
    fn a_transient_storage_failure_asks_to_try_again_and_others_are_internal() {
        let busy = AppError::from(ServiceError::Storage(StorageError::Locked));
        assert_eq!(busy.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(busy.info.code, ErrorCode::ServiceUnavailable);
        assert_eq!(busy.info.retry_after, Some(RETRY_AFTER_BUSY));
        let broken = AppError::from(ServiceError::Storage(StorageError::Invalid(
            "a row that cannot be read".into(),
        )));
        assert_eq!(broken.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(broken.info.code, ErrorCode::Internal);
        assert_eq!(broken.info.retry_after, None);
    }
}
