//! The default rule pack, compiled into the binary so nothing is needed at run time.

use super::gate::Gate;

/// Every file of `rules/`, by name. A test checks the list is complete.
pub const FILES: &[(&str, &str)] = &[
    (
        "rules/lexicons.toml",
        include_str!("../../rules/lexicons.toml"),
    ),
    (
        "rules/sourcing.toml",
        include_str!("../../rules/sourcing.toml"),
    ),
    (
        "rules/hedging.toml",
        include_str!("../../rules/hedging.toml"),
    ),
    (
        "rules/loaded-language.toml",
        include_str!("../../rules/loaded-language.toml"),
    ),
    (
        "rules/puffery.toml",
        include_str!("../../rules/puffery.toml"),
    ),
    (
        "rules/editorializing.toml",
        include_str!("../../rules/editorializing.toml"),
    ),
    (
        "rules/attribution.toml",
        include_str!("../../rules/attribution.toml"),
    ),
    (
        "rules/reaction-and-motive.toml",
        include_str!("../../rules/reaction-and-motive.toml"),
    ),
];

/// What loading works out from a regex of the default pack, kept in
/// [`super::embedded_regexes`] so that start-up neither parses nor analyses
/// it (a third of loading the pack); a test keeps the table current, and a
/// regex missing from it is merely analysed at load.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct RegexFacts {
    /// As written in the rule file.
    pub pattern: &'static str,
    pub case_sensitive: bool,
    /// Parsed in Unicode mode, with ASCII word boundaries (see `load`).
    pub unicode: bool,
    /// Index of the capture group named `flag`, if any.
    pub flag: Option<usize>,
    pub gate: Option<GateFacts>,
}

/// A [`Gate`] as constant data; the alphabet as 256 bits, low byte first.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct GateFacts {
    pub triggers: &'static [&'static str],
    pub alphabet: [u64; 4],
    pub word_start: bool,
}

impl GateFacts {
    pub fn gate(&self) -> Gate {
        let mut alphabet = Box::new([false; 256]);
        for (b, a) in alphabet.iter_mut().enumerate() {
            *a = self.alphabet[b / 64] >> (b % 64) & 1 != 0;
        }
        Gate {
            triggers: self.triggers.iter().map(|t| t.to_string()).collect(),
            alphabet,
            word_start: self.word_start,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_rule_file_is_embedded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| {
                let name = e.unwrap().file_name().into_string().unwrap();
                name.ends_with(".toml").then(|| format!("rules/{name}"))
            })
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> = super::FILES.iter().map(|(n, _)| n.to_string()).collect();
        listed.sort();
        assert_eq!(on_disk, listed, "rules/ and the embedded list differ");
    }
}
