//! Time-based one-time codes (RFC 6238, through `totp-rs`): a 160-bit secret
//! shared with the member's authenticator app, shown as text and as a QR code
//! drawn here as inline SVG (`qrcode`), so nothing leaves the server.

use rand::RngCore;
use totp_rs::{Algorithm, Builder, Secret, Totp};

use crate::clock::UnixTime;

/// RFC 4226 recommends 160 bits; every authenticator app accepts them.
pub const SECRET_BYTES: usize = 20;
/// Seconds per code (what every app assumes).
pub const STEP_SECONDS: u64 = 30;

/// A fresh random secret.
pub fn new_secret() -> Vec<u8> {
    let mut bytes = vec![0u8; SECRET_BYTES];
    rand::rng().fill_bytes(&mut bytes);
    bytes
}

/// The secret as people type it into an app: base32 in groups of four.
pub fn display(secret: &[u8]) -> String {
    let encoded = Secret::from(secret.to_vec()).to_base32();
    let chars: Vec<char> = encoded.chars().collect();
    chars.chunks(4).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

/// The secret back from a form (spaces, lower case and `=` padding forgiven);
/// `None` unless it is exactly a secret of the right size.
pub fn parse(typed: &str) -> Option<Vec<u8>> {
    let cleaned: String =
        typed.chars().filter(|c| !c.is_whitespace() && *c != '=').map(|c| c.to_ascii_uppercase()).collect();
    let secret = Secret::try_from_base32(&cleaned).ok()?;
    (secret.len() == SECRET_BYTES).then(|| secret.to_vec())
}

fn totp(secret: &[u8], issuer: &str, account: &str) -> Option<Totp> {
    // The otpauth format reserves ':' between issuer and account name.
    let clean = |text: &str| text.replace(':', " ").trim().to_owned();
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(STEP_SECONDS)
        .with_secret(secret.to_vec())
        .with_issuer(Some(clean(issuer)))
        .with_account_name(clean(account))
        .build()
        .ok()
}

/// The 30-second step a typed code belongs to (this one, the one before or
/// the one after, for clocks that drift), or `None` when it is not a code
/// of this secret now. The caller refuses steps already used.
pub fn matching_step(secret: &[u8], typed: &str, now: UnixTime) -> Option<i64> {
    let code: String = typed.chars().filter(|c| !c.is_whitespace() && *c != '-').collect();
    let now = u64::try_from(now).ok()?;
    let step = totp(secret, "-", "-")?.check(&code, now)?;
    i64::try_from(step).ok()
}

/// The code for a moment (tests and the harness compute codes with this).
pub fn code_at(secret: &[u8], at: UnixTime) -> Option<String> {
    Some(totp(secret, "-", "-")?.generate(u64::try_from(at).ok()?).to_string())
}

/// The `otpauth://` address an app reads from the QR code.
pub fn setup_url(secret: &[u8], issuer: &str, account: &str) -> Option<String> {
    totp(secret, issuer, account)?.to_url().ok()
}

/// A QR code of `text` as an `<svg>` element for inlining (decorative: the
/// page shows the same secret as text beside it).
pub fn qr_svg(text: &str) -> Option<String> {
    use qrcode::render::svg;
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let image = code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    let start = image.find("<svg")?;
    Some(image[start..].replacen("<svg ", "<svg class=\"qr\" aria-hidden=\"true\" focusable=\"false\" ", 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_6238_test_vector() {
        // RFC 6238 appendix B, SHA-1: secret "12345678901234567890", T = 59 s.
        let secret = b"12345678901234567890";
        assert_eq!(code_at(secret, 59).as_deref(), Some("287082"));
        assert_eq!(code_at(secret, 1_111_111_109).as_deref(), Some("081804"));
    }

    #[test]
    fn codes_match_their_step_and_neighbours_only() {
        let secret = new_secret();
        let now = 1_800_000_000;
        let code = code_at(&secret, now).unwrap();
        let step = now / 30;
        assert_eq!(matching_step(&secret, &code, now), Some(step));
        assert_eq!(matching_step(&secret, &format!("{} {}", &code[..3], &code[3..]), now + 30), Some(step));
        assert_eq!(matching_step(&secret, &code, now + 90), None, "three steps later it is stale");
        assert_eq!(matching_step(&secret, "12345", now), None);
        assert_eq!(matching_step(&secret, "abcdef", now), None);
    }

    #[test]
    fn secrets_round_trip_through_their_display() {
        let secret = new_secret();
        let shown = display(&secret);
        assert_eq!(shown.replace(' ', "").len(), 32);
        assert_eq!(parse(&shown.to_lowercase()), Some(secret));
        assert_eq!(parse("ABCD"), None, "too short");
        assert_eq!(parse("not base32 at all!"), None);
    }

    #[test]
    fn setup_address_and_qr_code() {
        let secret = new_secret();
        let url = setup_url(&secret, "Notes: here", "Willow").unwrap();
        assert!(url.starts_with("otpauth://totp/Notes%20%20here:Willow?secret="), "{url}");
        let svg = qr_svg(&url).unwrap();
        assert!(svg.starts_with("<svg class=\"qr\" aria-hidden=\"true\""), "{svg}");
        assert!(svg.ends_with("</svg>") && !svg.contains("<?xml"));
    }
}
