//! Hearth's integration tests: one binary (linking many is slow), a module per
//! journey. Every journey runs on SQLite and, when `HEARTH_TEST_POSTGRES_URL`
//! is set, on PostgreSQL (`on_both_backends!`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, unreachable_pub)]

mod support;

mod accounts;
mod browser;
mod cli;
mod discussions;
mod groups;
mod i18n;
mod migrations;
mod moderation;
mod notifications;
mod operations;
mod page_weight;
mod permissions;
mod protection;
mod safety;
mod sanitiser;
mod search;
mod seed;
mod sessions;
