//! Community organisations: what kind they are, how they are registered,
//! and how to reach them.

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, ValidationError};
use crate::identity::Email;
use crate::text::{optional_line, required, required_line};

pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_ADDRESS_CHARS: usize = 500;
pub const MAX_REGISTRATION_CHARS: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    Charity,
    CommunityGroup,
    Company,
    LocalAuthority,
    Other,
}

impl OrganisationKind {
    pub const ALL: [OrganisationKind; 5] = [
        OrganisationKind::Charity,
        OrganisationKind::CommunityGroup,
        OrganisationKind::Company,
        OrganisationKind::LocalAuthority,
        OrganisationKind::Other,
    ];

    pub const fn key(self) -> &'static str {
        match self {
            OrganisationKind::Charity => "charity",
            OrganisationKind::CommunityGroup => "community_group",
            OrganisationKind::Company => "company",
            OrganisationKind::LocalAuthority => "local_authority",
            OrganisationKind::Other => "other",
        }
    }

    pub fn parse(key: &str) -> Result<Self, ValidationError> {
        OrganisationKind::ALL
            .into_iter()
            .find(|k| k.key() == key)
            .ok_or(ValidationError::new("kind", ErrorCode::InvalidChoice))
    }
}

/// An identifier in the org-id.guide scheme: a registry prefix and the
/// organisation's number in that registry, e.g. `GB-CHC-1234567`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OrgIdentifier(String);

/// The UK registers we know, with the shape of their numbers. Checking
/// the shape catches typos and numbers pasted under the wrong register.
/// Whether a number fits a register's shape.
type Fits = fn(&str) -> bool;

const REGISTERS: &[(&str, Fits)] = &[
    // Charity Commission for England and Wales: 6 to 8 digits.
    ("GB-CHC", |n| digits(n, 6, 8)),
    // Companies House: 8 characters, two letters or digits then six digits
    // (01234567, SC123456, CE000123).
    ("GB-COH", |n| {
        n.len() == 8
            && n[..2].chars().all(|c| c.is_ascii_alphanumeric())
            && n[2..].chars().all(|c| c.is_ascii_digit())
    }),
    // Local authorities in England, Scotland, Wales and Northern Ireland:
    // three or four letter codes (BIR, KEN).
    ("GB-LAE", |n| letters(n, 3, 4)),
    ("GB-LAS", |n| letters(n, 3, 4)),
    ("GB-PLA", |n| letters(n, 3, 4)),
    ("GB-LAN", |n| letters(n, 3, 4)),
    // Scottish Charity Regulator: SC and six digits.
    ("GB-SC", |n| {
        n.len() == 8 && n.starts_with("SC") && digits(&n[2..], 6, 6)
    }),
    // Charity Commission for Northern Ireland: 5 or 6 digits.
    ("GB-NIC", |n| digits(n, 5, 6)),
];

fn digits(n: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit())
}

fn letters(n: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&n.len()) && n.chars().all(|c| c.is_ascii_uppercase())
}

impl OrgIdentifier {
    /// Accepts `GB-CHC-1234567` in any case and with spaces around; the
    /// register must be one we know and the number must fit it.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let invalid = ValidationError::new("org_identifier", ErrorCode::InvalidOrgIdentifier);
        let value = raw.trim().to_ascii_uppercase();
        REGISTERS
            .iter()
            .find_map(|(prefix, fits)| {
                let number = value.strip_prefix(prefix)?.strip_prefix('-')?;
                fits(number).then(|| Self(value.clone()))
            })
            .ok_or(invalid)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A checked registration, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganisation {
    pub name: String,
    pub kind: OrganisationKind,
    pub registration_number: Option<String>,
    pub org_identifier: Option<OrgIdentifier>,
    pub address: String,
    pub contact_name: String,
    pub contact_email: Email,
    pub contact_phone: Option<String>,
}

/// The form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct OrganisationInput {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub registration_number: String,
    #[serde(default)]
    pub org_identifier: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub contact_name: String,
    #[serde(default)]
    pub contact_email: String,
    #[serde(default)]
    pub contact_phone: String,
}

