//! Loads rule files: parses the TOML, checks everything a person can get
//! wrong (pointing at the exact place), and compiles the pack.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use regex_automata::MatchKind;
use regex_automata::meta;
use regex_syntax::hir::Hir;
use toml::Spanned;

use super::error::{RuleError, RuleErrors, RuleFile};
use super::gate::{Gate, gate};
use super::pack::{
    Condition, Example, GroupId, LazyRegex, MatcherBuilder, Pack, Rule, Suggest, Target,
};
use super::phrase::{each_form_variant, expand_braces_into};
use super::prebuilt::{GateFacts, Prebuilt, RegexFacts};
use super::schema::{ConditionDef, ContextDef, Element, RuleDef, RuleFileDef, Scope, Unit};

/// Largest compiled size allowed for one rule regex (guards against blow-ups).
const REGEX_SIZE_LIMIT: usize = 4 << 20;
/// Lazy DFA cache per regex: the `regex` crate's default.
const REGEX_DFA_CACHE: usize = 2 << 20;
/// Largest rule file read: the default pack's largest file is 60 KB; the cap
/// keeps `--rules /dev/stdin` or a mistyped path to a huge file from eating
/// memory.
pub const MAX_RULE_FILE: u64 = 8 << 20;

/// Why rule files could not be read at all.
#[derive(Debug)]
pub struct RulePathError {
    /// The path given.
    pub path: PathBuf,
    /// What went wrong.
    pub error: std::io::Error,
}

impl std::fmt::Display for RulePathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: cannot read rules: {}",
            self.path.display(),
            self.error
        )
    }
}

impl std::error::Error for RulePathError {}

/// A rule file's text: at most [`MAX_RULE_FILE`] bytes of UTF-8. Invalid
/// UTF-8 is reported at its line and column, as every other rule-file error.
fn read_rule_file(file: &Path) -> std::io::Result<String> {
    use std::io::Read;
    let invalid = |msg: String| std::io::Error::new(std::io::ErrorKind::InvalidData, msg);
    let mut bytes = Vec::new();
    std::fs::File::open(file)?
        .take(MAX_RULE_FILE + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_RULE_FILE {
        return Err(invalid(format!(
            "larger than the {MAX_RULE_FILE}-byte limit for a rule file"
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        let bad = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..bad]).unwrap_or_default();
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        invalid(format!(
            "not UTF-8: invalid byte 0x{:02x} at {}:{line}:{column}",
            e.as_bytes()[bad],
            file.display()
        ))
    })
}

/// `{name}` placeholders in a rule message other than `{match}`, which is
/// the only one filled in: any other would print literally.
fn unknown_placeholders(message: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = message;
    while let Some(open) = rest.find('{') {
        rest = &rest[open..];
        let name_len = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len() - 1);
        // `get`: the byte after the name may start a multi-byte character
        // (`{match8”`, found by fuzzing).
        if let Some(slot) = rest.get(..name_len + 2)
            && name_len > 0
            && slot.ends_with('}')
            && slot != "{match}"
        {
            out.push(slot);
        }
        rest = &rest[1..];
    }
    out
}

/// Gathers rule files, then parses and compiles them into a [`Pack`].
#[derive(Debug, Default)]
pub struct PackLoader {
    files: Vec<RuleFile>,
    /// The default pack, once added.
    prebuilt: Option<&'static Prebuilt>,
    /// For each file: true for a file of the default pack.
    default: Vec<bool>,
}

impl PackLoader {
    /// Starts with no rules.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the default pack, as prebuilt into the binary.
    pub fn add_prebuilt(&mut self, prebuilt: &'static Prebuilt) {
        self.prebuilt = Some(prebuilt);
        for (name, text) in prebuilt.files {
            // Copied once, into the shared text (not first into a `String`).
            self.push_file(name.to_string(), Arc::from(*text), true);
        }
    }

    /// Adds a rule file from memory.
    pub fn add_file(&mut self, name: String, text: String) {
        self.push_file(name, Arc::from(text), false);
    }

