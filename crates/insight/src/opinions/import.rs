//! Reading a Pol.is export.
//!
//! A folder holds either `comments.csv` and `votes.csv` (one row per vote:
//! `timestamp`, `comment-id`, `voter-id`, `vote`), or only
//! `participants-votes.csv` (one row per participant, one column per
//! statement). Votes are 1 agree, -1 disagree, 0 pass; an empty cell is
//! unseen. When someone voted more than once on a statement the latest
//! vote by timestamp counts (on equal timestamps, the later row).
//! Statements with `moderated` -1, or `is-meta` true, are moderated out.
//! Ids are kept exactly as written; they must be whole numbers.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::matrix::{Vote, VoteMatrix};

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}: neither comments.csv and votes.csv nor participants-votes.csv is there")]
    NoExport(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}: not valid CSV: {source}")]
    Csv { file: String, source: csv::Error },
    #[error("{file}: missing column {column:?}")]
    MissingColumn { file: String, column: &'static str },
    #[error("{file}, line {line}: {what} {value:?} is not a whole number")]
    NotANumber {
        file: String,
        line: u64,
        what: &'static str,
        value: String,
    },
    #[error("{file}, line {line}: vote {value:?} is not 1 (agree), -1 (disagree) or 0 (pass)")]
    BadVote {
        file: String,
        line: u64,
        value: String,
    },
    #[error("{file}, line {line}: vote on statement {statement:?}, which is not in comments.csv")]
    UnknownStatement {
        file: String,
        line: u64,
        statement: String,
    },
    #[error("{file}, line {line}: statement {statement:?} appears twice")]
    DuplicateStatement {
        file: String,
        line: u64,
        statement: String,
    },
    #[error("{file}: no statement columns")]
    NoStatements { file: String },
}

/// Reads the export in `dir` (see the module documentation).
pub fn read_dir(dir: &Path) -> Result<VoteMatrix, ImportError> {
    let comments = dir.join("comments.csv");
    let votes = dir.join("votes.csv");
    let wide = dir.join("participants-votes.csv");
    if comments.is_file() && votes.is_file() {
        read_comments_and_votes(open(&comments)?, open(&votes)?)
    } else if wide.is_file() {
        read_participants_votes(open(&wide)?)
    } else {
        Err(ImportError::NoExport(dir.to_owned()))
    }
}

fn open(path: &Path) -> Result<File, ImportError> {
    File::open(path).map_err(|source| ImportError::Io {
        path: path.to_owned(),
        source,
    })
}

fn reader(r: impl Read) -> csv::Reader<impl Read> {
    csv::ReaderBuilder::new().flexible(false).from_reader(r)
}

fn column(
    headers: &csv::StringRecord,
    file: &str,
    name: &'static str,
) -> Result<usize, ImportError> {
    headers
        .iter()
        .position(|h| h.trim_start_matches('\u{feff}').trim() == name)
        .ok_or(ImportError::MissingColumn {
            file: file.to_owned(),
            column: name,
        })
}

fn line_of(record: &csv::StringRecord) -> u64 {
    record.position().map_or(0, |p| p.line())
}

fn whole_number<'a>(
    file: &str,
    line: u64,
    what: &'static str,
    value: &'a str,
) -> Result<&'a str, ImportError> {
    let v = value.trim();
    if !v.is_empty() && v.parse::<i64>().is_ok() {
        Ok(v)
    } else {
        Err(ImportError::NotANumber {
            file: file.to_owned(),
            line,
            what,
            value: value.to_owned(),
        })
    }
}

fn vote_value(file: &str, line: u64, value: &str) -> Result<Vote, ImportError> {
    let bad = || ImportError::BadVote {
        file: file.to_owned(),
        line,
        value: value.to_owned(),
    };
    let v: i64 = value.trim().parse().map_err(|_| bad())?;
    Vote::from_polis(v).map_err(|_| bad())
}

fn csv_err(file: &'static str) -> impl Fn(csv::Error) -> ImportError {
    move |source| ImportError::Csv {
        file: file.to_owned(),
        source,
    }
}

