//! A coarse description of the device a session started on ("Firefox on
//! Android"), read from the User-Agent by hand: a short list of browsers and
//! systems is all the sessions page needs. Only the description is stored,
//! never the header (it is detailed enough to tell devices apart).

use axum::{
    extract::FromRequestParts,
    http::{header, request::Parts},
};

/// The browser and system, as short codes ("firefox android"); "" when unknown.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Device(pub String);

/// Most specific first: Edge and Opera say "Chrome" too, Chrome says "Safari".
const BROWSERS: &[(&str, &str)] = &[
    ("Edg/", "edge"),
    ("EdgA/", "edge"),
    ("EdgiOS/", "edge"),
    ("OPR/", "opera"),
    ("SamsungBrowser/", "samsung"),
    ("Firefox/", "firefox"),
    ("FxiOS/", "firefox"),
    ("CriOS/", "chrome"),
    ("Chrome/", "chrome"),
    ("Chromium/", "chrome"),
    ("Safari/", "safari"),
];

const SYSTEMS: &[(&str, &str)] = &[
    ("Android", "android"),
    ("iPhone", "ios"),
    ("iPad", "ios"),
    ("CrOS", "chromeos"),
    ("Windows", "windows"),
    ("Macintosh", "macos"),
    ("Linux", "linux"),
];

impl Device {
    pub fn from_user_agent(agent: &str) -> Self {
        let find = |list: &[(&str, &'static str)]| list.iter().find(|(mark, _)| agent.contains(mark)).map(|(_, c)| *c);
        Self(format!("{} {}", find(BROWSERS).unwrap_or("unknown"), find(SYSTEMS).unwrap_or("unknown")))
    }

    /// The browser's name and the system's, for people; `None` where unknown
    /// (the page says so in its language).
    pub fn names(stored: &str) -> (Option<&'static str>, Option<&'static str>) {
        let (browser, system) = stored.split_once(' ').unwrap_or((stored, ""));
        let browser = match browser {
            "edge" => Some("Edge"),
            "opera" => Some("Opera"),
            "samsung" => Some("Samsung Internet"),
            "firefox" => Some("Firefox"),
            "chrome" => Some("Chrome"),
            "safari" => Some("Safari"),
            _ => None,
        };
        let system = match system {
            "android" => Some("Android"),
            "ios" => Some("iOS"),
            "chromeos" => Some("ChromeOS"),
            "windows" => Some("Windows"),
            "macos" => Some("macOS"),
            "linux" => Some("Linux"),
            _ => None,
        };
        (browser, system)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Device {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let agent = parts.headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or_default();
        Ok(Self::from_user_agent(agent))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_browsers_and_systems() {
        let cases = [
            ("Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0", "firefox android"),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0",
                "edge windows",
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                "safari ios",
            ),
            (
                "Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0 Mobile Safari/537.36",
                "samsung android",
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0 Safari/537.36",
                "chrome linux",
            ),
            ("curl/8.5.0", "unknown unknown"),
            ("", "unknown unknown"),
        ];
        for (agent, expected) in cases {
            assert_eq!(Device::from_user_agent(agent).0, expected, "{agent}");
        }
    }

    #[test]
    fn names_for_people() {
        assert_eq!(Device::names("firefox android"), (Some("Firefox"), Some("Android")));
        assert_eq!(Device::names("unknown macos"), (None, Some("macOS")));
        assert_eq!(Device::names(""), (None, None));
    }
}