    fn push_file(&mut self, name: String, text: Arc<str>, default: bool) {
        self.files.push(RuleFile { name, text });
        self.default.push(default);
    }

    /// Adds a rule file, or every `.toml` file (sorted) in a directory.
    pub fn add_path(&mut self, path: &Path) -> Result<(), RulePathError> {
        let err = |error| RulePathError {
            path: path.to_owned(),
            error,
        };
        let invalid = |msg: String| err(std::io::Error::new(std::io::ErrorKind::InvalidInput, msg));
        let meta = std::fs::metadata(path).map_err(err)?;
        let mut files = Vec::new();
        if meta.is_dir() {
            for entry in std::fs::read_dir(path).map_err(err)? {
                let p = entry.map_err(err)?.path();
                if p.extension().is_some_and(|e| e == "toml") && p.is_file() {
                    files.push(p);
                }
            }
            if files.is_empty() {
                return Err(invalid("no `.toml` rule files in this directory".into()));
            }
            files.sort();
        } else if meta.is_file() {
            files.push(path.to_owned());
        } else {
            // A device or FIFO could block forever or never end.
            return Err(invalid("not a regular file or directory".into()));
        }
        for file in files {
            let text = read_rule_file(&file).map_err(|error| RulePathError {
                path: file.clone(),
                error,
            })?;
            self.add_file(file.display().to_string(), text);
        }
        Ok(())
    }

    /// The pack of the files: the default pack alone is read from its
    /// prebuilt snapshot, any other set of files compiled.
    pub fn load(self) -> Result<Pack, RuleErrors> {
        if let Some(prebuilt) = self.prebuilt
            && self.default.iter().all(|&d| d)
        {
            // The files are only read again for diagnostics: sharing the
            // texts leaves them where `add_prebuilt` put them.
            if let Some(pack) = super::prebuilt::snapshot::read(prebuilt, self.files.clone()) {
                return Ok(pack);
            }
        }
        self.compile()
    }

    /// Parses, checks and compiles every file; reports all problems at once.
    pub fn compile(self) -> Result<Pack, RuleErrors> {
        let mut errors = Vec::new();
        let mut parsed = Vec::new();
        for (i, src) in self.files.iter().enumerate() {
            match toml::from_str::<RuleFileDef>(&src.text) {
                Ok(file) => parsed.push((i, file)),
                Err(e) => errors.push(toml_error(i, &src.text, &e)),
            }
        }
        // The default pack holds a distinct phrase form per 11 bytes of
        // text, a list of plain phrases one per 20: room for one per 12
        // (which the index rounds up) spares growing and rehashing it.
        let text: usize = self.files.iter().map(|s| s.text.len()).sum();
        let mut c = Compiler {
            prebuilt: self.prebuilt,
            default: self.default,
            errors,
            matcher: MatcherBuilder::with_capacity(text / 12),
            lexicons: HashMap::new(),
            lexicon_list: Vec::new(),
            condition_regexes: HashMap::new(),
            contexts: HashMap::new(),
        };
        // Lexicons first: rules in any file may use lexicons from any file.
        for (i, file) in &parsed {
            for lex in &file.lexicon {
                c.lexicon(*i, lex);
            }
        }
        // Then contexts, whose conditions may use lexicons, for rules in
        // any file.
        for (i, file) in &parsed {
            for ctx in &file.context {
                c.context(*i, ctx);
            }
        }
        let mut rules = Vec::new();
        let mut ids: HashMap<String, (usize, Range<usize>)> = HashMap::new();
        for (i, file) in &parsed {
            for def in &file.rule {
                let id = def.id.get_ref();
                if let Some((first_src, first_span)) = ids.get(id) {
                    c.errors.push(RuleError {
                        file: *i,
                        span: def.id.span(),
                        message: format!("duplicate rule id `{id}`"),
                        label: "a rule with this id is already defined".into(),
                        notes: vec!["rule ids must be unique across all rule files; rename this rule or drop one with --no-default-rules".into()],
                        related: Some((*first_src, first_span.clone(), "first defined here".into())),
                    });
                    continue;
                }
                ids.insert(id.clone(), (*i, def.id.span()));
                if let Some(rule) = c.rule(*i, def) {
                    rules.push(rule);
                }
            }
        }
        if !c.errors.is_empty() {
            return Err(RuleErrors {
                files: self.files,
                errors: c.errors,
            });
        }
        let lexicons = c.lexicon_list;
        Ok(c.matcher.finish(rules, self.files, lexicons))
    }
}

