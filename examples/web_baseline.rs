//! The floor for the web build's figures: a bare Bevy app with car-t-sim's
//! Bevy features, camera and font, drawing one line of text, built for the
//! web the same way (`scripts/web.sh --example web_baseline`) and opened in
//! the same page. `scripts/bench.sh` compares the two in headless Chromium.

use bevy::prelude::*;

fn main() {
    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: "baseline".into(),
                #[cfg(target_arch = "wasm32")]
                canvas: Some("#car-t-sim".into()),
                #[cfg(target_arch = "wasm32")]
                fit_canvas_to_parent: true,
                ..default()
            }),
            ..default()
        }))
        .add_systems(Startup, setup)
        .run();
}

fn setup(
    mut commands: Commands,
    mut fonts: ResMut<Assets<Font>>,
    adapter: Option<Res<bevy::render::renderer::RenderAdapterInfo>>,
) {
    let font = Font::from_bytes(include_bytes!("../assets/fonts/NotoSans-Regular.ttf").to_vec());
    fonts
        .insert(Handle::<Font>::default().id(), font)
        .expect("the default font handle is valid");
    commands.spawn((Camera2d, car_t_sim::ui::msaa_for(adapter.as_deref())));
    commands.spawn((
        Text::new("CAR T-cell therapy, step by step"),
        TextFont {
            font_size: FontSize::Vh(4.5),
            ..default()
        },
    ));
}
