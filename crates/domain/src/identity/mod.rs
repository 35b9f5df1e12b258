//! Who people are on the platform and what they may do: validated emails,
//! display names that cannot pass for staff, the password policy, and the
//! one permission matrix every action is checked against.

pub mod display_name;
pub mod email;
pub mod password;
pub mod roles;

pub use display_name::DisplayName;
pub use email::Email;
pub use password::NewPassword;
pub use roles::{Action, Role, RoleSet};