/// The error for a reference to a lexicon or context (`what`) that no file
/// defines, listing the `known` ids.
fn unknown_ref<'a>(
    file: usize,
    name: &Spanned<String>,
    what: &str,
    known: impl Iterator<Item = &'a String>,
) -> RuleError {
    let mut known: Vec<&str> = known.map(String::as_str).collect();
    known.sort_unstable();
    let note = if known.is_empty() {
        format!("no {what}s are defined")
    } else {
        format!("known {what}s: {}", known.join(", "))
    };
    RuleError {
        file,
        span: name.span(),
        message: format!("unknown {what} `{}`", name.get_ref()),
        label: format!("no {what} has this id"),
        notes: vec![note],
        related: None,
    }
}

/// Turns a TOML or schema error into a located rule error.
fn toml_error(file: usize, text: &str, e: &toml::de::Error) -> RuleError {
    let span = e.span().unwrap_or(0..0);
    let span = span.start.min(text.len())..span.end.min(text.len());
    let message = e.message().trim().to_string();
    let (message, notes) = match message.split_once('\n') {
        Some((first, rest)) => (first.to_string(), vec![rest.trim().to_string()]),
        None => (message, Vec::new()),
    };
    RuleError {
        file,
        span,
        label: "here".into(),
        message,
        notes,
        related: None,
    }
}

struct Compiler {
    /// The default pack, whose regexes' facts are prebuilt.
    prebuilt: Option<&'static Prebuilt>,
    /// For each file: true for a file of the default pack, whose regexes
    /// are compiled on first use (the build compiled them all once).
    default: Vec<bool>,
    errors: Vec<RuleError>,
    matcher: MatcherBuilder,
    /// Lexicon ids and their index in `lexicon_list`, which holds the forms
    /// once: rules and conditions refer to them without copying them.
    lexicons: HashMap<String, usize>,
    lexicon_list: Vec<(String, GroupId, Vec<String>)>,
    /// Condition regexes by pattern and case mode: rules that test the same
    /// pattern (an embedded post, a speaker label) share one group, so the
    /// text is searched for it once.
    condition_regexes: HashMap<(String, bool), GroupId>,
    /// Contexts by id, compiled once: a rule that names one takes copies
    /// of its conditions, which share their groups.
    contexts: HashMap<String, Vec<Condition>>,
}

impl Compiler {
    fn error(&mut self, file: usize, span: Range<usize>, message: String, label: &str) {
        self.errors.push(RuleError {
            file,
            span,
            message,
            label: label.into(),
            notes: Vec::new(),
            related: None,
        });
    }

    fn check_id(&mut self, file: usize, id: &Spanned<String>, what: &str) -> bool {
        let ok = is_kebab(id.get_ref());
        if !ok {
            self.error(
                file,
                id.span(),
                format!("{what} id `{}` is not kebab-case", id.get_ref()),
                "use lower-case words joined by hyphens, e.g. `hedge-reportedly`",
            );
        }
        ok
    }

    /// The id of a new lexicon or context (`what`), or `None` after
    /// reporting it badly formed or `taken`.
    fn new_id(
        &mut self,
        file: usize,
        id: &Spanned<String>,
        what: &str,
        taken: bool,
    ) -> Option<String> {
        if !self.check_id(file, id, what) {
            return None;
        }
        if taken {
            self.error(
                file,
                id.span(),
                format!("duplicate {what} id `{}`", id.get_ref()),
                &format!("a {what} with this id is already defined"),
            );
            return None;
        }
        Some(id.get_ref().clone())
    }

