//! Generates the `i18n` module from `locales/*.json` so every UI string is checked at compile time.
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out_dir = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is set by cargo")?;
    // interpolate_display lets error messages with values be built as plain strings too.
    let config = Config::new("en")?
        .add_locale("fr")?
        .parse_options(ParseOptions::default().interpolate_display(true));
    let translations = TranslationsInfos::parse(config)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(PathBuf::from(out_dir).join("i18n"))?;
    Ok(())
}
