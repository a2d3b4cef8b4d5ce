//! Hand-written speed code: SWAR byte scans and the hash used by every
//! table on the hot path. Kept behind this one module so that the domain
//! code reads as what it does; see each file for the measurements that
//! earned it its place.

pub mod ascii;
pub mod fxhash;
