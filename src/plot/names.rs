//! Names cut to fit a label without two becoming the same text. Scenario
//! names often share a long start ("Support-ticket summarizer: prototype"
//! and "... prototype in-house (US)"); cutting both at the end would write
//! the same label twice, so names that would collide keep their end and
//! lose their middle instead, and names that still collide are numbered.

use super::short_name;

/// `name` in at most `max` characters: its start, an ellipsis, and its
/// last whole words (about three fifths of the room).
pub fn middle(name: &str, max: usize) -> String {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() <= max {
        return name.to_string();
    }
    if max < 8 {
        return short_name(name, max);
    }
    // room for the text around the ellipsis and the space after it
    let room = max - 2;
    let tail_room = room * 3 / 5;
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut tail: Vec<&str> = Vec::new();
    let mut used = 0;
    for word in words.iter().rev() {
        let add = word.chars().count() + usize::from(!tail.is_empty());
        if used + add > tail_room {
            break;
        }
        used += add;
        tail.insert(0, word);
    }
    let tail = if tail.is_empty() {
        // one long last word: its last characters
        chars[chars.len() - tail_room..].iter().collect()
    } else {
        tail.join(" ")
    };
    let head_room = room - tail.chars().count();
    let mut head: String = chars[..head_room].iter().collect();
    // a word cut after a few letters reads worse than no word
    if chars.get(head_room).is_some_and(|c| !c.is_whitespace())
        && let Some(space) = head.rfind(' ')
        && head[space..].chars().count() <= 6
    {
        head.truncate(space);
    }
    format!("{}… {tail}", head.trim_end())
}

/// Each name in at most `max` characters, no two the same unless the names
/// were: cut at the end where that keeps them apart, in the middle where it
/// does not, numbered ("2. ...") when even that does not.
pub fn distinct(names: &[String], max: usize) -> Vec<String> {
    let mut out: Vec<String> = names.iter().map(|n| short_name(n, max)).collect();
    let collide = |out: &[String], i: usize| out.iter().enumerate().any(|(j, o)| j != i && *o == out[i]);
    let clashing: Vec<usize> = (0..out.len()).filter(|&i| collide(&out, i)).collect();
    for &i in &clashing {
        out[i] = middle(&names[i], max);
    }
    let clashing: Vec<usize> = (0..out.len()).filter(|&i| collide(&out, i)).collect();
    for &i in &clashing {
        let number = format!("{}. ", i + 1);
        out[i] = format!("{number}{}", middle(&names[i], max.saturating_sub(number.len())));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn middle_cuts_at_the_edges_of_its_rules() {
        // below 8 characters there is no room for a middle: cut at the end
        assert_eq!(middle("abcdefghijklmnop", 7), "abcdef…");
        // at 8: room 6, three fifths (3) for the end of the one long word
        assert_eq!(middle("abcdefghijklmnop", 8), "abc… nop");
        let long = "Fraud detection: prototype to production over three years (US)";
        // at 28: room 26, tail room 15: "(US)" 4, " years" 6 = 10, " three"
        // would make 16: the tail is "years (US)", the head 16 characters
        assert_eq!(middle(long, 28), "Fraud detection:… years (US)");
        // at 29: tail room 16, so " three" fits exactly (16 is not over
        // 16); the head of 11 cuts "detec", a stub of a word, back to "Fraud"
        assert_eq!(middle(long, 29), "Fraud… three years (US)");
    }

    fn strings(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn names_sharing_a_long_start_stay_apart() {
        let names = strings(&[
            "Support-ticket summarizer: prototype",
            "Support-ticket summarizer: prototype in-house (US)",
            "AI search platform: scale (hybrid)",
        ]);
        // cut at the end, the first two were both "Support-ticket summarizer: protot…"
        assert_eq!(
            distinct(&names, 34),
            [
                "Support-ticket summariz… prototype",
                "Support-ticket… in-house (US)",
                "AI search platform: scale (hybrid)",
            ]
        );
        // names that fit, or differ early, are cut at the end as before
        assert_eq!(
            distinct(
                &strings(&[
                    "Fraud detection: production",
                    "Visual inspection: prototype in-house (India)"
                ]),
                30
            ),
            ["Fraud detection: production", "Visual inspection: prototype…"]
        );
    }

    #[test]
    fn names_the_same_to_the_end_are_numbered() {
        let same = "A very long scenario name that is given to two files";
        let out = distinct(&strings(&[same, same, "short"]), 30);
        assert_eq!(out[0], "1. A very long… to two files");
        assert_eq!(out[1], "2. A very long… to two files");
        assert_eq!(out[2], "short");
        assert!(out.iter().all(|o| o.chars().count() <= 30), "{out:?}");
    }

    #[test]
    fn middle_cuts_keep_the_end_and_the_length() {
        for max in [8, 12, 20, 34, 60] {
            let cut = middle(
                "Recommended plan: prototype 3 months, pilot 6, production 9 (US)",
                max,
            );
            assert!(cut.chars().count() <= max, "{max}: {cut}");
            assert!(cut.contains('…'), "{max}: {cut}");
        }
        assert_eq!(middle("short", 10), "short");
        assert_eq!(middle("Averyveryverylongsingleword", 12), "Aver… leword");
    }
}
