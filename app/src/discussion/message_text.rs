//! What a message's text may be, and whom it mentions. Shared by the server (which decides) and
//! the browser (which warns early).
use super::types::MAX_MESSAGE_CHARS;
use crate::error::{AppError, Problem};

/// The text to store: trailing blank space dropped; empty, overlong or control-character text
/// refused with the reason.
pub fn validate(body: &str) -> Result<String, AppError> {
    let body = body.trim_end();
    if body.trim().is_empty() {
        return Err(AppError::invalid("body", Problem::Required));
    }
    if body.chars().count() > MAX_MESSAGE_CHARS {
        return Err(AppError::invalid(
            "body",
            Problem::TooLong {
                max: MAX_MESSAGE_CHARS,
            },
        ));
    }
    if body
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(AppError::invalid("body", Problem::ControlCharacters));
    }
    Ok(body.to_string())
}

/// Names written as `@**Full Name**` (what the mention autocomplete inserts), lower-cased,
/// without repeats, at most 20.
pub fn mentioned_names(body: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find("@**") {
        let after = &rest[start + 3..];
        let Some(end) = after.find("**") else { break };
        let name = after[..end].trim().to_lowercase();
        if !name.is_empty() && name.chars().count() <= 80 && !names.contains(&name) {
            names.push(name);
        }
        rest = &after[end + 2..];
        if names.len() == 20 {
            break;
        }
    }
    names
}

/// A reaction is one emoji (possibly several code points joined), never free text.
pub fn validate_emoji(emoji: &str) -> Result<String, AppError> {
    let emoji = emoji.trim();
    let looks_like_emoji = !emoji.is_empty()
        && emoji.chars().count() <= 8
        && emoji
            .chars()
            .all(|c| !c.is_alphanumeric() && !c.is_whitespace() && !c.is_ascii());
    if looks_like_emoji {
        Ok(emoji.to_string())
    } else {
        Err(AppError::invalid("emoji", Problem::Required))
    }
}

/// The mention being typed just before the caret: where its `@` is (byte index) and the letters
/// after it, when it starts a word and has 1 to 30 letters on one line.
pub fn mention_in_progress(before_caret: &str) -> Option<(usize, String)> {
    let at = before_caret.rfind('@')?;
    let starts_word = before_caret[..at]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    let typed = &before_caret[at + 1..];
    let plausible = starts_word
        && !typed.starts_with('*')
        && !typed.contains('\n')
        && (1..=30).contains(&typed.chars().count());
    plausible.then(|| (at, typed.to_string()))
}

/// The text with the mention being typed (from byte `at` to byte `caret`) completed as
/// `@**Name** `, and the caret's new byte position.
pub fn complete_mention(text: &str, at: usize, caret: usize, name: &str) -> (String, usize) {
    let inserted = format!("@**{name}** ");
    let completed = format!("{}{inserted}{}", &text[..at], &text[caret..]);
    (completed, at + inserted.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_overlong_and_control_texts_are_refused() {
        assert_eq!(validate("hello  \n").unwrap(), "hello");
        assert!(validate("   \n ").is_err());
        assert!(validate(&"a".repeat(MAX_MESSAGE_CHARS)).is_ok());
        assert_eq!(
            validate(&"é".repeat(MAX_MESSAGE_CHARS + 1)),
            Err(AppError::invalid(
                "body",
                Problem::TooLong {
                    max: MAX_MESSAGE_CHARS
                }
            ))
        );
        assert!(validate("bell\u{7}").is_err());
        assert!(validate("tab\tand\r\nnewline").is_ok());
    }

    #[test]
    fn mentions_are_found_once_each() {
        let names = mentioned_names("hi @**Ana Lima** and @**ana lima**, cc @**Bo** @**unclosed");
        assert_eq!(names, vec!["ana lima".to_string(), "bo".to_string()]);
        assert!(mentioned_names("no mention @here").is_empty());
    }

    #[test]
    fn a_mention_in_progress_is_found_and_completed() {
        assert_eq!(mention_in_progress("hi @Ana"), Some((3, "Ana".to_string())));
        assert_eq!(mention_in_progress("@é"), Some((0, "é".to_string())));
        assert_eq!(mention_in_progress("mail me@home"), None);
        assert_eq!(mention_in_progress("done @**Ana Lima** "), None);
        assert_eq!(mention_in_progress("hi @"), None);
        let (text, caret) = complete_mention("hi @An, see you", 3, 6, "Ana Lima");
        assert_eq!(text, "hi @**Ana Lima** , see you");
        assert_eq!(&text[..caret], "hi @**Ana Lima** ");
    }

    #[test]
    fn reactions_are_emoji_only() {
        assert_eq!(validate_emoji("👍").unwrap(), "👍");
        assert!(validate_emoji("👩‍💻").is_ok());
        assert!(validate_emoji("lol").is_err());
        assert!(validate_emoji("<b>").is_err());
        assert!(validate_emoji("").is_err());
    }
}
