//! Roles and the one permission matrix. Pages hide what a person cannot
//! do, and the services refuse it anyway: both ask [`RoleSet::allows`].

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Resident,
    OrganisationMember,
    Moderator,
    /// A moderator who also decides what other moderators escalate
    /// (ADR 37).
    SeniorModerator,
    Officer,
    Analyst,
    GrantAssessor,
    GrantAdministrator,
    ElectedMember,
    Administrator,
    /// An officer who may read community tension reports' texts and
    /// counts (issue 19): given by name, as reports can describe people.
    TensionReader,
}

impl Role {
    pub const ALL: [Role; 11] = [
        Role::Resident,
        Role::OrganisationMember,
        Role::Moderator,
        Role::SeniorModerator,
        Role::Officer,
        Role::Analyst,
        Role::GrantAssessor,
        Role::GrantAdministrator,
        Role::ElectedMember,
        Role::Administrator,
        Role::TensionReader,
    ];

    /// The stable key used in storage and the API.
    pub const fn key(self) -> &'static str {
        match self {
            Role::Resident => "resident",
            Role::OrganisationMember => "organisation_member",
            Role::Moderator => "moderator",
            Role::SeniorModerator => "senior_moderator",
            Role::Officer => "officer",
            Role::Analyst => "analyst",
            Role::GrantAssessor => "grant_assessor",
            Role::GrantAdministrator => "grant_administrator",
            Role::ElectedMember => "elected_member",
            Role::Administrator => "administrator",
            Role::TensionReader => "tension_reader",
        }
    }

    pub fn from_key(key: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == key)
    }

    /// Whether others see a badge with this role beside the person's name.
    pub const fn is_badged(self) -> bool {
        !matches!(
            self,
            Role::Resident | Role::OrganisationMember | Role::TensionReader
        )
    }

    const fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// Everything a person might try to do, as the matrix knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Answer a consultation, comment in a discussion.
    Participate,
    /// Apply for a grant on behalf of an organisation.
    ApplyForGrant,
    /// Hide, restore and review reported content.
    Moderate,
    /// Decide comments other moderators escalated (threats, terrorist
    /// content, the hard cases).
    DecideEscalated,
    /// Create and publish consultations, discussions and reports.
    RunEngagement,
    /// See results, free text and analysis (not special-category data).
    Analyse,
    /// See special-category answers (religion, ethnicity, health, …).
    ViewSpecialCategory,
    /// Export responses.
    ExportResponses,
    /// Score grant applications.
    AssessApplications,
    /// Run funding rounds and decide applications within the budget.
    DecideApplications,
    /// Answer questions put to elected officials.
    AnswerQuestions,
    /// Find people, assign and remove roles, suspend and reinstate.
    ManagePeople,
    /// Read the audit log and the email outbox.
    Audit,
    /// Change the help routes, their contacts and local services.
    ConfigureHelp,
    /// Read community tension reports and their counts.
    ReadTensionReports,
    /// Write and send community messages to subscribers.
    SendCommunityMessages,
}

impl Action {
    pub const ALL: [Action; 16] = [
        Action::Participate,
        Action::ApplyForGrant,
        Action::Moderate,
        Action::DecideEscalated,
        Action::RunEngagement,
        Action::Analyse,
        Action::ViewSpecialCategory,
        Action::ExportResponses,
        Action::AssessApplications,
        Action::DecideApplications,
        Action::AnswerQuestions,
        Action::ManagePeople,
        Action::Audit,
        Action::ConfigureHelp,
        Action::ReadTensionReports,
        Action::SendCommunityMessages,
    ];

    /// Its name in message ids (`action-<key>`, what it lets one do).
    pub const fn key(self) -> &'static str {
        match self {
            Action::Participate => "participate",
            Action::ApplyForGrant => "apply_for_grant",
            Action::Moderate => "moderate",
            Action::DecideEscalated => "decide_escalated",
            Action::RunEngagement => "run_engagement",
            Action::Analyse => "analyse",
            Action::ViewSpecialCategory => "view_special_category",
            Action::ExportResponses => "export_responses",
            Action::AssessApplications => "assess_applications",
            Action::DecideApplications => "decide_applications",
            Action::AnswerQuestions => "answer_questions",
            Action::ManagePeople => "manage_people",
            Action::Audit => "audit",
            Action::ConfigureHelp => "configure_help",
            Action::ReadTensionReports => "read_tension_reports",
            Action::SendCommunityMessages => "send_community_messages",
        }
    }
}

impl Role {
    /// What holding this role lets one do, in the matrix's order;
    /// taking part, which everyone may, left out.
    pub fn grants(self) -> impl Iterator<Item = Action> {
        Action::ALL
            .into_iter()
            .filter(move |a| *a != Action::Participate && allowed(*a) & self.bit() != 0)
    }
}

const fn roles(list: &[Role]) -> u16 {
    let mut bits = 0;
    let mut i = 0;
    while i < list.len() {
        bits |= list[i].bit();
        i += 1;
    }
    bits
}

