//! Page modules, one per kind of record; each owns its routes (`router()`) and templates.

pub mod agreements;
pub mod assets;
pub mod commissions;
pub mod home;
pub mod items;
pub mod lang;
pub mod organisations;
pub mod parties;
pub mod people;
pub mod plans;
pub mod sessions;
pub mod views;

pub use views::Crumb;
