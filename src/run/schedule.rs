//! The threads of a run and the order of its reports: the pool started while
//! the paths are walked, the pack loaded while the first files are read,
//! and files linted chunk by chunk in their final order.

use std::borrow::Borrow;
use std::path::Path;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::guard::guarded;
use super::{Linted, Options, Stdin};
use crate::engine;
use crate::extract::InputFormat;
use crate::input::{self, InputError, InputFile};
use crate::model::Document;
use crate::report::FileReport;
use crate::rules::Pack;

/// See [`super::check`].
pub(super) fn check<P, E>(
    load: impl FnOnce() -> Result<P, E> + Send,
    paths: &[PathBuf],
    stdin: Option<Stdin<'_>>,
    options: &Options,
    mut each: impl FnMut(&Pack, Result<Linted, InputError>),
) -> Result<P, E>
where
    P: Borrow<Pack> + Send + Sync,
    E: Send,
{
    // Several paths will most likely need the pool: its threads start now,
    // while the paths are walked, rather than after (a thread's first run
    // on an idle core can wait a millisecond or two to be scheduled).
    if options.threads != Some(1) && (paths.len() > 1 || paths.iter().any(|p| p.is_dir())) {
        // A second global pool cannot be built; the first call wins, which is this one.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(options.threads.unwrap_or(0))
            // As deep as the main thread's (8 MiB) rather than 2 MiB: a second
            // line of defence against recursion in a parser on hostile input
            // (issue 19). Only touched pages cost memory.
            .stack_size(WORKER_STACK)
            .build_global();
    }
    let (mut files, walk_errors) = input::walk(paths);
    // Sorted up front so reports can be written chunk by chunk, already in
    // their final order, instead of all being held until the end. The raw
    // bytes order names that display alike; comparing `Path`s component by
    // component instead cost 3% of a run over 15,000 files.
    files.sort_by_cached_key(|f| {
        (
            input::display_path(&f.path),
            f.path.as_os_str().as_encoded_bytes().to_vec(),
        )
    });
    let linter = Linter { options };

    // One file, or one thread asked for, is linted on this thread: a pool
    // would cost more (about 1 ms to start, a hand-over per chunk) than it
    // could save.
    let serial = files.len() == 1 || options.threads == Some(1);
    let slot: OnceLock<Option<P>> = OnceLock::new();
    let mut load_error = None;
    let load_into = |slot: &OnceLock<Option<P>>| {
        let loaded = load().map_err(|e| load_error = Some(e)).ok();
        let _ = slot.set(loaded);
    };
    // Reports of the files linted while the pack loaded, in path order, then
    // those of the rest of the first chunk.
    let mut first: Vec<Result<Linted, InputError>> = Vec::new();
    let mut done = 0;
    if serial || stdin.is_some() {
        load_into(&slot);
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
            load_into(&slot);
            drop(unset);
            let claimed = claims.fetch_or(CLOSED, Ordering::AcqRel) & !CLOSED;
            if let Some(pack) = slot.get().and_then(Option::as_ref) {
                first = chunk[claimed..]
                    .par_iter()
                    .map(|p| linter.lint(pack.borrow(), p))
                    .collect();
            }
        });
        // Pushed as the recursion unwound: last file first.
        early.reverse();
        early.append(&mut first);
        first = early;
        done = chunk.len();
    }
    let Some(loaded) = slot.into_inner().flatten() else {
        return Err(load_error.expect("a pack that did not load left its error"));
    };
    let pack: &Pack = loaded.borrow();
    for e in walk_errors {
        each(pack, Err(e));
    }
    // Standard input is read first and merged into the path order.
    let mut stdin_report = None;
    if let Some(Stdin { name, reader }) = stdin {
        let format = options
            .input_format
            .or_else(|| InputFormat::from_path(Path::new(&name)))
            .unwrap_or(InputFormat::Txt);
        let shown = name.clone();
        match guarded(
            || shown,
            || {
                let doc = input::read_stream(name, reader, format, options.size_limit())?;
                let rep =
                    crate::check_doc_with(pack, doc, options.keep_text, options.policy.as_deref());
                Ok(linter.finish(pack, rep))
            },
        ) {
            Ok(linted) => stdin_report = Some(linted),
            Err(e) => each(pack, Err(e)),
        }
    }
    let mut report_all = |results: Vec<Result<Linted, InputError>>| {
        for r in results {
            if let Ok(rep) = &r
                && stdin_report
                    .as_ref()
                    .is_some_and(|s: &Linted| s.report.path <= rep.report.path)
            {
                each(pack, Ok(stdin_report.take().expect("checked")));
            }
            each(pack, r);
        }
    };
    report_all(first);
    for chunk in files[done..].chunks(CHUNK_FILES) {
        let lint = |f: &InputFile| linter.lint(pack, f);
        let results = if serial {
            chunk.iter().map(lint).collect()
        } else {
            chunk.par_iter().map(lint).collect()
        };
        report_all(results);
    }
    if let Some(rep) = stdin_report {
        each(pack, Ok(rep));
    }
    Ok(loaded)
}

