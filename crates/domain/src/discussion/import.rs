//! A thread run elsewhere, read from the file it was exported to: CSV
//! with a header row, or JSON Lines, each row or object holding `id`,
//! `parent_id`, `author`, `role`, `created_at` and `text`. Both
//! `cohesion import discussion` and `cohesion analyse discussion` read
//! files through here, so they accept and refuse the same files.
//!
//! The whole file is checked before anything is done with it, and the
//! first problem is reported with the line it is on: bytes that are not
//! UTF-8, a missing column, a row or object that cannot be read, an empty
//! id or one used twice, an empty author, a role that is not one of the
//! four badges, a time that cannot be read, text that a comment could not
//! hold, a parent that is not in the file, and replies that answer each
//! other in a circle. Extra columns and fields are ignored; blank lines
//! are skipped.
//!
//! Times are RFC 3339 (`2016-10-25T09:00:00Z`, `…+01:00`), or a date and
//! time without an offset (`2016-10-25 09:00[:00]`, `T` or a space), or a
//! date alone, the last two read as UTC.

use std::collections::HashMap;

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, OffsetDateTime, PrimitiveDateTime};

use super::comment::{self, MAX_COMMENT_CHARS};
use super::record::{Badge, IMPORTED_DELETED_AUTHOR};
use crate::error::ErrorCode;

/// The columns (CSV) or fields (JSON Lines) a thread file holds.
pub const FIELDS: [&str; 6] = ["id", "parent_id", "author", "role", "created_at", "text"];

/// The most characters an author's name or a comment's id takes.
pub const MAX_AUTHOR_CHARS: usize = 200;
pub const MAX_ID_CHARS: usize = 200;

/// How a thread file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    JsonLines,
}

impl Format {
    /// By the file name's extension (`.csv`; `.jsonl`, `.ndjson` or
    /// `.json`), or, for any other name, by the file's first visible
    /// character: `{` starts JSON Lines, anything else CSV.
    pub fn guess(extension: Option<&str>, data: &[u8]) -> Format {
        match extension.map(str::to_ascii_lowercase).as_deref() {
            Some("csv") => Format::Csv,
            Some("jsonl" | "ndjson" | "json") => Format::JsonLines,
            _ => {
                let first = data
                    .strip_prefix("\u{feff}".as_bytes())
                    .unwrap_or(data)
                    .iter()
                    .find(|b| !b.is_ascii_whitespace());
                if first == Some(&b'{') {
                    Format::JsonLines
                } else {
                    Format::Csv
                }
            }
        }
    }
}

/// One comment of an imported thread, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedComment {
    /// Its id in the file.
    pub id: String,
    /// The comment it replies to, as an index into the thread's
    /// comments; always an earlier one.
    pub parent: Option<usize>,
    /// The author's name as given; `None` for an account deleted since
    /// ("Anonymous - account deleted", with any dash).
    pub author: Option<String>,
    pub badge: Badge,
    pub created_at: OffsetDateTime,
    /// The text as a comment keeps it ([`comment::body`]).
    pub text: String,
    /// The line of the file its row or object starts on.
    pub line: u64,
}

/// A thread file's comments, parents before their replies, and otherwise
/// in the order they were posted (the file's order for equal times).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Thread {
    pub comments: Vec<ImportedComment>,
}