/// Reads `comments.csv` and `votes.csv`.
pub fn read_comments_and_votes(
    comments: impl Read,
    votes: impl Read,
) -> Result<VoteMatrix, ImportError> {
    let mut m = VoteMatrix::new();
    let file = "comments.csv";
    let mut r = reader(comments);
    let headers = r.headers().map_err(csv_err(file))?.clone();
    let id_col = column(&headers, file, "comment-id")?;
    let moderated_col = column(&headers, file, "moderated").ok();
    let meta_col = column(&headers, file, "is-meta").ok();
    for record in r.records() {
        let record = record.map_err(csv_err(file))?;
        let line = line_of(&record);
        let id = whole_number(file, line, "comment-id", record.get(id_col).unwrap_or(""))?;
        let moderated = moderated_col
            .and_then(|c| record.get(c))
            .map(str::trim)
            .unwrap_or("");
        let meta = meta_col
            .and_then(|c| record.get(c))
            .map(str::trim)
            .unwrap_or("");
        let out = moderated == "-1" || meta.eq_ignore_ascii_case("true");
        m.add_statement(id, out)
            .map_err(|_| ImportError::DuplicateStatement {
                file: file.to_owned(),
                line,
                statement: id.to_owned(),
            })?;
    }

    let file = "votes.csv";
    let mut r = reader(votes);
    let headers = r.headers().map_err(csv_err(file))?.clone();
    let time_col = column(&headers, file, "timestamp")?;
    let statement_col = column(&headers, file, "comment-id")?;
    let voter_col = column(&headers, file, "voter-id")?;
    let vote_col = column(&headers, file, "vote")?;
    // (timestamp, row, participant, statement, vote), then applied in time
    // order so the latest vote wins.
    let mut log: Vec<(i64, u32, u32, Vote)> = Vec::new();
    for record in r.records() {
        let record = record.map_err(csv_err(file))?;
        let line = line_of(&record);
        let field = |c: usize| record.get(c).unwrap_or("");
        let time: i64 = whole_number(file, line, "timestamp", field(time_col))?
            .parse()
            .unwrap_or(0);
        let statement = whole_number(file, line, "comment-id", field(statement_col))?;
        let voter = whole_number(file, line, "voter-id", field(voter_col))?;
        let vote = vote_value(file, line, field(vote_col))?;
        let s = m
            .statement_index(statement)
            .ok_or_else(|| ImportError::UnknownStatement {
                file: file.to_owned(),
                line,
                statement: statement.to_owned(),
            })?;
        let p = m.participant(voter);
        log.push((time, p, s, vote));
    }
    log.sort_by_key(|&(t, _, _, _)| t); // stable: file order on ties
    for (_, p, s, v) in log {
        m.set_vote(p, s, v);
    }
    Ok(m)
}

const FIXED_COLUMNS: [&str; 7] = [
    "participant",
    "xid",
    "group-id",
    "n-comments",
    "n-votes",
    "n-agree",
    "n-disagree",
];

/// Reads `participants-votes.csv`: every column that is not one of the
/// summary columns is a statement.
pub fn read_participants_votes(input: impl Read) -> Result<VoteMatrix, ImportError> {
    let file = "participants-votes.csv";
    let mut r = reader(input);
    let headers = r.headers().map_err(csv_err(file))?.clone();
    let participant_col = column(&headers, file, "participant")?;
    let mut m = VoteMatrix::new();
    let mut statement_cols = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim();
        if FIXED_COLUMNS.contains(&h) {
            continue;
        }
        let id = whole_number(file, 1, "statement column", h)?;
        let s = m
            .add_statement(id, false)
            .map_err(|_| ImportError::DuplicateStatement {
                file: file.to_owned(),
                line: 1,
                statement: id.to_owned(),
            })?;
        statement_cols.push((i, s));
    }
    if statement_cols.is_empty() {
        return Err(ImportError::NoStatements {
            file: file.to_owned(),
        });
    }
    for record in r.records() {
        let record = record.map_err(csv_err(file))?;
        let line = line_of(&record);
        let id = whole_number(
            file,
            line,
            "participant",
            record.get(participant_col).unwrap_or(""),
        )?;
        let p = m.participant(id);
        for &(c, s) in &statement_cols {
            let cell = record.get(c).unwrap_or("").trim();
            if !cell.is_empty() {
                m.set_vote(p, s, vote_value(file, line, cell)?);
            }
        }
    }
    Ok(m)
}

