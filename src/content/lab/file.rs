//! The lab's file: its rules (each citing a source, or an assumption) and
//! presets, checked with line and column; and what the headless `lab`
//! command asks for.

use serde::{Deserialize, Serialize};

use super::params::Params;
use crate::content::diagnostic::{Diagnostic, in_file_order, parse_ron, report};
use crate::content::sources::numbered_by_first_citation;
use crate::content::story::model::{Source, Story};
use crate::content::story::spans::Spans;
use crate::content::therapy::Therapy;

/// Where the lab's file lives in the source tree (for messages).
pub const PATH: &str = "assets/lab/lab.ron";
/// The lab's file, compiled in.
pub const SOURCE: &str = include_str!("../../../assets/lab/lab.ron");

/// The lab's rules and presets.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Lab {
    /// Its name in the chooser and the window's title.
    pub title: String,
    /// What it is, in the chooser.
    pub summary: String,
    /// What the screen says the lab is (a teaching model).
    pub note: String,
    /// The rules, each a parameter of the model.
    pub rules: Vec<Rule>,
    /// Sources the walkthroughs do not have.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The presets, one lesson each.
    pub presets: Vec<Preset>,
}

/// A rule of the model: a parameter, what it shows, and its sources.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// The parameter's name in [`Params`].
    pub param: String,
    /// Its name on screen.
    pub label: String,
    /// What the rule shows, in a sentence.
    pub shows: String,
    /// Ids of the sources it rests on.
    pub cite: Vec<String>,
    /// A rule of the model that none of the sources states (it says so on
    /// screen); such a rule cites nothing.
    #[serde(default)]
    pub assumption: bool,
}

/// A preset: parameters that tell one lesson.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    /// Its name (`--preset NAME`).
    pub name: String,
    /// Its name on screen.
    pub label: String,
    /// The lesson, in one sentence.
    pub lesson: String,
    /// Ids of the sources for what the lesson says of real patients (none
    /// when it speaks of the model only).
    pub cite: Vec<String>,
    /// The parameters (the rest are the defaults).
    pub params: Params,
}

/// The names of the parameters, as [`Params`] spells them.
pub const PARAMS: &[&str] = &[
    "therapy",
    "t_cells",
    "cancer_cells",
    "lockless_share",
    "loss_rate",
    "growth",
    "hla_match",
    "lock_carriers",
    "plain_cells",
    "kill_steps",
    "exhaustion",
    "t_division",
    "carrier_return",
    "seed",
];

impl Lab {
    /// The built-in lab, checked against the walkthroughs' sources
    /// (`stories`); the test suite checks it, so a failure is a build
    /// defect.
    pub fn built_in(stories: &[Story]) -> Lab {
        parse(SOURCE, stories)
            .unwrap_or_else(|d| panic!("the lab file is invalid:\n{}", report(PATH, &d)))
    }

    /// A preset by name.
    pub fn preset(&self, name: &str) -> Option<&Preset> {
        self.presets.iter().find(|p| p.name == name)
    }

    /// The sources the rules and presets cite, numbered in the order first
    /// cited (rules first): the walkthroughs' (`stories`) and the lab's own.
    pub fn numbered(&self, stories: &[Story]) -> Vec<Source> {
        let all: Vec<Source> = stories
            .iter()
            .flat_map(|s| s.sources.iter().cloned())
            .chain(self.sources.iter().cloned())
            .collect();
        let cited = self
            .rules
            .iter()
            .flat_map(|r| &r.cite)
            .chain(self.presets.iter().flat_map(|p| &p.cite));
        numbered_by_first_citation(&all, cited)
    }

