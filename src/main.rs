//! The `newslint` binary: parses arguments, calls the library, prints, and
//! turns the outcome into an exit code (0 clean, 1 findings, 2 errors).

mod cli;

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::Parser;
use codespan_reporting::term::termcolor::{ColorChoice, NoColor, StandardStream, WriteColor};
use rayon::prelude::*;

use cli::{
    CheckArgs, Cli, ColorArg, Command, ExplainArgs, FailOn, FormatArg, RuleArgs, RulesArgs,
    TestRulesArgs,
};
use newslint::engine;
use newslint::extract::InputFormat;
use newslint::model::Document;
use newslint::render::{self, Tally};
use newslint::report::FileReport;
use newslint::rules::{Pack, PackLoader};
use newslint::source::{self, InputError, InputFile};

// Linting allocates many small, short-lived objects (tokens, hits, findings)
// and the pack build many small strings; mimalloc serves both faster than
// the system allocator.
#[global_allocator]
static GLOBAL: Mimalloc = Mimalloc;

/// mimalloc, called through its plain entry points wherever the alignment
/// asked for is one every mimalloc block has (8 bytes: block sizes are
/// multiples of 8 from 16-byte aligned page starts). The `mimalloc` crate
/// calls the aligned ones for every allocation, which work out the size
/// class's natural alignment each time (1.6% of a run over short articles).
struct Mimalloc;

/// Alignment every block mimalloc hands out has.
const MI_MIN_ALIGN: usize = 8;

