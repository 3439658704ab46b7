//! The step after a right password on an account with two-factor: a code
//! from the authenticator app, or a recovery code when the app is lost. The
//! session is made only once this step succeeds; until then a short-lived
//! challenge (hashed token in the database, `__Host-hearth-2fa` cookie) holds
//! who it is. The step is rate-limited like sign-in, and a challenge allows
//! a few wrong codes before the password must be given again.

use axum::{
    Router,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::Response,
    routing::get,
};
use serde::Deserialize;

use super::{
    device::Device,
    store::{self, ChallengeRow, NewChallenge},
    totp,
    views::SignInCodeView,
};
use crate::{
    accounts::{
        secret,
        session::{self, Keeping},
        store::{self as accounts_store, UserRow},
    },
    web::{
        AppState, cookies,
        csrf::Post,
        error::AppError,
        limits::ClientAddress,
        page::{PageCtx, render, render_with_status, see_other},
        paths,
    },
};

/// How long a right password waits for its code.
pub const CHALLENGE_SECONDS: i64 = 5 * 60;
/// Wrong codes one challenge allows before the password is needed again.
pub const CODES_ALLOWED: i64 = 5;

pub fn router() -> Router<AppState> {
    Router::new().route(paths::SIGN_IN_CODE, get(code_get).post(code_post))
}

/// After a right password on an account with two-factor: remembers who it
/// was for a few minutes and sends the browser to the code step.
pub async fn challenge(state: &AppState, user: &UserRow, keeping: Keeping<'_>) -> Result<Response, AppError> {
    let token = secret::new_token();
    let now = state.clock.now();
    let challenge = NewChallenge {
        token_hash: &secret::digest(&token),
        user_id: user.id,
        remember: keeping.remember,
        device: &keeping.device.0,
        now,
        expires_at: now + CHALLENGE_SECONDS,
    };
    store::insert_challenge(&state.db.write, challenge).await?;
    let mut response = see_other(paths::SIGN_IN_CODE);
    response.headers_mut().append(header::SET_COOKIE, cookies::set(cookies::CHALLENGE, &token));
    Ok(response)
}

async fn pending(state: &AppState, headers: &HeaderMap) -> Result<Option<ChallengeRow>, AppError> {
    let Some(token) = cookies::get(headers, cookies::CHALLENGE) else { return Ok(None) };
    Ok(store::live_challenge(&state.db.read, &secret::digest(token), state.clock.now()).await?)
}

/// GET /sign-in/code — asks for the code; without a live challenge, back to sign-in.
async fn code_get(State(state): State<AppState>, ctx: PageCtx, headers: HeaderMap) -> Result<Response, AppError> {
    if ctx.pseudonym.is_some() {
        return Ok(see_other(paths::HOME));
    }
    if pending(&state, &headers).await?.is_none() {
        return Ok(see_other(paths::SIGN_IN));
    }
    render(&SignInCodeView { ctx, error: None })
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    code: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Proof {
    AppCode,
    RecoveryCode,
}

/// POST /sign-in/code — with a right code, the session starts. A recovery
/// code works too: it is used up, every other session of the account ends,
/// and the member lands where they can set up a new authenticator.
async fn code_post(
    State(state): State<AppState>,
    client: ClientAddress,
    ctx: PageCtx,
    headers: HeaderMap,
    Post(form): Post<CodeForm>,
) -> Result<Response, AppError> {
    state.limits.check_address(client)?;
    let Some(challenge) = pending(&state, &headers).await? else { return Ok(see_other(paths::SIGN_IN)) };
    state.limits.check_sign_in(&format!("two-factor {}", challenge.user_id), client)?;
    let user = accounts_store::user_by_id(&state.db.read, challenge.user_id).await?;
    // A ban since the password step ends it too.
    let user = user.filter(|u| u.banned_at.is_none()).ok_or(AppError::SignInRequired)?;
    let now = state.clock.now();
    let mut tx = state.db.write.begin().await?;
    let step = user.totp_secret.as_deref().and_then(|secret| totp::matching_step(secret, &form.code, now));
    let proof = match step {
        // A code is good once: a replayed one (same step) is refused.
        Some(step) => store::claim_totp_step(&mut *tx, user.id, step).await?.then_some(Proof::AppCode),
        None => {
            let hash = secret::digest(&secret::normalise_recovery_code(&form.code));
            accounts_store::use_recovery_code(&mut *tx, user.id, &hash).await?.then_some(Proof::RecoveryCode)
        }
    };
    let Some(proof) = proof else {
        tx.rollback().await?;
        store::fail_challenge(&state.db.write, challenge.id, CODES_ALLOWED).await?;
        let view = SignInCodeView { ctx, error: Some("two-factor-code-wrong") };
        return render_with_status(StatusCode::UNPROCESSABLE_ENTITY, &view);
    };
    if !store::take_challenge(&mut *tx, challenge.id).await? {
        tx.rollback().await?;
        return Ok(see_other(paths::SIGN_IN));
    }
    if proof == Proof::RecoveryCode {
        accounts_store::delete_sessions_of(&mut *tx, user.id, None).await?;
    }
    let device = Device(challenge.device.clone());
    let keeping = Keeping { device: &device, remember: challenge.remember == 1 };
    let started = session::start(&state, &mut tx, &user, now, keeping).await?;
    tx.commit().await?;
    let mut response = see_other(if proof == Proof::RecoveryCode { paths::ACCOUNT_TWO_FACTOR } else { paths::HOME });
    let headers = response.headers_mut();
    headers.append(header::SET_COOKIE, started.cookie);
    headers.append(header::SET_COOKIE, cookies::remove(cookies::CHALLENGE));
    Ok(response)
}
