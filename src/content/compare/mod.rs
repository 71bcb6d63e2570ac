//! CAR T, TCR and TIL side by side, as data: the steps of three lanes and
//! the table, checked against the walkthroughs they cite; and its Markdown
//! transcript.

pub mod model;
pub mod transcript;

pub use model::{Cell, Comparison, Lane, Row, Step, parse_comparison};
pub use transcript::transcript;

/// Where the comparison's file lives in the source tree (for messages).
pub const PATH: &str = "assets/stories/compare.ron";
/// The comparison's file, compiled in.
pub const SOURCE: &str = include_str!("../../../assets/stories/compare.ron");
