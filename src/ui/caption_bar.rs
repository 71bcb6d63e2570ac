//! The caption bar: the current beat's caption with its citation numbers in
//! bold, on a solid bar under a thin rule. Its height fits the story's
//! longest caption at the size the viewer chose; key C hides it.

use bevy::a11y::{AccessibilityNode, AccessibilitySystems};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use accesskit::{Live, Role as AccessRole};

use super::access::{Spoken, spoken_caption};
use super::fonts::Fonts;
use super::layout::{Bands, CAPTION_BAR_VH, CAPTION_FONT_VH};
use super::paint::{Fill, Ink, Role};
use crate::content::text::{CAPTION_PAD_VW, caption_text};
use crate::frame::Frame;
use crate::playback::Playhead;
use crate::screens::screen::Screen;
use crate::settings::Settings;
use crate::story::ActiveStory;
use crate::theme::Theme;
use crate::view::View;

/// The caption bar, hidden with key C.
#[derive(Component)]
pub struct CaptionBar;

/// The caption text; its child span holds the citation numbers.
#[derive(Component)]
pub struct CaptionText;

/// The citation numbers after the caption.
#[derive(Component)]
pub struct CitationText;

/// The height of the rule above the captions.
const CAPTION_RULE_VH: f32 = 0.5;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Bands>()
        .add_systems(
            Update,
            (
                update_caption.run_if(
                    in_state(Screen::Walkthrough).and_then(
                        resource_changed::<Playhead>
                            .or_else(resource_changed::<ActiveStory>)
                            .or_else(resource_changed::<Theme>),
                    ),
                ),
                fit_bands,
                fit_caption_font,
            )
                .chain()
                .in_set(Frame::Draw),
        )
        .add_systems(
            PostUpdate,
            speak_caption
                // After bevy_ui lays text out, before the tree goes to the
                // screen reader.
                .after(bevy::ui::UiSystems::PostLayout)
                .before(AccessibilitySystems::Update),
        );
}

/// The caption bar's top rule, in text colour.
///
/// A node of its own rather than the bar's top border: Bevy draws a border
/// as a quad the size of its whole node, so on a software renderer a border
/// costs as much as the bar behind it, and this thin node almost nothing.
fn caption_rule() -> impl Bundle {
    (
        Node {
            position_type: PositionType::Absolute,
            top: px(0),
            left: px(0),
            width: percent(100),
            height: vh(CAPTION_RULE_VH),
            ..default()
        },
        Fill(Role::Text),
        Pickable::IGNORE,
    )
}

/// The bar, with an empty caption that follows the playhead.
pub fn bar(fonts: &Fonts) -> impl Bundle {
    (
        Name::new("Caption bar"),
        Spoken::group("Caption", AccessRole::Group),
        CaptionBar,
        Node {
            height: vh(CAPTION_BAR_VH),
            flex_shrink: 0.0,
            // The top padding makes room for the rule.
            padding: UiRect {
                top: vh(CAPTION_RULE_VH),
                ..UiRect::horizontal(vw(CAPTION_PAD_VW))
            },
            align_items: AlignItems::Center,
            justify_content: JustifyContent::Center,
            overflow: Overflow::clip(),
            ..default()
        },
        Fill(Role::CaptionBar),
        children![
            caption_rule(),
            (
                CaptionText,
                Spoken::caption(),
                Text::new(""),
                TextFont {
                    font_size: FontSize::Vh(CAPTION_FONT_VH),
                    ..default()
                },
                Ink(Role::CaptionText),
                TextLayout::justify(Justify::Center),
                children![(
                    CitationText,
                    TextSpan::new(""),
                    TextFont {
                        font: fonts.bold.clone().into(),
                        font_size: FontSize::Vh(CAPTION_FONT_VH * 0.8),
                        ..default()
                    },
                    Ink(Role::CaptionText),
                )],
            )
        ],
    )
}

