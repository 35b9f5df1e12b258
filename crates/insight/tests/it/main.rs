//! Integration tests of the analysis engine, one module per area.

mod bilingual;
mod disclosure;
mod moderation;
mod opinions;
mod text;
