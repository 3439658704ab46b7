//! How long a group keeps its words: each group chooses within the limits
//! the instance sets (`RetentionLimits`); a group that chose nothing keeps
//! them as long as the instance allows.

use crate::config::RetentionLimits;

/// Seconds in a day, for stored times.
pub const DAY_SECONDS: i64 = 86_400;

/// The days a group's posts are kept, with its own choice clamped to the
/// instance's limits (which may have changed since); `None`: kept until
/// deleted by hand.
pub fn effective_days(limits: &RetentionLimits, chosen: Option<i64>) -> Option<i64> {
    let min = i64::from(limits.min_days);
    let max = limits.max_days.map(i64::from);
    match (chosen, max) {
        (Some(days), Some(max)) => Some(days.clamp(min, max)),
        (Some(days), None) => Some(days.max(min)),
        (None, max) => max,
    }
}

/// A typed retention that is not a number of days within the limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutsideLimits;

/// A retention typed into the form: empty for "as long as allowed", else a
/// whole number of days within the limits.
pub fn parse_choice(limits: &RetentionLimits, typed: &str) -> Result<Option<i64>, OutsideLimits> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let days = typed.parse::<i64>().map_err(|_| OutsideLimits)?;
    let within = days >= i64::from(limits.min_days) && limits.max_days.is_none_or(|max| days <= i64::from(max));
    if within { Ok(Some(days)) } else { Err(OutsideLimits) }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: RetentionLimits = RetentionLimits { min_days: 7, max_days: Some(365), ended_group_days: 30 };

    #[test]
    fn choices_stay_within_the_limits() {
        assert_eq!(effective_days(&LIMITS, None), Some(365));
        assert_eq!(effective_days(&LIMITS, Some(30)), Some(30));
        assert_eq!(effective_days(&LIMITS, Some(900)), Some(365), "the instance lowered its limit since");
        assert_eq!(effective_days(&LIMITS, Some(1)), Some(7));
        let unlimited = RetentionLimits { max_days: None, ..LIMITS };
        assert_eq!(effective_days(&unlimited, None), None);
        assert_eq!(effective_days(&unlimited, Some(900)), Some(900));
    }

    #[test]
    fn typed_choices() {
        assert_eq!(parse_choice(&LIMITS, " "), Ok(None));
        assert_eq!(parse_choice(&LIMITS, "90"), Ok(Some(90)));
        assert_eq!(parse_choice(&LIMITS, "6"), Err(OutsideLimits));
        assert_eq!(parse_choice(&LIMITS, "366"), Err(OutsideLimits));
        assert_eq!(parse_choice(&LIMITS, "ninety"), Err(OutsideLimits));
    }
}
