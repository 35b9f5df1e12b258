//! A consultation's texts in the reader's language where translated
//! (ADR 14), and the language each text is shown in (ADR 16).

use cohesion_domain::consultation::Consultation;
use cohesion_domain::translation::{Texts, Translator};
use cohesion_services::consultations::reading;
use cohesion_services::consultations::responding::{self, Progress, Respondent};
use cohesion_services::consultations::results::{self, Results};
use uuid::Uuid;

use crate::kit::{AppError, ClientKey, Langs, PageCtx};

/// Where `who` stands, with the survey and title in the page's language,
/// and the language each of those texts is shown in.
pub(super) async fn progress_in(
    ctx: &PageCtx,
    who: Respondent<'_>,
    id: Uuid,
) -> Result<(Progress, Langs), AppError> {
    let p = responding::progress(&ctx.state.db, who, id).await?;
    translated_progress(ctx, p).await
}

/// [`progress_in`] for where a respondent stands as a write read it.
pub(super) async fn translated_progress(
    ctx: &PageCtx,
    mut p: Progress,
) -> Result<(Progress, Langs), AppError> {
    let t = reading::translation(&ctx.state.db, p.consultation.id, ctx.locale().tag()).await?;
    let mut tr = Translator::new(&t);
    let c = &mut p.consultation;
    tr.main(&mut c.title, &mut c.summary, &mut c.body);
    tr.survey(&mut p.survey);
    let langs = Langs::new(ctx, &p.consultation.language, tr.finish());
    Ok((p, langs))
}

/// A consultation's title, summary and body in the page's language.
pub(super) async fn translated_consultation(
    ctx: &PageCtx,
    mut c: Consultation,
) -> Result<(Consultation, Langs), AppError> {
    let t = reading::translation(&ctx.state.db, c.id, ctx.locale().tag()).await?;
    let mut tr = Translator::new(&t);
    tr.main(&mut c.title, &mut c.summary, &mut c.body);
    let langs = Langs::new(ctx, &c.language, tr.finish());
    Ok((c, langs))
}

/// A list page's titles and summaries in the page's language (one
/// query), and the language each consultation's are shown in.
pub(super) async fn translate_list(
    ctx: &PageCtx,
    list: &mut [Consultation],
) -> Result<Vec<Langs>, AppError> {
    let ids: Vec<Uuid> = list.iter().map(|c| c.id).collect();
    let all = reading::translations_of(&ctx.state.db, &ids, ctx.locale().tag()).await?;
    let none = Texts::new();
    Ok(list
        .iter_mut()
        .map(|c| {
            let mut tr = Translator::new(all.get(&c.id).unwrap_or(&none));
            tr.main(&mut c.title, &mut c.summary, &mut c.body);
            Langs::new(ctx, &c.language, tr.finish())
        })
        .collect())
}

/// The results as the viewer may see them (a view of special-category
/// answers is logged with `client`), with question texts and options in
/// the page's language, and the language each is shown in.
pub(super) async fn results_in_language(
    ctx: &PageCtx,
    client: &ClientKey,
    id: Uuid,
) -> Result<(Results, Langs), AppError> {
    let viewer = ctx.user.0.as_ref();
    let rules = ctx.state.config.small_base;
    let mut r = results::results(&ctx.state.db, viewer, id, rules, Some(&client.0)).await?;
    let t = reading::translation(&ctx.state.db, r.consultation.id, ctx.locale().tag()).await?;
    let mut tr = Translator::new(&t);
    let c = &mut r.consultation;
    tr.main(&mut c.title, &mut c.summary, &mut c.body);
    tr.survey(&mut r.survey);
    // Without a translation every text is as written: nothing to copy.
    if !t.is_empty() {
        for q in &mut r.questions {
            if let Some(translated) = r.survey.question(&q.question.id) {
                q.question = translated.clone();
            }
        }
    }
    let langs = Langs::new(ctx, &r.consultation.language, tr.finish());
    Ok((r, langs))
}
