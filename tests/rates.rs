//! `teamcost rates`: editing keeps every other byte, failures write nothing,
//! and diff and impact give figures worked by hand.

use serde_json::Value;

use crate::support::{ENGINEER, Workdir, hand_table, repo};

#[test]
fn set_changes_only_that_entry_and_keeps_comments() {
    let dir = Workdir::new(&[("rates/hand.ron", &hand_table())]);
    let before = hand_table();
    let run = dir.run(&[
        "rates",
        "set",
        "rates/hand.ron",
        "--role",
        "ai-engineer",
        "--level",
        "senior",
        "--location",
        "us",
        "--annual",
        "110000,125000,150000",
        "--source",
        "s",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "changed  salary ai-engineer Senior us: (low: 108000, typical: 120000, high: 144000) -> (low: 110000, typical: 125000, high: 150000)\n0 added, 1 changed, 0 unchanged\n"
    );
    let after = std::fs::read_to_string(dir.path().join("rates/hand.ron")).expect("file");
    let expected = before.replace(
        "annual: (low: 108000, typical: 120000, high: 144000)",
        "annual: (low: 110000, typical: 125000, high: 150000)",
    );
    assert_eq!(
        after, expected,
        "every other byte, comments included, is unchanged"
    );
    assert!(after.starts_with("// The worked-example rate table"));

    // a new entry goes after the last one of its list
    let add = dir.run(&[
        "rates",
        "set",
        "rates/hand.ron",
        "--role",
        "ai-developer",
        "--level",
        "mid",
        "--location",
        "us",
        "--annual",
        "90000",
        "--source",
        "s",
    ]);
    assert_eq!(add.status, 0, "{}", add.stderr);
    let added = std::fs::read_to_string(dir.path().join("rates/hand.ron")).expect("file");
    assert!(added.contains(
        "source: \"s\"),\n        (role: \"ai-developer\", level: Mid, location: \"us\", annual: 90000, source: \"s\")"
    ), "{added}");
    assert_eq!(dir.run(&["check", "rates/hand.ron"]).status, 0);
}

#[test]
fn a_bad_set_leaves_the_file_as_it_was() {
    let dir = Workdir::new(&[("rates/hand.ron", &hand_table())]);
    // an unknown source fails the check of the whole result
    let run = dir.run(&[
        "rates",
        "set",
        "rates/hand.ron",
        "--role",
        "ai-engineer",
        "--level",
        "lead",
        "--location",
        "us",
        "--annual",
        "200000",
        "--source",
        "nope",
    ]);
    assert_eq!(run.status, 2);
    assert!(run.stderr.contains("unknown source `nope`"), "{}", run.stderr);
    let out_of_order = dir.run(&[
        "rates",
        "set",
        "rates/hand.ron",
        "--role",
        "ai-engineer",
        "--level",
        "senior",
        "--location",
        "us",
        "--annual",
        "3,2,1",
    ]);
    assert_eq!(out_of_order.status, 2);
    assert!(
        out_of_order
            .stderr
            .starts_with("error: --annual: `3,2,1` is not an amount"),
        "{}",
        out_of_order.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("rates/hand.ron")).expect("file"),
        hand_table()
    );
    let names: Vec<_> = std::fs::read_dir(dir.path().join("rates"))
        .expect("dir")
        .map(|e| e.expect("e").file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
}

#[test]
fn the_shipped_table_can_be_updated_and_still_passes_check() {
    let shipped = std::fs::read_to_string(repo().join("rates/market-2026.ron")).expect("shipped");
    let dir = Workdir::new(&[("rates/market-2026.ron", &shipped)]);
    let run = dir.run(&[
        "rates",
        "set",
        "rates/market-2026.ron",
        "--role",
        "prompt-engineer",
        "--level",
        "junior",
        "--location",
        "brazil",
        "--hourly",
        "30,35,42",
        "--source",
        "latam-vendor-2026",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let check = dir.run(&["check", "rates/market-2026.ron"]);
    assert_eq!(check.status, 0, "{}", check.stderr);
    let after = std::fs::read_to_string(dir.path().join("rates/market-2026.ron")).expect("file");
    assert_eq!(after.lines().count(), shipped.lines().count());
    assert_eq!(
        after.lines().filter(|l| l.trim_start().starts_with("//")).count(),
        shipped
            .lines()
            .filter(|l| l.trim_start().starts_with("//"))
            .count()
    );
}

const CSV_GOOD: &str = "role,level,location,engagement,low,typical,high,currency,source
ai-engineer,Senior,us,in-house,110000,125000,150000,,s
ai-developer,Mid,us,agency,,105,,,s
ai-engineer,Senior,us,agency,140,150,170,USD,s
";

#[test]
fn import_updates_all_rows_and_keeps_comments() {
    let dir = Workdir::new(&[("rates/hand.ron", &hand_table()), ("quotes.csv", CSV_GOOD)]);
    let run = dir.run(&["rates", "import", "quotes.csv", "--into", "rates/hand.ron"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "changed  salary ai-engineer Senior us: (low: 108000, typical: 120000, high: 144000) -> (low: 110000, typical: 125000, high: 150000)\n\
         changed  agency rate ai-developer Mid us: (low: 80, typical: 100, high: 125) -> 105\n\
         added    agency rate ai-engineer Senior us: (low: 140, typical: 150, high: 170)\n\
         1 added, 2 changed, 0 unchanged\n"
    );
    let after = std::fs::read_to_string(dir.path().join("rates/hand.ron")).expect("file");
    assert!(after.starts_with("// The worked-example rate table"));
    assert_eq!(dir.run(&["check", "rates/hand.ron"]).status, 0);
}

#[test]
fn a_bad_csv_writes_nothing_and_names_every_bad_cell() {
    // before, these were reported at the row's line with no column, and the
    // currency at a line of the rate file as it would have been
    let bad = "role,level,location,engagement,low,typical,high,currency,source
ai-engineer,Senior,us,in-house,110000,125000,150000,,s
ai-engineer,Senoir,us,in-house,1,2,3,,s
ai-developer,Mid,us,contract,1,2,3,,s
ai-developer,Mid,us,agency,9,5,7,,s
ai-developer,Mid,us,agency,5
ai-developer,Lead,us,agency,1,2x,3,,s
ai-developer,Lead,us,agency,1,2,3,GBP,s
ai-developer,Junior,us,agency,1,2,3,,
";
    let dir = Workdir::new(&[("rates/hand.ron", &hand_table()), ("bad.csv", bad)]);
    let run = dir.run(&["rates", "import", "bad.csv", "--into", "rates/hand.ron"]);
    assert_eq!(run.status, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        r#"error: bad.csv:3:13: column 2 (level): `Senoir` is not a level
  |
3 | ai-engineer,Senoir,us,in-house,1,2,3,,s
  |             ^^^^^^
  = expected: Junior, Mid, Senior or Lead
  = help: did you mean `Senior`?

bad.csv:4:21: column 4 (engagement): `contract` is not an engagement
  |
4 | ai-developer,Mid,us,contract,1,2,3,,s
  |                     ^^^^^^^^
  = expected: in-house (an annual salary) or agency (an hourly rate)
  = help: write in-house or agency

bad.csv:5:28: columns 5-7 (low, typical, high): low 9, typical 5, high 7 are out of order
  |
5 | ai-developer,Mid,us,agency,9,5,7,,s
  |                            ^^^^^
  = expected: low <= typical <= high
  = help: swap the figures that are in the wrong column

bad.csv:6:1: the row has 5 columns, the header 9
  |
6 | ai-developer,Mid,us,agency,5
  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = expected: one cell per column: role,level,location,engagement,low,typical,high,currency,source
  = help: leave a cell empty (`,,`) rather than out; a cell holding a comma is quoted

bad.csv:7:31: column 6 (typical): `2x` is not a positive number
  |
7 | ai-developer,Lead,us,agency,1,2x,3,,s
  |                               ^^
  = expected: digits with an optional decimal point, e.g. 185000 or 72.5
  = help: write the figure without thousands separators or a currency sign

bad.csv:8:35: column 8 (currency): currency GBP has no exchange rate in layers market-2026 + hand
  |
8 | ai-developer,Lead,us,agency,1,2,3,GBP,s
  |                                   ^^^
  = expected: one of USD, EUR
  = help: add "GBP": <USD per GBP> to fx.rates in rates/hand.ron

bad.csv:9:38: column 9 (source): rates/hand.ron has no agency rate of ai-developer Junior us yet: a new entry needs its source
  |
9 | ai-developer,Junior,us,agency,1,2,3,,
  |                                      ^
  = expected: the id of a source: one of s (in rates/hand.ron), or of the layers below
  = help: fill in the source column, or pass --source ID for the rows that have none; `teamcost rates show rates/hand.ron --sources` lists the sources in use, and a new one goes into `sources` first
"#
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("rates/hand.ron")).expect("file"),
        hand_table(),
        "nothing written"
    );
}

#[test]
fn a_changed_or_new_figure_needs_its_source_an_unchanged_one_does_not() {
    let dir = Workdir::new(&[("rates/hand.ron", &hand_table())]);
    let set = |annual: &str, source: Option<&str>| {
        let mut args = vec![
            "rates",
            "set",
            "rates/hand.ron",
            "--role",
            "ai-engineer",
            "--level",
            "Senior",
            "--location",
            "us",
            "--annual",
            annual,
        ];
        args.extend(source.iter().flat_map(|s| ["--source", *s]));
        dir.run(&args)
    };
    // before: the entry kept its source `s`, now said of a figure s never gave
    let changed = set("110000,125000,150000", None);
    assert_eq!(changed.status, 2);
    assert_eq!(changed.stdout, "");
    assert_eq!(
        changed.stderr,
        "error: --source: the salary of ai-engineer Senior us changes from (low: 108000, typical: 120000, high: 144000) to (low: 110000, typical: 125000, high: 150000): the new figure needs its source
  = expected: the id of a source: one of s (in rates/hand.ron), or of the layers below
  = help: pass --source ID; give `s` again if the new figure comes from the entry's source; `teamcost rates show rates/hand.ron --sources` lists the sources in use, and a new one goes into `sources` first
"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("rates/hand.ron")).expect("file"),
        hand_table()
    );
    let same = set("108000,120000,144000", None);
    assert_eq!(same.status, 0, "{}", same.stderr);
    assert_eq!(
        same.stdout,
        "same     salary ai-engineer Senior us: (low: 108000, typical: 120000, high: 144000)\n0 added, 0 changed, 1 unchanged\n"
    );
    let unknown = set("125000", Some("s2"));
    assert_eq!(unknown.status, 2);
    assert!(
        unknown
            .stderr
            .starts_with("error: --source: unknown source `s2`\n"),
        "{}",
        unknown.stderr
    );
    assert!(
        unknown.stderr.contains("help: did you mean `s`?"),
        "{}",
        unknown.stderr
    );

    // import: the source column, else --source, for the rows whose figure
    // is new or changes; an unchanged row keeps its entry's source
    let csv = "role,level,location,engagement,low,typical,high,currency,source
ai-engineer,Senior,us,in-house,108000,120000,144000,,
ai-developer,Mid,us,agency,,105,,,
ai-engineer,Senior,us,agency,140,150,170,USD,s
";
    std::fs::write(dir.path().join("q.csv"), csv).expect("csv");
    let refused = dir.run(&["rates", "import", "q.csv", "--into", "rates/hand.ron"]);
    assert_eq!(refused.status, 2);
    assert!(
        refused.stderr.starts_with(
            "error: q.csv:3:35: column 9 (source): the agency rate of ai-developer Mid us changes from (low: 80, typical: 100, high: 125) to 105: the new figure needs its source\n"
        ),
        "{}",
        refused.stderr
    );
    assert_eq!(refused.stderr.matches("error").count(), 1, "{}", refused.stderr);
    // an unknown --source is the flag's problem, said once for all its rows
    let flag = dir.run(&[
        "rates",
        "import",
        "q.csv",
        "--into",
        "rates/hand.ron",
        "--source",
        "nope",
    ]);
    assert_eq!(flag.status, 2);
    assert!(
        flag.stderr
            .starts_with("error: --source: unknown source `nope`\n"),
        "{}",
        flag.stderr
    );
    assert_eq!(
        flag.stderr.matches("unknown source").count(),
        1,
        "{}",
        flag.stderr
    );
    let hand = hand_table().replace(
        "sources: { \"s\": (title: \"worked example\", published: \"2026\") },",
        "sources: { \"s\": (title: \"worked example\", published: \"2026\"), \"q\": (title: \"a quote\", published: \"2026\") },",
    );
    std::fs::write(dir.path().join("rates/hand.ron"), &hand).expect("hand");
    let run = dir.run(&[
        "rates",
        "import",
        "q.csv",
        "--into",
        "rates/hand.ron",
        "--source",
        "q",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let after = std::fs::read_to_string(dir.path().join("rates/hand.ron")).expect("file");
    assert!(
        after.contains("annual: (low: 108000, typical: 120000, high: 144000), source: \"s\""),
        "{after}"
    );
    assert!(after.contains("hourly: 105, source: \"q\""), "{after}");
    assert!(
        after.contains("hourly: (low: 140, typical: 150, high: 170), currency: \"USD\", source: \"s\""),
        "{after}"
    );
}

#[test]
fn diff_and_impact_worked_by_hand() {
    let newer = hand_table()
        .replace(
            "annual: (low: 108000, typical: 120000, high: 144000)",
            "annual: (low: 108000, typical: 132000, high: 144000)",
        )
        .replace("\"EUR\": 1.25", "\"EUR\": 1.20");
    let dir = Workdir::new(&[
        ("rates/hand.ron", &hand_table()),
        ("new/hand.ron", &newer),
        ("e.ron", &ENGINEER.replace(r#"["hand", "quote"]"#, r#"["hand"]"#)),
    ]);
    let diff = dir.run(&[
        "rates",
        "diff",
        "rates/hand.ron",
        "new/hand.ron",
        "--format",
        "json",
    ]);
    assert_eq!(diff.status, 0, "{}", diff.stderr);
    let v: Value = serde_json::from_str(&diff.stdout).expect("JSON");
    let d = v["differences"].as_array().expect("list");
    assert_eq!(d.len(), 2);
    // salary typical 120000 -> 132000: +12000, +10%
    assert_eq!(d[0]["key"], "ai-engineer Senior us");
    assert_eq!(
        (d[0]["absolute"].as_str(), d[0]["percent"].as_str()),
        (Some("12000"), Some("10.00"))
    );
    // fx EUR 1.25 -> 1.20: -0.05, -4%
    assert_eq!(
        (
            d[1]["section"].as_str(),
            d[1]["absolute"].as_str(),
            d[1]["percent"].as_str()
        ),
        (Some("fx"), Some("-0.05"), Some("-4.00"))
    );

    let impact = dir.run(&[
        "rates",
        "impact",
        "--from",
        "rates/hand.ron",
        "--to",
        "new/hand.ron",
        "e.ron",
        "--trials",
        "0",
        "--format",
        "json",
    ]);
    assert_eq!(impact.status, 0, "{}", impact.stderr);
    let v: Value = serde_json::from_str(&impact.stdout).expect("JSON");
    let row = &v["scenarios"][0];
    // old likely 149400 (src/engine/tests.rs); new: S = 132000:
    //   (11000 x 1.3 + 600 + 1100) x 9 + 132000 x 0.15 = 16000 x 9 + 19800 = 163800
    assert_eq!(row["old"]["likely"], "149400.00");
    assert_eq!(row["new"]["likely"], "163800.00");
    assert_eq!(row["change_likely"], "14400.00");
    // 14400 / 149400 = 9.638...%
    assert_eq!(row["percent_likely"], "9.64");
}

/// An overlay (another name) goes on top of the table it is compared with,
/// rather than replacing it; a plugin in ./rates named again by its file
/// does not shadow itself.
#[test]
fn impact_of_an_overlay_layers_it_on_the_old_table() {
    let lift = r#"RateTable(
    name: "lift",
    salaries: [
        (role: "ai-engineer", level: Senior, location: "us", annual: (low: 108000, typical: 132000, high: 144000), source: "s"),
    ],
)
"#;
    let dir = Workdir::new(&[
        ("rates/hand.ron", &hand_table()),
        ("rates/lift.ron", lift),
        ("e.ron", &ENGINEER.replace(r#"["hand", "quote"]"#, r#"["hand"]"#)),
    ]);
    for to in ["lift", "rates/lift.ron"] {
        let impact = dir.run(&[
            "rates", "impact", "--from", "hand", "--to", to, "e.ron", "--trials", "0", "--format", "json",
        ]);
        assert_eq!(impact.status, 0, "{}", impact.stderr);
        let v: Value = serde_json::from_str(&impact.stdout).expect("JSON");
        let row = &v["scenarios"][0];
        // as in diff_and_impact_worked_by_hand: S = 132000 from the overlay,
        // every other figure from hand below it: 16000 x 9 + 19800 = 163800
        assert_eq!(row["old"]["likely"], "149400.00");
        assert_eq!(row["new"]["likely"], "163800.00");
    }
}

#[test]
fn list_shows_shadowing_and_new_scaffolds_a_valid_overlay() {
    let shadow = hand_table().replace("name: \"hand\"", "name: \"market-2026\"");
    let dir = Workdir::new(&[("rates/shadow.ron", &shadow)]);
    let list = dir.run(&["rates", "list", "--format", "csv"]);
    assert_eq!(list.status, 0, "{}", list.stderr);
    assert!(
        list.stdout
            .contains("market-2026,rates/shadow.ron,2026-01-01,2,1,1,1,in force\n"),
        "{}",
        list.stdout
    );
    assert!(
        list.stdout.contains(
            "market-2026,<embedded>/market-2026.ron,2026-04-01,5,6,120,120,shadowed by rates/shadow.ron\n"
        ),
        "{}",
        list.stdout
    );

    let fresh = Workdir::new(&[]);
    let new = fresh.run(&["rates", "new", "acme", "--from", "market-2026"]);
    assert_eq!(new.status, 0, "{}", new.stderr);
    assert_eq!(new.stdout, "wrote rates/acme.ron\n");
    let text = std::fs::read_to_string(fresh.path().join("rates/acme.ron")).expect("scaffold");
    assert!(text.contains("rates: [\"market-2026\", \"acme\"]"));
    assert_eq!(fresh.run(&["check", "rates/acme.ron"]).status, 0);
    assert_eq!(
        fresh.run(&["rates", "new", "acme"]).status,
        2,
        "never over an existing file"
    );
}

#[test]
fn set_and_import_refuse_a_currency_the_exchange_rates_cannot_convert() {
    let dir = Workdir::new(&[("rates/hand.ron", &hand_table())]);
    let run = dir.run(&[
        "rates",
        "set",
        "rates/hand.ron",
        "--role",
        "ai-engineer",
        "--level",
        "lead",
        "--location",
        "us",
        "--annual",
        "200000",
        "--source",
        "s",
        "--currency",
        "XYZ",
    ]);
    assert_eq!(run.status, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        // before, at line 35 of the file as it would have been
        r#"error: --currency: currency XYZ has no exchange rate in layers market-2026 + hand
  = expected: one of USD, EUR
  = help: add "XYZ": <USD per XYZ> to fx.rates in rates/hand.ron
"#
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("rates/hand.ron")).expect("file"),
        hand_table(),
        "nothing written"
    );

    let csv = "role,level,location,engagement,low,typical,high,currency,source\n\
               ai-developer,Mid,us,agency,,105,,GBP,s\n";
    std::fs::write(dir.path().join("q.csv"), csv).expect("csv");
    let run = dir.run(&["rates", "import", "q.csv", "--into", "rates/hand.ron"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.starts_with(
            "error: q.csv:2:34: column 8 (currency): currency GBP has no exchange rate in layers market-2026 + hand\n"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("rates/hand.ron")).expect("file"),
        hand_table(),
        "nothing written"
    );
}

#[test]
fn check_reports_a_price_in_a_currency_with_no_exchange_rate() {
    // the hand table's fx (USD, EUR) replaces the shipped one whole
    let overlay = hand_table().replace(
        "annual: (low: 108000, typical: 120000, high: 144000), source",
        "annual: (low: 108000, typical: 120000, high: 144000), currency: \"CHF\", source",
    );
    let dir = Workdir::new(&[("rates/hand.ron", &overlay)]);
    let run = dir.run(&["check", "rates/hand.ron"]);
    assert_eq!(run.status, 2);
    assert_eq!(run.stdout, "FAIL  rates/hand.ron: 1 problem(s)\n");
    assert_eq!(
        run.stderr,
        r#"error: rates/hand.ron:34:74: currency CHF has no exchange rate in layers market-2026 + hand
   |
34 |          annual: (low: 108000, typical: 120000, high: 144000), currency: "CHF", source: "s"),
   |                                                                          ^^^^^
   = expected: one of USD, EUR
   = help: add "CHF": <USD per CHF> to fx.rates in rates/hand.ron
"#
    );
}

/// The acme overlay's file, as `rates new` writes it and the editor keeps it.
fn comments(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.trim_start().starts_with("//"))
        .collect()
}

#[test]
fn new_then_set_then_import_gives_a_plugin_check_and_estimate_accept() {
    let dir = Workdir::new(&[(
        "e.ron",
        &ENGINEER.replace(r#"["hand", "quote"]"#, r#"["market-2026", "acme"]"#),
    )]);
    let new = dir.run(&["rates", "new", "acme", "--output", "team/acme.ron"]);
    assert_eq!(new.status, 0, "{}", new.stderr);
    let scaffold = std::fs::read_to_string(dir.path().join("team/acme.ron")).expect("scaffold");
    let set = |args: &[&str]| {
        let mut all = vec!["rates", "set", "team/acme.ron"];
        all.extend(args);
        dir.run(&all)
    };
    // the scaffold's lists are empty (commented examples only): the first
    // entry goes inside them, not into a second list
    let agency = set(&[
        "--role",
        "ai-developer",
        "--level",
        "mid",
        "--location",
        "poland",
        "--hourly",
        "50,58,66",
        "--source",
        "my-source",
    ]);
    assert_eq!(agency.status, 0, "{}", agency.stderr);
    assert_eq!(
        agency.stdout,
        "added    agency rate ai-developer Mid poland: (low: 50, typical: 58, high: 66)\n1 added, 0 changed, 0 unchanged\n"
    );
    let salary = set(&[
        "--role",
        "ai-engineer",
        "--level",
        "Senior",
        "--location",
        "us",
        "--annual",
        "150000,180000,230000",
        "--source",
        "my-source",
    ]);
    assert_eq!(salary.status, 0, "{}", salary.stderr);
    std::fs::write(
        dir.path().join("q.csv"),
        "role,level,location,engagement,low,typical,high,currency,source\n\
         ai-engineer,Senior,us,in-house,150000,185000,240000,,my-source\n\
         ai-engineer,Senior,us,agency,140,150,170,USD,my-source\n",
    )
    .expect("csv");
    let import = dir.run(&["rates", "import", "q.csv", "--into", "team/acme.ron"]);
    assert_eq!(import.status, 0, "{}", import.stderr);
    assert_eq!(
        import.stdout,
        "changed  salary ai-engineer Senior us: (low: 150000, typical: 180000, high: 230000) -> (low: 150000, typical: 185000, high: 240000)\n\
         added    agency rate ai-engineer Senior us: (low: 140, typical: 150, high: 170)\n\
         1 added, 1 changed, 0 unchanged\n"
    );
    let after = std::fs::read_to_string(dir.path().join("team/acme.ron")).expect("file");
    assert_eq!(comments(&after), comments(&scaffold), "every comment kept");
    assert_eq!(after.matches("salaries:").count(), 1, "{after}");
    assert_eq!(after.matches("agency_rates:").count(), 1, "{after}");
    assert!(after.contains(
        "    salaries: [\n//  (role: \"ai-engineer\", level: Senior, location: \"us\", annual: (low: 150000, typical: 185000, high: 240000), source: \"my-survey-2026\"),\n        (role: \"ai-engineer\", level: Senior, location: \"us\", annual: (low: 150000, typical: 185000, high: 240000), source: \"my-source\"),\n    ],\n"
    ), "{after}");
    let check = dir.run(&["check", "team/acme.ron"]);
    assert_eq!(check.status, 0, "{}", check.stderr);

    let estimate = dir.run(&[
        "estimate", "e.ron", "--rates", "team", "--trials", "0", "--format", "json",
    ]);
    assert_eq!(estimate.status, 0, "{}", estimate.stderr);
    let v: Value = serde_json::from_str(&estimate.stdout).expect("JSON");
    let seat = &v["team"]["seats"][0];
    // the seat starts after 7 weeks (market-2026, us) and is paid the rest
    // of the 12 months at acme's typical 185000 a year:
    //   185000 / 12 x (12 - 7 x 12 / 52) = 15416.667 x 10.384615 = 160096.15
    assert_eq!(seat["start_weeks"], "7");
    assert_eq!(seat["components"]["salary"], "160096.15");
}

#[test]
fn value_flags_take_the_file_spelling_as_well_as_the_kebab_one() {
    let dir = Workdir::new(&[]);
    let pairs: [(&[&str], &[&str]); 3] = [
        (
            &[
                "recommend",
                "--stage",
                "Pilot",
                "--product",
                "FraudDetection",
                "--engagement",
                "InHouse",
                "--requires",
                "SensitiveData,RealTime",
                "--location",
                "us",
                "--duration",
                "6",
                "--effort-pm",
                "10",
                "--format",
                "Json",
            ],
            &[
                "recommend",
                "--stage",
                "pilot",
                "--product",
                "fraud-detection",
                "--engagement",
                "in-house",
                "--requires",
                "sensitive-data,real-time",
                "--location",
                "us",
                "--duration",
                "6",
                "--effort-pm",
                "10",
                "--format",
                "json",
            ],
        ),
        (
            &[
                "rates",
                "show",
                "market-2026",
                "--level",
                "Senior",
                "--location",
                "us",
                "--format",
                "Csv",
            ],
            &[
                "rates",
                "show",
                "market-2026",
                "--level",
                "senior",
                "--location",
                "us",
                "--format",
                "csv",
            ],
        ),
        (
            &[
                "recommend",
                "--phases",
                "Prototype:3,Pilot:6",
                "--effort-pm",
                "6,20",
                "--location",
                "us",
            ],
            &[
                "recommend",
                "--phases",
                "prototype:3,pilot:6",
                "--effort-pm",
                "6,20",
                "--location",
                "us",
            ],
        ),
    ];
    for (file_spelling, kebab) in pairs {
        let (a, b) = (dir.run(file_spelling), dir.run(kebab));
        assert_eq!(a.status, 0, "{file_spelling:?}: {}", a.stderr);
        assert_eq!(a.stdout, b.stdout, "{file_spelling:?}");
    }
    // the help and the error still show the kebab form only
    let help = dir.run(&["recommend", "--help"]);
    assert!(
        help.stdout
            .contains("[possible values: in-house, agency, hybrid]"),
        "{}",
        help.stdout
    );
    let bad = dir.run(&["rates", "show", "market-2026", "--level", "Senoir"]);
    assert_eq!(bad.status, 2);
    assert!(
        bad.stderr
            .contains("[possible values: junior, mid, senior, lead]"),
        "{}",
        bad.stderr
    );
}

const ACME: &str = r#"RateTable(
    name: "acme",
    sources: { "my-source": (title: "Our offer letters", published: "2026-01-01") },
    salaries: [
        (role: "ai-engineer", level: Senior, location: "us", annual: (low: 150000, typical: 185000, high: 240000), source: "my-source"),
    ],
    agency_rates: [
        (role: "ai-developer", level: Mid, location: "us", hourly: 156, source: "sia-2022"),
    ],
)
"#;

#[test]
fn diff_of_an_overlay_shows_what_it_changes_in_a_narrow_table() {
    let dir = Workdir::new(&[("acme.ron", ACME)]);
    // before: ~430 columns, and every one of the 300-odd entries of
    // market-2026 the overlay leaves out listed as "removed"
    let run = dir.run(&["rates", "diff", "market-2026", "acme.ron"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    // 220800 -> 185000: -35800 / 220800 = -16.21%; the agency rate keeps
    // the market's typical 156 and source, without the range: 0%
    assert_eq!(
        run.stdout,
        "What acme.ron changes over market-2026
┌─────────────────────────────────────┬─────────────────────────────┬────────────────────────────────┬─────────┐
│ key                                 ┆ before                      ┆ after                          ┆ change  │
╞═════════════════════════════════════╪═════════════════════════════╪════════════════════════════════╪═════════╡
│ salary ai-engineer Senior us        ┆ 198,400 / 220,800 / 234,900 ┆ 150,000 / 185,000 / 240,000    ┆ -16.2%  │
│ salary ai-engineer Senior us source ┆ ai-premium-2026             ┆ my-source                      ┆ changed │
│ agency rate ai-developer Mid us     ┆ 139 / 156 / 171             ┆ 156                            ┆ 0%      │
│ source my-source                    ┆                             ┆ Our offer letters (2026-01-01) ┆ added   │
└─────────────────────────────────────┴─────────────────────────────┴────────────────────────────────┴─────────┘
Figures: low / typical / high; change: of the typical figure.
acme.ron is read as an overlay on market-2026: the 329 entries of market-2026 it does not override still hold and are left out (--all lists them).
"
    );
    let narrow = dir.run(&["rates", "diff", "market-2026", "acme.ron", "--width", "80"]);
    assert!(
        narrow.stdout.lines().all(|l| l.chars().count() <= 80),
        "{}",
        narrow.stdout
    );

    let all = dir.run(&[
        "rates",
        "diff",
        "market-2026",
        "acme.ron",
        "--all",
        "--format",
        "json",
    ]);
    assert_eq!(all.status, 0, "{}", all.stderr);
    let v: Value = serde_json::from_str(&all.stdout).expect("JSON");
    assert_eq!(v["reading"], "overlay");
    let d = v["differences"].as_array().expect("list");
    let kept = d.iter().filter(|d| d["change"] == "kept").count();
    assert_eq!(d.len() - kept, 4);
    assert!(kept > 300, "{kept}");
    assert!(
        d.iter().all(|d| d["change"] != "removed"),
        "nothing an overlay leaves out is removed"
    );

    // an overlay's fx block wins whole: the rates it leaves out are removed
    let with_fx = ACME.replace(
        "\n)\n",
        "\n    fx: (base: \"USD\", rates: { \"EUR\": 1.2 }),\n)\n",
    );
    std::fs::write(dir.path().join("acme.ron"), with_fx).expect("write");
    let fx = dir.run(&["rates", "diff", "market-2026", "acme.ron", "--format", "csv"]);
    assert_eq!(fx.status, 0, "{}", fx.stderr);
    assert!(
        fx.stdout.contains("\nfx,GBP,removed,1.3397,,,\n"),
        "{}",
        fx.stdout
    );
    assert!(
        fx.stdout.contains("\nfx,EUR,changed,1.1608,1.2,0.0392,3.38\n"),
        "{}",
        fx.stdout
    );
}