/// What is wrong with a thread file, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{problem}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
pub struct ImportError {
    /// The line the problem is on, when it is on one.
    pub line: Option<u64>,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("the file holds no comments")]
    Empty,
    #[error("bytes that are not UTF-8 text")]
    NotUtf8,
    #[error("not valid CSV: {0}")]
    Csv(String),
    #[error("the header has no column {missing}; it has: {found}")]
    MissingColumns { missing: String, found: String },
    #[error("the row has {0} fields, too few for the header's columns")]
    ShortRow(usize),
    #[error("not a JSON object: {0}")]
    Json(String),
    #[error("field {0:?} is missing")]
    MissingField(&'static str),
    #[error("field {0:?} must be a string or a number")]
    NotText(&'static str),
    #[error("the id is empty")]
    EmptyId,
    #[error("{0} is longer than {1} characters")]
    TooLong(&'static str, usize),
    #[error("{0} has characters that are not allowed (controls or line breaks)")]
    BadCharacters(&'static str),
    #[error("the id {id:?} was already used on line {first}")]
    RepeatedId { id: String, first: u64 },
    #[error("the author is empty (write \"Anonymous - account deleted\" for a deleted account)")]
    EmptyAuthor,
    #[error(
        "unknown role {0:?}: expected community member, official representative, moderator \
         or elected member"
    )]
    UnknownRole(String),
    #[error(
        "created_at {0:?} is not a time (write 2016-10-25T09:00:00Z, 2016-10-25 09:00 or \
         2016-10-25)"
    )]
    BadTime(String),
    #[error("the text is empty")]
    EmptyText,
    #[error("parent_id {0:?} is not the id of any comment in the file")]
    UnknownParent(String),
    #[error("comment {0:?} is its own reply, or replies to a reply to itself")]
    Cycle(String),
}

fn at(line: u64, problem: Problem) -> ImportError {
    ImportError {
        line: Some(line),
        problem,
    }
}

/// A row as the file has it, before its values are checked.
#[derive(Debug, Clone, Default, PartialEq)]
struct Row {
    line: u64,
    values: [String; 6],
}

/// Reads and checks a whole thread file.
pub fn parse(data: &[u8], format: Format) -> Result<Thread, ImportError> {
    let text = utf8(data)?;
    let rows = match format {
        Format::Csv => csv_rows(text)?,
        Format::JsonLines => json_rows(text)?,
    };
    if rows.is_empty() {
        return Err(ImportError {
            line: None,
            problem: Problem::Empty,
        });
    }
    thread(rows)
}

/// The file as text, or the line holding its first byte that is not
/// UTF-8.
fn utf8(data: &[u8]) -> Result<&str, ImportError> {
    let data = data.strip_prefix("\u{feff}".as_bytes()).unwrap_or(data);
    std::str::from_utf8(data).map_err(|e| {
        let before = &data[..e.valid_up_to()];
        let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        at(line, Problem::NotUtf8)
    })
}

fn csv_rows(text: &str) -> Result<Vec<Row>, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| at(1, Problem::Csv(e.to_string())))?
        .clone();
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    let positions: Vec<Option<usize>> = FIELDS
        .iter()
        .map(|f| names.iter().position(|n| n == f))
        .collect();
    let missing: Vec<&str> = FIELDS
        .iter()
        .zip(&positions)
        .filter(|(_, p)| p.is_none())
        .map(|(f, _)| *f)
        .collect();
    if !missing.is_empty() {
        return Err(at(
            1,
            Problem::MissingColumns {
                missing: missing.join(", "),
                found: names.join(", "),
            },
        ));
    }
    let positions: Vec<usize> = positions.into_iter().flatten().collect();
    let mut lines = LineCounter::new(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let read = reader.read_record(&mut record).map_err(|e| {
            let line = e.position().map_or(0, |p| lines.line_at(p.byte() as usize));
            at(line, Problem::Csv(e.to_string()))
        })?;
        if !read {
            return Ok(rows);
        }
        let line = lines.line_at(record.position().map_or(0, |p| p.byte() as usize));
        if record.len() == 1 && record[0].trim().is_empty() {
            continue;
        }
        let mut row = Row {
            line,
            ..Row::default()
        };
        for (slot, &pos) in row.values.iter_mut().zip(&positions) {
            *slot = record
                .get(pos)
                .ok_or_else(|| at(line, Problem::ShortRow(record.len())))?
                .to_owned();
        }
        rows.push(row);
    }
}

