//! Personal data masked out of a report's text before it is stored: email
//! addresses, phone numbers, UK postcodes and names, each replaced by a
//! placeholder (`[email]`, `[phone]`, `[postcode]`, `[name]`).
//!
//! Heuristics, not a guarantee (ADR 44 lists what they miss):
//!
//! - an email address is a word with `@` between a local part and a
//!   domain that has a dot;
//! - a phone number is a run of 9 to 15 digits (Latin or Arabic-Indic),
//!   optionally led by `+` and broken by spaces, hyphens, dots or
//!   brackets, not glued to letters;
//! - a UK postcode is an outward code (`B1`, `BS1`, `BS14`, `W1A`) and an
//!   inward code (`4AB`), with or without the space;
//! - a name is: the words after an honorific (Mr, Mrs, Dr, Imam, Cllr …);
//!   the word after "called", "named", "known as" or "name is" (and the
//!   capitalised words that follow it); a run of capitalised words that
//!   does not start a sentence, is not a local area's name and is not one
//!   of the common capitalised words a report needs (days, months,
//!   faiths, nationalities, places such as "Street"); a sentence's first
//!   word when the next is part of such a run and it is not a common
//!   opening word; and in Arabic the word after "اسمه", "اسمها", "يدعى",
//!   "المدعو", "السيد", "الشيخ" and the like (two words for compound
//!   names such as "عبد الله").

use crate::text::normalise;

pub const EMAIL: &str = "[email]";
pub const PHONE: &str = "[phone]";
pub const POSTCODE: &str = "[postcode]";
pub const NAME: &str = "[name]";

/// `text` with personal data replaced; `area_names` (every name of every
/// local area, in any language) are never taken for people's names.
pub fn mask(text: &str, area_names: &[&str]) -> String {
    let text = mask_phones(text);
    let mut tokens = tokenise(&text);
    for t in &mut tokens {
        if let Some(core) = email_core(&t.word) {
            t.replace_core(core, EMAIL);
        }
    }
    mask_postcodes(&mut tokens);
    mask_names(&mut tokens, area_names);
    join(&tokens)
}

/// A word with the whitespace after it.
#[derive(Debug, Clone)]
struct Token {
    word: String,
    space: String,
    /// Replaced by a placeholder.
    placeholder: Option<&'static str>,
}

impl Token {
    /// The word without the punctuation around it.
    fn core(&self) -> &str {
        let (start, end) = core_bounds(&self.word);
        &self.word[start..end]
    }

    fn prefix(&self) -> &str {
        &self.word[..core_bounds(&self.word).0]
    }

    fn suffix(&self) -> &str {
        &self.word[core_bounds(&self.word).1..]
    }

    /// Replaces the part `core` (start, end) of the word by `with`.
    fn replace_core(&mut self, core: (usize, usize), with: &'static str) {
        self.word = format!("{}{with}{}", &self.word[..core.0], &self.word[core.1..]);
        self.placeholder = Some(with);
    }

    fn is_name(&self) -> bool {
        self.placeholder == Some(NAME)
    }

    /// Whether a sentence ends with this word.
    fn ends_sentence(&self) -> bool {
        self.space.contains('\n')
            || self
                .word
                .trim_end_matches(['"', '\'', '’', '”', ')'])
                .ends_with(['.', '!', '?', ':', '؟', '…'])
    }
}

fn is_core_char(c: char) -> bool {
    c.is_alphanumeric() || c == '[' || c == ']'
}

/// Where the word's core starts and ends (bytes): from its first letter
/// or digit to its last.
fn core_bounds(word: &str) -> (usize, usize) {
    let start = word.find(is_core_char).unwrap_or(word.len());
    let end = word
        .char_indices()
        .rev()
        .find(|(_, c)| is_core_char(*c))
        .map_or(start, |(i, c)| i + c.len_utf8());
    (start, end.max(start))
}

fn tokenise(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut lead = String::new();
    for part in text.split_inclusive(char::is_whitespace) {
        let word = part.trim_end_matches(char::is_whitespace);
        let space = &part[word.len()..];
        if word.is_empty() {
            match tokens.last_mut() {
                Some(t) => t.space.push_str(space),
                None => lead.push_str(space),
            }
            continue;
        }
        tokens.push(Token {
            word: word.to_owned(),
            space: space.to_owned(),
            placeholder: None,
        });
    }
    if !lead.is_empty() {
        tokens.insert(
            0,
            Token {
                word: String::new(),
                space: lead,
                placeholder: None,
            },
        );
    }
    tokens
}

