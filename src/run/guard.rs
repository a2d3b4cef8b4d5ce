//! One file's failure stays that file's: a panic while reading or linting it
//! (a bug) becomes an internal error for that file, and the run goes on.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::input::{InputError, InputErrorKind};

/// Runs `lint` for the file shown as `path`; a panic inside it becomes
/// [`InputErrorKind::Internal`] for that file. Nothing `lint` borrows is used
/// after a panic but to be dropped, so unwind safety is asserted.
pub(super) fn guarded<T>(
    path: impl FnOnce() -> String,
    lint: impl FnOnce() -> Result<T, InputError>,
) -> Result<T, InputError> {
    match catch_unwind(AssertUnwindSafe(lint)) {
        Ok(result) => result,
        Err(payload) => Err(InputError {
            path: path(),
            kind: InputErrorKind::Internal(panic_message(payload.as_ref())),
        }),
    }
}

/// The text a panic was raised with, when it has one.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic without a message".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error_naming_the_file() {
        let r: Result<(), _> = guarded(|| "a.txt".into(), || panic!("index out of range"));
        let e = r.unwrap_err();
        assert_eq!(e.path, "a.txt");
        assert!(!e.is_note());
        assert!(
            matches!(&e.kind, InputErrorKind::Internal(m) if m == "index out of range"),
            "{e:?}"
        );
        assert!(e.to_string().starts_with("a.txt: internal error"), "{e}");
        let r: Result<(), _> = guarded(|| "b.txt".into(), || panic!("{} of {}", 3, 4));
        assert!(matches!(r.unwrap_err().kind, InputErrorKind::Internal(m) if m == "3 of 4"));
    }

    #[test]
    fn results_and_errors_pass_through() {
        assert_eq!(
            guarded(|| unreachable!(), || Ok::<_, InputError>(7)).unwrap(),
            7
        );
        let r: Result<(), _> = guarded(
            || unreachable!(),
            || {
                Err(InputError {
                    path: "c.txt".into(),
                    kind: InputErrorKind::Binary,
                })
            },
        );
        assert!(r.unwrap_err().is_note());
    }
}
