//! The pages a public body must publish beside the app: Erklärung zur
//! Barrierefreiheit, Datenschutzhinweis and Impressum, with what the app
//! can say itself and the host's details from `betreiber.json`.

pub mod pages;