    /// The names of the presets: `cleared, antigen-escape, ...`.
    pub fn preset_names(&self) -> String {
        self.presets
            .iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Reads and checks the lab's file: syntax, parameter names, ranges, cited
/// sources (its own and those of `stories`, the walkthroughs); every
/// problem with its line and column.
pub fn parse(src: &str, stories: &[Story]) -> Result<Lab, Vec<Diagnostic>> {
    let lab: Lab = parse_ron(src).map_err(|d| vec![d])?;
    let spans = Spans::scan(src);
    let mut out = vec![];
    let mut say = |path: &str, message: String| out.push(Diagnostic::at(spans.at(path), message));
    let mut ids: Vec<String> = stories
        .iter()
        .flat_map(|s| &s.sources)
        .map(|s| s.id.clone())
        .collect();
    ids.extend(lab.sources.iter().map(|s| s.id.clone()));
    for (i, rule) in lab.rules.iter().enumerate() {
        if !PARAMS.contains(&rule.param.as_str()) {
            say(
                &format!("rules[{i}].param"),
                format!(
                    "no parameter \"{}\" (they are: {})",
                    rule.param,
                    PARAMS.join(", ")
                ),
            );
        }
        match (rule.cite.is_empty(), rule.assumption) {
            (true, false) => say(
                &format!("rules[{i}].cite"),
                "a rule must cite a source, or say `assumption: true`".into(),
            ),
            (false, true) => say(
                &format!("rules[{i}].assumption"),
                "a rule with sources is not an assumption".into(),
            ),
            _ => {}
        }
        for (c, id) in rule.cite.iter().enumerate() {
            if !ids.contains(id) {
                say(
                    &format!("rules[{i}].cite[{c}]"),
                    format!("unknown citation id \"{id}\""),
                );
            }
        }
    }
    for (i, preset) in lab.presets.iter().enumerate() {
        if let Err(e) = preset.params.check() {
            say(&format!("presets[{i}].params"), e.to_string());
        }
        for (c, id) in preset.cite.iter().enumerate() {
            if !ids.contains(id) {
                say(
                    &format!("presets[{i}].cite[{c}]"),
                    format!("unknown citation id \"{id}\""),
                );
            }
        }
        if preset.lesson.trim().is_empty() {
            say(
                &format!("presets[{i}].lesson"),
                "a preset needs its lesson".into(),
            );
        }
    }
    in_file_order(lab, out)
}

/// What `car-t-sim lab` asks for.
#[derive(Debug, Clone, Default)]
pub struct Headless {
    /// The therapy, unless the preset says.
    pub therapy: Option<Therapy>,
    /// A preset by name.
    pub preset: Option<String>,
    /// T cells at the start.
    pub dose: Option<u32>,
    /// The seed.
    pub seed: Option<u64>,
    /// Steps to run.
    pub steps: u64,
    /// Scale the patch to about this many cells (for benchmarks).
    pub agents: Option<u32>,
}

impl Headless {
    /// The parameters these choices give, or what is wrong with them.
    pub fn params(&self, lab: &Lab) -> Result<Params, String> {
        let mut params = match &self.preset {
            Some(name) => lab.preset(name).map(|p| p.params.clone()).ok_or_else(|| {
                format!("no preset \"{name}\" (they are: {})", lab.preset_names())
            })?,
            None => Params::default(),
        };
        if let Some(therapy) = self.therapy {
            params.therapy = therapy;
        }
        if let Some(dose) = self.dose {
            params.t_cells = dose;
        }
        if let Some(seed) = self.seed {
            params.seed = seed;
        }
        if let Some(agents) = self.agents {
            // The same mix, scaled.
            let scale = agents as f64 / params.starting_cells().max(1) as f64;
            let s = |n: u32| ((n as f64 * scale).round() as u32).max(if n > 0 { 1 } else { 0 });
            params.t_cells = s(params.t_cells);
            params.cancer_cells = s(params.cancer_cells);
            params.lock_carriers = s(params.lock_carriers);
            params.plain_cells = s(params.plain_cells);
        }
        params.check().map_err(|e| e.to_string())?;
        Ok(params)
    }
}
