//! The programme a site runs and its text in each language.

use cohesion_domain::programme::{ProgrammeText, Slug};
use sqlx::Row;
use uuid::Uuid;

use crate::{new_id, on_conn, Conn, StorageError, Timestamp};

/// A programme as the public pages show it, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeView {
    pub id: Uuid,
    pub slug: String,
    pub text: ProgrammeText,
}

/// Creates the programme `slug` unless it exists, with the given texts.
/// Returns whether it was created; an existing programme is left untouched,
/// which is what makes loading the demo idempotent.
pub async fn create_if_absent(
    conn: Conn<'_>,
    slug: &Slug,
    texts: &[ProgrammeText],
) -> Result<bool, StorageError> {
    let id = new_id();
    let now = Timestamp::now();
    let created = on_conn!(conn, c => {
        let inserted = sqlx::query(
            "INSERT INTO programmes (id, slug, created_at, updated_at) VALUES ($1, $2, $3, $3) \
             ON CONFLICT (slug) DO NOTHING",
        )
        .bind(id)
        .bind(slug.as_str())
        .bind(now)
        .execute(&mut *c)
        .await?
        .rows_affected();
        if inserted == 1 {
            for t in texts {
                sqlx::query(
                    "INSERT INTO programme_texts (programme_id, locale, name, organisation, summary) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(id)
                .bind(&t.locale)
                .bind(&t.name)
                .bind(&t.organisation)
                .bind(&t.summary)
                .execute(&mut *c)
                .await?;
            }
        }
        Ok::<_, sqlx::Error>(inserted == 1)
    })?;
    Ok(created)
}

/// The site's programme (the oldest, if several) in `locale`, falling back
/// to `fallback_locale` where no translation exists. One query.
pub async fn featured(
    conn: Conn<'_>,
    locale: &str,
    fallback_locale: &str,
) -> Result<Option<ProgrammeView>, StorageError> {
    const SQL: &str = "SELECT p.id, p.slug, t.locale, t.name, t.organisation, t.summary \
        FROM programmes p JOIN programme_texts t ON t.programme_id = p.id \
        WHERE t.locale IN ($1, $2) \
        ORDER BY p.id, CASE WHEN t.locale = $1 THEN 0 ELSE 1 END \
        LIMIT 1";
    let row = on_conn!(conn, c => {
        let row = sqlx::query(SQL)
            .bind(locale)
            .bind(fallback_locale)
            .fetch_optional(&mut *c)
            .await?;
        row.map(|r| -> Result<ProgrammeView, sqlx::Error> {
            Ok(ProgrammeView {
                id: r.try_get("id")?,
                slug: r.try_get("slug")?,
                text: ProgrammeText {
                    locale: r.try_get("locale")?,
                    name: r.try_get("name")?,
                    organisation: r.try_get("organisation")?,
                    summary: r.try_get("summary")?,
                },
            })
        })
        .transpose()
    })?;
    Ok(row)
}
