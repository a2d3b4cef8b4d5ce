//! The `newslint` binary: parses arguments, calls the library, prints, and
//! turns the outcome into an exit code (0 clean, 1 findings, 2 errors).

mod alloc;
mod cli;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{CommandFactory, FromArgMatches};
use codespan_reporting::term::termcolor::{ColorChoice, NoColor, StandardStream, WriteColor};

use cli::{
    BaselineArgs, CheckArgs, Cli, ColorArg, Command, ConfigArgs, ConfigFileArgs, ExplainArgs,
    FailOn, FormatArg, InitArgs, ReportArgs, ReportFormat, RuleArgs, RulesArgs, TestRulesArgs,
};
use newslint::config::{self, CliRules, ConfigError, ConfigMode, FailOnDef};
use newslint::extract::InputFormat;
use newslint::input::InputError;
use newslint::render::{self, Tally};
use newslint::report::FileReport;
use newslint::rules::{Pack, RuleErrors};
use newslint::run::{self, Linted, Options, PackOptions};

/// Why a command ends with exit code 2.
enum Failure {
    /// The rules could not be loaded.
    Pack(run::Error),
    /// `test-rules`: problems in the rule files, in the colour asked for.
    RuleFiles(RuleErrors, ColorArg),
    /// `explain`: no rule has this id.
    NoRule(String),
    /// Standard output could not be written.
    Write(io::Error),
    /// An input could not be linted (shown as it comes; a binary file is a
    /// note and no failure).
    Input(InputError),
    /// Inputs could not be linted; each was shown already.
    Inputs,
    /// `--baseline`: the file could not be used.
    Baseline(newslint::baseline::BaselineError),
    /// `--diff-base`: git could not say what changed.
    DiffBase(newslint::diff_base::DiffBaseError),
    /// Arguments that do not go together.
    Usage(String),
    /// `--fix`: a file could not be fixed (a Word document is a note).
    Fix(newslint::fix::FixError),
    /// `serve`: the desk could not listen.
    Serve(newslint::serve::BindError),
    /// `lsp`: the connection to the editor failed.
    Lsp(newslint::lsp::LspError),
    /// A configuration file could not be used.
    Config(ConfigError),
}

fn main() -> ExitCode {
    alloc::no_huge_pages();
    let matches = match Cli::command().try_get_matches() {
        Ok(m) => m,
        Err(e) => return clap_exit(&e),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    // `--fail-on` on the command line wins over the configuration's.
    let fail_on_given = matches
        .subcommand_matches("check")
        .and_then(|m| m.value_source("fail_on"))
        .is_some_and(|s| s == clap::parser::ValueSource::CommandLine);
    let result = match cli.command {
        Command::Check(args) => run_check(args, fail_on_given),
        Command::Rules(args) => run_rules(args),
        Command::Explain(args) => run_explain(args),
        Command::TestRules(args) => run_test_rules(args),
        Command::Baseline(args) => run_baseline(args),
        Command::Completions(args) => run_completions(args),
        Command::Man(args) => run_man(args),
        Command::Serve(args) => run_serve(args),
        Command::Lsp(args) => run_lsp(args),
        Command::Report(args) => run_report(args),
        Command::Init(args) => run_init(args),
        Command::Config(args) => run_config(args),
    };
    match result {
        Ok(code) => code,
        Err(failure) => {
            show(&failure);
            ExitCode::from(2)
        }
    }
}

/// Prints clap's help, version or usage error; help that cannot be written
/// (`newslint --help > /dev/full`) is a failure, not a success.
fn clap_exit(e: &clap::Error) -> ExitCode {
    let printed = e.print().and_then(|_| io::stdout().flush());
    match printed {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe && !e.use_stderr() => {
            show(&Failure::Write(err));
            ExitCode::from(2)
        }
        _ => ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)),
    }
}

