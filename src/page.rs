//! What a web page's address asks for: `?story=tcr&stage=3&theme=dark`
//! (and `compare`, `lab`), so that a teacher can link a slide to a stage. Plain
//! Rust, tested on any platform; the web build reads the address in
//! [`crate::web`].

use crate::settings::ThemeName;
use crate::story::built_in;

/// The choices of an address, each checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Asked {
    /// A built-in story by name.
    pub story: Option<String>,
    /// The stage to open at, 1-based.
    pub stage: Option<u32>,
    /// The theme for this visit.
    pub theme: Option<ThemeName>,
    /// Open side by side.
    pub compare: bool,
    /// Open on the lab.
    pub lab: bool,
    /// What could not be understood, in words for the screen.
    pub problems: Vec<String>,
}

/// Decodes `%41` and `+` in a query value.
fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match value
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or(())
                {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Reads an address's query (`?story=tcr&stage=3`, with or without the `?`).
pub fn parse(query: &str) -> Asked {
    let mut asked = Asked::default();
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let value = decode(value);
        match decode(key).as_str() {
            "story" if built_in(&value).is_some() => asked.story = Some(value),
            "story" => asked.problems.push(format!(
                "The address asks for story \"{value}\"; the stories are {}.",
                crate::story::names()
            )),
            "stage" => match value.parse::<u32>() {
                Ok(n) if n >= 1 => asked.stage = Some(n),
                _ => asked
                    .problems
                    .push(format!("The address's stage \"{value}\" is not a stage number.")),
            },
            "theme" => match ThemeName::from_name(&value) {
                Some(theme) => asked.theme = Some(theme),
                None => asked.problems.push(format!(
                    "The address asks for theme \"{value}\"; the themes are light, dark and high-contrast."
                )),
            },
            "compare" => asked.compare = !matches!(value.as_str(), "0" | "false" | "no"),
            "lab" => asked.lab = !matches!(value.as_str(), "0" | "false" | "no"),
            _ => {}
        }
    }
    asked
}

/// The stage to open at (0-based) for a story of `stages` stages, and what
/// is wrong with the asked one, if anything.
pub fn start_stage(asked: Option<u32>, stages: usize) -> (usize, Option<String>) {
    match asked {
        Some(n) if n as usize > stages => {
            (0, Some(format!("The story has {stages} stages, not {n}.")))
        }
        Some(n) => (n as usize - 1, None),
        None => (0, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_teachers_link_opens_a_story_at_a_stage_in_a_theme() {
        let asked = parse("?story=tcr&stage=3&theme=dark");
        assert_eq!(asked.story.as_deref(), Some("tcr"));
        assert_eq!(asked.stage, Some(3));
        assert_eq!(asked.theme, Some(ThemeName::Dark));
        assert!(!asked.compare && asked.problems.is_empty());
        assert_eq!(
            parse("theme=high%2Dcontrast").theme,
            Some(ThemeName::HighContrast)
        );
        assert!(parse("?compare").compare);
        assert!(parse("?lab").lab && !parse("?lab=no").lab);
        assert_eq!(parse(""), Asked::default());
    }

    #[test]
    fn a_stage_out_of_range_opens_the_first_and_says_so() {
        assert_eq!(start_stage(Some(3), 6), (2, None));
        assert_eq!(start_stage(None, 6), (0, None));
        let (stage, problem) = start_stage(Some(9), 6);
        assert_eq!(stage, 0);
        assert_eq!(problem.as_deref(), Some("The story has 6 stages, not 9."));
    }

    #[test]
    fn what_an_address_gets_wrong_is_said_not_guessed() {
        let asked = parse("?story=cart&stage=zero&theme=pink&utm_source=x");
        assert_eq!((asked.story, asked.stage, asked.theme), (None, None, None));
        assert_eq!(asked.problems.len(), 3, "{:?}", asked.problems);
        assert!(asked.problems[0].contains("car-t, tcr, til"));
        // A stray percent sign is kept, not a panic.
        assert_eq!(decode("50%"), "50%");
        assert_eq!(decode("%zz"), "%zz");
    }
}