    fn lexicon(&mut self, file: usize, lex: &super::schema::LexiconDef) {
        let taken = self.lexicons.contains_key(lex.id.get_ref());
        let Some(id) = self.new_id(file, &lex.id, "lexicon", taken) else {
            return;
        };
        let group = self.matcher.new_group();
        let forms = self.phrases(file, &lex.phrases, group, lex.case_sensitive);
        self.lexicons.insert(id.clone(), self.lexicon_list.len());
        self.lexicon_list.push((id, group, forms));
    }

    fn context(&mut self, file: usize, ctx: &ContextDef) {
        let taken = self.contexts.contains_key(ctx.id.get_ref());
        let Some(id) = self.new_id(file, &ctx.id, "context", taken) else {
            return;
        };
        let mut conditions = Vec::with_capacity(ctx.conditions.len());
        for def in &ctx.conditions {
            if let Some(name) = &def.context {
                self.error(
                    file,
                    name.span(),
                    format!("context `{id}` names another context"),
                    "a context holds conditions, not contexts: list them here",
                );
                continue;
            }
            if let Some(cond) = self.condition(file, "context", &ctx.id, def, false) {
                conditions.push(cond);
            }
        }
        self.contexts.insert(id, conditions);
    }

    /// The conditions a rule lists, a context's expanded in its place.
    fn conditions(&mut self, file: usize, rule: &RuleDef, defs: &[ConditionDef]) -> Vec<Condition> {
        let mut out = Vec::with_capacity(defs.len());
        for def in defs {
            let Some(name) = &def.context else {
                out.extend(self.condition(file, "rule", &rule.id, def, rule.case_sensitive));
                continue;
            };
            let alone = def.phrases.is_none()
                && def.regex.is_none()
                && def.lexicon.is_none()
                && def.attribution.is_none()
                && def.within == 0
                && !def.same_paragraph
                && def.near.is_none()
                && def.side.is_none();
            if !alone {
                self.error(
                    file,
                    name.span(),
                    format!(
                        "a `context` condition of rule `{}` takes no other keys",
                        rule.id.get_ref()
                    ),
                    "the context's own conditions say where to look",
                );
                continue;
            }
            match self.contexts.get(name.get_ref()) {
                Some(conditions) => out.extend(conditions.iter().cloned()),
                None => {
                    let e = unknown_ref(file, name, "context", self.contexts.keys());
                    self.errors.push(e);
                }
            }
        }
        out
    }

    /// Expands and registers phrases into `group`; returns the forms.
    fn phrases(
        &mut self,
        file: usize,
        phrases: &[Spanned<String>],
        group: GroupId,
        case_sensitive: bool,
    ) -> Vec<String> {
        let mut forms = Vec::new();
        // One vector for every phrase's forms; each is moved out in turn.
        let mut expanded = Vec::new();
        for p in phrases {
            if p.get_ref().trim().is_empty() {
                self.error(
                    file,
                    p.span(),
                    "empty phrase".into(),
                    "a phrase needs at least one word",
                );
                continue;
            }
            if let Err(msg) = expand_braces_into(p.get_ref(), &mut expanded) {
                self.error(
                    file,
                    p.span(),
                    format!("bad phrase: {msg}"),
                    "in this phrase",
                );
                continue;
            }
            for form in expanded.drain(..) {
                let matcher = &mut self.matcher;
                let Some(form) = each_form_variant(form, |v, upper| {
                    matcher.add_phrase(group, v, case_sensitive, upper)
                }) else {
                    self.error(
                        file,
                        p.span(),
                        "a brace alternative leaves an empty phrase".into(),
                        "here",
                    );
                    continue;
                };
                forms.push(form);
            }
        }
        forms
    }

