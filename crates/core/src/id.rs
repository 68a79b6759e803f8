//! Record identifiers. UUIDv7 so that records created on two parties' instances never
//! collide when exchanged, and so that ids sort roughly by creation time.

pub type Id = uuid::Uuid;

/// A fresh, time-ordered identifier.
pub fn new_id() -> Id {
    uuid::Uuid::now_v7()
}
