//! The filters on realistic posts: details people really write, in Canadian
//! and international formats, in English and French — and ordinary
//! sentences with dates, times, prices, years and look-alike words that must
//! not be held.

use super::*;
use crate::groups::policy::{Premoderation, Standing};

fn found(text: &str) -> Vec<Detail> {
    details::find(text)
}

fn assert_finds(detail: Detail, texts: &[&str]) {
    for text in texts {
        assert!(found(text).contains(&detail), "{detail:?} not found in {text:?}: {:?}", found(text));
    }
}

#[test]
fn canadian_and_international_phone_numbers() {
    assert_finds(
        Detail::Phone,
        &[
            "You can text me at 514-555-0199 if you want.",
            "Mon cell : (438) 555-0123, appelle après 18 h.",
            "call 613.555.0142 anytime",
            "my number is 416 555 0175",
            "4165550175 is my cell",
            "+1 514 555 0199",
            "+1-604-555-0111 (Vancouver)",
            "1 (902) 555-0188",
            "1-819-555-0107",
            "Écris-moi au 06 12 34 56 78 quand tu veux",
            "0612345678",
            "+33 6 12 34 56 78",
            "+33612345678",
            "UK mobile: 07700 900123",
            "London office 020 7946 0958",
            "+44 20 7946 0958",
            "+49 30 901820",
            "+52 55 1234 5678",
            "+212 6 12 34 56 78",
            "+61 2 9876 5432",
        ],
    );
}

#[test]
fn e_mail_addresses_plain_and_disguised() {
    assert_finds(
        Detail::Email,
        &[
            "write to jane.doe@gmail.com",
            "Mon courriel : marie-eve.tremblay+groupe@videotron.qc.ca",
            "(sam_99@outlook.fr)",
            "jane [at] example [dot] org",
            "jane(at)example(dot)com",
            "marie (arobase) sympatico (point) ca",
            "reach me: jane at protonmail dot com",
            "JANE.DOE@EXAMPLE.CA",
        ],
    );
}

#[test]
fn street_addresses_and_postal_codes_in_english_and_french() {
    assert_finds(
        Detail::Address,
        &[
            "I moved to 123 Main Street last month",
            "She lives at 45 Elm St. near the park",
            "the shelter at 1200 Bay St, Apt 4",
            "221B Baker Street",
            "12-345 King St W",
            "come by 88 5th Avenue",
            "it's at 9 maple street",
            "J'habite au 1234 rue Sainte-Catherine Est",
            "au 55, boulevard Saint-Laurent",
            "12 avenue des Pins",
            "3456 chemin de la Côte-des-Neiges",
            "5 rang Saint-Joseph, Sainte-Mélanie",
            "8 place d'Armes",
            "my postal code is H2X 1Y4",
            "code postal h2x1y4",
            "K1A-0B1",
            "write to PO Box 1234",
            "C.P. 6128, succursale Centre-ville",
        ],
    );
}

#[test]
fn social_media_handles_and_profile_links() {
    assert_finds(
        Detail::Handle,
        &[
            "my insta is @jane_doe92",
            "add me on snap: janedoe92",
            "find me on TikTok @jd",
            "ig: jane.doe",
            "sur Instagram, c'est @marie.eve",
            "I'm @jane@mastodon.social",
            "DM u/throwaway_123",
        ],
    );
    assert_finds(
        Detail::ProfileLink,
        &[
            "https://www.instagram.com/jane.doe/",
            "facebook.com/profile.php?id=100012345",
            "m.facebook.com/marie.tremblay",
            "see x.com/janedoe",
            "mon profil : https://www.linkedin.com/in/marie-tremblay",
            "https://mastodon.social/@jane",
            "join t.me/janedoe",
            "https://www.tiktok.com/@jd_92",
        ],
    );
}

/// Ordinary sentences that look like details to a careless filter.
#[test]
fn dates_times_prices_years_and_look_alikes_are_not_held() {
    for text in [
        // dates
        "We meet on 2024-03-15 at the library.",
        "La rencontre est le 15/03/2024.",
        "Next session: 03.15.2024",
        "Le 15 mars 2024, j'ai enfin dormi.",
        "March 15, 2024 was a hard day",
        "between 2019-2020 and 2021-2022",
        // times
        "The group starts at 10:30 and ends at 12:00.",
        "On se voit à 10 h 30 ou à 18h45.",
        "I woke up at 3:45:10 again",
        // prices and amounts
        "Rent went up to $1,450.00 a month.",
        "Le loyer est passé à 1 234,56 $ par mois.",
        "It cost 12,50 $ at the pharmacy",
        "about 100,000 people each year",
        "€ 45 per week, 20$ for the bus",
        "1.234.567 euros",
        // years and counts
        "I left in 1998 and came back in 2004.",
        "I was 25 in 1999 and 30 in 2004.",
        "3 kids, 2 dogs, 1 cat and 12 chickens",
        "scores were 3-2, 2-1 and 4-0",
        "pages 12 14 16 18 20 22",
        "In 2019 Place des Arts had a free concert",
        // quantities near street words
        "I walked 3 blocks down the street",
        "a 3 hour drive to my sister's",
        "J'ai marché 3 rues plus loin.",
        "We met on 5th Avenue years ago",
        // postal-code-looking words
        "I had the H1N1 shot in 2009",
        "My job is B2B sales, A4 paper everywhere",
        "the K9 unit came, then COVID-19 hit",
        "V8 engine, R2D2 toy",
        // crisis and help lines are services, not people
        "Kids Help Phone: 1-800-668-6868, or text 686868",
        "Call 911 or 988 if you are in danger",
        "SOS violence conjugale : 1 800 363-9010",
        // mentions, plain e-mail-ish text, ordinary links
        "thanks @Willow and @Rain_drop for listening",
        "I said hi at the meeting and we looked at this.jpg",
        "the resources are at https://www.example.org/help and wikipedia.org/wiki/Safety",
        "I deleted my instagram last year",
        "my insta is private now",
        "a signal that things were changing",
        "facebook.com/ is blocked at work",
        "box.com/file and chat.me/room are work tools",
    ] {
        assert!(found(text).is_empty(), "held by mistake: {text:?}: {:?}", found(text));
    }
}