    fn regex(
        &mut self,
        file: usize,
        pattern: &Spanned<String>,
        case_sensitive: bool,
    ) -> Option<(LazyRegex, Option<Gate>)> {
        // A gated regex only ever searches short stretches, so it skips the
        // literal prefilter (and its costly extraction at start-up). The
        // default pack's regexes are compiled on first use: the build
        // compiled them all once, and a short run needs few of them; those
        // in the prebuilt table of their facts are not even parsed now.
        let lazy = self.default[file];
        if pattern.get_ref().is_empty() {
            self.error(
                file,
                pattern.span(),
                "empty regular expression".into(),
                "it would match everywhere",
            );
            return None;
        }
        if lazy
            && let Some(f) = self
                .prebuilt
                .and_then(|p| p.regex(pattern.get_ref(), case_sensitive))
        {
            return Some(prebuilt_regex(f));
        }
        let build = |pattern: &str, unicode: bool| -> Result<(LazyRegex, Option<Gate>), String> {
            let (hir, gate) = analyse_in(pattern, case_sensitive, unicode)?;
            if hir.properties().minimum_len() == Some(0) {
                // `a*`, `(x)?`: a finding of nothing, anywhere.
                return Err(
                    "it can match empty text; a rule regex must match at least one character"
                        .into(),
                );
            }
            let regex = LazyRegex::new(hir, regex_config(gate.is_none()));
            let regex = if lazy { regex } else { regex.compile()? };
            Ok((regex, gate))
        };
        // ASCII classes compile several times faster and let the DFA run on
        // any text; a pattern that needs Unicode mode (one that could otherwise
        // match invalid UTF-8) keeps it, with ASCII word boundaries.
        let built = build(pattern.get_ref(), false)
            .or_else(|_| build(&ascii_boundaries(pattern.get_ref()), true));
        match built {
            Ok(r) => Some(r),
            Err(e) => {
                self.errors.push(RuleError {
                    file,
                    span: pattern.span(),
                    message: "invalid regular expression".into(),
                    label: "this pattern does not compile".into(),
                    notes: vec![e],
                    related: None,
                });
                None
            }
        }
    }

    /// The group and the forms of the named lexicon.
    fn lexicon_ref(&mut self, file: usize, name: &Spanned<String>) -> Option<(GroupId, &[String])> {
        match self.lexicons.get(name.get_ref()) {
            Some(&i) => {
                let (_, group, forms) = &self.lexicon_list[i];
                Some((*group, forms))
            }
            None => {
                let e = unknown_ref(file, name, "lexicon", self.lexicons.keys());
                self.errors.push(e);
                None
            }
        }
    }

    /// One condition of `owner`, a rule or a context (`kind`).
    fn condition(
        &mut self,
        file: usize,
        kind: &str,
        owner: &Spanned<String>,
        def: &ConditionDef,
        case_sensitive: bool,
    ) -> Option<Condition> {
        let what = format!("{kind} `{}`", owner.get_ref());
        let here = format!("in this {kind}");
        let given = def.phrases.is_some() as u8
            + def.regex.is_some() as u8
            + def.lexicon.is_some() as u8
            + def.attribution.is_some() as u8;
        if given != 1 {
            self.error(
                file,
                owner.span(),
                format!(
                    "a condition of {what} must name exactly one of `phrases`, `regex`, `lexicon`, `attribution` or `context` (it names {given})"
                ),
                &here,
            );
            return None;
        }
        if def.side.is_some() && def.near.is_none() && def.within == 0 {
            self.error(
                file,
                owner.span(),
                format!("a condition of {what} sets `side` without `near` or `within`"),
                &here,
            );
            return None;
        }
        let target = if let Some(phrases) = &def.phrases {
            let g = self.matcher.new_group();
            self.phrases(file, phrases, g, case_sensitive);
            Target::Group(g)
        } else if let Some(re) = &def.regex {
            let key = (re.get_ref().clone(), case_sensitive);
            if let Some(&g) = self.condition_regexes.get(&key) {
                Target::Group(g)
            } else {
                let (regex, gate) = self.regex(file, re, case_sensitive)?;
                let g = self.matcher.new_group();
                self.matcher.add_regex(g, regex, gate);
                self.condition_regexes.insert(key, g);
                Target::Group(g)
            }
        } else if let Some(lex) = &def.lexicon {
            Target::Group(self.lexicon_ref(file, lex)?.0)
        } else {
            Target::Attribution(def.attribution?)
        };
        Some(Condition {
            target,
            within: def.within,
            same_paragraph: def.same_paragraph,
            near: def.near,
            side: def.side,
        })
    }

