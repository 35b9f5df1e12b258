//! What a comment may say, how long its author may edit it, and what each
//! reader sees of it in each state. Nothing a moderator or an author does
//! deletes a comment's row: replies keep their place under a notice, and
//! moderators keep the record (ADR 33).

use time::Duration;

use crate::error::{ErrorCode, ValidationError};
use crate::text::{self, is_ignored_mark};
use crate::timestamp::Timestamp;

/// The most characters a comment takes: long enough for a considered
/// answer, short enough that a page of them stays quick.
pub const MAX_COMMENT_CHARS: usize = 10_000;

/// How long after posting an author may still edit (and then the comment
/// says "edited"); earlier versions are kept for moderators.
pub const EDIT_WINDOW: Duration = Duration::minutes(15);

/// A comment's text as it will be kept: cleaned of invisible controls
/// ([`clean`]), trimmed, line endings made `\n`, runs of blank lines cut
/// to one blank line (a paragraph break), within [`MAX_COMMENT_CHARS`],
/// and with something visible in it: text made only of spaces or
/// invisible characters (zero-width, bidi controls, Arabic marks alone)
/// is refused as empty. Every way in (the form, the API, an import)
/// comes through here, so none keeps what another would clean.
pub fn body(field: &'static str, raw: &str) -> Result<String, ValidationError> {
    let unified = clean(raw).replace("\r\n", "\n").replace('\r', "\n");
    let mut kept = String::with_capacity(unified.len());
    let mut blank_run = 0;
    for line in unified.trim().lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank_run += 1;
            if blank_run > 1 {
                continue;
            }
        } else {
            blank_run = 0;
        }
        if !kept.is_empty() {
            kept.push('\n');
        }
        kept.push_str(line);
    }
    if !kept.chars().any(is_visible) {
        return Err(ValidationError::new(field, ErrorCode::FieldRequired));
    }
    text::required(field, &kept, MAX_COMMENT_CHARS)
}

/// Whether a character shows as something on the page.
fn is_visible(c: char) -> bool {
    !(c.is_whitespace() || c.is_control() || is_ignored_mark(c) || is_format_character(c))
}

