//! A configuration applied to the pack for one file: which rules report and
//! at what severity.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use toml::Spanned;

use super::schema::{Adjust, Name};
use super::{Config, ConfigError, invalid};
use crate::finding::{Category, Severity};
use crate::rules::Pack;
use crate::rules::schema::RuleSet;
use crate::suppress::FileSettings;

/// `--select` and `--ignore` from the command line: `select` replaces the
/// configuration's, `ignore` adds to it.
#[derive(Debug, Clone, Default)]
pub struct CliRules {
    /// `--select`.
    pub select: Vec<String>,
    /// `--ignore`.
    pub ignore: Vec<String>,
}

fn known(pack: &Pack, n: &str) -> bool {
    RuleSet::names().contains(&n) || pack.rules.iter().any(|r| r.named_by(n))
}

/// Rules `names` name.
fn named(pack: &Pack, names: &[&str]) -> Vec<bool> {
    pack.rules
        .iter()
        .map(|r| names.iter().any(|n| r.named_by(n)))
        .collect()
}

fn strs(names: &[Name]) -> Vec<&str> {
    names.iter().map(|n| n.get_ref().as_str()).collect()
}

impl Config {
    /// Every adjustment it holds: the overrides, then the profiles.
    fn adjustments(&self) -> impl Iterator<Item = Adjust<'_>> {
        let o = self.def.overrides.iter().map(|o| o.adjust());
        let p = self.def.profile.values().map(|p| p.adjust());
        o.chain(p)
    }

    /// Checks every rule name and severity key against `pack`.
    pub fn check_names(&self, pack: &Pack) -> Result<(), ConfigError> {
        let mut problems = Vec::new();
        let top = Adjust {
            select: &self.def.select,
            ignore: &self.def.ignore,
            severity: self.def.severity.as_ref(),
        };
        for a in std::iter::once(top).chain(self.adjustments()) {
            for n in a.select.iter().chain(a.ignore) {
                if !known(pack, n.get_ref()) {
                    problems.push((
                        n.span(),
                        format!("unknown rule, category or set `{}`", n.get_ref()),
                        "not in `newslint rules`".to_string(),
                    ));
                }
            }
            if let Some(sev) = a.severity {
                for key in sev.get_ref().keys() {
                    if !pack
                        .rules
                        .iter()
                        .any(|r| r.id == *key || r.category.as_str() == key)
                    {
                        problems.push((
                            sev.span(),
                            format!("unknown rule or category `{key}` in a severity table"),
                            "in this table".to_string(),
                        ));
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(invalid(&self.name(), &self.text, problems))
        }
    }
}

/// The rules on for a file before overrides and profiles.
fn base(pack: &Pack, config: Option<&Config>, cli: &CliRules) -> Vec<bool> {
    let (mut select, mut ignore): (Vec<&str>, Vec<&str>) = match config {
        Some(c) => (strs(&c.def.select), strs(&c.def.ignore)),
        None => (Vec::new(), Vec::new()),
    };
    if !cli.select.is_empty() {
        select = cli.select.iter().map(String::as_str).collect();
    }
    ignore.extend(cli.ignore.iter().map(String::as_str));
    let selected = named(pack, &select);
    let ignored = named(pack, &ignore);
    pack.rules
        .iter()
        .enumerate()
        .map(|(i, r)| {
            // newslint's own rules are on unless ignored: a narrow select
            // must not hide an unused suppression.
            let on = if select.is_empty() || r.category == Category::Suppression {
                r.set == RuleSet::Default
            } else {
                selected[i]
            };
            on && !ignored[i]
        })
        .collect()
}

/// Rules from rule files named by another configuration than `config`:
/// those run only where their configuration governs.
fn foreign(pack: &Pack, config: Option<&Config>, all_extra: &[PathBuf]) -> Vec<bool> {
    let own = config.map(Config::rule_paths).unwrap_or_default();
    pack.rules
        .iter()
        .map(|r| {
            let Some(file) = pack.files.get(r.file) else {
                return false;
            };
            let file = Path::new(&file.name);
            r.category != Category::Suppression
                && all_extra.iter().any(|p| file.starts_with(p))
                && !own.iter().any(|p| file.starts_with(p))
        })
        .collect()
}

fn apply_severity(
    pack: &Pack,
    severity: &mut [Option<Severity>],
    table: Option<&Spanned<BTreeMap<String, Severity>>>,
) {
    let Some(table) = table else { return };
    let table = table.get_ref();
    for (i, r) in pack.rules.iter().enumerate() {
        // A rule id wins over its category, wherever it is written.
        if let Some(s) = table.get(&r.id).or_else(|| table.get(r.category.as_str())) {
            severity[i] = Some(*s);
        }
    }
}

fn apply(pack: &Pack, s: &mut FileSettings, a: Adjust<'_>) {
    let on = named(pack, &strs(a.select));
    let off = named(pack, &strs(a.ignore));
    for i in 0..pack.rules.len() {
        s.active[i] = (s.active[i] || on[i]) && !off[i];
    }
    apply_severity(pack, &mut s.severity, a.severity);
}

/// True when every field of `when` is in the front matter with one of its
/// values (case ignored; a list field matches when any item does).
fn profile_matches(
    when: &BTreeMap<String, super::schema::OneOrMany>,
    front_matter: &BTreeMap<String, String>,
) -> bool {
    !when.is_empty()
        && when.iter().all(|(key, want)| {
            front_matter.get(key).is_some_and(|have| {
                have.split(", ")
                    .chain(std::iter::once(have.as_str()))
                    .any(|h| {
                        want.values()
                            .iter()
                            .any(|w| w.trim().eq_ignore_ascii_case(h.trim()))
                    })
            })
        })
}

/// What `config` (or none) and the command line decide for `file`
/// (absolute) with this front matter. `all_extra`: every configuration's
/// extra rule paths.
pub fn settings(
    pack: &Pack,
    config: Option<&Config>,
    cli: &CliRules,
    all_extra: &[PathBuf],
    file: &Path,
    front_matter: &BTreeMap<String, String>,
) -> (FileSettings, Vec<String>) {
    let mut s = FileSettings {
        active: base(pack, config, cli),
        severity: vec![None; pack.rules.len()],
        allow: Vec::new(),
        require_reasons: false,
    };
    let mut profiles = Vec::new();
    if let Some(c) = config {
        apply_severity(pack, &mut s.severity, c.def.severity.as_ref());
        for i in c.overrides_for(file) {
            apply(pack, &mut s, c.def.overrides[i].adjust());
        }
        for (name, p) in &c.def.profile {
            if profile_matches(&p.when, front_matter) {
                apply(pack, &mut s, p.adjust());
                profiles.push(name.clone());
            }
        }
        s.allow = c.def.allow.clone();
        s.require_reasons = c.def.require_reasons;
    }
    let foreign = foreign(pack, config, all_extra);
    for (a, f) in s.active.iter_mut().zip(foreign) {
        *a &= !f;
    }
    (s, profiles)
}

/// Every rule that may report in some file under `config`: those the
/// engine must run.
pub fn may_run(pack: &Pack, config: Option<&Config>, cli: &CliRules) -> Vec<bool> {
    let mut on = base(pack, config, cli);
    if let Some(c) = config {
        for a in c.adjustments() {
            for (o, n) in on.iter_mut().zip(named(pack, &strs(a.select))) {
                *o |= n;
            }
        }
    }
    on
}