    fn rule(&mut self, file: usize, def: &RuleDef) -> Option<Rule> {
        let errors_before = self.errors.len();
        self.check_id(file, &def.id, "rule");
        let id = def.id.get_ref().clone();
        let has_patterns =
            !def.phrases.is_empty() || !def.regex.is_empty() || def.lexicon.is_some();
        if !has_patterns && def.element.is_none() {
            self.error(
                file,
                def.id.span(),
                format!("rule `{id}` matches nothing"),
                "give it `phrases`, `regex`, `lexicon` or `element`",
            );
        }
        if has_patterns && def.element.is_some() {
            self.error(
                file,
                def.id.span(),
                format!("rule `{id}` sets both `element` and patterns"),
                "an element rule matches document structure, not words: split it in two",
            );
        }
        if def.message.trim().is_empty() || def.message.contains('\n') {
            self.error(
                file,
                def.id.span(),
                format!("rule `{id}` needs a one-line `message`"),
                "in this rule",
            );
        }
        for slot in unknown_placeholders(&def.message) {
            self.error(
                file,
                def.id.span(),
                format!(
                    "unknown placeholder `{slot}` in the message of rule `{id}` (only `{{match}}` is filled in)"
                ),
                "in this rule",
            );
        }
        let mut groups = Vec::new();
        let mut phrases = Vec::new();
        if !def.phrases.is_empty() || !def.regex.is_empty() {
            let g = self.matcher.new_group();
            phrases = self.phrases(file, &def.phrases, g, def.case_sensitive);
            for re in &def.regex {
                if let Some((regex, gate)) = self.regex(file, re, def.case_sensitive) {
                    self.matcher.add_regex(g, regex, gate);
                }
            }
            groups.push(g);
        }
        if let Some(lex) = &def.lexicon
            && let Some((g, forms)) = self.lexicon_ref(file, lex)
        {
            groups.push(g);
            phrases.extend_from_slice(forms);
        }
        let exceptions = (!def.exceptions.is_empty()).then(|| {
            let g = self.matcher.new_group();
            self.phrases(file, &def.exceptions, g, false);
            g
        });
        let unless = self.conditions(file, def, &def.unless);
        let requires = self.conditions(file, def, &def.requires);
        let mut examples = Vec::new();
        for (must_flag, list) in [(true, &def.flag), (false, &def.pass)] {
            for ex in list {
                match parse_example(ex.get_ref()) {
                    Ok((text, spans)) => {
                        if must_flag && spans.is_empty() {
                            self.error(
                                file,
                                ex.span(),
                                "a `flag` example must mark the flagged text with [brackets]"
                                    .into(),
                                "no [brackets] here",
                            );
                        } else if !must_flag && !spans.is_empty() {
                            self.error(
                                file,
                                ex.span(),
                                "a `pass` example flags nothing, so it takes no [brackets]".into(),
                                "remove the brackets (write `\\[` for a literal bracket)",
                            );
                        } else {
                            examples.push(Example {
                                text,
                                spans,
                                must_flag,
                                at: ex.span(),
                            });
                        }
                    }
                    Err(msg) => self.error(
                        file,
                        ex.span(),
                        format!("bad example: {msg}"),
                        "in this example",
                    ),
                }
            }
        }
        let default_scope = match def.element {
            Some(Element::Quotation) => Scope::Any,
            _ => Scope::Narration,
        };
        if self.errors.len() > errors_before {
            return None;
        }
        Some(Rule {
            id,
            category: def.category,
            severity: def.severity,
            set: def.set,
            message: def.message.trim().to_string(),
            explanation: def.explanation.trim().to_string(),
            references: def.references.clone(),
            link: def.link.clone(),
            scope: def.scope.unwrap_or(default_scope),
            unit: def.unit.unwrap_or(Unit::Sentence),
            element: def.element,
            skip_names: def.skip_names,
            groups,
            exceptions,
            unless,
            requires,
            suggest: def
                .suggest
                .iter()
                .map(|s| Suggest {
                    when: s.when.as_ref().map(|w| w.to_lowercase()),
                    replacement: s.replacement.clone(),
                    applicability: s.applicability,
                })
                .collect(),
            once_per_document: def.once_per_document,
            max_per_document: def.max_per_document,
            examples,
            phrases,
            file,
        })
    }
}

