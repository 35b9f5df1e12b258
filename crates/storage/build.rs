//! Lists the migrations in `migrations/sqlite` and `migrations/postgres`
//! as `migrate::MIGRATIONS`, so a feature's migration is a pair of
//! numbered files and no Rust edit. A file without its twin, a number
//! used twice or a gap in the numbers stops the build with a message.

use std::fmt::Write as _;
use std::path::Path;

#[path = "build/migration_list.rs"]
mod migration_list;

fn main() {
    // Read when the script runs, not baked in when it is compiled: a
    // target directory shared by several checkouts reuses one compiled
    // script, which must list the migrations of the checkout it builds.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir).join("migrations");
    // Relative to this package, so that another checkout sharing the target
    // directory watches its own files.
    println!("cargo:rerun-if-changed=migrations/sqlite");
    println!("cargo:rerun-if-changed=migrations/postgres");
    println!("cargo:rerun-if-changed=build/migration_list.rs");
    let files = |engine: &str| -> Vec<String> {
        let dir = root.join(engine);
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", dir.display())));
        entries
            .map(|e| e.expect("a readable migrations folder").file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect()
    };
    let listed = migration_list::pair(&files("sqlite"), &files("postgres"))
        .unwrap_or_else(|message| fail(&message));

    let mut code = String::from(
        "/// Every migration, in order of version: listed by `build.rs` from `migrations/`.\n\
         pub const MIGRATIONS: &[Migration] = &[\n",
    );
    for m in listed {
        let file = |engine: &str| {
            format!(
                "include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/migrations/{engine}/{}.sql\"))",
                m.name
            )
        };
        writeln!(
            code,
            "    Migration {{ version: {}, name: {:?}, sqlite: {}, postgres: {} }},",
            m.version,
            m.name,
            file("sqlite"),
            file("postgres")
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("migrations.rs");
    std::fs::write(out, code).unwrap();
}

/// Stops the build with `message` alone, not a panic's backtrace.
fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}
