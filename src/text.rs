//! Text helpers shared by reports and charts.

/// Text over lines of at most `width` characters, broken at spaces (a word
/// longer than the width keeps its own line).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            wrap("Fraud detection: production (Germany)", 18),
            ["Fraud detection:", "production", "(Germany)"]
        );
        assert_eq!(wrap("short", 18), ["short"]);
        assert!(wrap("", 10).is_empty());
    }
}
