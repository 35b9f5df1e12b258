//! Function words left out of themes and duplicate signatures: a short
//! English list and a short Arabic list (normalised the same way as the
//! text, so "إلى" and "الى" are both found).

use std::collections::HashSet;
use std::sync::OnceLock;

use super::normalise;

const ENGLISH: &str = "a about above after again against all also am an and any are aren't as at \
be because been before being below between both but by can can't cannot could couldn't did didn't \
do does doesn't doing don't down during each either etc few for from further get gets got had hadn't \
has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how \
how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's like many may me might \
more most much must mustn't my myself no nor not now of off on once only or other ought our ours \
ourselves out over own per really same shall shan't she she'd she'll she's should shouldn't so some \
such than that that's the their theirs them themselves then there there's these they they'd they'll \
they're they've this those though through thus to too under until up upon us very was wasn't we we'd \
we'll we're we've were weren't what what's when when's where where's whether which while who who's \
whom whose why why's will with within without won't would wouldn't yet you you'd you'll you're \
you've your yours yourself yourselves";

const ARABIC: &str = "في من الى إلى على عن مع هذا هذه ذلك تلك هؤلاء هنا هناك الذي التي الذين اللذين \
اللتين اللواتي ما ماذا لماذا كيف متى أين اين هل و او أو ثم بل لكن لكنه ان إن أن انه إنه أنه كان كانت \
كانوا يكون تكون يكن لا لم لن ليس ليست قد لقد كل بعض غير حتى اذا إذا اذ إذ كما بين بعد قبل منذ عند \
عندما ايضا أيضا فقط جدا هو هي هم هما هن انا أنا انت أنت نحن انتم أنتم له لها لهم به بها بهم فيه فيها \
منه منها عليه عليها الي لي لك لنا ذلك كذلك وهو وهي وقد ولا وما وفي ومن وعلى ولم يا اي أي التى الا إلا";

/// Whether a normalised token is a stop word in English or Arabic.
pub fn is_stop_word(token: &str) -> bool {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        ENGLISH
            .split_whitespace()
            .chain(ARABIC.split_whitespace())
            .map(normalise)
            .collect()
    })
    .contains(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_after_normalisation() {
        for w in ["the", "don't", "في", "الي", "علي", "اذا"] {
            assert!(is_stop_word(w), "{w}");
        }
        for w in ["park", "council", "مدرسه", "حديقه"] {
            assert!(!is_stop_word(w), "{w}");
        }
    }
}
