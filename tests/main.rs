//! Integration tests: one binary (see Cargo.toml), one module per concern.

mod common;

mod bad_input;
mod ci;
mod cli;
mod config;
mod formats;
mod lsp;
mod pack;
mod properties;
mod report;
mod robust;
mod serve;
mod snapshots;
mod suppressions;
