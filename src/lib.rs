//! Hearth: a self-hosted, invite-only forum for asynchronous peer-support
//! groups. The library builds the whole application so tests drive exactly
//! what production runs; `main.rs` only hands over to `cli`.

pub mod accounts;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod demo;
pub mod discussions;
pub mod groups;
pub mod markdown;
pub mod moderation;
pub mod operations;
pub mod safety;
pub mod seed;
pub mod web;
