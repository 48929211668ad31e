//! What the intro-status widget needs of SSB table 10824 at run time: the data model
//! ([`model`], its items re-exported here) and the decoder of the compact binary form the build
//! embeds ([`codec`]). It depends on nothing but `std`, since the wasm carries it; the importers
//! and the encoder, which only the build and the tools run, are the `intro-status-import` crate.
//!
//! Every function here is `#[inline]`, so that it is compiled into the crate that calls it (the
//! widget), as when this was a module of the library, and not here: compiled here, the decoder
//! brought its own copies of the standard library's vector and string code into the wasm and lost
//! the inlining of the count model into `decode`, 6 KB in all. Keep it so for new functions.

pub mod codec;
pub mod model;

pub use model::*;
