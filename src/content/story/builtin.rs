//! The walkthroughs compiled into the binary, by name: the app runs from any
//! folder, and `--story car-t|tcr|til` picks one.

use crate::content::diagnostic::Diagnostic;

/// A walkthrough compiled into the binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuiltIn {
    /// The name `--story`, `check`, `transcript` and `stills` take.
    pub name: &'static str,
    /// Where its file lives in the source tree (for messages).
    pub path: &'static str,
    /// The story file's text.
    pub source: &'static str,
}

/// Every built-in walkthrough, in the order the chooser lists them.
pub const BUILT_IN: &[BuiltIn] = &[
    BuiltIn {
        name: "car-t",
        path: "assets/stories/car-t.ron",
        source: include_str!("../../../assets/stories/car-t.ron"),
    },
    BuiltIn {
        name: "tcr",
        path: "assets/stories/tcr.ron",
        source: include_str!("../../../assets/stories/tcr.ron"),
    },
    BuiltIn {
        name: "til",
        path: "assets/stories/til.ron",
        source: include_str!("../../../assets/stories/til.ron"),
    },
];

/// A built-in walkthrough by name.
pub fn built_in(name: &str) -> Option<&'static BuiltIn> {
    BUILT_IN.iter().find(|b| b.name == name)
}

/// The names of the built-in walkthroughs, for messages: `car-t, tcr, til`.
pub fn names() -> String {
    BUILT_IN
        .iter()
        .map(|b| b.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads a story file's bytes as text: a UTF-8 byte-order mark (which some
/// Windows editors write) is dropped; text in another encoding gets the
/// line and column of its first byte that is not UTF-8.
pub fn decode(bytes: &[u8]) -> Result<String, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            // The text before the bad byte is valid UTF-8.
            let before = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            let col = before.chars().rev().take_while(|&c| c != '\n').count() + 1;
            Err(Diagnostic {
                line,
                col,
                message: format!(
                    "byte 0x{:02X} is not UTF-8 text (a character such as \"°\" or \"é\" \
                     saved in another encoding, like Latin-1): save the file as UTF-8",
                    bytes[e.valid_up_to()]
                ),
            })
        }
    }
}
