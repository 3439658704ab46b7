//! Settings: built-in defaults, then an optional TOML file, then `HEARTH_*`
//! environment variables. Parsed once at start-up; a bad value stops start-up
//! with one line that names the setting.

use std::{collections::HashMap, net::SocketAddr, path::Path, time::Duration};

use serde::Deserialize;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://./hearth-data/hearth.db";
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
/// A page anyone could plausibly be reading; nothing about it hints at Hearth.
pub const DEFAULT_EXIT_URL: &str = "https://www.wikipedia.org/";
pub const DEFAULT_INSTANCE_NAME: &str = "Hearth";
/// What discreet pages are called: nothing about it hints at a support group.
pub const DEFAULT_DISCREET_NAME: &str = "Notes";

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub listen: SocketAddr,
    /// The address members use, without a trailing slash (`https://forum.example.org`).
    pub base_url: String,
    pub exit_url: String,
    /// Whether the quick exit ends the session before leaving.
    pub exit_ends_session: bool,
    pub instance_name: String,
    pub session_idle: Duration,
    pub session_lifetime: Duration,
    /// Header carrying the client address when behind a reverse proxy (e.g.
    /// `X-Forwarded-For`); `None` trusts only the socket address.
    pub trusted_proxy_header: Option<String>,
    /// Attempts per minute from one address at sign-in, invite redemption and recovery.
    pub rate_limit_per_minute: u32,
    /// Failed sign-ins for one pseudonym from one address before it slows down.
    pub sign_in_failures_allowed: u32,
    /// Discreet mode for everyone who has not chosen otherwise (and before sign-in).
    pub discreet_mode: bool,
    /// The neutral name discreet pages carry in their title and header.
    pub discreet_name: String,
    /// The sign-in page looks like a plain "notes" sign-in.
    pub sign_in_as_notes: bool,
    /// Retention limits facilitators choose within, in days.
    pub retention: RetentionLimits,
    /// For `bench/run` only: serve `GET /bench/ceiling`, a static page of this
    /// many bytes (the benchmark's ceiling). Unset: the route does not exist.
    pub bench_ceiling_bytes: Option<usize>,
}

/// How long group content may be kept, set by the instance; each group
/// chooses within `min_days..=max_days`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionLimits {
    /// The shortest retention a group may choose.
    pub min_days: u32,
    /// The longest, and what a group that chose nothing keeps; `None`: no limit.
    pub max_days: Option<u32>,
    /// A time-limited group's content is deleted this many days after it ends.
    pub ended_group_days: u32,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("{setting}: {problem}")]
pub struct ConfigError {
    pub setting: String,
    pub problem: String,
}

impl ConfigError {
    fn new(setting: &str, problem: impl Into<String>) -> Self {
        Self { setting: setting.to_owned(), problem: problem.into() }
    }
}

/// The file form: every key optional, unknown keys refused (a typo must not
/// silently fall back to a default).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    database_url: Option<String>,
    listen: Option<String>,
    base_url: Option<String>,
    exit_url: Option<String>,
    exit_ends_session: Option<bool>,
    instance_name: Option<String>,
    session_idle_minutes: Option<u64>,
    session_lifetime_hours: Option<u64>,
    trusted_proxy_header: Option<String>,
    rate_limit_per_minute: Option<u32>,
    sign_in_failures_allowed: Option<u32>,
    discreet_mode: Option<bool>,
    discreet_name: Option<String>,
    sign_in_look: Option<String>,
    retention_min_days: Option<u32>,
    retention_max_days: Option<u32>,
    ended_group_days: Option<u32>,
    bench_ceiling_bytes: Option<u64>,
}

/// Every setting: its file key and its environment variable.
const SETTINGS: &[(&str, &str)] = &[
    ("database_url", "HEARTH_DATABASE_URL"),
    ("listen", "HEARTH_LISTEN"),
    ("base_url", "HEARTH_BASE_URL"),
    ("exit_url", "HEARTH_EXIT_URL"),
    ("exit_ends_session", "HEARTH_EXIT_ENDS_SESSION"),
    ("instance_name", "HEARTH_INSTANCE_NAME"),
    ("session_idle_minutes", "HEARTH_SESSION_IDLE_MINUTES"),
    ("session_lifetime_hours", "HEARTH_SESSION_LIFETIME_HOURS"),
    ("trusted_proxy_header", "HEARTH_TRUSTED_PROXY_HEADER"),
    ("rate_limit_per_minute", "HEARTH_RATE_LIMIT_PER_MINUTE"),
    ("sign_in_failures_allowed", "HEARTH_SIGN_IN_FAILURES_ALLOWED"),
    ("discreet_mode", "HEARTH_DISCREET_MODE"),
    ("discreet_name", "HEARTH_DISCREET_NAME"),
    ("sign_in_look", "HEARTH_SIGN_IN_LOOK"),
    ("retention_min_days", "HEARTH_RETENTION_MIN_DAYS"),
    ("retention_max_days", "HEARTH_RETENTION_MAX_DAYS"),
    ("ended_group_days", "HEARTH_ENDED_GROUP_DAYS"),
    ("bench_ceiling_bytes", "HEARTH_BENCH_CEILING_BYTES"),
];

