//! Searching discussions' comments, a person's notifications and the
//! button that follows a discussion (issue 18 part 9).

use askama::Template;

use crate::{Chrome, Field, Phrase, Shown, When};

/// One comment search found: where it is, a passage around the words,
/// who wrote it and when.
pub struct FoundItem {
    /// The comment on its thread's page.
    pub href: String,
    /// The link's words: whose comment, and the passage around the
    /// words looked for, in the comment's own words (shown once).
    pub label: Phrase,
    /// The discussion it is in, beside the link.
    pub within: Phrase,
    pub author: Phrase,
    pub posted: When,
}

#[derive(Template)]
#[template(path = "discussions/search.html")]
pub struct SearchPage<'a> {
    pub ui: Chrome<'a>,
    pub lead: String,
    pub field: Field,
    pub button: String,
    /// What was asked, once something was: the heading of the results.
    pub searched: Option<Phrase>,
    /// Discussions whose title or introduction holds the words, and the
    /// list's address filtered by them when there are more.
    pub discussions: Vec<(String, Shown)>,
    pub more_discussions: Option<(String, String)>,
    pub comments: Vec<FoundItem>,
    /// Said when a search found no comment.
    pub empty: Option<String>,
    pub next: Option<(String, String)>,
    pub first: Option<(String, String)>,
}

/// One notification as its reader sees it.
pub struct NotificationItem {
    pub href: String,
    /// What happened, naming the discussion.
    pub text: Phrase,
    pub when: When,
    pub unread: bool,
    /// The form that marks it read (action, label for screen readers).
    pub mark_read: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "discussions/notifications.html")]
pub struct NotificationsPage<'a> {
    pub ui: Chrome<'a>,
    pub done: Option<String>,
    pub csrf: String,
    /// "3 unread".
    pub unread: String,
    pub items: Vec<NotificationItem>,
    pub empty: String,
    pub mark_all: Option<String>,
    pub settings: (String, String),
    pub next: Option<(String, String)>,
    pub first: Option<(String, String)>,
}

/// The button that follows a discussion or stops following it.
pub struct FollowForm {
    pub action: String,
    pub csrf: String,
    /// `yes` to follow, `no` to stop.
    pub follow: &'static str,
    pub button: String,
    /// What following does, or that the reader follows it.
    pub hint: String,
}
