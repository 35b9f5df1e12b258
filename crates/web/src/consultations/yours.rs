//! What residents keep of the responses they sent: the list on their
//! account page, the titles "your data" shows, and a copy of their
//! answers by email, asked for on the confirmation page or later from
//! the list.

use axum::extract::Path;
use axum::response::Response;
use cohesion_domain::timestamp::Timestamp;
use cohesion_domain::translation::{key, Texts, Translator};
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::reading;
use cohesion_services::consultations::responding::mine::AskedCopy;
use cohesion_services::consultations::responding::{mine, Respondent};
use cohesion_services::ServiceError;
use cohesion_ui::accounts::{AnswersCopy, Notification, YourResponse};
use cohesion_ui::{NoticePage, OneButton, Phrase, Shown, Value};
use serde::Deserialize;
use uuid::Uuid;

use super::questions::answer_text;
use super::translated::{progress_in, translate_list};
use crate::kit::{
    check_session_csrf, path_id, respond_throttled, see_other, AppError, CatalogLetters, ClientKey,
    Langs, Me, PageCtx, StrictForm,
};

/// The confirmation the page after asking for a copy shows, as
/// `?done=…`: only while it is true (see [`CopyState::on_its_way`]).
pub(super) const RECEIPT_SENT: &str = "receipt-sent";

/// Where the copy of a response's answers by email stands, as its author
/// is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CopyState {
    /// None asked for since the answers last changed (or the mail server
    /// gave up on it).
    NotAsked,
    /// Waiting for the mail server to send it.
    Waiting,
    /// Kept in the outbox until this site has a mail server, which
    /// then sends it (the outbox's pending messages go out first).
    NoServer,
    Sent(Timestamp),
}

impl CopyState {
    fn of(ctx: &PageCtx, copy: Option<AskedCopy>) -> Self {
        match copy {
            None => CopyState::NotAsked,
            Some(AskedCopy {
                sent_at: Some(at), ..
            }) => CopyState::Sent(at),
            // Without a mail server the outbox keeps it until one is set
            // up: waiting, said with why (ADR 31).
            Some(_) if !ctx.state.config.mail_configured => CopyState::NoServer,
            Some(_) => CopyState::Waiting,
        }
    }

    /// The copy is on its way or has arrived: asking for it succeeded,
    /// and a success banner may say so.
    pub(crate) fn on_its_way(self) -> bool {
        matches!(self, CopyState::Waiting | CopyState::Sent(_))
    }

    /// A copy may be asked for now: none is waiting (the services send
    /// nothing while one is).
    fn may_ask(self) -> bool {
        matches!(self, CopyState::NotAsked | CopyState::Sent(_))
    }
}

/// The responses `me` has sent, the latest first: each consultation's
/// title in the page's language where translated, the response's
/// reference, when it was sent, whether it can still be changed and,
/// for a confirmed address, the copy of its answers by email. With
/// `copied` (a consultation's id, after asking for a copy from the
/// list), the banner saying where that copy stands.
pub(crate) async fn your_responses(
    ctx: &PageCtx,
    me: &SignedIn,
    copied: Option<Uuid>,
) -> Result<(Vec<YourResponse>, Option<Notification>), AppError> {
    let sent = mine::sent_by(&ctx.state.db, me).await?;
    let mut consultations: Vec<_> = sent.iter().map(|s| s.consultation.clone()).collect();
    let langs = translate_list(ctx, &mut consultations).await?;
    let mut notice = None;
    let rows = sent
        .iter()
        .zip(consultations.iter().zip(langs))
        .map(|(s, (c, langs))| {
            let title = langs.shown(key::TITLE, &c.title);
            let state = CopyState::of(ctx, s.copy);
            if copied == Some(c.id) && me.email_verified {
                notice = copy_notice(ctx, me, &title, state);
            }
            let live = !s.withdrawn;
            YourResponse {
                href: live.then(|| format!("/consultations/{}", c.id)),
                reference: s.reference.clone(),
                sent: ctx.dates().at(s.submitted_at),
                status: ctx.t(if s.withdrawn {
                    "account-response-withdrawn"
                } else if s.can_change {
                    "account-response-can-change"
                } else {
                    "account-response-closed"
                }),
                open: s.can_change,
                // A withdrawn consultation's answers can no longer be sent.
                copy: (me.email_verified && live).then(|| copy_cell(ctx, c.id, state)),
                answers: live.then(|| format!("/consultations/{}/respond/answers", c.id)),
                note: s
                    .withdrawn
                    .then(|| ctx.t("account-response-withdrawn-note")),
                title,
            }
        })
        .collect();
    Ok((rows, notice))
}