/// The words again, a run of names as one `[name]`.
fn join(tokens: &[Token]) -> String {
    let mut out = String::new();
    let mut pending = "";
    let mut after_bare_name = false;
    for t in tokens {
        if t.is_name() && after_bare_name && t.prefix().is_empty() && !pending.contains('\n') {
            // "Mr John Smith" is one "[name]".
            out.push_str(t.suffix());
        } else {
            out.push_str(pending);
            out.push_str(&t.word);
        }
        after_bare_name = t.is_name() && t.suffix().is_empty();
        pending = &t.space;
    }
    out.push_str(pending);
    out
}

// ---------------------------------------------------------------- email

/// Where the email address in `word` is, if it holds one.
fn email_core(word: &str) -> Option<(usize, usize)> {
    let at = word.find('@')?;
    let local_ok = |c: char| c.is_alphanumeric() || "._%+-'".contains(c);
    let domain_ok = |c: char| c.is_alphanumeric() || c == '.' || c == '-';
    let start = word[..at]
        .char_indices()
        .rev()
        .take_while(|(_, c)| local_ok(*c))
        .last()
        .map(|(i, _)| i)?;
    let domain_len: usize = word[at + 1..]
        .chars()
        .take_while(|c| domain_ok(*c))
        .map(char::len_utf8)
        .sum();
    let domain = word[at + 1..at + 1 + domain_len].trim_end_matches(['.', '-']);
    let dot = domain.rfind('.')?;
    if dot == 0 || !domain[dot + 1..].chars().any(char::is_alphabetic) {
        return None;
    }
    Some((start, at + 1 + domain.len()))
}

// ---------------------------------------------------------------- phones

fn digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

fn phone_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{00A0}')
}

/// Where a phone number starting at `i` ends (after its last digit), if
/// one does.
fn phone_at(chars: &[char], i: usize) -> Option<usize> {
    let mut j = i;
    if chars[j] == '+' {
        j += 1;
    }
    let mut digits = 0;
    let mut end = None;
    let mut separators = 0;
    while j < chars.len() {
        let c = chars[j];
        if digit(c) {
            digits += 1;
            separators = 0;
            end = Some(j + 1);
        } else if phone_separator(c) && separators < 2 {
            separators += 1;
        } else {
            break;
        }
        j += 1;
    }
    let end = end?;
    let glued = chars.get(end).is_some_and(|c| c.is_alphabetic());
    ((9..=15).contains(&digits) && !glued).then_some(end)
}

fn mask_phones(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let after_word = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '+');
        let starts = c == '+' && chars.get(i + 1).is_some_and(|n| digit(*n))
            || digit(c)
            || c == '(' && chars.get(i + 1).is_some_and(|n| digit(*n) || *n == '+');
        if starts && !after_word {
            // "(07700 900123, …)": the bracket is the sentence's, not the number's.
            let unclosed =
                c == '(' && phone_at(&chars, i).is_some_and(|end| !chars[i..end].contains(&')'));
            if unclosed {
                out.push(c);
                i += 1;
                continue;
            }
            if let Some(end) = phone_at(&chars, i) {
                out.push_str(PHONE);
                i = end;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

// ---------------------------------------------------------------- postcodes

/// `A9`, `A99`, `AA9`, `AA99`, `A9A`, `AA9A`.
fn outward(s: &str) -> bool {
    let b = s.as_bytes();
    if !(2..=4).contains(&b.len()) || !s.is_ascii() {
        return false;
    }
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if !(1..=2).contains(&letters) || !b.get(letters).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    match &b[letters + 1..] {
        [] => true,
        [c] => c.is_ascii_alphanumeric(),
        _ => false,
    }
}

/// `9AA`.
fn inward(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 3
        && b[0].is_ascii_digit()
        && b[1].is_ascii_alphabetic()
        && b[2].is_ascii_alphabetic()
}

fn mask_postcodes(tokens: &mut [Token]) {
    let mut i = 0;
    while i < tokens.len() {
        let core = tokens[i].core().to_owned();
        let whole = core.len() >= 5 && core.is_ascii() && {
            let (o, n) = core.split_at(core.len() - 3);
            outward(o) && inward(n)
        };
        if whole && has_digit_and_upper(&core) {
            let b = core_bounds(&tokens[i].word);
            tokens[i].replace_core(b, POSTCODE);
        } else if i + 1 < tokens.len()
            && tokens[i].suffix().is_empty()
            && outward(&core)
            && inward(tokens[i + 1].core())
            && tokens[i + 1].prefix().is_empty()
        {
            let b = core_bounds(&tokens[i].word);
            tokens[i].replace_core(b, POSTCODE);
            tokens[i].space.clear();
            let next = &mut tokens[i + 1];
            let (_, end) = core_bounds(&next.word);
            next.word = next.word[end..].to_owned();
            next.placeholder = Some(POSTCODE);
            i += 1;
        }
        i += 1;
    }
}

/// A postcode written as one word is in capitals ("bs14ab" is left).
fn has_digit_and_upper(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit()) && !s.chars().any(|c| c.is_ascii_lowercase())
}

// ---------------------------------------------------------------- names

const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lady",
    "lord",
    "rev",
    "revd",
    "reverend",
    "imam",
    "sheikh",
    "shaykh",
    "rabbi",
    "father",
    "pastor",
    "cllr",
    "councillor",
    "pc",
    "sgt",
    "sergeant",
    "inspector",
    "uncle",
    "auntie",
    "aunty",
];