/// The matrix: for each action, the roles that may take it.
const fn allowed(action: Action) -> u16 {
    use Role::*;
    match action {
        Action::Participate => roles(&Role::ALL),
        Action::ApplyForGrant => roles(&[OrganisationMember]),
        Action::Moderate => roles(&[Moderator, SeniorModerator, Administrator]),
        Action::DecideEscalated => roles(&[SeniorModerator, Administrator]),
        Action::RunEngagement => roles(&[Officer, Administrator]),
        Action::Analyse => roles(&[Officer, Analyst, Administrator]),
        Action::ViewSpecialCategory => roles(&[Analyst]),
        Action::ExportResponses => roles(&[Officer, Analyst]),
        Action::AssessApplications => roles(&[GrantAssessor, GrantAdministrator]),
        Action::DecideApplications => roles(&[GrantAdministrator]),
        Action::AnswerQuestions => roles(&[ElectedMember]),
        Action::ManagePeople => roles(&[Administrator]),
        Action::Audit => roles(&[Administrator]),
        Action::ConfigureHelp => roles(&[Administrator]),
        Action::ReadTensionReports => roles(&[TensionReader]),
        Action::SendCommunityMessages => roles(&[Officer, Administrator]),
    }
}

/// The roles one person holds. Everyone is a resident; a suspended person
/// may do nothing but read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RoleSet {
    bits: u16,
    suspended: bool,
}

impl RoleSet {
    pub fn new(roles: impl IntoIterator<Item = Role>, suspended: bool) -> Self {
        let bits = roles
            .into_iter()
            .fold(Role::Resident.bit(), |b, r| b | r.bit());
        Self { bits, suspended }
    }

    pub fn has(&self, role: Role) -> bool {
        self.bits & role.bit() != 0
    }

    pub fn allows(&self, action: Action) -> bool {
        !self.suspended && self.bits & allowed(action) != 0
    }

    /// Roles in a stable order, for badges and lists.
    pub fn iter(&self) -> impl Iterator<Item = Role> + '_ {
        Role::ALL.into_iter().filter(|r| self.has(*r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::from_key(r.key()), Some(r));
        }
        assert_eq!(Role::from_key("root"), None);
    }

    #[test]
    fn a_role_grants_what_the_matrix_allows_it() {
        let admin: Vec<Action> = Role::Administrator.grants().collect();
        assert_eq!(
            admin,
            [
                Action::Moderate,
                Action::DecideEscalated,
                Action::RunEngagement,
                Action::Analyse,
                Action::ManagePeople,
                Action::Audit,
                Action::ConfigureHelp,
                Action::SendCommunityMessages
            ]
        );
        assert_eq!(
            Role::Analyst.grants().collect::<Vec<_>>(),
            [
                Action::Analyse,
                Action::ViewSpecialCategory,
                Action::ExportResponses
            ]
        );
        assert_eq!(Role::Resident.grants().count(), 0);
    }

    #[test]
    fn everyone_is_a_resident_and_residents_only_participate() {
        let resident = RoleSet::new([], false);
        assert!(resident.has(Role::Resident));
        assert!(resident.allows(Action::Participate));
        for a in [
            Action::Moderate,
            Action::RunEngagement,
            Action::ManagePeople,
            Action::ViewSpecialCategory,
        ] {
            assert!(!resident.allows(a), "{a:?}");
        }
    }

    #[test]
    fn special_category_data_is_for_analysts_only() {
        for r in Role::ALL {
            let set = RoleSet::new([r], false);
            assert_eq!(
                set.allows(Action::ViewSpecialCategory),
                r == Role::Analyst,
                "{r:?}"
            );
        }
    }

    #[test]
    fn grant_duties_are_separated() {
        let assessor = RoleSet::new([Role::GrantAssessor], false);
        assert!(assessor.allows(Action::AssessApplications));
        assert!(!assessor.allows(Action::DecideApplications));
        let applicant = RoleSet::new([Role::OrganisationMember], false);
        assert!(applicant.allows(Action::ApplyForGrant));
        assert!(!applicant.allows(Action::AssessApplications));
    }

    #[test]
    fn only_senior_moderators_and_administrators_decide_escalations() {
        let moderator = RoleSet::new([Role::Moderator], false);
        assert!(moderator.allows(Action::Moderate));
        assert!(!moderator.allows(Action::DecideEscalated));
        let senior = RoleSet::new([Role::SeniorModerator], false);
        assert!(senior.allows(Action::Moderate) && senior.allows(Action::DecideEscalated));
        assert!(!senior.allows(Action::ManagePeople));
        let admin = RoleSet::new([Role::Administrator], false);
        assert!(admin.allows(Action::DecideEscalated));
    }

    #[test]
    fn suspension_removes_every_permission() {
        let admin = RoleSet::new([Role::Administrator], true);
        assert!(!admin.allows(Action::ManagePeople));
        assert!(!admin.allows(Action::Participate));
    }

    #[test]
    fn only_staff_roles_are_badged() {
        let badged: Vec<Role> = Role::ALL.into_iter().filter(|r| r.is_badged()).collect();
        assert!(!badged.contains(&Role::Resident) && badged.contains(&Role::Moderator));
    }
}
