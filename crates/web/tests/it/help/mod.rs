//! Getting help: the header link on every page, the routes with their
//! `tel:` links, cookieless answers with their two headers, the API
//! against its schema, and administrators' configuration.

mod api;
mod configuring;
mod pages;
mod safety;

const NADIA: &str = "nadia@brightwater.example";
const TOM: &str = "tom@brightwater.example";
