//! Email preferences as they cross the wire.
use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

/// How often a member gets the digest of what happened in their part of the network.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Digest {
    Off,
    Daily,
    Weekly,
}

impl Digest {
    pub fn as_str(self) -> &'static str {
        match self {
            Digest::Off => "off",
            Digest::Daily => "daily",
            Digest::Weekly => "weekly",
        }
    }

    pub fn parse(text: &str) -> Option<Digest> {
        match text {
            "off" => Some(Digest::Off),
            "daily" => Some(Digest::Daily),
            "weekly" => Some(Digest::Weekly),
            _ => None,
        }
    }

    /// Seconds between two digests, when there are any.
    pub fn period_seconds(self) -> Option<i64> {
        match self {
            Digest::Off => None,
            Digest::Daily => Some(86_400),
            Digest::Weekly => Some(7 * 86_400),
        }
    }
}

/// Which emails a member gets. A member who never chose gets `EmailPreferences::default()`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailPreferences {
    pub mentions: bool,
    pub replies: bool,
    /// A decision in their city or the network closes soon and they have not taken a stance.
    pub decisions: bool,
    /// A bucket they started, co-created or gave to is funded.
    pub buckets: bool,
    pub digest: Digest,
    /// The language the emails are written in.
    pub locale: Locale,
}

impl Default for EmailPreferences {
    fn default() -> Self {
        EmailPreferences {
            mentions: true,
            replies: true,
            decisions: true,
            buckets: true,
            digest: Digest::Weekly,
            locale: Locale::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digest_reads_back_what_it_writes() {
        for digest in [Digest::Off, Digest::Daily, Digest::Weekly] {
            assert_eq!(Digest::parse(digest.as_str()), Some(digest));
        }
        assert_eq!(Digest::parse("hourly"), None);
        assert_eq!(Digest::Off.period_seconds(), None);
        assert_eq!(Digest::Weekly.period_seconds(), Some(604_800));
    }
}
