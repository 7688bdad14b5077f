//! Grids for people: the terminal (box drawing, within a [`Width`]) and
//! Markdown (for wikis and pull requests, never wrapped) from one header
//! and rows of text. Within a width, names and notes wrap at spaces; a
//! figure never breaks over two lines.

use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table, presets};

use crate::width::Width;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Terminal(Width),
    Markdown,
}

impl Style {
    /// The style of a table format (Markdown, else the terminal's within
    /// `width`).
    pub fn of(format: super::Format, width: Width) -> Style {
        if format == super::Format::Markdown {
            Style::Markdown
        } else {
            Style::Terminal(width)
        }
    }

    /// The width lines must keep to (none for Markdown).
    pub fn width(self) -> Width {
        match self {
            Style::Terminal(w) => w,
            Style::Markdown => Width::Unlimited,
        }
    }
}

/// A word without digits longer than this may break inside a narrow
/// column; a shorter one, and any figure, never does.
const LONGEST_BROKEN_WORD: usize = 12;

/// A figure: digits with their separators, signs, percent and ranges
/// ("1,234.50", "-12.5%", "0-36", "2026-04-01", "(2024-02)").
fn is_figure(token: &str) -> bool {
    let t = token.trim_matches(|c| "()[],;:".contains(c));
    t.chars().any(|c| c.is_ascii_digit()) && t.chars().all(|c| c.is_ascii_digit() || ",.%-+/:".contains(c))
}

/// The narrowest a column of these cells may be: its longest figure whole,
/// and its longest word up to `word` characters.
fn narrowest<'a>(cells: impl Iterator<Item = &'a String>, word: usize) -> usize {
    cells
        .flat_map(|c| c.lines())
        .flat_map(|line| match line.strip_suffix(" -") {
            // the first line of a range over two lines keeps its dash
            Some(low) if is_figure(low) => vec![line.chars().count()],
            _ => line
                .split_whitespace()
                .map(|t| {
                    let n = t.chars().count();
                    if is_figure(t) { n } else { n.min(word) }
                })
                .collect(),
        })
        .max()
        .unwrap_or(1)
}

/// A name over lines of at most `width` characters: broken at spaces, a
/// longer word after its hyphens, and a word still longer with a hyphen
/// of its own ("recommenda-", "tions").
pub(super) fn wrap_name(name: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut pieces: Vec<(String, bool)> = Vec::new(); // (piece, glued to the one before)
    for word in name.split_whitespace() {
        let mut glued = false;
        let mut rest: Vec<char> = word.chars().collect();
        while rest.len() > width {
            let cut = rest[..width]
                .iter()
                .rposition(|c| *c == '-')
                .filter(|i| *i > 0)
                .map(|i| (i + 1, false))
                .unwrap_or((width - 1, true));
            let mut piece: String = rest[..cut.0].iter().collect();
            if cut.1 {
                piece.push('-');
            }
            pieces.push((piece, glued));
            rest.drain(..cut.0);
            glued = true;
        }
        pieces.push((rest.into_iter().collect(), glued));
    }
    let mut lines: Vec<String> = Vec::new();
    for (piece, glued) in pieces {
        match lines.last_mut() {
            // the rest of a word cut for length starts a line of its own
            Some(line) if !glued && line.chars().count() + 1 + piece.chars().count() <= width => {
                line.push(' ');
                line.push_str(&piece);
            }
            _ => lines.push(piece),
        }
    }
    lines
}

/// "1,000.00 - 2,000.00" as "1,000.00 -" over "2,000.00": a range that
/// has to wrap breaks between its figures, never before the dash.
fn range_over_two_lines(cell: &str) -> Option<String> {
    let (low, high) = cell.split_once(" - ")?;
    // a figure has no space in it, so each side is one figure
    (is_figure(low) && is_figure(high)).then(|| format!("{low} -\n{high}"))
}

/// A plain grid of rows under a header; columns from `numeric_from` on are
/// right-aligned.
pub fn grid(style: Style, header: Vec<String>, rows: Vec<Vec<String>>, numeric_from: usize) -> String {
    grid_keeping(style, header, rows, numeric_from, 0)
}