/// A default-pack regex from its entry in the prebuilt table of their
/// facts, and its gate.
pub fn prebuilt_regex(f: &'static RegexFacts) -> (LazyRegex, Option<Gate>) {
    let gate = f.gate.as_ref().map(GateFacts::gate);
    (LazyRegex::prebuilt(f, regex_config(gate.is_none())), gate)
}

/// How every rule regex is built: as `regex::RegexBuilder` would (same
/// engine options), without the literal prefilter when it is gated.
pub fn regex_config(prefilter: bool) -> meta::Config {
    meta::Config::new()
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
        .hybrid_cache_capacity(REGEX_DFA_CACHE)
        .auto_prefilter(prefilter)
}

/// What loading works out from a default-pack regex (see
/// `Compiler::regex`): its tree, whether it is parsed in Unicode mode, and
/// its gate.
#[cfg(any(feature = "build", test))]
pub fn analyse_regex(
    pattern: &str,
    case_sensitive: bool,
) -> Result<(Hir, bool, Option<Gate>), String> {
    match analyse_in(pattern, case_sensitive, false) {
        Ok((hir, gate)) => Ok((hir, false, gate)),
        Err(_) => analyse_in(&ascii_boundaries(pattern), case_sensitive, true)
            .map(|(hir, gate)| (hir, true, gate)),
    }
}

/// Parses a rule regex in the given mode and works out its gate.
fn analyse_in(
    pattern: &str,
    case_sensitive: bool,
    unicode: bool,
) -> Result<(Hir, Option<Gate>), String> {
    // What `regex_syntax::Parser` does, with the syntax tree parsed once for
    // both case modes (its errors read the same).
    let ast = regex_syntax::ast::parse::Parser::new()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
    let hir = translate(pattern, &ast, unicode, !case_sensitive)?;
    // Unicode case folding reaches beyond ASCII (`K` and the Kelvin sign):
    // only ASCII folding may take its triggers unfolded.
    let gate = match case_sensitive || unicode {
        true => gate(&hir, &hir),
        false => gate(&hir, &translate(pattern, &ast, unicode, false)?),
    };
    Ok((hir, gate))
}

fn translate(
    pattern: &str,
    ast: &regex_syntax::ast::Ast,
    unicode: bool,
    case_insensitive: bool,
) -> Result<Hir, String> {
    regex_syntax::hir::translate::TranslatorBuilder::new()
        .unicode(unicode)
        .case_insensitive(case_insensitive)
        .utf8(true)
        .build()
        .translate(pattern, ast)
        .map_err(|e| e.to_string())
}

/// Parses a rule regex as loading did, in Unicode mode or not.
pub fn parse_regex(pattern: &str, unicode: bool, case_insensitive: bool) -> Result<Hir, String> {
    let rewritten;
    let pattern = match unicode {
        true => {
            rewritten = ascii_boundaries(pattern);
            &rewritten
        }
        false => pattern,
    };
    let ast = regex_syntax::ast::parse::Parser::new()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
    translate(pattern, &ast, unicode, case_insensitive)
}

