//! newslint's rule files: their TOML schema, loading with located errors,
//! the compiled pack the engine runs, and the default pack prebuilt by the
//! build script.
//!
//! `fast` holds the hand-written speed code (SWAR byte scans, hashing) that
//! the matcher here and the prose model in `newslint` share.

#[cfg(target_endian = "little")]
mod dfa;
mod error;
pub mod fast;
pub mod finding;
mod gate;
mod load;
mod matcher;
mod pack;
pub mod phrase;
pub mod prebuilt;
pub mod schema;
mod stored;

pub use error::{RuleError, RuleErrors, RuleFile};
pub use load::{PackLoader, RulePathError, parse_example};
pub use matcher::Lowered;
pub use pack::{Condition, Example, GroupId, Pack, Rule, Suggest, Target};
pub use prebuilt::Prebuilt;
