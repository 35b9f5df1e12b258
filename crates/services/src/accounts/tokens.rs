//! Secrets sent to people (session cookies, email links) and their stored
//! form: 256 random bits, hex-encoded; only the SHA-256 is kept. And the
//! anonymous form token (ADR 19): a cookie the server issues and signs
//! with the site's key, and the token forms carry, derived from it.

use cohesion_storage::site::keys;
use cohesion_storage::Db;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

use crate::ServiceError;

/// How long an anonymous form cookie is honoured after it was issued.
pub const FORM_COOKIE_SECS: i64 = 2 * 60 * 60;

/// The site key that signs anonymous form cookies, read from the database
/// (made there on first use, so every server shares it).
#[derive(Clone)]
pub struct FormKey(Vec<u8>);

impl std::fmt::Debug for FormKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FormKey(…)")
    }
}

/// Reads (or makes) the site's form key.
pub async fn form_key(db: &Db) -> Result<FormKey, ServiceError> {
    let mut c = db.acquire().await?;
    let secret = keys::get_or_create(c.conn(), "form_cookie", &new_token()?).await?;
    Ok(FormKey(secret.into_bytes()))
}

impl FormKey {
    fn mac(&self, purpose: &str, text: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        mac.update(purpose.as_bytes());
        mac.update(b"\n");
        mac.update(text.as_bytes());
        hex(&mac.finalize().into_bytes())
    }

    /// A new cookie value issued at `now` (seconds since the epoch):
    /// random, with the time and the site's signature.
    pub fn issue(&self, now: i64) -> Result<String, ServiceError> {
        let body = format!("{}.{now}", new_token()?);
        Ok(format!("{body}.{}", self.mac("cookie", &body)))
    }

    /// Whether `cookie` is one this site issued, less than
    /// [`FORM_COOKIE_SECS`] before `now`. A value the client made up,
    /// or one from another site, is not.
    pub fn issued(&self, cookie: &str, now: i64) -> bool {
        let Some((body, mac)) = cookie.rsplit_once('.') else {
            return false;
        };
        let fresh = body
            .rsplit_once('.')
            .and_then(|(_, at)| at.parse::<i64>().ok())
            .is_some_and(|at| at <= now && now - at < FORM_COOKIE_SECS);
        fresh && constant_time_eq(self.mac("cookie", body).as_bytes(), mac.as_bytes())
    }

    /// The token forms carry with an issued `cookie`.
    pub fn form_token(&self, cookie: &str) -> String {
        self.mac("form", cookie)
    }
}

/// Compares secrets in a time that does not depend on where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

pub fn new_token() -> Result<String, ServiceError> {
    let mut bytes = [0u8; 32];
    getrandom::getrandom(&mut bytes).map_err(|e| ServiceError::Crypto(e.to_string()))?;
    Ok(hex(&bytes))
}

pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_cookies_are_honoured_only_as_issued_and_while_fresh() {
        let key = FormKey(b"a site key".to_vec());
        let other = FormKey(b"another site".to_vec());
        let cookie = key.issue(1_000).unwrap();
        assert!(key.issued(&cookie, 1_000));
        assert!(key.issued(&cookie, 1_000 + FORM_COOKIE_SECS - 1));
        assert!(!key.issued(&cookie, 1_000 + FORM_COOKIE_SECS), "expired");
        assert!(!key.issued(&cookie, 999), "from the future");
        assert!(!other.issued(&cookie, 1_000), "signed by another key");
        for made_up in ["", "t0k3n", "A.B.C", &cookie.replace(".1000.", ".1001.")] {
            assert!(!key.issued(made_up, 1_000), "{made_up:?}");
        }
        assert_eq!(key.form_token(&cookie), key.form_token(&cookie));
        assert_ne!(key.form_token(&cookie), other.form_token(&cookie));
        assert_ne!(
            key.form_token(&cookie),
            key.form_token(&key.issue(1_000).unwrap())
        );
    }

    #[test]
    fn tokens_are_random_and_hashes_stable() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(hash_token(&a), hash_token(&a));
        assert_ne!(hash_token(&a), a);
        assert_eq!(
            hash_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "SHA-256 test vector"
        );
    }
}