/// Rewrites `\b` and `\B` to their ASCII forms. A Unicode word boundary makes
/// the regex crate's fast DFA give up at the first non-ASCII byte (every curly
/// quote), leaving the slow PikeVM to scan whole documents; the engine checks
/// the true, Unicode-aware boundaries at the ends of each match instead.
fn ascii_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str(r"(?-u:\b)"),
            Some('B') => out.push_str(r"(?-u:\B)"),
            Some(n) => {
                out.push('\\');
                out.push(n);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// True for `lower-case-words-with-hyphens` (digits allowed after the first letter).
fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Splits `He [allegedly] stole` into the text and the bracketed spans.
/// `\[` and `\]` stand for literal brackets.
pub fn parse_example(marked: &str) -> Result<(String, Vec<Range<usize>>), String> {
    let mut text = String::with_capacity(marked.len());
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let mut chars = marked.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(n @ ('[' | ']' | '\\')) => text.push(n),
                Some(n) => {
                    text.push('\\');
                    text.push(n);
                }
                None => text.push('\\'),
            },
            '[' if open.is_some() => return Err("`[` inside a marked span".into()),
            '[' => open = Some(text.len()),
            ']' => match open.take() {
                Some(s) if s == text.len() => return Err("an empty marked span `[]`".into()),
                Some(s) => spans.push(s..text.len()),
                None => return Err("`]` without a matching `[`".into()),
            },
            c => text.push(c),
        }
    }
    if open.is_some() {
        return Err("`[` without a matching `]`".into());
    }
    Ok((text, spans))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_markup() {
        let (t, s) = parse_example("He [allegedly] stole [it].").unwrap();
        assert_eq!(t, "He allegedly stole it.");
        assert_eq!(s, vec![3..12, 19..21]);
        let (t, s) = parse_example(r"A \[sic\] note").unwrap();
        assert_eq!(t, "A [sic] note");
        assert!(s.is_empty());
        assert!(parse_example("[open").is_err());
        assert!(parse_example("close]").is_err());
        assert!(parse_example("[]").is_err());
    }

    #[test]
    fn word_boundaries_become_ascii() {
        assert_eq!(ascii_boundaries(r"\bmay\b"), r"(?-u:\b)may(?-u:\b)");
        assert_eq!(ascii_boundaries(r"a\\b\Bc\d"), r"a\\b(?-u:\B)c\d");
    }

    #[test]
    fn a_regex_parses_on_first_use_as_at_load() {
        // `[^a]` may match invalid UTF-8 in ASCII mode: Unicode mode it is.
        for (p, case_sensitive) in [(r"\bx[^a]\b", false), (r"\bClaims?\b", false)] {
            let (hir, unicode, _) = analyse_regex(p, case_sensitive).unwrap();
            assert_eq!(unicode, p.contains('^'));
            assert_eq!(parse_regex(p, unicode, !case_sensitive).unwrap(), hir);
        }
    }

    #[test]
    fn kebab_ids() {
        assert!(is_kebab("hedge-reportedly"));
        assert!(is_kebab("rule2"));
        assert!(!is_kebab("Hedge"));
        assert!(!is_kebab("hedge_x"));
        assert!(!is_kebab("-x"));
        assert!(!is_kebab("x-"));
        assert!(!is_kebab("a--b"));
    }
}

#[cfg(test)]
mod placeholder_tests {
    use super::unknown_placeholders;

    #[test]
    fn placeholders_are_found_without_slicing_inside_a_character() {
        // Crashed the `rules` fuzz target: slicing into the closing quote.
        assert!(unknown_placeholders("\u{201c}{match8\u{201d} needs a source").is_empty());
        assert!(unknown_placeholders("{match} and { and {} and {").is_empty());
        assert_eq!(
            unknown_placeholders("{who} said {match}, {n_2}"),
            ["{who}", "{n_2}"]
        );
    }
}
