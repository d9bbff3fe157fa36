//! A progress bar on stderr for long runs: files and megabytes done, the rate, findings so
//! far. It appears only when both stdout and stderr are terminals (never in a pipe, a file
//! or CI logs, so never inside a machine format's output), and only once the run has
//! lasted a second or checked many files; it is cleared before the summary.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::report::FileReport;

/// Files after which the bar shows even before a second has passed.
const MANY_FILES: usize = 200;
const AFTER: Duration = Duration::from_secs(1);

pub struct Progress {
    /// `None` when not on a terminal: then nothing is ever drawn.
    bar: Option<ProgressBar>,
    shown: bool,
    start: Instant,
    files: usize,
    bytes: usize,
    findings: usize,
}

impl Progress {
    pub fn new() -> Progress {
        let terminal = std::io::stdout().is_terminal() && std::io::stderr().is_terminal();
        let bar = terminal.then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            let style = ProgressStyle::with_template("{spinner} {elapsed} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner());
            bar.set_style(style);
            bar
        });
        Progress {
            bar,
            shown: false,
            start: Instant::now(),
            files: 0,
            bytes: 0,
            findings: 0,
        }
    }

    /// Counts a checked file and redraws.
    pub fn file(&mut self, file: &FileReport) {
        self.files += 1;
        self.bytes += file.doc.text.len();
        self.findings += file.findings.len();
        let Some(bar) = &self.bar else {
            return;
        };
        let elapsed = self.start.elapsed();
        if !self.shown && (self.files >= MANY_FILES || elapsed >= AFTER) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
        let mb = self.bytes as f64 / 1e6;
        let rate = mb / elapsed.as_secs_f64().max(1e-3);
        bar.set_message(format!(
            "{} files, {mb:.1} MB, {rate:.1} MB/s, {} findings",
            self.files, self.findings
        ));
        bar.tick();
    }

    /// Runs `f` (which prints) with the bar taken off the screen.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) if self.shown => bar.suspend(f),
            _ => f(),
        }
    }

    /// Clears the bar for good.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
