//! The weighting page's margins picked from lists: what the form sent
//! (the questions picked, each option's share as typed, the question
//! being added), the form's parts as the page shows them, and each
//! problem put under the box or question it is about ("Enter the share
//! for “Under 25” as a number from 0 to 100"). The form is a GET form
//! that works without scripts: "Add this question" sends the form with
//! the question picked, so its boxes appear with what was typed kept;
//! "Weight the results" weights.

use std::collections::HashMap;

use cohesion_domain::analysis::margin_form::FormShares;
use cohesion_domain::analysis::weighting::{can_weight_by, tenths_text, MarginFault, MAX_MARGINS};
use cohesion_domain::survey::model::{QuestionDef, SurveyDefinition};
use cohesion_domain::{ErrorDetail, ValidationError};
use cohesion_i18n::FluentValue;
use cohesion_ui::consultations::{MarginQuestion, ShareBox};
use cohesion_ui::{ErrorLink, Field, Shown};

use super::{question_lang, question_text};
use crate::consultations::questions::shown_options;
use crate::consultations::wording::option_labels;
use crate::kit::{Langs, PageCtx};

/// The field of the question to add, and of problems with the questions
/// picked as a whole.
pub(super) const PICK: &str = "add";

/// What the weighting page was sent.
#[derive(Debug, Default)]
pub(super) struct Asked {
    /// The margins typed, when the typed form was sent.
    pub margins: Option<String>,
    /// The questions picked, once each, in the order picked.
    pub by: Vec<String>,
    /// Each box's value, by its name (`share-q8-2`).
    shares: HashMap<String, String>,
    /// The question picked in the select.
    pub add: Option<String>,
    /// Which button: `add` or `weigh`.
    pub step: Option<String>,
}

impl Asked {
    pub fn from_query(query: Option<&str>) -> Asked {
        let mut asked = Asked::default();
        for (k, v) in form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
            match &*k {
                "margins" => asked.margins = Some(v.into_owned()),
                // Once each: a question added twice is there already.
                "by" if !asked.by.iter().any(|b| *b == v) => asked.by.push(v.into_owned()),
                "add" => asked.add = Some(v.into_owned()),
                "step" => asked.step = Some(v.into_owned()),
                k if k.starts_with("share-") => {
                    asked.shares.insert(k.to_owned(), v.into_owned());
                }
                _ => {}
            }
        }
        asked
    }

    /// The box of option `option` (from 0) of question `id`.
    fn share(&self, id: &str, option: usize) -> &str {
        self.shares
            .get(&share_name(id, option))
            .map_or("", String::as_str)
    }

    /// The questions picked with their options' shares, as the domain
    /// reads them; `survey` says how many options each has.
    pub fn form_shares<'a>(&'a self, survey: &SurveyDefinition) -> Vec<FormShares<'a>> {
        self.by
            .iter()
            .map(|id| {
                let options = survey.question(id).map_or(0, |q| q.kind.options().len());
                let shares = (0..options).map(|o| self.share(id, o)).collect();
                (id.as_str(), shares)
            })
            .collect()
    }

    /// The form as sent, as a query string, without the questions in
    /// `without` and without its button: for the language links (which
    /// keep the button) and each question's "Remove" link.
    pub fn query(&self, survey: &SurveyDefinition, without: Option<&str>, step: bool) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if let Some(margins) = &self.margins {
            out.append_pair("margins", margins);
        }
        for (id, shares) in self.form_shares(survey) {
            if Some(id) == without {
                continue;
            }
            out.append_pair("by", id);
            for (o, share) in shares.iter().enumerate() {
                if !share.is_empty() {
                    out.append_pair(&share_name(id, o), share);
                }
            }
        }
        if let (true, Some(step)) = (step, &self.step) {
            out.append_pair("step", step);
        }
        out.finish()
    }
}

/// A box's name and id: `share-q8-1` for the first option of q8.
fn share_name(id: &str, option: usize) -> String {
    format!("share-{id}-{}", option + 1)
}

/// The questions that can be weighted by and that `me` may see.
pub(super) fn eligible(survey: &SurveyDefinition, special: bool) -> Vec<&QuestionDef> {
    survey
        .questions()
        .filter(|q| can_weight_by(q) && (special || !q.kind.is_special_category()))
        .collect()
}

/// Problems of the form, each where the page shows it: under a box, under
/// a question's legend, or beside the select.
#[derive(Default)]
pub(super) struct FormProblems {
    /// By box name.
    boxes: HashMap<String, String>,
    /// By question id.
    questions: HashMap<String, String>,
    pick: Option<String>,
    /// The summary's lines, in the order found.
    pub links: Vec<ErrorLink>,
}

