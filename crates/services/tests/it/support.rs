//! What every room shares: letters written plainly, the site's address
//! and the password every test account has.

use cohesion_services::accounts::{Letter, LetterKind, Letters};

pub struct Plain;

impl Letters for Plain {
    fn write(&self, kind: LetterKind<'_>, locale: &str, link: &str) -> Letter {
        Letter {
            subject: format!("[{locale}] {kind:?}"),
            body: format!("Open {link}"),
        }
    }
}

pub const BASE: &str = "https://engage.example";
pub const PASSWORD: &str = "a long river of quiet words";
