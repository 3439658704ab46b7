//! The one place Hearth reads the time, so tests can move it (expiry, idle
//! timeouts) without sleeping. Times are UTC unix seconds everywhere inside.

use std::sync::atomic::{AtomicI64, Ordering};

/// Seconds since the Unix epoch, UTC.
pub type UnixTime = i64;

pub trait Clock: Send + Sync + std::fmt::Debug + 'static {
    fn now(&self) -> UnixTime;
}

/// The real clock, optionally shifted forward (tests only shift it).
#[derive(Debug, Default)]
pub struct SystemClock {
    offset_seconds: AtomicI64,
}

impl SystemClock {
    /// Moves this clock forward; used by tests to let sessions and invites expire.
    pub fn advance(&self, seconds: i64) {
        self.offset_seconds.fetch_add(seconds, Ordering::SeqCst);
    }
}

impl Clock for SystemClock {
    #[allow(clippy::disallowed_methods)] // the one sanctioned read of the wall clock
    fn now(&self) -> UnixTime {
        time::OffsetDateTime::now_utc().unix_timestamp() + self.offset_seconds.load(Ordering::SeqCst)
    }
}

/// Formats a stored time for people: `2026-11-23 14:05 UTC` reads the same in
/// English and French and needs no time zone from the browser.
pub fn format_utc(at: UnixTime) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    time::OffsetDateTime::from_unix_timestamp(at).ok().and_then(|t| t.format(&format).ok()).unwrap_or_default()
}

/// A day as people write it, `2026-11-23` (group schedules are whole days, UTC).
pub fn format_date(at: UnixTime) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::OffsetDateTime::from_unix_timestamp(at).ok().and_then(|t| t.format(&format).ok()).unwrap_or_default()
}

/// The start (00:00 UTC) of a day written `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Option<UnixTime> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(text.trim(), &format).ok().map(|date| date.midnight().assume_utc().unix_timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        assert_eq!(parse_date("2026-11-23"), Some(1_795_392_000));
        assert_eq!(format_date(1_795_442_700), "2026-11-23");
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("soon"), None);
    }

    #[test]
    fn formats_utc_minutes() {
        assert_eq!(format_utc(1_795_442_700), "2026-11-23 14:05 UTC");
    }

    #[test]
    fn advancing_moves_now() {
        let clock = SystemClock::default();
        let before = clock.now();
        clock.advance(3600);
        assert!(clock.now() >= before + 3600);
    }
}
