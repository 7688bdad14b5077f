//! "Did you mean": the nearest known ids to a misspelt one.

/// The known ids closest to `found`, as a help line, or `None` when nothing
/// is close enough to be a plausible typo.
pub fn did_you_mean<'a>(found: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let nearest = nearest(found, known);
    match nearest.as_slice() {
        [] => None,
        [one] => Some(format!("did you mean `{one}`?")),
        many => Some(format!(
            "did you mean one of {}?",
            many.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Up to three known ids within a small edit distance of `found`, nearest first.
pub fn nearest<'a>(found: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let found_lower = found.to_lowercase();
    let limit = (found.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, &str)> = known
        .into_iter()
        .map(|k| (strsim::damerau_levenshtein(&found_lower, &k.to_lowercase()), k))
        .filter(|(d, k)| {
            let k = k.to_lowercase();
            *d <= limit || (k.len() >= 3 && (found_lower.starts_with(&k) || k.starts_with(&found_lower)))
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored.into_iter().take(3).map(|(_, k)| k).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_ids() {
        let known = ["ai-engineer", "ai-developer", "mlops-engineer"];
        assert_eq!(
            did_you_mean("ai-enginer", known),
            Some("did you mean `ai-engineer`?".into())
        );
        assert_eq!(did_you_mean("poland", known), None);
        assert_eq!(nearest("SENOIR", ["Senior", "Lead"]), vec!["Senior"]);
        assert_eq!(nearest("Middle", ["Junior", "Mid", "Senior"]), vec!["Mid"]);
    }
}
