//! The content layer: the stories, the comparison and the lab as data, their
//! validation, the text-fitting rules they are checked against, and the
//! lab's simulation. Plain Rust with no Bevy and nothing from the rest of the
//! app (the house test in `tests/integration/house.rs` checks both), so the
//! command line, the benchmarks and the tests use it without a renderer.

pub mod compare;
pub mod diagnostic;
pub mod lab;
pub mod sources;
pub mod story;
pub mod text;
pub mod therapy;