/// A response's copy in its row: where the last one stands, and the
/// button for one when one may be asked for.
fn copy_cell(ctx: &PageCtx, id: Uuid, state: CopyState) -> AnswersCopy {
    let status = match state {
        CopyState::NotAsked => None,
        CopyState::Waiting => Some(ctx.t("data-email-waiting").into()),
        CopyState::NoServer => Some(ctx.t("data-email-no-server").into()),
        CopyState::Sent(at) => Some(ctx.dates().with(
            "account-copy-sent-on",
            "sent",
            ctx.dates().at(at),
        )),
    };
    AnswersCopy {
        status,
        button: state.may_ask().then(|| {
            ctx.t(match state {
                CopyState::Sent(_) => "receipt-button-again",
                _ => "receipt-button",
            })
        }),
        action: format!("/consultations/{id}/respond/receipt"),
    }
}

/// The banner after asking for a copy from the list: a success only
/// while the copy is on its way or has arrived; kept for want of a mail
/// server, an important notice saying so.
fn copy_notice(
    ctx: &PageCtx,
    me: &SignedIn,
    title: &Shown,
    state: CopyState,
) -> Option<Notification> {
    let email = Value::Text(&me.email);
    let title = Value::Shown(title);
    let (success, text) = match state {
        CopyState::NotAsked => return None,
        CopyState::Waiting => (
            true,
            ctx.phrase(
                "account-copy-waiting",
                &[("title", title), ("email", email)],
            ),
        ),
        CopyState::NoServer => (
            false,
            ctx.phrase(
                "account-copy-no-server",
                &[("title", title), ("email", email)],
            ),
        ),
        CopyState::Sent(at) => {
            let sent = ctx.dates().at(at);
            (
                true,
                ctx.phrase(
                    "account-copy-sent",
                    &[
                        ("title", title),
                        ("email", email),
                        ("sent", Value::When(&sent)),
                    ],
                ),
            )
        }
    };
    Some(Notification { success, text })
}

/// Consultation titles (by consultation id, as written) for "your data",
/// each in the page's language where translated and marked with the
/// language it is shown in (ADR 16, 20), as the public pages show them:
/// one query, whatever the number.
pub(crate) async fn titles_in_language(
    ctx: &PageCtx,
    titles: &[(Uuid, String)],
) -> Result<Vec<Shown>, AppError> {
    let ids: Vec<Uuid> = titles.iter().map(|(id, _)| *id).collect();
    let all = reading::translations_of(&ctx.state.db, &ids, ctx.locale().tag()).await?;
    let written = reading::languages_of(&ctx.state.db, &ids).await?;
    let first = ctx.state.catalog.default_locale().tag();
    let none = Texts::new();
    Ok(titles
        .iter()
        .map(|(id, title)| {
            let mut title = title.clone();
            let mut tr = Translator::new(all.get(id).unwrap_or(&none));
            tr.put(key::TITLE, &mut title);
            // A consultation gone since is taken to have been in the
            // site's first language.
            let language = written.get(id).map_or(first, String::as_str);
            Langs::new(ctx, language, tr.finish()).shown(key::TITLE, &title)
        })
        .collect())
}

/// The copy of answers by email on the confirmation page.
pub(super) struct CopyOffer {
    pub form: Option<OneButton>,
    /// Where the copy last asked for stands, as a sentence.
    pub standing: Option<Phrase>,
    pub state: CopyState,
}

/// For a signed-in respondent with a confirmed address, where the copy
/// of their answers stands and, unless one is waiting to be sent, the
/// button that asks for one (another, once it has been sent).
pub(super) async fn copy_by_email(ctx: &PageCtx, id: Uuid) -> Result<CopyOffer, AppError> {
    let Some(me) = ctx.user.0.as_ref().filter(|me| me.email_verified) else {
        return Ok(CopyOffer {
            form: None,
            standing: None,
            state: CopyState::NotAsked,
        });
    };
    let email = || Value::Text(&me.email);
    let state = CopyState::of(ctx, mine::copy_asked(&ctx.state.db, me, id).await?);
    let standing = match state {
        CopyState::NotAsked => None,
        CopyState::Sent(at) => {
            let sent = ctx.dates().at(at);
            Some(ctx.phrase(
                "receipt-sent-at",
                &[("email", email()), ("sent", Value::When(&sent))],
            ))
        }
        CopyState::NoServer => Some(ctx.phrase("receipt-no-server", &[("email", email())])),
        CopyState::Waiting => Some(ctx.phrase("receipt-waiting", &[("email", email())])),
    };
    let form = state.may_ask().then(|| OneButton {
        action: format!("/consultations/{id}/respond/receipt"),
        csrf: me.csrf.clone(),
        button: ctx.t(match state {
            CopyState::Sent(_) => "receipt-button-again",
            _ => "receipt-button",
        }),
        hint: ctx.phrase(
            if ctx.state.config.mail_configured {
                "receipt-hint"
            } else {
                "receipt-hint-no-server"
            },
            &[("email", email())],
        ),
    });
    Ok(CopyOffer {
        form,
        standing,
        state,
    })
}