/// A grid whose first `whole` columns never wrap (row labels read across).
pub fn grid_keeping(
    style: Style,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    numeric_from: usize,
    whole: usize,
) -> String {
    laid_out(
        style,
        header,
        rows,
        numeric_from,
        whole,
        &[LONGEST_BROKEN_WORD, 6, 1],
    )
}

/// The grid when it fits the width with no word broken shorter than
/// [`LONGEST_BROKEN_WORD`]; `None` when a layout of its own would read
/// better.
pub fn fitted(
    style: Style,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    numeric_from: usize,
) -> Option<String> {
    let out = laid_out(style, header, rows, numeric_from, 0, &[LONGEST_BROKEN_WORD]);
    style.width().fits(&out).then_some(out)
}

/// The grid within the width, trying the longest unbroken words in turn
/// (words break only when the table cannot fit otherwise; figures never).
fn laid_out(
    style: Style,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    numeric_from: usize,
    whole: usize,
    words: &[usize],
) -> String {
    let Some(w) = style.width().limit() else {
        return render(style, header, rows, numeric_from, None);
    };
    let columns = header.len();
    let column_cells = |rows: &[Vec<String>], i: usize| -> Vec<String> {
        std::iter::once(header[i].clone())
            .chain(rows.iter().filter_map(|r| r.get(i).cloned()))
            .collect()
    };
    let longest_line = |cells: &[String]| {
        cells
            .iter()
            .flat_map(|c| c.lines())
            .map(|l| l.chars().count())
            .max()
    };
    let natural: usize = (0..columns)
        .map(|i| longest_line(&column_cells(&rows, i)).unwrap_or(0) + 3)
        .sum::<usize>()
        + 1;
    let mut rows = rows;
    if natural > w {
        for cell in rows.iter_mut().flatten() {
            if let Some(two) = range_over_two_lines(cell) {
                *cell = two;
            }
        }
    }
    let mut out = String::new();
    for &word in words {
        let least = (0..columns)
            .map(|i| {
                let cells = column_cells(&rows, i);
                let least = if i < whole {
                    longest_line(&cells).unwrap_or(1)
                } else {
                    narrowest(cells.iter(), word)
                };
                // with the padding of one space either side
                u16::try_from(least + 2).unwrap_or(u16::MAX)
            })
            .collect();
        out = render(
            style,
            header.clone(),
            rows.clone(),
            numeric_from,
            Some((w, least)),
        );
        if style.width().fits(&out) {
            break;
        }
    }
    out
}

