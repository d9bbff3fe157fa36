use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(factlint::cli::run())
}
