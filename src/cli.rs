//! The command line. The verbs are a contract that deploy scripts and
//! organisations' admins rely on: `serve` (the default), `migrate`,
//! `admin create`, `invite create`, `purge`, `backup`, `restore`, `check`;
//! and `seed`, which fills a database for benchmarks only.

use std::{
    io::BufRead,
    path::PathBuf,
    process::ExitCode,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use clap::{Parser, Subcommand};

use crate::{
    accounts::{invites, password::Password, pseudonym::Pseudonym, store},
    clock::{Clock, SystemClock, format_utc},
    config::Config,
    db::Db,
    groups,
    operations::{backup, check, presence::Presence, restore},
    web::{self, AppState},
};

#[derive(Debug, Parser)]
#[command(name = "hearth", version, about = "Hearth: an invite-only forum for peer-support groups")]
pub struct Cli {
    /// A TOML file of settings; environment variables (HEARTH_*) override it.
    #[arg(long, env = "HEARTH_CONFIG", global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run pending migrations and serve (the default). Prints a one-time setup
    /// link while the instance has no admin.
    Serve,
    /// Run pending database migrations and exit.
    Migrate,
    /// Fill an empty database with a demo organisation, groups, members and
    /// conversations in English and French, and print how to sign in.
    Demo,
    /// Delete now what Hearth keeps only for a while (expired sessions, spent
    /// invites and reset links, posts and moderation records past their
    /// group's retention, ended groups' conversations) and scrub the database
    /// files; the server also does this every quarter of an hour.
    Purge,
    /// Manage instance admins.
    Admin {
        #[command(subcommand)]
        action: AdminAction,
    },
    /// Manage invites.
    Invite {
        #[command(subcommand)]
        action: InviteAction,
    },
    /// Write a consistent backup of the whole instance to a new file, while it
    /// serves. For disaster recovery only: store it encrypted, delete it on
    /// your retention schedule.
    Backup {
        /// The file to create (never overwritten).
        path: PathBuf,
    },
    /// Replace the database with a backup. Refuses a database in use by a
    /// Hearth process, or one that holds a forum, without --force.
    Restore {
        /// A file written by `hearth backup`.
        path: PathBuf,
        /// Replace the database even if it holds a forum or a server runs on
        /// it (a SQLite server stops for the restore).
        #[arg(long)]
        force: bool,
    },
    /// Check the database (integrity, migrations) and the settings, and print
    /// a short health report; exits non-zero on a problem. Changes nothing.
    Check,
    /// For benchmarks only: fill an empty database with a large generated
    /// forum, the same for the same seed. Every account gets the password read
    /// from standard input (one shared hash), so never use it for a real forum.
    Seed {
        /// small: 2 000 members, 2 000 topics, 20 000 posts; large: 100 times that.
        #[arg(long, value_enum)]
        size: crate::seed::Size,
        /// The same seed makes the same forum.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Write sampled members, with a topic, a group and a search word each, to this file (TSV).
        #[arg(long, value_name = "FILE")]
        manifest: Option<PathBuf>,
        /// Read the password from the first line of standard input (required).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

#[derive(Debug, Subcommand)]
enum AdminAction {
    /// Create an instance admin; the password is read from standard input.
    Create {
        /// The admin's pseudonym.
        #[arg(long)]
        pseudonym: String,
        /// Read the password from the first line of standard input (required:
        /// a password on the command line would be visible to other users).
        #[arg(long, required = true)]
        password_stdin: bool,
    },
}

#[derive(Debug, Subcommand)]
enum InviteAction {
    /// Create an invite and print its link (the last line of output).
    Create {
        /// How long the invite stays valid: minutes, hours or days, e.g. 30m, 12h, 7d.
        #[arg(long, default_value = "7d", value_parser = parse_duration)]
        expires_in: Duration,
        /// A note for staff about who the invite is for (avoid real names).
        #[arg(long)]
        note: Option<String>,
        /// A group the invited person joins, by its short name; repeat for several.
        #[arg(long = "group", value_name = "SLUG")]
        groups: Vec<String>,
    },
}

/// `7d`, `12h`, `30m`: up to a year.
fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text.len().saturating_sub(1);
    let (number, unit) = (text.get(..split).unwrap_or_default(), text.get(split..).unwrap_or_default());
    let seconds_per = match unit {
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err("use a number followed by m, h or d, e.g. 7d".to_owned()),
    };
    let number: u64 = number.parse().map_err(|_| "use a number followed by m, h or d, e.g. 7d".to_owned())?;
    let seconds = number.saturating_mul(seconds_per);
    if number == 0 || seconds > 366 * 86_400 {
        return Err("must be more than zero and at most 366d".to_owned());
    }
    Ok(Duration::from_secs(seconds))
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    // The seed's bulk statements run past sqlx's one-second alert by design;
    // its warning would print each whole statement.
    let default_filter =
        if matches!(cli.command, Some(Command::Seed { .. })) { "info,sqlx=error" } else { "info,sqlx=warn" };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("HEARTH_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_filter)),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let config = match Config::load(cli.config.as_deref()) {
        Ok(config) => config,
        Err(err) => {
            eprintln!("hearth: configuration error: {err}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("hearth: cannot start: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(dispatch(cli.command.unwrap_or(Command::Serve), config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("hearth: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Connects, migrates and builds the application state.
pub async fn prepare(config: Config, clock: Arc<dyn Clock>) -> Result<AppState, String> {
    let db = Db::connect(&config.database_url).await.map_err(|err| format!("cannot open the database: {err}"))?;
    db.migrate().await.map_err(|err| format!("database migration failed: {err}"))?;
    AppState::new(db, config, clock)
}

async fn dispatch(command: Command, config: Config) -> Result<(), String> {
    if let Command::Restore { path, force } = &command {
        // Takes the database's locks itself, exclusively.
        return restore::run(&config, path, *force).await.map(|done| println!("{done}"));
    }
    if matches!(command, Command::Backup { .. } | Command::Check) {
        crate::operations::require_database(&config)?;
    }
    // Held until the end: a restore must not replace the database under us.
    let presence = Arc::new(crate::operations::presence::hold(&config.database_url).await?);
    let result = match command {
        Command::Backup { path } => backup::run(&config, &path).await.map(|done| println!("{done}")),
        Command::Check => {
            let report = check::run(&config).await;
            println!("{report}");
            if report.healthy() { Ok(()) } else { Err("the check found problems (see above)".to_owned()) }
        }
        command => run_with_state(command, config, &presence).await,
    };
    drop(presence);
    result
}

async fn run_with_state(command: Command, config: Config, presence: &Arc<Presence>) -> Result<(), String> {
    let state = prepare(config, Arc::new(SystemClock::default())).await?;
    let result = match command {
        Command::Serve => serve(state.clone(), Arc::clone(presence)).await,
        Command::Demo => crate::demo::run(&state).await,
        Command::Purge => purge(&state).await,
        Command::Migrate => {
            println!("Migrations are up to date.");
            Ok(())
        }
        Command::Admin { action: AdminAction::Create { pseudonym, password_stdin: _ } } => {
            create_admin(&state, &pseudonym).await
        }
        Command::Seed { size, seed, manifest, password_stdin: _ } => {
            let options = crate::seed::Options { size, seed, manifest };
            match read_password_line() {
                Ok(password) => crate::seed::run(&state, &options, &password).await.map(|done| println!("{done}")),
                Err(err) => Err(err),
            }
        }
        Command::Invite { action: InviteAction::Create { expires_in, note, groups } } => {
            let mut group_ids = Vec::with_capacity(groups.len());
            for slug in &groups {
                let id = groups::store::group_id_by_slug(&state.db.read, slug)
                    .await
                    .map_err(|err| err.to_string())?
                    .ok_or_else(|| format!("no group is called {slug:?}"))?;
                if groups::store::is_locked_down(&state.db.read, id).await.map_err(|err| err.to_string())? {
                    return Err(format!("{slug:?} is locked down: no one can join it until a lead lifts that"));
                }
                group_ids.push(id);
            }
            let spec = invites::InviteSpec {
                expires_in,
                note: note.as_deref(),
                created_by: None,
                grants_admin: false,
                groups: &group_ids,
            };
            let invite =
                invites::create(&state, spec).await.map_err(|err| format!("cannot create the invite: {err}"))?;
            println!("Invite valid until {}:", format_utc(invite.expires_at));
            println!("{}", invite.url);
            Ok(())
        }
        // Handled by `dispatch` without preparing the state (which migrates).
        Command::Backup { .. } | Command::Restore { .. } | Command::Check => Ok(()),
    };
    state.db.close().await;
    result
}

async fn purge(state: &AppState) -> Result<(), String> {
    if state.db.vacuum_incrementally().await.map_err(|err| format!("cannot convert the database: {err}"))? {
        println!("The database now returns freed space to the disk (converted once, with a full VACUUM).");
    }
    let purged = crate::safety::purge::run(state).await.map_err(|err| format!("the purge failed: {err}"))?;
    for (what, count) in &purged.0 {
        println!("{what}: {count} deleted");
    }
    Ok(())
}

/// The first line of standard input, without its line ending.
fn read_password_line() -> Result<String, String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).map_err(|err| format!("cannot read the password: {err}"))?;
    Ok(line.trim_end_matches(['\n', '\r']).to_owned())
}

async fn create_admin(state: &AppState, pseudonym: &str) -> Result<(), String> {
    let pseudonym = Pseudonym::parse(pseudonym).map_err(|problem| {
        format!("pseudonym refused: {}", state.translations.get(Default::default(), problem.message_key(), &[]))
    })?;
    let typed = read_password_line()?;
    let password = Password::parse(&typed, &[pseudonym.as_str(), &state.config.instance_name]).map_err(|problem| {
        format!("password refused: {}", state.translations.get(Default::default(), problem.message_key(), &[]))
    })?;
    let hash = state.hasher.hash(&password).await.map_err(|err| err.to_string())?;
    match store::insert_user(&state.db.write, &pseudonym, &hash, true, state.clock.now()).await {
        Ok(_) => {
            println!("Admin {} created.", pseudonym.as_str());
            Ok(())
        }
        Err(sqlx::Error::Database(err)) if err.is_unique_violation() => {
            Err("that pseudonym, or one that looks like it, is taken".to_owned())
        }
        Err(err) => Err(format!("cannot create the admin: {err}")),
    }
}

async fn serve(state: AppState, presence: Arc<Presence>) -> Result<(), String> {
    let signalled = shutdown_signal();
    let listen = state.config.listen;
    let listener =
        tokio::net::TcpListener::bind(listen).await.map_err(|err| format!("cannot listen on {listen}: {err}"))?;
    if !store::admin_exists(&state.db.read).await.map_err(|err| err.to_string())? {
        store::revoke_setup_invites(&state.db.write, state.clock.now()).await.map_err(|err| err.to_string())?;
        let spec = invites::InviteSpec {
            expires_in: Duration::from_secs(24 * 3600),
            note: Some("setup"),
            created_by: None,
            grants_admin: true,
            groups: &[],
        };
        let invite =
            invites::create(&state, spec).await.map_err(|err| format!("cannot create the setup link: {err}"))?;
        // Printed, not logged: it is a secret for whoever runs the server.
        println!("No admin account yet. Open this one-time link within 24 hours to create it:\n{}", invite.url);
    }
    tracing::info!(address = %listen, base_url = %state.config.base_url, "serving");
    let for_restore = Arc::new(AtomicBool::new(false));
    let stop = {
        let for_restore = Arc::clone(&for_restore);
        async move {
            tokio::select! {
                () = signalled => {},
                () = presence.restore_requested() => {
                    tracing::warn!("`hearth restore --force` is waiting: finishing the requests in flight and stopping");
                    for_restore.store(true, Ordering::SeqCst);
                },
            }
        }
    };
    web::server::serve(state, listener, stop).await;
    if for_restore.load(Ordering::SeqCst) {
        // A failure exit, so that a service manager starts Hearth again; it
        // then waits for the restore to finish.
        return Err("stopped so that `hearth restore` can replace the database".to_owned());
    }
    Ok(())
}

/// Resolves on SIGTERM (a service manager stopping Hearth) or Ctrl-C. The
/// handlers are installed when this is called, not when the future is first
/// polled: a signal that comes early must still stop Hearth gracefully
/// rather than kill it.
fn shutdown_signal() -> impl std::future::Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let handlers = signal(SignalKind::terminate()).and_then(|t| signal(SignalKind::interrupt()).map(|i| (t, i)));
        async move {
            match handlers {
                Ok((mut terminate, mut interrupt)) => {
                    tokio::select! {
                        _ = terminate.recv() => {},
                        _ = interrupt.recv() => {},
                    }
                }
                Err(err) => {
                    tracing::warn!(cause = %err, "cannot listen for SIGTERM; stop Hearth with SIGKILL");
                    std::future::pending::<()>().await;
                }
            }
        }
    }
    #[cfg(not(unix))]
    async {
        let _ = tokio::signal::ctrl_c().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("7d").unwrap(), Duration::from_secs(7 * 86_400));
        assert_eq!(parse_duration("12h").unwrap(), Duration::from_secs(12 * 3600));
        assert_eq!(parse_duration("30m").unwrap(), Duration::from_secs(1800));
        for bad in ["", "d", "0d", "7", "7w", "-1d", "400d"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