/// The one place failures become messages on stderr.
fn show(failure: &Failure) {
    let error_line = |msg: &dyn std::fmt::Display| eprintln!("newslint: error: {msg}");
    match failure {
        Failure::Pack(run::Error::Rules(errors)) => {
            show_rule_errors(errors, ColorArg::Auto);
            error_line(&failure_message(failure));
        }
        Failure::RuleFiles(errors, color) => show_rule_errors(errors, *color),
        Failure::Config(ConfigError::Invalid(errors)) => {
            show_rule_errors(errors, ColorArg::Auto);
            error_line(&failure_message(failure));
        }
        Failure::Input(e) if e.is_note() => eprintln!("newslint: note: {e}"),
        Failure::Fix(e) if e.is_note() => eprintln!("newslint: note: {e}"),
        Failure::Inputs => {}
        _ => error_line(&failure_message(failure)),
    }
}

/// A failure's one-line message.
fn failure_message(failure: &Failure) -> String {
    match failure {
        Failure::Pack(e) => e.to_string(),
        Failure::RuleFiles(errors, _) => errors.to_string(),
        Failure::NoRule(id) => format!("no rule `{id}` (see `newslint rules`)"),
        Failure::Write(e) => format!("cannot write output: {e}"),
        Failure::Input(e) => e.to_string(),
        Failure::Inputs => "inputs could not be linted".into(),
        Failure::Baseline(e) => e.to_string(),
        Failure::DiffBase(e) => e.to_string(),
        Failure::Usage(msg) => msg.clone(),
        Failure::Fix(e) => e.to_string(),
        Failure::Serve(e) => e.to_string(),
        Failure::Lsp(e) => e.to_string(),
        Failure::Config(e) => e.to_string(),
    }
}

/// Rule-file problems with the lines they point at.
fn show_rule_errors(errors: &RuleErrors, color: ColorArg) {
    let mut err = StandardStream::stderr(color_choice(color, io::stderr().is_terminal()));
    let _ = render::render_rule_errors(&mut err, errors);
}

fn color_choice(arg: ColorArg, terminal: bool) -> ColorChoice {
    match arg {
        ColorArg::Always => ColorChoice::Always,
        ColorArg::Never => ColorChoice::Never,
        ColorArg::Auto if terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) => {
            ColorChoice::Auto
        }
        ColorArg::Auto => ColorChoice::Never,
    }
}

/// The library's view of the rule arguments.
fn pack_options(args: &RuleArgs) -> PackOptions {
    PackOptions {
        rule_paths: args.rules.clone(),
        no_default_rules: args.no_default_rules,
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    }
}

/// Loads the pack the rule arguments ask for, with newslint's own rules
/// about suppressions (so `rules` lists them and `explain` explains them).
fn load_pack(args: &RuleArgs) -> Result<Pack, Failure> {
    let mut pack = run::load_pack(&pack_options(args)).map_err(Failure::Pack)?;
    newslint::suppress::own_rules::add_to(&mut pack);
    Ok(pack)
}

/// Where `--config` and `--isolated` say configuration comes from.
fn config_mode(args: &ConfigFileArgs) -> ConfigMode {
    match (&args.config, args.isolated) {
        (_, true) => ConfigMode::Isolated,
        (Some(p), false) => ConfigMode::Explicit(p.clone()),
        (None, false) => ConfigMode::Discover,
    }
}

fn cli_rules(args: &RuleArgs) -> CliRules {
    CliRules {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    }
}

/// Loads the pack for a configured run: the configurations' rule files
/// added, their names checked, every rule some file may report on.
fn load_configured_pack(
    options: &run::PackOptions,
    policy: &config::ConfigPolicy,
) -> Result<Pack, Failure> {
    let mut pack = run::load_pack(options).map_err(Failure::Pack)?;
    policy.prepare(&mut pack).map_err(Failure::Config)?;
    Ok(pack)
}

