//! `PLURAL($n)`: the plural form of a number, as CLDR defines it, for
//! messages to select on where Fluent's own selection is wrong.
//!
//! fluent-bundle picks plural variants with `intl_pluralrules` 7.0.2,
//! whose Arabic rule compares the whole number where CLDR compares its
//! last two digits ("few" is n % 100 = 3..10, "many" n % 100 = 11..99):
//! it wrote "أجاب 110 شخص" and "233 شخص" where Arabic says "110 أشخاص"
//! and "233 شخصًا". Arabic messages therefore select on `PLURAL($count)`,
//! which gives the category as text (a text selector matches its variant
//! key exactly); in other languages it hands the number back unchanged,
//! so Fluent's selection applies as before. A test keeps every Arabic
//! plural selector on `PLURAL`.

use fluent_bundle::{FluentArgs, FluentValue};

/// The function registered as `PLURAL` in the bundle of language `tag`.
pub(crate) fn function(
    tag: &str,
) -> impl for<'a> Fn(&[FluentValue<'a>], &FluentArgs) -> FluentValue<'a> + Send + Sync + 'static {
    let arabic = tag == "ar" || tag.starts_with("ar-");
    move |positional, _named| match positional.first() {
        Some(FluentValue::Number(n)) if arabic => FluentValue::from(arabic_category(n.value)),
        Some(value) => value.clone(),
        None => FluentValue::Error,
    }
}

/// CLDR's cardinal plural category of `n` in Arabic.
fn arabic_category(n: f64) -> &'static str {
    if n.fract() != 0.0 || !n.is_finite() {
        return "other";
    }
    let i = n.abs() as u64;
    match (i, i % 100) {
        (0, _) => "zero",
        (1, _) => "one",
        (2, _) => "two",
        (_, 3..=10) => "few",
        (_, 11..=99) => "many",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::arabic_category;

    #[test]
    fn arabic_categories_follow_the_last_two_digits() {
        let of = |ns: &[f64]| ns.iter().map(|n| arabic_category(*n)).collect::<Vec<_>>();
        assert_eq!(of(&[0.0, 1.0, 2.0]), ["zero", "one", "two"]);
        assert_eq!(of(&[3.0, 10.0, 103.0, 110.0, 1_010.0]), ["few"; 5]);
        assert_eq!(of(&[11.0, 99.0, 111.0, 233.0, 1_099.0]), ["many"; 5]);
        assert_eq!(
            of(&[100.0, 101.0, 102.0, 300.0, 1_000.0, 2.5]),
            ["other"; 6]
        );
    }
}
