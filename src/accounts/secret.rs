//! Random secrets handed to people (session tokens, invite codes, recovery
//! codes) and the SHA-256 digests that are all the database ever holds.

use data_encoding::BASE64URL_NOPAD;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// 256-bit token, URL-safe: session cookies and invite codes.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    BASE64URL_NOPAD.encode(&bytes)
}

/// 32 symbols without the ones people confuse when copying by hand (0/O, 1/I).
const RECOVERY_ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/// 80-bit recovery code written as four groups of four (`ABCD-EFGH-JKMN-PQRS`),
/// easy to copy by hand; guessing is bounded by the recovery rate limit.
pub fn new_recovery_code() -> String {
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    // 256 is a multiple of 32, so masking keeps every symbol equally likely.
    let symbols: Vec<char> = bytes.iter().map(|b| char::from(RECOVERY_ALPHABET[usize::from(b & 31)])).collect();
    symbols.chunks(4).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// The form a recovery code is hashed in: what people type back may have
/// spaces, missing dashes or lower case.
pub fn normalise_recovery_code(typed: &str) -> String {
    typed.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect()
}

pub fn digest(secret: &str) -> Vec<u8> {
    Sha256::digest(secret.as_bytes()).to_vec()
}

/// Compares without stopping at the first difference.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_256_bits_and_distinct() {
        let token = new_token();
        assert_eq!(BASE64URL_NOPAD.decode(token.as_bytes()).unwrap().len(), 32);
        assert_ne!(new_token(), token);
    }

    #[test]
    fn recovery_codes_survive_sloppy_typing() {
        let code = new_recovery_code();
        assert_eq!(code.len(), 19);
        assert!(code.chars().all(|c| c == '-' || RECOVERY_ALPHABET.contains(&(c as u8))), "{code}");
        assert!(!code.contains(['0', 'O', '1', 'I']));
        let typed = format!(" {} ", code.to_lowercase().replace('-', " "));
        assert_eq!(normalise_recovery_code(&typed), normalise_recovery_code(&code));
    }

    #[test]
    fn same_compares_whole_values() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"ab"));
    }
}
