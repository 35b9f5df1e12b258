//! The real `cohesion` binary, started as an operator would start it.

mod analyse_moderation;
mod analyse_opinions;
mod analyse_themes;
mod cli;
mod connections;
mod discussion_files;
mod mail;
mod moderation_retrain;
mod scale_out;
mod serve;
mod support;
mod verify_totals;