fn run_check(mut args: CheckArgs, fail_on_given: bool) -> Result<ExitCode, Failure> {
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let stdin_requested = paths.iter().any(|p| p.as_os_str() == "-");
    paths.retain(|p| p.as_os_str() != "-");
    let stdin_name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "<stdin>".into());
    let plan = config::plan(
        &paths,
        config_mode(&args.config),
        cli_rules(&args.rules),
        stdin_requested.then(|| stdin_name.clone()),
    )
    .map_err(Failure::Config)?;
    let paths = plan.paths;
    let policy = Arc::new(plan.policy);
    if !fail_on_given && let Some(f) = policy.fail_on() {
        args.fail_on = match f {
            FailOnDef::Error => FailOn::Error,
            FailOnDef::Warning => FailOn::Warning,
            FailOnDef::Info => FailOn::Info,
            FailOnDef::Never => FailOn::Never,
        };
    }
    let mut rule_options = pack_options(&args.rules);
    rule_options.rule_paths.extend(policy.rule_paths());
    // Autofix first; what it could not fix is then linted as usual.
    let (mut preloaded, fix_failed) = if args.fix || args.diff {
        match run_fixes(&args, &paths, &rule_options, &policy)? {
            Fixes::Diffed(code) => return Ok(code),
            Fixes::Written { pack, failed } => (Some(*pack), failed),
        }
    } else if args.unsafe_fixes {
        return Err(Failure::Usage(
            "--unsafe-fixes needs --fix or --diff".into(),
        ));
    } else {
        (None, false)
    };
    let filters = Filters::new(&args)?;
    let options = Options {
        input_format: args.input_format.map(|f| match f {
            cli::InputFormatArg::Txt => InputFormat::Txt,
            cli::InputFormatArg::Md => InputFormat::Markdown,
            cli::InputFormatArg::Html => InputFormat::Html,
            cli::InputFormatArg::Docx => InputFormat::Docx,
        }),
        threads: args.threads,
        // GitLab's fingerprints take words around each finding.
        keep_text: matches!(args.format, FormatArg::Human | FormatArg::Gitlab)
            || filters.need_text(),
        // Formats written a file at a time without colour are rendered on
        // the thread that linted the file rather than on the one that writes.
        render: match args.format {
            // Filtered reports are rendered after filtering, on this thread.
            _ if filters.active() => None,
            FormatArg::Jsonl => Some(render::render_jsonl),
            FormatArg::Concise => Some(render::render_concise),
            FormatArg::Github => Some(render::render_github),
            FormatArg::Human | FormatArg::Json | FormatArg::Sarif => None,
            FormatArg::Gitlab | FormatArg::Junit => None,
        },
        policy: Some(policy.clone()),
        max_file_size: args.max_file_size,
    };
    let mut stdin = io::stdin();
    let stdin = stdin_requested.then_some(run::Stdin {
        name: stdin_name,
        reader: &mut stdin,
    });
    let mut output = Output::new(&args, filters);
    output.had_error |= fix_failed;
    let pack = run::check(
        || match preloaded.take() {
            Some(pack) => Ok(pack),
            None => load_configured_pack(&rule_options, &policy),
        },
        &paths,
        stdin,
        &options,
        |pack, result| match result {
            Ok(linted) => output.report(pack, linted),
            Err(e) => output.input_error(e),
        },
    )?;
    let code = output.finish(&pack);
    // The process ends next: freeing the pack's thousands of small
    // allocations one by one would only cost time (4% of a short run).
    std::mem::forget(pack);
    code
}

/// Where the reports of one `check` go, and what has been counted.
struct Output<'a> {
    args: &'a CheckArgs,
    out: Out,
    tally: Tally,
    /// Reports held for formats that are one document (JSON, SARIF).
    held: Vec<FileReport>,
    /// Drop findings before they are counted (`--baseline`, `--diff-base`).
    filters: Filters,
    had_error: bool,
    write_error: Option<io::Error>,
    /// `--report-suppressions`: the listing, written at the end.
    suppressions: String,
}

/// Standard output, coloured for human output.
enum Out {
    Color(StandardStream),
    Plain(io::BufWriter<io::Stdout>),
}

impl<'a> Output<'a> {
    fn new(args: &'a CheckArgs, filters: Filters) -> Self {
        let out = if args.format == FormatArg::Human {
            Out::Color(StandardStream::stdout(color_choice(
                args.color,
                io::stdout().is_terminal(),
            )))
        } else {
            Out::Plain(io::BufWriter::new(io::stdout()))
        };
        Output {
            args,
            out,
            tally: Tally::default(),
            held: Vec::new(),
            filters,
            had_error: false,
            write_error: None,
            suppressions: String::new(),
        }
    }