/// Sizes the bands for the window, the caption size the viewer chose, and
/// whether captions are shown. The caption bar is tall enough for the
/// story's longest caption at that size, so it does not jump between beats.
/// Hidden captions are hidden from screen readers too.
pub(super) fn fit_bands(
    window: Single<Ref<Window>, With<PrimaryWindow>>,
    settings: Res<Settings>,
    view: Res<View>,
    story: Res<ActiveStory>,
    screen: Res<State<Screen>>,
    mut bands: ResMut<Bands>,
    mut bar: Single<(&mut Node, &mut AccessibilityNode), With<CaptionBar>>,
) {
    let inputs_changed = window.is_changed()
        || settings.is_changed()
        || view.is_changed()
        || story.is_changed()
        || screen.is_changed();
    if !inputs_changed {
        return;
    }
    // The comparison has a caption in each lane, and no calendar.
    let walkthrough = *screen.get() == Screen::Walkthrough;
    let shown = view.captions && walkthrough;
    let story = &story.story;
    let captions: Vec<String> = story
        .stages
        .iter()
        .flat_map(|stage| &stage.beats)
        .map(|beat| caption_text(&beat.caption, &story.citation_label(beat)))
        .collect();
    let fitted = Bands::fit(
        window.width(),
        window.height(),
        settings.caption_percent(),
        shown,
        captions.iter().map(String::as_str),
    )
    .with_calendar(walkthrough && story.stages.iter().any(|s| s.days.is_some()));
    bands.set_if_neq(fitted);
    let (node, access) = &mut *bar;
    let display = if shown { Display::Flex } else { Display::None };
    let height = vh(fitted.caption_bar * 100.0);
    if node.display != display || node.height != height {
        node.display = display;
        node.height = height;
    }
    if access.is_hidden() == shown {
        if shown {
            access.clear_hidden();
        } else {
            access.set_hidden();
        }
    }
}

/// Sizes the caption's text as [`fit_bands`] decided.
fn fit_caption_font(
    bands: Res<Bands>,
    mut caption: Single<&mut TextFont, (With<CaptionText>, Without<CitationText>)>,
    mut citation: Single<&mut TextFont, (With<CitationText>, Without<CaptionText>)>,
) {
    let px = bands.caption_px;
    if caption.font_size != FontSize::Px(px) {
        caption.font_size = FontSize::Px(px);
        citation.font_size = FontSize::Px(px * 0.8);
    }
}

fn update_caption(
    playhead: Res<Playhead>,
    story: Res<ActiveStory>,
    mut caption: Single<&mut Text, With<CaptionText>>,
    mut citation: Single<&mut TextSpan, With<CitationText>>,
) {
    let story = &story.story;
    let beat = story
        .stages
        .get(playhead.stage)
        .and_then(|stage| stage.beat_index_at(playhead.time).map(|i| &stage.beats[i]));
    // The caption and its numbers are one text (see `caption_text`); the
    // numbers, after the last no-break space, go in the bold span.
    let (text, cites) = match beat {
        Some(beat) => {
            let whole = caption_text(&beat.caption, &story.citation_label(beat));
            let cut = whole.rfind('[').unwrap_or(whole.len());
            (whole[..cut].to_string(), whole[cut..].to_string())
        }
        None => (String::new(), String::new()),
    };
    if caption.0 != text {
        caption.0 = text;
    }
    if citation.0 != cites {
        citation.0 = cites;
    }
}

/// The caption's node carries the words on screen and the citation numbers.
fn speak_caption(
    mut caption: Query<(&Text, &Children, &mut AccessibilityNode), With<CaptionText>>,
    cites: Query<Ref<TextSpan>, With<CitationText>>,
    changed: Query<(), (With<CaptionText>, Changed<Text>)>,
) {
    for (text, children, mut node) in &mut caption {
        let span = children.iter().find_map(|c| cites.get(c).ok());
        let span_changed = span.as_ref().is_some_and(|s| s.is_changed());
        if changed.is_empty() && !span_changed {
            continue;
        }
        let numbers = span.map(|s| s.0.clone()).unwrap_or_default();
        let words = spoken_caption(&text.0, &numbers);
        node.set_role(AccessRole::Label);
        node.set_live(Live::Polite);
        node.set_value(words);
    }
}
