//! The minimum Rust version: `rust-version` in Cargo.toml is the newest
//! `rust-version` of any locked package (so it is the true minimum for the
//! locked build, neither lower than a dependency needs nor higher), and the
//! README states it. clippy's `incompatible_msrv` lint, run with
//! `-D warnings`, keeps the crate's own code within it.

use std::process::Command;

fn version(v: &str) -> Vec<u32> {
    v.split('.').map(|p| p.parse().unwrap()).collect()
}

#[test]
fn rust_version_is_the_newest_that_a_locked_package_needs() {
    let manifest = env!("CARGO_MANIFEST_DIR");
    // the packages of this machine's platform (the others need not be
    // downloaded to build here)
    let rustc = Command::new("rustc")
        .arg("-vV")
        .output()
        .expect("rustc runs");
    let host = String::from_utf8_lossy(&rustc.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .expect("rustc names its host");
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .args(["--filter-platform", &host])
        .current_dir(manifest)
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let packages = meta["packages"].as_array().unwrap();
    let ours = packages
        .iter()
        .find(|p| p["name"] == "zhen-extract")
        .unwrap();
    let declared = ours["rust_version"].as_str().expect("rust-version is set");
    let (newest, who) = packages
        .iter()
        .filter(|p| p["name"] != "zhen-extract")
        .filter_map(|p| Some((version(p["rust_version"].as_str()?), p["name"].as_str()?)))
        .max()
        .unwrap();
    let mut declared_v = version(declared);
    declared_v.resize(newest.len().max(declared_v.len()), 0);
    let mut newest_v = newest.clone();
    newest_v.resize(declared_v.len(), 0);
    assert_eq!(
        declared_v, newest_v,
        "Cargo.toml says rust-version {declared}, but {who} needs {newest:?}"
    );

    let readme = std::fs::read_to_string(format!("{manifest}/README.md")).unwrap();
    assert!(
        readme.contains(&format!("Rust toolchain ({declared} or newer")),
        "the README names another minimum than {declared}"
    );
}