#[derive(Deserialize)]
pub struct CopyForm {
    #[serde(default)]
    csrf: String,
    /// `account` when asked for from the account page's list: back there.
    #[serde(default)]
    back: String,
}

/// Emails the signed-in respondent a copy of the answers they sent, in
/// the page's language: each question they were shown and their answer.
/// Back to the page it was asked from, which says where the copy stands;
/// too many copies of the same answers, a page saying when to ask again.
pub async fn email_copy(
    ctx: PageCtx,
    Me(me): Me,
    client: ClientKey,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<CopyForm>,
) -> Result<Response, AppError> {
    let id = path_id(&id)?;
    check_session_csrf(&me, &form.csrf)?;
    let (p, langs) = progress_in(&ctx, Respondent::Account(&me), id).await?;
    let Some(response) = p.response.as_ref().filter(|_| p.is_submitted()) else {
        return Err(ServiceError::NotFound.into());
    };
    let title = langs.shown(key::TITLE, &p.consultation.title);
    let mut body = vec![ctx
        .phrase(
            "receipt-intro",
            &[
                ("title", Value::Shown(&title)),
                ("reference", Value::Text(&response.reference)),
            ],
        )
        .unmarked()];
    let all = p.answers_before(p.survey.pages.len());
    for page in &p.pages {
        for q in &p.survey.pages[*page].questions {
            if !cohesion_domain::survey::answers::is_shown(q, &all) {
                continue;
            }
            let question = langs.shown(&key::question(&q.id, "text"), &q.text);
            let answer = answer_text(&ctx, &langs, q, &p.draft).unmarked();
            body.push(format!("{}\n{answer}", question.text));
        }
    }
    let closes = ctx.dates().at(p.consultation.closes_at).text;
    let link = format!(
        "{}/consultations/{id}/respond/check",
        ctx.state.config.public_url
    );
    body.push(
        ctx.phrase(
            "receipt-change",
            &[
                ("closes", Value::Text(&closes)),
                ("link", Value::Text(&link)),
            ],
        )
        .unmarked(),
    );
    let subject = ctx
        .phrase("receipt-subject", &[("title", Value::Shown(&title))])
        .unmarked();
    let letters = CatalogLetters::for_site(&ctx.state).await;
    let letter = letters.written(ctx.locale().tag(), &subject, &body.join("\n\n"));
    // A fixed marker, not an address, so that it leads nowhere else.
    let (back, next) = match form.back.as_str() {
        "account" => ("/account".to_owned(), format!("/account?copied={id}")),
        // Without a mail server the address claims nothing sent: the
        // page itself says the copy waits for one.
        _ if !ctx.state.config.mail_configured => {
            let done = format!("/consultations/{id}/respond/done");
            (done.clone(), done)
        }
        _ => {
            let done = format!("/consultations/{id}/respond/done");
            (done.clone(), format!("{done}?done={RECEIPT_SENT}"))
        }
    };
    // Asked for now or before (a form sent twice): either way the page
    // then says where the copy stands.
    match mine::email_copy(&ctx.state.db, &me, id, &letter, Some(&client.0)).await {
        Ok(_) => Ok(see_other(&next)),
        Err(ServiceError::RateLimited { retry_after }) => {
            too_many_copies(&ctx, &title, back, retry_after).await
        }
        Err(e) => Err(e.into()),
    }
}

/// Too many copies of the answers to `title` asked for: a 429 saying
/// when to try again, with the way `back`.
async fn too_many_copies(
    ctx: &PageCtx,
    title: &Shown,
    back: String,
    retry_after: u32,
) -> Result<Response, AppError> {
    let text = Phrase::join(
        [
            ctx.phrase("receipt-too-many", &[("title", Value::Shown(title))]),
            Phrase::plain(ctx.locale().t_num(
                "try-again-in",
                "minutes",
                crate::kit::retry_minutes(Some(retry_after)),
            )),
        ],
        " ",
    );
    let page = NoticePage {
        ui: ctx.chrome_for(&back, "receipt-too-many-title").await?,
        text,
        link: Some((back, ctx.t("back").into())),
    };
    respond_throttled(page, retry_after)
}
