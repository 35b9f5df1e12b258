//! Embeds the compiled front-end (`frontend/dist`, built by `npm run build`)
//! so the binary serves its own assets with nothing beside it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    // Read when the script runs, not baked in when it is compiled: a
    // target directory shared by several checkouts reuses one compiled
    // script, which must embed the assets of the checkout it builds.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dist = Path::new(&manifest_dir).join("../../frontend/dist");
    // Relative to this package, so that another checkout sharing the target
    // directory watches its own files.
    println!("cargo:rerun-if-changed=../../frontend/dist");
    let mut files = Vec::new();
    if dist.is_dir() {
        collect(&dist, &mut files);
    } else {
        println!(
            "cargo:warning=frontend/dist is missing: pages will have no styles. \
             Run `npm ci && npm run build` in frontend/ first."
        );
    }
    warn_if_stale(&dist, &Path::new(&manifest_dir).join("../../frontend/src"));
    files.sort();
    let mut code = String::from("pub(crate) static EMBEDDED: &[(&str, &[u8])] = &[\n");
    for f in files {
        let rel = f
            .strip_prefix(&dist)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        println!("cargo:rerun-if-changed=../../frontend/dist/{rel}");
        writeln!(
            code,
            "    ({rel:?}, include_bytes!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/../../frontend/dist/{rel}\"))),"
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded_assets.rs");
    std::fs::write(out, code).unwrap();
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Warns when a front-end source is newer than the built `dist`: the
/// binary would embed an old script (a language switch that lost what
/// was typed on a survey page was one such old `app.js`).
fn warn_if_stale(dist: &Path, src: &Path) {
    println!("cargo:rerun-if-changed=../../frontend/src");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let newest = |dir: &Path| {
        std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| modified(&e.path()))
            .max()
    };
    if let (Some(src), Some(built)) = (newest(src), modified(&dist.join("app.js"))) {
        if src > built {
            println!(
                "cargo:warning=frontend/src is newer than frontend/dist: \
                 run `npm run build` in frontend/ so the binary embeds the current scripts."
            );
        }
    }
}
