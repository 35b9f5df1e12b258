//! The public information pages every Cohesion site has.

use serde::{Deserialize, Serialize};

/// A page that exists on every site, whatever content has been loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InfoPage {
    Home,
    GetInvolved,
    About,
    Accessibility,
    Privacy,
    Cookies,
}

impl InfoPage {
    pub const ALL: [InfoPage; 6] = [
        InfoPage::Home,
        InfoPage::GetInvolved,
        InfoPage::About,
        InfoPage::Accessibility,
        InfoPage::Privacy,
        InfoPage::Cookies,
    ];

    /// The page's path on the site.
    pub const fn path(self) -> &'static str {
        match self {
            InfoPage::Home => "/",
            InfoPage::GetInvolved => "/get-involved",
            InfoPage::About => "/about",
            InfoPage::Accessibility => "/accessibility",
            InfoPage::Privacy => "/privacy",
            InfoPage::Cookies => "/cookies",
        }
    }

    /// The stable key used in storage and the API.
    pub const fn key(self) -> &'static str {
        match self {
            InfoPage::Home => "home",
            InfoPage::GetInvolved => "get_involved",
            InfoPage::About => "about",
            InfoPage::Accessibility => "accessibility",
            InfoPage::Privacy => "privacy",
            InfoPage::Cookies => "cookies",
        }
    }

    pub fn from_key(key: &str) -> Option<InfoPage> {
        InfoPage::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn from_path(path: &str) -> Option<InfoPage> {
        InfoPage::ALL.into_iter().find(|p| p.path() == path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_paths_round_trip() {
        for page in InfoPage::ALL {
            assert_eq!(InfoPage::from_key(page.key()), Some(page));
            assert_eq!(InfoPage::from_path(page.path()), Some(page));
        }
        assert_eq!(InfoPage::from_key("admin"), None);
        assert_eq!(InfoPage::from_path("/../etc/passwd"), None);
    }
}
