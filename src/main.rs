//! The `trailmark` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    trailmark::cli::main()
}
