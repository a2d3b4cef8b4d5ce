//! Which configuration governs which input, decided before a run: the
//! configurations are loaded (the pack depends on them), excluded files
//! dropped, and a [`ConfigPolicy`] judges each file's findings.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::resolve;
pub use super::resolve::CliRules;
use super::{Config, ConfigError, FailOnDef, discover};
use crate::finding::Finding;
use crate::input::{self, InputDoc};
use crate::rules::Pack;
use crate::suppress::{self, Judged, Policy, SuppressionRecord};

/// Where configuration comes from.
#[derive(Debug, Clone)]
pub enum ConfigMode {
    /// `--isolated`: none at all.
    Isolated,
    /// `--config PATH`: this one for every input.
    Explicit(PathBuf),
    /// The nearest `newslint.toml` above each input.
    Discover,
}

/// The inputs to lint and how to judge their findings.
#[derive(Debug)]
pub struct Plan {
    /// Paths to hand to the run: as given, or the files of the given
    /// folders less the excluded ones.
    pub paths: Vec<PathBuf>,
    /// The configurations and the command line's rule choices.
    pub policy: ConfigPolicy,
}

/// Configurations found for a run, and the judge of each file's findings.
#[derive(Debug)]
pub struct ConfigPolicy {
    configs: Vec<Config>,
    /// Nearest configuration by folder (absolute), filled while planning.
    by_dir: HashMap<PathBuf, Option<usize>>,
    /// `Some` when one choice holds for every file (`--isolated`, `--config`).
    fixed: Option<Option<usize>>,
    /// The configuration of the current folder (standard input, `fail-on`).
    cwd_config: Option<usize>,
    cli: CliRules,
    cwd: PathBuf,
    stdin_name: Option<String>,
    /// Every configuration's extra rule paths (see [`Self::rule_paths`]).
    all_extra: Vec<PathBuf>,
}

/// Loads the configurations `mode` asks for around `paths` (and the current
/// folder, for standard input named `stdin_name`), and drops excluded files.
pub fn plan(
    paths: &[PathBuf],
    mode: ConfigMode,
    cli: CliRules,
    stdin_name: Option<String>,
) -> Result<Plan, ConfigError> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut policy = ConfigPolicy {
        configs: Vec::new(),
        by_dir: HashMap::new(),
        fixed: None,
        cwd_config: None,
        cli,
        cwd: cwd.clone(),
        stdin_name,
        all_extra: Vec::new(),
    };
    match mode {
        ConfigMode::Isolated => {
            policy.fixed = Some(None);
            return Ok(Plan {
                paths: paths.to_vec(),
                policy,
            });
        }
        ConfigMode::Explicit(p) => {
            policy.configs.push(Config::load(&p)?);
            policy.fixed = Some(Some(0));
            policy.cwd_config = Some(0);
        }
        ConfigMode::Discover => {
            policy.cwd_config = policy.lookup(&cwd)?;
        }
    }
    let mut kept = Vec::new();
    for p in paths {
        let (files, errors) = input::walk(std::slice::from_ref(p));
        if !errors.is_empty() || !p.is_dir() {
            // Missing or unreadable (the run reports it), or named alone.
            if errors.is_empty() {
                let abs = policy.absolute(p);
                let c = policy.config_index(&abs)?;
                if c.is_some_and(|c| policy.configs[c].excludes(&abs)) {
                    continue;
                }
            }
            kept.push(p.clone());
            continue;
        }
        if policy.fixed.is_none() {
            // The folder's own configuration, even with nothing to lint in
            // it (`newslint config FOLDER` shows it).
            let dir = policy.absolute(p);
            policy.lookup(&dir)?;
        }
        for f in files {
            let abs = policy.absolute(&f.path);
            let c = policy.config_index(&abs)?;
            if !c.is_some_and(|c| policy.configs[c].excludes(&abs)) {
                kept.push(f.path);
            }
        }
    }
    policy.all_extra = policy.rule_paths();
    Ok(Plan {
        // With no configuration anywhere, the run walks as it always has.
        paths: if policy.configs.is_empty() {
            paths.to_vec()
        } else {
            kept
        },
        policy,
    })
}

impl ConfigPolicy {
    fn absolute(&self, p: &Path) -> PathBuf {
        if p.is_absolute() {
            p.to_owned()
        } else {
            self.cwd.join(p.strip_prefix(".").unwrap_or(p))
        }
    }

    /// The configuration governing folder `dir` (absolute), loading it once.
    fn lookup(&mut self, dir: &Path) -> Result<Option<usize>, ConfigError> {
        if let Some(&c) = self.by_dir.get(dir) {
            return Ok(c);
        }
        let found = match discover(dir) {
            None => None,
            Some(path) => match self.configs.iter().position(|c| c.path == path) {
                Some(i) => Some(i),
                None => {
                    self.configs.push(Config::load(&path)?);
                    Some(self.configs.len() - 1)
                }
            },
        };
        self.by_dir.insert(dir.to_owned(), found);
        Ok(found)
    }

    fn config_index(&mut self, file: &Path) -> Result<Option<usize>, ConfigError> {
        if let Some(c) = self.fixed {
            return Ok(c);
        }
        let dir = file.parent().unwrap_or(Path::new("/")).to_owned();
        self.lookup(&dir)
    }

    /// The configuration governing `file` (absolute), as planned.
    pub fn config_for(&self, file: &Path) -> Option<&Config> {
        let c = match self.fixed {
            Some(c) => c,
            None => file
                .parent()
                .and_then(|d| self.by_dir.get(d).copied())
                // A file the plan did not see: look now, without caching.
                .unwrap_or_else(|| {
                    let path = file.parent().and_then(discover)?;
                    self.configs.iter().position(|c| c.path == path)
                }),
        };
        c.map(|c| &self.configs[c])
    }

