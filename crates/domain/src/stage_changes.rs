//! What an officer changed in a consultation's timeline when saving it:
//! each stage added, removed or changed (and which of its parts), by its
//! name, for the consultation's history. Stages are compared place by
//! place, as the form lists them.

use serde::{Deserialize, Serialize};

use crate::consultation::Stage;

/// A part of a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StagePart {
    Name,
    Date,
    Status,
    Text,
    Link,
}

impl StagePart {
    pub const fn key(self) -> &'static str {
        match self {
            StagePart::Name => "name",
            StagePart::Date => "date",
            StagePart::Status => "status",
            StagePart::Text => "text",
            StagePart::Link => "link",
        }
    }
}

/// One stage's change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum StageChange {
    Added {
        name: String,
    },
    Removed {
        name: String,
    },
    /// Named as it is now; `was` when its name changed.
    Changed {
        name: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        was: Option<String>,
        parts: Vec<StagePart>,
    },
}

/// The changes of one save, as the audit log keeps them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct StageChanges {
    pub stages: Vec<StageChange>,
}

/// How `after` differs from `before`, place by place.
pub fn stage_changes(before: &[Stage], after: &[Stage]) -> StageChanges {
    let mut stages = Vec::new();
    for i in 0..before.len().max(after.len()) {
        match (before.get(i), after.get(i)) {
            (None, Some(s)) => stages.push(StageChange::Added {
                name: s.name.clone(),
            }),
            (Some(s), None) => stages.push(StageChange::Removed {
                name: s.name.clone(),
            }),
            (Some(b), Some(a)) => {
                let parts: Vec<StagePart> = [
                    (StagePart::Name, b.name != a.name),
                    (StagePart::Date, b.date != a.date),
                    (StagePart::Status, b.state != a.state),
                    (StagePart::Text, b.description != a.description),
                    (StagePart::Link, b.link != a.link),
                ]
                .into_iter()
                .filter_map(|(p, changed)| changed.then_some(p))
                .collect();
                if !parts.is_empty() {
                    stages.push(StageChange::Changed {
                        name: a.name.clone(),
                        was: (b.name != a.name).then(|| b.name.clone()),
                        parts,
                    });
                }
            }
            (None, None) => {}
        }
    }
    StageChanges { stages }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consultation::{StageLink, StageState};

    fn stage(name: &str, description: &str) -> Stage {
        Stage {
            name: name.into(),
            description: description.into(),
            date: None,
            state: StageState::Automatic,
            link: StageLink::None,
        }
    }

    #[test]
    fn each_stage_is_compared_with_the_one_in_its_place() {
        let before = [stage("Consultation", "Tell us"), stage("Decision", "")];
        let after = [
            stage("Consultation", "Tell us what you think"),
            stage("Decision", ""),
            stage("Review", ""),
        ];
        assert_eq!(
            stage_changes(&before, &after).stages,
            [
                StageChange::Changed {
                    name: "Consultation".into(),
                    was: None,
                    parts: vec![StagePart::Text],
                },
                StageChange::Added {
                    name: "Review".into()
                },
            ]
        );
        assert_eq!(
            stage_changes(&after, &before[..1]).stages[1],
            StageChange::Removed {
                name: "Decision".into()
            }
        );
        assert!(stage_changes(&before, &before).stages.is_empty());
    }
}
