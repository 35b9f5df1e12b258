//! What is wrong with the population margins an analyst typed, in words
//! that name the question and the option ("Enter a target share for '65
//! and over'", "Targets for 'What is your age?' add up to 104%"), not
//! "out of range". The domain says which line and which option
//! (`analysis::weighting::MarginProblem`); the page finds the question
//! that line names and the option's label in the reader's language.

use cohesion_domain::analysis::weighting::{tenths_text, MarginFault, MAX_MARGINS};
use cohesion_domain::survey::model::{QuestionDef, SurveyDefinition};
use cohesion_domain::{ErrorDetail, ValidationError};
use cohesion_i18n::FluentValue;

use crate::consultations::wording::option_labels;
use crate::kit::{field_messages, PageCtx};

/// The message for a problem with the margins `raw`, typed for `survey`.
pub(super) fn margin_message(
    ctx: &PageCtx,
    survey: &SurveyDefinition,
    raw: &str,
    e: &ValidationError,
) -> String {
    let Some(ErrorDetail::Margin(p)) = e.detail else {
        return field_messages(ctx, std::slice::from_ref(e))
            .pop()
            .map(|f| f.message)
            .unwrap_or_default();
    };
    let line = (p.line as usize)
        .checked_sub(1)
        .and_then(|n| raw.lines().nth(n))
        .unwrap_or_default();
    let id = line.split_once(':').map_or(line, |(id, _)| id).trim();
    let at = Named {
        ctx,
        question: survey.question(id),
        line: p.line,
        id,
    };
    match p.fault {
        MarginFault::Empty => ctx.t("weighting-error-empty"),
        MarginFault::TooMany => at.say("weighting-error-too-many", &[("most", MAX_MARGINS.into())]),
        MarginFault::NoColon => at.say("weighting-error-no-colon", &[]),
        MarginFault::UnknownQuestion => at.say("weighting-error-unknown", &[("id", id.into())]),
        MarginFault::NotSingleChoice => at.say("weighting-error-not-single", &[]),
        MarginFault::Repeated => at.say("weighting-error-repeated", &[]),
        MarginFault::MissingShare { option } => at.of_option("weighting-error-missing", option),
        MarginFault::NotANumber { option } => at.of_option("weighting-error-not-number", option),
        MarginFault::OutOfRange { option } => at.of_option("weighting-error-out-of-range", option),
        MarginFault::TooManyShares { options } => at.say(
            "weighting-error-too-many-shares",
            &[("options", options.into())],
        ),
        MarginFault::Total { tenths } => at.say(
            "weighting-error-total",
            &[("total", tenths_text(tenths).into())],
        ),
        MarginFault::NobodyChose { option } => at.of_option("weighting-error-nobody-chose", option),
        MarginFault::NobodyLeft => ctx.t("weighting-error-nobody-left"),
    }
}

/// A line of the margins and the question it names, to word a message.
struct Named<'a> {
    ctx: &'a PageCtx,
    question: Option<&'a QuestionDef>,
    line: u32,
    id: &'a str,
}

impl Named<'_> {
    /// Message `id` with the line, the question (its text as written, or
    /// the id typed when it names none) and `args`.
    fn say(&self, message: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let question = self.question.map_or(self.id, |q| q.text.as_str());
        let mut all: Vec<(&str, FluentValue<'_>)> =
            vec![("line", self.line.into()), ("question", question.into())];
        all.extend(args.iter().cloned());
        self.ctx.locale().t_plain(message, &all)
    }

    /// Message `id` naming option `option` of the line's question by its
    /// label in the reader's language.
    fn of_option(&self, message: &str, option: u32) -> String {
        let label = self
            .question
            .and_then(|q| option_labels(self.ctx, q).into_iter().nth(option as usize))
            .unwrap_or_else(|| (option + 1).to_string());
        self.say(message, &[("option", label.into())])
    }
}