// SAFETY: each method forwards to mimalloc with the same size and an
// alignment it honours: the plain calls only when `MI_MIN_ALIGN` covers it.
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: as for the impl.
        unsafe {
            if layout.align() <= MI_MIN_ALIGN {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: as for the impl.
        unsafe {
            if layout.align() <= MI_MIN_ALIGN {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from this allocator, so from mimalloc.
        unsafe { libmimalloc_sys::mi_free(ptr.cast()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        use libmimalloc_sys as mi;
        // SAFETY: `ptr` came from this allocator; the alignment is kept.
        unsafe {
            if layout.align() <= MI_MIN_ALIGN {
                mi::mi_realloc(ptr.cast(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast(), new_size, layout.align()).cast()
            }
        }
    }
}

/// Keeps the kernel from backing mimalloc's large, aligned arenas with 2 MB
/// transparent huge pages where THP is `always`: each arena touched would
/// count 2 MB of resident memory (peak RSS on 0.7 MB of news: 37 MB with
/// huge pages, 14 MB without). Applies to page faults from here on.
fn no_huge_pages() {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    // SAFETY: prctl(PR_SET_THP_DISABLE) only sets a flag of this process.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// Why the run ends with exit code 2.
enum Failure {
    /// Already reported on stderr.
    Reported,
}

fn main() -> ExitCode {
    no_huge_pages();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => run_check(args),
        Command::Rules(args) => run_rules(args),
        Command::Explain(args) => run_explain(args),
        Command::TestRules(args) => run_test_rules(args),
    };
    match result {
        Ok(code) => code,
        Err(Failure::Reported) => ExitCode::from(2),
    }
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

fn error_line(msg: &str) {
    eprintln!("newslint: error: {msg}");
}

/// Loads the pack the rule arguments ask for; reports problems on stderr.
fn load_pack(args: &RuleArgs) -> Result<Pack, Failure> {
    let mut loader = PackLoader::new();
    if !args.no_default_rules {
        loader.add_embedded();
    }
    for p in &args.rules {
        if let Err(e) = loader.add_path(p) {
            error_line(&e.to_string());
            return Err(Failure::Reported);
        }
    }
    let mut pack = match loader.load() {
        Ok(p) => p,
        Err(errors) => {
            let mut err =
                StandardStream::stderr(color_choice(ColorArg::Auto, io::stderr().is_terminal()));
            let _ = render::render_rule_errors(&mut err, &errors);
            let n = errors.errors.len();
            error_line(&format!(
                "{n} problem{} in rule files",
                if n == 1 { "" } else { "s" }
            ));
            return Err(Failure::Reported);
        }
    };
    let unknown = pack.select(&args.select, &args.ignore);
    if !unknown.is_empty() {
        error_line(&format!(
            "unknown rule or category: {} (see `newslint rules`)",
            unknown.join(", ")
        ));
        return Err(Failure::Reported);
    }
    Ok(pack)
}

fn run_check(args: CheckArgs) -> Result<ExitCode, Failure> {
    let forced = args.input_format.map(|f| match f {
        cli::InputFormatArg::Txt => InputFormat::Txt,
        cli::InputFormatArg::Md => InputFormat::Markdown,
        cli::InputFormatArg::Html => InputFormat::Html,
        cli::InputFormatArg::Docx => InputFormat::Docx,
    });
    let mut paths = args.paths.clone();
    if paths.is_empty() {
        paths.push(PathBuf::from("."));
    }
    let stdin_requested = paths.iter().any(|p| p.as_os_str() == "-");
    paths.retain(|p| p.as_os_str() != "-");
    // Several paths will most likely need the pool: its threads start now,
    // while the paths are walked, rather than after (a thread's first run
    // on an idle core can wait a millisecond or two to be scheduled).
    if args.threads != Some(1) && (paths.len() > 1 || paths.iter().any(|p| p.is_dir())) {
        // A second global pool cannot be built; the first call wins, which is this one.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(args.threads.unwrap_or(0))
            .build_global();
    }
    let (mut files, walk_errors) = source::walk(&paths);
    // Sorted up front so reports can be written chunk by chunk, already in
    // their final order, instead of all being held until the end. The raw
    // bytes order names that display alike; comparing `Path`s component by
    // component instead cost 3% of a run over 15,000 files.
    files.sort_by_cached_key(|f| {
        (
            source::display_path(&f.path),
            f.path.as_os_str().as_encoded_bytes().to_vec(),
        )
    });
    let linter = Linter {
        forced,
        keep_text: args.format == FormatArg::Human,
        format: args.format,
    };

    // One file, or one thread asked for, is linted on this thread: a pool
    // would cost more (about 1 ms to start, a hand-over per chunk) than it
    // could save.
    let serial = files.len() == 1 || args.threads == Some(1);
    let slot: OnceLock<Option<Pack>> = OnceLock::new();
    // Reports of the files linted while the pack loaded, in path order, then
    // those of the rest of the first chunk.
    let mut first: Vec<Result<Linted, InputError>> = Vec::new();
    let mut done = 0;
    if serial || stdin_requested {
        let _ = slot.set(load_pack(&args.rules).ok());
    } else {
        // Loading the pack takes a few milliseconds on one core, as long as
        // linting a hundred short articles on the others: meanwhile a pool
        // thread reads and analyses the first files, which needs no pack.
        let chunk = &files[..files.len().min(CHUNK_FILES)];
        let claims = AtomicUsize::new(0);
        let mut early = Vec::new();
        rayon::scope(|s| {
            s.spawn(|_| lint_early(&linter, chunk, &claims, &slot, &mut early));
            let unset = NoPackOnDrop(&slot);
            let _ = slot.set(load_pack(&args.rules).ok());
            drop(unset);
            let claimed = claims.fetch_or(CLOSED, Ordering::AcqRel) & !CLOSED;
            if let Some(pack) = slot.get().and_then(Option::as_ref) {
                first = chunk[claimed..]
                    .par_iter()
                    .map(|p| linter.lint(pack, p))
                    .collect();
            }
        });
        // Pushed as the recursion unwound: last file first.
        early.reverse();
        early.append(&mut first);
        first = early;
        done = chunk.len();
    }
    let Some(pack) = slot.get().and_then(Option::as_ref) else {
        return Err(Failure::Reported);
    };
    let mut run = Run::new(&args, pack);
    for e in &walk_errors {
        run.input_error(e);
    }
    // Standard input is read first and merged into the path order.
    let mut stdin_report = None;
    if stdin_requested {
        let name = args
            .stdin_filename
            .clone()
            .unwrap_or_else(|| "<stdin>".into());
        let format = forced
            .or_else(|| InputFormat::from_path(std::path::Path::new(&name)))
            .unwrap_or(InputFormat::Txt);
        let mut bytes = Vec::new();
        match io::stdin().read_to_end(&mut bytes) {
            Ok(_) => match source::from_bytes(name, bytes, format) {
                Ok(doc) => {
                    let rep = newslint::check_doc(pack, doc, linter.keep_text);
                    stdin_report = Some(linter.finish(pack, rep));
                }
                Err(e) => run.input_error(&e),
            },
            Err(e) => {
                run.had_error = true;
                error_line(&format!("{name}: cannot read standard input: {e}"));
            }
        }
    }
    let mut report_all = |results: Vec<Result<Linted, InputError>>, run: &mut Run| {
        for r in results {
            match r {
                Ok(rep) => {
                    if stdin_report
                        .as_ref()
                        .is_some_and(|s| s.report.path <= rep.report.path)
                    {
                        run.report(stdin_report.take().expect("checked"));
                    }
                    run.report(rep);
                }
                Err(e) => run.input_error(&e),
            }
        }
    };
    report_all(first, &mut run);
    for chunk in files[done..].chunks(CHUNK_FILES) {
        let lint = |f: &InputFile| linter.lint(pack, f);
        let results = if serial {
            chunk.iter().map(lint).collect()
        } else {
            chunk.par_iter().map(lint).collect()
        };
        report_all(results, &mut run);
    }
    if let Some(rep) = stdin_report {
        run.report(rep);
    }
    let code = run.finish();
    // The process ends next: freeing the pack's thousands of small
    // allocations one by one would only cost time (4% of a short run).
    if let Some(pack) = slot.into_inner().flatten() {
        std::mem::forget(pack);
    }
    code
}

/// How each file is linted; shared by every thread.
struct Linter {
    forced: Option<InputFormat>,
    keep_text: bool,
    format: FormatArg,
}

/// A file's report, its findings in order and, for the formats written a
/// file at a time without colour, already rendered: on the thread that
/// linted it rather than on the one that writes.
struct Linted {
    report: FileReport,
    rendered: Option<Vec<u8>>,
}

impl Linter {
    /// Reads and lints one file.
    fn lint(&self, pack: &Pack, file: &InputFile) -> Result<Linted, InputError> {
        source::read_input(file, self.forced)
            .map(|doc| self.finish(pack, newslint::check_doc(pack, doc, self.keep_text)))
    }

    /// Orders a report's findings and renders them where the format allows.
    fn finish(&self, pack: &Pack, mut report: FileReport) -> Linted {
        report.findings.sort_by(|a, b| {
            (a.finding.range.start, &pack.rules[a.finding.rule].id)
                .cmp(&(b.finding.range.start, &pack.rules[b.finding.rule].id))
        });
        let render = match self.format {
            FormatArg::Jsonl => render::render_jsonl,
            FormatArg::Concise => render::render_concise,
            FormatArg::Github => render::render_github,
            FormatArg::Human | FormatArg::Json | FormatArg::Sarif => {
                return Linted {
                    report,
                    rendered: None,
                };
            }
        };
        let mut bytes = Vec::new();
        if !report.findings.is_empty() {
            render(&mut bytes, pack, std::slice::from_ref(&report))
                .expect("writing to a Vec cannot fail");
        }
        Linted {
            report,
            rendered: Some(bytes),
        }
    }
}

/// Set in the claim counter when the pack is ready: no file is claimed after.
const CLOSED: usize = 1 << (usize::BITS - 1);

/// Most files read and analysed while the pack loads: each is held, with its
/// analysis, in a frame of the recursion below.
const EARLY_FILES: usize = 64;

/// Claims the next file of `chunk` while the pack is loading, reads and
/// analyses it, recurses for the next one, and lints it once the pack is
/// ready. The recursion is what keeps each document alive beside the
/// analysis that borrows it until then. Reports are pushed last file first.
fn lint_early(
    linter: &Linter,
    chunk: &[InputFile],
    claims: &AtomicUsize,
    slot: &OnceLock<Option<Pack>>,
    out: &mut Vec<Result<Linted, InputError>>,
) {
    let limit = chunk.len().min(EARLY_FILES);
    let claimed = claims.fetch_update(Ordering::AcqRel, Ordering::Acquire, |i| {
        (i & CLOSED == 0 && i < limit).then_some(i + 1)
    });
    let Ok(i) = claimed else {
        slot.wait();
        return;
    };
    match source::read_input(&chunk[i], linter.forced) {
        Ok(doc) => {
            let analysis = Document::analyze(&doc.prose);
            lint_early(linter, chunk, claims, slot, out);
            if let Some(pack) = slot.wait() {
                let findings = engine::check_document(pack, &analysis, None);
                drop(analysis);
                let report = FileReport::new(doc, findings, linter.keep_text);
                out.push(Ok(linter.finish(pack, report)));
            }
        }
        Err(e) => {
            lint_early(linter, chunk, claims, slot, out);
            out.push(Err(e));
        }
    }
}

/// Marks the pack as failed if loading it ends without setting it (a panic),
/// so that the thread waiting for it is not left waiting.
struct NoPackOnDrop<'a>(&'a OnceLock<Option<Pack>>);

impl Drop for NoPackOnDrop<'_> {
    fn drop(&mut self) {
        let _ = self.0.set(None);
    }
}

/// Files linted together before their reports are written: enough to keep
/// every core busy, few enough that memory stays flat on any archive.
const CHUNK_FILES: usize = 512;

/// The state of one `check` run: where output goes, what has been counted.
struct Run<'a> {
    args: &'a CheckArgs,
    pack: &'a Pack,
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

impl<'a> Run<'a> {
    fn new(args: &'a CheckArgs, pack: &'a Pack) -> Self {
        let out = if args.format == FormatArg::Human {
            Out::Color(StandardStream::stdout(color_choice(
                args.color,
                io::stdout().is_terminal(),
            )))
        } else {
            Out::Plain(io::BufWriter::new(io::stdout()))
        };
        Run {
            args,
            pack,
            out,
            tally: Tally::default(),
            held: Vec::new(),
            had_error: false,
            write_error: None,
        }
    }

    fn input_error(&mut self, e: &InputError) {
        if e.is_note() {
            eprintln!("newslint: note: {e}");
        } else {
            self.had_error = true;
            error_line(&e.to_string());
        }
    }

    /// Counts a report and writes it now, or holds it for a one-document format.
    fn report(&mut self, linted: Linted) {
        let pack = self.pack;
        let Linted {
            report: rep,
            rendered,
        } = linted;
        self.tally.add(pack, &rep);
        if matches!(self.args.format, FormatArg::Json | FormatArg::Sarif) {
            self.held.push(rep);
        } else if rep.findings.is_empty() || self.write_error.is_some() {
            // nothing to write, or nowhere to write it
        } else {
            let r = match (&mut self.out, rendered) {
                (Out::Plain(o), Some(bytes)) => o.write_all(&bytes),
                (Out::Color(o), _) => render::render_human(o, pack, std::slice::from_ref(&rep)),
                (Out::Plain(_), None) => {
                    unreachable!("`Linter::finish` renders every plain format")
                }
            };
            if let Err(e) = r {
                self.write_error = Some(e);
            }
        }
    }

    /// Writes what was held and the summary; decides the exit code.
    fn finish(mut self) -> Result<ExitCode, Failure> {
        if self.write_error.is_none() {
            let pack = self.pack;
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
        if let Some(e) = &self.write_error
            && e.kind() != io::ErrorKind::BrokenPipe
        {
            error_line(&format!("cannot write output: {e}"));
            return Err(Failure::Reported);
        }
        if self.had_error {
            return Err(Failure::Reported);
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
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            error_line(&format!("cannot write output: {e}"));
            Err(Failure::Reported)
        }
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn run_explain(args: ExplainArgs) -> Result<ExitCode, Failure> {
    let pack = load_pack(&args.rules)?;
    let Some(i) = pack.rule_index(&args.id) else {
        error_line(&format!("no rule `{}` (see `newslint rules`)", args.id));
        return Err(Failure::Reported);
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
    let mut loader = PackLoader::new();
    if !args.no_default_rules {
        loader.add_embedded();
    }
    for p in &args.paths {
        if let Err(e) = loader.add_path(p) {
            error_line(&e.to_string());
            return Err(Failure::Reported);
        }
    }
    let pack = match loader.load() {
        Ok(p) => p,
        Err(errors) => {
            let mut err =
                StandardStream::stderr(color_choice(args.color, io::stderr().is_terminal()));
            let _ = render::render_rule_errors(&mut err, &errors);
            return Err(Failure::Reported);
        }
    };
    let (checked, failures) = newslint::verify::verify(&pack, |_| true);
    let mut out: Box<dyn WriteColor> = match color_choice(args.color, io::stdout().is_terminal()) {
        ColorChoice::Never => Box::new(NoColor::new(io::stdout())),
        c => Box::new(StandardStream::stdout(c)),
    };
    let _ = render::render_example_failures(&mut *out, &pack, &failures);
    let rules = pack.rules.len();
    let _ = writeln!(
        out,
        "{checked} examples of {rules} rules checked: {} passed, {} failed",
        checked - failures.len(),
        failures.len()
    );
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
