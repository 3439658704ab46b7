//! Translations: Fluent files embedded in the binary, one bundle per language,
//! and the choice of language for a request (member setting, else
//! `Accept-Language`, else English).

use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    En,
    Fr,
}

impl Locale {
    pub const ALL: [Self; 2] = [Self::En, Self::Fr];

    /// The `lang` attribute and the stored setting.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|locale| locale.code() == code)
    }

    /// The first supported language in an `Accept-Language` header, by weight.
    pub fn negotiate(accept_language: &str) -> Option<Self> {
        let mut ranked: Vec<(f32, Self)> = accept_language
            .split(',')
            .filter_map(|entry| {
                let mut parts = entry.split(';');
                let tag = parts.next()?.trim().to_ascii_lowercase();
                let weight =
                    parts.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse::<f32>().ok())).unwrap_or(1.0);
                let primary = tag.split('-').next()?;
                Some((weight, Self::from_code(primary)?))
            })
            .filter(|(weight, _)| *weight > 0.0)
            .collect();
        // Stable sort keeps header order among equal weights.
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranked.first().map(|(_, locale)| *locale)
    }
}

/// Source files per language, one per feature; a test checks both languages
/// define the same keys.
macro_rules! ftl_files {
    ($lang:literal) => {
        &[
            include_str!(concat!("../../assets/locales/", $lang, "/main.ftl")),
            include_str!(concat!("../../assets/locales/", $lang, "/groups.ftl")),
            include_str!(concat!("../../assets/locales/", $lang, "/discussions.ftl")),
            include_str!(concat!("../../assets/locales/", $lang, "/notifications.ftl")),
            include_str!(concat!("../../assets/locales/", $lang, "/safety.ftl")),
            include_str!(concat!("../../assets/locales/", $lang, "/operations.ftl")),
            include_str!(concat!("../../assets/locales/", $lang, "/moderation.ftl")),
        ]
    };
}

pub const SOURCES: [(Locale, &[&str]); 2] = [(Locale::En, ftl_files!("en")), (Locale::Fr, ftl_files!("fr"))];

pub struct Translations {
    en: FluentBundle<FluentResource>,
    fr: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Translations {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Translations")
    }
}

impl Translations {
    /// Fails only if an embedded file does not parse, which the tests catch.
    pub fn load() -> Result<Self, String> {
        let bundle = |locale: Locale, sources: &[&str]| -> Result<FluentBundle<FluentResource>, String> {
            let tag = match locale {
                Locale::En => "en",
                Locale::Fr => "fr-CA",
            };
            let lang: unic_langid::LanguageIdentifier = tag.parse().map_err(|err| format!("{tag}: {err}"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![lang]);
            for &source in sources {
                let resource = FluentResource::try_new(source.to_owned())
                    .map_err(|(_, errors)| format!("{} translations: {errors:?}", locale.code()))?;
                bundle
                    .add_resource(resource)
                    .map_err(|errors| format!("{} translations: {errors:?}", locale.code()))?;
            }
            Ok(bundle)
        };
        Ok(Self { en: bundle(Locale::En, SOURCES[0].1)?, fr: bundle(Locale::Fr, SOURCES[1].1)? })
    }

    /// The message `key`; text arguments are passed as text, never as numbers
    /// (a pseudonym "007" must stay "007").
    pub fn get(&self, locale: Locale, key: &str, args: &[(&str, &str)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, FluentValue::from(*value));
        }
        self.format(locale, key, (!args.is_empty()).then_some(&fluent_args))
    }

    /// The message `key` with a number, so plural forms (`[one]`) apply.
    pub fn get_count(&self, locale: Locale, key: &str, name: &str, count: i64) -> String {
        self.get_counts(locale, key, &[(name, count)])
    }

    /// The message `key` with several numbers.
    pub fn get_counts(&self, locale: Locale, key: &str, counts: &[(&str, i64)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, count) in counts {
            fluent_args.set(*name, FluentValue::from(*count));
        }
        self.format(locale, key, Some(&fluent_args))
    }

    fn format(&self, locale: Locale, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let bundle = match locale {
            Locale::En => &self.en,
            Locale::Fr => &self.fr,
        };
        let Some(pattern) = bundle.get_message(key).and_then(|message| message.value()) else {
            tracing::warn!(key, "missing translation");
            return key.to_owned();
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(key, "translation arguments did not match");
        }
        text.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_by_weight_and_region() {
        assert_eq!(Locale::negotiate("fr-CA"), Some(Locale::Fr));
        assert_eq!(Locale::negotiate("de, fr;q=0.5, en;q=0.8"), Some(Locale::En));
        assert_eq!(Locale::negotiate("es, fr-FR;q=0.3"), Some(Locale::Fr));
        assert_eq!(Locale::negotiate("de"), None);
        assert_eq!(Locale::negotiate("fr;q=0, en"), Some(Locale::En));
        assert_eq!(Locale::negotiate(""), None);
    }

    #[test]
    fn both_languages_load_and_format_arguments() {
        let translations = Translations::load().unwrap();
        let text = translations.get(Locale::Fr, "home-signed-in-as", &[("pseudonym", "Willow")]);
        assert!(text.contains("Willow"));
        assert_eq!(translations.get(Locale::En, "no-such-key", &[]), "no-such-key");
        assert_eq!(translations.get_count(Locale::En, "invites-days", "days", 1), "\u{2068}1\u{2069} day");
        assert_eq!(translations.get_count(Locale::Fr, "invites-days", "days", 7), "\u{2068}7\u{2069} jours");
    }
}
