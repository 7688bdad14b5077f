//! The words of `--help` that are not one flag's own: each command's
//! examples and the exit statuses it can end with. Every example runs as
//! written from the repository root, on the shipped `scenarios/` and
//! `rates/` (the tests run them, in order, in a copy); lines stay within 80
//! columns.

/// "Exit status:" and its lines: `plain` for commands that never gate,
/// `gate` for those with a `--budget` gate (status 3), `drawn` for those
/// whose `--budget` is only drawn, `check` and `audit` for the checkers.
macro_rules! exits {
    (top) => {
        concat!(
            "Exit status:\n",
            "  0  done\n",
            bad_input!(),
            "  3  a scenario over --budget (estimate and compare only)\n",
            other_failure!(),
        )
    };
    (plain) => {
        concat!("Exit status:\n", "  0  done\n", bad_input!(), other_failure!())
    };
    (gate) => {
        concat!(
            "Exit status:\n",
            "  0  done, and every scenario within --budget when one is given\n",
            bad_input!(),
            "  3  a scenario over --budget (its figure --at is more than the amount)\n",
            other_failure!(),
        )
    };
    (drawn) => {
        concat!(
            "Exit status (a --budget is drawn, never gated: over it is still 0):\n",
            "  0  done\n",
            bad_input!(),
            other_failure!(),
        )
    };
    (setup) => {
        concat!(
            "Exit status:\n",
            "  0  done\n",
            "  2  a bad flag\n",
            other_failure!(),
        )
    };
    (check) => {
        concat!(
            "Exit status:\n",
            "  0  every file loads and estimates\n",
            "  2  a problem in a file (each named by file:line:col, with what was\n",
            "     expected and the fix), or a bad flag\n",
            other_failure!(),
        )
    };
    (audit) => {
        concat!(
            "Exit status:\n",
            "  0  done, findings or not (without --strict)\n",
            "  2  any finding with --strict (acknowledged ones aside), or bad input\n",
            "     (file:line:col, what was expected and the fix)\n",
            other_failure!(),
        )
    };
}

macro_rules! bad_input {
    () => {
        concat!(
            "  2  bad input: a flag, or a file that does not parse or check (the\n",
            "     message names file:line:col, what was expected and the fix)\n",
        )
    };
}

macro_rules! other_failure {
    () => {
        "  1  any other failure (a file that cannot be read or written)"
    };
}

pub const TOP: &str = concat!(
    "Examples:\n",
    "  teamcost compare scenarios/*.ron --currency USD\n",
    "  teamcost recommend --stage pilot --product rag --duration 6 \\\n",
    "      --location germany --effort-pm 30\n",
    "  teamcost report scenarios/*.ron --currency USD -o report.html\n",
    "\n",
    "Run `teamcost help COMMAND` for a command's flags and examples.\n",
    "\n",
    exits!(top),
);

pub const ESTIMATE: &str = concat!(
    "Examples:\n",
    "  teamcost estimate scenarios/support-summarizer-prototype.ron\n",
    "  teamcost estimate scenarios/fraud-detection-plan.ron --format json\n",
    "  teamcost estimate scenarios/*.ron --currency USD --budget 10000000 --at p90\n",
    "\n",
    exits!(gate),
);

pub const COMPARE: &str = concat!(
    "Examples:\n",
    "  teamcost compare scenarios/support-summarizer-prototype.ron \\\n",
    "      scenarios/support-summarizer-prototype-inhouse.ron\n",
    "  teamcost compare scenarios/*.ron --currency USD --format csv\n",
    "  teamcost compare scenarios/*.ron --currency USD --charts charts\n",
    "\n",
    exits!(gate),
);

pub const CHECK: &str = concat!(
    "Examples:\n",
    "  teamcost check\n",
    "  teamcost check scenarios/fraud-detection-plan.ron rates/\n",
    "\n",
    exits!(check),
);

pub const SENSITIVITY: &str = concat!(
    "Examples:\n",
    "  teamcost sensitivity scenarios/fraud-detection-production.ron\n",
    "  teamcost sensitivity scenarios/ai-search-scale.ron --format json\n",
    "\n",
    exits!(plain),
);

pub const BREAKEVEN: &str = concat!(
    "Examples:\n",
    "  teamcost breakeven scenarios/support-summarizer-prototype.ron\n",
    "  teamcost breakeven scenarios/recommendation-pilot-hybrid.ron --format csv\n",
    "\n",
    exits!(plain),
);

