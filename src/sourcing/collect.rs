//! Reading the sourcing of many files: walked, read and analysed on every
//! core, returned in path order.

use std::path::PathBuf;

use rayon::prelude::*;

use super::ArticleSourcing;
use crate::engine;
use crate::extract::InputFormat;
use crate::input::{self, InputDoc, InputError};
use crate::model::Document;
use crate::rules::Pack;

/// The sourcing of one read document, with the pack's findings.
pub fn article(pack: &Pack, doc: &InputDoc) -> ArticleSourcing {
    let analysed = Document::analyze(&doc.prose);
    let findings = engine::check_document(pack, &analysed, None);
    ArticleSourcing::new(&doc.path, &analysed, doc.text(), pack, &findings)
}

/// The sourcing of every file under `paths` in path order, and the inputs
/// that could not be read (in the same order, after those that do not exist).
pub fn articles(
    pack: &Pack,
    paths: &[PathBuf],
    format: Option<InputFormat>,
) -> (Vec<ArticleSourcing>, Vec<InputError>) {
    let (mut files, mut errors) = input::walk(paths);
    files.sort_by_cached_key(|f| input::display_path(&f.path));
    let results: Vec<Result<ArticleSourcing, InputError>> = files
        .par_iter()
        .map(|f| input::read_input(f, format).map(|doc| article(pack, &doc)))
        .collect();
    let mut out = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(a) => out.push(a),
            Err(e) => errors.push(e),
        }
    }
    (out, errors)
}
