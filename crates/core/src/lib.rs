//! The types that flow one way through frontline: an [`Article`] goes in, [`Event`]s come
//! out. This crate owns those types, the ACLED vocabularies (event types, sub-event types,
//! interaction codes) and the content-derived ids; it does no I/O.

mod acled;
mod article;
pub mod chars;
mod event;
mod id;
pub mod short;

pub use acled::{ActorId, EventType, SubEventType};
pub use article::{Article, ContentHash};
pub use event::{time_precision, Control, Event, Extent, MergedEvent, Source};
pub use id::{content_hash, short_hash};

/// Syria's ISO 3166-1 numeric code, the only country covered so far.
pub const SYRIA_ISO: u16 = 760;

mod fold;
pub use fold::{fold_key, fold_word, fold_word_with};
