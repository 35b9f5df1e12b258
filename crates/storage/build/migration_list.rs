//! Pairs the migration files of the two engines into one numbered list,
//! or says what is wrong with them. Shared by `build.rs`, which generates
//! `migrate::MIGRATIONS` from the folders, and by the crate's tests.

use std::collections::BTreeMap;

/// One migration: its number and its name (the file name without `.sql`),
/// the same for both engines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub version: i64,
    pub name: String,
}

/// The migrations that `sqlite` and `postgres` (the `.sql` file names
/// in each folder) hold, in order. Each name is `NNNN_words.sql`; both
/// folders hold the same names; numbers start at 1 and have no
/// duplicate or gap. Anything else is a message naming the file.
pub fn pair(sqlite: &[String], postgres: &[String]) -> Result<Vec<Listed>, String> {
    let sqlite = numbered("sqlite", sqlite)?;
    let postgres = numbered("postgres", postgres)?;
    for (engine, these, other, those) in [
        ("sqlite", &sqlite, "postgres", &postgres),
        ("postgres", &postgres, "sqlite", &sqlite),
    ] {
        if let Some(name) = these.values().find(|n| !those.values().any(|o| o == *n)) {
            return Err(format!(
                "migrations/{engine}/{name}.sql has no twin: add migrations/{other}/{name}.sql"
            ));
        }
    }
    let mut listed = Vec::new();
    for (expected, (version, name)) in (1..).zip(sqlite) {
        if version != expected {
            return Err(format!(
                "migration {expected:04} is missing (the next is {name}.sql): \
                 numbers run from 0001 with no gap"
            ));
        }
        listed.push(Listed { version, name });
    }
    Ok(listed)
}

/// The files of one engine's folder by number.
fn numbered(engine: &str, files: &[String]) -> Result<BTreeMap<i64, String>, String> {
    let mut by_number = BTreeMap::new();
    for file in files {
        let name = file.strip_suffix(".sql").ok_or_else(|| {
            format!("migrations/{engine}/{file} is not a .sql file: only migrations belong there")
        })?;
        let version = name
            .split_once('_')
            .filter(|(digits, words)| {
                digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) && !words.is_empty()
            })
            .and_then(|(digits, _)| digits.parse::<i64>().ok())
            .ok_or_else(|| {
                format!("migrations/{engine}/{file} is not named NNNN_words.sql (four digits, an underscore, a name)")
            })?;
        if let Some(before) = by_number.insert(version, name.to_owned()) {
            return Err(format!(
                "migrations/{engine} has two migrations numbered {version:04}: {before}.sql and {file}"
            ));
        }
    }
    Ok(by_number)
}
