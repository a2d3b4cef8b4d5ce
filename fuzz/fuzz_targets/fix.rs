//! Autofix on arbitrary copy: with every suggestion allowed (`--unsafe-fixes`)
//! the result is valid UTF-8, fixing stops within its pass limit, and the
//! fixed text is still readable by the same format's reader.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::extract::InputFormat;
use newslint::fix::{self, FixLevel, Fixer};

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let format = match which % 3 {
        0 => InputFormat::Txt,
        1 => InputFormat::Markdown,
        _ => InputFormat::Html,
    };
    let lint = fix::pack_lint(newslint_fuzz::default_pack());
    let fixer = Fixer {
        lint: &lint,
        level: FixLevel::Unsafe,
        lines: None,
    };
    let fixed = fixer.fix_text("fuzz", format, text);
    assert!(fixed.applied <= fix::MAX_PASSES * text.len().max(1));
    if fixed.applied == 0 {
        assert_eq!(fixed.text, text, "no edit, no change");
    }
    // The fixed copy is read again as the same format without a panic.
    let _ = newslint::input::from_bytes("fuzz".into(), fixed.text.into_bytes(), format);
});
