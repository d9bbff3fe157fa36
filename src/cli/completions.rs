//! `factlint completions SHELL` and `factlint man`: shell completions and manual pages,
//! generated from the same clap definitions that parse the arguments, so they cannot drift
//! from the flags.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::CommandFactory;

use super::{Cli, EXIT_ERROR, EXIT_OK};

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write `factlint.1` and one page per subcommand (`factlint-check.1`, …) into this
    /// folder instead of printing `factlint.1`.
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

pub fn completions(args: CompletionsArgs) -> u8 {
    let mut cmd = Cli::command();
    let mut out = io::stdout().lock();
    clap_complete::generate(args.shell, &mut cmd, "factlint", &mut out);
    finish(out.flush())
}

pub fn man(args: ManArgs) -> u8 {
    let written = match &args.output {
        None => {
            let mut out = io::stdout().lock();
            render(&Cli::command(), &mut out).and_then(|()| out.flush())
        }
        Some(dir) => write_pages(dir),
    };
    finish(written)
}

/// The manual page of `cmd` in roff.
fn render(cmd: &clap::Command, out: &mut dyn Write) -> io::Result<()> {
    clap_mangen::Man::new(cmd.clone()).render(out)
}

/// `factlint.1` and `factlint-SUB.1` for every subcommand, as `git` ships its pages.
fn write_pages(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let cmd = Cli::command();
    let mut buf = Vec::new();
    render(&cmd, &mut buf)?;
    std::fs::write(dir.join("factlint.1"), buf)?;
    for sub in cmd.get_subcommands() {
        let name = format!("factlint-{}", sub.get_name());
        let page = sub
            .clone()
            .display_name(&name)
            .bin_name(&name)
            .version(env!("CARGO_PKG_VERSION"));
        let mut buf = Vec::new();
        clap_mangen::Man::new(page).title(&name).render(&mut buf)?;
        std::fs::write(dir.join(format!("{name}.1")), buf)?;
    }
    Ok(())
}

fn finish(written: io::Result<()>) -> u8 {
    match written {
        Ok(()) => EXIT_OK,
        // The reader went away (`| head`): nothing is left to tell it.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("error: cannot write: {e}");
            EXIT_ERROR
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_names_every_subcommand() {
        let mut buf = Vec::new();
        render(&Cli::command(), &mut buf).unwrap();
        let page = String::from_utf8(buf).unwrap();
        assert!(page.starts_with(".ie"), "{}", &page[..40.min(page.len())]);
        for sub in Cli::command().get_subcommands() {
            assert!(page.contains(sub.get_name()), "{}", sub.get_name());
        }
    }
}
