//! Email addresses, checked for shape (delivery proves the rest) and
//! normalised so that one mailbox is one account.

use crate::error::{ErrorCode, ValidationError};

const MAX_LEN: usize = 254;
const MAX_LOCAL: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    /// Trims, lowercases, and checks the address has one `@`, a local part
    /// of at most 64 characters and a dotted domain, with no spaces or
    /// control characters. Anything else is refused, field by field.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let invalid = || ValidationError::new("email", ErrorCode::InvalidEmail);
        let value = raw.trim().to_lowercase();
        if value.is_empty() {
            return Err(ValidationError::new("email", ErrorCode::FieldRequired));
        }
        if value.len() > MAX_LEN || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(invalid());
        }
        let (local, domain) = value.split_once('@').ok_or_else(invalid)?;
        // Each dot-separated label: 1 to 63 characters, letters, digits and
        // inner hyphens (what DNS and mail libraries accept).
        let label_ok = |l: &str| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        };
        let domain_ok = domain.contains('.') && domain.split('.').all(label_ok);
        let local_ok = !local.is_empty()
            && local.len() <= MAX_LOCAL
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && !local.contains(['<', '>', '(', ')', '[', ']', ',', ';', ':', '\\', '"']);
        if domain_ok && local_ok {
            Ok(Self(value))
        } else {
            Err(invalid())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_are_checked_label_by_label() {
        for bad in ["a@x.-y.org", "a@x-.org", "a@x..org", "a@.x.org", "a@x.org."] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
        let long = format!("a@{}.org", "x".repeat(64));
        assert!(Email::parse(&long).is_err(), "a label over 63 characters");
        assert!(Email::parse("a@mail.x-y.example.org").is_ok());
    }

    #[test]
    fn normalises_and_accepts_ordinary_addresses() {
        assert_eq!(
            Email::parse("  Amina.K@Example.ORG ").unwrap().as_str(),
            "amina.k@example.org"
        );
        assert!(Email::parse("o'brien+consult@council.gov.uk").is_ok());
        assert!(
            Email::parse("سارة@مثال.عرب").is_ok(),
            "internationalised addresses"
        );
    }

    #[test]
    fn refuses_malformed_addresses() {
        for bad in [
            "no-at-sign",
            "a@b",
            "@example.org",
            "a@@example.org",
            "a b@example.org",
            "a@example..org",
            ".a@example.org",
            "a.@example.org",
            "a@-example.org",
            "<script>@example.org",
            "a@exa\nmple.org",
            "a\u{0}@example.org",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be refused");
        }
        let long = format!("{}@example.org", "a".repeat(65));
        assert_eq!(
            Email::parse(&long).unwrap_err().code,
            ErrorCode::InvalidEmail
        );
        assert_eq!(
            Email::parse("  ").unwrap_err().code,
            ErrorCode::FieldRequired
        );
    }
}