/// The `group-id` column of `participants-votes.csv`: (participant id,
/// group id or `None` when blank), for comparing with Pol.is's groups.
pub fn read_polis_groups(input: impl Read) -> Result<Vec<(String, Option<String>)>, ImportError> {
    let file = "participants-votes.csv";
    let mut r = reader(input);
    let headers = r.headers().map_err(csv_err(file))?.clone();
    let participant_col = column(&headers, file, "participant")?;
    let group_col = column(&headers, file, "group-id")?;
    let mut out = Vec::new();
    for record in r.records() {
        let record = record.map_err(csv_err(file))?;
        let id = record.get(participant_col).unwrap_or("").trim().to_owned();
        let group = record.get(group_col).unwrap_or("").trim();
        out.push((id, (!group.is_empty()).then(|| group.to_owned())));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const COMMENTS: &str = "timestamp,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,0,0,0,0,1,a\n1,1,0,0,0,-1,b\n";

    #[test]
    fn latest_vote_wins_and_moderated_statements_are_out() {
        let votes =
            "timestamp,datetime,comment-id,voter-id,vote\n20,x,0,5,-1\n10,x,0,5,1\n30,x,1,5,0\n";
        let m = read_comments_and_votes(COMMENTS.as_bytes(), votes.as_bytes()).unwrap();
        assert_eq!(m.participants(), ["5"]);
        assert_eq!(
            m.votes_of(0).collect::<Vec<_>>(),
            vec![(0, Vote::Disagree), (1, Vote::Pass)]
        );
        assert!(m.is_moderated_out(1));
    }

    #[test]
    fn bad_input_is_a_clear_error() {
        let cases = [
            (
                "timestamp,comment-id,voter-id,vote\n1,7,5,1\n",
                "not in comments.csv",
            ),
            (
                "timestamp,comment-id,voter-id,vote\n1,0,5,2\n",
                "is not 1 (agree)",
            ),
            (
                "timestamp,comment-id,voter-id,vote\n1,0,x5,1\n",
                "voter-id \"x5\" is not a whole number",
            ),
            (
                "timestamp,comment-id,vote\n1,0,1\n",
                "missing column \"voter-id\"",
            ),
            (
                "timestamp,comment-id,voter-id,vote\n1,0,5\n",
                "not valid CSV",
            ),
        ];
        for (votes, expected) in cases {
            let err = read_comments_and_votes(COMMENTS.as_bytes(), votes.as_bytes()).unwrap_err();
            assert!(err.to_string().contains(expected), "{votes:?}: {err}");
        }
        let err =
            read_participants_votes("participant,group-id,0,1\n3,,1,1.5\n".as_bytes()).unwrap_err();
        assert!(err.to_string().contains("vote \"1.5\""), "{err}");
        let err = read_participants_votes("participant,group-id\n3,\n".as_bytes()).unwrap_err();
        assert!(err.to_string().contains("no statement columns"), "{err}");
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_column_name() {
        let votes = "\u{feff}timestamp,comment-id,voter-id,vote\n1,0,5,1\n";
        let m = read_comments_and_votes(COMMENTS.as_bytes(), votes.as_bytes()).unwrap();
        assert_eq!(m.vote_count(), 1);
    }

    #[test]
    fn wide_format_reads_blank_as_unseen() {
        let m = read_participants_votes(
            "participant,group-id,n-votes,0,2\n3,1,1,,-1\n4,,2,1,0\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(m.statements(), ["0", "2"]);
        assert_eq!(m.votes_of(0).collect::<Vec<_>>(), vec![(1, Vote::Disagree)]);
        assert_eq!(m.vote_count(), 3);
    }
}
