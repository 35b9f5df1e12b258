//! The CSV and JSON Lines importers on arbitrary bytes: an error or a
//! table, never a panic, and every row has the columns asked for.
#![no_main]

use cohesion_insight::import::{read_csv, read_jsonl};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for columns in [&["text"][..], &["id", "text"], &["a", "a"]] {
        if let Ok(t) = read_csv(data, columns) {
            assert!(t.rows.iter().all(|r| r.len() == columns.len()));
            assert_eq!(t.rows.len(), t.lines.len());
        }
        if let Ok(t) = read_jsonl(data, columns) {
            assert!(t.rows.iter().all(|r| r.len() == columns.len()));
        }
    }
});
