//! Personal data masked before an answer is displayed: e-mail addresses,
//! phone numbers (9 to 15 digits, with the usual separators, in any
//! digits Unicode knows, Arabic-Indic included) and UK postcodes. Masking
//! is for display only; analysis runs on the text as written.

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::Regex;

pub const EMAIL: &str = "[email]";
pub const PHONE: &str = "[phone]";
pub const POSTCODE: &str = "[postcode]";

struct Patterns {
    email: Regex,
    phone: Regex,
    postcode: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        email: Regex::new(r"(?i)[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}").expect("valid"),
        phone: Regex::new(r"(?:\+|\b)\d(?:[ \-.()\u{00A0}]{0,2}\d){7,18}\b").expect("valid"),
        postcode: Regex::new(
            r"(?i)\b(?:GIR ?0AA|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2})\b",
        )
        .expect("valid"),
    })
}

/// `text` with personal data replaced by `[email]`, `[phone]` and
/// `[postcode]`. Borrowed when there was nothing to mask.
pub fn mask(text: &str) -> Cow<'_, str> {
    let p = patterns();
    let mut out = p.email.replace_all(text, EMAIL);
    let phone = p.phone.replace_all(&out, |caps: &regex::Captures| {
        let m = &caps[0];
        let digits = m.chars().filter(|c| c.is_numeric()).count();
        if (9..=15).contains(&digits) {
            PHONE.to_string()
        } else {
            m.to_string()
        }
    });
    if let Cow::Owned(s) = phone {
        out = Cow::Owned(s);
    }
    let postcode = p.postcode.replace_all(&out, POSTCODE);
    if let Cow::Owned(s) = postcode {
        out = Cow::Owned(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_phones_postcodes() {
        assert_eq!(
            mask("Write to jo.bloggs+council@example.co.uk or call 020 7946 0018."),
            "Write to [email] or call [phone]."
        );
        assert_eq!(mask("Ring +44 (0)7700 900123 today"), "Ring [phone] today");
        assert_eq!(
            mask("I live at SW1A 1AA, near M1 1AE"),
            "I live at [postcode], near [postcode]"
        );
        assert_eq!(mask("رقمي ٠٥٠١٢٣٤٥٦٧ شكرا"), "رقمي [phone] شكرا");
    }

    #[test]
    fn ordinary_numbers_stay() {
        let s = "In 2024 we planted 1,500 trees on 12 streets; see section 3.2.1";
        assert_eq!(mask(s), s);
        assert!(matches!(mask("nothing here"), Cow::Borrowed(_)));
        assert_eq!(mask(""), "");
    }
}
