//! The lock-and-key lab: a seeded simulation of CAR T, TCR or TIL cells
//! against a tumour ([`model`]), its rules and presets as data
//! (`assets/lab/lab.ron`), and the headless `car-t-sim lab` command.

pub mod model;
mod screen;

use serde::{Deserialize, Serialize};

pub use model::{Counts, Kind, OutOfRange, Params, Run, Therapy, World};
pub use screen::{
    ActiveLab, LabCells, LabChanges, LabControl, LabNote, LabPreset, LabRun, LabText, LabView,
    RUN_STEPS, STEPS_PER_SECOND, draw_plugin, lab_layout, plot_top, plugin, timeline,
};

use crate::story::{ActiveStory, BUILT_IN, Diagnostic, Source, Spans, report};

/// Where the lab's file lives in the source tree (for messages).
pub const PATH: &str = "assets/lab/lab.ron";
/// The lab's file, compiled in.
pub const SOURCE: &str = include_str!("../../assets/lab/lab.ron");

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
    /// The built-in lab, checked; the test suite checks it, so a failure is
    /// a build defect.
    pub fn built_in() -> Lab {
        parse(SOURCE).unwrap_or_else(|d| panic!("the lab file is invalid:\n{}", report(PATH, &d)))
    }

    /// A preset by name.
    pub fn preset(&self, name: &str) -> Option<&Preset> {
        self.presets.iter().find(|p| p.name == name)
    }

    /// The sources the rules and presets cite, numbered in the order first
    /// cited (rules first): the walkthroughs' and the lab's own.
    pub fn numbered(&self) -> Vec<Source> {
        let all: Vec<Source> = BUILT_IN
            .iter()
            .filter_map(|b| ActiveStory::built_in(b.name))
            .flat_map(|a| a.story.sources)
            .chain(self.sources.iter().cloned())
            .collect();
        let mut out: Vec<Source> = vec![];
        let cited = self
            .rules
            .iter()
            .flat_map(|r| &r.cite)
            .chain(self.presets.iter().flat_map(|p| &p.cite));
        for id in cited {
            if !out.iter().any(|s| &s.id == id)
                && let Some(source) = all.iter().find(|s| &s.id == id)
            {
                out.push(source.clone());
            }
        }
        out
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
/// sources; every problem with its line and column.
pub fn parse(src: &str) -> Result<Lab, Vec<Diagnostic>> {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let lab: Lab = options.from_str(src).map_err(|e| {
        vec![Diagnostic {
            line: e.span.start.line,
            col: e.span.start.col,
            message: format!("syntax: {}", e.code),
        }]
    })?;
    let spans = Spans::scan(src);
    let mut out = vec![];
    let mut say = |path: &str, message: String| out.push(Diagnostic::at(spans.at(path), message));
    let mut ids: Vec<String> = BUILT_IN
        .iter()
        .filter_map(|b| ActiveStory::built_in(b.name))
        .flat_map(|a| a.story.sources)
        .map(|s| s.id)
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
    if out.is_empty() {
        Ok(lab)
    } else {
        out.sort_by_key(|d| (d.line, d.col));
        Err(out)
    }
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
