//! A rule file, parsed, checked and compiled; when it loads, its examples
//! run; when it does not, its errors render with their places.
#![no_main]

use codespan_reporting::term::termcolor::NoColor;
use libfuzzer_sys::fuzz_target;
use newslint::rules::PackLoader;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut loader = PackLoader::new();
    loader.add_file("fuzz.toml".into(), text.to_owned());
    match loader.load() {
        Ok(pack) => {
            let _ = newslint::verify::verify(&pack, |_| true);
        }
        Err(errors) => {
            let mut out = NoColor::new(Vec::new());
            newslint::render::render_rule_errors(&mut out, &errors).expect("renders to memory");
        }
    }
});
