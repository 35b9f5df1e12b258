//! What residents keep of the responses they sent: the list on their
//! account page, the titles "your data" shows, and a copy of their
//! answers by email.

use axum::extract::Path;
use axum::response::Response;
use cohesion_domain::translation::{key, Texts, Translator};
use cohesion_services::accounts::SignedIn;
use cohesion_services::consultations::reading;
use cohesion_services::consultations::responding::{mine, Respondent};
use cohesion_services::ServiceError;
use cohesion_ui::accounts::YourResponse;
use cohesion_ui::{OneButton, Phrase, Shown, Value};
use serde::Deserialize;
use uuid::Uuid;

use super::questions::answer_text;
use super::translated::{progress_in, translate_list};
use crate::kit::{
    check_session_csrf, path_id, see_other, AppError, CatalogLetters, Langs, Me, PageCtx,
    StrictForm,
};

/// The responses `me` has sent, the latest first: each consultation's
/// title in the page's language where translated, the response's
/// reference, when it was sent, and whether it can still be changed.
pub(crate) async fn your_responses(
    ctx: &PageCtx,
    me: &SignedIn,
) -> Result<Vec<YourResponse>, AppError> {
    let sent = mine::sent_by(&ctx.state.db, me).await?;
    let mut consultations: Vec<_> = sent.iter().map(|s| s.consultation.clone()).collect();
    let langs = translate_list(ctx, &mut consultations).await?;
    Ok(sent
        .iter()
        .zip(consultations.iter().zip(langs))
        .map(|(s, (c, langs))| YourResponse {
            href: format!("/consultations/{}", c.id),
            title: langs.shown(key::TITLE, &c.title),
            reference: s.reference.clone(),
            sent: ctx.dates().at(s.submitted_at),
            status: ctx.t(if s.can_change {
                "account-response-can-change"
            } else {
                "account-response-closed"
            }),
            open: s.can_change,
            answers: format!("/consultations/{}/respond/answers", c.id),
        })
        .collect())
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
    let none = Texts::new();
    Ok(titles
        .iter()
        .map(|(id, title)| {
            let mut title = title.clone();
            let mut tr = Translator::new(all.get(id).unwrap_or(&none));
            tr.put(key::TITLE, &mut title);
            Langs::new(ctx, tr.finish()).shown(key::TITLE, &title)
        })
        .collect())
}

/// For a signed-in respondent with a confirmed address, the button that
/// emails them a copy of their answers; or, once they have asked for one
/// (and until their answers change), where that copy stands instead, so
/// that the page does not offer to send it again.
pub(super) async fn copy_by_email(
    ctx: &PageCtx,
    id: Uuid,
) -> Result<(Option<OneButton>, Option<Phrase>), AppError> {
    let Some(me) = ctx.user.0.as_ref().filter(|me| me.email_verified) else {
        return Ok((None, None));
    };
    let email = Value::Text(&me.email);
    let Some(copy) = mine::copy_asked(&ctx.state.db, me, id).await? else {
        let form = OneButton {
            action: format!("/consultations/{id}/respond/receipt"),
            csrf: me.csrf.clone(),
            button: ctx.t("receipt-button"),
            hint: ctx.phrase("receipt-hint", &[("email", email)]),
        };
        return Ok((Some(form), None));
    };
    let standing = match copy.sent_at {
        Some(at) => {
            let sent = ctx.dates().at(at);
            ctx.phrase(
                "receipt-sent-at",
                &[("email", email), ("sent", Value::When(&sent))],
            )
        }
        // Without a mail server the outbox keeps it, unsent, for the
        // administrators: "waiting" would promise what will not happen.
        None if !ctx.state.config.mail_configured => {
            ctx.phrase("receipt-no-server", &[("email", email)])
        }
        None => ctx.phrase("receipt-waiting", &[("email", email)]),
    };
    Ok((None, Some(standing)))
}

#[derive(Deserialize)]
pub struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

/// Emails the signed-in respondent a copy of the answers they sent, in
/// the page's language: each question they were shown and their answer.
pub async fn email_copy(
    ctx: PageCtx,
    Me(me): Me,
    Path(id): Path<String>,
    StrictForm(form): StrictForm<CsrfOnly>,
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
    // Asked for now or before (a form sent twice): either way the page
    // then says where the copy stands.
    mine::email_copy(&ctx.state.db, &me, id, &letter).await?;
    Ok(see_other(&format!(
        "/consultations/{id}/respond/done?done=receipt-sent"
    )))
}
