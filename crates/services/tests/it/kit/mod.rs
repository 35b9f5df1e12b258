//! What every feature uses: the erasure hooks' registry and mail.

mod erasure;
mod mail;
