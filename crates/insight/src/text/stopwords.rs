//! Function words left out of themes and duplicate signatures, in
//! English and Arabic, matched on normalised tokens (so "إلى" and "الى"
//! are one word).
//!
//! English words stand alone, so a list is enough. Arabic writes its
//! function words joined to what surrounds them: "and", "so", "with",
//! "for", "like" and the future "will" before the word ("وهذا", "لمزيد",
//! "سيكون"), and the pronouns "it", "them", "us"... after a particle or
//! preposition ("إنها", "منهم", "لديه"). A token is an Arabic function
//! word when it is one of [`ARABIC`], or when taking off such
//! attached letters ([`arabic_function_word`]) leaves one. The rules are
//! narrow on purpose: a pronoun ending is only taken off words that take
//! one ([`TAKES_PRONOUN`]), and a one-letter prefix is only taken off
//! where what remains is long enough not to be a content word by chance,
//! so that "فهم" (understanding) and "كلم" (spoke to) stay words.

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

/// Arabic function words as they stand alone: prepositions, particles and
/// conjunctions, pronouns, demonstratives and relatives, "to be" and its
/// sisters, modal and passive auxiliaries, quantifiers and adverbs of
/// degree, much as the English list has them. Written as people write
/// them; normalised when the set is built.
const ARABIC: &str = "\
في من الى إلى على عن مع عند لدى حول دون ضد نحو منذ بين بعد قبل فوق تحت أمام خلف عبر خلال حتى \
حسب وفق مثل سوى غير بدون لأن لان بسبب أجل كي لكي \
و او أو أم ثم بل لكن لكنه لكنها لكنهم إن أن ان إنما أنما كأن لعل ليت إذا اذا إذ اذ لو لولا إلا الا \
إما أما يا أي اي ما ماذا لماذا كيف متى أين اين هل لا لم لن قد لقد سوف \
أنا انا نحن أنت انت أنتم انتم أنتن أنتما هو هي هم هن هما \
هذا هذه هذان هاتان هذين هاتين هؤلاء ذلك ذاك تلك أولئك هنا هناك هنالك \
الذي التي الذين اللذان اللتان اللذين اللتين اللاتي اللواتي اللائي التى \
كان كانت كانوا كنت كنا يكون تكون أكون نكون يكونوا يكن تكن ليس ليست ليسوا لست لسنا \
صار أصبح أصبحت يصبح تصبح ظل مازال ما زال لازال لايزال لا يزال يزال تزال مازالت \
يجب ينبغي يمكن يمكننا يمكنك ممكن تم يتم \
كل بعض جميع معظم أغلب كثير كثيرا كثيرة قليل المزيد مزيد مزيدا أكثر الأكثر أقل الأقل نفس نفسه نفسها أنفسهم \
أيضا ايضا فقط جدا الآن الان حاليا دائما أبدا ربما حقا فعلا كذلك هكذا عندما بينما حيث حين حينما \
كلما مما ممن عما عمن فيما بما لما كما إلخ الخ عدم \
له لها لهم لهما لهن لك لكم لي لنا به بها بهم بهما بهن بك بكم بي بنا";

/// Bases a pronoun may be joined to ("فيها", "إنهم", "لديكم", "كلهم").
/// "ل" and "ب" stand for "له", "بها" and the like, which are also in
/// [`ARABIC`] to be found without the rule.
const TAKES_PRONOUN: &str = "\
في من الى إلى على عن مع عند لدى حول دون ضد نحو بين فوق تحت أمام خلف خلال \
مثل غير إن أن ان لكن كأن لعل ليت كل بعض جميع معظم أغلب عدم ل ب";

/// The few of those that "me" ("ي", "ني") is joined to: on the others it
/// would make adjectives ("كلي", "خلفي", "حولي").
const TAKES_ME: &str = "من عن مع عند لدى على الى إلى بين إن أن ان لكن كأن لعل ليت ل ب";

/// And those "ني" is joined to ("إنني", "مني"); "بني" and "معني" are
/// words.
const TAKES_NI: &str = "من عن إن أن ان لكن كأن لعل ليت";

/// Pronouns joined to the end of a word, longest first.
const PRONOUNS: [&str; 12] = [
    "هما", "كما", "هم", "ها", "هن", "كم", "كن", "نا", "ني", "ه", "ك", "ي",
];

/// Letters joined to the front of a word ("and", "so", "with", "for",
/// "like", "will"), longest first; [`PREFIX_MIN`] says how long what
/// follows must be.
const PREFIXES: [&str; 17] = [
    "وبال", "وس", "فس", "وب", "ول", "وك", "فب", "فل", "فك", "بال", "كال", "و", "ف", "ب", "ل", "ك",
    "س",
];

/// Two-letter function words a one-letter "and"/"so"/"with"/"for" may be
/// joined to ("ولا", "فما", "لقد", "بكل"); longer ones take a prefix
/// whatever they are.
const SHORT_AFTER_PREFIX: &str = "في من عن مع ما لا لم لن قد ان هو هي هم هن اي كل لو كي";

/// Content words that look like a prefix on a function word: "فهم"
/// (understanding) is not "so they".
const NOT_FUNCTION_WORDS: &str = "فهم";

