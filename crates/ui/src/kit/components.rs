//! The texts GOV.UK Frontend's scripts show, in the page's language.
//!
//! Its components speak English unless their markup carries every text
//! as a `data-i18n.<key>` attribute (`data-i18n.<key>.<plural form>` for
//! texts with a number, `%{count}` where the number goes). The texts come
//! from the Fluent messages like every other, each plural form of the
//! language given (Arabic has six), so a component never falls back to
//! English in an Arabic page.

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::sync::{Mutex, OnceLock};

use cohesion_i18n::Locale;

/// `data-i18n.*` attributes for a component's root element, escaped:
/// `{{ texts }}` writes them inside the start tag.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ComponentTexts(String);

impl fmt::Display for ComponentTexts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl askama::filters::HtmlSafe for ComponentTexts {}

/// The character count's texts: GOV.UK Frontend's key, our message, and
/// whether the message takes the number.
const CHARACTER_COUNT: [(&str, &str, bool); 7] = [
    (
        "characters-under-limit",
        "character-count-under-limit",
        true,
    ),
    ("characters-at-limit", "character-count-at-limit", false),
    ("characters-over-limit", "character-count-over-limit", true),
    (
        "words-under-limit",
        "character-count-words-under-limit",
        true,
    ),
    ("words-at-limit", "character-count-words-at-limit", false),
    ("words-over-limit", "character-count-words-over-limit", true),
    ("textarea-description", "character-count-description", true),
];

/// What the character count says as people type ("You have 20
/// characters remaining", "… too many"), in `locale`. Worked out once per
/// language (listing the plural forms takes about a tenth of a
/// millisecond), then shared: the messages are built into the binary.
pub fn character_count(locale: &Locale) -> ComponentTexts {
    static MADE: OnceLock<Mutex<HashMap<String, ComponentTexts>>> = OnceLock::new();
    let made = MADE.get_or_init(Default::default);
    if let Some(t) = made.lock().ok().and_then(|m| m.get(locale.tag()).cloned()) {
        return t;
    }
    let t = texts(locale, &CHARACTER_COUNT);
    if let Ok(mut m) = made.lock() {
        m.insert(locale.tag().to_owned(), t.clone());
    }
    t
}

fn texts(locale: &Locale, table: &[(&str, &str, bool)]) -> ComponentTexts {
    let mut out = String::new();
    for (key, id, counted) in table {
        if *counted {
            for (form, text) in locale.plural_forms(id, "count", "%{count}") {
                let _ = write!(out, " data-i18n.{key}.{form}=\"{}\"", attribute(&text));
            }
        } else {
            let _ = write!(out, " data-i18n.{key}=\"{}\"", attribute(&locale.t(id)));
        }
    }
    ComponentTexts(out)
}

fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use cohesion_i18n::Catalog;

    #[test]
    fn arabic_gives_all_six_forms_of_every_counted_text() {
        let catalog = Catalog::load().unwrap();
        let ar = character_count(catalog.get("ar").unwrap()).to_string();
        for (key, _, counted) in CHARACTER_COUNT {
            if counted {
                for form in ["zero", "one", "two", "few", "many", "other"] {
                    assert!(
                        ar.contains(&format!(" data-i18n.{key}.{form}=\"")),
                        "{key}.{form} in {ar}"
                    );
                }
            } else {
                assert!(ar.contains(&format!(" data-i18n.{key}=\"")), "{key}");
            }
        }
        assert!(ar.contains("data-i18n.characters-under-limit.few=\"بقي لديك %{count} أحرف\""));
        assert!(!ar.contains(['\u{2068}', '\u{2069}']), "{ar:?}");
    }

    #[test]
    fn english_gives_its_two_forms() {
        let catalog = Catalog::load().unwrap();
        let en = character_count(catalog.get("en").unwrap()).to_string();
        assert!(en.contains(
            " data-i18n.characters-under-limit.one=\"You have %{count} character remaining\""
        ));
        assert!(en.contains(
            " data-i18n.characters-over-limit.other=\"You have %{count} characters too many\""
        ));
        assert!(!en.contains(".few="), "{en}");
    }
}
