//! The default rule pack, compiled into the binary so nothing is needed at run time.

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
];

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
