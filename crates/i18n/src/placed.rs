//! Messages taken apart where their values go, for callers that show a
//! value in markup of its own rather than in Fluent's invisible isolation
//! marks, and a message's plural forms one by one, for scripts that
//! choose among them themselves.

use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::FluentValue;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

use crate::Locale;

/// Fluent's first-strong isolate and pop directional isolate, which it
/// puts around every value it places (ADR 0016).
const ISOLATES: [char; 2] = ['\u{2068}', '\u{2069}'];

/// The first of the private-use characters that stand for placed values
/// while the message is formatted: nothing a message or a number
/// formats to can contain them.
const STAND_IN: u32 = 0xE000;

/// An argument of [`Locale::t_pieces`].
pub enum PieceArg<'a> {
    /// A value whose place the caller wants to know (a title, a name):
    /// its text never goes through Fluent.
    Placed,
    /// A value Fluent formats itself: a number, which also chooses
    /// between plural forms.
    Value(FluentValue<'a>),
}

/// A piece of a formatted message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// The message's own words (numbers formatted into them), without
    /// isolation marks.
    Text(String),
    /// Where the argument at this index in the caller's list goes.
    Arg(usize),
}

impl Locale {
    /// The message `id` with `args`, as pieces: its words, and the places
    /// of the `Placed` arguments, in the order the language puts them.
    pub fn t_pieces(&self, id: &str, args: &[(&str, PieceArg<'_>)]) -> Vec<Piece> {
        let values: Vec<(&str, FluentValue<'_>)> = args
            .iter()
            .enumerate()
            .map(|(i, (name, arg))| match arg {
                PieceArg::Placed => (*name, FluentValue::from(stand_in(i).to_string())),
                PieceArg::Value(v) => (*name, v.clone()),
            })
            .collect();
        let formatted = self.t_args(id, &values);
        let mut pieces = Vec::new();
        let mut text = String::new();
        for c in formatted.chars() {
            match placed_index(c, args.len()) {
                Some(i) => {
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    pieces.push(Piece::Arg(i));
                }
                None if ISOLATES.contains(&c) => {}
                None => text.push(c),
            }
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        pieces
    }

    /// The plural forms of message `id`, whose number argument is `name`:
    /// for each category this language has (CLDR's `zero`, `one`, `two`,
    /// `few`, `many`, `other`; Arabic has all six, English two), the text
    /// with `placeholder` where the number goes. For scripts that pick
    /// the form themselves, as GOV.UK Frontend's components do.
    pub fn plural_forms(
        &self,
        id: &str,
        name: &str,
        placeholder: &str,
    ) -> Vec<(&'static str, String)> {
        let Ok(rules) = PluralRules::create(self.langid.clone(), PluralRuleType::CARDINAL) else {
            return vec![("other", self.t_args(id, &[(name, placeholder.into())]))];
        };
        let mut forms: Vec<(&'static str, String)> = Vec::new();
        // Each category's smallest number stands for it: for most
        // languages one below 200, for a few (French's "many") a million.
        for n in (0u32..=200).chain([1_000, 1_000_000]) {
            let Ok(category) = rules.select(n) else {
                continue;
            };
            let key = category_key(category);
            if forms.iter().any(|(k, _)| *k == key) {
                continue;
            }
            // Written without thousands separators, so that the number
            // is found in the text to be replaced by the placeholder.
            let plain = FluentValue::Number(FluentNumber::new(
                f64::from(n),
                FluentNumberOptions {
                    use_grouping: false,
                    ..Default::default()
                },
            ));
            let pieces = self.t_pieces(id, &[(name, PieceArg::Value(plain))]);
            let text: String = pieces
                .into_iter()
                .map(|p| match p {
                    Piece::Text(t) => t,
                    Piece::Arg(_) => String::new(),
                })
                .collect();
            forms.push((key, with_placeholder(&text, n, placeholder)));
        }
        forms.sort_by_key(|(k, _)| CATEGORIES.iter().position(|c| c == k));
        forms
    }
}

/// The categories in CLDR's order.
const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

fn category_key(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

fn stand_in(i: usize) -> char {
    char::from_u32(STAND_IN + i as u32).expect("a private-use character")
}

fn placed_index(c: char, count: usize) -> Option<usize> {
    let i = (c as u32).checked_sub(STAND_IN)? as usize;
    (i < count).then_some(i)
}

/// `text` with the number `n` replaced by `placeholder` where it stands
/// as a number of its own (not inside a longer one, such as "100" when
/// `n` is 1).
fn with_placeholder(text: &str, n: u32, placeholder: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(&digits) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + digits.len()..].chars().next();
        let alone = !before.is_some_and(|c| c.is_ascii_digit())
            && !after.is_some_and(|c| c.is_ascii_digit());
        out.push_str(&rest[..at]);
        out.push_str(if alone { placeholder } else { &digits });
        rest = &rest[at + digits.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Catalog;

    #[test]
    fn placed_values_come_back_as_places_and_marks_are_gone() {
        let catalog = Catalog::load().unwrap();
        let en = catalog.get("en").unwrap();
        let pieces = en.t_pieces(
            "page-title",
            &[("page", PieceArg::Placed), ("site", PieceArg::Placed)],
        );
        assert_eq!(
            pieces,
            [Piece::Arg(0), Piece::Text(" – ".into()), Piece::Arg(1)]
        );
        // A number is formatted in place, without Fluent's marks.
        let ar = catalog.get("ar").unwrap();
        let pieces = ar.t_pieces(
            "feedback-count",
            &[("count", PieceArg::Value(FluentValue::from(3)))],
        );
        let [Piece::Text(text)] = pieces.as_slice() else {
            panic!("one piece of text: {pieces:?}")
        };
        assert!(text.contains(" 3 "), "{text}");
        assert!(!text.contains(ISOLATES), "{text:?}");
    }

    #[test]
    fn every_plural_category_of_the_language_is_given() {
        let catalog = Catalog::load().unwrap();
        let ar = catalog.get("ar").unwrap();
        let forms = ar.plural_forms("feedback-count", "count", "%{count}");
        let keys: Vec<_> = forms.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, CATEGORIES);
        let few = &forms[3].1;
        assert!(few.contains("%{count}"), "{few}");
        assert!(!few.contains(ISOLATES), "{few:?}");
        let en = catalog.get("en").unwrap();
        let forms = en.plural_forms("feedback-count", "count", "%{count}");
        assert_eq!(
            forms,
            [
                (
                    "one",
                    "So far, %{count} person has found this page useful.".into()
                ),
                (
                    "other",
                    "So far, %{count} people have found this page useful.".into()
                ),
            ]
        );
    }

    #[test]
    fn only_the_number_itself_becomes_the_placeholder() {
        assert_eq!(with_placeholder("1 of 100, 1", 1, "#"), "# of 100, #");
        assert_eq!(with_placeholder("no number", 3, "#"), "no number");
    }
}