impl OrganisationInput {
    /// Checks every field, reporting every problem at once.
    pub fn validate(&self) -> Result<NewOrganisation, Vec<ValidationError>> {
        let mut errors = Vec::new();
        let name = keep(
            &mut errors,
            required_line("name", &self.name, MAX_NAME_CHARS),
        );
        let kind = keep(&mut errors, OrganisationKind::parse(&self.kind));
        let registration_number = keep(
            &mut errors,
            optional_line(
                "registration_number",
                &self.registration_number,
                MAX_REGISTRATION_CHARS,
            ),
        );
        let org_identifier = keep(
            &mut errors,
            if self.org_identifier.trim().is_empty() {
                Ok(None)
            } else {
                OrgIdentifier::parse(&self.org_identifier).map(Some)
            },
        );
        let address = keep(
            &mut errors,
            required("address", &self.address, MAX_ADDRESS_CHARS),
        );
        let contact_name = keep(
            &mut errors,
            required_line("contact_name", &self.contact_name, 100),
        );
        let contact_email = keep(
            &mut errors,
            Email::parse(&self.contact_email)
                .map_err(|e| ValidationError::new("contact_email", e.code)),
        );
        let contact_phone = keep(&mut errors, phone(&self.contact_phone));
        match (
            name,
            kind,
            registration_number,
            org_identifier,
            address,
            contact_name,
            contact_email,
            contact_phone,
        ) {
            (
                Some(name),
                Some(kind),
                Some(reg),
                Some(org_id),
                Some(addr),
                Some(cn),
                Some(ce),
                Some(cp),
            ) if errors.is_empty() => Ok(NewOrganisation {
                name,
                kind,
                registration_number: reg,
                org_identifier: org_id,
                address: addr,
                contact_name: cn,
                contact_email: ce,
                contact_phone: cp,
            }),
            _ => Err(errors),
        }
    }
}

/// The value, or `None` with the problem noted.
fn keep<T>(errors: &mut Vec<ValidationError>, r: Result<T, ValidationError>) -> Option<T> {
    r.map_err(|e| errors.push(e)).ok()
}

/// A telephone number as people write them: digits, spaces, brackets,
/// hyphens and a leading plus; 7 to 15 digits in all.
fn phone(raw: &str) -> Result<Option<String>, ValidationError> {
    let value = raw.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let shape_ok = value
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || " ()-".contains(c) || (c == '+' && i == 0));
    let count = value.chars().filter(char::is_ascii_digit).count();
    if shape_ok && (7..=15).contains(&count) && value.len() <= 30 {
        Ok(Some(value.to_owned()))
    } else {
        Err(ValidationError::new(
            "contact_phone",
            ErrorCode::InvalidPhone,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> OrganisationInput {
        OrganisationInput {
            name: "Riverside Youth Forum".into(),
            kind: "charity".into(),
            registration_number: "1234567".into(),
            org_identifier: " gb-chc-1234567 ".into(),
            address: "12 Mill Lane\nBrightwater".into(),
            contact_name: "Sam Okoye".into(),
            contact_email: "sam@riverside.example".into(),
            contact_phone: "+44 20 7946 0000".into(),
        }
    }

    #[test]
    fn a_complete_registration_is_accepted_and_normalised() {
        let org = input().validate().unwrap();
        assert_eq!(org.org_identifier.unwrap().as_str(), "GB-CHC-1234567");
        assert_eq!(org.kind, OrganisationKind::Charity);
    }

    #[test]
    fn identifiers_are_checked_by_register() {
        for ok in [
            "GB-CHC-202918",
            "GB-COH-01234567",
            "GB-COH-SC123456",
            "GB-LAE-BIR",
            "GB-SC-SC012345",
            "GB-NIC-100001",
        ] {
            assert!(OrgIdentifier::parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "GB-CHC-12",
            "GB-CHC-ABCDEFG",
            "GB-COH-123",
            "GB-LAE-12",
            "XX-ABC-123",
            "GB-CHC1234567",
            "GB-CHC-1234567; DROP",
            "",
        ] {
            assert_eq!(
                OrgIdentifier::parse(bad).unwrap_err().code,
                ErrorCode::InvalidOrgIdentifier,
                "{bad}"
            );
        }
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = OrganisationInput {
            name: "".into(),
            kind: "cult".into(),
            org_identifier: "GB-XYZ-1".into(),
            contact_email: "nope".into(),
            contact_phone: "call me".into(),
            ..input()
        };
        let fields: Vec<&str> = bad
            .validate()
            .unwrap_err()
            .iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            [
                "name",
                "kind",
                "org_identifier",
                "contact_email",
                "contact_phone"
            ]
        );
    }

    #[test]
    fn optional_parts_may_be_left_out() {
        let org = OrganisationInput {
            registration_number: " ".into(),
            org_identifier: "".into(),
            contact_phone: "".into(),
            ..input()
        }
        .validate()
        .unwrap();
        assert!(org.org_identifier.is_none() && org.contact_phone.is_none());
    }
}
