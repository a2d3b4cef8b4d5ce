//! Word extraction on arbitrary bytes (zip, XML and all): an error or prose,
//! never a panic, a hang or unbounded memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(prose) = newslint::extract::extract_docx(data) {
        newslint_fuzz::check_prose(&prose, None);
    }
});
