//! The programme a site runs and its text in each language.

use cohesion_domain::programme::{Programme, ProgrammeText, Slug};

use crate::rows;
use crate::{new_id, Conn, StorageError, Timestamp};

/// Creates the programme `slug` unless it exists, with the given texts.
/// Returns whether it was created; an existing programme is left untouched,
/// which is what makes loading the demo idempotent.
pub async fn create_if_absent(
    mut conn: Conn<'_>,
    slug: &Slug,
    texts: &[ProgrammeText],
) -> Result<bool, StorageError> {
    let id = new_id();
    let now = Timestamp::now();
    let inserted = rows::execute(
        conn.reborrow(),
        "INSERT INTO programmes (id, slug, created_at, updated_at) VALUES ($1, $2, $3, $3) \
         ON CONFLICT (slug) DO NOTHING",
        &[&id, &slug.as_str(), &now],
    )
    .await?;
    if inserted == 1 {
        for t in texts {
            rows::execute(
                conn.reborrow(),
                "INSERT INTO programme_texts (programme_id, locale, name, organisation, summary) \
                 VALUES ($1, $2, $3, $4, $5)",
                &[&id, &t.locale, &t.name, &t.organisation, &t.summary],
            )
            .await?;
        }
    }
    Ok(inserted == 1)
}

/// The site's programme (the oldest, if several) in `locale`, falling back
/// to `fallback_locale` where no translation exists. One query.
pub async fn featured(
    conn: Conn<'_>,
    locale: &str,
    fallback_locale: &str,
) -> Result<Option<Programme>, StorageError> {
    const SQL: &str = "SELECT p.id, p.slug, t.locale, t.name, t.organisation, t.summary \
        FROM programmes p JOIN programme_texts t ON t.programme_id = p.id \
        WHERE t.locale IN ($1, $2) \
        ORDER BY p.id, CASE WHEN t.locale = $1 THEN 0 ELSE 1 END \
        LIMIT 1";
    rows::fetch_optional(conn, SQL, &[&locale, &fallback_locale], |r| {
        Ok(Programme {
            id: r.get("id")?,
            slug: r.get("slug")?,
            text: ProgrammeText {
                locale: r.get("locale")?,
                name: r.get("name")?,
                organisation: r.get("organisation")?,
                summary: r.get("summary")?,
            },
        })
    })
    .await
}
