//! Reading a discussion thread file for `analyse discussion` and
//! `import discussion`: the file read whole, its format taken from its
//! name or its first character, and every problem with it a [`BadInput`]
//! (exit status 2) naming the file and the line.

use std::path::Path;

use cohesion_domain::discussion::import::{parse, Format, Thread};

/// Input the command cannot use; `main` exits with status 2 for it, as
/// for a command line it cannot read.
#[derive(Debug)]
pub struct BadInput(pub String);

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

/// The file's bytes, or a [`BadInput`] saying why they cannot be read.
pub fn bytes(path: &Path) -> Result<Vec<u8>, BadInput> {
    std::fs::read(path).map_err(|e| BadInput(format!("cannot read {}: {e}", path.display())))
}

/// The thread a file holds, checked whole.
pub fn read(path: &Path) -> Result<Thread, BadInput> {
    let data = bytes(path)?;
    let format = Format::guess(path.extension().and_then(|e| e.to_str()), &data);
    parse(&data, format).map_err(|e| BadInput(format!("{}: {e}", path.display())))
}
