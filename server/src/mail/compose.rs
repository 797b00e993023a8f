//! The words of each email, as plain text. Everything a member wrote is quoted as they wrote it
//! (markdown is readable as text), cut to a readable length.

pub use app::email::outbox::Email;

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

/// Links every member email ends with: their settings, and the one-click way out.
pub struct Footer<'a> {
    pub base: &'a str,
    pub token: &'a str,
}

impl Footer<'_> {
    pub fn unsubscribe_url(&self) -> String {
        format!("{}/email/unsubscribe/{}", self.base, self.token)
    }

    fn text(&self) -> String {
        format!(
            "\n\n-- \nChoose which emails Edges sends you: {}/me\nStop all Edges emails in one click: {}\n",
            self.base,
            self.unsubscribe_url()
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
    let author = notice.author.unwrap_or("A former member");
    let subject = match notice.kind {
        "reply" => format!("{author} replied to you in {}", notice.channel),
        _ => format!("{author} mentioned you in {}", notice.channel),
    };
    let body = format!(
        "{author} wrote in {}:\n\n{}\n\nRead and answer: {}{}{}",
        notice.channel,
        quoted(notice.body),
        footer.base,
        notice.link,
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
    let subject = format!("Closing soon: {title}");
    let body = format!(
        "The proposal \"{title}\" closes on {closes_at} (UTC) and you have not taken a stance yet.\n\
         Under lazy consent, silence counts as consent.\n\nRead it and take a stance: {}{link}{}",
        footer.base,
        footer.text()
    );
    (subject, body)
}

pub fn bucket_funded(title: &str, link: &str, footer: &Footer<'_>) -> (String, String) {
    let subject = format!("Funded: {title}");
    let body = format!(
        "The bucket \"{title}\" reached its minimum: it is funded. Thank you for making it happen.\n\n\
         See it: {}{link}{}",
        footer.base,
        footer.text()
    );
    (subject, body)
}

/// The digest: its sections in order, each a heading and its lines; nothing when all are empty.
pub fn digest(
    period: &str,
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
    let mut body = format!("What happened in your part of the network this {period}:\n");
    for (heading, lines) in filled {
        body.push_str(&format!("\n{heading}\n"));
        for line in lines {
            body.push_str(&format!("  - {line}\n"));
        }
    }
    body.push_str(&format!("\nOpen Edges: {}/{}", footer.base, footer.text()));
    Some((format!("Your {period} on Edges"), body))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FOOTER: Footer = Footer {
        base: "https://edges.example",
        token: "abc",
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
        assert!(digest("week", &empty, &FOOTER).is_none());
        let one = vec![(
            "Decisions".to_string(),
            vec!["Open the library".to_string()],
        )];
        let (subject, body) = digest("week", &one, &FOOTER).expect("a digest");
        assert_eq!(subject, "Your week on Edges");
        assert!(body.contains("  - Open the library"));
    }
}
