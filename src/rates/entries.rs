//! Maps as written in a plugin: every entry in file order with duplicates
//! kept, and the one pass that reports a key given twice at its second
//! place. A ground floor for the readers of tables, staffing and guides.

use std::collections::BTreeMap;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};

use crate::input::origin::{Origin, Problems};
use crate::input::source::Source;

/// A map as written: every entry in file order, duplicates kept, so that a
/// key given twice is reported instead of the last one silently winning.
pub struct Pairs<K, V>(pub Vec<(K, V)>);

/// A map with quoted ids for keys, as written.
pub type Entries<'a, V> = Pairs<&'a str, V>;

impl<K, V> Default for Pairs<K, V> {
    fn default() -> Self {
        Pairs(Vec::new())
    }
}

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Pairs<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PairsVisitor<K, V>(PhantomData<(K, V)>);

        impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for PairsVisitor<K, V> {
            type Value = Pairs<K, V>;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map of keys to entries")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<K, V>()? {
                    entries.push(entry);
                }
                Ok(Pairs(entries))
            }
        }

        deserializer.deserialize_map(PairsVisitor(PhantomData))
    }
}

/// The entries of a map, each key once: a key given again is reported at
/// its second place and left out.
pub(crate) fn once_each<'a, V>(
    source: &Source<'a>,
    entries: Entries<'a, V>,
    map: &str,
    problems: &mut Problems,
) -> Vec<(&'a str, V)> {
    let mut seen: BTreeMap<&str, Origin> = BTreeMap::new();
    let mut kept = Vec::with_capacity(entries.0.len());
    for (key, value) in entries.0 {
        let origin = source.origin_of_slice(key);
        if let Some(first) = seen.get(key) {
            let at = first.first_at();
            problems.push(
                origin
                    .diag(format!("`{key}` is given twice in {map}{at}"))
                    .expected(format!("each id once in {map}"))
                    .help("remove one of the two entries or merge them; to change an entry of another plugin, layer a plugin above it"),
            );
            continue;
        }
        seen.insert(key, origin);
        kept.push((key, value));
    }
    kept
}
