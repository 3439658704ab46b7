//! Proof that nothing is lost: the real binary under a write load is killed
//! (`crash`), loses its PostgreSQL for a while (`postgres_restart`), runs out
//! of disk (`disk_full`) and is asked to stop (`sigterm`). Everything runs on
//! loopback and each test is bounded to seconds; each reports its figures
//! (posts acknowledged, posts found, recovery time) through `figures`.

mod cluster;
mod crash;
mod disk_full;
mod postgres_restart;
mod sigterm;
