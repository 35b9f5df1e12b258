//! Who may ask, stated in a handler's signature: [`Me`] for anyone signed
//! in, [`May<P>`] for those whose roles allow the action `P` names (one
//! marker type per `cohesion_domain::identity::Action`). The permission
//! matrix in the domain decides; the services refuse the same people
//! again, so a guard only saves work and says no early.

use std::marker::PhantomData;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use cohesion_domain::identity::Action;
use cohesion_domain::ErrorCode;
use cohesion_services::accounts::SignedIn;
use cohesion_services::ServiceError;

use super::error::AppError;
use super::session::{safe_next, CurrentUser};
use super::state::SharedState;

/// The signed-in person, required. Pages send everyone else to sign in;
/// the API answers 401 with `sign_in_required`.
pub struct Me(pub SignedIn);

impl FromRequestParts<SharedState> for Me {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &SharedState) -> Result<Self, Response> {
        let user = CurrentUser::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match user.0 {
            Some(me) => Ok(Me(me)),
            None if parts.uri.path().starts_with("/api/") => Err(AppError::status(
                StatusCode::UNAUTHORIZED,
                ErrorCode::SignInRequired,
            )
            .into_response()),
            None => {
                // Come back here after signing in (links from emails, say).
                let here = parts.uri.path_and_query().map_or("/", |p| p.as_str());
                let to = match safe_next(here) {
                    Some(next) if parts.method == axum::http::Method::GET => format!(
                        "/sign-in?next={}",
                        percent_encoding::utf8_percent_encode(
                            next,
                            percent_encoding::NON_ALPHANUMERIC
                        )
                    ),
                    _ => "/sign-in".to_owned(),
                };
                Err(Redirect::to(&to).into_response())
            }
        }
    }
}

/// An action of the permission matrix, as a type a handler can name.
pub trait Permission {
    const ACTION: Action;
}

/// The signed-in person, allowed to take action `P`: `May(me, _):
/// May<RunEngagement>`. Not signed in: as [`Me`]; signed in without the
/// right: 403 `forbidden`, as the services answer.
pub struct May<P: Permission>(pub SignedIn, pub PhantomData<P>);

impl<P: Permission> FromRequestParts<SharedState> for May<P> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &SharedState) -> Result<Self, Response> {
        let Me(me) = Me::from_request_parts(parts, state).await?;
        if me.roles.allows(P::ACTION) {
            Ok(May(me, PhantomData))
        } else {
            Err(AppError::from(ServiceError::Forbidden).into_response())
        }
    }
}

/// One marker type per action, named as the action is. The `match` makes
/// an action added to the domain fail to compile (the tests) until it has
/// one.
macro_rules! permissions {
    ($($action:ident),* $(,)?) => {
        $(
            #[doc = concat!("May take `Action::", stringify!($action), "`.")]
            // A marker is only ever a type argument, never a value, and
            // features name the actions they guard as they come.
            #[allow(dead_code)]
            pub struct $action;

            impl Permission for $action {
                const ACTION: Action = Action::$action;
            }
        )*

        #[cfg(test)]
        fn every_action_has_a_marker(action: Action) -> Action {
            match action {
                $(Action::$action => $action::ACTION,)*
            }
        }
    };
}

permissions!(
    Participate,
    ApplyForGrant,
    Moderate,
    DecideEscalated,
    RunEngagement,
    Analyse,
    ViewSpecialCategory,
    ExportResponses,
    AssessApplications,
    DecideApplications,
    AnswerQuestions,
    ManagePeople,
    Audit,
    ConfigureHelp,
    ReadTensionReports,
    SendCommunityMessages,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_marker_names_its_own_action() {
        for action in [Action::RunEngagement, Action::Analyse, Action::Audit] {
            assert_eq!(every_action_has_a_marker(action), action);
        }
    }
}
