//! The floor for car-t-sim's performance figures: a bare Bevy app with the
//! same Bevy features, window size, camera and font, drawing one line of
//! text. It prints the same fields as `car-t-sim bench`.
//!
//! `cargo run --example baseline -- [--frames N] [--size WxH]`; N frames are
//! rendered for each of the five stages car-t-sim shows (5 x N in all).

use bevy::prelude::*;
use bevy::window::{PresentMode, WindowResolution};
use bevy::winit::WinitSettings;

use car_t_sim::bench::{FrameTimes, first_present_plugin, mark_process_start, summary_lines};

#[derive(Resource)]
struct Budget(u32);

fn main() {
    mark_process_start();
    let mut frames = 300;
    let mut size = car_t_sim::DEFAULT_WINDOW;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        match (args[i].as_str(), args.get(i + 1)) {
            ("--frames", Some(n)) => frames = n.parse().expect("--frames N"),
            ("--size", Some(s)) => size = car_t_sim::cli::parse_size(s).expect("--size WxH"),
            _ => {
                eprintln!("usage: baseline [--frames N] [--size WxH]");
                std::process::exit(2);
            }
        }
        i += 2;
    }
    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: "baseline".into(),
                resolution: WindowResolution::new(size.0, size.1),
                present_mode: PresentMode::AutoNoVsync,
                ..default()
            }),
            ..default()
        }))
        .insert_resource(WinitSettings::continuous())
        .insert_resource(Budget(frames * 5))
        .init_resource::<FrameTimes>()
        .add_plugins(first_present_plugin)
        .add_systems(Startup, setup)
        .add_systems(Update, count)
        .run();
}

fn setup(
    mut commands: Commands,
    mut fonts: ResMut<Assets<Font>>,
    mut times: ResMut<FrameTimes>,
    adapter: Option<Res<bevy::render::renderer::RenderAdapterInfo>>,
) {
    let font = Font::from_bytes(include_bytes!("../assets/fonts/NotoSans-Regular.ttf").to_vec());
    fonts
        .insert(Handle::<Font>::default().id(), font)
        .expect("the default font handle is valid");
    // The same camera as car-t-sim's, multisampling included.
    commands.spawn((Camera2d, car_t_sim::ui::msaa_for(adapter.as_deref())));
    commands.spawn((
        Text::new("CAR T-cell therapy, step by step"),
        TextFont {
            font_size: FontSize::Vh(4.5),
            ..default()
        },
    ));
    times.sections.push(("baseline".into(), Vec::new()));
}

fn count(
    time: Res<Time<Real>>,
    mut times: ResMut<FrameTimes>,
    mut budget: ResMut<Budget>,
    mut exit: MessageWriter<AppExit>,
) {
    times.record(time.delta());
    let recorded = times.sections[0].1.len() as u32;
    if recorded >= budget.0 {
        budget.0 = u32::MAX;
        println!("{}\n{}", times.report(), summary_lines());
        exit.write(AppExit::Success);
    }
}
