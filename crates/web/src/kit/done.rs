//! `?done=…`: after a change, the page a form redirects to says what was
//! done. Each feature lists the confirmations its pages use (its
//! `Feature::confirmations`); the message of `key` is `done-<key>`.

use serde::Deserialize;

use super::page::PageCtx;

/// `?done=…`: which change a page confirms after its redirect.
#[derive(Deserialize)]
pub struct DoneQuery {
    pub done: Option<String>,
}

/// The message for `?done=…` after a change, if some feature lists it.
pub fn confirmation(ctx: &PageCtx, done: Option<&str>) -> Option<String> {
    let key = done?;
    crate::FEATURES
        .iter()
        .any(|f| f.confirmations.contains(&key))
        .then(|| ctx.t(&format!("done-{key}")))
}

#[cfg(test)]
mod tests {
    use cohesion_i18n::Catalog;

    #[test]
    fn every_confirmation_has_its_message_in_every_language() {
        let catalog = Catalog::load().unwrap();
        for feature in crate::FEATURES {
            for key in feature.confirmations {
                for locale in catalog.all() {
                    assert!(
                        locale.message_ids().contains(&format!("done-{key}")),
                        "{}: done-{key} in {}",
                        feature.name,
                        locale.tag()
                    );
                }
            }
        }
    }
}
