//! The two engines' migrations build the same schema.

use cohesion_storage::{schema, Engine};
use cohesion_testkit as testkit;

#[tokio::test]
async fn sqlite_and_postgres_schemas_are_equivalent() {
    let sqlite = testkit::sqlite().await;
    let Some(pg) = testkit::postgres().await else {
        return;
    };
    let a = schema::describe(sqlite.db.acquire().await.unwrap().conn())
        .await
        .unwrap();
    let b = schema::describe(pg.db.acquire().await.unwrap().conn())
        .await
        .unwrap();
    assert!(
        a.tables.contains_key("programmes"),
        "schema described: {a:?}"
    );
    for (table, cols) in &a.tables {
        assert_eq!(Some(cols), b.tables.get(table), "table {table} differs");
    }
    assert_eq!(a.tables.len(), b.tables.len(), "same set of tables");
    assert_eq!(a.indexes, b.indexes, "same explicit indexes");
    assert_eq!(sqlite.engine(), Engine::Sqlite);
    assert_eq!(pg.engine(), Engine::Postgres);
}