/// How each file is linted; shared by every thread.
struct Linter<'a> {
    options: &'a Options,
}

impl Linter<'_> {
    /// Reads and lints one file; a panic is that file's internal error.
    fn lint(&self, pack: &Pack, file: &InputFile) -> Result<Linted, InputError> {
        guarded(
            || input::display_path(&file.path),
            || {
                let (format, limit) = (self.options.input_format, self.options.size_limit());
                input::read_input_limited(file, format, limit).map(|doc| {
                    let policy = self.options.policy.as_deref();
                    self.finish(
                        pack,
                        crate::check_doc_with(pack, doc, self.options.keep_text, policy),
                    )
                })
            },
        )
    }

    /// Orders a report's findings and renders them where the options ask.
    fn finish(&self, pack: &Pack, mut report: FileReport) -> Linted {
        report.findings.sort_by(|a, b| {
            (a.finding.range.start, &pack.rules[a.finding.rule].id)
                .cmp(&(b.finding.range.start, &pack.rules[b.finding.rule].id))
        });
        let Some(render) = self.options.render else {
            return Linted {
                report,
                rendered: None,
            };
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
fn lint_early<P: Borrow<Pack>>(
    linter: &Linter<'_>,
    chunk: &[InputFile],
    claims: &AtomicUsize,
    slot: &OnceLock<Option<P>>,
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
    // Each step is guarded: a panic is this file's internal error.
    let shown = || input::display_path(&chunk[i].path);
    let (format, limit) = (linter.options.input_format, linter.options.size_limit());
    match guarded(shown, || {
        input::read_input_limited(&chunk[i], format, limit)
    }) {
        Ok(doc) => {
            // Plain-text directive lines are blanked for the model.
            let masked = crate::suppress::masked_prose(&doc);
            let analysis = guarded(shown, || {
                Ok(Document::analyze(masked.as_ref().unwrap_or(&doc.prose)))
            });
            lint_early(linter, chunk, claims, slot, out);
            if let Some(pack) = slot.wait() {
                let pack = pack.borrow();
                let findings = analysis.and_then(|analysis| {
                    guarded(shown, || Ok(engine::check_document(pack, &analysis, None)))
                });
                let linted = findings.and_then(|findings| {
                    guarded(shown, || {
                        let report = crate::place(
                            pack,
                            doc,
                            findings,
                            linter.options.keep_text,
                            linter.options.policy.as_deref(),
                        );
                        Ok(linter.finish(pack, report))
                    })
                });
                out.push(linted);
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
struct NoPackOnDrop<'a, P>(&'a OnceLock<Option<P>>);

impl<P> Drop for NoPackOnDrop<'_, P> {
    fn drop(&mut self) {
        let _ = self.0.set(None);
    }
}

/// Files linted together before their reports are written: enough to keep
/// every core busy, few enough that memory stays flat on any archive.
const CHUNK_FILES: usize = 512;

/// Stack size of the worker threads.
const WORKER_STACK: usize = 8 << 20;
