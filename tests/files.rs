//! Writing files safely: concurrent edits all survive, symlinks, modes,
//! owners and hard links are respected, a non-regular file is never
//! replaced, and a multi-file output is all or nothing.

use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::Path;

use crate::support::{ENGINEER, QUOTE, Workdir, hand_table};

/// `rates set` on `file` for the Senior AI engineer in the US.
fn set_senior(dir: &Workdir, file: &str, annual: &str) -> crate::support::Run {
    dir.run(&[
        "rates",
        "set",
        file,
        "--role",
        "ai-engineer",
        "--level",
        "senior",
        "--location",
        "us",
        "--annual",
        annual,
        "--source",
        "s",
    ])
}

const CHANGED: &str = "changed  salary ai-engineer Senior us: (low: 108000, typical: 120000, high: 144000) -> 130000\n0 added, 1 changed, 0 unchanged\n";

/// The file names in a directory, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn twenty_concurrent_sets_on_one_file_all_survive() {
    let dir = Workdir::new(&[("rates/hand.ron", &hand_table())]);
    // 5 roles (two of the hand table, three of the shipped table below it)
    // x 4 levels: 20 different salaries, one of them an existing entry
    let mut keys = Vec::new();
    for role in [
        "ai-engineer",
        "ai-developer",
        "mlops-engineer",
        "data-engineer",
        "prompt-engineer",
    ] {
        for level in ["junior", "mid", "senior", "lead"] {
            keys.push((role, level, format!("{}", 100_001 + keys.len())));
        }
    }
    let binary = assert_cmd::cargo::cargo_bin("teamcost");
    let children: Vec<_> = keys
        .iter()
        .map(|(role, level, annual)| {
            std::process::Command::new(&binary)
                .current_dir(dir.path())
                .args(["rates", "set", "rates/hand.ron", "--role", role, "--level", level])
                .args(["--location", "us", "--annual", annual, "--source", "s"])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawn teamcost")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let after = std::fs::read_to_string(dir.path().join("rates/hand.ron")).expect("file");
    for (role, level, annual) in &keys {
        assert!(
            after.contains(&format!("annual: {annual}")),
            "{role} {level} {annual} lost:\n{after}"
        );
    }
    let check = dir.run(&["check", "rates/hand.ron"]);
    assert_eq!(
        check.stdout,
        "ok    rates/hand.ron: rate plugin `hand`, 2 roles, 1 locations, 20 salaries, 1 agency rates, 1 sources\n",
        "{}",
        check.stderr
    );
    assert_eq!(
        names(&dir.path().join("rates")),
        ["hand.ron"],
        "no temporary or lock file"
    );
}

#[test]
fn set_through_a_symlink_writes_its_target_and_keeps_the_link() {
    let dir = Workdir::new(&[("shared/hand.ron", &hand_table())]);
    std::fs::create_dir(dir.path().join("rates")).expect("rates/");
    std::os::unix::fs::symlink("../shared/hand.ron", dir.path().join("rates/hand.ron")).expect("symlink");
    let run = set_senior(&dir, "rates/hand.ron", "130000");
    assert_eq!((run.status, run.stderr.as_str()), (0, ""));
    assert_eq!(run.stdout, CHANGED);
    let link = dir.path().join("rates/hand.ron");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "still a link"
    );
    assert_eq!(
        std::fs::read_link(&link).expect("link"),
        Path::new("../shared/hand.ron")
    );
    let target = std::fs::read_to_string(dir.path().join("shared/hand.ron")).expect("target");
    assert!(target.contains("annual: 130000, source"), "{target}");
    assert_eq!(names(&dir.path().join("shared")), ["hand.ron"]);
}

#[test]
fn set_keeps_the_mode_and_owner_of_the_file() {
    let dir = Workdir::new(&[("rates/hand.ron", &hand_table())]);
    let path = dir.path().join("rates/hand.ron");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    // another owner can only be given by root; elsewhere the file keeps ours
    let owner = match std::os::unix::fs::chown(&path, Some(4321), Some(4322)) {
        Ok(()) => (4321, 4322),
        Err(_) => {
            let m = std::fs::metadata(&path).expect("metadata");
            (m.uid(), m.gid())
        }
    };
    let run = set_senior(&dir, "rates/hand.ron", "130000");
    assert_eq!((run.status, run.stderr.as_str()), (0, ""));
    let m = std::fs::metadata(&path).expect("metadata");
    assert_eq!(m.mode() & 0o7777, 0o600, "still rw-------");
    assert_eq!((m.uid(), m.gid()), owner);
    assert!(
        std::fs::read_to_string(&path)
            .expect("file")
            .contains("annual: 130000")
    );

    // a file written new gets rw-r--r--
    let fresh = Workdir::new(&[]);
    assert_eq!(fresh.run(&["rates", "new", "acme"]).status, 0);
    let m = std::fs::metadata(fresh.path().join("rates/acme.ron")).expect("metadata");
    assert_eq!(m.mode() & 0o7777, 0o644);
}

