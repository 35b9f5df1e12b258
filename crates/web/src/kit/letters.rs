//! The emails accounts send, written from the translated messages.

use cohesion_i18n::Catalog;
use cohesion_services::accounts::{Letter, LetterKind, Letters};

pub struct CatalogLetters<'a>(pub &'a Catalog);

impl CatalogLetters<'_> {
    fn letter(
        &self,
        locale: &str,
        subject: &str,
        body: &str,
        link: &str,
        organisation: &str,
    ) -> Letter {
        let l = self
            .0
            .get(locale)
            .unwrap_or_else(|| self.0.default_locale());
        // Plain-text email: bidi isolation marks around a link would break it.
        let plain = |s: String| s.replace(['\u{2068}', '\u{2069}'], "");
        Letter {
            subject: plain(l.t_args(subject, &[("organisation", organisation.into())])),
            body: plain(l.t_args(
                body,
                &[("link", link.into()), ("organisation", organisation.into())],
            )),
        }
    }
}

impl Letters for CatalogLetters<'_> {
    fn write(&self, kind: LetterKind<'_>, locale: &str, link: &str) -> Letter {
        let (subject, body) = match kind {
            LetterKind::VerifyEmail => ("email-verify-subject", "email-verify-body"),
            LetterKind::AlreadyRegistered => ("email-existing-subject", "email-existing-body"),
            LetterKind::ResetPassword => ("email-reset-subject", "email-reset-body"),
            LetterKind::ConfirmNewEmail => ("email-change-subject", "email-change-body"),
            LetterKind::Invitation { .. } => ("email-invite-subject", "email-invite-body"),
            LetterKind::EmailChanged => ("email-changed-subject", "email-changed-body"),
        };
        let organisation = match kind {
            LetterKind::Invitation { organisation } => organisation,
            _ => "",
        };
        self.letter(locale, subject, body, link, organisation)
    }
}