/// The grid through comfy-table, within a width and with the least width
/// of each column when given.
fn render(
    style: Style,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    numeric_from: usize,
    within: Option<(usize, Vec<u16>)>,
) -> String {
    let mut table = Table::new();
    table.load_style(match style {
        Style::Terminal(_) => presets::UTF8_FULL_CONDENSED,
        Style::Markdown => presets::ASCII_MARKDOWN,
    });
    let columns = header.len();
    table.set_header(header);
    if let Some((width, least)) = within {
        table
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(u16::try_from(width).unwrap_or(u16::MAX))
            .set_constraints(
                least
                    .into_iter()
                    .map(|n| ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(n))),
            );
    }
    for i in numeric_from..columns {
        if let Some(column) = table.column_mut(i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    for row in rows {
        table.add_row(row);
    }
    format!("{table}\n")
}

/// A title, or a heading in Markdown, wrapped to the width.
pub fn heading(style: Style, text: &str) -> String {
    match style {
        Style::Terminal(w) => w.fill(text, "", ""),
        Style::Markdown => format!("### {text}\n\n"),
    }
}

/// A title line (a heading in Markdown) and a grid under it.
pub fn titled(
    style: Style,
    title: &str,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    numeric_from: usize,
) -> String {
    let title = match style {
        Style::Terminal(w) => w.fill(title, "", ""),
        Style::Markdown => format!("## {title}\n\n"),
    };
    format!("{title}{}", grid(style, header, rows, numeric_from))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn a_range_breaks_after_its_dash_only_between_two_figures() {
        assert_eq!(
            range_over_two_lines("1,000.00 - 2,000.00").as_deref(),
            Some("1,000.00 -\n2,000.00")
        );
        assert_eq!(range_over_two_lines("1,000.00 - n/a"), None);
        assert_eq!(range_over_two_lines("n/a - 2,000.00"), None);
        assert_eq!(range_over_two_lines("1,000.00 - 2,000.00 - 3.00"), None);
        assert_eq!(range_over_two_lines("2,000.00"), None);
        // the first line keeps its dash whole; a word with a dash does not
        assert_eq!(narrowest(cells(&["1,000.00 -\n2,000.00"]).iter(), 12), 10);
        assert_eq!(narrowest(cells(&["abc -"]).iter(), 12), 3);
    }

    #[test]
    fn names_fit_to_the_last_character() {
        assert_eq!(wrap_name("abcdef", 6), ["abcdef"]);
        assert_eq!(wrap_name("abcdefg", 6), ["abcde-", "fg"]);
        assert_eq!(wrap_name("ab cd", 5), ["ab cd"]);
        assert_eq!(wrap_name("ab cde", 5), ["ab", "cde"]);
        // a leading hyphen is no place to break
        assert_eq!(wrap_name("-abcdefgh", 4), ["-ab-", "cde-", "fgh"]);
    }

    #[test]
    fn fitted_is_the_grid_when_it_fits_and_nothing_when_it_does_not() {
        let header = cells(&["name", "cost"]);
        let rows = vec![cells(&["Support assistant", "1,234,567.89"])];
        let wide = fitted(
            Style::Terminal(Width::Columns(80)),
            header.clone(),
            rows.clone(),
            1,
        )
        .expect("fits in 80");
        assert_eq!(
            wide,
            grid(
                Style::Terminal(Width::Columns(80)),
                header.clone(),
                rows.clone(),
                1
            )
        );
        assert!(wide.contains("Support assistant"), "{wide}");
        // 12 digits and their box cannot go into 14 columns
        assert_eq!(fitted(Style::Terminal(Width::Columns(14)), header, rows, 1), None);
    }

    #[test]
    fn markdown_is_never_wrapped() {
        let w = Width::Columns(40);
        assert_eq!(Style::of(super::super::Format::Markdown, w), Style::Markdown);
        assert_eq!(Style::of(super::super::Format::Table, w), Style::Terminal(w));
        assert_eq!(Style::Markdown.width(), Width::Unlimited);
    }

    #[test]
    fn figures_stay_whole_and_long_words_may_break() {
        assert!(is_figure("1,234,567.89") && is_figure("(2024-02)") && is_figure("-12.5%"));
        assert!(!is_figure("p90") && !is_figure("stepstone-ai-jobs-2024") && !is_figure("-"));
        assert_eq!(narrowest(cells(&["892,119.65 - 1,313,968.01"]).iter(), 12), 12);
        assert_eq!(narrowest(cells(&["a-very-long-plugin-name x"]).iter(), 12), 12);
    }

    #[test]
    fn names_break_at_spaces_then_hyphens() {
        assert_eq!(
            wrap_name("Sales-assistant agent: idea", 12),
            ["Sales-", "assistant", "agent: idea"]
        );
        assert_eq!(
            wrap_name("Product recommendations: pilot", 12),
            ["Product", "recommendat-", "ions: pilot"]
        );
        assert_eq!(wrap_name("short", 12), ["short"]);
    }

    #[test]
    fn a_grid_keeps_to_its_width_and_its_figures_whole() {
        let rows = vec![cells(&[
            "Model validation and penetration test of the whole thing",
            "1,234,567.89",
            "892,119.65 - 1,313,968.01",
        ])];
        let header = cells(&["Cost", "Likely", "Range"]);
        let out = grid(
            Style::Terminal(Width::Columns(50)),
            header.clone(),
            rows.clone(),
            1,
        );
        assert!(Width::Columns(50).fits(&out), "{out}");
        assert!(
            out.contains("1,234,567.89") && out.contains("1,313,968.01"),
            "{out}"
        );
        let wide = grid(Style::Terminal(Width::Unlimited), header, rows, 1);
        assert_eq!(wide.lines().count(), 5, "{wide}");
    }
}
