//! `cohesion import …`: content brought in from files, through the
//! services, into the configured database.

use anyhow::Context;
use cohesion_domain::consultation::Languages;
use cohesion_domain::discussion::import::Thread;
use cohesion_i18n::Catalog;
use cohesion_services::discussions::importing::{import, ImportInput};
use cohesion_services::ServiceError;
use cohesion_storage::{migrate, Db};

use crate::cli::ImportDiscussionArgs;
use crate::thread_file::BadInput;

/// Saves a checked thread as an imported discussion and says where it is.
pub async fn discussion(
    db: &Db,
    thread: &Thread,
    args: &ImportDiscussionArgs,
) -> anyhow::Result<()> {
    migrate::run(db).await.context("migration failed")?;
    let catalog = Catalog::load()?;
    let languages = Languages::new(
        catalog.default_locale().tag(),
        catalog.all().iter().map(|l| l.tag().to_owned()),
    );
    let stem = args
        .input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let input = ImportInput {
        title: args.title.as_deref().unwrap_or(&stem),
        introduction: args.introduction.as_deref().unwrap_or_default(),
        language: args.language.as_deref().unwrap_or_default(),
    };
    let imported = import(db, thread, &input, &languages)
        .await
        .map_err(|e| match e {
            ServiceError::Invalid(e) => BadInput(e.to_string()).into(),
            ServiceError::InvalidFields(errors) => BadInput(
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            )
            .into(),
            other => anyhow::Error::new(other).context("the import failed; nothing was saved"),
        })?;
    println!(
        "Imported {} comments as discussion {} (published, closed and read-only).",
        imported.comments, imported.id
    );
    Ok(())
}
