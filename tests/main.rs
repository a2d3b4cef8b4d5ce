//! Integration tests: one binary (see Cargo.toml), one module per concern.

mod common;

mod bad_input;
mod cli;
mod formats;
mod pack;
mod properties;
mod robust;
mod snapshots;
