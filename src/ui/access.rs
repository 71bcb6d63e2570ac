//! Screen readers and keyboard users: every control has an accessible name
//! in Bevy's AccessKit tree, the caption is a polite live region (announced
//! when it changes), Tab and Shift+Tab move a visible focus ring between the
//! controls, and Enter presses the focused one.

use accesskit::{Live, Node as AccessNode, Role as AccessRole};
use bevy::a11y::{AccessibilityNode, AccessibilitySystems};
use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use bevy::input_focus::{InputFocus, InputFocusVisible};
use bevy::prelude::*;

use super::interaction::Current;
use crate::frame::Frame;
use crate::input::Intent;
use crate::theme::Theme;
use crate::view::Overlay;

/// What a node is to a screen reader.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
#[require(AccessibilityNode = AccessibilityNode(AccessNode::new(AccessRole::GenericContainer)))]
pub enum Spoken {
    /// A button, named by its text (or the name it was given).
    Button,
    /// The caption: read out whenever it changes.
    Caption,
    /// A label whose words are its text.
    Label,
    /// A group of other nodes.
    Group,
}

impl Spoken {
    /// A button with this accessible name.
    pub fn button(name: &str) -> (Spoken, AccessibilityNode) {
        let mut node = AccessNode::new(AccessRole::Button);
        node.set_label(name);
        (Spoken::Button, AccessibilityNode(node))
    }

    /// The caption, a polite live region.
    pub fn caption() -> (Spoken, AccessibilityNode) {
        let mut node = AccessNode::new(AccessRole::Label);
        node.set_live(Live::Polite);
        (Spoken::Caption, AccessibilityNode(node))
    }

    /// A group of other nodes (a bar, a panel, a list), named for what it
    /// holds. Every node between a spoken node and the screen must be one,
    /// or the spoken node loses its place in the reading order.
    pub fn group(name: &str, role: AccessRole) -> (Spoken, AccessibilityNode) {
        let mut node = AccessNode::new(role);
        if !name.is_empty() {
            node.set_label(name);
        }
        (Spoken::Group, AccessibilityNode(node))
    }

    /// A label that reads its text.
    pub fn label() -> (Spoken, AccessibilityNode) {
        (
            Spoken::Label,
            AccessibilityNode(AccessNode::new(AccessRole::Label)),
        )
    }
}

/// A control Tab can reach; lower numbers come first.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Focusable(pub i32);

/// Marks the node that shows the focus ring now.
#[derive(Component)]
struct Ringed;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<InputFocus>()
        .init_resource::<InputFocusVisible>()
        .add_observer(focus_on_click)
        .add_systems(
            Update,
            (focus_only_spoken_nodes, move_focus)
                .chain()
                .in_set(Frame::Read),
        )
        .add_systems(Update, show_focus_ring.in_set(Frame::Draw))
        .add_systems(
            PostUpdate,
            (speak_labels, speak_buttons)
                // After bevy_ui names buttons from their text, before the
                // tree goes to the screen reader.
                .after(bevy::ui::UiSystems::PostLayout)
                .before(AccessibilitySystems::Update),
        );
}

/// Keeps the focus on nodes of the screen reader tree, or on nothing. Bevy
/// focuses the window entity at start-up, which is not a node of the tree,
/// and then never sends the tree to the screen reader (it waits for the
/// focused node to appear). No focus means the window itself has it.
fn focus_only_spoken_nodes(
    mut focus: ResMut<InputFocus>,
    nodes: Query<(), With<AccessibilityNode>>,
) {
    if let Some(entity) = focus.get()
        && !nodes.contains(entity)
    {
        focus.clear();
    }
}

/// Tab and Shift+Tab move the focus through the controls in order (and
/// around); Enter presses the focused control.
fn move_focus(
    mut events: MessageReader<KeyboardInput>,
    mut shift: Local<bool>,
    focusables: Query<(Entity, &Focusable)>,
    intents: Query<&Intent>,
    overlay: Res<State<Overlay>>,
    mut focus: ResMut<InputFocus>,
    mut visible: ResMut<InputFocusVisible>,
    mut send: MessageWriter<Intent>,
) {
    for event in events.read() {
        let pressed = event.state == ButtonState::Pressed;
        match event.key_code {
            KeyCode::ShiftLeft | KeyCode::ShiftRight => *shift = pressed,
            KeyCode::Tab if pressed && *overlay.get() != Overlay::Blank => {
                // Every control is always on screen (the bars never hide).
                let mut order: Vec<(Focusable, Entity)> =
                    focusables.iter().map(|(e, f)| (*f, e)).collect();
                order.sort();
                if order.is_empty() {
                    continue;
                }
                let here = focus
                    .get()
                    .and_then(|f| order.iter().position(|(_, e)| *e == f));
                let n = order.len();
                let next = match (here, *shift) {
                    (None, false) => 0,
                    (None, true) => n - 1,
                    (Some(i), false) => (i + 1) % n,
                    (Some(i), true) => (i + n - 1) % n,
                };
                focus.set(order[next].1, bevy::input_focus::FocusCause::Navigated);
                visible.0 = true;
            }
            // On the black screen Enter only brings the screen back.
            KeyCode::Enter | KeyCode::NumpadEnter
                if pressed && !event.repeat && *overlay.get() != Overlay::Blank =>
            {
                if let Some(intent) = focus.get().and_then(|f| intents.get(f).ok()) {
                    send.write(*intent);
                }
            }
            _ => {}
        }
    }
}

