//! The region form: name, kind, Sozialräume and Gemeinden.

pub mod form;
