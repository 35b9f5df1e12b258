//! The retention job: texts deleted after the period, tombstones and
//! counts kept, the deletion audited as the system's, one server at a
//! time.

use cohesion_services::tensions::retention;
use cohesion_storage::tensions::{counts, settings};
use time::{Duration, OffsetDateTime};

use super::{audit_entries, report, send, stored, today};
use crate::support::servers_with_demo;

#[tokio::test]
async fn texts_go_after_the_period_and_the_counts_stay() {
    for s in servers_with_demo().await {
        for _ in 0..2 {
            send(&s, &report("Graffiti on the underpass", &today())).await;
        }
        let now = OffsetDateTime::now_utc();
        // Within the period nothing goes.
        let kept = retention::delete_old_texts(s.db(), "a", now + Duration::days(89))
            .await
            .unwrap();
        assert_eq!(kept, Some(0));
        // Another server holding the lease means this one passes.
        {
            let mut c = s.db().acquire().await.unwrap();
            let held = settings::claim_retention(
                c.conn(),
                "b",
                now.into(),
                (now + Duration::minutes(10)).into(),
            )
            .await
            .unwrap();
            assert!(held);
        }
        assert_eq!(
            retention::delete_old_texts(s.db(), "a", now + Duration::seconds(1))
                .await
                .unwrap(),
            None
        );
        let gone = retention::delete_old_texts(s.db(), "b", now + Duration::days(91))
            .await
            .unwrap();
        assert_eq!(gone, Some(2));
        let rows = stored(&s).await;
        assert_eq!(rows.len(), 2, "tombstones stay");
        assert!(rows
            .iter()
            .all(|r| r.text.is_none() && r.kept_days == Some(90)));
        let mut c = s.db().acquire().await.unwrap();
        let n: i64 = counts::between(c.conn(), "2000-01-01", "2100-01-01")
            .await
            .unwrap()
            .iter()
            .map(|r| r.reports)
            .sum();
        assert_eq!(n, 2, "counts outlive the texts");
        let audit = audit_entries(&s, "tension_reports.delete_texts").await;
        assert_eq!(audit.len(), 1);
        assert_eq!(audit[0].actor_id, None, "the system's action");
        assert!(audit[0]
            .detail
            .contains("2 report texts deleted after 90 days"));
    }
}