/// Lines counted from the bytes themselves, forwards only, so that a
/// file with "\r\n" line ends and fields over several lines is counted
/// right.
struct LineCounter<'a> {
    data: &'a [u8],
    counted_to: usize,
    newlines: u64,
}

impl<'a> LineCounter<'a> {
    fn new(data: &'a [u8]) -> Self {
        Self {
            data,
            counted_to: 0,
            newlines: 0,
        }
    }

    /// The line of a record that starts at `offset` (the reader may give
    /// the offset of the line end before it).
    fn line_at(&mut self, offset: usize) -> u64 {
        let mut offset = offset.min(self.data.len());
        while matches!(self.data.get(offset), Some(b'\r' | b'\n')) {
            offset += 1;
        }
        if offset > self.counted_to {
            self.newlines += self.data[self.counted_to..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            self.counted_to = offset;
        }
        self.newlines + 1
    }
}

fn json_rows(text: &str) -> Result<Vec<Row>, ImportError> {
    let mut rows = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n as u64 + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(raw).map_err(|e| at(line, Problem::Json(e.to_string())))?;
        let object = value
            .as_object()
            .ok_or_else(|| at(line, Problem::Json("expected an object".into())))?;
        let mut row = Row {
            line,
            ..Row::default()
        };
        for (slot, name) in row.values.iter_mut().zip(FIELDS) {
            *slot = match object.get(name) {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Number(n)) => n.to_string(),
                Some(serde_json::Value::Null) => String::new(),
                // A top-level comment may leave its parent out.
                None if name == "parent_id" => String::new(),
                None => return Err(at(line, Problem::MissingField(name))),
                Some(_) => return Err(at(line, Problem::NotText(name))),
            };
        }
        rows.push(row);
    }
    Ok(rows)
}

/// A comment before its parent is found: its checked values and its
/// parent's id.
struct Checked {
    comment: ImportedComment,
    parent_id: Option<String>,
}

fn check(row: Row) -> Result<Checked, ImportError> {
    let line = row.line;
    let [id, parent_id, author, role, created_at, text] = row.values;
    let id = one_line(line, "the id", &id, MAX_ID_CHARS)?;
    if id.is_empty() {
        return Err(at(line, Problem::EmptyId));
    }
    let parent_id = one_line(line, "parent_id", &parent_id, MAX_ID_CHARS)?;
    let author = one_line(line, "the author", &author, MAX_AUTHOR_CHARS)?;
    if author.is_empty() {
        return Err(at(line, Problem::EmptyAuthor));
    }
    let badge =
        Badge::from_import(&role).ok_or_else(|| at(line, Problem::UnknownRole(role.clone())))?;
    let created_at =
        time_of(&created_at).ok_or_else(|| at(line, Problem::BadTime(created_at.clone())))?;
    let text = comment::body("text", &text).map_err(|e| {
        at(
            line,
            match e.code {
                ErrorCode::FieldRequired => Problem::EmptyText,
                ErrorCode::FieldTooLong => Problem::TooLong("the text", MAX_COMMENT_CHARS),
                _ => Problem::BadCharacters("the text"),
            },
        )
    })?;
    Ok(Checked {
        comment: ImportedComment {
            id,
            parent: None,
            author: (!is_deleted_author(&author)).then_some(author),
            badge,
            created_at,
            text,
            line,
        },
        parent_id: (!parent_id.is_empty()).then_some(parent_id),
    })
}

/// A trimmed one-line value of at most `max` characters.
fn one_line(line: u64, what: &'static str, value: &str, max: usize) -> Result<String, ImportError> {
    let value = value.trim();
    if value.chars().count() > max {
        return Err(at(line, Problem::TooLong(what, max)));
    }
    if value.chars().any(char::is_control) {
        return Err(at(line, Problem::BadCharacters(what)));
    }
    Ok(value.to_owned())
}

/// Whether an author is the deleted account's placeholder, with any
/// dash and any spacing or case.
pub fn is_deleted_author(author: &str) -> bool {
    let folded: String = author
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
            c => c,
        })
        .collect();
    let folded = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    IMPORTED_DELETED_AUTHOR.contains(&folded.as_str())
}

