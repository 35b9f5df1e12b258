//! "Is this page useful?": anonymous, one-click feedback on information pages.
//!
//! It holds no personal data: only which page, yes or no, and when.

use crate::error::{ErrorCode, ValidationError};
use crate::pages::InfoPage;

/// A validated piece of page feedback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageFeedback {
    pub page: InfoPage,
    pub useful: bool,
}

impl PageFeedback {
    /// Parses the raw form or API fields. `page` is a page key and `answer`
    /// is "yes" or "no"; anything else is refused, field by field.
    pub fn parse(page: &str, answer: &str) -> Result<Self, ValidationError> {
        let page = InfoPage::from_key(page.trim())
            .ok_or(ValidationError::new("page", ErrorCode::UnknownPage))?;
        let useful = match answer.trim() {
            "yes" => true,
            "no" => false,
            "" => return Err(ValidationError::new("answer", ErrorCode::FieldRequired)),
            _ => return Err(ValidationError::new("answer", ErrorCode::InvalidChoice)),
        };
        Ok(Self { page, useful })
    }
}

/// How many people found a page useful or not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FeedbackTally {
    pub useful: u64,
    pub not_useful: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_known_pages_and_answers() {
        let fb = PageFeedback::parse("about", "yes").unwrap();
        assert_eq!(fb.page, InfoPage::About);
        assert!(fb.useful);
        assert!(!PageFeedback::parse("home", "no").unwrap().useful);
    }

    #[test]
    fn refuses_unknown_pages_and_answers() {
        assert_eq!(
            PageFeedback::parse("<script>", "yes").unwrap_err().code,
            ErrorCode::UnknownPage
        );
        assert_eq!(
            PageFeedback::parse("home", "maybe").unwrap_err().code,
            ErrorCode::InvalidChoice
        );
        assert_eq!(
            PageFeedback::parse("home", "").unwrap_err().code,
            ErrorCode::FieldRequired
        );
    }
}