pub const CHART: &str = concat!(
    "Examples:\n",
    "  teamcost chart range scenarios/*.ron --currency USD --budget 2000000 \\\n",
    "      -o range.svg\n",
    "  teamcost chart burn scenarios/recommended-three-phase-plan.ron -o burn.svg\n",
    "  teamcost chart tornado scenarios/ai-search-scale.ron -o - > tornado.svg\n",
    "  teamcost chart delivery scenarios/contract-review-agent-recommended.ron \\\n",
    "      -o delivery.svg\n",
    "\n",
    exits!(drawn),
);

pub const REPORT: &str = concat!(
    "Examples:\n",
    "  teamcost report scenarios/support-summarizer-prototype*.ron -o report.html\n",
    "  teamcost report scenarios/*.ron --currency USD --format markdown \\\n",
    "      -o costs/report.md\n",
    "  teamcost report scenarios/fraud-detection-plan.ron -o - > plan.html\n",
    "\n",
    exits!(drawn),
);

pub const BRIEF: &str = concat!(
    "Examples:\n",
    "  teamcost brief scenarios/fraud-detection-plan.ron\n",
    "  teamcost brief scenarios/support-assistant-plan.ron \\\n",
    "      scenarios/ai-search-scale.ron\n",
    "\n",
    exits!(plain),
);

pub const RECOMMEND: &str = concat!(
    "Examples:\n",
    "  teamcost recommend --stage prototype --duration 12 --location us \\\n",
    "      --effort-pm 40\n",
    "  teamcost recommend --phases prototype:3,pilot:6,production:9 \\\n",
    "      --effort-pm 6,20,40 --location us\n",
    "  teamcost recommend --phases prototype:3,pilot:6,production:9 \\\n",
    "      --budget 150000,600000,1200000 --location us --engagement hybrid \\\n",
    "      --write plan.ron\n",
    "\n",
    exits!(plain),
);

pub const RATES: &str = concat!(
    "Examples:\n",
    "  teamcost rates list\n",
    "  teamcost rates show market-2026 --role ai-engineer --location us\n",
    "  teamcost rates audit --strict\n",
    "\n",
    exits!(plain),
);

pub const RATES_LIST: &str = concat!(
    "Examples:\n",
    "  teamcost rates list\n",
    "  teamcost rates list --format json\n",
    "\n",
    exits!(plain),
);

pub const RATES_SHOW: &str = concat!(
    "Examples:\n",
    "  teamcost rates show market-2026 --role ai-engineer --location us\n",
    "  teamcost rates show market-2026 --level senior --format csv\n",
    "  teamcost rates show market-2026 --sources\n",
    "\n",
    exits!(plain),
);

/// An old copy of the table, then one change to it: what `diff` and
/// `impact` compare.
macro_rules! old_and_new {
    () => {
        concat!(
            "  cp rates/market-2026.ron old.ron\n",
            "  teamcost rates set rates/market-2026.ron --role ai-engineer \\\n",
            "      --level senior --location germany --annual 90000,100000,115000 \\\n",
            "      --source stepstone-2025\n",
        )
    };
}

pub const RATES_DIFF: &str = concat!(
    "Examples:\n",
    old_and_new!(),
    "  teamcost rates diff old.ron market-2026\n",
    "\n",
    exits!(plain),
);

pub const RATES_IMPACT: &str = concat!(
    "Examples:\n",
    old_and_new!(),
    "  teamcost rates impact --from old.ron --to market-2026 scenarios/*.ron\n",
    "\n",
    exits!(plain),
);

pub const RATES_SET: &str = concat!(
    "Examples:\n",
    "  teamcost rates new acme\n",
    "  teamcost rates set rates/acme.ron --role ai-engineer --level senior \\\n",
    "      --location us --annual 200000,221000,235000 --source aijobs-net-2025\n",
    "  teamcost rates set rates/acme.ron --role ai-developer --level mid \\\n",
    "      --location poland --hourly 150,190,240 --source soda-2024\n",
    "\n",
    exits!(plain),
);

pub const RATES_IMPORT: &str = concat!(
    "Examples:\n",
    "  echo role,level,location,engagement,low,typical,high,currency,source > u.csv\n",
    "  echo ai-engineer,senior,germany,in-house,90000,100000,115000,, >> u.csv\n",
    "  teamcost rates import u.csv --into rates/market-2026.ron \\\n",
    "      --source stepstone-2025\n",
    "\n",
    exits!(plain),
);