/// Whether a normalised token is a stop word in English or Arabic.
pub fn is_stop_word(token: &str) -> bool {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    let listed = SET
        .get_or_init(|| {
            ENGLISH
                .split_whitespace()
                .chain(ARABIC.split_whitespace())
                .map(normalise)
                .collect()
        })
        .contains(token);
    listed || arabic_function_word(token)
}

struct Arabic {
    words: HashSet<String>,
    take_pronoun: HashSet<String>,
    take_me: HashSet<String>,
    take_ni: HashSet<String>,
    short: HashSet<String>,
    not: HashSet<String>,
}

fn arabic() -> &'static Arabic {
    static SETS: OnceLock<Arabic> = OnceLock::new();
    SETS.get_or_init(|| {
        let set = |s: &str| s.split_whitespace().map(normalise).collect();
        Arabic {
            words: set(ARABIC),
            take_pronoun: set(TAKES_PRONOUN),
            take_me: set(TAKES_ME),
            take_ni: set(TAKES_NI),
            short: set(SHORT_AFTER_PREFIX),
            not: set(NOT_FUNCTION_WORDS),
        }
    })
}

/// Whether a normalised Arabic token is a function word with letters
/// joined to it: a prefix ([`PREFIXES`]) and/or a pronoun ending
/// ([`PRONOUNS`], only on [`TAKES_PRONOUN`]) around a function word.
pub fn arabic_function_word(token: &str) -> bool {
    let a = arabic();
    if a.not.contains(token) || !super::stem::is_arabic_word(token) {
        return false;
    }
    let prefixes = std::iter::once("").chain(PREFIXES);
    for prefix in prefixes {
        let Some(rest) = token.strip_prefix(prefix) else {
            continue;
        };
        if rest.is_empty() {
            continue;
        }
        let pronouns = std::iter::once("").chain(PRONOUNS);
        for pronoun in pronouns {
            let Some(base) = rest.strip_suffix(pronoun) else {
                continue;
            };
            if base.is_empty() || (prefix.is_empty() && pronoun.is_empty()) {
                continue;
            }
            let found = match pronoun {
                "" => a.words.contains(base),
                "ي" => a.take_me.contains(base),
                "ني" => a.take_ni.contains(base),
                _ => a.take_pronoun.contains(base),
            };
            if found && prefix_fits(prefix, base, !pronoun.is_empty(), a) {
                return true;
            }
        }
    }
    false
}

/// Whether `prefix` may stand before the function word `base`: the
/// future "س" only before a verb of the present ("سيكون", "ستكون"); "ك"
/// (like) and "ال" forms only before words of three letters or more; a
/// one-letter "ل" or "ب" base only after "و" or "ف" ("ولها", "فبه");
/// otherwise three letters or more, or a two-letter word of
/// [`SHORT_AFTER_PREFIX`].
fn prefix_fits(prefix: &str, base: &str, pronoun: bool, a: &Arabic) -> bool {
    let letters = base.chars().count();
    if prefix.is_empty() {
        return true;
    }
    if letters == 1 {
        return pronoun && matches!(prefix, "و" | "ف");
    }
    if prefix.ends_with('س') {
        return letters >= 3 && base.starts_with(['ي', 'ت', 'ن', 'ا']);
    }
    if prefix.ends_with('ك') || prefix.ends_with("ال") {
        return letters >= 3;
    }
    letters >= 3 || a.short.contains(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stop(w: &str) -> bool {
        is_stop_word(&normalise(w))
    }

    #[test]
    fn both_languages_after_normalisation() {
        for w in ["the", "don't", "في", "الي", "علي", "اذا"] {
            assert!(is_stop_word(w), "{w}");
        }
        for w in ["park", "council", "مدرسه", "حديقه"] {
            assert!(!is_stop_word(w), "{w}");
        }
    }

    #[test]
    fn arabic_function_words_with_letters_joined_to_them() {
        for w in [
            "لمزيد",
            "إنها",
            "وهذا",
            "التي",
            "والتي",
            "لأنها",
            "لأنهم",
            "منهم",
            "عليها",
            "لديكم",
            "فيها",
            "ولكن",
            "ولكنها",
            "سيكون",
            "وستكون",
            "بذلك",
            "لذلك",
            "كهذا",
            "ولا",
            "فما",
            "بكل",
            "وكلهم",
            "إنني",
            "ولها",
            "فبه",
            "والمزيد",
            "بدون",
        ] {
            assert!(stop(w), "{w}");
        }
    }

    #[test]
    fn arabic_content_words_stay() {
        for w in [
            "فهم",
            "كلم",
            "مزيدات",
            "الكاميرات",
            "مراقبة",
            "خصوصيتنا",
            "المدارس",
            "الشباب",
            "إنارة",
            "الشوارع",
            "النفسية",
            "وظيفة",
            "بيت",
            "سيارة",
            "لعب",
            "كتاب",
            "مهم",
            "أمان",
            "مكان",
            "ولد",
            "كلي",
            "خلفي",
            "بني",
            "معنى",
            "عبرة",
        ] {
            assert!(!stop(w), "{w}");
        }
    }
}
