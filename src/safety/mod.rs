//! Keeping members safe on the device they use: for now, the quick exit's
//! server side (later: discreet mode, retention, erasure).

pub mod routes;
