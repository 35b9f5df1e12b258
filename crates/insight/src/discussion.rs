//! A whole discussion thread read at once, as an analyst and a moderator
//! would read it (`cohesion analyse discussion`): which comments say the
//! same thing ([`duplicates`](crate::duplicates)), which only agree with
//! what they answer (the domain's endorsement rule), what screening would
//! flag in each (links, repeats of an earlier comment, posting bursts,
//! words from a moderators' list) and the themes of what was said
//! ([`themes`](crate::themes)). Screening only ever flags: what it
//! finds is for a person to look at (ADR 33).

use std::collections::{BTreeMap, HashMap};

use cohesion_domain::discussion::endorsement::is_endorsement;
use cohesion_domain::discussion::import::ImportedComment;
use cohesion_domain::discussion::links::{paragraphs, Piece};
use cohesion_domain::discussion::record::Badge;
use cohesion_domain::discussion::screening::WordList;
use serde::Serialize;
use time::{Duration, OffsetDateTime};

use crate::duplicates::{deduplicate, Group};
use crate::themes::{discover, Discovery};

/// From this many links a comment is flagged.
pub const MANY_LINKS: usize = 3;
/// From this many comments by one author within [`BURST_WINDOW`] the
/// later ones are flagged.
pub const BURST_COMMENTS: usize = 5;
pub const BURST_WINDOW: Duration = Duration::minutes(10);

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Options {
    /// Seed of the themes' clustering: the same thread and seed give the
    /// same output.
    pub seed: u64,
}

/// What the analysis found, by the comments' ids in the file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThreadAnalysis {
    pub comments: usize,
    /// Groups of two or more comments with the same or nearly the same
    /// text, each in the order they were posted.
    pub duplicates: Vec<Duplicates>,
    /// Replies that only agree with their parent ("Agree 100%").
    pub endorsements: Vec<String>,
    /// Comment id → why screening would flag it; comments it would not
    /// flag are left out.
    pub screening: BTreeMap<String, Vec<Reason>>,
    pub themes: Discovery,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duplicates {
    pub ids: Vec<String>,
    /// Identical once normalised (case, spacing, punctuation).
    pub exact: bool,
    /// So many that it looks organised.
    pub campaign: bool,
}

/// One reason screening would flag a comment, with what triggered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Reason {
    /// [`MANY_LINKS`] links or more.
    ManyLinks { count: usize, sites: Vec<String> },
    /// Nothing but links.
    OnlyLinks { sites: Vec<String> },
    /// A web address that is not shown as a link because it hides where
    /// it goes (a user name before the host) or goes nowhere.
    DisguisedLink,
    /// The same or nearly the same as an earlier comment.
    NearDuplicate { of: String, exact: bool },
    /// One of [`BURST_COMMENTS`] or more comments by its author within
    /// [`BURST_WINDOW`].
    PostingBurst { comments: usize, minutes: i64 },
    /// Entries of the word list it contains, as the list writes them.
    Words { matches: Vec<String> },
}

