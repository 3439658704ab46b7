//! Passwords: long, any characters, no composition rules, but not guessable.
//! Hashing is argon2id (OWASP: m=19 MiB, t=2, p=1) on a few threads of its
//! own, so a burst of sign-ins queues instead of exhausting memory.

use std::{
    fmt,
    sync::{Arc, Mutex, mpsc},
};

use argon2::{
    Algorithm, Argon2, Params, PasswordHash, PasswordHasher as _, PasswordVerifier as _, Version,
    password_hash::SaltString,
};
use rand::RngCore;
use tokio::sync::{OnceCell, oneshot};

use crate::web::error::AppError;

pub const MIN_CHARS: usize = 12;
pub const MAX_CHARS: usize = 128;

/// A password that passed the rules. Its `Debug` never shows it.
#[derive(Clone)]
pub struct Password(String);

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(..)")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    /// zxcvbn scored it below 3; the hint says what kind of guess finds it.
    Guessable(GuessHint),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuessHint {
    CommonPassword,
    Pattern,
    Date,
    WordsOrNames,
    General,
}

impl PasswordProblem {
    pub fn message_key(self) -> &'static str {
        match self {
            Self::TooShort => "password-too-short",
            Self::TooLong => "password-too-long",
            Self::Guessable(GuessHint::CommonPassword) => "password-guessable-common",
            Self::Guessable(GuessHint::Pattern) => "password-guessable-pattern",
            Self::Guessable(GuessHint::Date) => "password-guessable-date",
            Self::Guessable(GuessHint::WordsOrNames) => "password-guessable-words",
            Self::Guessable(GuessHint::General) => "password-guessable",
        }
    }
}

impl Password {
    /// `related` are words an attacker would try first (the pseudonym, the
    /// instance's name).
    pub fn parse(input: &str, related: &[&str]) -> Result<Self, PasswordProblem> {
        let length = input.chars().count();
        if length < MIN_CHARS {
            return Err(PasswordProblem::TooShort);
        }
        if length > MAX_CHARS {
            return Err(PasswordProblem::TooLong);
        }
        let estimate = zxcvbn::zxcvbn(input, related);
        if u8::from(estimate.score()) < 3 {
            let hint = estimate.feedback().and_then(|f| f.warning()).map_or(GuessHint::General, hint_for);
            return Err(PasswordProblem::Guessable(hint));
        }
        Ok(Self(input.to_owned()))
    }
}

fn hint_for(warning: zxcvbn::feedback::Warning) -> GuessHint {
    use zxcvbn::feedback::Warning as W;
    match warning {
        W::ThisIsATop10Password
        | W::ThisIsATop100Password
        | W::ThisIsACommonPassword
        | W::ThisIsSimilarToACommonlyUsedPassword => GuessHint::CommonPassword,
        W::StraightRowsOfKeysAreEasyToGuess
        | W::ShortKeyboardPatternsAreEasyToGuess
        | W::RepeatsLikeAaaAreEasyToGuess
        | W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess
        | W::SequencesLikeAbcAreEasyToGuess => GuessHint::Pattern,
        W::RecentYearsAreEasyToGuess | W::DatesAreOftenEasyToGuess => GuessHint::Date,
        W::AWordByItselfIsEasyToGuess
        | W::NamesAndSurnamesByThemselvesAreEasyToGuess
        | W::CommonNamesAndSurnamesAreEasyToGuess => GuessHint::WordsOrNames,
    }
}

type Job = Box<dyn FnOnce() + Send>;

/// Hashes and verifies on `concurrent` threads of its own. Not on tokio's
/// blocking pool: each hash takes 19 MiB, and the C allocator keeps a freed
/// block for the thread that used it, so a burst spread over the pool's many
/// threads held ~470 MB; a few threads hold a few blocks.
#[derive(Clone)]
pub struct Hasher {
    jobs: mpsc::Sender<Job>,
    /// Verified against when a pseudonym is unknown, so a wrong name takes as
    /// long as a wrong password and does not reveal who has an account.
    decoy: Arc<OnceCell<String>>,
}

impl fmt::Debug for Hasher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Hasher").finish_non_exhaustive()
    }
}

fn argon2() -> Argon2<'static> {
    // The parameters are constants that argon2 accepts; fall back to its
    // defaults (also argon2id) rather than fail if that ever changed.
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

