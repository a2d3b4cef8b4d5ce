//! Rule files and the compiled pack ([`newslint_rules`]), and the default
//! pack that `build.rs` prebuilt from `rules/*.toml` into this binary.

pub use newslint_rules::*;

/// The default pack as `build.rs` prebuilt it.
pub static DEFAULT_PACK: Prebuilt = include!(concat!(env!("OUT_DIR"), "/prebuilt.rs"));

/// A loader holding the default pack; add a newsroom's files to it.
pub fn default_loader() -> PackLoader {
    let mut loader = PackLoader::new();
    loader.add_prebuilt(&DEFAULT_PACK);
    loader
}

/// The default pack, ready to run.
pub fn default_pack() -> Pack {
    default_loader()
        .load()
        .expect("the default pack compiled when it was built")
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use newslint_rules::prebuilt::write::{self, BuiltRegex};

    use super::*;

    /// The prebuilt pack is `rules/` as this code compiles it now: the same
    /// files, regex facts, DFAs and snapshot.
    #[test]
    fn the_prebuilt_pack_is_rules_compiled_now() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        let now = write::build(write::read_rule_dir(&dir).unwrap()).unwrap();
        let files: Vec<(String, String)> = DEFAULT_PACK
            .files
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        assert!(
            files == now.files,
            "rules/ changed and the build did not rerun"
        );
        let regexes: Vec<BuiltRegex> = DEFAULT_PACK.regexes.iter().map(BuiltRegex::from).collect();
        assert!(regexes == now.regexes);
        assert!(DEFAULT_PACK.snapshot == now.snapshot.as_slice());
    }

    /// Read from its snapshot, the default pack finds what the same files
    /// compiled at run time find, on every rule's examples.
    #[test]
    fn the_snapshot_lints_as_the_compiled_pack() {
        let read = default_pack();
        let mut loader = PackLoader::new();
        for (name, text) in DEFAULT_PACK.files {
            loader.add_file(name.to_string(), text.to_string());
        }
        let compiled = loader.compile().unwrap();
        assert_eq!(read.rules.len(), compiled.rules.len());
        let text: String = compiled
            .rules
            .iter()
            .flat_map(|r| r.examples.iter().map(|e| e.text.as_str()))
            .collect::<Vec<_>>()
            .join("\n\n");
        let prose = crate::extract::extract_txt(&text);
        let a = crate::engine::check_prose(&read, &prose);
        let b = crate::engine::check_prose(&compiled, &prose);
        assert!(a.len() > 50, "{}", a.len());
        assert!(a == b);
    }
}
