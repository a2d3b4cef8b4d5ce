//! The `newslint` binary: parses arguments, calls the library, prints, and
//! turns the outcome into an exit code (0 clean, 1 findings, 2 errors).

mod alloc;
mod cli;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use codespan_reporting::term::termcolor::{ColorChoice, NoColor, StandardStream, WriteColor};

use cli::{
    CheckArgs, Cli, ColorArg, Command, ExplainArgs, FailOn, FormatArg, RuleArgs, RulesArgs,
    TestRulesArgs,
};
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
}

fn main() -> ExitCode {
    alloc::no_huge_pages();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let result = match cli.command {
        Command::Check(args) => run_check(args),
        Command::Rules(args) => run_rules(args),
        Command::Explain(args) => run_explain(args),
        Command::TestRules(args) => run_test_rules(args),
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
        Failure::Input(e) if e.is_note() => eprintln!("newslint: note: {e}"),
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

/// Loads the pack the rule arguments ask for.
fn load_pack(args: &RuleArgs) -> Result<Pack, Failure> {
    run::load_pack(&pack_options(args)).map_err(Failure::Pack)
}

fn run_check(args: CheckArgs) -> Result<ExitCode, Failure> {
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let stdin_requested = paths.iter().any(|p| p.as_os_str() == "-");
    paths.retain(|p| p.as_os_str() != "-");
    let options = Options {
        input_format: args.input_format.map(|f| match f {
            cli::InputFormatArg::Txt => InputFormat::Txt,
            cli::InputFormatArg::Md => InputFormat::Markdown,
            cli::InputFormatArg::Html => InputFormat::Html,
            cli::InputFormatArg::Docx => InputFormat::Docx,
        }),
        threads: args.threads,
        keep_text: args.format == FormatArg::Human,
        // Formats written a file at a time without colour are rendered on
        // the thread that linted the file rather than on the one that writes.
        render: match args.format {
            FormatArg::Jsonl => Some(render::render_jsonl),
            FormatArg::Concise => Some(render::render_concise),
            FormatArg::Github => Some(render::render_github),
            FormatArg::Human | FormatArg::Json | FormatArg::Sarif => None,
        },
        max_file_size: args.max_file_size,
    };
    let mut stdin = io::stdin();
    let stdin = stdin_requested.then(|| run::Stdin {
        name: args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "<stdin>".into()),
        reader: &mut stdin,
    });
    let mut output = Output::new(&args);
    let rule_options = pack_options(&args.rules);
    let pack = run::check(
        || run::load_pack(&rule_options),
        &paths,
        stdin,
        &options,
        |pack, result| match result {
            Ok(linted) => output.report(pack, linted),
            Err(e) => output.input_error(e),
        },
    )
    .map_err(Failure::Pack)?;
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
    had_error: bool,
    write_error: Option<io::Error>,
}

/// Standard output, coloured for human output.
enum Out {
    Color(StandardStream),
    Plain(io::BufWriter<io::Stdout>),
}

impl<'a> Output<'a> {
    fn new(args: &'a CheckArgs) -> Self {
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
            had_error: false,
            write_error: None,
        }
    }

    fn input_error(&mut self, e: InputError) {
        self.had_error |= !e.is_note();
        show(&Failure::Input(e));
    }

    /// Counts a report and writes it now, or holds it for a one-document format.
    fn report(&mut self, pack: &Pack, linted: Linted) {
        let Linted {
            report: rep,
            rendered,
        } = linted;
        self.tally.add(pack, &rep);
        if rep.omitted > 0 {
            eprintln!(
                "newslint: note: {}: {} more findings not shown (at most {} per file)",
                rep.path,
                rep.omitted,
                newslint::report::MAX_FINDINGS_PER_FILE
            );
        }
        if matches!(self.args.format, FormatArg::Json | FormatArg::Sarif) {
            self.held.push(rep);
        } else if rep.findings.is_empty() || self.write_error.is_some() {
            // nothing to write, or nowhere to write it
        } else {
            let r = match (&mut self.out, rendered) {
                (Out::Plain(o), Some(bytes)) => o.write_all(&bytes),
                (Out::Color(o), _) => render::render_human(o, pack, std::slice::from_ref(&rep)),
                (Out::Plain(_), None) => {
                    unreachable!("`run_check` asks for every plain format to be rendered")
                }
            };
            if let Err(e) = r {
                self.write_error = Some(e);
            }
        }
    }

    /// Writes what was held and the summary; decides the exit code.
    fn finish(mut self, pack: &Pack) -> Result<ExitCode, Failure> {
        if self.write_error.is_none() {
            let r = match (&mut self.out, self.args.format) {
                (Out::Plain(o), FormatArg::Json) => render::render_json(o, pack, &self.held),
                (Out::Plain(o), FormatArg::Sarif) => render::render_sarif(o, pack, &self.held),
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
