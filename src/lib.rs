//! newslint: a bias and sourcing-quality linter for news copy.
//!
//! The library reads documents, extracts their prose, models sentences,
//! quotations and attributions, and matches a compiled rule pack against them.
//! It never prints or exits: the binary decides what to show and how to end.

pub mod extract;
pub mod model;
pub mod prose;
