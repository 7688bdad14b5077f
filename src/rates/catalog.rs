//! Finding rate plugins: the ones embedded in the binary, then `rates/` in
//! the current directory, then each `--rates DIR`; a later plugin of the same
//! name shadows an earlier one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::input::diagnostic::{Diagnostic, Diagnostics};
use crate::input::origin::Located;
use crate::input::source::Source;
use crate::rates::layers::{Layers, unknown_layer};
use crate::rates::table::RateTable;

/// The plugins shipped inside the binary: (file name, text).
pub const EMBEDDED: &[(&str, &str)] = &[("market-2026.ron", include_str!("../../rates/market-2026.ron"))];

/// How the file of a plugin embedded in the binary is named in messages.
const EMBEDDED_PREFIX: &str = "<embedded>/";

/// Every plugin found, by name, the winner of each name first.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    plugins: BTreeMap<String, Vec<Arc<RateTable>>>,
}

impl Catalog {
    /// Only the plugins embedded in the binary.
    pub fn embedded() -> Result<Catalog, Diagnostics> {
        let mut catalog = Catalog::default();
        let mut problems = Vec::new();
        for (file, text) in EMBEDDED {
            let name = format!("{EMBEDDED_PREFIX}{file}");
            match RateTable::read(Source::new(&name, text)) {
                Ok(table) => catalog.add(table),
                Err(mut d) => problems.append(&mut d),
            }
        }
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(Diagnostics(problems))
        }
    }

    /// The embedded plugins, then those of each directory in order; fails
    /// on any plugin that does not read.
    pub fn load(dirs: &[PathBuf]) -> Result<Catalog, Diagnostics> {
        let (catalog, problems) = Catalog::load_lenient(dirs)?;
        if problems.is_empty() {
            Ok(catalog)
        } else {
            Err(Diagnostics(problems))
        }
    }

    /// Like [`Catalog::load`], but keeps the plugins that read and returns
    /// the problems of the others, for `check` to report with the rest.
    pub fn load_lenient(dirs: &[PathBuf]) -> Result<(Catalog, Vec<Diagnostic>), Diagnostics> {
        let mut catalog = Catalog::embedded()?;
        let mut problems = Vec::new();
        for dir in dirs {
            let files = match plugin_files(dir) {
                Ok(files) => files,
                Err(d) => {
                    problems.push(d);
                    continue;
                }
            };
            let mut names_here: BTreeMap<String, String> = BTreeMap::new();
            for file in files {
                match read_plugin(&file) {
                    Ok(table) => {
                        if let Some(other) = names_here.insert(table.name.value.clone(), table.file.clone()) {
                            problems.push(
                                table
                                    .name
                                    .origin
                                    .diag(format!(
                                        "plugin name `{}` is also used by {other}",
                                        table.name.value
                                    ))
                                    .expected("one plugin per name in a directory")
                                    .help("rename one of them; scenarios pick layers by this name"),
                            );
                        }
                        catalog.add(table);
                    }
                    Err(mut d) => problems.append(&mut d),
                }
            }
        }
        Ok((catalog, problems))
    }

    /// Adds a plugin on top of any of the same name; a plugin read again
    /// from the file it was loaded from takes its own place, not shadowing
    /// itself.
    pub fn add(&mut self, table: RateTable) {
        let same = self.plugins.entry(table.name.value.clone()).or_default();
        same.retain(|t| t.file != table.file);
        same.insert(0, Arc::new(table));
    }

    /// The plugin a name means now: the last one added.
    pub fn get(&self, name: &str) -> Option<&Arc<RateTable>> {
        self.plugins.get(name).and_then(|v| v.first())
    }

    /// Every plugin of a name, the one in force first, then those it shadows.
    pub fn all(&self) -> impl Iterator<Item = (&str, &[Arc<RateTable>])> {
        self.plugins.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    pub fn names(&self) -> Vec<&str> {
        self.plugins.keys().map(String::as_str).collect()
    }

    /// The named plugins as layers, bottom first.
    pub fn layers(&self, names: &[Located<String>]) -> Result<Layers, Vec<Diagnostic>> {
        let mut tables = Vec::new();
        let mut shadows = Vec::new();
        let mut problems = Vec::new();
        for name in names {
            match self.plugins.get(&name.value).map(Vec::as_slice) {
                Some([winner, rest @ ..]) => {
                    tables.push(Arc::clone(winner));
                    shadows.push(rest.first().map(|shadowed| {
                        if shadowed.file.starts_with(EMBEDDED_PREFIX) {
                            "the shipped table".to_string()
                        } else {
                            shadowed.file.clone()
                        }
                    }));
                }
                _ => problems.push(unknown_layer(name, &self.names())),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Layers::shadowing(tables, shadows)
    }
}

/// The `*.ron` files of a rates directory, in name order.
fn plugin_files(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Diagnostic::new(
            dir.display().to_string(),
            format!("cannot read rates directory: {e}"),
        )
        .help("pass an existing directory of rate plugins to --rates")
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// Reads one plugin file from disk.
pub fn read_plugin(path: &Path) -> Result<RateTable, Vec<Diagnostic>> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![Diagnostic::new(
            name.clone(),
            format!("cannot read rate plugin: {e}"),
        )]
    })?;
    RateTable::read(Source::new(&name, &text))
}