pub const RATES_AUDIT: &str = concat!(
    "Examples:\n",
    "  teamcost rates audit\n",
    "  teamcost rates audit rates/market-2026.ron --strict\n",
    "  teamcost rates audit --max-source-age-months 12 --format json\n",
    "\n",
    exits!(audit),
);

pub const RATES_NEW: &str = concat!(
    "Examples:\n",
    "  teamcost rates new acme --from market-2026\n",
    "  teamcost rates new acme-eu --from market-2026 -o - > acme-eu.ron\n",
    "\n",
    exits!(plain),
);

pub const COMPLETIONS: &str = concat!(
    "Examples:\n",
    "  mkdir -p ~/.local/share/bash-completion/completions\n",
    "  teamcost completions bash \\\n",
    "      > ~/.local/share/bash-completion/completions/teamcost\n",
    "  teamcost completions zsh > _teamcost   # then put it in a directory of $fpath\n",
    "\n",
    exits!(setup),
);

pub const MAN: &str = concat!(
    "Examples:\n",
    "  teamcost man > teamcost.1\n",
    "  teamcost man --out ~/.local/share/man/man1   # then: man teamcost-estimate\n",
    "\n",
    exits!(setup),
);

/// `--budget` of `chart` and `report`, which draw it and do not gate.
pub const DRAWN_BUDGET: &str = "Draw this amount (reporting currency) as a budget line on the range \
                                chart; it does not change the exit status (the gate, status 3, is \
                                estimate's and compare's)";

/// `--at` of `chart` and `report`: it marks bars, it does not gate.
pub const DRAWN_AT: &str = "Which figure a range bar is held against to mark it over the budget \
                            line (hatched); the exit status stays 0";

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::super::Cli;

    /// Every command and subcommand under `teamcost`, with its path
    /// ("rates set"), clap's own `help` subcommand aside.
    fn commands() -> Vec<(String, clap::Command)> {
        fn walk(cmd: &clap::Command, path: &str, out: &mut Vec<(String, clap::Command)>) {
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                let path = format!("{path} {}", sub.get_name()).trim().to_string();
                out.push((path.clone(), sub.clone()));
                walk(sub, &path, out);
            }
        }
        let mut cmd = Cli::command();
        cmd.build();
        let mut out = vec![(String::new(), cmd.clone())];
        walk(&cmd, "", &mut out);
        out
    }

    #[test]
    fn the_flags_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_argument_of_every_command_has_help() {
        let mut missing = Vec::new();
        for (path, cmd) in commands() {
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                if arg.get_help().is_none() && arg.get_long_help().is_none() {
                    missing.push(format!("teamcost {path}: {id}"));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "arguments without help:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn every_command_has_examples_of_itself_and_its_exit_statuses() {
        for (path, cmd) in commands() {
            let after = cmd.get_after_help().map(|h| h.to_string()).unwrap_or_default();
            let (_, examples) = after
                .split_once("Examples:\n")
                .unwrap_or_else(|| panic!("`teamcost {path}` has no Examples: in its help"));
            let own = format!("  teamcost {path}").trim_end().to_string();
            assert!(
                examples.lines().any(|l| l.starts_with(&own)),
                "no example of `teamcost {path}` starts with `{own}`"
            );
            assert!(
                after.contains("Exit status"),
                "`teamcost {path}` says no exit status"
            );
            for line in after.lines() {
                assert!(
                    line.chars().count() <= 80,
                    "over 80 columns in `teamcost {path}`: {line}"
                );
            }
        }
    }

    /// Status 3 is the budget gate of estimate and compare; chart and
    /// report draw the budget and must not claim it.
    #[test]
    fn only_the_gating_commands_claim_status_3() {
        for (path, cmd) in commands() {
            let after = cmd.get_after_help().map(|h| h.to_string()).unwrap_or_default();
            let claims = after.lines().any(|l| l.starts_with("  3  "));
            let budget = cmd
                .get_arguments()
                .find(|a| a.get_id() == "budget")
                .and_then(|a| a.get_help())
                .map(|h| h.to_string())
                .unwrap_or_default();
            match path.as_str() {
                "" => assert!(claims, "the top-level help lists status 3"),
                "estimate" | "compare" => {
                    assert!(claims, "`{path}` gates: its help lists status 3");
                    assert!(budget.contains("status 3"), "`{path} --budget`: {budget}");
                }
                _ => {
                    assert!(!claims, "`{path}` never exits 3 but its help says so");
                    assert!(
                        !budget.starts_with("Exit with status 3"),
                        "`{path} --budget`: {budget}"
                    );
                }
            }
        }
    }
}
