//! The prose model (sentences, quotations, attributions) on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::model::Document;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let prose = newslint::extract::extract_txt(&text);
    newslint_fuzz::check_prose(&prose, Some(&text));
    let doc = Document::analyze(&prose);
    newslint_fuzz::check_document(&prose, &doc);
});
