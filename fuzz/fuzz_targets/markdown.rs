//! Markdown extraction on arbitrary text: prose inside the text, mapped into the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let prose = newslint::extract::extract_markdown(&text);
    newslint_fuzz::check_prose(&prose, Some(&text));
    let doc = newslint::model::Document::analyze(&prose);
    newslint_fuzz::check_document(&prose, &doc);
});
