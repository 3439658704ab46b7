//! Rate limits, in memory only (client addresses are never stored or logged).
//! - per address: sign-in, invite redemption and recovery attempts;
//! - per pseudonym *and* address: repeated sign-in attempts on one account slow
//!   down, but only from the address making them, so someone who knows a
//!   member's pseudonym cannot lock the member out from elsewhere.

use std::{
    net::{IpAddr, Ipv6Addr, SocketAddr},
    num::NonZeroU32,
    time::Duration,
};

use axum::{
    extract::{ConnectInfo, FromRef, FromRequestParts},
    http::request::Parts,
};
use governor::{DefaultKeyedRateLimiter, Quota};

use super::{AppState, error::AppError};
use crate::config::Config;

pub struct RateLimits {
    per_address: DefaultKeyedRateLimiter<IpAddr>,
    per_pseudonym: DefaultKeyedRateLimiter<(String, IpAddr)>,
}

impl std::fmt::Debug for RateLimits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RateLimits")
    }
}

impl RateLimits {
    pub fn new(config: &Config) -> Self {
        let per_minute = NonZeroU32::new(config.rate_limit_per_minute).unwrap_or(NonZeroU32::MIN);
        let attempts = NonZeroU32::new(config.sign_in_failures_allowed).unwrap_or(NonZeroU32::MIN);
        // After the allowance, one more attempt per minute: a slow-down, not a wall.
        let per_pseudonym = Quota::with_period(Duration::from_secs(60))
            .map_or(Quota::per_minute(attempts), |q| q.allow_burst(attempts));
        Self {
            per_address: DefaultKeyedRateLimiter::keyed(Quota::per_minute(per_minute)),
            per_pseudonym: DefaultKeyedRateLimiter::keyed(per_pseudonym),
        }
    }

    pub fn check_address(&self, client: ClientAddress) -> Result<(), AppError> {
        self.per_address.check_key(&client.0).map_err(|_| AppError::RateLimited)
    }

    pub fn check_sign_in(&self, pseudonym_key: &str, client: ClientAddress) -> Result<(), AppError> {
        self.per_pseudonym.check_key(&(pseudonym_key.to_owned(), client.0)).map_err(|_| AppError::RateLimited)
    }

    /// Forgets addresses whose allowance has refilled; run periodically so
    /// memory stays bounded.
    pub fn forget_idle(&self) {
        self.per_address.retain_recent();
        self.per_address.shrink_to_fit();
        self.per_pseudonym.retain_recent();
        self.per_pseudonym.shrink_to_fit();
    }
}

/// Where a request comes from, for rate limiting only. IPv6 is grouped by /64
/// because one household or phone gets a whole /64.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(IpAddr);

impl ClientAddress {
    fn grouped(ip: IpAddr) -> Self {
        match ip {
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => Self(IpAddr::V4(v4)),
                None => {
                    let mut segments = v6.segments();
                    segments[4..].fill(0);
                    Self(IpAddr::V6(Ipv6Addr::from(segments)))
                }
            },
            v4 => Self(v4),
        }
    }
}

impl<S> FromRequestParts<S> for ClientAddress
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let state = AppState::from_ref(state);
        // Behind a proxy, the address the proxy appended last is the only one
        // it vouches for; anything before it could be forged by the client.
        if let Some(header) = &state.config.trusted_proxy_header {
            let forwarded = parts
                .headers
                .get(header.as_str())
                .and_then(|value| value.to_str().ok())
                .and_then(|value| value.rsplit(',').next())
                .and_then(|last| last.trim().parse::<IpAddr>().ok());
            if let Some(ip) = forwarded {
                return Ok(Self::grouped(ip));
            }
        }
        let socket = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip());
        socket.map(Self::grouped).ok_or_else(|| AppError::internal("no client address"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_groups_by_prefix() {
        let a = ClientAddress::grouped("2001:db8:1:2:aaaa::1".parse().unwrap());
        let b = ClientAddress::grouped("2001:db8:1:2:bbbb::2".parse().unwrap());
        let c = ClientAddress::grouped("2001:db8:1:3::1".parse().unwrap());
        assert_eq!(a, b);
        assert_ne!(a, c);
        let mapped = ClientAddress::grouped("::ffff:192.0.2.1".parse().unwrap());
        assert_eq!(mapped, ClientAddress::grouped("192.0.2.1".parse().unwrap()));
    }
}
