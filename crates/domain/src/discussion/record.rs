//! A discussion and a comment as they are kept, and the codes their
//! states, badges and pre-moderation are stored and sent under.

use serde::Serialize;
use time::OffsetDateTime;
use uuid::Uuid;

use super::comment::State;
use super::moderation::PreModeration;
use super::stage_link::StageRef;
use crate::consultation::Status;
use crate::identity::Role;

/// A discussion as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Discussion {
    pub id: Uuid,
    pub title: String,
    pub introduction: String,
    pub questions: Vec<String>,
    pub topics: Vec<String>,
    pub area: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub opens_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub closes_at: OffsetDateTime,
    pub language: String,
    #[serde(serialize_with = "pre_moderation_code")]
    pub pre_moderation: PreModeration,
    /// Brought in from elsewhere: closed and read-only for good.
    pub imported: bool,
    #[serde(with = "time::serde::rfc3339::option")]
    pub published_at: Option<OffsetDateTime>,
    /// Comments everyone may read.
    pub comment_count: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// The consultation stage it is part of, if any (ADR 38).
    pub consultation_stage: Option<StageRef>,
}

/// [`Discussion::status`] from the fields it depends on, for reads that
/// bring only those (a vote's).
pub fn status_at(
    imported: bool,
    opens_at: OffsetDateTime,
    closes_at: OffsetDateTime,
    now: OffsetDateTime,
) -> Status {
    if imported {
        return Status::Closed;
    }
    Status::at(opens_at, closes_at, now)
}

fn pre_moderation_code<S: serde::Serializer>(p: &PreModeration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&p.code())
}

impl Discussion {
    /// Open from its opening (inclusive) until its closing (exclusive);
    /// an imported discussion is closed whatever its dates say.
    pub fn status(&self, now: OffsetDateTime) -> Status {
        status_at(self.imported, self.opens_at, self.closes_at, now)
    }

    /// Whether residents may see it at all.
    pub fn is_published(&self) -> bool {
        self.published_at.is_some()
    }
}

impl PreModeration {
    /// As stored: `off`, `all` or `first:N`.
    pub fn code(self) -> String {
        match self {
            Self::Off => "off".to_owned(),
            Self::All => "all".to_owned(),
            Self::FirstComments(n) => format!("first:{n}"),
        }
    }

    /// Reads a stored code; anything unknown reads as `all`, the safe side.
    pub fn from_code(code: &str) -> Self {
        match code {
            "off" => Self::Off,
            _ => match code.strip_prefix("first:").and_then(|n| n.parse().ok()) {
                Some(n) => Self::FirstComments(n),
                None => Self::All,
            },
        }
    }
}

impl State {
    pub const ALL: [State; 5] = [
        State::Published,
        State::AwaitingModeration,
        State::Hidden,
        State::DeletedByAuthor,
        State::RemovedWithAccount,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            State::Published => "published",
            State::AwaitingModeration => "awaiting_moderation",
            State::Hidden => "hidden",
            State::DeletedByAuthor => "deleted_by_author",
            State::RemovedWithAccount => "removed_with_account",
        }
    }

    pub fn from_code(code: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The badge beside an author's name. It comes from the author's roles
/// when they post (or, for an imported thread, from its `role` field),
/// never from anything they type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Badge {
    CommunityMember,
    Official,
    Moderator,
    Elected,
}

impl Badge {
    pub const ALL: [Badge; 4] = [
        Badge::CommunityMember,
        Badge::Official,
        Badge::Moderator,
        Badge::Elected,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            Badge::CommunityMember => "community_member",
            Badge::Official => "official",
            Badge::Moderator => "moderator",
            Badge::Elected => "elected",
        }
    }

    pub fn from_code(code: &str) -> Option<Badge> {
        Badge::ALL.into_iter().find(|b| b.code() == code)
    }

    /// The badge a person's roles give: an elected member speaks as one
    /// first, then staff who speak for the council (officers and
    /// administrators), then moderators; everyone else is a member of
    /// the community.
    pub fn of_roles(roles: &[Role]) -> Badge {
        if roles.contains(&Role::ElectedMember) {
            Badge::Elected
        } else if roles.contains(&Role::Officer) || roles.contains(&Role::Administrator) {
            Badge::Official
        } else if roles.contains(&Role::Moderator) || roles.contains(&Role::SeniorModerator) {
            Badge::Moderator
        } else {
            Badge::CommunityMember
        }
    }

    /// An imported thread's `role` field, in the words the files
    /// use ("community member", "official representative", "moderator",
    /// "elected member"), any case, with `_` or `-` for spaces.
    pub fn from_import(role: &str) -> Option<Badge> {
        let folded = role.trim().to_lowercase().replace(['_', '-'], " ");
        match folded.as_str() {
            "community member" | "" => Some(Badge::CommunityMember),
            "official representative" | "official" => Some(Badge::Official),
            "moderator" => Some(Badge::Moderator),
            "elected member" | "elected" => Some(Badge::Elected),
            _ => None,
        }
    }
}

/// A comment as stored, before any reader's view of it is decided.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    pub id: Uuid,
    pub discussion_id: Uuid,
    pub path: String,
    pub depth: i64,
    pub parent_id: Option<Uuid>,
    /// The top-level comment of its thread (itself for a top-level one).
    pub root_id: Uuid,
    pub author_id: Option<Uuid>,
    /// The author's display name: their account's, or the name an imported
    /// thread gave; `None` once the account was erased.
    pub author_name: Option<String>,
    pub badge: Badge,
    pub body: String,
    pub state: State,
    pub hidden_reason: Option<String>,
    pub edited_at: Option<OffsetDateTime>,
    pub agree_count: i64,
    pub created_at: OffsetDateTime,
}

/// What an imported thread writes for an author whose account is gone.
pub const IMPORTED_DELETED_AUTHOR: &[&str] = &[
    "anonymous - account deleted",
    "anonymous – account deleted",
    "anonymous — account deleted",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back() {
        for s in State::ALL {
            assert_eq!(State::from_code(s.code()), Some(s));
        }
        for b in Badge::ALL {
            assert_eq!(Badge::from_code(b.code()), Some(b));
        }
        for p in [
            PreModeration::Off,
            PreModeration::All,
            PreModeration::FirstComments(3),
        ] {
            assert_eq!(PreModeration::from_code(&p.code()), p);
        }
        assert_eq!(PreModeration::from_code("nonsense"), PreModeration::All);
    }

    #[test]
    fn badges_come_from_roles_in_order() {
        use Role::*;
        assert_eq!(Badge::of_roles(&[Resident]), Badge::CommunityMember);
        assert_eq!(Badge::of_roles(&[Resident, Moderator]), Badge::Moderator);
        assert_eq!(Badge::of_roles(&[Moderator, Officer]), Badge::Official);
        assert_eq!(Badge::of_roles(&[Officer, ElectedMember]), Badge::Elected);
        assert_eq!(Badge::of_roles(&[Analyst]), Badge::CommunityMember);
    }

    #[test]
    fn imported_roles_read_in_the_files_words() {
        assert_eq!(
            Badge::from_import("Official representative"),
            Some(Badge::Official)
        );
        assert_eq!(Badge::from_import("elected_member"), Some(Badge::Elected));
        assert_eq!(Badge::from_import("mayor"), None);
    }
}
