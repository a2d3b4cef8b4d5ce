//! The commented starter configuration `newslint init` writes.

/// The starter `newslint.toml`: every key, commented out or at its default.
pub const STARTER: &str = r#"# newslint configuration (see docs/configuration.md).
# newslint reads the nearest newslint.toml or .newslint.toml above each file.
# Paths and globs here are relative to this file.

# Extra rule files or folders of .toml rule files (the house style guide).
# rules = ["style/rules/"]

# Which rules run: rule ids, categories (sourcing, hedging, loaded-language,
# puffery, editorializing, attribution, suppression) or sets (default,
# thorough). Empty: the default set.
# select = ["default"]
# ignore = ["puffery"]

# Exit 1 when a finding at or above this severity remains: error, warning,
# info or never. `--fail-on` on the command line wins.
# fail-on = "warning"

# Files never linted.
# exclude = ["archive/**", "drafts/"]

# Phrases that never fire: a finding whose flagged text overlaps one of them
# (case ignored, whole words) is dropped. House decisions, proper names.
# allow = ["Liberty Institute"]

# Inline suppressions (<!-- newslint-disable RULE -- reason -->) must say why.
require-reasons = false

# Severity by rule id or category (a rule id wins over its category).
# [severity]
# hedging = "info"
# anonymous-source-no-reason = "error"

# Settings for files whose path matches a glob.
# [[overrides]]
# paths = ["opinion/**"]
# ignore = ["editorializing"]
# severity = { loaded-language = "info" }

# Settings switched on by front-matter fields (section: opinion).
# [profile.opinion]
# when = { section = "opinion" }
# ignore = ["editorializing"]
#
# [profile.analysis]
# when = { type = "analysis" }
# severity = { editorializing = "info" }
"#;
