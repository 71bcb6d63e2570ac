//! A problem in a content file, with its line and column, and the one way
//! every content file is read: RON with bare `Some` values, its syntax
//! errors placed.

use std::fmt;

use serde::de::DeserializeOwned;

use super::story::spans::Pos;

/// One problem in a story file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Diagnostic {
    /// A problem at a position.
    pub fn at(pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            line: pos.line,
            col: pos.col,
            message: message.into(),
        }
    }

    /// `FILE:LINE:COL: message`, the form editors and terminals link to.
    pub fn with_file(&self, file: &str) -> String {
        format!("{file}:{self}")
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

/// Formats all diagnostics of one file, one per line.
pub fn report(file: &str, diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| d.with_file(file))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads RON text as a `T`; an optional field may be written bare
/// (`moment: "docked"`) or as `Some("docked")`. A syntax error comes back
/// as one diagnostic at its place.
pub fn parse_ron<T: DeserializeOwned>(src: &str) -> Result<T, Diagnostic> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(src)
        .map_err(|e| Diagnostic {
            line: e.span.start.line,
            col: e.span.start.col,
            message: format!("syntax: {}", e.code),
        })
}

/// Sorts problems into file order; Ok(`value`) when there are none.
pub fn in_file_order<T>(value: T, mut problems: Vec<Diagnostic>) -> Result<T, Vec<Diagnostic>> {
    if problems.is_empty() {
        Ok(value)
    } else {
        problems.sort_by_key(|d| (d.line, d.col));
        Err(problems)
    }
}
