//! What the analysts' pages (crosstabs, weighting) share: percentages as
//! people write them, hidden figures as a symbol with words for screen
//! readers and a key that explains it, where their Back link leads, the
//! language of the questions their lists offer, and the query their
//! language links keep.

use cohesion_domain::analysis::crosstab::Percent;
use cohesion_domain::identity::Action;
use cohesion_services::accounts::SignedIn;
use cohesion_ui::{Figure, KeyLine, Phrase, Value};
use uuid::Uuid;

use crate::kit::PageCtx;

/// A share as a whole percentage ("35%", "<1%"). The number is placed
/// as markup, without Fluent's isolation marks, so that in an Arabic page
/// the bidirectional algorithm keeps the digits and the percent sign
/// together.
pub(super) fn percent(ctx: &PageCtx, share: f64) -> Phrase {
    match Percent::of(share) {
        Percent::Whole(n) => ctx.phrase("figure-percent", &[("percent", Value::Number(n.into()))]),
        Percent::UnderOne => ctx.t("figure-percent-under-one").into(),
        Percent::OverNinetyNine => ctx.t("figure-percent-over-ninety-nine").into(),
    }
}

/// A count on its own.
pub(super) fn count(n: u64) -> Phrase {
    Phrase::plain(n.to_string())
}

/// A figure hidden by the small-count rules: its symbol for the eye,
/// "Hidden (too few to show)" for screen readers.
pub(super) fn withheld(ctx: &PageCtx) -> Figure {
    Figure::Withheld {
        symbol: ctx.t("figure-hidden-symbol"),
        words: ctx.t("results-hidden"),
    }
}

/// A count, or its symbol when hidden.
pub(super) fn count_or_hidden(ctx: &PageCtx, n: Option<u64>) -> Figure {
    n.map_or_else(|| withheld(ctx), |n| Figure::shown(count(n)))
}

/// The key's line for the hidden figures' symbol.
pub(super) fn hidden_key(ctx: &PageCtx) -> KeyLine {
    let min = ctx.state.config.small_base.min_count;
    KeyLine {
        symbol: Some(ctx.t("figure-hidden-symbol")),
        text: ctx.phrase("figure-hidden-key", &[("count", Value::Number(min))]),
    }
}

/// A line of the key that explains no symbol.
pub(super) fn key_line(text: impl Into<Phrase>) -> KeyLine {
    KeyLine {
        symbol: None,
        text: text.into(),
    }
}

/// Where the analysts' pages go back to: the consultation's staff page
/// for those who run it, else the Manage dashboard, which lists the
/// analyst's tools. Never the public results: this is staff work.
pub(super) fn back_to_staff(ctx: &PageCtx, me: &SignedIn, id: Uuid) -> (String, String) {
    let href = if me.roles.allows(Action::RunEngagement) {
        format!("/staff/consultations/{id}")
    } else {
        "/manage".to_owned()
    };
    (href, ctx.t("back"))
}

/// The language and direction of the consultation's texts as written
/// (in `language`), for the options that show them, when it is not the
/// page's (English questions in an Arabic page); `None` when it is.
pub(super) fn written_lang(ctx: &PageCtx, language: &str) -> Option<(String, &'static str)> {
    let original = ctx.state.catalog.get(language)?;
    (original.tag() != ctx.locale().tag())
        .then(|| (original.tag().to_owned(), original.direction().as_str()))
}

/// `pairs` as a query string, the empty ones left out.
pub(super) fn query(pairs: &[(&str, &str)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (name, value) in pairs.iter().filter(|(_, v)| !v.is_empty()) {
        out.append_pair(name, value);
    }
    out.finish()
}
