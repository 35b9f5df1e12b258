//! The demo's one source of chance: a small deterministic generator, so
//! the demo looks the same every time it is loaded.

/// A small deterministic generator: the demo looks the same every time.
pub(super) struct Draws(pub(super) u64);

impl Draws {
    /// The stream the written answers draw from: apart from the other
    /// answers', so that changing one leaves the other as it was.
    pub(super) fn for_words(seed: u64) -> Self {
        Draws(seed ^ 0x5eed_7e47)
    }

    pub(super) fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }

    /// An index drawn with the given weights.
    pub(super) fn weighted(&mut self, weights: &[usize]) -> usize {
        let mut r = self.next(weights.iter().sum());
        for (i, &w) in weights.iter().enumerate() {
            if r < w {
                return i;
            }
            r -= w;
        }
        weights.len() - 1
    }
}
