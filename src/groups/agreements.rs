//! Agreements: the defaults a new group starts from (in the creator's
//! language), and what changed between two versions, shown to members who
//! must accept them again.

use similar::{ChangeTag, TextDiff};

use crate::web::i18n::Locale;

const DEFAULT_EN: &str = "\
- **Keep what others share here.** What is said in this group stays in this group.
- **Don't save, copy or screenshot** posts or details about anyone here.
- **Use a pseudonym**, never your real name, and don't share details that could identify you or others (address, workplace, phone number, social media).
- **Don't try to identify anyone**, here or elsewhere.
- **Be kind.** Everyone here is healing in their own way and at their own pace.
- **Report worries to the facilitators**: if something here makes you uneasy, or you think someone is at risk, tell them.
";

const DEFAULT_FR: &str = "\
- **Gardez pour vous ce que les autres partagent ici.** Ce qui se dit dans ce groupe reste dans ce groupe.
- **N'enregistrez, ne copiez et ne faites aucune capture d'écran** des messages ou des détails concernant qui que ce soit ici.
- **Utilisez un pseudonyme**, jamais votre vrai nom, et ne partagez pas de détails qui pourraient vous identifier ou identifier d'autres personnes (adresse, travail, numéro de téléphone, réseaux sociaux).
- **N'essayez d'identifier personne**, ici ou ailleurs.
- **Soyez bienveillant·e.** Chaque personne ici guérit à sa manière et à son rythme.
- **Signalez vos inquiétudes aux personnes animatrices** : si quelque chose vous met mal à l'aise ici, ou si vous pensez que quelqu'un est en danger, dites-le-leur.
";

pub fn default_for(locale: Locale) -> &'static str {
    match locale {
        Locale::En => DEFAULT_EN,
        Locale::Fr => DEFAULT_FR,
    }
}

/// Lines added and removed between two versions of the agreements' source.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

pub fn changes(before: &str, after: &str) -> Changes {
    let mut changes = Changes::default();
    for change in TextDiff::from_lines(before, after).iter_all_changes() {
        let line = change.value().trim();
        if line.is_empty() {
            continue;
        }
        match change.tag() {
            ChangeTag::Insert => changes.added.push(line.to_owned()),
            ChangeTag::Delete => changes.removed.push(line.to_owned()),
            ChangeTag::Equal => {}
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_cover_what_the_field_asks_for() {
        for phrase in ["Keep what others share", "screenshot", "pseudonym", "identify anyone", "facilitators"] {
            assert!(DEFAULT_EN.contains(phrase), "{phrase}");
        }
        for phrase in ["Gardez pour vous", "capture d'écran", "pseudonyme", "identifier personne", "animatrices"] {
            assert!(DEFAULT_FR.contains(phrase), "{phrase}");
        }
    }

    #[test]
    fn changes_list_added_and_removed_lines() {
        let changes = changes("- one\n- two\n", "- one\n- three\n");
        assert_eq!(changes.added, ["- three"]);
        assert_eq!(changes.removed, ["- two"]);
    }
}
