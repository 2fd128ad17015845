//! The four nations of the UK.
//!
//! Health services in the UK are run separately by each nation: Scotland has
//! NHS inform and NHS 24, Northern Ireland has no NHS 111, and some helplines
//! serve one nation only. A server (or a deployment) may say which nation it
//! is in; answers then lead with that nation's service and show only the
//! contacts that serve it. With no nation set, answers use the NHS website
//! and list every nation's contacts, each labelled with where it applies.

use serde::{Deserialize, Serialize};

/// A UK nation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Nation {
    England,
    Scotland,
    Wales,
    NorthernIreland,
}

/// Every nation code, as written in `signpost.toml`, `safety.toml` and commands.
pub const NATIONS: [&str; 4] = ["england", "scotland", "wales", "northern-ireland"];

/// The publisher whose condition pages lead in each nation.
const NHS_WEBSITE: &str = "NHS";
const NHS_INFORM: &str = "NHS inform";

impl Nation {
    /// Every nation, in [`NATIONS`] order.
    pub const ALL: [Nation; 4] = [
        Nation::England,
        Nation::Scotland,
        Nation::Wales,
        Nation::NorthernIreland,
    ];

    /// Read a nation code (`scotland`, `northern-ireland`; case and spaces forgiven).
    pub fn parse(code: &str) -> Option<Nation> {
        let code = code.trim().to_lowercase().replace([' ', '_'], "-");
        Nation::ALL.into_iter().find(|n| n.code() == code)
    }

    /// The code, as in [`NATIONS`].
    pub fn code(self) -> &'static str {
        match self {
            Nation::England => "england",
            Nation::Scotland => "scotland",
            Nation::Wales => "wales",
            Nation::NorthernIreland => "northern-ireland",
        }
    }

    /// How the nation reads in a sentence.
    pub fn label(self) -> &'static str {
        match self {
            Nation::England => "England",
            Nation::Scotland => "Scotland",
            Nation::Wales => "Wales",
            Nation::NorthernIreland => "Northern Ireland",
        }
    }
}

/// The UK publisher whose page leads when NHS and NHS inform both have one on
/// a topic: NHS inform in Scotland, the NHS website everywhere else (and when
/// no nation is set).
pub fn preferred_nhs_publisher(nation: Option<Nation>) -> &'static str {
    match nation {
        Some(Nation::Scotland) => NHS_INFORM,
        _ => NHS_WEBSITE,
    }
}

/// The other one of the pair, whose same-topic page is dropped.
pub fn other_nhs_publisher(nation: Option<Nation>) -> &'static str {
    match nation {
        Some(Nation::Scotland) => NHS_WEBSITE,
        _ => NHS_INFORM,
    }
}

/// Whether something limited to `nations` (empty: everywhere) is shown to an
/// asker in `nation` (`None`: nation unknown, so everything is shown).
pub fn serves(nations: &[Nation], nation: Option<Nation>) -> bool {
    match nation {
        None => true,
        Some(n) => nations.is_empty() || nations.contains(&n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_forgive_spelling() {
        for n in Nation::ALL {
            assert_eq!(Nation::parse(n.code()), Some(n));
        }
        assert_eq!(
            Nation::parse(" Northern Ireland "),
            Some(Nation::NorthernIreland)
        );
        assert_eq!(Nation::parse("ni"), None);
        assert_eq!(NATIONS.to_vec(), Nation::ALL.map(|n| n.code()).to_vec());
    }

    #[test]
    fn scotland_leads_with_nhs_inform_and_everyone_else_with_the_nhs_website() {
        assert_eq!(
            preferred_nhs_publisher(Some(Nation::Scotland)),
            "NHS inform"
        );
        assert_eq!(other_nhs_publisher(Some(Nation::Scotland)), "NHS");
        for n in [None, Some(Nation::England), Some(Nation::Wales)] {
            assert_eq!(preferred_nhs_publisher(n), "NHS");
        }
    }

    #[test]
    fn unlimited_things_serve_everyone_and_unknown_nations_see_all() {
        assert!(serves(&[], Some(Nation::Wales)));
        assert!(serves(&[Nation::Scotland], None));
        assert!(!serves(&[Nation::Scotland], Some(Nation::England)));
    }
}
