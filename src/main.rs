//! The `car-t-sim` command: parses the command line and runs the app or a tool.

fn main() -> std::process::ExitCode {
    car_t_sim::cli::main()
}
