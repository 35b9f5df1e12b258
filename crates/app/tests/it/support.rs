use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

pub const BIN: &str = env!("CARGO_BIN_EXE_cohesion");

/// A `cohesion` command with none of the caller's COHESION_* settings.
pub fn command(cwd: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(cwd).kill_on_drop(true);
    for (key, _) in std::env::vars() {
        if key.starts_with("COHESION_") {
            cmd.env_remove(key);
        }
    }
    cmd
}

/// Runs a command to completion: (exit code, stdout, stderr).
pub async fn output(mut cmd: Command) -> (i32, String, String) {
    let out = cmd.output().await.expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A running `cohesion serve`.
pub struct Running {
    pub child: Child,
    pub base: String,
    pub stdout: Vec<String>,
}

/// Starts `cohesion serve --bind 127.0.0.1:0 ARGS…` and waits until it says
/// where it listens.
pub async fn serve(cwd: &Path, args: &[&str]) -> Running {
    let mut cmd = command(cwd);
    cmd.arg("serve").arg("--bind").arg("127.0.0.1:0").args(args);
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    spawn_and_wait(cmd).await
}

pub async fn spawn_and_wait(mut cmd: Command) -> Running {
    let mut child = cmd.spawn().expect("spawn cohesion serve");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut stdout = Vec::new();
    let base = tokio::time::timeout(Duration::from_secs(20), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            stdout.push(line.clone());
            if let Some(url) = line.strip_prefix("Cohesion is listening on ") {
                return url.to_owned();
            }
        }
        panic!("the server exited before listening: {stdout:?}");
    })
    .await
    .expect("the server starts within 20 s");
    // Keep draining stdout so the child never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    Running {
        child,
        base,
        stdout,
    }
}

impl Running {
    pub fn pid(&self) -> u32 {
        self.child.id().expect("still running")
    }

    pub fn sigterm(&self) {
        let status = std::process::Command::new("kill")
            .arg("-TERM")
            .arg(self.pid().to_string())
            .status()
            .unwrap();
        assert!(status.success());
    }

    /// Sends SIGTERM and waits for a clean exit; returns stderr.
    pub async fn stop(mut self) -> String {
        self.sigterm();
        let status = tokio::time::timeout(Duration::from_secs(20), self.child.wait())
            .await
            .expect("stops within 20 s")
            .unwrap();
        assert!(status.success(), "clean exit after SIGTERM: {status:?}");
        let mut err = String::new();
        if let Some(mut e) = self.child.stderr.take() {
            use tokio::io::AsyncReadExt;
            let _ = e.read_to_string(&mut err).await;
        }
        err
    }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Opens the SQLite file `name` in `dir`, as the server left it.
pub async fn open_sqlite(dir: &Path, name: &str) -> cohesion_storage::Db {
    let url = format!("sqlite:{}", dir.join(name).display());
    cohesion_storage::Db::connect(&url, Default::default())
        .await
        .unwrap()
}

/// Answers "Is this page useful?" with yes through the API; the status.
pub async fn post_useful(base: &str, page: &str) -> reqwest::StatusCode {
    client()
        .post(format!("{base}/api/v1/feedback"))
        .json(&serde_json::json!({"page": page, "answer": "yes"}))
        .send()
        .await
        .unwrap()
        .status()
}

/// The API's tally for `page`: (useful, not useful).
pub async fn tally(base: &str, page: &str) -> (u64, u64) {
    let body: serde_json::Value = client()
        .get(format!("{base}/api/v1/feedback/{page}"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    (
        body["useful"].as_u64().unwrap(),
        body["not_useful"].as_u64().unwrap(),
    )
}
