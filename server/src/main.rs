//! The `edges` command: serve the site, migrate, seed the demo network, manage accounts.
use clap::Parser;
use cli::{Cli, Command, DatabaseArg, PbCommand, UserCommand};
use demo_network::DemoParams;
use indicatif::ProgressBar;
use server::{backup, db, http, pb, seed, users};
use std::io::{IsTerminal, Read};
use std::net::SocketAddr;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

mod cli;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

type AnyError = Box<dyn std::error::Error + Send + Sync>;

async fn open(database: &DatabaseArg) -> Result<db::Database, AnyError> {
    let database = db::connect(&database.database_url).await?;
    db::migrate(&database).await?;
    Ok(database)
}

async fn run(command: Command) -> Result<(), AnyError> {
    match command {
        Command::Serve {
            addr,
            database,
            https,
            trust_proxy,
            seed_if_empty,
            test_clock,
        } => {
            let database = open(&database).await?;
            if seed_if_empty && seed::is_empty(&database.any).await? {
                seed_demo(&database, &DemoParams::default()).await?;
            }
            serve(
                database,
                addr,
                http::HttpConfig {
                    https,
                    trust_proxy,
                    test_clock,
                    ..http::HttpConfig::default()
                },
            )
            .await
        }
        Command::Backup { to, database } => {
            let saved = backup::backup(&database.database_url, &to).await?;
            println!("backed up to {}: {saved}", to.display());
            Ok(())
        }
        Command::Restore { from, database } => {
            let restored = backup::restore(&from, &database.database_url).await?;
            println!("restored {}: {restored}", database.database_url);
            Ok(())
        }
        Command::Migrate { database } => {
            open(&database).await?;
            println!("database is up to date");
            Ok(())
        }
        Command::Seed {
            database,
            members,
            cities,
            seed,
        } => {
            let database = open(&database).await?;
            seed_demo(
                &database,
                &DemoParams {
                    members,
                    cities,
                    seed,
                },
            )
            .await
        }
        Command::User {
            command:
                UserCommand::Create {
                    database,
                    name,
                    email,
                    city,
                    admin,
                    connector_of,
                },
        } => {
            let database = open(&database).await?;
            let password = read_password()?;
            let account = users::NewAccount {
                name,
                email,
                city,
                password,
                admin,
                connector_of,
            };
            let id = users::create(&database.any, account).await?;
            println!("created account {id}");
            Ok(())
        }
        Command::Pb {
            command: PbCommand::Tally { file, rule, json },
        } => {
            let result = pb::tally_file(&file, rule)?;
            if json {
                println!("{}", result.to_json());
            } else {
                println!("selected: {}", result.selected.join(", "));
                println!("spent {} of {}", result.spent, result.budget);
            }
            Ok(())
        }
        Command::Pb {
            command:
                PbCommand::Import {
                    file,
                    city,
                    rule,
                    database,
                },
        } => {
            let database = open(&database).await?;
            let import = pb::import::Import {
                file: &file,
                city: city.as_deref(),
                rule,
                now: app::context::now(),
            };
            let done = pb::import::import(&database.any, &import).await?;
            println!(
                "created ballot round {} with {} projects and {} ballots, in review: open voting at /budgets/ballots/{}",
                done.round_id, done.projects, done.ballots, done.round_id
            );
            Ok(())
        }
        Command::Pb {
            command:
                PbCommand::Export {
                    round,
                    out,
                    database,
                },
        } => {
            let database = open(&database).await?;
            let file = pb::export::export(&database.any, round).await?;
            match out {
                Some(path) => std::fs::write(&path, file)
                    .map_err(|error| format!("cannot write {}: {error}", path.display()))?,
                None => print!("{file}"),
            }
            Ok(())
        }
    }
}

async fn seed_demo(database: &db::Database, params: &DemoParams) -> Result<(), AnyError> {
    let started = std::time::Instant::now();
    let counts = seed::seed(&database.any, params, &ProgressBar::new(0)).await?;
    println!(
        "seeded {} cities, {} connectors, {} members, {} messages, {} decisions in {:.1} s",
        counts.cities,
        counts.connectors,
        counts.members,
        counts.messages,
        counts.decisions,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn read_password() -> Result<String, AnyError> {
    if std::io::stdin().is_terminal() {
        return Ok(rpassword::prompt_password(
            "Password (8 to 128 characters): ",
        )?);
    }
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input)?;
    Ok(input.trim_end_matches(['\r', '\n']).to_string())
}

async fn serve(
    database: db::Database,
    addr: Option<SocketAddr>,
    config: http::HttpConfig,
) -> Result<(), AnyError> {
    let mut options = leptos::prelude::get_configuration(None)?.leptos_options;
    if let Some(addr) = addr {
        options.site_addr = addr;
    }
    let address = options.site_addr;
    let config = http::HttpConfig {
        mail: Some(server::mail::MailConfig::from_env(&format!(
            "http://{address}"
        ))),
        ..config
    };
    let app = http::router(&database, options, &config).await?;
    // Live frames are small and latency matters: no Nagle delay on any connection.
    let listener = axum::serve::ListenerExt::tap_io(
        tokio::net::TcpListener::bind(address).await?,
        |stream: &mut tokio::net::TcpStream| {
            if let Err(error) = stream.set_nodelay(true) {
                tracing::warn!(%error, "could not set TCP_NODELAY");
            }
        },
    );
    tracing::info!("listening on http://{address}");
    println!("Edges is running on http://{address}");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown({
        let drain = config.drain.clone();
        async move {
            shutdown_signal().await;
            drain.start();
        }
    })
    .await?;
    // Live connections are told to go elsewhere; give them a moment to say goodbye.
    config
        .drain
        .finished(std::time::Duration::from_secs(5))
        .await;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM; in-flight requests then finish before the process exits.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
