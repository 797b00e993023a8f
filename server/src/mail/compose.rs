//! The words of each email, as plain text. Everything a member wrote is quoted as they wrote it
//! (markdown is readable as text), cut to a readable length.

pub use app::email::outbox::Email;
use app::email::types::Digest;
use app::i18n::*;

const QUOTE_CHARS: usize = 600;

/// At most `QUOTE_CHARS` characters, cut at a character boundary, marked when cut.
pub fn excerpt(text: &str) -> String {
    let trimmed = text.trim();
    match trimmed.char_indices().nth(QUOTE_CHARS) {
        Some((cut, _)) => format!("{}…", &trimmed[..cut]),
        None => trimmed.to_string(),
    }
}

fn quoted(text: &str) -> String {
    excerpt(text)
        .lines()
        .map(|line| format!("> {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Links every member email ends with (their settings, and the one-click way out), and the
/// language the member reads.
pub struct Footer<'a> {
    pub base: &'a str,
    pub token: &'a str,
    pub locale: Locale,
}

impl Footer<'_> {
    pub fn unsubscribe_url(&self) -> String {
        format!("{}/email/unsubscribe/{}", self.base, self.token)
    }

    fn text(&self) -> String {
        let settings = format!("{}/me", self.base);
        let unsubscribe = self.unsubscribe_url();
        format!(
            "\n\n-- \n{}\n{}\n",
            td_display!(self.locale, mail.footer_settings, link = settings),
            td_display!(self.locale, mail.footer_unsubscribe, link = unsubscribe),
        )
    }
}

pub struct MessageNotice<'a> {
    /// "mention" or "reply".
    pub kind: &'a str,
    pub author: Option<&'a str>,
    pub channel: &'a str,
    pub body: &'a str,
    pub link: &'a str,
}

pub fn message_notice(notice: &MessageNotice<'_>, footer: &Footer<'_>) -> (String, String) {
    let locale = footer.locale;
    let author = notice
        .author
        .unwrap_or_else(|| td_string!(locale, mail.former_member));
    let channel = notice.channel;
    let subject = match notice.kind {
        "reply" => td_string!(locale, mail.reply_subject, author, channel),
        _ => td_string!(locale, mail.mention_subject, author, channel),
    };
    let link = format!("{}{}", footer.base, notice.link);
    let body = format!(
        "{}\n\n{}\n\n{}{}",
        td_display!(locale, mail.message_intro, author, channel),
        quoted(notice.body),
        td_display!(locale, mail.message_action, link),
        footer.text()
    );
    (subject, body)
}

pub fn closing_soon(
    title: &str,
    closes_at: &str,
    link: &str,
    footer: &Footer<'_>,
) -> (String, String) {
    let locale = footer.locale;
    let link = format!("{}{link}", footer.base);
    let body = format!(
        "{}\n\n{}{}",
        td_display!(locale, mail.closing_body, title, closes_at),
        td_display!(locale, mail.closing_action, link),
        footer.text()
    );
    (td_string!(locale, mail.closing_subject, title), body)
}

pub fn bucket_funded(title: &str, link: &str, footer: &Footer<'_>) -> (String, String) {
    let locale = footer.locale;
    let link = format!("{}{link}", footer.base);
    let body = format!(
        "{}\n\n{}{}",
        td_display!(locale, mail.funded_body, title),
        td_display!(locale, mail.funded_action, link),
        footer.text()
    );
    (td_string!(locale, mail.funded_subject, title), body)
}

/// The digest: its sections in order, each a heading and its lines; nothing when all are empty.
pub fn digest(
    period: Digest,
    sections: &[(String, Vec<String>)],
    footer: &Footer<'_>,
) -> Option<(String, String)> {
    let filled: Vec<_> = sections
        .iter()
        .filter(|(_, lines)| !lines.is_empty())
        .collect();
    if filled.is_empty() {
        return None;
    }
    let locale = footer.locale;
    let (subject, intro) = match period {
        Digest::Daily => (
            td_string!(locale, mail.digest_subject_daily),
            td_string!(locale, mail.digest_intro_daily),
        ),
        _ => (
            td_string!(locale, mail.digest_subject_weekly),
            td_string!(locale, mail.digest_intro_weekly),
        ),
    };
    let mut body = format!("{intro}\n");
    for (heading, lines) in filled {
        body.push_str(&format!("\n{heading}\n"));
        for line in lines {
            body.push_str(&format!("  - {line}\n"));
        }
    }
    let link = format!("{}/", footer.base);
    body.push_str(&format!(
        "\n{}{}",
        td_display!(locale, mail.digest_open, link),
        footer.text()
    ));
    Some((subject.to_string(), body))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FOOTER: Footer = Footer {
        base: "https://edges.example",
        token: "abc",
        locale: Locale::en,
    };

    #[test]
    fn an_excerpt_cuts_long_text_at_a_character() {
        let long = "é".repeat(QUOTE_CHARS + 5);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), QUOTE_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(excerpt("  short  "), "short");
    }

    #[test]
    fn a_mention_quotes_the_message_and_ends_with_the_way_out() {
        let notice = MessageNotice {
            kind: "mention",
            author: Some("Ana"),
            channel: "#paris",
            body: "Hello @Bo\nsee you",
            link: "/discussion/1?before=3#m2",
        };
        let (subject, body) = message_notice(&notice, &FOOTER);
        assert_eq!(subject, "Ana mentioned you in #paris");
        assert!(body.contains("> Hello @Bo\n> see you"), "{body}");
        assert!(body.contains("https://edges.example/discussion/1?before=3#m2"));
        assert!(
            body.ends_with("https://edges.example/email/unsubscribe/abc\n"),
            "{body}"
        );
    }

    #[test]
    fn an_empty_digest_is_not_sent() {
        let empty = vec![("Decisions".to_string(), vec![])];
        assert!(digest(Digest::Weekly, &empty, &FOOTER).is_none());
        let one = vec![(
            "Decisions".to_string(),
            vec!["Open the library".to_string()],
        )];
        let (subject, body) = digest(Digest::Weekly, &one, &FOOTER).expect("a digest");
        assert_eq!(subject, "Your week on Edges");
        assert!(body.contains("  - Open the library"));
    }

    #[test]
    fn a_french_reader_gets_french_words_around_what_was_written() {
        let footer = Footer {
            locale: Locale::fr,
            ..FOOTER
        };
        let notice = MessageNotice {
            kind: "reply",
            author: None,
            channel: "#lyon",
            body: "Hello",
            link: "/discussion/4#m9",
        };
        let (subject, body) = message_notice(&notice, &footer);
        assert_eq!(subject, "Un ancien membre vous a répondu dans #lyon");
        assert!(body.contains("> Hello\n"), "{body}");
        assert!(body.contains("Lire et répondre : https://edges.example/discussion/4#m9"));
        assert!(body.contains("en un clic : https://edges.example/email/unsubscribe/abc"));
        let (subject, _) = closing_soon("Vélos", "2026-12-03 10:00", "/decisions/3", &footer);
        assert_eq!(subject, "Bientôt clos : Vélos");
        let one = vec![("Décidé".to_string(), vec!["Vélos".to_string()])];
        let (subject, body) = digest(Digest::Daily, &one, &footer).expect("a digest");
        assert_eq!(subject, "Votre journée sur Edges");
        assert!(body.starts_with("Ce qui s’est passé"), "{body}");
    }
}