fn lists(hold: &str, flag: &str) -> Lists {
    Lists::from_stored([None, Some(hold), Some(flag)], ["", "", ""])
}

#[test]
fn crisis_posts_are_published_and_flagged_urgent_whatever_else() {
    let lists = lists("", "");
    let text = "I can't go on. Call me at 514-555-0199.";
    let verdict = verdict(screen(text, &lists), Premoderation::All, Standing::Member, 0);
    assert_eq!(
        verdict,
        Verdict::Publish(vec![Flag::Crisis { words: vec!["can't go on".into()], details: vec![Detail::Phone] }])
    );
}

#[test]
fn details_hold_words_and_premoderation_hold_flag_words_flag() {
    let lists = lists("fundraiser", "ex-partner");
    let hold = |text: &str, premoderation| verdict(screen(text, &lists), premoderation, Standing::Member, 0);
    assert_eq!(
        hold("mail me: a@b.org or 514-555-0199", Premoderation::None),
        Verdict::Hold(vec![HoldReason::Detail(Detail::Phone), HoldReason::Detail(Detail::Email)])
    );
    assert_eq!(hold("join my fundraiser", Premoderation::None), Verdict::Hold(vec![HoldReason::Words]));
    assert_eq!(hold("hello", Premoderation::NewMembers(3)), Verdict::Hold(vec![HoldReason::Premoderation]));
    assert_eq!(
        hold("my ex-partner called", Premoderation::None),
        Verdict::Publish(vec![Flag::Words(vec!["ex-partner".into()])])
    );
    assert_eq!(hold("hello", Premoderation::None), Verdict::Publish(vec![]));
    let staff = verdict(screen("514-555-0199, I can't go on", &lists), Premoderation::All, Standing::Facilitator, 0);
    assert_eq!(staff, Verdict::Publish(vec![]), "staff posts are never held or flagged");
}

#[test]
fn hold_reasons_are_stored_as_codes() {
    let reasons = [HoldReason::Detail(Detail::ProfileLink), HoldReason::Words, HoldReason::Premoderation];
    assert_eq!(HoldReason::join(&reasons), "profile-link words premoderation");
    assert_eq!(HoldReason::split("profile-link words premoderation bogus"), reasons);
    for detail in Detail::ALL {
        assert_eq!(Detail::from_code(detail.code()), Some(detail));
    }
}

#[test]
fn an_organisation_list_replaces_the_default_crisis_words_and_a_group_adds_to_it() {
    let own = Lists::from_stored([Some("hopeless"), None, None], ["tonight is the night", "", ""]);
    assert_eq!(own.crisis.found_in("I feel hopeless"), ["hopeless"]);
    assert_eq!(own.crisis.found_in("tonight is the night"), ["tonight is the night"]);
    assert!(own.crisis.found_in("I want to die").is_empty(), "the organisation replaced the default list");
    let default = Lists::from_stored([None, None, None], ["", "", ""]);
    assert!(!default.crisis.found_in("I want to die").is_empty());
}

/// The shared corpora of hostile text (naughty strings, XSS vectors), every
/// line as a post and as a word list: the filters answer, they never panic.
#[test]
fn hostile_text_never_trips_the_filters() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data");
    let mut lines = 0;
    for file in ["blns.txt", "xss-vectors.txt"] {
        let text = std::fs::read_to_string(format!("{dir}/{file}")).expect("the shared corpora beside the repository");
        // As long a list as staff may save, made of the corpus itself.
        let sample: String = text.chars().take(words::WordList::MAX_CHARS).collect();
        let list = Lists::from_stored([Some(&sample), None, None], ["", &sample, ""]);
        for line in text.lines() {
            let screening = screen(line, &list);
            let _ = verdict(screening, Premoderation::NewMembers(3), Standing::Member, 0);
            lines += 1;
        }
        let _ = screen(&text, &Lists::default());
    }
    assert!(lines > 2_000, "{lines}");
}
