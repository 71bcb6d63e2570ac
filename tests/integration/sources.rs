//! Sources: every one a reader can open (a full `https://` address), with a
//! date or a word on why it has none, and cited by something. A story file
//! with a bare address is rejected; the shipped ones cite every source.

use car_t_sim::content::lab::Lab;
use car_t_sim::scenes::SceneKinds;
use car_t_sim::screens::compare::ActiveComparison;
use car_t_sim::story::{BUILT_IN, Source, parse_story};

use crate::common::pos_of;

const STORY: &str = r#"Story(
    title: "Sources",
    stages: [
        Stage(
            id: "a",
            title: "First",
            scene: "apheresis",
            duration: 10.0,
            beats: [Beat(at: 0.0, caption: "Hello there.", cite: ["s1"])],
        ),
    ],
    sources: [
        Source(id: "s1", publisher: "P1", title: "T1", url: "https://example.org/one"),
        Source(id: "s2", publisher: "P2", title: "T2", url: "www.example.org/two"),
    ],
)"#;

#[test]
fn an_address_without_https_is_named_where_it_is_and_uncited_sources_are_listed() {
    let errors = parse_story(STORY, &SceneKinds::default()).expect_err("a bare address");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(
        (errors[0].line, errors[0].col),
        pos_of(STORY, "url: \"www", 0),
        "{}",
        errors[0]
    );
    assert!(errors[0].message.contains("https://"), "{}", errors[0]);
    let fixed = STORY.replace("www.example", "https://www.example");
    let story = parse_story(&fixed, &SceneKinds::default()).expect("fixed");
    let uncited: Vec<&str> = story.uncited().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(uncited, ["s2"]);
    let cited = fixed.replace("cite: [\"s1\"]", "cite: [\"s1\", \"s2\"]");
    let story = parse_story(&cited, &SceneKinds::default()).expect("cited");
    assert!(story.uncited().is_empty());
}

/// A source a reader can find: an https address, a publisher and title, and
/// a year or a detail saying when (or that the page gives no date).
fn assert_findable(owner: &str, source: &Source) {
    let id = &source.id;
    let url = source.url.as_deref().unwrap_or("");
    assert!(
        url.starts_with("https://"),
        "{owner}: {id} has no https address"
    );
    assert!(
        !source.publisher.trim().is_empty() && !source.title.trim().is_empty(),
        "{owner}: {id}"
    );
    assert!(
        source.year.is_some() || source.detail.is_some(),
        "{owner}: {id} gives no date and says nothing of one"
    );
}

#[test]
fn every_shipped_source_can_be_found_and_is_cited() {
    let kinds = SceneKinds::default();
    for built_in in BUILT_IN {
        let story = parse_story(built_in.source, &kinds).expect("a built-in story is valid");
        let uncited: Vec<&str> = story.uncited().iter().map(|s| s.id.as_str()).collect();
        assert!(
            uncited.is_empty(),
            "{}: nothing cites {uncited:?}",
            built_in.name
        );
        for source in &story.sources {
            assert_findable(built_in.name, source);
        }
    }
    let comparison = ActiveComparison::built_in().0;
    for own in &comparison.sources {
        assert_findable("compare", own);
        assert!(
            comparison.numbered.iter().any(|s| s.id == own.id),
            "compare: {} is cited by no lane or cell",
            own.id
        );
    }
    let lab = Lab::built_in(&car_t_sim::story::ActiveStory::built_in_stories());
    let cited = lab.numbered(&car_t_sim::story::ActiveStory::built_in_stories());
    for own in &lab.sources {
        assert_findable("lab", own);
        assert!(
            cited.iter().any(|s| s.id == own.id),
            "lab: {} is cited by no rule or preset",
            own.id
        );
    }
}
