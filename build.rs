//! Prebuilds the default rule pack from `rules/*.toml` into `OUT_DIR`, for
//! `src/rules.rs` to embed: the rule files, each regex's facts and dense
//! DFAs, and the compiled pack (see `newslint_rules::prebuilt`). A broken
//! rule file fails the build with the diagnostic `newslint` shows a user
//! for their own rule files.

use std::path::PathBuf;

use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use newslint_rules::prebuilt::write;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    let dir = manifest.join("rules");
    // The folder (a file added or removed) and each file in it.
    println!("cargo::rerun-if-changed=rules");
    let files = match write::read_rule_dir(&dir) {
        Ok(files) => files,
        Err(e) => fail(&format!("cannot read {}: {e}", dir.display())),
    };
    for (name, _) in &files {
        println!("cargo::rerun-if-changed={name}");
    }
    let built = match write::build(files) {
        Ok(built) => built,
        Err(errors) => {
            // Cargo shows a failed build script's stderr as it is.
            let mut err = StandardStream::stderr(ColorChoice::Never);
            let _ = errors.emit(&mut err);
            fail(&format!(
                "the default rule pack in rules/ does not compile ({} error{})",
                errors.errors.len(),
                if errors.errors.len() == 1 { "" } else { "s" }
            ))
        }
    };
    if let Err(e) = built.write_rust(&out) {
        fail(&format!(
            "cannot write the prebuilt pack to {}: {e}",
            out.display()
        ));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}
