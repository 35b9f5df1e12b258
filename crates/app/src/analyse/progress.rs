//! A one-line progress bar on standard error, drawn only when standard
//! error is a terminal (never in pipes, logs or tests).

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub struct Progress {
    label: &'static str,
    total: u64,
    done: u64,
    enabled: bool,
    last: Instant,
}

impl Progress {
    pub fn new(label: &'static str, total: u64) -> Self {
        Self {
            label,
            total,
            done: 0,
            enabled: std::io::stderr().is_terminal() && total >= 1_000,
            last: Instant::now(),
        }
    }

    pub fn advance(&mut self, n: u64) {
        self.done += n;
        if self.enabled && self.last.elapsed() >= Duration::from_millis(100) {
            self.last = Instant::now();
            self.draw();
        }
    }

    fn draw(&self) {
        const WIDTH: u64 = 30;
        let filled = (self.done.min(self.total) * WIDTH / self.total.max(1)) as usize;
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r{} [{}{}] {}/{}",
            self.label,
            "#".repeat(filled),
            " ".repeat(WIDTH as usize - filled),
            self.done,
            self.total
        );
        let _ = err.flush();
    }

    pub fn finish(self) {
        if self.enabled {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}
