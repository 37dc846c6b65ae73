//! Embeds every `data/<code>/pack.toml` (and the `weights.tsv` of its trained model, when
//! there is one) into the binary, so that adding a language is adding a folder: no list in
//! the code to edit.
use std::{env, fs, path::Path};

fn main() {
    let data = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("data");
    println!("cargo:rerun-if-changed={}", data.display());
    let mut codes: Vec<String> = fs::read_dir(&data)
        .expect("crates/lang/data exists")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("pack.toml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    codes.sort();
    let mut out = String::from(
        "/// (language code, pack source, trained weights) for every pack under data/.\npub const BUILTIN_PACKS: &[(&str, &str, Option<&str>)] = &[\n",
    );
    for code in &codes {
        let path = data.join(code).join("pack.toml");
        println!("cargo:rerun-if-changed={}", path.display());
        let weights = data.join(code).join("weights.tsv");
        println!("cargo:rerun-if-changed={}", weights.display());
        let weights = if weights.is_file() {
            format!("Some(include_str!({:?}))", weights.display().to_string())
        } else {
            "None".to_string()
        };
        out.push_str(&format!("    ({code:?}, include_str!({:?}), {weights}),\n", path.display().to_string()));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_packs.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
