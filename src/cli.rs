//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// newslint: flags unsourced claims, hedges, vague sources and loaded language in news copy.
#[derive(Debug, Parser)]
#[command(name = "newslint", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint files, directories or standard input (`-`).
    Check(CheckArgs),
    /// List the rules (id, category, severity, on or opt-in, message).
    Rules(RulesArgs),
    /// Print a rule's explanation, references and examples.
    Explain(ExplainArgs),
    /// Run the examples of the default pack and of the given rule files.
    TestRules(TestRulesArgs),
}

/// Which rules are active.
#[derive(Debug, Args, Clone)]
pub struct RuleArgs {
    /// A rule file, or a directory of `.toml` rule files (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
    /// Do not load the default pack built into newslint.
    #[arg(long)]
    pub no_default_rules: bool,
    /// Run only these rules, categories or sets (repeatable). `thorough`
    /// adds the opt-in rules; `default` is the rules on by default.
    #[arg(long, value_name = "ID|CATEGORY|SET")]
    pub select: Vec<String>,
    /// Do not run these rules or categories (repeatable).
    #[arg(long, value_name = "ID|CATEGORY|SET")]
    pub ignore: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Rich diagnostics with the source line underlined.
    Human,
    /// One line per finding: path:line:col: severity[rule] message.
    Concise,
    /// One JSON document with findings and a summary.
    Json,
    /// One JSON finding per line.
    Jsonl,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions annotations.
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    Txt,
    Md,
    Html,
    Docx,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to lint (`-` for standard input). Default: the current directory.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,
    /// When to colour human output (NO_COLOR is honoured under `auto`).
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// Exit 1 when a finding at or above this severity exists.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// Name to show for standard input (its extension also sets the format).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Read inputs as this format, whatever their extension.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormatArg>,
    /// Worker threads (default: all cores). Output is the same for any number.
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Largest input to read, in bytes (default 33554432, 32 MiB); a larger
    /// file is an error (exit 2).
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Print every literal phrase of the active rules, one per line.
    #[arg(long)]
    pub phrases: bool,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id.
    pub id: String,
    #[command(flatten)]
    pub rules: RuleArgs,
}

#[derive(Debug, Args)]
pub struct TestRulesArgs {
    /// Rule files or directories whose examples to run besides the default pack's.
    pub paths: Vec<PathBuf>,
    /// Do not load (or test) the default pack.
    #[arg(long)]
    pub no_default_rules: bool,
    /// When to colour output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
}
