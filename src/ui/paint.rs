//! Theme roles: a node says which of the theme's colours it takes, and is
//! repainted when the theme changes (key T) or when it is spawned.

use bevy::prelude::*;

use crate::frame::Frame;
use crate::theme::Theme;

/// One of the theme's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The caption bar.
    CaptionBar,
    /// Caption text.
    CaptionText,
    /// Ordinary text and borders.
    Text,
    /// Panels.
    Panel,
    /// The error banner's border.
    Warning,
    /// Progress fill.
    Progress,
}

impl Role {
    fn of(self, theme: &Theme) -> Color {
        match self {
            Role::CaptionBar => theme.caption_bar,
            Role::CaptionText => theme.caption_text,
            Role::Text => theme.text,
            Role::Panel => theme.panel,
            Role::Warning => theme.warning,
            Role::Progress => theme.progress,
        }
    }
}

/// The background takes this theme colour.
#[derive(Component, Debug, Clone, Copy)]
#[require(BackgroundColor)]
pub struct Fill(pub Role);

/// The text takes this theme colour.
#[derive(Component, Debug, Clone, Copy)]
#[require(TextColor)]
pub struct Ink(pub Role);

/// The border takes this theme colour.
#[derive(Component, Debug, Clone, Copy)]
#[require(BorderColor)]
pub struct Edge(pub Role);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, repaint.in_set(Frame::Draw));
}

fn repaint(
    theme: Res<Theme>,
    mut fills: Query<(Ref<Fill>, &mut BackgroundColor)>,
    mut inks: Query<(Ref<Ink>, &mut TextColor)>,
    mut edges: Query<(Ref<Edge>, &mut BorderColor)>,
    mut camera: Query<&mut Camera, With<super::camera::SceneCamera>>,
) {
    let all = theme.is_changed();
    for (fill, mut color) in &mut fills {
        if all || fill.is_added() {
            color.set_if_neq(BackgroundColor(fill.0.of(&theme)));
        }
    }
    for (ink, mut color) in &mut inks {
        if all || ink.is_added() {
            color.set_if_neq(TextColor(ink.0.of(&theme)));
        }
    }
    for (edge, mut color) in &mut edges {
        if all || edge.is_added() {
            color.set_if_neq(BorderColor::all(edge.0.of(&theme)));
        }
    }
    if all {
        for mut camera in &mut camera {
            camera.clear_color = ClearColorConfig::Custom(theme.background);
        }
    }
}
