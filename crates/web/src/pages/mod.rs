//! Page modules, one per kind of record, with their handlers and templates; `routes.rs` says
//! which path reaches which handler.

pub mod account;
pub mod admin_form;
mod admin_links;
pub mod admin_second_factor;
pub mod admin_users;
pub mod agreements;
pub mod assets;
pub mod changes;
pub mod commissions;
pub mod dashboard;
mod dashboard_scope;
mod dashboard_view;
pub mod describe;
pub mod exchange;
pub mod exchange_api;
pub mod history;
mod history_diff;
pub mod home;
pub mod item_ask;
pub(crate) mod item_filter;
mod item_followup;
pub mod item_list;
pub mod items;
pub mod jobs;
pub mod lang;
pub mod login;
pub mod minutes;
pub mod notifications;
pub mod organisations;
mod paging;
pub mod parties;
pub mod people;
pub mod plans;
pub mod search;
pub mod session_agenda;
pub mod sessions;
pub mod timeline;
pub mod views;
pub mod vocabularies;

pub use views::Crumb;
