//! `teamcost completions SHELL` and `teamcost man`: what a package or a
//! user installs beside the binary, generated from the flags themselves
//! (clap_complete, clap_mangen) so they cannot drift from `--help`.

use clap::CommandFactory;
use clap_complete::Shell;

use super::Cli;

/// The completion script for `shell`.
pub(crate) fn completions(shell: Shell) -> String {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "teamcost", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The page of `teamcost` itself, which lists its commands.
pub(crate) fn man_page() -> anyhow::Result<String> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    render(cmd)
}

/// `teamcost.1` and one page per command and subcommand
/// (`teamcost-rates-set.1`), as (file name, roff), as clap_mangen's
/// `generate_to` names them; the caller writes them all or none.
pub(crate) fn man_pages() -> anyhow::Result<Vec<(String, String)>> {
    fn gather(cmd: clap::Command, pages: &mut Vec<(String, String)>) -> anyhow::Result<()> {
        let name = clap_mangen::Man::new(cmd.clone()).get_filename();
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            gather(sub.clone(), pages)?;
        }
        pages.push((name, render(cmd)?));
        Ok(())
    }
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    gather(cmd, &mut pages)?;
    pages.sort();
    Ok(pages)
}

fn render(cmd: clap::Command) -> anyhow::Result<String> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}