impl Config {
    /// Reads the file (if any) and the process environment.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        let env: HashMap<String, String> = std::env::vars().filter(|(key, _)| key.starts_with("HEARTH_")).collect();
        let file_text = match file {
            Some(path) => Some(
                std::fs::read_to_string(path)
                    .map_err(|err| ConfigError::new("config file", format!("cannot read {}: {err}", path.display())))?,
            ),
            None => None,
        };
        Self::from_sources(file_text.as_deref(), &env)
    }

    /// Merges defaults < file < environment. Pure, so it is tested directly.
    pub fn from_sources(file: Option<&str>, env: &HashMap<String, String>) -> Result<Self, ConfigError> {
        let settings: FileSettings = match file {
            Some(text) => {
                toml::from_str(text).map_err(|err| ConfigError::new("config file", err.message().to_owned()))?
            }
            None => FileSettings::default(),
        };
        // A misspelt variable must not silently fall back to a default.
        if let Some(unknown) = env.keys().filter(|name| !is_known_variable(name)).min() {
            return Err(ConfigError::new(unknown, "is not a Hearth setting (see the README's configuration table)"));
        }
        // Environment wins; each value remembers which name it came from so an
        // error can name exactly what to fix.
        let pick = |key: &str, from_file: Option<String>| -> Option<(String, String)> {
            let env_name = SETTINGS.iter().find(|(k, _)| *k == key).map_or(key, |(_, e)| *e);
            match env.get(env_name) {
                Some(value) => Some((env_name.to_owned(), value.clone())),
                None => from_file.map(|value| (key.to_owned(), value)),
            }
        };
        let text = |key: &str, from_file: Option<String>, default: &str| {
            pick(key, from_file).unwrap_or_else(|| (key.to_owned(), default.to_owned()))
        };

        let (name, database_url) = text("database_url", settings.database_url, DEFAULT_DATABASE_URL);
        if let Some(path) = database_url.strip_prefix("sqlite:") {
            let path = path.trim_start_matches("//").split('?').next().unwrap_or_default();
            if path.is_empty() || path == ":memory:" {
                return Err(ConfigError::new(&name, "SQLite needs a file path, e.g. sqlite://./hearth-data/hearth.db"));
            }
        } else if !(database_url.starts_with("postgres://") || database_url.starts_with("postgresql://")) {
            return Err(ConfigError::new(&name, "must start with sqlite: or postgres://"));
        }

        let (name, listen) = text("listen", settings.listen, DEFAULT_LISTEN);
        let listen: SocketAddr = listen
            .trim()
            .parse()
            .map_err(|_| ConfigError::new(&name, format!("{listen:?} is not an address like 127.0.0.1:8080")))?;

        let base_url = match pick("base_url", settings.base_url) {
            Some((name, url)) => {
                let url = parse_http_url(&name, &url)?;
                // `__Host-` cookies need Path=/, so Hearth lives at the root of its host.
                if url.splitn(4, '/').nth(3).is_some_and(|path| !path.is_empty()) {
                    return Err(ConfigError::new(&name, format!("{url:?} must be the root of a host, without a path")));
                }
                url
            }
            None => format!("http://{listen}"),
        };
        let (name, exit_url) = text("exit_url", settings.exit_url, DEFAULT_EXIT_URL);
        let exit_url = parse_http_url(&name, &exit_url)?;

        let flag = |key: &str, from_file: Option<bool>, default: bool| match pick(key, from_file.map(|b| b.to_string()))
        {
            Some((name, value)) => parse_bool(&name, &value),
            None => Ok(default),
        };
        let exit_ends_session = flag("exit_ends_session", settings.exit_ends_session, true)?;
        let discreet_mode = flag("discreet_mode", settings.discreet_mode, false)?;

        let name_setting = |key: &str, from_file: Option<String>, default: &str| {
            let (name, value) = text(key, from_file, default);
            let value = value.trim().to_owned();
            if value.is_empty() || value.chars().count() > 60 {
                return Err(ConfigError::new(&name, "must be 1 to 60 characters"));
            }
            Ok(value)
        };
        let instance_name = name_setting("instance_name", settings.instance_name, DEFAULT_INSTANCE_NAME)?;
        let discreet_name = name_setting("discreet_name", settings.discreet_name, DEFAULT_DISCREET_NAME)?;
        let (name, look) = text("sign_in_look", settings.sign_in_look, "standard");
        let sign_in_as_notes = match look.trim() {
            "standard" => false,
            "notes" => true,
            other => return Err(ConfigError::new(&name, format!("{other:?} must be standard or notes"))),
        };

        let number = |key: &str, from_file: Option<u64>, default: u64, range: std::ops::RangeInclusive<u64>| match pick(
            key,
            from_file.map(|n| n.to_string()),
        ) {
            Some((name, value)) => value.trim().parse::<u64>().ok().filter(|n| range.contains(n)).ok_or_else(|| {
                ConfigError::new(
                    &name,
                    format!("{value:?} must be a whole number from {} to {}", range.start(), range.end()),
                )
            }),
            None => Ok(default),
        };
        let idle_minutes = number("session_idle_minutes", settings.session_idle_minutes, 30, 1..=1440)?;
        let lifetime_hours = number("session_lifetime_hours", settings.session_lifetime_hours, 12, 1..=720)?;
        let rate_limit_per_minute =
            number("rate_limit_per_minute", settings.rate_limit_per_minute.map(u64::from), 10, 1..=100_000)?;
        let sign_in_failures_allowed =
            number("sign_in_failures_allowed", settings.sign_in_failures_allowed.map(u64::from), 5, 1..=1000)?;
        let days = |key: &str, from_file: Option<u32>, default: u64, least: u64| {
            number(key, from_file.map(u64::from), default, least..=3650).map(|n| u32::try_from(n).unwrap_or(u32::MAX))
        };
        let min_days = days("retention_min_days", settings.retention_min_days, 7, 1)?;
        let max_days = days("retention_max_days", settings.retention_max_days, 365, 0)?;
        if max_days != 0 && max_days < min_days {
            let name = pick("retention_max_days", None).map_or_else(|| "retention_max_days".to_owned(), |(n, _)| n);
            return Err(ConfigError::new(&name, format!("must be 0 (no limit) or at least the minimum, {min_days}")));
        }
        let retention = RetentionLimits {
            min_days,
            max_days: (max_days != 0).then_some(max_days),
            ended_group_days: days("ended_group_days", settings.ended_group_days, 30, 0)?,
        };

        let ceiling = settings.bench_ceiling_bytes;
        let bench_ceiling_bytes = pick("bench_ceiling_bytes", ceiling.map(|n| n.to_string()))
            .map(|_| number("bench_ceiling_bytes", ceiling, 0, 1..=10_000_000))
            .transpose()?
            .map(|bytes| usize::try_from(bytes).unwrap_or(usize::MAX));

        let trusted_proxy_header = pick("trusted_proxy_header", settings.trusted_proxy_header)
            .map(|(name, header)| {
                let header = header.trim().to_ascii_lowercase();
                match axum::http::HeaderName::from_bytes(header.as_bytes()) {
                    Ok(_) => Ok(header),
                    Err(_) => Err(ConfigError::new(&name, format!("{header:?} is not a header name"))),
                }
            })
            .transpose()?
            .filter(|header| !header.is_empty());

        Ok(Self {
            database_url,
            listen,
            base_url,
            exit_url,
            exit_ends_session,
            instance_name,
            session_idle: Duration::from_secs(idle_minutes * 60),
            session_lifetime: Duration::from_secs(lifetime_hours * 3600),
            trusted_proxy_header,
            rate_limit_per_minute: u32::try_from(rate_limit_per_minute).unwrap_or(u32::MAX),
            sign_in_failures_allowed: u32::try_from(sign_in_failures_allowed).unwrap_or(u32::MAX),
            discreet_mode,
            discreet_name,
            sign_in_as_notes,
            retention,
            bench_ceiling_bytes,
        })
    }

    /// Behind TLS, browsers are told to stay on TLS.
    pub fn is_https(&self) -> bool {
        self.base_url.starts_with("https://")
    }
}