impl Hasher {
    /// Starts the threads; they end when the last handle is dropped.
    pub fn new(concurrent: usize) -> Result<Self, String> {
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..concurrent.max(1) {
            let queue = Arc::clone(&queue);
            std::thread::Builder::new()
                .name(format!("hearth-hash-{n}"))
                .spawn(move || {
                    // The lock is held only while waiting for the next job.
                    while let Some(job) = queue.lock().ok().and_then(|queue| queue.recv().ok()) {
                        job();
                    }
                })
                .map_err(|err| format!("cannot start the password hashers: {err}"))?;
        }
        Ok(Self { jobs, decoy: Arc::new(OnceCell::new()) })
    }

    pub async fn hash(&self, password: &Password) -> Result<String, AppError> {
        let secret = password.0.clone();
        self.run(move || {
            let mut salt = [0u8; 16];
            rand::rng().fill_bytes(&mut salt);
            let salt = SaltString::encode_b64(&salt).map_err(|err| AppError::internal(err.to_string()))?;
            argon2()
                .hash_password(secret.as_bytes(), &salt)
                .map(|hash| hash.to_string())
                .map_err(|err| AppError::internal(err.to_string()))
        })
        .await
    }

    /// `stored` is `None` for an unknown pseudonym: the decoy is checked instead
    /// and the answer is always `false`.
    pub async fn verify(&self, attempt: &str, stored: Option<String>) -> Result<bool, AppError> {
        let known = stored.is_some();
        let stored = match stored {
            Some(hash) => hash,
            None => self.decoy().await?,
        };
        let attempt = attempt.to_owned();
        let matches = self
            .run(move || {
                let parsed = PasswordHash::new(&stored).map_err(|err| AppError::internal(err.to_string()))?;
                Ok(argon2().verify_password(attempt.as_bytes(), &parsed).is_ok())
            })
            .await?;
        Ok(known && matches)
    }

    async fn decoy(&self) -> Result<String, AppError> {
        self.decoy
            .get_or_try_init(|| async {
                let mut random = [0u8; 24];
                rand::rng().fill_bytes(&mut random);
                self.hash(&Password(data_encoding::BASE64.encode(&random))).await
            })
            .await
            .cloned()
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
    ) -> Result<T, AppError> {
        let (reply, answer) = oneshot::channel();
        let job: Job = Box::new(move || {
            // The request may be gone (the client hung up): nothing to tell.
            let _ = reply.send(work());
        });
        self.jobs.send(job).map_err(|_| AppError::internal("the password hashers have stopped"))?;
        answer.await.map_err(|_| AppError::internal("a password hash was lost"))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_rules_count_characters_not_bytes() {
        assert!(matches!(Password::parse("short", &[]), Err(PasswordProblem::TooShort)));
        assert!(matches!(Password::parse(&"x".repeat(129), &[]), Err(PasswordProblem::TooLong)));
        assert!(Password::parse("ééé ∂∆ 🌲🌲 丸い月 river", &[]).is_ok());
    }

    #[test]
    fn guessable_passwords_are_refused_with_a_reason() {
        assert!(matches!(Password::parse("password1234", &[]), Err(PasswordProblem::Guessable(_))));
        assert!(matches!(Password::parse("abcdefghijklmn", &[]), Err(PasswordProblem::Guessable(GuessHint::Pattern))));
        assert!(matches!(Password::parse("WillowWillow1", &["Willow"]), Err(PasswordProblem::Guessable(_))));
        assert!(Password::parse("lantern orbit cobalt meadow", &[]).is_ok());
    }

    #[test]
    fn debug_hides_the_secret() {
        let password = Password::parse("lantern orbit cobalt meadow", &[]).unwrap();
        assert!(!format!("{password:?}").contains("lantern"));
    }

    #[tokio::test]
    async fn hashes_are_argon2id_and_verify() {
        let hasher = Hasher::new(1).unwrap();
        let password = Password::parse("lantern orbit cobalt meadow", &[]).unwrap();
        let hash = hasher.hash(&password).await.unwrap();
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(hasher.verify("lantern orbit cobalt meadow", Some(hash.clone())).await.unwrap());
        assert!(!hasher.verify("lantern orbit cobalt meadows", Some(hash)).await.unwrap());
        assert!(!hasher.verify("anything at all here", None).await.unwrap());
    }
}
