//! Opinion voting as residents meet it: the voting page (one statement,
//! agree, disagree or pass as plain form buttons, and the form to submit
//! a statement), the results page (the opinion map as an SVG drawing with
//! the same figures in tables), and the officers' and moderators' list
//! of a discussion's statements.

use askama::Template;

use crate::{Chrome, Field, FieldError, Phrase, Shown};

/// The statement to vote on and its form.
pub struct VoteCard {
    /// "Statement to vote on": not its number, which is no step of the
    /// reader's.
    pub label: String,
    pub text: Phrase,
    pub action: String,
    pub csrf: String,
    pub agree: String,
    pub disagree: String,
    pub pass: String,
}

/// A statement the reader has voted on, their vote, and the buttons
/// that change it (the other two choices).
pub struct YourVote {
    /// The statement's element id, which its buttons are described by.
    pub id: String,
    pub text: Phrase,
    /// "You agreed".
    pub said: String,
    pub action: String,
    pub csrf: String,
    /// (vote code, button label).
    pub changes: Vec<(&'static str, String)>,
}

/// The form to submit a statement.
pub struct StatementForm {
    pub action: String,
    pub csrf: String,
    pub field: Field,
    pub button: String,
}

#[derive(Template)]
#[template(path = "discussions/vote.html")]
pub struct VotePage<'a> {
    pub ui: Chrome<'a>,
    pub back: (String, String),
    pub discussion: (String, Shown),
    pub done: Option<String>,
    pub errors: Vec<FieldError>,
    pub lead: String,
    /// "You have voted on 3 of 12 statements."
    pub progress: Option<String>,
    pub card: Option<VoteCard>,
    /// What the reader voted on, below the statement before them.
    pub yours: Vec<YourVote>,
    /// Said when there is nothing left to vote on.
    pub all_done: Option<String>,
    pub closed_notice: Option<Phrase>,
    pub sign_in: Option<(String, String)>,
    pub form: Option<StatementForm>,
    pub results: (String, String),
}

/// One group's outline and members on the map, in drawing coordinates.
pub struct MapShape {
    /// Its colour (the group's, as its dots have it).
    pub colour: &'static str,
    pub name: String,
    /// The outline as SVG `points` (empty for fewer than three people).
    pub outline: String,
    pub label_x: f64,
    pub label_y: f64,
}

pub struct MapDot {
    pub x: f64,
    pub y: f64,
    /// Its group's colour, grey outside the groups.
    pub colour: &'static str,
}

/// The opinion map as a drawing.
pub struct MapDrawing {
    pub title: String,
    pub desc: String,
    pub width: u32,
    pub height: u32,
    pub shapes: Vec<MapShape>,
    pub dots: Vec<MapDot>,
}

/// A statement as the results tables show it: its text and a share per
/// column.
pub struct StatementRow {
    pub text: Phrase,
    pub stance: String,
    pub shares: Vec<String>,
}

pub struct GroupView {
    pub name: String,
    pub size: String,
    /// Where its middle is on the map, in words ("left, above the
    /// middle").
    pub position: String,
    pub statements: Vec<StatementRow>,
}

#[derive(Template)]
#[template(path = "discussions/opinions.html")]
pub struct OpinionsPage<'a> {
    pub ui: Chrome<'a>,
    pub back: (String, String),
    pub discussion: (String, Shown),
    pub lead: Vec<Phrase>,
    /// Said instead of the map while there are not enough votes.
    pub not_ready: Option<String>,
    pub map: Option<MapDrawing>,
    /// The groups table's caption and heads.
    pub groups_caption: String,
    pub groups_head: Vec<String>,
    pub groups: Vec<GroupView>,
    /// The heads of each group's statements table: the statement, the
    /// group's stance, then one column per group.
    pub statement_head: Vec<String>,
    pub consensus_caption: String,
    pub consensus: Vec<StatementRow>,
    pub bridging_caption: String,
    pub bridging: Vec<StatementRow>,
    pub share_head: String,
    pub statement_label: String,
    pub explained: Vec<String>,
    pub vote_link: (String, String),
}

/// One statement in the officers' and moderators' list.
pub struct StaffStatement {
    /// Its id, for the row's anchor (the moderation queue links to it).
    pub id: String,
    pub number: String,
    pub text: Phrase,
    pub state: String,
    /// Why screening held it, one phrase per reason.
    pub reasons: Vec<Phrase>,
    /// The buttons: (decision code, label, hidden label).
    pub decisions: Vec<(&'static str, String)>,
    pub action: String,
}

/// The list of a discussion's statements with moderators' buttons, a
/// part of the officers' report page.
#[derive(Template)]
#[template(path = "discussions/statements_staff.html")]
pub struct StaffStatements {
    pub caption: String,
    pub head: Vec<String>,
    pub csrf: String,
    pub statements: Vec<StaffStatement>,
    pub empty: String,
}
