//! Stories: the data model, validation (with line and column), the
//! walkthroughs compiled in, and the Markdown transcript.

pub mod builtin;
pub mod calendar;
pub mod citing;
pub mod model;
pub mod order;
pub mod spans;
pub mod transcript;
pub mod validate;

pub use builtin::{BUILT_IN, BuiltIn, built_in, decode, names};
pub use model::{Beat, Day, Days, Source, Stage, Story, TreatmentStep, citation_label};
pub use spans::{Pos, Spans};
pub use transcript::transcript;
pub use validate::{SceneCatalog, parse_story};
