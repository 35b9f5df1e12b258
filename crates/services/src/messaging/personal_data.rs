//! Subscriptions in "your data" and in an account's erasure. A
//! subscriber needs no account, so a subscription is the account's when
//! it is to the account's verified address: the one address the site
//! knows to be the person's.

use cohesion_storage::accounts::users;
use cohesion_storage::messaging::{subscribers, topics};
use cohesion_storage::site::areas;
use cohesion_storage::Conn;

use crate::accounts::your_data::{iso, CommunitySubscriptionData, YourData};
use crate::erasure::{Contributions, Names, Person, PersonalData, Step};
use crate::ServiceError;

/// The community messages' hook (see `erasure`).
pub struct MessagingHook;

/// The verified address of `person`, if it has one.
async fn verified(conn: Conn<'_>, person: &Person) -> Result<Option<String>, ServiceError> {
    Ok(users::find_by_id(conn, person.id)
        .await?
        .filter(|u| u.email_verified_at.is_some())
        .and_then(|u| u.email))
}

impl PersonalData<YourData> for MessagingHook {
    fn names(&self) -> &'static [Names] {
        // Subscribers are addresses, not accounts: no column points at an
        // account (a message's `created_by` names its officer without a
        // reference, as the audit log's ids do, and stays).
        &[]
    }

    fn export<'a>(
        &'a self,
        mut conn: Conn<'a>,
        person: &'a Person,
        into: &'a mut YourData,
    ) -> Step<'a> {
        Box::pin(async move {
            let Some(email) = verified(conn.reborrow(), person).await? else {
                return Ok(());
            };
            let Some(s) = subscribers::by_email(conn.reborrow(), &email).await? else {
                return Ok(());
            };
            let all_areas = areas::in_use(conn.reborrow()).await?;
            let all_topics = topics::in_use(conn).await?;
            let locale = s.locale.as_str();
            into.community_subscriptions = vec![CommunitySubscriptionData {
                email: s.email.clone(),
                language: s.locale.clone(),
                all_areas: s.choices.all_areas,
                areas: all_areas
                    .iter()
                    .filter(|a| s.choices.areas.contains(&a.id))
                    .map(|a| a.name_in(locale).to_owned())
                    .collect(),
                topics: all_topics
                    .iter()
                    .filter(|t| s.choices.topics.contains(&t.id))
                    .map(|t| t.name_in(locale).to_owned())
                    .collect(),
                confirmed_at: iso(s.confirmed_at),
            }];
            Ok(())
        })
    }

    fn erase<'a>(&'a self, mut conn: Conn<'a>, person: &'a Person, _: Contributions) -> Step<'a> {
        Box::pin(async move {
            if let Some(email) = verified(conn.reborrow(), person).await? {
                subscribers::delete_by_email(conn, &email).await?;
            }
            Ok(())
        })
    }
}
