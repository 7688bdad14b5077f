//! How wide a report for the terminal may be: one plain value the caller
//! decides (the binary, from `--width`, `COLUMNS` or the terminal) and
//! passes in. The library never looks at the terminal or the environment.
//! Also the wrapping of prose lines (titles, bullets) to that width.

/// The widest a line of a table or of prose may be, in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Width {
    /// No limit: every table one row per line, as wide as its content
    /// (what a pipe or a file gets).
    #[default]
    Unlimited,
    /// At most this many characters a line; tables wrap names and notes,
    /// never a figure, and change layout when their columns would not fit.
    Columns(u16),
}

/// The narrowest width asked for that teamcost lays out for; below it a
/// table of figures cannot be read anyway.
pub const NARROWEST: u16 = 40;

impl Width {
    /// The limit in characters, if any.
    pub fn limit(self) -> Option<usize> {
        match self {
            Width::Unlimited => None,
            Width::Columns(n) => Some(usize::from(n)),
        }
    }

    /// The width of prose that is wrapped at `natural` characters when
    /// there is no limit: the smaller of the two.
    pub(crate) fn prose(self, natural: usize) -> usize {
        self.limit().map_or(natural, |w| w.min(natural))
    }

    /// Whether every line of `text` is within the width.
    pub(crate) fn fits(self, text: &str) -> bool {
        self.limit()
            .is_none_or(|w| text.lines().all(|l| l.chars().count() <= w))
    }

    /// `text` as lines within the width, the first starting with `first`
    /// and the rest with `rest` (a bullet and its hanging indent), each
    /// ending in a newline. Without a limit, one line as given.
    pub(crate) fn fill(self, text: &str, first: &str, rest: &str) -> String {
        let Some(w) = self.limit() else {
            return format!("{first}{text}\n");
        };
        let indent = first.chars().count().max(rest.chars().count());
        let mut out = String::new();
        for (i, line) in crate::text::wrap(text, w.saturating_sub(indent).max(1))
            .iter()
            .enumerate()
        {
            out.push_str(if i == 0 { first } else { rest });
            out.push_str(line);
            out.push('\n');
        }
        if out.is_empty() {
            out = format!("{first}\n");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Width;

    #[test]
    fn fills_with_a_hanging_indent() {
        let w = Width::Columns(12);
        assert_eq!(
            w.fill("one two three four", "- ", "  "),
            "- one two\n  three four\n"
        );
        assert_eq!(Width::Unlimited.fill("one two", "- ", "  "), "- one two\n");
        assert!(w.fits("twelve chars\nshort"));
        assert!(!w.fits("thirteen char"));
        assert_eq!(w.prose(88), 12);
        assert_eq!(Width::Unlimited.prose(88), 88);
    }
}
