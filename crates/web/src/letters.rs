//! The emails accounts send, written from the translated messages.

use cohesion_i18n::Catalog;
use cohesion_services::accounts::{Letter, Letters};

pub struct CatalogLetters<'a>(pub &'a Catalog);

impl CatalogLetters<'_> {
    fn letter(&self, locale: &str, subject: &str, body: &str, link: &str) -> Letter {
        let l = self
            .0
            .get(locale)
            .unwrap_or_else(|| self.0.default_locale());
        // Plain-text email: bidi isolation marks around a link would break it.
        let plain = |s: String| s.replace(['\u{2068}', '\u{2069}'], "");
        Letter {
            subject: plain(l.t(subject).into_owned()),
            body: plain(l.t_text(body, "link", link)),
        }
    }
}

impl Letters for CatalogLetters<'_> {
    fn verify_email(&self, locale: &str, link: &str) -> Letter {
        self.letter(locale, "email-verify-subject", "email-verify-body", link)
    }

    fn already_registered(&self, locale: &str, sign_in_link: &str) -> Letter {
        self.letter(
            locale,
            "email-existing-subject",
            "email-existing-body",
            sign_in_link,
        )
    }
}
