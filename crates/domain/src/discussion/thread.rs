//! Where a comment sits in its thread: a materialised path, one fixed-width
//! segment per level, so that sorting by path lists a thread depth first in
//! the order replies were posted, a comment's replies are a prefix range
//! (one index scan on either engine), and no query walks the tree.

/// Characters in each level's segment: base 36, so a comment can have
/// 36⁶ (about two billion) replies before its segments would run out.
pub const SEGMENT_WIDTH: usize = 6;

/// Levels of replies shown nested; deeper replies are shown at this level,
/// marked "in reply to NAME" (three levels stay readable on a phone).
pub const SHOWN_LEVELS: usize = 3;

const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";

/// A comment's place: its ancestors' segments, then its own.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ThreadPath(String);

/// How a comment is laid out: the level it is indented to (0 for a
/// top-level comment) and whether it must say whom it replies to because
/// its real level is deeper than the page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub level: usize,
    pub says_in_reply_to: bool,
}

impl ThreadPath {
    /// The path of the `seq`th top-level comment (from 0) of a discussion.
    pub fn top(seq: u64) -> Option<Self> {
        segment(seq).map(Self)
    }

    /// The path of the `seq`th reply (from 0) to this comment.
    pub fn child(&self, seq: u64) -> Option<Self> {
        segment(seq).map(|s| Self(format!("{}{s}", self.0)))
    }

    /// Reads a stored path; `None` for anything that is not whole segments
    /// of base-36 digits.
    pub fn parse(stored: &str) -> Option<Self> {
        let ok = !stored.is_empty()
            && stored.len().is_multiple_of(SEGMENT_WIDTH)
            && stored.bytes().all(|b| DIGITS.contains(&b));
        ok.then(|| Self(stored.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// 0 for a top-level comment, 1 for a reply to one, and so on.
    pub fn depth(&self) -> usize {
        self.0.len() / SEGMENT_WIDTH - 1
    }

    /// The comment this one replies to, if it is a reply.
    pub fn parent(&self) -> Option<Self> {
        (self.depth() > 0).then(|| Self(self.0[..self.0.len() - SEGMENT_WIDTH].to_owned()))
    }

    /// The top-level comment of this one's thread.
    pub fn root(&self) -> Self {
        Self(self.0[..SEGMENT_WIDTH].to_owned())
    }

    /// Whether this comment is `ancestor` or sits somewhere below it.
    pub fn is_within(&self, ancestor: &Self) -> bool {
        self.0.starts_with(&ancestor.0)
    }

    /// The first path after every path within this one: with the path
    /// itself, the half-open range `[self, end)` that holds its replies.
    pub fn end_of_subtree(&self) -> String {
        // "~" sorts after every base-36 digit in bytes and in the C
        // collation both engines are asked to compare with.
        format!("{}~", self.0)
    }

    /// How the page lays this comment out.
    pub fn placement(&self) -> Placement {
        let depth = self.depth();
        Placement {
            level: depth.min(SHOWN_LEVELS),
            says_in_reply_to: depth > SHOWN_LEVELS,
        }
    }
}

fn segment(mut seq: u64) -> Option<String> {
    let mut out = [b'0'; SEGMENT_WIDTH];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS[(seq % 36) as usize];
        seq /= 36;
    }
    // What is left did not fit in the segment.
    (seq == 0).then(|| String::from_utf8(out.to_vec()).expect("ASCII digits"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_sort_depth_first_in_posting_order() {
        let a = ThreadPath::top(0).unwrap();
        let b = ThreadPath::top(1).unwrap();
        let a0 = a.child(0).unwrap();
        let a1 = a.child(1).unwrap();
        let a0x = a0.child(35).unwrap();
        let a10 = a.child(10).unwrap();
        let mut all = vec![
            b.clone(),
            a1.clone(),
            a10.clone(),
            a0x.clone(),
            a.clone(),
            a0.clone(),
        ];
        all.sort();
        assert_eq!(all, [a, a0, a0x, a1, a10, b]);
    }

    #[test]
    fn a_path_knows_its_depth_parent_root_and_subtree() {
        let top = ThreadPath::top(7).unwrap();
        let deep = top.child(1).unwrap().child(2).unwrap().child(3).unwrap();
        assert_eq!(top.depth(), 0);
        assert_eq!(deep.depth(), 3);
        assert_eq!(top.parent(), None);
        assert_eq!(
            deep.parent().unwrap().parent().unwrap().parent(),
            Some(top.clone())
        );
        assert_eq!(deep.root(), top);
        assert!(deep.is_within(&top) && top.is_within(&top));
        let next = ThreadPath::top(8).unwrap();
        assert!(!next.is_within(&top));
        let end = top.end_of_subtree();
        assert!(deep.as_str() < end.as_str() && top.as_str() < end.as_str());
        assert!(
            next.as_str() > end.as_str(),
            "the next thread is outside the range"
        );
    }

    #[test]
    fn replies_deeper_than_three_levels_are_shown_flat_and_say_whom_they_answer() {
        let mut path = ThreadPath::top(0).unwrap();
        let mut seen = vec![path.placement()];
        for _ in 0..5 {
            path = path.child(0).unwrap();
            seen.push(path.placement());
        }
        let levels: Vec<usize> = seen.iter().map(|p| p.level).collect();
        assert_eq!(levels, [0, 1, 2, 3, 3, 3]);
        let flagged: Vec<bool> = seen.iter().map(|p| p.says_in_reply_to).collect();
        assert_eq!(flagged, [false, false, false, false, true, true]);
    }

    #[test]
    fn stored_paths_are_read_strictly_and_segments_have_limits() {
        assert!(ThreadPath::parse("00000a00000b").is_some());
        for bad in ["", "00000", "00000A", "0000-0", "000000~"] {
            assert!(ThreadPath::parse(bad).is_none(), "{bad:?}");
        }
        let last = 36u64.pow(6) - 1;
        assert_eq!(ThreadPath::top(last).unwrap().as_str(), "zzzzzz");
        assert!(ThreadPath::top(last + 1).is_none(), "no silent wrap-around");
    }
}
