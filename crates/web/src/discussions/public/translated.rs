//! A discussion's texts in the reader's language where translated
//! (ADR 14), and the language each text is shown in (ADR 16): the
//! original's where a translation is missing or stale.

use cohesion_domain::discussion::record::Discussion;
use cohesion_domain::translation::key;
use cohesion_services::discussions::translations;

use cohesion_ui::Shown;

use crate::kit::{AppError, Langs, PageCtx};

/// `d` in the page's language, and the language of each of its texts.
pub(in crate::discussions) async fn translated(
    ctx: &PageCtx,
    d: Discussion,
) -> Result<(Discussion, Langs), AppError> {
    let (d, left) = translations::in_language(&ctx.state.db, d, ctx.locale().tag()).await?;
    let langs = Langs::new(ctx, &d.language, left);
    Ok((d, langs))
}

/// A page of discussions in the page's language (one query).
pub(in crate::discussions) async fn translated_list(
    ctx: &PageCtx,
    list: Vec<Discussion>,
) -> Result<Vec<(Discussion, Langs)>, AppError> {
    Ok(
        translations::list_in_language(&ctx.state.db, list, ctx.locale().tag())
            .await?
            .into_iter()
            .map(|(d, left)| {
                let langs = Langs::new(ctx, &d.language, left);
                (d, langs)
            })
            .collect(),
    )
}

/// `d`'s title in the page's language where translated, marked with the
/// language it is shown in: for the pages that name the discussion.
pub(in crate::discussions) async fn title_shown(
    ctx: &PageCtx,
    d: &Discussion,
) -> Result<Shown, AppError> {
    let (d, langs) = translated(ctx, d.clone()).await?;
    Ok(langs.shown(key::TITLE, &d.title))
}

/// The language the guiding questions are shown in (one for the list).
pub(super) fn questions_lang<'a>(d: &Discussion, langs: &'a Langs) -> &'a str {
    langs.of_all((0..d.questions.len()).map(key::guiding_question))
}

/// The language the topics are shown in (one for the list).
pub(in crate::discussions) fn topics_lang<'a>(d: &Discussion, langs: &'a Langs) -> &'a str {
    langs.of_all((0..d.topics.len()).map(key::topic))
}