/// A time in one of the forms the module names.
fn time_of(value: &str) -> Option<OffsetDateTime> {
    let value = value.trim();
    if let Ok(t) = OffsetDateTime::parse(value, &Rfc3339) {
        return Some(t);
    }
    let with_seconds = format_description!(
        "[year]-[month]-[day][first [T][ ]][hour]:[minute]:[second][optional [.[subsecond]]]"
    );
    let without_seconds = format_description!("[year]-[month]-[day][first [T][ ]][hour]:[minute]");
    PrimitiveDateTime::parse(value, with_seconds)
        .or_else(|_| PrimitiveDateTime::parse(value, without_seconds))
        .map(PrimitiveDateTime::assume_utc)
        .or_else(|_| {
            Date::parse(value, format_description!("[year]-[month]-[day]"))
                .map(|d| d.midnight().assume_utc())
        })
        .ok()
}

/// The checked comments with their parents found, parents first.
fn thread(rows: Vec<Row>) -> Result<Thread, ImportError> {
    let mut checked = Vec::with_capacity(rows.len());
    let mut index: HashMap<String, usize> = HashMap::with_capacity(rows.len());
    for row in rows {
        let c = check(row)?;
        if let Some(&first) = index.get(&c.comment.id) {
            let first: &Checked = &checked[first];
            return Err(at(
                c.comment.line,
                Problem::RepeatedId {
                    id: c.comment.id,
                    first: first.comment.line,
                },
            ));
        }
        index.insert(c.comment.id.clone(), checked.len());
        checked.push(c);
    }
    let mut parents = Vec::with_capacity(checked.len());
    for c in &checked {
        parents.push(match &c.parent_id {
            None => None,
            Some(p) => Some(
                *index
                    .get(p)
                    .ok_or_else(|| at(c.comment.line, Problem::UnknownParent(p.clone())))?,
            ),
        });
    }
    let order = parents_first(&checked, &parents)?;
    let mut new_index = vec![0; checked.len()];
    for (to, &from) in order.iter().enumerate() {
        new_index[from] = to;
    }
    let mut slots: Vec<Option<Checked>> = checked.into_iter().map(Some).collect();
    let comments = order
        .iter()
        .map(|&from| {
            let mut c = slots[from]
                .take()
                .expect("each comment is placed once")
                .comment;
            c.parent = parents[from].map(|p| new_index[p]);
            c
        })
        .collect();
    Ok(Thread { comments })
}

/// An order of the comments (indices into `checked`) in which every
/// parent comes before its replies: by time, then the file's order, a
/// comment's ancestors brought forward when it would come before them.
fn parents_first(
    checked: &[Checked],
    parents: &[Option<usize>],
) -> Result<Vec<usize>, ImportError> {
    let mut by_time: Vec<usize> = (0..checked.len()).collect();
    by_time.sort_by_key(|&i| (checked[i].comment.created_at, i));
    let mut placed = vec![false; checked.len()];
    // The walk (numbered from 1) that last passed each comment.
    let mut walked = vec![0; checked.len()];
    let mut order = Vec::with_capacity(checked.len());
    let mut chain = Vec::new();
    for (walk, start) in by_time.into_iter().enumerate() {
        // Walk up to the nearest placed ancestor or the top, then place
        // the chain from the top down.
        chain.clear();
        let mut next = Some(start);
        while let Some(i) = next.filter(|&i| !placed[i]) {
            if walked[i] == walk + 1 {
                let c = &checked[i].comment;
                return Err(at(c.line, Problem::Cycle(c.id.clone())));
            }
            walked[i] = walk + 1;
            chain.push(i);
            next = parents[i];
        }
        for &i in chain.iter().rev() {
            placed[i] = true;
            order.push(i);
        }
    }
    Ok(order)
}

#[cfg(test)]
mod tests;
