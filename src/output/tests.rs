//! The writer's promises, with failures injected where a disk would fail.

use super::*;

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_failure_before_the_rename_leaves_the_original_and_no_temporary_file() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("rates.ron");
    std::fs::write(&path, "RateTable(name: \"x\")\n// comment\n").expect("write");
    let before = std::fs::read(&path).expect("read");
    let result = write_atomic_with(&path, b"new content", |temp| {
        assert_eq!(std::fs::read(temp).expect("temp written"), b"new content");
        let name = temp.file_name().expect("name").to_string_lossy().into_owned();
        assert!(name.starts_with(".rates.ron.tmp"), "recognisable: {name}");
        Err(std::io::Error::other("disk full"))
    });
    assert!(result.is_err());
    assert_eq!(std::fs::read(&path).expect("read"), before, "byte-identical");
    assert_eq!(names(dir.path()), ["rates.ron"], "the temporary file is removed");
    write_atomic(&path, b"new content").expect("write");
    assert_eq!(std::fs::read(&path).expect("read"), b"new content");
}

#[test]
fn a_failure_in_a_multi_file_write_leaves_nothing_partial() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("report-range.svg"), "old range").expect("write");
    let files: Vec<(PathBuf, Vec<u8>)> = ["report-range.svg", "report-mix.svg", "report.md"]
        .iter()
        .map(|n| (dir.path().join(n), format!("new {n}").into_bytes()))
        .collect();
    // the disk fills up on the last file, after two were written
    let mut count = 0;
    let result = write_all_with(&files, |_| {
        count += 1;
        if count == 3 {
            Err(std::io::Error::other("disk full"))
        } else {
            Ok(())
        }
    });
    assert!(result.is_err());
    assert_eq!(
        names(dir.path()),
        ["report-range.svg"],
        "no new file, no temporary"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("report-range.svg")).expect("read"),
        "old range"
    );
    write_all(&files).expect("write");
    assert_eq!(
        names(dir.path()),
        ["report-mix.svg", "report-range.svg", "report.md"]
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("report.md")).expect("read"),
        "new report.md"
    );
}

#[test]
fn a_refused_target_in_a_multi_file_write_stops_it_before_any_write() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::create_dir(dir.path().join("b.svg")).expect("dir");
    let files: Vec<(PathBuf, Vec<u8>)> = ["a.svg", "b.svg"]
        .iter()
        .map(|n| (dir.path().join(n), b"x".to_vec()))
        .collect();
    let err = write_all(&files).expect_err("refused");
    assert!(
        matches!(
            err,
            Error::Refused {
                what: "a directory",
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(names(dir.path()), ["b.svg"]);
}

#[test]
fn an_edit_waits_for_the_one_before_and_reads_what_it_wrote() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("rates.ron");
    std::fs::write(&path, "0").expect("write");
    let first = Edit::open(&path).expect("lock");
    assert_eq!(first.read_to_string().expect("read"), "0");
    let (opened, waited) = std::sync::mpsc::channel();
    let second = std::thread::spawn({
        let path = path.clone();
        move || {
            // blocks on the lock, then finds the file renamed over the one
            // it locked and starts again on the new one
            let edit = Edit::open(&path).expect("lock");
            opened.send(()).expect("send");
            let text = edit.read_to_string().expect("read");
            edit.replace(format!("{text}+2").as_bytes()).expect("replace");
        }
    });
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(waited.try_recv().is_err(), "the second edit waits for the lock");
    first.replace(b"0+1").expect("replace");
    second.join().expect("second edit");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "0+1+2",
        "no update lost"
    );
    assert_eq!(names(dir.path()), ["rates.ron"]);
}
