//! The command line: what `edges` accepts, before anything runs.
use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;

#[derive(Parser)]
#[command(
    name = "edges",
    version,
    about = "A community space for networks of explorers"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Clone)]
pub struct DatabaseArg {
    /// sqlite://FILE (created on first start) or postgres://USER@HOST/DB
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://edges.db",
        global = true
    )]
    pub database_url: String,
}

#[derive(Subcommand)]
pub enum Command {
    /// Serve the site (run from the repository root after a release build).
    Serve {
        #[arg(long, env = "EDGES_ADDR")]
        addr: Option<SocketAddr>,
        #[command(flatten)]
        database: DatabaseArg,
        /// Mark cookies Secure with a __Host- name: set when users reach the site over https.
        #[arg(long, env = "EDGES_HTTPS")]
        https: bool,
        /// Take the client address from X-Forwarded-For (only behind your own reverse proxy).
        #[arg(long, env = "EDGES_TRUST_PROXY")]
        trust_proxy: bool,
        /// Seed the demo network when the database has no members yet.
        #[arg(long)]
        seed_if_empty: bool,
        /// For end-to-end tests only, never in production: POST /test-clock (form field
        /// `advance`, seconds) moves this node's clock ahead, so proposals close without waiting.
        #[arg(long)]
        test_clock: bool,
    },
    /// Create or update the database schema.
    Migrate {
        #[command(flatten)]
        database: DatabaseArg,
    },
    /// Fill an empty database with a demo network.
    Seed {
        #[command(flatten)]
        database: DatabaseArg,
        #[arg(long, default_value_t = 8000)]
        members: usize,
        #[arg(long, default_value_t = 20)]
        cities: usize,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Manage accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Copy a SQLite database while it is served (PostgreSQL: says how to use pg_dump).
    Backup {
        /// The new file; never overwritten.
        #[arg(long)]
        to: std::path::PathBuf,
        #[command(flatten)]
        database: DatabaseArg,
    },
    /// Restore a backup into an empty or new SQLite database (PostgreSQL: says how).
    Restore {
        #[arg(long)]
        from: std::path::PathBuf,
        #[command(flatten)]
        database: DatabaseArg,
    },
    /// Participatory budgeting files (pabulib .pb).
    Pb {
        #[command(subcommand)]
        command: PbCommand,
    },
}

#[derive(Subcommand)]
pub enum PbCommand {
    /// Count an election with a rule: greedy, mes, mes-add1, mes-add1u or phragmen.
    Tally {
        file: std::path::PathBuf,
        #[arg(long)]
        rule: budget_rules::Rule,
        /// One JSON line: {"selected":[…],"spent":…,"budget":…}
        #[arg(long)]
        json: bool,
    },
    /// Make a ballot round of an election: its projects accepted, its ballots kept, in review.
    Import {
        file: std::path::PathBuf,
        /// The city (its slug) whose pot holds the round; the network's pot by default.
        #[arg(long)]
        city: Option<String>,
        /// The rule the round will count with.
        #[arg(long, default_value = "mes-add1u")]
        rule: budget_rules::Rule,
        #[command(flatten)]
        database: DatabaseArg,
    },
    /// Write a ballot round as a pabulib file (to standard output unless --out is given).
    Export {
        round: i64,
        #[arg(long)]
        out: Option<std::path::PathBuf>,
        #[command(flatten)]
        database: DatabaseArg,
    },
}

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create an account; the password is asked on a terminal or read from stdin.
    Create {
        #[command(flatten)]
        database: DatabaseArg,
        #[arg(long)]
        name: String,
        #[arg(long)]
        email: String,
        /// Home city slug, as in /cities/SLUG.
        #[arg(long)]
        city: String,
        #[arg(long)]
        admin: bool,
        /// Make the account a connector of this city (repeatable).
        #[arg(long = "connector-of")]
        connector_of: Vec<String>,
    },
}
