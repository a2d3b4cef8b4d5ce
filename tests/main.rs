//! Integration tests: one binary (see Cargo.toml), one module per concern.

mod common;

mod bad_input;
mod cli;
mod config;
mod formats;
mod pack;
mod snapshots;
mod suppressions;
