//! The whole pipeline: bytes read as a format (chosen by the first byte),
//! linted with the default pack, located and rendered in every format.
#![no_main]

use codespan_reporting::term::termcolor::NoColor;
use libfuzzer_sys::fuzz_target;
use newslint::extract::InputFormat;

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let format = match which % 4 {
        0 => InputFormat::Txt,
        1 => InputFormat::Markdown,
        2 => InputFormat::Html,
        _ => InputFormat::Docx,
    };
    let Ok(doc) = newslint::input::from_bytes("fuzz".into(), bytes.to_vec(), format) else {
        return;
    };
    let report = newslint::check_doc(newslint_fuzz::default_pack(), doc, true);
    if let Some(text) = &report.text {
        for f in &report.findings {
            newslint_fuzz::assert_span(text, &f.finding.range, "finding");
            for c in &f.finding.context {
                newslint_fuzz::assert_span(text, &c.range, "finding context");
            }
            assert!(f.line >= 1 && f.column >= 1 && f.end_line >= f.line);
        }
    }
    let reports = std::slice::from_ref(&report);
    let mut out = NoColor::new(Vec::new());
    newslint::render::render_human(&mut out, newslint_fuzz::default_pack(), reports).expect("renders");
    let mut out = Vec::new();
    newslint::render::render_json(&mut out, newslint_fuzz::default_pack(), reports).expect("renders");
    newslint::render::render_sarif(&mut out, newslint_fuzz::default_pack(), reports).expect("renders");
    newslint::render::render_jsonl(&mut out, newslint_fuzz::default_pack(), reports).expect("renders");
});
