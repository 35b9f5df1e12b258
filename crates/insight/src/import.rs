//! Reading answers and labelled examples from the files people export:
//! CSV (with a header row) and JSON Lines. Bad files give a clear error,
//! never a panic; the handling of imperfect files is fixed and documented:
//!
//! - bytes that are not UTF-8 are replaced with U+FFFD and counted;
//! - extra columns are ignored; a row too short to hold a requested column
//!   is an error naming its line (a half-read file is worse than none);
//! - blank lines in JSON Lines are skipped; a line that is not a JSON
//!   object, or lacks a requested field, is an error naming its line;
//!   numbers, booleans and null are read as their JSON text ("" for null).

use std::io::{BufRead, Read};

use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read the input: {0}")]
    Io(#[from] std::io::Error),
    #[error("the input is not valid CSV: {0}")]
    Csv(String),
    #[error("the input has no header row")]
    NoHeader,
    #[error("column {name:?} not found; the header has: {available}")]
    MissingColumn { name: String, available: String },
    #[error("line {line}: the row has {fields} fields, too few to hold column {name:?}")]
    ShortRow {
        line: u64,
        fields: usize,
        name: String,
    },
    #[error("line {line}: not a JSON object: {message}")]
    Json { line: u64, message: String },
    #[error("line {line}: field {name:?} is missing")]
    MissingField { line: u64, name: String },
}

/// What was read: one `Vec` per row holding the requested columns in the
/// order asked for, plus a count of the rows that had invalid UTF-8.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Table {
    pub rows: Vec<Vec<String>>,
    /// 1-based line (CSV: record start line) of each row.
    pub lines: Vec<u64>,
    pub rows_with_invalid_utf8: usize,
}

/// The requested columns of a CSV file with a header row.
pub fn read_csv<R: Read>(mut reader: R, columns: &[&str]) -> Result<Table, ImportError> {
    // Read whole: line numbers are counted from the bytes themselves (the
    // csv crate's own count is one short after "\r\n" line ends).
    let mut data = Vec::new();
    reader.read_to_end(&mut data)?;
    let mut csv = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(&data[..]);
    let header = csv
        .byte_headers()
        .map_err(|e| ImportError::Csv(e.to_string()))?
        .clone();
    if header.is_empty() {
        return Err(ImportError::NoHeader);
    }
    let names: Vec<String> = header
        .iter()
        .map(|h| {
            String::from_utf8_lossy(h)
                .trim()
                .trim_start_matches('\u{feff}')
                .to_string()
        })
        .collect();
    let mut positions = Vec::with_capacity(columns.len());
    for &wanted in columns {
        let pos =
            names
                .iter()
                .position(|n| n == wanted)
                .ok_or_else(|| ImportError::MissingColumn {
                    name: wanted.to_string(),
                    available: names.join(", "),
                })?;
        positions.push(pos);
    }
    let mut table = Table::default();
    let mut record = csv::ByteRecord::new();
    let (mut counted_to, mut newlines) = (0usize, 0u64);
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(ImportError::Csv(e.to_string())),
        }
        let offset = record
            .position()
            .map_or(0, |p| p.byte() as usize)
            .min(data.len());
        newlines += data[counted_to.min(offset)..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64;
        counted_to = counted_to.max(offset);
        // The record may be reported from the "\n" ending the previous one.
        let line = newlines + 1 + u64::from(data.get(offset) == Some(&b'\n'));
        if record.len() == 1 && record.get(0).is_some_and(|f| f.is_empty()) {
            continue; // a blank line
        }
        let mut row = Vec::with_capacity(positions.len());
        let mut invalid = false;
        for (&pos, &name) in positions.iter().zip(columns) {
            let field = record.get(pos).ok_or_else(|| ImportError::ShortRow {
                line,
                fields: record.len(),
                name: name.to_string(),
            })?;
            row.push(match std::str::from_utf8(field) {
                Ok(s) => s.to_string(),
                Err(_) => {
                    invalid = true;
                    String::from_utf8_lossy(field).into_owned()
                }
            });
        }
        table.rows_with_invalid_utf8 += usize::from(invalid);
        table.rows.push(row);
        table.lines.push(line);
    }
    Ok(table)
}

/// The requested fields of a JSON Lines file (one object per line).
pub fn read_jsonl<R: BufRead>(mut reader: R, fields: &[&str]) -> Result<Table, ImportError> {
    let mut table = Table::default();
    let mut buf = Vec::new();
    let mut line = 0u64;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line += 1;
        let (text, invalid) = match std::str::from_utf8(&buf) {
            Ok(s) => (std::borrow::Cow::Borrowed(s), false),
            Err(_) => (String::from_utf8_lossy(&buf), true),
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| ImportError::Json {
                line,
                message: e.to_string(),
            })?;
        let object = value.as_object().ok_or_else(|| ImportError::Json {
            line,
            message: "expected an object".into(),
        })?;
        let mut row = Vec::with_capacity(fields.len());
        for &name in fields {
            let v = object.get(name).ok_or_else(|| ImportError::MissingField {
                line,
                name: name.to_string(),
            })?;
            row.push(match v {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Null => String::new(),
                other => other.to_string(),
            });
        }
        table.rows_with_invalid_utf8 += usize::from(invalid);
        table.rows.push(row);
        table.lines.push(line);
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_columns_by_name_in_the_order_asked() {
        let data = "id,text,label,extra\n1,\"Hello, world\",a,x\n2,bye,b,y,z\n";
        let t = read_csv(data.as_bytes(), &["label", "text"]).unwrap();
        assert_eq!(t.rows, vec![vec!["a", "Hello, world"], vec!["b", "bye"]]);
        assert_eq!(t.lines, vec![2, 3]);
        let crlf = "id,text\r\n1,\"two\r\nlines\"\r\n2,b\r\n";
        let t = read_csv(crlf.as_bytes(), &["text"]).unwrap();
        assert_eq!(t.rows, vec![vec!["two\r\nlines"], vec!["b"]]);
        assert_eq!(t.lines, vec![2, 4]);
    }

    #[test]
    fn csv_errors_are_clear() {
        let e = read_csv("id,text\n1,a\n".as_bytes(), &["label"]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "column \"label\" not found; the header has: id, text"
        );
        let e = read_csv("id,text\n1,a\n2\n".as_bytes(), &["text"]).unwrap_err();
        assert!(e.to_string().starts_with("line 3:"), "{e}");
        assert!(matches!(
            read_csv("".as_bytes(), &["text"]),
            Err(ImportError::NoHeader)
        ));
    }

    #[test]
    fn invalid_utf8_is_replaced_and_counted() {
        let data = b"text\nok\nbad \xff byte\n";
        let t = read_csv(&data[..], &["text"]).unwrap();
        assert_eq!(t.rows[1][0], "bad \u{fffd} byte");
        assert_eq!(t.rows_with_invalid_utf8, 1);
    }

    #[test]
    fn jsonl_fields() {
        let data = "{\"id\": 7, \"text\": \"hi\"}\n\n{\"id\": \"x\", \"text\": null}\n";
        let t = read_jsonl(data.as_bytes(), &["id", "text"]).unwrap();
        assert_eq!(t.rows, vec![vec!["7", "hi"], vec!["x", ""]]);
        let e = read_jsonl("{\"id\":1}\n[1]\n".as_bytes(), &["id"]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 2: not a JSON object: expected an object"
        );
        let e = read_jsonl("{\"id\":1}\n".as_bytes(), &["text"]).unwrap_err();
        assert_eq!(e.to_string(), "line 1: field \"text\" is missing");
    }
}
