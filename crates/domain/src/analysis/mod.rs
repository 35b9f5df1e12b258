//! What officers and analysts make of a survey's results, as opposed to
//! the survey itself ([`crate::survey`]): the statements they write on
//! the figures, what a crosstab's cells show, the themes they settle for
//! long answers, the population margins results are weighted to, which
//! results they publish, and which figures the public sees of them while
//! responses still arrive.
//!
//! Every rule here reads a survey but none changes how it is asked,
//! answered or counted, so a new kind of analysis is a module here and
//! the survey's structure stays put.

pub mod combined;
pub mod crosstab;
pub mod findings;
pub mod margin_form;
pub mod publication;
pub mod snapshot;
pub mod themes;
pub mod weighting;
