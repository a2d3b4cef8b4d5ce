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
    /// Print a baseline accepting today's findings (`newslint baseline > FILE`).
    Baseline(BaselineArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(CompletionsArgs),
    /// Print a man page (roff): `newslint man > newslint.1`,
    /// `newslint man check > newslint-check.1`.
    Man(ManArgs),
    /// Start the local web desk: a page to paste or drop a draft into, and
    /// its JSON API (`POST /api/check`).
    Serve(ServeArgs),
    /// Run the language server for editors, over standard input and output.
    Lsp(LspArgs),
    /// Report each article's sourcing: quotations, attributions, named and
    /// anonymous sources, unattributed claims, hedges and findings.
    Report(ReportArgs),
    /// Write a commented starter newslint.toml (never overwrites one).
    Init(InitArgs),
    /// Print the effective configuration for a file or folder.
    Config(ConfigArgs),
}

/// Where configuration comes from.
#[derive(Debug, Args, Clone)]
pub struct ConfigFileArgs {
    /// Use this configuration file for every input instead of the nearest
    /// newslint.toml.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore every configuration file.
    #[arg(long)]
    pub isolated: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder to write newslint.toml in. Default: the current directory.
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// The file or folder whose configuration to show. Default: the current directory.
    pub path: Option<PathBuf>,
    #[command(flatten)]
    pub config: ConfigFileArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
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
    /// GitLab Code Quality report (JSON).
    Gitlab,
    /// JUnit XML: a test case per file, a failure per finding.
    Junit,
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
    /// Report only findings this baseline (from `newslint baseline`) does not accept.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Report only findings on lines changed since this git revision.
    #[arg(long, value_name = "REF")]
    pub diff_base: Option<String>,
    /// Apply the rules' `safe` suggestions to the files, then report what remains.
    #[arg(long)]
    pub fix: bool,
    /// With `--fix` or `--diff`: apply `unsafe` suggestions too (review the result).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print the fixes as a unified diff and write nothing (exit 1 if there are any).
    #[arg(long)]
    pub diff: bool,
    #[command(flatten)]
    pub config: ConfigFileArgs,
    /// List every inline suppression, its reason and what it silenced
    /// (on standard error for machine formats).
    #[arg(long)]
    pub report_suppressions: bool,
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

#[derive(Debug, Args)]
pub struct BaselineArgs {
    /// Files or directories whose findings to accept. Default: the current directory.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RuleArgs,
    #[command(flatten)]
    pub config: ConfigFileArgs,
    /// Read inputs as this format, whatever their extension.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormatArg>,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// A command whose page to print (`check`, `baseline`...); the main page without.
    pub command: Option<String>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on. Only this computer can reach the default; give
    /// `0.0.0.0` to open the desk to the network.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to listen on (0: any free port; the address is printed).
    #[arg(long, default_value_t = 4747)]
    pub port: u16,
    #[command(flatten)]
    pub rules: RuleArgs,
}

#[derive(Debug, Args)]
pub struct LspArgs {
    /// Accepted for editors that pass it; standard input and output are the
    /// only transport.
    #[arg(long)]
    pub stdio: bool,
    #[command(flatten)]
    pub rules: RuleArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A table per article and a summary, articles needing attention first.
    Human,
    /// One JSON document: every attribution with file byte offsets.
    Json,
    /// One self-contained HTML page with inline SVG charts.
    Html,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Files or directories to report on (`-` for standard input). Default: the current directory.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,
    /// Read inputs as this format, whatever their extension.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormatArg>,
}