#[test]
fn set_on_a_hard_linked_file_replaces_that_name_and_says_the_others_keep_the_old_text() {
    // The choice (src/output.rs): an atomic rename, never a write in place,
    // so a crash cannot leave half a table; the other names keep the old
    // content, and teamcost says so.
    let dir = Workdir::new(&[("rates/hand.ron", &hand_table())]);
    std::fs::hard_link(dir.path().join("rates/hand.ron"), dir.path().join("backup.ron")).expect("hard link");
    let run = set_senior(&dir, "rates/hand.ron", "130000");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout, CHANGED);
    assert_eq!(
        run.stderr,
        "note: rates/hand.ron had 1 other hard link(s); they keep the old content\n"
    );
    let edited = std::fs::read_to_string(dir.path().join("rates/hand.ron")).expect("file");
    assert!(edited.contains("annual: 130000"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("backup.ron")).expect("other name"),
        hand_table(),
        "the other name is intact"
    );
    assert_eq!(
        std::fs::metadata(dir.path().join("rates/hand.ron"))
            .expect("m")
            .nlink(),
        1
    );
}

#[test]
fn a_device_a_fifo_or_a_directory_is_never_replaced() {
    let dir = Workdir::new(&[
        ("e.ron", ENGINEER),
        ("rates/hand.ron", &hand_table()),
        ("rates/quote.ron", QUOTE),
    ]);
    let null = dir.run(&["chart", "range", "e.ron", "--trials", "0", "-o", "/dev/null"]);
    assert_eq!(null.status, 2);
    assert_eq!(null.stdout, "");
    assert_eq!(
        null.stderr,
        "error: /dev/null: this is a character device, not a regular file\n  \
         = expected: a regular file, or a path where nothing exists yet\n  \
         = help: teamcost replaces only regular files; choose another path\n"
    );
    assert!(
        std::fs::metadata("/dev/null")
            .expect("/dev/null")
            .file_type()
            .is_char_device(),
        "/dev/null is still a device"
    );

    // a FIFO is refused before it is opened (opening it would block)
    let fifo = dir.path().join("rates/pipe.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let run = set_senior(&dir, "rates/pipe.ron", "130000");
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stderr,
        "error: rates/pipe.ron: this is a FIFO (named pipe), not a regular file\n  \
         = expected: a regular file, or a path where nothing exists yet\n  \
         = help: teamcost replaces only regular files; choose another path\n"
    );
    assert!(
        std::fs::symlink_metadata(&fifo)
            .expect("fifo")
            .file_type()
            .is_fifo()
    );

    std::fs::create_dir(dir.path().join("out.svg")).expect("dir");
    let run = dir.run(&["chart", "range", "e.ron", "--trials", "0", "-o", "out.svg"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .starts_with("error: out.svg: this is a directory, not a regular file\n"),
        "{}",
        run.stderr
    );
    assert!(dir.path().join("out.svg").is_dir());
    assert_eq!(names(&dir.path().join("out.svg")), Vec::<String>::new());
}

fn report_dir() -> Workdir {
    Workdir::new(&[
        ("e.ron", ENGINEER),
        ("rates/hand.ron", &hand_table()),
        ("rates/quote.ron", QUOTE),
    ])
}

const MARKDOWN: [&str; 9] = [
    "report",
    "e.ron",
    "--trials",
    "0",
    "--format",
    "markdown",
    "-o",
    "wiki/costs.md",
    "--quiet",
];

#[test]
fn a_multi_file_write_with_a_refused_path_writes_nothing() {
    // a chart path that is a directory: refused before anything is written
    let dir = report_dir();
    std::fs::create_dir_all(dir.path().join("wiki/costs-mix.svg")).expect("dir");
    let run = dir.run(&MARKDOWN);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .starts_with("error: wiki/costs-mix.svg: this is a directory, not a regular file\n"),
        "{}",
        run.stderr
    );
    assert_eq!(names(&dir.path().join("wiki")), ["costs-mix.svg"]);
}

/// A chart that cannot be written after three others were: a link into
/// /proc, where no file can be created, even by root (src/output/tests.rs
/// injects the same failure into the library call directly).
#[cfg(target_os = "linux")]
#[test]
fn a_multi_file_write_that_fails_midway_leaves_nothing_partial() {
    let dir = report_dir();
    std::fs::create_dir(dir.path().join("wiki")).expect("wiki/");
    std::os::unix::fs::symlink("/proc/teamcost-test.svg", dir.path().join("wiki/costs-mix.svg"))
        .expect("symlink");
    let run = dir.run(&MARKDOWN);
    assert_eq!(run.status, 1);
    assert!(
        run.stderr.starts_with("error: cannot write wiki/costs-mix.svg: "),
        "{}",
        run.stderr
    );
    assert_eq!(
        names(&dir.path().join("wiki")),
        ["costs-mix.svg"],
        "no document, no chart, no temporary file"
    );

    // the same for --charts
    let dir = report_dir();
    std::fs::create_dir(dir.path().join("charts")).expect("charts/");
    std::os::unix::fs::symlink("/proc/teamcost-test.svg", dir.path().join("charts/mix.svg"))
        .expect("symlink");
    let run = dir.run(&["estimate", "e.ron", "--trials", "0", "--charts", "charts"]);
    assert_eq!(run.status, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(names(&dir.path().join("charts")), ["mix.svg"]);

    // and once the way is clear, every file is there
    let dir = report_dir();
    let run = dir.run(&MARKDOWN);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        names(&dir.path().join("wiki")),
        [
            "costs-breakdown.svg",
            "costs-breakeven-e.svg",
            "costs-burn.svg",
            "costs-mix.svg",
            "costs-range.svg",
            "costs-tornado-e.svg",
            "costs.md"
        ]
    );
}