    /// The configurations loaded, in the order found.
    pub fn configs(&self) -> &[Config] {
        &self.configs
    }

    /// Every configuration's extra rule paths, each once.
    pub fn rule_paths(&self) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = Vec::new();
        for p in self.configs.iter().flat_map(Config::rule_paths) {
            if !out.contains(&p) {
                out.push(p);
            }
        }
        out
    }

    /// `fail-on` of the current folder's configuration (or `--config`).
    pub fn fail_on(&self) -> Option<FailOnDef> {
        self.cwd_config.and_then(|c| self.configs[c].def.fail_on)
    }

    /// Readies a pack loaded with [`Self::rule_paths`]: adds newslint's own
    /// suppression rules, checks every name the configurations use, and
    /// runs every rule some file may report.
    pub fn prepare(&self, pack: &mut Pack) -> Result<(), ConfigError> {
        suppress::own_rules::add_to(pack);
        for c in &self.configs {
            c.check_names(pack)?;
        }
        let mut on = resolve::may_run(pack, None, &self.cli);
        if !self.configs.is_empty() {
            // Files governed by no configuration.
            on = if self.fixed.is_some() {
                vec![false; pack.rules.len()]
            } else {
                on
            };
            for c in &self.configs {
                for (o, m) in on
                    .iter_mut()
                    .zip(resolve::may_run(pack, Some(c), &self.cli))
                {
                    *o |= m;
                }
            }
        }
        pack.enabled = on;
        Ok(())
    }

    fn file_of(&self, doc: &InputDoc) -> PathBuf {
        self.absolute(Path::new(&doc.path))
    }

    fn governing(&self, doc: &InputDoc) -> Option<&Config> {
        if self.stdin_name.as_deref() == Some(doc.path.as_str()) {
            return self.cwd_config.map(|c| &self.configs[c]);
        }
        self.config_for(&self.file_of(doc))
    }

    /// The effective settings for `file`, in TOML-like lines (`newslint config`).
    pub fn describe(
        &self,
        pack: &Pack,
        file: &Path,
        front_matter: &BTreeMap<String, String>,
    ) -> String {
        let abs = self.absolute(file);
        let config = if file.is_dir() {
            match self.fixed {
                Some(c) => c.map(|c| &self.configs[c]),
                None => discover(&abs).and_then(|p| self.configs.iter().find(|c| c.path == p)),
            }
        } else {
            self.config_for(&abs)
        };
        let extra = self.rule_paths();
        let (s, profiles) = resolve::settings(pack, config, &self.cli, &extra, &abs, front_matter);
        let mut out = String::new();
        let list = |items: &mut dyn Iterator<Item = String>| {
            let v: Vec<String> = items.map(|s| format!("{s:?}")).collect();
            format!("[{}]", v.join(", "))
        };
        let _ = writeln!(
            out,
            "# effective configuration for {}",
            input::display_path(file)
        );
        match config {
            Some(c) => {
                let _ = writeln!(out, "# from {}", c.path.display());
                let o: Vec<String> = c
                    .overrides_for(&abs)
                    .map(|i| {
                        let globs: Vec<&str> = c.def.overrides[i]
                            .paths
                            .iter()
                            .map(|p| p.get_ref().as_str())
                            .collect();
                        globs.join(" ")
                    })
                    .collect();
                let _ = writeln!(out, "excluded = {}", c.excludes(&abs));
                let _ = writeln!(out, "overrides = {}", list(&mut o.into_iter()));
                let _ = writeln!(out, "profiles = {}", list(&mut profiles.into_iter()));
                let fail = c.def.fail_on.map_or("warning (default)", |f| match f {
                    FailOnDef::Error => "error",
                    FailOnDef::Warning => "warning",
                    FailOnDef::Info => "info",
                    FailOnDef::Never => "never",
                });
                let _ = writeln!(out, "fail-on = {fail:?}");
                let _ = writeln!(
                    out,
                    "rules = {}",
                    list(&mut c.rule_paths().into_iter().map(|p| p.display().to_string()))
                );
            }
            None => {
                let _ = writeln!(out, "# no configuration file: defaults");
            }
        }
        let _ = writeln!(out, "require-reasons = {}", s.require_reasons);
        let _ = writeln!(out, "allow = {}", list(&mut s.allow.iter().cloned()));
        let mut active: Vec<&str> = (0..pack.rules.len())
            .filter(|&i| s.active[i])
            .map(|i| pack.rules[i].id.as_str())
            .collect();
        active.sort_unstable();
        let _ = writeln!(
            out,
            "active = {}",
            list(&mut active.into_iter().map(str::to_string))
        );
        let _ = writeln!(out, "\n[severity]");
        let mut sev: Vec<(&str, &str)> = (0..pack.rules.len())
            .filter(|&i| s.active[i])
            .filter_map(|i| {
                s.severity[i]
                    .filter(|&v| v != pack.rules[i].severity)
                    .map(|v| (pack.rules[i].id.as_str(), v.as_str()))
            })
            .collect();
        sev.sort_unstable();
        for (id, v) in sev {
            let _ = writeln!(out, "{id} = {v:?}");
        }
        out
    }
}

impl Policy for ConfigPolicy {
    fn judge(
        &self,
        pack: &Pack,
        doc: &InputDoc,
        findings: Vec<Finding>,
    ) -> (Vec<Judged>, Vec<SuppressionRecord>) {
        let config = self.governing(doc);
        let file = self.file_of(doc);
        let (settings, _) = resolve::settings(
            pack,
            config,
            &self.cli,
            &self.all_extra,
            &file,
            &doc.prose.front_matter,
        );
        suppress::judge(pack, doc.text(), doc.format, &settings, findings)
    }
}
