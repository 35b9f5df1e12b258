/// Split normalised text into words: runs of letters, digits and
/// combining marks, keeping an apostrophe between two letters ("don't").
/// Everything else (spaces, punctuation, symbols, emoji) separates words.
pub fn tokenise(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let in_word = is_word_char(c)
            || (start.is_some()
                && matches!(c, '\'' | '\u{2019}')
                && chars.peek().is_some_and(|&(_, n)| n.is_alphabetic()));
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                tokens.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(&text[s..]);
    }
    tokens
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}'
            | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0900}'..='\u{0903}' | '\u{093A}'..='\u{094F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_apostrophes() {
        assert_eq!(
            tokenise("don't close the park—it's 24/7! 'quoted'"),
            vec!["don't", "close", "the", "park", "it's", "24", "7", "quoted"]
        );
        assert_eq!(tokenise("المدرسة، والحديقة."), vec!["المدرسة", "والحديقة"]);
        assert_eq!(tokenise("ok👍then"), vec!["ok", "then"]);
        assert!(tokenise("  ... ").is_empty());
    }
}
