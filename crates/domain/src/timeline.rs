//! Where each stage of a consultation's timeline stands on a given day.
//! Officers may set a stage's state by hand; by default it follows the
//! dates ([`StageState::Automatic`]), so a timeline moves on without
//! anyone remembering to change it.

use time::Date;

use crate::consultation::{Stage, StageState};

/// The state each stage shows on `today` (the site's local date): the
/// state an officer set, or for automatic stages the one their dates
/// give. Never `Automatic`.
///
/// The dates decide so: the last stage (in timeline order) whose date
/// has come is current; the stages before it have happened; the ones
/// after it are to come, and so is any stage whose own date is still
/// ahead (whatever the order of the dates). A stage without a date
/// follows its place: happened before the current stage, to come after
/// it. Before any date has come, every automatic stage is to come.
pub fn states(stages: &[Stage], today: Date) -> Vec<StageState> {
    let reached = stages
        .iter()
        .rposition(|s| s.date.is_some_and(|d| d <= today));
    stages
        .iter()
        .enumerate()
        .map(|(i, s)| match s.state {
            StageState::Automatic => automatic(i, s.date, reached, today),
            set => set,
        })
        .collect()
}

fn automatic(i: usize, date: Option<Date>, reached: Option<usize>, today: Date) -> StageState {
    if date.is_some_and(|d| d > today) {
        return StageState::ToCome;
    }
    match reached {
        Some(k) if i < k => StageState::Happened,
        Some(k) if i == k => StageState::Current,
        _ => StageState::ToCome,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consultation::StageLink;
    use time::macros::date;

    fn stage(date: Option<Date>, state: StageState) -> Stage {
        Stage {
            name: "Stage".into(),
            description: String::new(),
            date,
            state,
            link: StageLink::None,
        }
    }

    fn auto(date: Option<Date>) -> Stage {
        stage(date, StageState::Automatic)
    }

    use StageState::{Current, Happened, ToCome};

    #[test]
    fn dates_move_the_timeline_on() {
        let timeline = [
            auto(Some(date!(2026 - 10 - 01))),
            auto(Some(date!(2026 - 11 - 01))),
            auto(Some(date!(2027 - 02 - 01))),
        ];
        let on = |d| states(&timeline, d);
        assert_eq!(on(date!(2026 - 09 - 30)), [ToCome, ToCome, ToCome]);
        // The day a stage's date comes, it is current.
        assert_eq!(on(date!(2026 - 10 - 01)), [Current, ToCome, ToCome]);
        assert_eq!(on(date!(2026 - 10 - 31)), [Current, ToCome, ToCome]);
        assert_eq!(on(date!(2026 - 11 - 01)), [Happened, Current, ToCome]);
        assert_eq!(on(date!(2027 - 02 - 01)), [Happened, Happened, Current]);
        // The last stage stays current: nothing comes after it.
        assert_eq!(on(date!(2030 - 01 - 01)), [Happened, Happened, Current]);
    }

    #[test]
    fn stages_set_by_hand_keep_their_state() {
        let timeline = [
            stage(Some(date!(2026 - 10 - 01)), Current),
            auto(Some(date!(2026 - 11 - 01))),
            stage(None, Happened),
        ];
        assert_eq!(
            states(&timeline, date!(2026 - 12 - 01)),
            [Current, Current, Happened]
        );
    }

    #[test]
    fn undated_stages_follow_their_place_and_future_dates_wait() {
        let timeline = [
            auto(None),
            auto(Some(date!(2026 - 10 - 01))),
            auto(None),
            auto(Some(date!(2026 - 12 - 01))),
        ];
        assert_eq!(
            states(&timeline, date!(2026 - 11 - 01)),
            [Happened, Current, ToCome, ToCome]
        );
        assert_eq!(
            states(&[auto(None), auto(None)], date!(2026 - 11 - 01)),
            [ToCome, ToCome]
        );
        // Dates out of order: a stage whose date is ahead is to come,
        // wherever it stands.
        let muddled = [
            auto(Some(date!(2027 - 01 - 01))),
            auto(Some(date!(2026 - 10 - 01))),
        ];
        assert_eq!(states(&muddled, date!(2026 - 11 - 01)), [ToCome, Current]);
        assert!(states(&[], date!(2026 - 11 - 01)).is_empty());
    }
}