/// A clicked control takes the focus (so Tab goes on from there), without the
/// ring, which is for keyboard users.
fn focus_on_click(
    click: On<Pointer<Click>>,
    focusables: Query<(), With<Focusable>>,
    mut focus: ResMut<InputFocus>,
    mut visible: ResMut<InputFocusVisible>,
) {
    if focusables.contains(click.entity) {
        focus.set(click.entity, bevy::input_focus::FocusCause::Pressed);
        if visible.0 {
            visible.0 = false;
        }
    }
}

/// Draws a ring around the focused control while focus is shown (after Tab).
fn show_focus_ring(
    mut commands: Commands,
    focus: Res<InputFocus>,
    visible: Res<InputFocusVisible>,
    theme: Res<Theme>,
    ringed: Query<Entity, With<Ringed>>,
    focusables: Query<(), With<Focusable>>,
) {
    if !(focus.is_changed() || visible.is_changed() || theme.is_changed()) {
        return;
    }
    for entity in &ringed {
        commands.entity(entity).remove::<(Ringed, Outline)>();
    }
    if let Some(entity) = focus.get().filter(|e| visible.0 && focusables.contains(*e)) {
        commands.entity(entity).insert((
            Ringed,
            Outline {
                width: px(4),
                offset: px(3),
                color: theme.focus,
            },
        ));
    }
}

/// What a screen reader says for a caption and its citation label
/// (`[1, 3]`): the words, then "Sources 1, 3.", with ordinary spaces.
pub fn spoken_caption(caption: &str, label: &str) -> String {
    let caption = caption.replace(['\u{a0}', crate::content::text::GLUE], " ");
    let numbers = label
        .replace(['\u{a0}', crate::content::text::GLUE], " ")
        .trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .trim()
        .to_string();
    if numbers.is_empty() {
        caption.trim().to_string()
    } else {
        let word = if numbers.contains(',') {
            "Sources"
        } else {
            "Source"
        };
        format!("{} {word} {numbers}.", caption.trim())
    }
}

/// Labels read their text.
fn speak_labels(mut labels: Query<(&Spoken, &Text, &mut AccessibilityNode), Changed<Text>>) {
    for (spoken, text, mut node) in &mut labels {
        if *spoken == Spoken::Label {
            node.set_role(AccessRole::Label);
            node.set_value(text.0.clone());
        }
    }
}

/// A control and what names it.
type SpokenButton = (
    &'static Spoken,
    &'static Name,
    Option<&'static Current>,
    Option<&'static Children>,
    &'static mut AccessibilityNode,
);

/// Buttons are named by their text (the play button's changes between Play
/// and Pause); a button that can be the current one (a stage's segment) is
/// named by its `Name` and says whether it is. Nodes are written only when something differs,
/// so the screen reader's tree is not resent every frame.
fn speak_buttons(mut buttons: Query<SpokenButton>, texts: Query<&Text>) {
    for (spoken, name, segment, children, mut node) in &mut buttons {
        if *spoken != Spoken::Button {
            continue;
        }
        if node.role() != AccessRole::Button {
            node.set_role(AccessRole::Button);
        }
        match segment {
            Some(&Current(current)) => {
                if node.is_selected() != Some(current) {
                    node.set_selected(current);
                }
                if node.label() != Some(name.as_str()) {
                    node.set_label(name.as_str());
                }
            }
            None => {
                let text = children
                    .into_iter()
                    .flatten()
                    .find_map(|c| texts.get(*c).ok());
                if let Some(text) = text
                    && node.label() != Some(text.0.as_str())
                {
                    node.set_label(text.0.clone());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_are_spoken_with_their_sources_in_words() {
        assert_eq!(
            spoken_caption("Blood leaves.\u{202f}", "[1,\u{202f}2,\u{202f}11]"),
            "Blood leaves. Sources 1, 2, 11."
        );
        assert_eq!(spoken_caption("One.", "[13]"), "One. Source 13.");
        assert_eq!(spoken_caption("None.", ""), "None.");
    }
}
