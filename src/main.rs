//! The `car-t-sim` command: parses the command line and runs the app or a tool.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    car_t_sim::cli::main()
}

/// In a web page: the story, stage and theme the address asks for.
#[cfg(target_arch = "wasm32")]
fn main() {
    car_t_sim::web::main()
}
