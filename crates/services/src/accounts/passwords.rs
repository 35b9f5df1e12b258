//! Password hashing: argon2id with OWASP's parameters, run on the blocking
//! pool and capped, so a flood of sign-in attempts queues here instead of
//! starving the threads that serve pages.

use std::sync::{Arc, OnceLock};

use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use cohesion_domain::identity::NewPassword;
use tokio::sync::Semaphore;

use crate::ServiceError;

/// OWASP's argon2id recommendation: 19 MiB of memory, 2 passes, 1 lane.
const MEMORY_KIB: u32 = 19 * 1024;
const PASSES: u32 = 2;
const LANES: u32 = 1;

#[derive(Clone)]
pub struct Passwords {
    permits: Arc<Semaphore>,
}

fn argon2() -> Argon2<'static> {
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A hash of a password nobody has, checked when an account does not
/// exist so that "no such account" takes as long as "wrong password".
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| {
        let salt = SaltString::encode_b64(b"cohesion-decoy-salt").expect("valid salt");
        argon2()
            .hash_password(b"not anyone's password", &salt)
            .expect("hashing works")
            .to_string()
    })
}

impl Passwords {
    /// At most `concurrent` hashes at once (one per core is sensible).
    pub fn new(concurrent: usize) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(concurrent.max(1))),
        }
    }

    pub async fn hash(&self, password: &NewPassword) -> Result<String, ServiceError> {
        let secret = password.expose().to_owned();
        self.run(move || {
            let mut salt = [0u8; 16];
            getrandom::getrandom(&mut salt).map_err(|e| ServiceError::Crypto(e.to_string()))?;
            let salt =
                SaltString::encode_b64(&salt).map_err(|e| ServiceError::Crypto(e.to_string()))?;
            argon2()
                .hash_password(secret.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|e| ServiceError::Crypto(e.to_string()))
        })
        .await?
    }

    /// Whether `candidate` matches `stored`; with no stored hash (no such
    /// account, or a deleted one) it still does the work, then says no.
    pub async fn verify(
        &self,
        stored: Option<&str>,
        candidate: &str,
    ) -> Result<bool, ServiceError> {
        let (hash, real) = match stored {
            Some(h) => (h.to_owned(), true),
            None => (decoy_hash().to_owned(), false),
        };
        // Argon2 takes any length; a megabyte "password" is only a way to
        // burn our CPU, and no stored password is longer than this.
        let candidate: String = candidate
            .chars()
            .take(cohesion_domain::identity::password::MAX_CHARS)
            .collect();
        let matches = self
            .run(move || {
                PasswordHash::new(&hash)
                    .map(|parsed| {
                        argon2()
                            .verify_password(candidate.as_bytes(), &parsed)
                            .is_ok()
                    })
                    .unwrap_or(false)
            })
            .await?;
        Ok(real && matches)
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ServiceError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| ServiceError::Crypto(e.to_string()))?;
        tokio::task::spawn_blocking(work)
            .await
            .map_err(|e| ServiceError::Crypto(e.to_string()))
    }
}