/// Settings, plus the variables that are not settings but are Hearth's:
/// the config file, the log filter, and the test suite's own.
fn is_known_variable(name: &str) -> bool {
    SETTINGS.iter().any(|(_, env)| *env == name)
        || matches!(name, "HEARTH_CONFIG" | "HEARTH_LOG")
        || name.starts_with("HEARTH_TEST_")
        || name.starts_with("HEARTH_REQUIRE_")
}

fn parse_http_url(setting: &str, value: &str) -> Result<String, ConfigError> {
    let value = value.trim().trim_end_matches('/');
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or_else(|| ConfigError::new(setting, format!("{value:?} must start with http:// or https://")))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || value.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<') {
        return Err(ConfigError::new(setting, format!("{value:?} is not a web address")));
    }
    Ok(value.to_owned())
}

fn parse_bool(setting: &str, value: &str) -> Result<bool, ConfigError> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err(ConfigError::new(setting, format!("{value:?} must be true or false"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn defaults_are_local_sqlite_and_neutral() {
        let config = Config::from_sources(None, &env(&[])).unwrap();
        assert_eq!(config.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(config.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(config.base_url, "http://127.0.0.1:8080");
        assert!(!config.instance_name.to_lowercase().contains("survivor"));
        assert_eq!(config.session_idle, Duration::from_secs(30 * 60));
        assert_eq!(config.session_lifetime, Duration::from_secs(12 * 3600));
        assert!(config.trusted_proxy_header.is_none());
        assert!(!config.discreet_mode && !config.sign_in_as_notes);
        assert_eq!(config.discreet_name, "Notes");
        assert_eq!(config.retention, RetentionLimits { min_days: 7, max_days: Some(365), ended_group_days: 30 });
    }

    #[test]
    fn environment_beats_file_beats_default() {
        let file = "listen = \"127.0.0.1:9000\"\ninstance_name = \"Notes\"\n";
        let config = Config::from_sources(Some(file), &env(&[("HEARTH_INSTANCE_NAME", "Garden")])).unwrap();
        assert_eq!(config.listen.port(), 9000);
        assert_eq!(config.instance_name, "Garden");
    }

    #[test]
    fn bad_values_name_the_setting() {
        let err = Config::from_sources(None, &env(&[("HEARTH_LISTEN", "nowhere")])).unwrap_err();
        assert_eq!(err.setting, "HEARTH_LISTEN");
        let err = Config::from_sources(Some("listen = \"x\""), &env(&[])).unwrap_err();
        assert_eq!(err.setting, "listen");
        let err = Config::from_sources(None, &env(&[("HEARTH_EXIT_URL", "javascript:alert(1)")])).unwrap_err();
        assert_eq!(err.setting, "HEARTH_EXIT_URL");
        let err = Config::from_sources(None, &env(&[("HEARTH_DATABASE_URL", "mysql://x")])).unwrap_err();
        assert_eq!(err.setting, "HEARTH_DATABASE_URL");
        let err = Config::from_sources(None, &env(&[("HEARTH_SESSION_IDLE_MINUTES", "0")])).unwrap_err();
        assert_eq!(err.setting, "HEARTH_SESSION_IDLE_MINUTES");
        let err = Config::from_sources(Some("colour = \"red\""), &env(&[])).unwrap_err();
        assert_eq!(err.setting, "config file");
        let err = Config::from_sources(None, &env(&[("HEARTH_BASE_URL", "https://example.org/forum")])).unwrap_err();
        assert_eq!(err.setting, "HEARTH_BASE_URL");
        let root = Config::from_sources(None, &env(&[("HEARTH_BASE_URL", "https://example.org/")])).unwrap();
        assert_eq!(root.base_url, "https://example.org");
        let err = Config::from_sources(None, &env(&[("HEARTH_LISTN", "127.0.0.1:1")])).unwrap_err();
        assert_eq!(err.setting, "HEARTH_LISTN");
        for memory in ["sqlite:", "sqlite::memory:", "sqlite://"] {
            let err = Config::from_sources(None, &env(&[("HEARTH_DATABASE_URL", memory)])).unwrap_err();
            assert_eq!(err.setting, "HEARTH_DATABASE_URL");
        }
        let err = Config::from_sources(None, &env(&[("HEARTH_SIGN_IN_LOOK", "fancy")])).unwrap_err();
        assert_eq!(err.setting, "HEARTH_SIGN_IN_LOOK");
        let err = Config::from_sources(None, &env(&[("HEARTH_RETENTION_MAX_DAYS", "3")])).unwrap_err();
        assert_eq!(err.setting, "HEARTH_RETENTION_MAX_DAYS", "below the 7-day minimum");
        let err = Config::from_sources(Some("retention_max_days = 3"), &env(&[])).unwrap_err();
        assert_eq!(err.setting, "retention_max_days");
        let unlimited = Config::from_sources(None, &env(&[("HEARTH_RETENTION_MAX_DAYS", "0")])).unwrap();
        assert_eq!(unlimited.retention.max_days, None);
        let test_variables =
            env(&[("HEARTH_TEST_POSTGRES_URL", "x"), ("HEARTH_REQUIRE_BROWSER", "1"), ("HEARTH_LOG", "debug")]);
        assert!(Config::from_sources(None, &test_variables).is_ok());
    }
}
