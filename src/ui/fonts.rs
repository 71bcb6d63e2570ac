//! The shipped font (Noto Sans), compiled in so the app runs from any folder.
//! The regular face replaces Bevy's default font, so every text uses it.

use bevy::prelude::*;

/// Handles of the shipped font faces.
#[derive(Resource, Debug, Clone)]
pub struct Fonts {
    /// Noto Sans Bold, for titles and the current stage.
    pub bold: Handle<Font>,
}

pub(super) fn plugin(app: &mut App) {
    let mut fonts = app.world_mut().resource_mut::<Assets<Font>>();
    let regular =
        Font::from_bytes(include_bytes!("../../assets/fonts/NotoSans-Regular.ttf").to_vec());
    fonts
        .insert(Handle::<Font>::default().id(), regular)
        .expect("the default font handle is always valid");
    let bold = fonts.add(Font::from_bytes(
        include_bytes!("../../assets/fonts/NotoSans-Bold.ttf").to_vec(),
    ));
    app.insert_resource(Fonts { bold });
}
