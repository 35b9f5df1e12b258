//! Discussions as residents meet them: the list, a discussion's page with
//! its threads of comments, a thread's own page, the report form and the
//! house rules. The comment, reply and edit forms are the kit's
//! `FormPage`; deleting asks first with the kit's `ConfirmPage`.

pub mod moderation;
pub mod notify;
pub mod opinions;

use askama::Template;

use crate::{Chrome, Field, FieldError, Phrase, Shown, SummaryRow, When};

/// One discussion in the list.
pub struct DiscussionItem {
    pub href: String,
    pub title: Shown,
    /// `upcoming`, `open`, `closed` or `draft`: picks the tag's colour.
    pub status_key: &'static str,
    pub status: String,
    /// "Open for comments until 4 February 2027 at 5pm", as the status
    /// makes it matter.
    pub dates: Phrase,
    pub comments: String,
}

#[derive(Template)]
#[template(path = "discussions/list.html")]
pub struct DiscussionListPage<'a> {
    pub ui: Chrome<'a>,
    pub lead: String,
    pub filter: Vec<Field>,
    pub filter_button: String,
    pub count: String,
    pub items: Vec<DiscussionItem>,
    pub empty: String,
    pub previous: Option<String>,
    pub next: Option<String>,
    pub house_rules: (String, String),
    /// The site's moderation figures, month by month.
    pub transparency: (String, String),
    /// Searching comments too: (address, label) of the search page.
    pub search: (String, String),
}

/// A piece of a comment's paragraph: text, or a link with its site.
pub struct Bit {
    pub text: String,
    /// The address (already checked safe) and the site it goes to.
    pub link: Option<(String, String)>,
}

/// A comment's text as paragraphs; a long one also as its first part,
/// shown until the reader asks for the whole.
pub struct CommentBody {
    pub paragraphs: Vec<Vec<Bit>>,
    pub excerpt: Option<Vec<Vec<Bit>>>,
}

/// The Agree (or Withdraw agreement) button: a form of its own.
pub struct AgreeForm {
    pub action: String,
    pub csrf: String,
    /// `yes` to agree, `no` to withdraw.
    pub agree: &'static str,
    /// The page to come back to.
    pub from: String,
    pub label: String,
    /// The reader agrees already.
    pub pressed: bool,
}

/// One comment as its reader sees it.
pub struct CommentItem {
    /// The element's id, for links to it (`comment-<id>`).
    pub anchor: String,
    /// How far it is indented (0 to 3).
    pub level: usize,
    pub author: Phrase,
    /// `community_member`, `official`, `moderator` or `elected`.
    pub badge_key: &'static str,
    pub badge: String,
    /// "In reply to Amina", for replies deeper than the page indents.
    pub in_reply_to: Option<Phrase>,
    pub posted: When,
    /// "3 hours ago", or none when it is long enough ago that the date
    /// says it.
    pub ago: Option<String>,
    pub edited: Option<String>,
    /// Said to the author of a comment a moderator has yet to see.
    pub awaiting: Option<String>,
    /// Said in place of the text (deleted, removed).
    pub notice: Option<Phrase>,
    pub body: Option<CommentBody>,
    /// "3 people agree", for a published comment.
    pub agree_count: Option<String>,
    pub agree: Option<AgreeForm>,
    /// Reply, Report, Edit, Delete: address and label.
    pub actions: Vec<(String, String)>,
    /// Said in place of the Report link once the reader has reported it.
    pub reported: Option<String>,
    /// Said on one's own hidden comment once it was appealed: when, in
    /// place of the invitation to appeal.
    pub appealed: Option<String>,
    /// "the comment by Amina": said to screen readers after each action,
    /// so that each link says what it acts on.
    pub of: Phrase,
    /// What was just done to it ("Your comment has been posted"), said
    /// inside it: after posting or editing, the page opens at the
    /// comment, where a banner at the top would be out of sight.
    pub done: Option<String>,
}

/// A top-level comment with the replies shown under it, in thread order
/// (the top-level comment first).
pub struct ThreadItem {
    pub comments: Vec<CommentItem>,
    /// The thread's own page, when it has more replies than shown here.
    pub more: Option<(String, String)>,
}

/// The form to add a comment, on the discussion's page.
pub struct CommentForm {
    pub action: String,
    pub csrf: String,
    /// The form's own random key (ADR 40): sent twice, it leads to the
    /// comment the first sending made.
    pub key: String,
    pub field: Field,
    pub button: String,
}

#[derive(Template)]
#[template(path = "discussions/discussion.html")]
pub struct DiscussionPage<'a> {
    pub ui: Chrome<'a>,
    pub done: Option<String>,
    pub draft_notice: Option<String>,
    pub status_key: &'static str,
    pub status: String,
    /// "The discussion runs from … to …".
    pub dates: Phrase,
    /// "Part of the consultation … — stage: …", and where it links.
    pub consultation: Option<(String, Phrase)>,
    pub title_lang: String,
    /// Sanitised HTML from the Markdown introduction, and its language.
    pub intro_html: String,
    pub lang: String,
    /// The guiding questions and their language (one for the list: the
    /// original's while any is untranslated).
    pub questions_lang: String,
    pub questions: Vec<String>,
    /// Topics and area.
    pub rows: Vec<SummaryRow>,
    /// Why it takes no comments (closed, imported, not open yet).
    pub closed_notice: Option<Phrase>,
    pub comment_count: String,
    /// With a statements stage: its heading's words and the links to
    /// vote and to the results.
    pub statements: Option<StatementsStage>,
    pub form: Option<CommentForm>,
    pub sign_in: Option<(String, String)>,
    pub house_rules: (String, String),
    /// Its moderation figures, month by month.
    pub transparency: (String, String),
    pub feed: (String, String),
    /// Follow or stop following it, for a signed-in reader.
    pub follow: Option<notify::FollowForm>,
    /// The sort order's choice, sent by GET.
    pub order: Field,
    pub order_action: String,
    pub threads: Vec<ThreadItem>,
    pub next: Option<(String, String)>,
    pub first: Option<(String, String)>,
}

/// The statements stage's part of a discussion's page.
pub struct StatementsStage {
    pub lead: String,
    pub vote: (String, String),
    pub results: (String, String),
    /// For moderators and officers: the statements with their decisions.
    pub staff: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "discussions/thread.html")]
pub struct ThreadPage<'a> {
    pub ui: Chrome<'a>,
    pub back: (String, String),
    pub discussion: (String, Shown),
    pub closed_notice: Option<Phrase>,
    pub thread: ThreadItem,
    pub later: Option<(String, String)>,
}

/// One reason to report, with its hint.
pub struct ReasonChoice {
    pub code: &'static str,
    pub label: String,
    pub hint: String,
}

#[derive(Template)]
#[template(path = "discussions/report.html")]
pub struct ReportFormPage<'a> {
    pub ui: Chrome<'a>,
    pub back: Option<(String, String)>,
    pub errors: Vec<FieldError>,
    pub lead: String,
    pub comment: Phrase,
    pub csrf: String,
    pub action: String,
    pub legend: String,
    pub reasons: Vec<ReasonChoice>,
    pub reason: String,
    pub reason_error: Option<String>,
    pub note: Field,
    pub button: String,
    pub links: Vec<(String, String)>,
}

/// A rule: its heading and what it says.
pub struct Rule {
    pub id: &'static str,
    pub heading: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "discussions/house_rules.html")]
pub struct HouseRulesPage<'a> {
    pub ui: Chrome<'a>,
    pub lead: String,
    pub rules: Vec<Rule>,
    pub back: (String, String),
}