/// Reads a thread (`comments` parents first, as the domain reads a file).
pub fn analyse(
    comments: &[ImportedComment],
    words: Option<&WordList>,
    options: &Options,
) -> ThreadAnalysis {
    let ids: Vec<String> = comments.iter().map(|c| c.id.clone()).collect();
    let texts: Vec<&str> = comments.iter().map(|c| c.text.as_str()).collect();
    let mut reasons: Vec<Vec<Reason>> = comments.iter().map(|c| links(&c.text)).collect();

    let groups: Vec<Group> = deduplicate(&texts, &Default::default())
        .groups
        .into_iter()
        .filter(|g| g.members.len() > 1)
        .collect();
    let mut duplicates = Vec::with_capacity(groups.len());
    for g in groups {
        let mut members = g.members;
        members.sort_by_key(|&i| (comments[i].created_at, i));
        for &later in &members[1..] {
            reasons[later].push(Reason::NearDuplicate {
                of: ids[members[0]].clone(),
                exact: g.exact,
            });
        }
        duplicates.push(Duplicates {
            ids: members.iter().map(|&i| ids[i].clone()).collect(),
            exact: g.exact,
            campaign: g.campaign,
        });
    }
    duplicates.sort_by_key(|d| ids.iter().position(|i| *i == d.ids[0]));

    for (i, n) in bursts(comments) {
        reasons[i].push(Reason::PostingBurst {
            comments: n,
            minutes: BURST_WINDOW.whole_minutes(),
        });
    }
    if let Some(list) = words {
        for (i, c) in comments.iter().enumerate() {
            let matches: Vec<String> = list
                .matches(&c.text)
                .into_iter()
                .map(str::to_owned)
                .collect();
            if !matches.is_empty() {
                reasons[i].push(Reason::Words { matches });
            }
        }
    }

    let endorsements = comments
        .iter()
        .filter(|c| c.parent.is_some() && is_endorsement(&c.text))
        .map(|c| c.id.clone())
        .collect();
    let screening = ids
        .iter()
        .zip(reasons)
        .filter(|(_, r)| !r.is_empty())
        .map(|(id, r)| (id.clone(), r))
        .collect();
    let themes = discover(
        &ids,
        &texts,
        &crate::themes::Options {
            seed: options.seed,
            ..Default::default()
        },
    );
    ThreadAnalysis {
        comments: comments.len(),
        duplicates,
        endorsements,
        screening,
        themes,
    }
}

/// What the links in a comment give screening to say.
fn links(text: &str) -> Vec<Reason> {
    let mut sites: Vec<String> = Vec::new();
    let (mut count, mut words) = (0, false);
    for piece in paragraphs(text).into_iter().flatten() {
        match piece {
            Piece::Link { site, .. } => {
                count += 1;
                if !sites.contains(&site) {
                    sites.push(site);
                }
            }
            Piece::Text(t) => words |= t.chars().any(char::is_alphanumeric),
        }
    }
    let lower = text.to_lowercase();
    let addresses = lower.matches("https://").count() + lower.matches("http://").count();
    let mut out = Vec::new();
    if addresses > count {
        out.push(Reason::DisguisedLink);
    }
    if count >= MANY_LINKS {
        out.push(Reason::ManyLinks { count, sites });
    } else if count > 0 && !words {
        out.push(Reason::OnlyLinks { sites });
    }
    out
}