/// Words after which the next word is a name: "a man called Dave".
const CALLED: &[&str] = &["called", "named", "nicknamed", "calling"];

/// Words after "called" that are not a name: "called the police".
const NOT_NAMES: &[&str] = &[
    "a", "an", "the", "me", "him", "her", "them", "us", "it", "you", "out", "back", "in", "on",
    "to", "for", "up", "off", "names", "police", "at", "by", "everyone", "someone", "people",
    "this", "that", "my", "his", "their", "our", "your", "999", "101", "and", "or", "but", "as",
    "for", "after", "over", "round", "around", "from", "[phone]",
];

/// Common capitalised words a report needs that are not people.
const KEEP: &[&str] = &[
    "i",
    "i'm",
    "i’m",
    "i've",
    "i’ve",
    "i'd",
    "i’d",
    "i'll",
    "i’ll",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "god",
    "allah",
    "police",
    "council",
    "mosque",
    "church",
    "synagogue",
    "temple",
    "gurdwara",
    "muslim",
    "muslims",
    "islam",
    "islamic",
    "jewish",
    "jew",
    "jews",
    "judaism",
    "christian",
    "christians",
    "christianity",
    "catholic",
    "catholics",
    "protestant",
    "hindu",
    "hindus",
    "sikh",
    "sikhs",
    "buddhist",
    "buddhists",
    "arab",
    "arabs",
    "arabic",
    "asian",
    "asians",
    "black",
    "white",
    "british",
    "english",
    "irish",
    "scottish",
    "welsh",
    "polish",
    "romanian",
    "somali",
    "pakistani",
    "indian",
    "bangladeshi",
    "syrian",
    "ukrainian",
    "eritrean",
    "afghan",
    "roma",
    "gypsy",
    "traveller",
    "travellers",
    "european",
    "eastern",
    "african",
    "caribbean",
    "chinese",
    "kurdish",
    "iraqi",
    "palestinian",
    "palestinians",
    "israeli",
    "israelis",
    "lgbt",
    "lgbtq",
    "lgbtq+",
    "pride",
    "trans",
    "gay",
    "facebook",
    "instagram",
    "tiktok",
    "whatsapp",
    "telegram",
    "youtube",
    "twitter",
    "snapchat",
    "reddit",
    "discord",
    "x",
    "ramadan",
    "eid",
    "christmas",
    "easter",
    "diwali",
    "hanukkah",
    "passover",
    "vaisakhi",
    "high",
    "street",
    "road",
    "lane",
    "avenue",
    "park",
    "station",
    "square",
    "bridge",
    "market",
    "centre",
    "center",
    "library",
    "school",
    "college",
    "university",
    "hospital",
    "hall",
    "town",
    "city",
    "estate",
    "community",
    "shopping",
    "bus",
    "train",
    "uk",
    "britain",
    "england",
    "scotland",
    "wales",
    "nhs",
    "prevent",
    "nazi",
    "nazis",
    "swastika",
    "swastikas",
    "brexit",
    "covid",
];

/// Opening words of a sentence that are not names.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "there",
    "then",
    "it",
    "we",
    "they",
    "he",
    "she",
    "you",
    "my",
    "our",
    "their",
    "his",
    "her",
    "on",
    "in",
    "at",
    "last",
    "yesterday",
    "today",
    "tonight",
    "some",
    "someone",
    "people",
    "after",
    "before",
    "when",
    "while",
    "outside",
    "near",
    "around",
    "every",
    "since",
    "several",
    "many",
    "also",
    "and",
    "but",
    "so",
    "if",
    "please",
    "young",
    "older",
    "two",
    "three",
    "four",
    "lots",
    "both",
    "again",
    "someone's",
    "nobody",
    "no",
    "one",
    "lately",
    "recently",
    "behind",
    "opposite",
    "by",
    "from",
    "during",
    "over",
];

/// Arabic words after which the next word is a name.
const ARABIC_CALLED: &[&str] = &[
    "اسمه",
    "اسمها",
    "اسمي",
    "يدعى",
    "يُدعى",
    "تدعى",
    "تُدعى",
    "المدعو",
    "المدعوة",
    "السيد",
    "السيدة",
    "الشيخ",
    "الإمام",
    "الأستاذ",
    "الأستاذة",
    "الدكتور",
    "الدكتورة",
    "الحاج",
    "الحاجة",
    "الأخ",
    "الأخت",
    "اسمهم",
    "لقبه",
];

