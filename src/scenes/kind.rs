//! What a scene kind is: its name, how long it is drawn for, its named
//! moments, its objects (each with a name) and its pose function. Each scene
//! file exports one [`SceneKind`]; [`super::catalog`] lists them.

use std::collections::BTreeMap;
use std::fmt;

use super::kit::Look;
use super::motion::Pose;

/// An object's name in its scene: a word, and a number for one of a group
/// (the third red blood cell is `red-cell#3`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjectId {
    /// The object's name, or its group's.
    pub name: &'static str,
    /// Its number in its group; 0 for an object on its own.
    pub n: usize,
}

impl ObjectId {
    /// An object on its own.
    pub const fn one(name: &'static str) -> ObjectId {
        ObjectId { name, n: 0 }
    }

    /// Member `n` (from 1) of a group.
    pub const fn nth(name: &'static str, n: usize) -> ObjectId {
        ObjectId { name, n }
    }
}

impl fmt::Display for ObjectId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.n == 0 {
            f.write_str(self.name)
        } else {
            write!(f, "{}#{}", self.name, self.n)
        }
    }
}

/// One object of a scene: its name and what it looks like.
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    /// Its name, by which poses address it.
    pub id: ObjectId,
    /// What it looks like.
    pub look: Look,
}

impl Object {
    /// An object on its own.
    pub fn new(name: &'static str, look: Look) -> Object {
        Object {
            id: ObjectId::one(name),
            look,
        }
    }

    /// Member `n` (from 1) of a group.
    pub fn nth(name: &'static str, n: usize, look: Look) -> Object {
        Object {
            id: ObjectId::nth(name, n),
            look,
        }
    }
}

/// Every object's pose at one moment, by name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Poses(BTreeMap<ObjectId, Pose>);

impl Poses {
    /// No poses yet.
    pub fn new() -> Poses {
        Poses::default()
    }

    /// Sets the pose of an object on its own.
    pub fn set(&mut self, name: &'static str, pose: Pose) {
        self.0.insert(ObjectId::one(name), pose);
    }

    /// Sets the pose of member `n` (from 1) of a group.
    pub fn set_nth(&mut self, name: &'static str, n: usize, pose: Pose) {
        self.0.insert(ObjectId::nth(name, n), pose);
    }

    /// The pose of an object, if it was posed.
    pub fn get(&self, id: ObjectId) -> Option<Pose> {
        self.0.get(&id).copied()
    }

    /// The pose of an object on its own. Panics if it was not posed: for
    /// tests and scene code that know their objects.
    pub fn of(&self, name: &str) -> Pose {
        self.nth_of(name, 0)
    }

    /// The pose of member `n` of a group; panics if it was not posed.
    pub fn nth_of(&self, name: &str, n: usize) -> Pose {
        self.0
            .iter()
            .find(|(id, _)| id.name == name && id.n == n)
            .map(|(_, pose)| *pose)
            .unwrap_or_else(|| panic!("no pose for {name}#{n}"))
    }

    /// Every posed object, by name.
    pub fn iter(&self) -> impl Iterator<Item = (ObjectId, Pose)> + '_ {
        self.0.iter().map(|(id, pose)| (*id, *pose))
    }

    /// Changes every pose.
    pub fn map(self, mut f: impl FnMut(ObjectId, Pose) -> Pose) -> Poses {
        Poses(self.0.into_iter().map(|(id, p)| (id, f(id, p))).collect())
    }

    /// How many objects are posed.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no object is posed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A named moment of a scene, in the scene's own (nominal) seconds: what a
/// beat's caption can pin itself to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moment {
    /// The name a story uses (`docked`).
    pub name: &'static str,
    /// When it is on screen, in nominal seconds.
    pub at: f32,
}

/// A named moment at nominal second `at`.
pub const fn moment(name: &'static str, at: f32) -> Moment {
    Moment { name, at }
}

/// A kind of scene: everything the engine, the story validator and the tests
/// need to know of it.
#[derive(Debug, Clone, Copy)]
pub struct SceneKind {
    /// The name a story's stage gives as its `scene`.
    pub name: &'static str,
    /// Seconds the scene is drawn for; a stage of another length is played
    /// faster or slower (see [`super::clock`]).
    pub nominal: f32,
    /// Nominal times where objects may jump (cuts).
    pub cuts: &'static [f32],
    /// Its key moments, in time order.
    pub moments: &'static [Moment],
    /// Its objects, in drawing order (later ones on top).
    pub objects: fn() -> Vec<Object>,
    /// Every object's pose at nominal time `t` (seconds).
    pub pose: fn(f32) -> Poses,
}

impl SceneKind {
    /// A moment by name.
    pub fn moment(&self, name: &str) -> Option<Moment> {
        self.moments.iter().copied().find(|m| m.name == name)
    }
}

impl PartialEq for SceneKind {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}
