//! Embeds every `locales/<lang>/*.ftl` file into the binary, so that adding
//! a language is adding a folder and rebuilding: no code changes.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    // Read when the script runs, not when it is compiled: a build script
    // compiled for one checkout can run for another that shares the target
    // directory, and must list that checkout's files.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir).join("locales");
    // Relative to this package, so that another checkout sharing the target
    // directory watches its own files.
    println!("cargo:rerun-if-changed=locales");
    let mut langs: Vec<_> = std::fs::read_dir(&root)
        .expect("crates/i18n/locales exists")
        .map(|e| e.expect("readable locales folder").path())
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();

    let mut code = String::from("pub(crate) static EMBEDDED: &[(&str, &[(&str, &str)])] = &[\n");
    for dir in langs {
        let lang = dir.file_name().unwrap().to_string_lossy().into_owned();
        println!("cargo:rerun-if-changed=locales/{lang}");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        writeln!(code, "    ({lang:?}, &[").unwrap();
        for f in files {
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            let rel = format!("locales/{lang}/{name}");
            println!("cargo:rerun-if-changed={rel}");
            writeln!(
                code,
                "        ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{rel}\"))),"
            )
            .unwrap();
        }
        code.push_str("    ]),\n");
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded_locales.rs");
    std::fs::write(out, code).unwrap();
}