/// Arabic words that start a compound name ("عبد الله", "أبو أحمد").
const ARABIC_COMPOUND: &[&str] = &["عبد", "أبو", "ابو", "أم", "ام", "ابن", "بن", "بنت", "آل"];

fn in_list(list: &[&str], word: &str) -> bool {
    let w = normalise(word);
    list.iter().any(|l| normalise(l) == w)
}

/// A capitalised word, not in capitals throughout (acronyms are kept).
fn capitalised(core: &str) -> bool {
    let mut chars = core.chars();
    chars.next().is_some_and(char::is_uppercase) && core.chars().any(char::is_lowercase)
}

fn mask_names(tokens: &mut [Token], area_names: &[&str]) {
    let protected = protect_areas(tokens, area_names);
    let n = tokens.len();
    let mut name = vec![false; n];
    for i in 0..n {
        let core = tokens[i].core().to_owned();
        if core.is_empty() || protected[i] || tokens[i].placeholder.is_some() {
            continue;
        }
        let next_free = |j: usize| j < n && !protected[j] && tokens[j].placeholder.is_none();
        // An honorific and the name after it.
        let bare = core.trim_end_matches('.');
        if in_list(HONORIFICS, bare)
            && next_free(i + 1)
            && (capitalised(&core) || bare.len() <= 4)
            && tokens[i].suffix().trim_end_matches('.').is_empty()
        {
            let next = tokens[i + 1].core();
            if capitalised(next) || !in_list(NOT_NAMES, next) && !in_list(KEEP, next) {
                // "Dr." goes with its full stop.
                let b = core_bounds(&tokens[i].word);
                tokens[i].word = format!("{}{NAME}", &tokens[i].word[..b.0]);
                tokens[i].placeholder = Some(NAME);
                name[i + 1] = true;
                continue;
            }
        }
        // "called X", "known as X", "name is X", and Arabic "اسمه X".
        let called = in_list(CALLED, &core)
            || i > 0 && pair(&tokens[i - 1], "known", &core, "as")
            || i > 0 && pair(&tokens[i - 1], "name", &core, "is")
            || i > 0 && pair(&tokens[i - 1], "name", &core, "was");
        if called && next_free(i + 1) && tokens[i].suffix().is_empty() {
            let next = tokens[i + 1].core();
            if !next.is_empty() && !in_list(NOT_NAMES, next) && !in_list(KEEP, next) {
                name[i + 1] = true;
            }
        }
        if in_list(ARABIC_CALLED, &core) && next_free(i + 1) {
            name[i + 1] = true;
            let mut j = i + 1;
            while j + 1 < n && in_list(ARABIC_COMPOUND, tokens[j].core()) && next_free(j + 1) {
                name[j + 1] = true;
                j += 1;
            }
            if j + 2 < n && in_list(&["بن", "ابن", "بنت"], tokens[j + 1].core()) {
                name[j + 1] = true;
                name[j + 2] = true;
            }
        }
        // Capitalised runs.
        if capitalised(&core) && !in_list(KEEP, &core) {
            let starts_sentence =
                i == 0 || tokens[i - 1].word.is_empty() || tokens[i - 1].ends_sentence();
            // A sentence's first word only when a run of names follows.
            let opens_a_run = i + 1 < n
                && !tokens[i].ends_sentence()
                && tokens[i].suffix().is_empty()
                && next_free(i + 1)
                && capitalised(tokens[i + 1].core())
                && !in_list(KEEP, tokens[i + 1].core())
                && !in_list(OPENERS, &core);
            if !starts_sentence || opens_a_run {
                name[i] = true;
            }
        }
    }
    for (t, masked) in tokens.iter_mut().zip(name) {
        if masked {
            let b = core_bounds(&t.word);
            t.replace_core(b, NAME);
        }
    }
}

/// Whether `prev` and `core` are the words `a` and `b`, nothing between.
fn pair(prev: &Token, a: &str, core: &str, b: &str) -> bool {
    prev.suffix().is_empty() && normalise(prev.core()) == a && normalise(core) == b
}

/// Which tokens are part of a local area's name ("Old Town", "St Anne’s").
fn protect_areas(tokens: &[Token], area_names: &[&str]) -> Vec<bool> {
    let mut protected = vec![false; tokens.len()];
    for name in area_names {
        let words: Vec<String> = name
            .split_whitespace()
            .map(|w| normalise(&w[core_bounds(w).0..core_bounds(w).1]))
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            continue;
        }
        for start in 0..tokens.len() {
            let fits = words.iter().enumerate().all(|(k, w)| {
                tokens
                    .get(start + k)
                    .is_some_and(|t| normalise(t.core()) == *w)
            });
            if fits {
                for p in &mut protected[start..start + words.len()] {
                    *p = true;
                }
            }
        }
    }
    protected
}