impl FormProblems {
    /// Puts each of `errors` (the domain's problems with the form, by
    /// the question's place in it and the option's) where it belongs.
    pub fn of(
        ctx: &PageCtx,
        langs: &Langs,
        survey: &SurveyDefinition,
        asked: &Asked,
        errors: &[ValidationError],
    ) -> Self {
        let mut out = FormProblems::default();
        for e in errors {
            let Some(ErrorDetail::Margin(p)) = e.detail else {
                out.on_pick(ctx.t("weighting-pick-error"));
                continue;
            };
            let id = (p.line as usize)
                .checked_sub(1)
                .and_then(|n| asked.by.get(n));
            let question = id.and_then(|id| survey.question(id));
            let (Some(id), Some(q)) = (id, question) else {
                match p.fault {
                    MarginFault::NobodyLeft => out.on_first_box(ctx, asked),
                    MarginFault::TooMany => out.on_pick(ctx.locale().t_plain(
                        "weighting-pick-error-too-many",
                        &[("most", MAX_MARGINS.into())],
                    )),
                    MarginFault::Empty => out.on_pick(ctx.t("weighting-pick-error-empty")),
                    _ => out.on_pick(ctx.t("weighting-pick-error")),
                }
                continue;
            };
            let text = question_text(langs, q);
            let say = |message: &str, args: &[(&str, FluentValue<'_>)]| {
                ctx.locale().t_plain(message, args)
            };
            let label = |option: u32| -> FluentValue<'_> {
                option_labels(ctx, q)
                    .into_iter()
                    .nth(option as usize)
                    .unwrap_or_else(|| (option + 1).to_string())
                    .into()
            };
            let question_text: FluentValue<'_> = q.text.as_str().into();
            match p.fault {
                MarginFault::MissingShare { option }
                | MarginFault::NotANumber { option }
                | MarginFault::OutOfRange { option } => {
                    let message = say("weighting-share-error-number", &[("option", label(option))]);
                    out.on_box(id, option as usize, text, message);
                }
                MarginFault::NobodyChose { option } => {
                    let message = say("weighting-share-error-nobody", &[("option", label(option))]);
                    out.on_box(id, option as usize, text, message);
                }
                MarginFault::Total { tenths } => {
                    let total = tenths_text(tenths);
                    let message = say(
                        "weighting-share-error-total",
                        &[("question", question_text), ("total", total.into())],
                    );
                    out.on_question(id, text, message);
                }
                MarginFault::TooManyShares { options } => {
                    let message = say(
                        "weighting-error-too-many-shares",
                        &[("question", question_text), ("options", options.into())],
                    );
                    out.on_question(id, text, message);
                }
                // A question sent that cannot be weighted by, or twice:
                // only a forged form can.
                _ => out.on_pick(ctx.t("weighting-pick-error")),
            }
        }
        out
    }

    /// A problem beside the select.
    pub fn on_pick(&mut self, message: String) {
        self.links.push(ErrorLink {
            href: format!("#{PICK}"),
            question: Shown::new("", ""),
            message: message.clone(),
        });
        self.pick.get_or_insert(message);
    }

    fn on_box(&mut self, id: &str, option: usize, question: Shown, message: String) {
        let name = share_name(id, option);
        self.links.push(ErrorLink {
            href: format!("#{name}"),
            question,
            message: message.clone(),
        });
        self.boxes.entry(name).or_insert(message);
    }

    fn on_question(&mut self, id: &str, question: Shown, message: String) {
        // The summary leads to the question's first box.
        self.links.push(ErrorLink {
            href: format!("#{}", share_name(id, 0)),
            question,
            message: message.clone(),
        });
        self.questions.entry(id.to_owned()).or_insert(message);
    }

    /// Nobody answered every question with an option that has a share:
    /// said of the form, leading to its first box.
    fn on_first_box(&mut self, ctx: &PageCtx, asked: &Asked) {
        let href = asked
            .by
            .first()
            .map_or(format!("#{PICK}"), |id| format!("#{}", share_name(id, 0)));
        self.links.push(ErrorLink {
            href,
            question: Shown::new("", ""),
            message: ctx.t("weighting-error-nobody-left"),
        });
    }
}

/// Each question picked as a fieldset: its text as the legend, a box per
/// option labelled in the reader's language (or as written), what was
/// typed, and its problems. Questions that cannot be weighted by are
/// left out (only a forged form sends one; its problem is by the select).
pub(super) fn question_views(
    ctx: &PageCtx,
    langs: &Langs,
    survey: &SurveyDefinition,
    asked: &Asked,
    problems: &FormProblems,
    action: &str,
) -> Vec<MarginQuestion> {
    asked
        .by
        .iter()
        .filter_map(|id| survey.question(id).filter(|q| can_weight_by(q)))
        .map(|q| {
            let shares = shown_options(ctx, langs, q)
                .into_iter()
                .enumerate()
                .map(|(o, label)| {
                    let name = share_name(&q.id, o);
                    ShareBox {
                        error: problems.boxes.get(&name).cloned(),
                        value: asked.share(&q.id, o).to_owned(),
                        name,
                        label,
                    }
                })
                .collect();
            let rest = asked.query(survey, Some(&q.id), false);
            MarginQuestion {
                id: q.id.clone(),
                legend: question_text(langs, q),
                error: problems.questions.get(&q.id).cloned(),
                shares,
                remove: match rest.as_str() {
                    "" => action.to_owned(),
                    rest => format!("{action}?{rest}"),
                },
            }
        })
        .collect()
}

/// The select of the questions that can still be picked ("q8: What is
/// your age?", marked with its language where it is not the page's);
/// `None` once as many are picked as weighting takes, or none is left.
pub(super) fn pick_field(
    ctx: &PageCtx,
    langs: &Langs,
    eligible: &[&QuestionDef],
    asked: &Asked,
    problems: &FormProblems,
) -> Option<Field> {
    let left: Vec<&&QuestionDef> = eligible
        .iter()
        .filter(|q| !asked.by.contains(&q.id))
        .collect();
    if left.is_empty() || asked.by.len() >= MAX_MARGINS {
        return None;
    }
    let choices = std::iter::once((String::new(), ctx.t("weighting-pick-choose")))
        .chain(
            left.iter()
                .map(|q| (q.id.clone(), format!("{}: {}", q.id, q.text))),
        )
        .collect();
    let option_langs = std::iter::once(None)
        .chain(left.iter().map(|q| question_lang(ctx, langs, q)))
        .collect();
    let label = match asked.by.is_empty() {
        true => "weighting-pick",
        false => "weighting-pick-another",
    };
    let field = Field::choice(PICK, "select", ctx.t(label), choices)
        .option_langs(option_langs)
        .value(asked.add.as_deref().unwrap_or_default());
    Some(field.error_phrase(problems.pick.clone().map(Into::into)))
}