    fn input_error(&mut self, e: InputError) {
        self.had_error |= !e.is_note();
        show(&Failure::Input(e));
    }

    /// Counts a report and writes it now, or holds it for a one-document format.
    fn report(&mut self, pack: &Pack, linted: Linted) {
        let Linted {
            report: mut rep,
            rendered,
        } = linted;
        self.filters.apply(pack, &mut rep);
        self.tally.add(pack, &rep);
        if rep.omitted > 0 {
            eprintln!(
                "newslint: note: {}: {} more findings not shown (at most {} per file)",
                rep.path,
                rep.omitted,
                newslint::report::MAX_FINDINGS_PER_FILE
            );
        }
        if self.args.report_suppressions {
            self.suppressions
                .push_str(&newslint::render::suppressions_listing(pack, &rep));
        }
        if matches!(
            self.args.format,
            FormatArg::Json | FormatArg::Sarif | FormatArg::Gitlab | FormatArg::Junit
        ) {
            self.held.push(rep);
        } else if rep.findings.is_empty() || self.write_error.is_some() {
            // nothing to write, or nowhere to write it
        } else {
            let r = match (&mut self.out, rendered) {
                (Out::Plain(o), Some(bytes)) => o.write_all(&bytes),
                (Out::Color(o), _) => render::render_human(o, pack, std::slice::from_ref(&rep)),
                (Out::Plain(o), None) => match plain_renderer(self.args.format) {
                    Some(render) => render(o, pack, std::slice::from_ref(&rep)),
                    None => unreachable!("one-document formats are held"),
                },
            };
            if let Err(e) = r {
                self.write_error = Some(e);
            }
        }
    }

