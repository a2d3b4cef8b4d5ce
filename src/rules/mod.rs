//! Rule files: their TOML schema, loading with located errors, and the
//! compiled pack the engine runs.

#[cfg(target_endian = "little")]
mod dfa;
mod embedded;
#[cfg(target_endian = "little")]
mod embedded_dfas;
mod embedded_regexes;
mod error;
mod gate;
mod load;
mod matcher;
mod pack;
pub mod phrase;
pub mod schema;
mod snapshot;
mod stored;

pub use embedded::FILES as EMBEDDED_FILES;
pub use error::{RuleError, RuleErrors, RuleSource};
pub use load::{PackLoader, RulePathError, parse_example};
pub(crate) use matcher::Lowered;
pub use pack::{Condition, Example, GroupId, Pack, Rule, Suggest, Target};
