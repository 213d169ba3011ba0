//! Generates the man page and the shell completions of `zhen-extract` from
//! its argument grammar (`src/cli/args.rs`) into `OUT_DIR`; the program
//! prints them with `--generate man|bash|zsh|fish`.

#[cfg(feature = "cli")]
#[allow(dead_code)]
#[path = "src/cli/args.rs"]
mod args;

fn main() -> std::io::Result<()> {
    println!("cargo:rerun-if-changed=src/cli/args.rs");
    #[cfg(feature = "cli")]
    {
        use clap::CommandFactory;
        let out =
            std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
        let mut cmd = args::Cli::command();
        let mut man = Vec::new();
        clap_mangen::Man::new(cmd.clone()).render(&mut man)?;
        // the names `src/cli/mod.rs` includes
        std::fs::write(out.join("zhen-extract.1"), man)?;
        for (shell, file) in [
            (clap_complete::Shell::Bash, "zhen-extract.bash"),
            (clap_complete::Shell::Zsh, "_zhen-extract"),
            (clap_complete::Shell::Fish, "zhen-extract.fish"),
        ] {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut cmd, "zhen-extract", &mut script);
            std::fs::write(out.join(file), script)?;
        }
    }
    Ok(())
}
