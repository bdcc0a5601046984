//! Data the app ships or makes: the demo region, and generated regions of any
//! size for tests and benchmarks.

pub mod demo;
pub mod generate;
