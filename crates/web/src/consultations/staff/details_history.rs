//! What changed of a consultation's details, as cells of its history:
//! the field by the form's label, and its value before and after in
//! words (dates in the site's time, lists item by item, the body as the
//! stretch around its first difference).

use cohesion_domain::consultation_changes::{Detail, DetailChange};
use cohesion_domain::timestamp::Timestamp;
use cohesion_ui::{Cell, Phrase};

use crate::kit::{Langs, PageCtx};

/// The "What changed", "Before" and "After" cells of one field; the
/// texts before were written in `written.0`, those after in `written.1`.
pub(super) fn change_cells(ctx: &PageCtx, d: &DetailChange, written: (&str, &str)) -> [Cell; 3] {
    [
        Cell::from(ctx.t(&format!("consultation-field-{}", d.detail.key()))),
        value(ctx, written.0, d.detail, &d.before),
        value(ctx, written.1, d.detail, &d.after),
    ]
}

/// A value in words: what an officer wrote as written (marked with its
/// language), a date in the site's time, a choice by its label; an empty
/// one as "None"; a language by its name in itself.
fn value(ctx: &PageCtx, written: &str, detail: Detail, v: &str) -> Cell {
    if v.is_empty() {
        return Cell::from(ctx.t("none"));
    }
    let langs = Langs::as_written(ctx, written);
    match detail {
        Detail::OpensAt | Detail::ClosesAt => {
            let zone = &ctx.state.config.time_zone;
            match zone.parse("at", v) {
                Ok(at) => Cell::when(ctx.dates().at(Timestamp::from(at))),
                Err(_) => Cell::from(Phrase::isolated(v)),
            }
        }
        Detail::Anonymous => Cell::from(ctx.t(if v == "yes" {
            "consultation-anonymous-yes"
        } else {
            "consultation-anonymous-no"
        })),
        Detail::Strands | Detail::Documents => Cell::from(Phrase::join(
            v.lines().map(|line| langs.original(line).into()),
            &ctx.locale().t("list-separator"),
        )),
        Detail::Language => match ctx.state.catalog.get(v) {
            Some(l) => Cell::from(ctx.language_shown(l.tag())),
            None => Cell::from(Phrase::isolated(v)),
        },
        Detail::Title | Detail::Summary | Detail::Body | Detail::Topics | Detail::Area => {
            Cell::from(langs.original(v))
        }
    }
}
