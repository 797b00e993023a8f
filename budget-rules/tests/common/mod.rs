//! Finding the shared pabulib files.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use budget_rules::{pabulib, Election};

/// `shared/pabulib`, found beside the checkout (`../../shared/pabulib` from this crate), or at
/// `$EDGES_PABULIB_DIR`. Panics with the places it looked when it is missing.
pub fn pabulib_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("EDGES_PABULIB_DIR") {
        let dir = PathBuf::from(dir);
        assert!(
            dir.join("expected.json").is_file(),
            "EDGES_PABULIB_DIR={} has no expected.json",
            dir.display()
        );
        return dir;
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tried: Vec<PathBuf> = manifest
        .ancestors()
        .map(|a| a.join("shared").join("pabulib"))
        .collect();
    for dir in &tried {
        if dir.join("expected.json").is_file() {
            return dir.clone();
        }
    }
    let listed: Vec<String> = tried.iter().map(|d| d.display().to_string()).collect();
    panic!(
        "shared/pabulib/expected.json not found; looked in:\n  {}\nset EDGES_PABULIB_DIR to override",
        listed.join("\n  ")
    );
}

pub fn load(dir: &Path, file: &str) -> Election {
    let path = dir.join(file);
    let bytes =
        std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    pabulib::parse_bytes(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn pb_files(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".pb"))
        .collect();
    files.sort();
    files
}

pub mod random;