/// Comments (index, comments in the window) that are the
/// [`BURST_COMMENTS`]th or later by the same named member of the
/// community within [`BURST_WINDOW`] ending at them (staff who speak for
/// the site, as when they open a conversation with many statements, are
/// not held back by posting limits either).
fn bursts(comments: &[ImportedComment]) -> Vec<(usize, usize)> {
    let mut by_author: HashMap<&str, Vec<(OffsetDateTime, usize)>> = HashMap::new();
    for (i, c) in comments.iter().enumerate() {
        if c.badge != Badge::CommunityMember {
            continue;
        }
        if let Some(a) = &c.author {
            by_author.entry(a).or_default().push((c.created_at, i));
        }
    }
    let mut out = Vec::new();
    for times in by_author.values_mut() {
        times.sort();
        let mut from = 0;
        for to in 0..times.len() {
            while times[to].0 - times[from].0 > BURST_WINDOW {
                from += 1;
            }
            let n = to - from + 1;
            if n >= BURST_COMMENTS {
                out.push((times[to].1, n));
            }
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use cohesion_domain::discussion::import::{parse, Format};

    use super::*;

    fn thread(rows: &[(&str, &str, &str, &str, &str)]) -> Vec<ImportedComment> {
        let mut csv = String::from("id,parent_id,author,role,created_at,text\n");
        for (id, parent, author, at, text) in rows {
            csv.push_str(&format!("{id},{parent},{author},,{at},\"{text}\"\n"));
        }
        parse(csv.as_bytes(), Format::Csv).unwrap().comments
    }

    const TWICE: &str =
        "The youth club on Mill Lane closed two years ago and nothing replaced it, \
                         so teenagers hang around the precinct.";

    #[test]
    fn duplicates_endorsements_and_screening_are_found_by_id() {
        let t = thread(&[
            ("1", "", "Amina", "2020-01-01T10:00:00Z", TWICE),
            ("2", "1", "Tom", "2020-01-01T10:05:00Z", "Agree 100%"),
            ("3", "", "Priya", "2020-01-01T11:00:00Z", TWICE),
            ("4", "", "Sam", "2020-01-01T12:00:00Z", "Agree 100%"),
            (
                "5",
                "",
                "Lee",
                "2020-01-01T13:00:00Z",
                "https://a.example https://b.example/x https://a.example/y",
            ),
            (
                "6",
                "1",
                "Kim",
                "2020-01-01T14:00:00Z",
                "They are v e r m i n, see https://council.gov@evil.example/login",
            ),
        ]);
        let list = WordList::new(["vermin"]);
        let a = analyse(&t, Some(&list), &Options::default());
        assert_eq!(a.comments, 6);
        assert_eq!(a.duplicates.len(), 1);
        assert_eq!(a.duplicates[0].ids, ["1", "3"]);
        assert!(a.duplicates[0].exact);
        assert_eq!(a.endorsements, ["2"], "a top-level agreement is not one");
        assert_eq!(
            a.screening["3"],
            [Reason::NearDuplicate {
                of: "1".into(),
                exact: true
            }]
        );
        assert_eq!(
            a.screening["5"],
            [Reason::ManyLinks {
                count: 3,
                sites: vec!["a.example".into(), "b.example".into()]
            }]
        );
        assert_eq!(
            a.screening["6"],
            [
                Reason::DisguisedLink,
                Reason::Words {
                    matches: vec!["vermin".into()]
                }
            ]
        );
        assert!(!a.screening.contains_key("1"));
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["screening"]["3"][0]["reason"], "near_duplicate");
    }

    #[test]
    fn a_burst_of_posts_and_a_bare_link_are_flagged() {
        let rows: Vec<(String, String)> = (0..6)
            .map(|i| (format!("b{i}"), format!("2020-01-01T10:0{i}:00Z")))
            .collect();
        let texts = [
            "Lighting on Quay Street",
            "Buses after ten",
            "Youth club hours",
            "Market stalls",
            "Library reporting point",
            "https://video.example/watch",
        ];
        let t = thread(
            &rows
                .iter()
                .zip(texts)
                .map(|((id, at), text)| (id.as_str(), "", "Tom", at.as_str(), text))
                .collect::<Vec<_>>(),
        );
        let a = analyse(&t, None, &Options::default());
        assert_eq!(
            a.screening["b4"],
            [Reason::PostingBurst {
                comments: 5,
                minutes: 10
            }]
        );
        assert_eq!(
            a.screening["b5"],
            [
                Reason::OnlyLinks {
                    sites: vec!["video.example".into()]
                },
                Reason::PostingBurst {
                    comments: 6,
                    minutes: 10
                }
            ]
        );
        assert!(!a.screening.contains_key("b3"));

        // An official opening a thread with many comments is not a burst.
        let mut csv = String::from("id,parent_id,author,role,created_at,text\n");
        for (i, text) in texts.iter().enumerate() {
            csv.push_str(&format!(
                "o{i},,Helen,official,2020-01-01T10:0{i}:00Z,{text}\n"
            ));
        }
        let t = parse(csv.as_bytes(), Format::Csv).unwrap().comments;
        let a = analyse(&t, None, &Options::default());
        assert_eq!(a.screening.len(), 1, "{:?}", a.screening);
    }
}
