//! Every column that points at an account belongs to a registered
//! erasure hook (ADR 7), so a table that names people cannot arrive
//! without its part of "your data" and of deleting an account.

use cohesion_services::PERSONAL_DATA;
use cohesion_storage::schema;
use cohesion_testkit as testkit;
use std::collections::BTreeSet;

#[tokio::test]
async fn every_column_that_points_at_an_account_has_a_registered_hook() {
    let declared: BTreeSet<String> = PERSONAL_DATA
        .iter()
        .flat_map(|hook| hook.names())
        .map(|n| n.column.to_owned())
        .collect();
    for t in testkit::engines().await {
        let mut c = t.db.acquire().await.unwrap();
        let in_schema: BTreeSet<String> = schema::references_to(c.conn(), "users")
            .await
            .unwrap()
            .into_iter()
            .map(|(table, column)| format!("{table}.{column}"))
            .collect();
        assert!(in_schema.contains("sessions.user_id"), "{:?}", t.engine());
        let missing: Vec<_> = in_schema.difference(&declared).collect();
        assert!(
            missing.is_empty(),
            "{:?}: columns that point at an account but no hook in PERSONAL_DATA \
             names (add the feature's hook, or the column to it): {missing:?}",
            t.engine()
        );
        let stale: Vec<_> = declared.difference(&in_schema).collect();
        assert!(
            stale.is_empty(),
            "{:?}: named by a hook but not in the schema: {stale:?}",
            t.engine()
        );
    }
}
