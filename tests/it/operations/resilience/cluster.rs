//! A private PostgreSQL cluster for one test, so it can be stopped and
//! started without touching the shared server others' tests use: `initdb`
//! into a temporary folder, `pg_ctl` on a free loopback port with its socket
//! in that folder, run as the `postgres` user when the tests run as root
//! (PostgreSQL refuses root). Stopped and deleted however the test ends.

use std::{
    path::{Path, PathBuf},
    process::{Command, Output, Stdio},
};

use crate::cli::runner::{Scratch, free_port};

pub struct Cluster {
    scratch: Scratch,
    bin: PathBuf,
    port: u16,
    as_postgres: bool,
}

fn running_as_root() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
    }
    #[cfg(not(unix))]
    false
}

impl Cluster {
    /// Initialises and starts a cluster, or says why it cannot.
    pub fn start() -> Result<Self, String> {
        let pg_ctl = hearth::operations::pg_tools::find("pg_ctl").ok_or("PostgreSQL's pg_ctl is not installed")?;
        let bin = pg_ctl.parent().map(Path::to_path_buf).unwrap_or_default();
        if !bin.join("initdb").is_file() {
            return Err(format!("no initdb beside {}", pg_ctl.display()));
        }
        let as_postgres = running_as_root();
        if as_postgres && Command::new("id").args(["-u", "postgres"]).output().map_or(true, |o| !o.status.success()) {
            return Err("running as root, and there is no postgres user to run PostgreSQL as".to_owned());
        }
        let scratch = Scratch::new();
        std::fs::create_dir_all(&scratch.0).map_err(|err| err.to_string())?;
        let cluster = Self { scratch, bin, port: free_port(), as_postgres };
        if as_postgres {
            cluster.must(Command::new("chown").args(["postgres:postgres"]).arg(&cluster.scratch.0), "chown")?;
        }
        let data = cluster.data();
        cluster.must(
            cluster.tool("initdb").arg("-D").arg(&data).args([
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
                "--no-instructions",
            ]),
            "initdb",
        )?;
        cluster.start_again()?;
        Ok(cluster)
    }

    fn data(&self) -> PathBuf {
        self.scratch.0.join("data")
    }

    fn tool(&self, name: &str) -> Command {
        let mut command = if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(self.bin.join(name));
            command
        } else {
            Command::new(self.bin.join(name))
        };
        command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
        command
    }

    fn must(&self, command: &mut Command, what: &str) -> Result<Output, String> {
        let ran = command.output().map_err(|err| format!("{what}: {err}"))?;
        if ran.status.success() {
            Ok(ran)
        } else {
            Err(format!(
                "{what} failed: {}{}",
                String::from_utf8_lossy(&ran.stdout),
                String::from_utf8_lossy(&ran.stderr)
            ))
        }
    }

    /// A URL for a database of this cluster.
    pub fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    /// Starts the cluster and waits until it accepts connections.
    pub fn start_again(&self) -> Result<(), String> {
        let options = format!("-p {} -k {} -c listen_addresses=127.0.0.1", self.port, self.scratch.0.display());
        let log = self.scratch.0.join("postgres.log");
        self.must(
            self.tool("pg_ctl")
                .arg("-D")
                .arg(self.data())
                .arg("-l")
                .arg(log)
                .args(["-w", "-t", "60", "-o", &options, "start"]),
            "pg_ctl start",
        )
        .map(drop)
    }

    /// Stops the cluster at once, as a crash would (no checkpoint, clients cut off).
    pub fn crash(&self) {
        self.must(
            self.tool("pg_ctl").arg("-D").arg(self.data()).args(["-m", "immediate", "-w", "stop"]),
            "pg_ctl stop",
        )
        .unwrap();
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self.tool("pg_ctl").arg("-D").arg(self.data()).args(["-m", "immediate", "-w", "stop"]).output();
    }
}
