//! newslint: a bias and sourcing-quality linter for news copy.
//!
//! The library reads documents, extracts their prose, models sentences,
//! quotations and attributions, and matches a compiled rule pack against them.
//! It never prints or exits: the binary decides what to show and how to end.
//! [`run`] lints files and folders, in a stable order, with every core.

pub mod config;
pub mod engine;
pub mod extract;
pub mod input;
pub mod lines;
pub mod lsp;
pub mod model;
pub mod prose;
pub mod render;
pub mod report;
pub mod rules;
pub mod run;
pub mod serve;
pub mod sourcing;
pub mod suppress;
pub mod verify;

// Issue 16 (CI workflow).
pub mod baseline;
pub mod diff_base;
pub mod finding_key;
pub mod fix;

pub use newslint_rules::finding;
// The shared speed code, under the names the domain modules use.
use newslint_rules::fast::{ascii, fxhash};

use input::InputDoc;
use report::FileReport;
use rules::Pack;

/// Lints one read document and places its findings, honouring the inline
/// suppressions in its text: an editor's quick fix that adds one must
/// silence the finding there as it does in `check`.
pub fn check_doc(pack: &Pack, doc: InputDoc, keep_text: bool) -> FileReport {
    check_doc_with(pack, doc, keep_text, Some(&suppress::InlineOnly))
}

/// Lints one read document and places its findings as `policy` judges
/// them (`None`: every finding as found).
pub fn check_doc_with(
    pack: &Pack,
    doc: InputDoc,
    keep_text: bool,
    policy: Option<&dyn suppress::Policy>,
) -> FileReport {
    // Plain-text directive lines are blanked for the model.
    let masked = suppress::masked_prose(&doc);
    let findings = engine::check_prose(pack, masked.as_ref().unwrap_or(&doc.prose));
    place(pack, doc, findings, keep_text, policy)
}

/// Places `findings` of `doc`, judged by `policy` when there is one
/// (configuration, inline suppressions).
pub fn place(
    pack: &Pack,
    doc: InputDoc,
    findings: Vec<finding::Finding>,
    keep_text: bool,
    policy: Option<&dyn suppress::Policy>,
) -> FileReport {
    match policy {
        None => FileReport::new(doc, findings, keep_text),
        Some(p) => {
            let (judged, suppressions) = p.judge(pack, &doc, findings);
            FileReport::judged(doc, judged, suppressions, keep_text)
        }
    }
}
