//! Accounts: creating a user with their first password, and setting a password, the same
//! way for the administration pages and for `taawun user add`. The password policy
//! (`core::rules::check_password`) and the user's rules (checked by the store when it
//! saves) are applied here once; the front ends only word what was refused. Logins,
//! second factors, sessions and CSRF are request security and stay in `web`.

mod password;

pub(crate) use password::hash_with_seeded_salt;
pub use password::{HashError, hash_password, verify_password};

use password::verify_nothing;

use taawun_core::rules::check_password;
use taawun_core::{Id, RuleErrors, User};
use taawun_store::{Actor, Store, StoreError};

/// Why a new password is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PasswordProblem {
    /// Against the policy: too short or too long (each `RuleError` says which, with its
    /// bound, on the field `password`).
    #[error("{0}")]
    Policy(RuleErrors),
    /// The confirmation is not the password.
    #[error("the two passwords differ")]
    Mismatch,
}

/// Checks a new password and its confirmation: the policy first, then the confirmation
/// (a front end without one passes the password twice).
pub fn check_new_password(password: &str, confirm: &str) -> Result<(), PasswordProblem> {
    check_password(password).map_err(PasswordProblem::Policy)?;
    if password != confirm {
        return Err(PasswordProblem::Mismatch);
    }
    Ok(())
}

/// Why an account could not be created or its password set.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("password refused: {0}")]
    Password(#[from] PasswordProblem),
    /// The user's rules refused the record (a name taken or malformed, an organisation of
    /// another party…): one entry per problem, by field.
    #[error("user refused: {0}")]
    Invalid(RuleErrors),
    #[error(transparent)]
    Hash(#[from] HashError),
    /// Anything else the store said: a version conflict, a refused permission, a failure.
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for AccountError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Invalid(rules) => AccountError::Invalid(rules),
            e => AccountError::Store(e),
        }
    }
}

/// Hashes off the async workers: argon2 is deliberately slow (tens of milliseconds of CPU).
async fn hash(password: &str) -> Result<String, AccountError> {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|e| HashError::new(e.to_string()))?
        .map_err(AccountError::from)
}

/// Whether `password` matches the stored PHC string, verified off the async workers. With
/// no stored hash (no account, no password yet) the same time is spent and the answer is no,
/// so the time taken does not tell whether an account exists.
pub async fn password_matches(password: &str, phc: Option<String>) -> Result<bool, HashError> {
    let password = password.to_string();
    tokio::task::spawn_blocking(move || match phc {
        Some(h) if !h.is_empty() => verify_password(&password, &h),
        _ => verify_nothing(&password),
    })
    .await
    .map_err(|e| HashError::new(e.to_string()))
}

/// Creates `user` with `password` as `actor`: the password is checked and hashed first, so
/// a user is never created without the password they were given; then the store saves the
/// user (its rules, permission and audit) and their password hash.
pub async fn create_user(
    store: &dyn Store,
    actor: &Actor,
    user: &User,
    password: &str,
) -> Result<User, AccountError> {
    check_new_password(password, password)?;
    let hashed = hash(password).await?;
    let saved = store.save_user(actor, user).await?;
    store.set_password(actor, saved.id, &hashed).await?;
    Ok(saved)
}

/// Sets the password of the user `id` as `actor` (the user themselves, or whoever may edit
/// users: the store decides), after the policy check.
pub async fn set_password(
    store: &dyn Store,
    actor: &Actor,
    id: Id,
    password: &str,
) -> Result<(), AccountError> {
    check_new_password(password, password)?;
    let hashed = hash(password).await?;
    store.set_password(actor, id, &hashed).await?;
    Ok(())
}

/// A refusal as one sentence in `lang`, for a front end with no field to place it beside
/// (`taawun user add`); the pages place each rule error by its field instead.
impl taawun_i18n::Wording for AccountError {
    fn message(&self, lang: taawun_core::Lang) -> String {
        match self {
            AccountError::Password(PasswordProblem::Policy(rules)) => format!(
                "{} {}",
                taawun_i18n::message(lang, "account-password-refused"),
                taawun_i18n::Wording::message(rules, lang)
            ),
            AccountError::Password(PasswordProblem::Mismatch) => {
                taawun_i18n::message(lang, "password-mismatch")
            }
            AccountError::Invalid(rules) => format!(
                "{} {}",
                taawun_i18n::message(lang, "account-user-refused"),
                taawun_i18n::Wording::message(rules, lang)
            ),
            e => e.to_string(),
        }
    }
}
