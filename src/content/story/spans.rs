//! Finds where each value of a RON document starts, so that validation can
//! name the line and column of a problem that serde alone cannot place.
//!
//! The scanner runs only on text that `ron` has already parsed, so it is
//! lenient: it understands just enough of RON's grammar (structs, lists, maps,
//! strings, comments) to walk it, and records positions by path, for example
//! `stages[1].beats[0].caption`.

use std::collections::HashMap;

/// A 1-based line and column (counted in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
}

/// Where every field and list item of a document starts.
#[derive(Debug, Default)]
pub struct Spans {
    map: HashMap<String, Pos>,
}

impl Spans {
    /// Scans `src` and records the position of each value by its path.
    pub fn scan(src: &str) -> Spans {
        let mut scanner = Scanner {
            chars: src.chars().collect(),
            i: 0,
            line: 1,
            col: 1,
            spans: Spans::default(),
        };
        scanner.value(String::new());
        scanner.spans
    }

    /// Position of a path, or of its nearest recorded parent, or 1:1.
    pub fn at(&self, path: &str) -> Pos {
        let mut path = path;
        loop {
            if let Some(pos) = self.map.get(path) {
                return *pos;
            }
            match path.rfind(['.', '[']) {
                Some(cut) => path = &path[..cut],
                None => return Pos { line: 1, col: 1 },
            }
        }
    }
}

struct Scanner {
    chars: Vec<char>,
    i: usize,
    line: usize,
    col: usize,
    spans: Spans,
}

impl Scanner {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.i).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.i + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.i += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }

    /// Skips white space and comments (`//` lines, nested `/* */` blocks).
    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                (Some('/'), Some('*')) => {
                    let mut depth = 0usize;
                    while let Some(c) = self.bump() {
                        if c == '/' && self.peek() == Some('*') {
                            self.bump();
                            depth += 1;
                        } else if c == '*' && self.peek() == Some('/') {
                            self.bump();
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn record(&mut self, path: &str, pos: Pos) {
        self.spans.map.entry(path.to_string()).or_insert(pos);
    }

    fn value(&mut self, path: String) {
        self.skip_trivia();
        let start = self.pos();
        self.record(&path, start);
        match self.peek() {
            None => {}
            Some('"') => self.string(),
            Some('\'') => self.char_literal(),
            Some('r') if matches!(self.peek_at(1), Some('"' | '#')) => self.raw_string(),
            Some('[') => {
                self.bump();
                self.list(&path);
            }
            Some('{') => {
                self.bump();
                self.map(&path);
            }
            Some('(') => {
                self.bump();
                self.fields(&path);
            }
            Some(_) => {
                self.word();
                self.skip_trivia();
                if self.peek() == Some('(') {
                    self.bump();
                    self.fields(&path);
                }
            }
        }
    }

    fn word(&mut self) {
        let mut any = false;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '+' | '-'))
        {
            self.bump();
            any = true;
        }
        if !any {
            // A character the scanner does not know: step over it.
            self.bump();
        }
    }

    fn string(&mut self) {
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => return,
                _ => {}
            }
        }
    }

    fn char_literal(&mut self) {
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '\'' => return,
                _ => {}
            }
        }
    }

    fn raw_string(&mut self) {
        self.bump();
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        self.bump();
        while let Some(c) = self.bump() {
            if c == '"' && (0..hashes).all(|k| self.peek_at(k) == Some('#')) {
                for _ in 0..hashes {
                    self.bump();
                }
                return;
            }
        }
    }

    /// Items of a list, after its `[`, up to and including its `]`.
    fn list(&mut self, path: &str) {
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(']') => {
                    self.bump();
                    return;
                }
                Some(',') => {
                    self.bump();
                }
                Some(_) => {
                    let before = self.i;
                    self.value(format!("{path}[{index}]"));
                    index += 1;
                    if self.i == before {
                        self.bump();
                    }
                }
            }
        }
    }

    /// Entries of a map, after its `{`, up to and including its `}`.
    fn map(&mut self, path: &str) {
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some('}') => {
                    self.bump();
                    return;
                }
                Some(',' | ':') => {
                    self.bump();
                }
                Some(_) => {
                    let before = self.i;
                    self.value(format!("{path}{{}}"));
                    if self.i == before {
                        self.bump();
                    }
                }
            }
        }
    }

    /// Fields of a struct or items of a tuple, after its `(`, up to and
    /// including its `)`. Named fields extend the path; unnamed items (as in
    /// `Some(x)`) keep it.
    fn fields(&mut self, path: &str) {
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(')') => {
                    self.bump();
                    return;
                }
                Some(',') => {
                    self.bump();
                }
                Some(c) if c.is_alphabetic() || c == '_' => {
                    if let Some(name) = self.field_name() {
                        let field_pos = self.pos();
                        let field_path = if path.is_empty() {
                            name.clone()
                        } else {
                            format!("{path}.{name}")
                        };
                        self.consume_name_and_colon(&name);
                        self.record(&field_path, field_pos);
                        // The field's own position stays recorded (first wins).
                        self.value(field_path);
                    } else {
                        self.value(path.to_string());
                    }
                }
                Some(_) => {
                    let before = self.i;
                    self.value(path.to_string());
                    if self.i == before {
                        self.bump();
                    }
                }
            }
        }
    }

    /// If the text at the cursor is `name :` (not `name::`), returns the name
    /// without consuming anything.
    fn field_name(&self) -> Option<String> {
        let mut k = self.i;
        let mut name = String::new();
        while let Some(&c) = self.chars.get(k) {
            if c.is_alphanumeric() || c == '_' {
                name.push(c);
                k += 1;
            } else {
                break;
            }
        }
        while self.chars.get(k).is_some_and(|c| c.is_whitespace()) {
            k += 1;
        }
        (self.chars.get(k) == Some(&':') && self.chars.get(k + 1) != Some(&':')).then_some(name)
    }

    fn consume_name_and_colon(&mut self, name: &str) {
        for _ in name.chars() {
            self.bump();
        }
        self.skip_trivia();
        self.bump();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fields_and_list_items() {
        let src = "Story(\n  title: \"x\", // a comment\n  stages: [\n    Stage(id: \"a\"),\n    Stage(id: \"b\", beats: [Beat(at: 1.0)]),\n  ],\n)";
        let spans = Spans::scan(src);
        assert_eq!(spans.at("title"), Pos { line: 2, col: 3 });
        assert_eq!(spans.at("stages[0]"), Pos { line: 4, col: 5 });
        assert_eq!(spans.at("stages[1].id"), Pos { line: 5, col: 11 });
        assert_eq!(spans.at("stages[1].beats[0].at"), Pos { line: 5, col: 33 });
        // Unknown paths fall back to their nearest parent.
        assert_eq!(spans.at("stages[1].duration"), Pos { line: 5, col: 5 });
    }

    #[test]
    fn strings_with_brackets_and_comments_do_not_confuse_it() {
        let src = "(a: \"[(\\\")\", /* x ( */ b: r#\"]\"#, c: Some(\"z\"))";
        let spans = Spans::scan(src);
        assert_eq!(spans.at("b"), Pos { line: 1, col: 24 });
        assert_eq!(spans.at("c"), Pos { line: 1, col: 35 });
    }
}
