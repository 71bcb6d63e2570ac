//! The screen's widgets as functions returning bundles: bar labels, buttons
//! (which carry their [`Intent`] and attach their own click observer),
//! panels and panel text. A button's caption shows the keys bound now, so a
//! rebinding shows on the buttons as in the help.

use bevy::ecs::lifecycle::HookContext;
use bevy::ecs::world::DeferredWorld;
use bevy::picking::hover::Hovered;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use accesskit::Role as AccessRole;

use super::access::{Focusable, Spoken};
use super::paint::{Edge, Fill, Ink, Role};
use crate::content::text::fit_font_px;
use crate::frame::Frame;
use crate::input::{Action, Intent};
use crate::settings::Settings;

/// Font size of bar labels and buttons, in percent of the window height
/// (the bars fit it to the window, see [`crate::content::text::label_font_px`]).
pub const LABEL_VH: f32 = super::layout::LABEL_VH;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, (caption_buttons, fit_labels).in_set(Frame::Draw));
}

/// Text laid out for 16:9 at this many percent of the window height, sized
/// to the window by [`fit_labels`] (see [`crate::content::text::fit_font_px`]).
#[derive(Component, Debug, Clone, Copy)]
pub struct FitText(pub f32);

/// A bar label whose colour its owner sets.
pub fn label_text(text: impl Into<String>) -> impl Bundle {
    (
        FitText(LABEL_VH),
        Text::new(text),
        TextFont {
            font_size: FontSize::Vh(LABEL_VH),
            ..default()
        },
        Pickable::IGNORE,
    )
}

/// A bar label in the theme's text colour.
pub fn label(text: impl Into<String>) -> impl Bundle {
    (label_text(text), Ink(Role::Text))
}

/// What a button says: its words, then the first key bound to `keys` now,
/// in brackets: "Next (Right)".
#[derive(Component, Debug, Clone, PartialEq)]
pub struct ButtonCaption {
    /// The words, e.g. "Next".
    pub words: String,
    /// The action whose key the caption shows, if any.
    pub keys: Option<Action>,
}

/// The caption of a button whose words are `words` and whose action is
/// `action`, with the keys bound in `settings`.
pub fn caption_with_key(words: &str, action: Option<Action>, settings: &Settings) -> String {
    match action.and_then(|a| settings.first_key(a)) {
        Some(key) => format!("{words} ({key})"),
        None => words.to_string(),
    }
}

/// Presses the button it is on when clicked: sends its [`Intent`]. Attaches
/// its own observer when added.
#[derive(Component, Debug, Clone, Copy)]
#[component(on_add = observe_clicks)]
pub struct Pressable;

fn observe_clicks(mut world: DeferredWorld, context: HookContext) {
    world
        .commands()
        .entity(context.entity)
        .observe(press_on_click);
}

fn press_on_click(
    click: On<Pointer<Click>>,
    intents: Query<&Intent>,
    mut send: MessageWriter<Intent>,
) {
    if let Ok(intent) = intents.get(click.entity) {
        send.write(*intent);
    }
}

/// The look of every button: outlined, rounded, tinted by
/// [`super::interaction`] when hovered or current.
pub fn button_node() -> Node {
    Node {
        padding: UiRect::axes(vw(0.6), vh(0.6)),
        border: UiRect::all(px(2)),
        border_radius: BorderRadius::all(vh(0.8)),
        justify_content: JustifyContent::Center,
        align_items: AlignItems::Center,
        ..default()
    }
}

/// A button that sends `intent` when clicked or when Enter is pressed on it
/// (Tab reaches it in `order`). It says `words` and the first key bound to
/// the intent's action.
pub fn button(intent: Intent, words: &str, order: i32) -> impl Bundle {
    let keys = intent.action();
    (
        Button,
        intent,
        Pressable,
        Name::new(words.to_string()),
        Spoken::button(words),
        Focusable(order),
        Hovered::default(),
        button_node(),
        BackgroundColor(Color::NONE),
        Edge(Role::Text),
        ButtonCaption {
            words: words.to_string(),
            keys,
        },
        children![label(words)],
    )
}

/// Writes each button's caption with the keys bound now: when the button
/// appears, when its words change, and when the settings change.
fn caption_buttons(
    settings: Res<Settings>,
    buttons: Query<(Ref<ButtonCaption>, &Children)>,
    mut texts: Query<&mut Text>,
) {
    for (caption, children) in &buttons {
        if !(caption.is_changed() || settings.is_changed()) {
            continue;
        }
        let words = caption_with_key(&caption.words, caption.keys, &settings);
        for child in children {
            if let Ok(mut text) = texts.get_mut(*child) {
                text.set_if_neq(Text(words.clone()));
            }
        }
    }
}

/// Sizes fitted text (the bar labels, so that the bars fit on one row; the
/// comparison's lane captions). Only text whose size is off is touched, so this costs
/// nothing while the window keeps its size.
fn fit_labels(
    window: Single<&Window, With<PrimaryWindow>>,
    mut labels: Query<(&FitText, &mut TextFont)>,
) {
    for (fit, mut font) in &mut labels {
        let size = FontSize::Px(fit_font_px(fit.0, window.width(), window.height()));
        if font.font_size != size {
            font.font_size = size;
        }
    }
}

/// Font size of panel text, in percent of the window height.
pub const PANEL_TEXT_VH: f32 = 2.5;

/// A panel box over the scene, named for screen readers.
pub fn panel(name: &'static str, z: i32) -> impl Bundle {
    (
        Name::new(name),
        Spoken::group(name, AccessRole::Dialog),
        Node {
            position_type: PositionType::Absolute,
            left: vw(4.0),
            right: vw(4.0),
            top: vh(4.0),
            bottom: vh(4.0),
            padding: UiRect::all(vh(2.5)),
            border: UiRect::all(px(3)),
            border_radius: BorderRadius::all(vh(1.0)),
            flex_direction: FlexDirection::Column,
            row_gap: vh(0.8),
            overflow: Overflow::clip(),
            ..default()
        },
        GlobalZIndex(z),
        Fill(Role::Panel),
        Edge(Role::Text),
    )
}

/// Panel text in the theme's text colour, read out by screen readers.
pub fn panel_text(text: impl Into<String>, size_vh: f32) -> impl Bundle {
    (
        Text::new(text),
        TextFont {
            font_size: FontSize::Vh(size_vh),
            ..default()
        },
        Ink(Role::Text),
        Spoken::label(),
    )
}

/// A panel's bold title.
pub fn title(text: impl Into<String>, bold: Handle<Font>) -> impl Bundle {
    (
        Text::new(text),
        TextFont {
            font: bold.into(),
            font_size: FontSize::Vh(3.2),
            ..default()
        },
        Ink(Role::Text),
        Spoken::label(),
    )
}

/// "H or Esc": the first keys bound to each action, joined by "or".
pub fn keys_or(actions: &[Action], settings: &Settings) -> String {
    actions
        .iter()
        .filter_map(|a| settings.first_key(*a))
        .collect::<Vec<_>>()
        .join(" or ")
}