/// Zero-width characters, bidi controls and the byte-order mark: they
/// change nothing anyone can read, and disguise words from screening.
pub fn is_format_character(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// `raw` without the characters that change how text is shown or read
/// but show nothing themselves: direction embeddings, overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069), the marks U+200E and U+200F,
/// zero-width space (U+200B), word joiner (U+2060) and the byte-order
/// mark (U+FEFF). They can reverse what follows on the page, hide a word
/// from readers or screening, or make two texts that look alike differ.
/// The page already isolates each comment and sets its direction from
/// its first letter (`dir="auto"`), so nothing legitimate is lost.
///
/// Zero-width non-joiner and joiner (U+200C, U+200D) are kept between
/// two visible characters: Persian and Urdu spell words with the
/// non-joiner ("می‌خواهم"), Indic scripts and emoji sequences use the
/// joiner. Anywhere else (alone, at a word's edge, in a run) they do
/// nothing and are dropped.
pub fn clean(raw: &str) -> String {
    let chars: Vec<char> = raw.chars().collect();
    let mut out = String::with_capacity(raw.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_stripped_control(c) {
            continue;
        }
        if matches!(c, '\u{200C}' | '\u{200D}') {
            // The nearest characters either side that are kept as they are.
            let before = out.chars().next_back();
            let after = chars[i + 1..]
                .iter()
                .copied()
                .find(|&n| !is_stripped_control(n));
            let joins = |n: Option<char>| n.is_some_and(|n| !n.is_whitespace() && is_visible(n));
            if !(joins(before) && joins(after)) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// The controls [`clean`] always removes.
fn is_stripped_control(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// A comment form's key (ADR 40) as the form sends it: 32 to 128
/// hexadecimal digits, or `None` (empty, or anything else: a form that
/// sends no good key is simply taken as it comes).
pub fn submission_key(raw: &str) -> Option<&str> {
    let ok = (32..=128).contains(&raw.len()) && raw.bytes().all(|b| b.is_ascii_hexdigit());
    ok.then_some(raw)
}

/// Whether the author may still edit a comment posted at `posted`.
pub fn editable(posted: Timestamp, now: Timestamp) -> bool {
    let age = now.as_offset() - posted.as_offset();
    age >= Duration::ZERO && age < EDIT_WINDOW
}

/// Where a comment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Shown to everyone.
    Published,
    /// Held by pre-moderation or screening until a moderator decides.
    AwaitingModeration,
    /// Hidden by a moderator, for a reason everyone may read.
    Hidden,
    /// Deleted by its author; its replies keep their place.
    DeletedByAuthor,
    /// Its author's account was erased with "remove my contributions".
    RemovedWithAccount,
}

/// Who is reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// Anyone, signed in or not, who did not write the comment.
    Public,
    /// The comment's own author.
    Author,
    /// A moderator, who sees everything in order to decide.
    Moderator,
}

/// What a reader is shown in a comment's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// The text, with a note when it is not yet public.
    Text { awaiting_moderation: bool },
    /// A notice in the text's place ("This comment was deleted by its
    /// author"), so the replies under it still make sense.
    Notice(State),
    /// Nothing at all: the comment is not there for this reader.
    Nothing,
}

/// What `reader` sees of a comment in `state` that has `replies` shown
/// under it. A held comment is its author's and the moderators' only; a
/// hidden one always leaves the moderator's notice (nothing a moderator
/// removes goes silently, as the house rules promise); a deleted or
/// removed one leaves a notice where it has replies to carry, and
/// disappears where it has none. Moderators still read what
/// was hidden or deleted by its author (a threat deleted after it was
/// reported must stay answerable, as earlier versions of an edited
/// comment do); what an erasure removed is gone for everyone.
pub fn shown(state: State, reader: Reader, replies: bool) -> Shown {
    let text = |awaiting_moderation| Shown::Text {
        awaiting_moderation,
    };
    match (state, reader) {
        (State::Published, _) => text(false),
        (State::AwaitingModeration, Reader::Public) => Shown::Nothing,
        (State::AwaitingModeration, _) => text(true),
        (State::Hidden | State::DeletedByAuthor, Reader::Moderator) => text(false),
        // Its author reads what was hidden (marked so, with the reason),
        // to know what they may appeal; nobody else does.
        (State::Hidden, Reader::Author) => text(false),
        // Everyone sees where a hidden comment was, and why, replies or not.
        (State::Hidden, _) => Shown::Notice(state),
        _ if replies => Shown::Notice(state),
        _ => Shown::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_keeps_paragraphs_and_loses_the_noise_around_them() {
        let kept = body("text", "  First line\r\n\r\n\r\n\r\nSecond   \n  ").unwrap();
        assert_eq!(kept, "First line\n\nSecond");
    }

    #[test]
    fn an_invisible_or_blank_body_is_empty() {
        for raw in [
            "",
            "   \n\n  ",
            "\u{200B}\u{200F}",
            "\u{202E} \u{2066}",
            "\u{064E}\u{0640}",
        ] {
            let e = body("text", raw).unwrap_err();
            assert_eq!(
                (e.field, e.code),
                ("text", ErrorCode::FieldRequired),
                "{raw:?}"
            );
        }
        assert_eq!(body("text", "\u{200B}نعم").unwrap(), "نعم");
    }

    #[test]
    fn direction_controls_and_zero_width_characters_are_cleaned_away() {
        // An override that would show "txt.exe" as "exe.txt", isolates,
        // embeddings, marks, zero-width space, word joiner, BOM.
        let raw = "\u{FEFF}Open \u{202E}exe.txt\u{202C} now\u{200B}!\u{2066}x\u{2069}\u{2060}y \u{202A}a\u{202B}b\u{202D}c \u{200E}d\u{200F}\u{2067}\u{2068}";
        assert_eq!(body("text", raw).unwrap(), "Open exe.txt now!xy abc d");
        for c in [
            '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{200B}', '\u{200F}', '\u{FEFF}',
            '\u{2060}',
        ] {
            let kept = body("text", &format!("a{c}b")).unwrap();
            assert_eq!(kept, "ab", "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn a_form_key_is_long_hexadecimal_or_none() {
        let key = "0123456789abcdef".repeat(4);
        assert_eq!(submission_key(&key), Some(key.as_str()));
        for bad in [
            "",
            "abc",
            "zz".repeat(32).as_str(),
            &"a".repeat(129),
            &format!("{key} "),
        ] {
            assert_eq!(submission_key(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn joiners_are_kept_inside_words_only() {
        // Persian "I want", spelled with a zero-width non-joiner.
        let persian = "می\u{200C}خواهم";
        assert_eq!(body("text", persian).unwrap(), persian);
        // An emoji sequence held together by zero-width joiners.
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        assert_eq!(body("text", family).unwrap(), family);
        // A joiner with a removed control beside it still joins its letters.
        assert_eq!(body("text", "می\u{200C}\u{200B}خواهم").unwrap(), persian);
        // At a word's edge, alone or in a run they join nothing.
        assert_eq!(
            body("text", "\u{200C}سلام\u{200D} \u{200C}\u{200D} x").unwrap(),
            "سلام  x"
        );
        assert_eq!(
            body("text", "\u{200C}\u{200D}").unwrap_err().code,
            ErrorCode::FieldRequired
        );
    }

    #[test]
    fn a_body_over_the_limit_is_refused_with_the_limit() {
        assert!(body("text", &"ب".repeat(MAX_COMMENT_CHARS)).is_ok());
        let e = body("text", &"ب".repeat(MAX_COMMENT_CHARS + 1)).unwrap_err();
        assert_eq!(e.code, ErrorCode::FieldTooLong);
    }

    #[test]
    fn editing_is_allowed_for_fifteen_minutes() {
        let posted = Timestamp::parse_rfc3339("2026-12-06T10:00:00Z").unwrap();
        let at = |t: &str| Timestamp::parse_rfc3339(t).unwrap();
        assert!(editable(posted, at("2026-12-06T10:14:59Z")));
        assert!(!editable(posted, at("2026-12-06T10:15:00Z")));
        assert!(
            !editable(posted, at("2026-12-06T09:59:00Z")),
            "a clock gone back"
        );
    }

    #[test]
    fn held_comments_are_the_authors_and_moderators_only() {
        use Reader::*;
        let held = State::AwaitingModeration;
        assert_eq!(shown(held, Public, true), Shown::Nothing);
        for r in [Author, Moderator] {
            assert_eq!(
                shown(held, r, false),
                Shown::Text {
                    awaiting_moderation: true
                }
            );
        }
    }

    #[test]
    fn removed_comments_leave_a_notice_only_where_replies_need_it() {
        use Reader::*;
        for state in [State::DeletedByAuthor, State::RemovedWithAccount] {
            for r in [Public, Author] {
                assert_eq!(shown(state, r, true), Shown::Notice(state));
                assert_eq!(shown(state, r, false), Shown::Nothing);
            }
        }
        let erased = State::RemovedWithAccount;
        assert_eq!(shown(erased, Moderator, true), Shown::Notice(erased));
        assert_eq!(
            shown(State::DeletedByAuthor, Moderator, false),
            Shown::Text {
                awaiting_moderation: false
            },
            "kept for the record"
        );
        assert_eq!(
            shown(State::Hidden, Public, true),
            Shown::Notice(State::Hidden)
        );
        assert_eq!(
            shown(State::Hidden, Public, false),
            Shown::Notice(State::Hidden)
        );
        assert_eq!(
            shown(State::Hidden, Author, false),
            Shown::Text {
                awaiting_moderation: false
            },
            "its author reads what was hidden"
        );
        assert_eq!(
            shown(State::Hidden, Moderator, false),
            Shown::Text {
                awaiting_moderation: false
            }
        );
    }
}
