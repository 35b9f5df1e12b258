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

    /// Move to `done` (never backwards), for work that reports how far it
    /// has got rather than how much it did since.
    pub fn set(&mut self, done: u64) {
        if done > self.done {
            self.advance(done - self.done);
        }
    }

    fn line(&self) -> String {
        const WIDTH: u64 = 30;
        let filled = (self.done.min(self.total) * WIDTH / self.total.max(1)) as usize;
        format!(
            "\r{} [{}{}] {}/{}",
            self.label,
            "#".repeat(filled),
            " ".repeat(WIDTH as usize - filled),
            self.done.min(self.total),
            self.total
        )
    }

    fn draw(&self) {
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "{}", self.line());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_with_the_work_done_and_never_overflows() {
        let mut p = Progress::new("themes", 3_000);
        assert_eq!(p.line(), format!("\rthemes [{}] 0/3000", " ".repeat(30)));
        p.set(1_500);
        assert_eq!(
            p.line(),
            format!("\rthemes [{}{}] 1500/3000", "#".repeat(15), " ".repeat(15))
        );
        p.set(1_000);
        assert_eq!(p.done, 1_500, "set never goes backwards");
        p.advance(10_000);
        assert_eq!(p.line(), format!("\rthemes [{}] 3000/3000", "#".repeat(30)));
    }
}
