//! Tables of figures (a crosstab, weighted shares): a heading for each
//! column and at the start of each row, figures aligned as numbers, and
//! hidden figures marked with a short symbol that a key under the table
//! explains, so that a wide table stays narrow enough to read.

use crate::Phrase;

/// One cell of a [`FigureTable`].
pub enum Figure {
    /// A figure and, under it, what it rests on (a percentage and its
    /// count), or nothing.
    Shown { main: Phrase, under: Option<Phrase> },
    /// A figure withheld: `symbol` for the eye (the key explains it),
    /// `words` for screen readers, which would read the symbol as
    /// punctuation.
    Withheld { symbol: String, words: String },
    /// Nothing belongs here (the corner of the totals).
    Blank,
}

impl Figure {
    pub fn shown(main: impl Into<Phrase>) -> Self {
        Figure::Shown {
            main: main.into(),
            under: None,
        }
    }

    pub fn with_under(main: impl Into<Phrase>, under: impl Into<Phrase>) -> Self {
        Figure::Shown {
            main: main.into(),
            under: Some(under.into()),
        }
    }
}

/// One row: its heading and its cells.
pub struct FigureRow {
    pub head: Phrase,
    pub cells: Vec<Figure>,
    /// A row of totals, set apart from the rows above it.
    pub total: bool,
}

/// A line of the key under a table: the symbol (if the line explains
/// one) and what it means.
pub struct KeyLine {
    pub symbol: Option<String>,
    pub text: Phrase,
}

pub struct FigureTable {
    /// The caption, and the label of the box a wide table scrolls in.
    pub caption: Phrase,
    /// What the row headings are (the first column's heading).
    pub corner: Phrase,
    /// Column headings, made by [`Phrase::heading`].
    pub head: Vec<Phrase>,
    pub rows: Vec<FigureRow>,
    /// The key under the table: its symbols and how to read its cells.
    pub key: Vec<KeyLine>,
}