    /// Writes what was held and the summary; decides the exit code.
    fn finish(mut self, pack: &Pack) -> Result<ExitCode, Failure> {
        if self.args.report_suppressions {
            let listing = if self.suppressions.is_empty() {
                "no inline suppressions\n".to_string()
            } else {
                std::mem::take(&mut self.suppressions)
            };
            // Machine formats keep standard output to themselves.
            let r = match (&mut self.out, self.args.format) {
                (Out::Color(o), _) => o.write_all(listing.as_bytes()),
                (Out::Plain(o), FormatArg::Concise) => o.write_all(listing.as_bytes()),
                _ => io::stderr().write_all(listing.as_bytes()),
            };
            if let Err(e) = r {
                self.write_error.get_or_insert(e);
            }
        }
        if self.write_error.is_none() {
            let r = match (&mut self.out, self.args.format) {
                (Out::Plain(o), FormatArg::Json) => render::render_json(o, pack, &self.held),
                (Out::Plain(o), FormatArg::Sarif) => render::render_sarif(o, pack, &self.held),
                (Out::Plain(o), FormatArg::Gitlab) => render::render_gitlab(o, pack, &self.held),
                (Out::Plain(o), FormatArg::Junit) => render::render_junit(o, pack, &self.held),
                (Out::Color(o), _) => {
                    render::render_summary(o, &self.tally).and_then(|_| o.flush())
                }
                _ => Ok(()),
            };
            let flushed = match &mut self.out {
                Out::Plain(o) => r.and_then(|_| o.flush()),
                Out::Color(_) => r,
            };
            if let Err(e) = flushed {
                self.write_error = Some(e);
            }
        }
        if let Some(e) = self.write_error
            && e.kind() != io::ErrorKind::BrokenPipe
        {
            return Err(Failure::Write(e));
        }
        if self.had_error {
            return Err(Failure::Inputs);
        }
        let t = &self.tally;
        let failing = match self.args.fail_on {
            FailOn::Never => false,
            FailOn::Info => t.total() > 0,
            FailOn::Warning => t.warning + t.error > 0,
            FailOn::Error => t.error > 0,
        };
        Ok(if failing {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }
}

fn run_rules(args: RulesArgs) -> Result<ExitCode, Failure> {
    let pack = load_pack(&args.rules)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = if args.phrases {
        pack.phrases().iter().try_for_each(|p| writeln!(out, "{p}"))
    } else {
        let listed: Vec<usize> = pack.listed().collect();
        let width = listed
            .iter()
            .map(|&i| pack.rules[i].id.len())
            .max()
            .unwrap_or(0);
        listed.iter().try_for_each(|&i| {
            let r = &pack.rules[i];
            writeln!(
                out,
                "{:width$}  {:15}  {:7}  {:8}  {}",
                r.id,
                r.category.as_str(),
                r.severity.as_str(),
                if pack.enabled[i] { "on" } else { "opt-in" },
                r.message.replace("{match}", "…")
            )
        })
    };
    finish_output(result.and_then(|_| out.flush()))
}

fn finish_output(r: io::Result<()>) -> Result<ExitCode, Failure> {
    match r {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Failure::Write(e)),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn run_explain(args: ExplainArgs) -> Result<ExitCode, Failure> {
    let pack = load_pack(&args.rules)?;
    let Some(i) = pack.rule_index(&args.id) else {
        return Err(Failure::NoRule(args.id));
    };
    let r = &pack.rules[i];
    let mut s = String::new();
    use std::fmt::Write as _;
    let _ = writeln!(s, "{} ({}, {})", r.id, r.category, r.severity);
    let _ = writeln!(s, "\n  {}\n", r.message.replace("{match}", "…"));
    for para in r.explanation.split("\n\n") {
        let _ = writeln!(
            s,
            "{}\n",
            para.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }
    if !r.references.is_empty() {
        let _ = writeln!(s, "References:");
        for x in &r.references {
            let _ = writeln!(s, "  - {x}");
        }
    }
    if let Some(link) = &r.link {
        let _ = writeln!(s, "More: {link}");
    }
    let flag: Vec<_> = r.examples.iter().filter(|e| e.must_flag).collect();
    let pass: Vec<_> = r.examples.iter().filter(|e| !e.must_flag).collect();
    if !flag.is_empty() {
        let _ = writeln!(s, "\nFlags (flagged text in [brackets]):");
        for e in flag {
            let mut marked = e.text.clone();
            for span in e.spans.iter().rev() {
                marked.insert(span.end, ']');
                marked.insert(span.start, '[');
            }
            let _ = writeln!(s, "  - {marked}");
        }
    }
    if !pass.is_empty() {
        let _ = writeln!(s, "\nLeaves alone:");
        for e in pass {
            let _ = writeln!(s, "  - {}", e.text);
        }
    }
    finish_output(io::stdout().lock().write_all(s.as_bytes()))
}

fn run_test_rules(args: TestRulesArgs) -> Result<ExitCode, Failure> {
    let options = PackOptions {
        rule_paths: args.paths.clone(),
        no_default_rules: args.no_default_rules,
        ..PackOptions::default()
    };
    let pack = run::load_pack(&options).map_err(|e| match e {
        run::Error::Rules(errors) => Failure::RuleFiles(errors, args.color),
        e => Failure::Pack(e),
    })?;
    let (checked, failures) = newslint::verify::verify(&pack, |_| true);
    let mut out: Box<dyn WriteColor> = match color_choice(args.color, io::stdout().is_terminal()) {
        ColorChoice::Never => Box::new(NoColor::new(io::stdout())),
        c => Box::new(StandardStream::stdout(c)),
    };
    let rules = pack.rules.len();
    let written = render::render_example_failures(&mut *out, &pack, &failures)
        .and_then(|_| {
            writeln!(
                out,
                "{checked} examples of {rules} rules checked: {} passed, {} failed",
                checked - failures.len(),
                failures.len()
            )
        })
        .and_then(|_| out.flush());
    finish_output(written)?;
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The renderer of a format written a file at a time without colour.
fn plain_renderer(format: FormatArg) -> Option<run::RenderFn> {
    match format {
        FormatArg::Jsonl => Some(render::render_jsonl),
        FormatArg::Concise => Some(render::render_concise),
        FormatArg::Github => Some(render::render_github),
        _ => None,
    }
}

/// What drops findings between linting and output: a baseline's accepted
/// findings, and those on lines unchanged since `--diff-base`.
struct Filters {
    baseline: Option<newslint::baseline::Baseline>,
    changed: Option<newslint::diff_base::ChangedLines>,
}

impl Filters {
    fn new(args: &CheckArgs) -> Result<Self, Failure> {
        let baseline = match &args.baseline {
            Some(p) => Some(newslint::baseline::Baseline::load(p).map_err(Failure::Baseline)?),
            None => None,
        };
        let changed = match &args.diff_base {
            Some(rev) => {
                let paths: Vec<PathBuf> = args
                    .paths
                    .iter()
                    .filter(|p| p.as_os_str() != "-")
                    .cloned()
                    .collect();
                Some(
                    newslint::diff_base::ChangedLines::from_git(rev, &paths)
                        .map_err(Failure::DiffBase)?,
                )
            }
            None => None,
        };
        Ok(Filters { baseline, changed })
    }

    /// True when some findings may be dropped.
    fn active(&self) -> bool {
        self.baseline.is_some() || self.changed.is_some()
    }

    /// True when a filter needs each report's text (a baseline's context words).
    fn need_text(&self) -> bool {
        self.baseline.is_some()
    }

    fn apply(&mut self, pack: &Pack, report: &mut FileReport) {
        if let Some(c) = &self.changed {
            c.filter(report);
        }
        if let Some(b) = &mut self.baseline {
            b.filter(pack, report);
        }
    }
}

/// `newslint baseline`: every finding of the paths, as a baseline on stdout.
fn run_baseline(args: BaselineArgs) -> Result<ExitCode, Failure> {
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    // The baseline accepts what `check` reports: the same configuration.
    let plan = config::plan(
        &paths,
        config_mode(&args.config),
        cli_rules(&args.rules),
        None,
    )
    .map_err(Failure::Config)?;
    let paths = plan.paths;
    let policy = Arc::new(plan.policy);
    let options = Options {
        input_format: input_format(args.input_format),
        threads: args.threads,
        keep_text: true,
        render: None,
        policy: Some(policy.clone()),
        max_file_size: None,
    };
    let mut reports = Vec::new();
    let mut had_error = false;
    let mut rule_options = pack_options(&args.rules);
    rule_options.rule_paths.extend(policy.rule_paths());
    let pack = run::check(
        || load_configured_pack(&rule_options, &policy),
        &paths,
        None,
        &options,
        |_, result| match result {
            Ok(linted) => reports.push(linted.report),
            Err(e) => {
                had_error |= !e.is_note();
                show(&Failure::Input(e));
            }
        },
    )?;
    if had_error {
        return Err(Failure::Inputs);
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    finish_output(
        newslint::baseline::write_baseline(&mut out, &pack, &reports).and_then(|_| out.flush()),
    )
}

/// How `--fix` or `--diff` ended.
enum Fixes {
    /// `--diff`: the diffs are printed; nothing more to do.
    Diffed(ExitCode),
    /// `--fix`: files are fixed; lint them with this pack. `failed` when a
    /// file could not be fixed.
    Written { pack: Box<Pack>, failed: bool },
}

/// `check --fix` / `--diff`: fixes every file under the paths, or prints
/// the diff of what it would fix.
fn run_fixes(
    args: &CheckArgs,
    paths: &[PathBuf],
    rule_options: &run::PackOptions,
    policy: &Arc<config::ConfigPolicy>,
) -> Result<Fixes, Failure> {
    use newslint::fix::{self, FixLevel};
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        return Err(Failure::Usage(
            "--fix and --diff work on files; standard input cannot be fixed".into(),
        ));
    }
    if args.baseline.is_some() {
        return Err(Failure::Usage(
            "--fix and --diff do not take --baseline (fix first, then write the baseline again)"
                .into(),
        ));
    }
    // With --diff-base, only the changed lines are fixed.
    let changed = match &args.diff_base {
        Some(rev) => Some(
            newslint::diff_base::ChangedLines::from_git(rev, &args.paths)
                .map_err(Failure::DiffBase)?,
        ),
        None => None,
    };
    let pack = load_configured_pack(rule_options, policy)?;
    let level = if args.unsafe_fixes {
        FixLevel::Unsafe
    } else {
        FixLevel::Safe
    };
    let format = input_format(args.input_format);
    let (mut files, walk_errors) = newslint::input::walk(paths);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut failed = false;
    if args.diff {
        // With --fix the lint that follows reports these.
        for e in walk_errors {
            failed |= !e.is_note();
            show(&Failure::Input(e));
        }
    }
    let (mut applied, mut changed_files) = (0, 0);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for file in &files {
        let covers = |line: usize, end_line: usize| {
            changed
                .as_ref()
                .is_none_or(|c| c.covers(&file.path, line, end_line))
        };
        // Every finding of the pack. Where findings can be suppressed, lint
        // through that policy here: a suppressed finding must stay unfixed.
        let lint = fix::policy_lint(&pack, policy.as_ref());
        let fixer = fix::Fixer {
            lint: &lint,
            level,
            lines: Some(&covers),
        };
        let result = fixer.plan_file(&file.path, format).and_then(|plan| {
            let Some(plan) = plan else { return Ok(()) };
            if !plan.fixed.converged {
                eprintln!(
                    "newslint: note: {}: fixes still applied after {} passes; stopped",
                    plan.shown,
                    fix::MAX_PASSES
                );
            }
            applied += plan.fixed.applied;
            changed_files += 1;
            if args.diff {
                // A write error shows up when the output is flushed.
                let _ = out.write_all(plan.diff().as_bytes());
                Ok(())
            } else {
                plan.write()
            }
        });
        if let Err(e) = result {
            failed |= !e.is_note();
            show(&Failure::Fix(e));
        }
    }
    if let Err(e) = out.flush()
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        return Err(Failure::Write(e));
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if args.diff {
        eprintln!(
            "newslint: would fix {} in {}",
            plural(applied, "finding", "findings"),
            plural(changed_files, "file", "files")
        );
        return Ok(Fixes::Diffed(if failed {
            ExitCode::from(2)
        } else if changed_files > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }));
    }
    eprintln!(
        "newslint: fixed {} in {}",
        plural(applied, "finding", "findings"),
        plural(changed_files, "file", "files")
    );
    Ok(Fixes::Written {
        pack: Box::new(pack),
        failed,
    })
}

/// `newslint completions SHELL`: the shell's completion script on stdout.
fn run_completions(args: cli::CompletionsArgs) -> Result<ExitCode, Failure> {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "newslint", &mut out);
    finish_output(io::stdout().lock().write_all(&out))
}

/// `newslint man [COMMAND]`: a man page, in roff, on stdout; the main page
/// refers to one page per command (`newslint-check(1)`).
fn run_man(args: cli::ManArgs) -> Result<ExitCode, Failure> {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    cmd.build();
    let page = match &args.command {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name) {
            // Built, a command displays as `newslint-check`, the page's title.
            Some(sub) => sub.clone().version(env!("CARGO_PKG_VERSION")),
            None => {
                return Err(Failure::Usage(format!(
                    "no command `{name}` (see `newslint --help`)"
                )));
            }
        },
    };
    let mut out = Vec::new();
    let written = clap_mangen::Man::new(page).render(&mut out);
    finish_output(written.and_then(|_| io::stdout().lock().write_all(&out)))
}

/// The library's format for `--input-format`.
fn input_format(arg: Option<cli::InputFormatArg>) -> Option<InputFormat> {
    arg.map(|f| match f {
        cli::InputFormatArg::Txt => InputFormat::Txt,
        cli::InputFormatArg::Md => InputFormat::Markdown,
        cli::InputFormatArg::Html => InputFormat::Html,
        cli::InputFormatArg::Docx => InputFormat::Docx,
    })
}

fn run_serve(args: cli::ServeArgs) -> Result<ExitCode, Failure> {
    let pack = load_pack(&args.rules)?;
    let desk = newslint::serve::Desk::bind(&args.host, args.port, pack).map_err(Failure::Serve)?;
    println!("newslint desk: {}", desk.url());
    if !desk.local_addr().ip().is_loopback() {
        eprintln!(
            "newslint: note: listening on {}: other computers can reach the desk",
            desk.local_addr()
        );
    }
    let _ = io::stdout().flush();
    desk.run();
    Ok(ExitCode::SUCCESS)
}

fn run_lsp(args: cli::LspArgs) -> Result<ExitCode, Failure> {
    let _ = args.stdio;
    let pack = load_pack(&args.rules)?;
    newslint::lsp::run_stdio(pack).map_err(Failure::Lsp)?;
    Ok(ExitCode::SUCCESS)
}

/// `newslint report`: the sourcing of every article, then a summary. Exits
/// 0 whatever it finds (it describes; `check` judges), 2 when an input
/// cannot be read.
fn run_report(args: ReportArgs) -> Result<ExitCode, Failure> {
    let pack = load_pack(&args.rules)?;
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let stdin_requested = paths.iter().any(|p| p.as_os_str() == "-");
    paths.retain(|p| p.as_os_str() != "-");
    let format = input_format(args.input_format);
    let (mut articles, mut errors) = newslint::sourcing::articles(&pack, &paths, format);
    if stdin_requested {
        // Standard input comes after the files, as one more article.
        let mut bytes = Vec::new();
        let read = io::Read::read_to_end(&mut io::stdin(), &mut bytes)
            .map_err(|e| InputError {
                path: "<stdin>".into(),
                kind: newslint::input::InputErrorKind::Stdin(e),
            })
            .and_then(|_| {
                newslint::input::from_bytes(
                    "<stdin>".into(),
                    bytes,
                    format.unwrap_or(InputFormat::Txt),
                )
            });
        match read {
            Ok(doc) => articles.push(newslint::sourcing::article(&pack, &doc)),
            Err(e) => errors.push(e),
        }
    }
    let mut had_error = false;
    for e in errors {
        had_error |= !e.is_note();
        show(&Failure::Input(e));
    }
    let summary = newslint::sourcing::Summary::of(&articles);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let r = match args.format {
        ReportFormat::Human => render::render_report_human(&mut out, &articles, &summary),
        ReportFormat::Json => render::render_report_json(&mut out, &articles, &summary),
        ReportFormat::Html => render::render_report_html(&mut out, &articles, &summary),
    };
    finish_output(r.and_then(|_| out.flush()))?;
    if had_error {
        return Err(Failure::Inputs);
    }
    Ok(ExitCode::SUCCESS)
}

fn run_init(args: InitArgs) -> Result<ExitCode, Failure> {
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    for name in config::FILE_NAMES {
        let existing = dir.join(name);
        if existing.exists() {
            return Err(Failure::Config(ConfigError::Exists(existing)));
        }
    }
    let path = dir.join(config::FILE_NAMES[0]);
    // `create_new`: a file that appeared since the check is not overwritten.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .and_then(|mut f| f.write_all(config::starter::STARTER.as_bytes()));
    match written {
        Ok(()) => {
            eprintln!("newslint: wrote {}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            Err(Failure::Config(ConfigError::Exists(path)))
        }
        Err(error) => Err(Failure::Config(ConfigError::Write { path, error })),
    }
}

fn run_config(args: ConfigArgs) -> Result<ExitCode, Failure> {
    let path = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
    let plan = config::plan(
        std::slice::from_ref(&path),
        config_mode(&args.config),
        cli_rules(&args.rules),
        None,
    )
    .map_err(Failure::Config)?;
    let mut options = pack_options(&args.rules);
    options.rule_paths.extend(plan.policy.rule_paths());
    let pack = load_configured_pack(&options, &plan.policy)?;
    // Profiles follow the file's front matter.
    let front_matter = if path.is_file() {
        let file = newslint::input::InputFile {
            path: path.clone(),
            len: None,
        };
        newslint::input::read_input(&file, None)
            .map(|doc| doc.prose.front_matter)
            .map_err(Failure::Input)?
    } else {
        Default::default()
    };
    let text = plan.policy.describe(&pack, &path, &front_matter);
    finish_output(io::stdout().lock().write_all(text.as_bytes()))
}
