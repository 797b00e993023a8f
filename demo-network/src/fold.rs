//! ASCII folding for email addresses.
//!
//! Names keep their real spelling ("Søren Jørgensen", "Nguyễn"), but the demo emails must be plain
//! ASCII so that every mail tool and login form accepts them. No Unicode-normalisation crate is
//! available, so the letters the name pools use are listed here; a test in `names.rs` checks that
//! every letter of every name is covered, so a new name cannot silently lose a letter.

/// The ASCII spelling of one lowercase letter, or `None` when it has none listed here.
pub(crate) fn fold_char(c: char) -> Option<&'static str> {
    let ascii = match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' | 'ơ' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ů' | 'ű' | 'ư' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        // Vietnamese letters with tone marks sit in the Latin Extended Additional block, grouped
        // by base vowel.
        '\u{1EA0}'..='\u{1EB7}' => "a",
        '\u{1EB8}'..='\u{1EC7}' => "e",
        '\u{1EC8}'..='\u{1ECB}' => "i",
        '\u{1ECC}'..='\u{1EE3}' => "o",
        '\u{1EE4}'..='\u{1EF1}' => "u",
        '\u{1EF2}'..='\u{1EF9}' => "y",
        // Combining marks (e.g. the dot `to_lowercase` leaves after Turkish 'İ') carry no letter.
        '\u{0300}'..='\u{036F}' => "",
        _ => return None,
    };
    Some(ascii)
}

/// A name as an email local-part fragment: lowercase ASCII letters, digits and hyphens only.
/// Diacritics are folded (é→e, ñ→n, ø→o, ß→ss); spaces and apostrophes are dropped, so
/// "van der Berg" gives "vanderberg" and "D'Angelo" gives "dangelo".
pub(crate) fn email_part(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' {
            out.push(c);
        } else if let Some(ascii) = fold_char(c) {
            out.push_str(ascii);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::email_part;

    #[test]
    fn folds_diacritics_and_drops_separators() {
        assert_eq!(email_part("Marie-Ève"), "marie-eve");
        assert_eq!(email_part("Iñaki"), "inaki");
        assert_eq!(email_part("Søren Jørgensen"), "sorenjorgensen");
        assert_eq!(email_part("Weiß"), "weiss");
        assert_eq!(email_part("Gonçalo Magalhães"), "goncalomagalhaes");
        assert_eq!(email_part("D'Angelo"), "dangelo");
        assert_eq!(email_part("van der Meer"), "vandermeer");
        assert_eq!(email_part("Nguyễn Đặng"), "nguyendang");
        assert_eq!(email_part("Yılmaz Şimşek"), "yilmazsimsek");
        assert_eq!(email_part("İzmir"), "izmir");
        assert_eq!(email_part("Łukasz Wiśniewski"), "lukaszwisniewski");
    }
}
