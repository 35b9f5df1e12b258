//! The emails accounts send, written from the translated messages and
//! signed with the site's name, as its pages are.

use cohesion_i18n::Catalog;
use cohesion_services::accounts::{Letter, LetterKind, Letters};

use super::state::AppState;

pub struct CatalogLetters<'a> {
    catalog: &'a Catalog,
    /// The site's name in each language (locale tag, name): the
    /// programme's, else the product's.
    sites: Vec<(String, String)>,
}

impl<'a> CatalogLetters<'a> {
    /// Letters for this site, in every language it speaks. The site's
    /// name comes from the programme (cached, as for pages); a name that
    /// cannot be read is the product's, never a reason not to write.
    pub async fn for_site(state: &'a AppState) -> CatalogLetters<'a> {
        let fallback = state.catalog.default_locale().tag();
        let mut sites = Vec::new();
        for l in state.catalog.all() {
            let name = match state.site.programme(l.tag(), fallback).await {
                Ok(Some(p)) => p.text.name.clone(),
                _ => l.t("product-name").into_owned(),
            };
            sites.push((l.tag().to_owned(), name));
        }
        CatalogLetters {
            catalog: &state.catalog,
            sites,
        }
    }

    /// A letter in `locale` whose subject and body the caller wrote,
    /// signed with the site's name as every other.
    pub fn written(&self, locale: &str, subject: &str, body: &str) -> Letter {
        let l = self
            .catalog
            .get(locale)
            .unwrap_or_else(|| self.catalog.default_locale());
        let site = self.site_name(l);
        let plain = |s: &str| s.replace(['\u{2068}', '\u{2069}'], "");
        let sign_off = l.t_args("email-sign-off", &[("site", site.as_str().into())]);
        Letter {
            subject: plain(subject),
            body: plain(&format!("{body}\n\n{sign_off}")),
        }
    }

    /// The locale a letter in `tag` is written in (the site's first
    /// language for one it does not speak).
    pub fn locale(&self, tag: &str) -> &'a cohesion_i18n::Locale {
        self.catalog
            .get(tag)
            .unwrap_or_else(|| self.catalog.default_locale())
    }

    fn site_name(&self, l: &cohesion_i18n::Locale) -> String {
        self.sites
            .iter()
            .find(|(tag, _)| tag == l.tag())
            .map_or_else(|| l.t("product-name").into_owned(), |(_, n)| n.clone())
    }

    fn letter(
        &self,
        locale: &str,
        subject: &str,
        body: &str,
        link: &str,
        organisation: &str,
    ) -> Letter {
        let l = self
            .catalog
            .get(locale)
            .unwrap_or_else(|| self.catalog.default_locale());
        let site = self.site_name(l);
        // Plain-text email: bidi isolation marks around a link would break it.
        let plain = |s: String| s.replace(['\u{2068}', '\u{2069}'], "");
        let args = [
            ("link", link.into()),
            ("organisation", organisation.into()),
            ("site", site.as_str().into()),
        ];
        Letter {
            subject: plain(l.t_args(subject, &args)),
            body: plain(format!(
                "{}\n\n{}",
                l.t_args(body, &args),
                l.t_args("email-sign-off", &args)
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
