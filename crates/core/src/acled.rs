//! ACLED's vocabularies, spelled as ACLED spells them, and the canonical actor table of
//! docs/event-schema.md.

use serde::{Deserialize, Serialize};

/// ACLED event types, plus frontline's own "Humanitarian".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventType {
    #[serde(rename = "Battles")]
    Battles,
    #[serde(rename = "Explosions/Remote violence")]
    RemoteViolence,
    #[serde(rename = "Violence against civilians")]
    ViolenceAgainstCivilians,
    #[serde(rename = "Strategic developments")]
    StrategicDevelopments,
    #[serde(rename = "Protests")]
    Protests,
    #[serde(rename = "Humanitarian")]
    Humanitarian,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Battles => "Battles",
            EventType::RemoteViolence => "Explosions/Remote violence",
            EventType::ViolenceAgainstCivilians => "Violence against civilians",
            EventType::StrategicDevelopments => "Strategic developments",
            EventType::Protests => "Protests",
            EventType::Humanitarian => "Humanitarian",
        }
    }

    /// ACLED's disorder type for the column of that name.
    pub fn disorder_type(self) -> &'static str {
        match self {
            EventType::StrategicDevelopments | EventType::Humanitarian => "Strategic developments",
            EventType::Protests => "Demonstrations",
            _ => "Political violence",
        }
    }
}

/// ACLED sub-event types used by frontline, plus "Displacement".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum SubEventType {
    #[serde(rename = "Armed clash")]
    ArmedClash,
    #[serde(rename = "Government regains territory")]
    GovernmentRegainsTerritory,
    #[serde(rename = "Non-state actor overtakes territory")]
    NonStateActorOvertakesTerritory,
    #[serde(rename = "Air/drone strike")]
    AirDroneStrike,
    #[serde(rename = "Shelling/artillery/missile attack")]
    Shelling,
    #[serde(rename = "Attack")]
    Attack,
    #[serde(rename = "Remote explosive/landmine/IED")]
    RemoteExplosive,
    #[serde(rename = "Suicide bomb")]
    SuicideBomb,
    #[serde(rename = "Abduction/forced disappearance")]
    Abduction,
    #[serde(rename = "Non-violent transfer of territory")]
    NonViolentTransfer,
    #[serde(rename = "Disrupted weapons use")]
    DisruptedWeaponsUse,
    #[serde(rename = "Looting/property destruction")]
    Looting,
    #[serde(rename = "Arrests")]
    Arrests,
    #[serde(rename = "Agreement")]
    Agreement,
    #[serde(rename = "Peaceful protest")]
    PeacefulProtest,
    #[serde(rename = "Protest with intervention")]
    ProtestWithIntervention,
    #[serde(rename = "Other")]
    Other,
    #[serde(rename = "Displacement")]
    Displacement,
}

impl SubEventType {
    pub const ALL: [SubEventType; 18] = [
        SubEventType::ArmedClash,
        SubEventType::GovernmentRegainsTerritory,
        SubEventType::NonStateActorOvertakesTerritory,
        SubEventType::AirDroneStrike,
        SubEventType::Shelling,
        SubEventType::Attack,
        SubEventType::RemoteExplosive,
        SubEventType::SuicideBomb,
        SubEventType::Abduction,
        SubEventType::NonViolentTransfer,
        SubEventType::DisruptedWeaponsUse,
        SubEventType::Looting,
        SubEventType::Arrests,
        SubEventType::Agreement,
        SubEventType::PeacefulProtest,
        SubEventType::ProtestWithIntervention,
        SubEventType::Other,
        SubEventType::Displacement,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SubEventType::ArmedClash => "Armed clash",
            SubEventType::GovernmentRegainsTerritory => "Government regains territory",
            SubEventType::NonStateActorOvertakesTerritory => "Non-state actor overtakes territory",
            SubEventType::AirDroneStrike => "Air/drone strike",
            SubEventType::Shelling => "Shelling/artillery/missile attack",
            SubEventType::Attack => "Attack",
            SubEventType::RemoteExplosive => "Remote explosive/landmine/IED",
            SubEventType::SuicideBomb => "Suicide bomb",
            SubEventType::Abduction => "Abduction/forced disappearance",
            SubEventType::NonViolentTransfer => "Non-violent transfer of territory",
            SubEventType::DisruptedWeaponsUse => "Disrupted weapons use",
            SubEventType::Looting => "Looting/property destruction",
            SubEventType::Arrests => "Arrests",
            SubEventType::Agreement => "Agreement",
            SubEventType::PeacefulProtest => "Peaceful protest",
            SubEventType::ProtestWithIntervention => "Protest with intervention",
            SubEventType::Other => "Other",
            SubEventType::Displacement => "Displacement",
        }
    }

    /// Parses ACLED's spelling, ignoring case.
    pub fn parse(text: &str) -> Option<SubEventType> {
        Self::ALL.into_iter().find(|t| t.as_str().eq_ignore_ascii_case(text.trim()))
    }

    pub fn event_type(self) -> EventType {
        match self {
            SubEventType::ArmedClash
            | SubEventType::GovernmentRegainsTerritory
            | SubEventType::NonStateActorOvertakesTerritory => EventType::Battles,
            SubEventType::AirDroneStrike
            | SubEventType::Shelling
            | SubEventType::RemoteExplosive
            | SubEventType::SuicideBomb => EventType::RemoteViolence,
            SubEventType::Attack | SubEventType::Abduction => EventType::ViolenceAgainstCivilians,
            SubEventType::PeacefulProtest | SubEventType::ProtestWithIntervention => EventType::Protests,
            SubEventType::NonViolentTransfer
            | SubEventType::DisruptedWeaponsUse
            | SubEventType::Looting
            | SubEventType::Arrests
            | SubEventType::Agreement
            | SubEventType::Other => EventType::StrategicDevelopments,
            SubEventType::Displacement => EventType::Humanitarian,
        }
    }

    /// Territory changes feed the control timeline.
    pub fn is_territorial(self) -> bool {
        matches!(
            self,
            SubEventType::GovernmentRegainsTerritory
                | SubEventType::NonStateActorOvertakesTerritory
                | SubEventType::NonViolentTransfer
        )
    }
}

/// A canonical actor id of docs/event-schema.md ("SYR_GOV", "RUS", ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorId(&'static ActorInfo);

#[derive(Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct ActorInfo {
    id: &'static str,
    name: &'static str,
    /// ACLED's inter code: 1 state forces, 2 rebel groups, 7 civilians, 8 external/other.
    inter: u8,
    /// Whether its gains are "Government regains territory".
    state: bool,
    /// Whether, in this war, it bombs from the air unless a ground weapon is named: its
    /// forces in Syria are an air force ("Russia bombed the town" is an air strike).
    air_force: bool,
    /// Whether it fights on the Syrian state's side, so that its gains are the government's
    /// and its usual enemy is the opposition.
    with_state: bool,
}

const ACTORS: [ActorInfo; 14] = [
    ActorInfo {
        id: "SYR_GOV",
        name: "Military Forces of Syria",
        inter: 1,
        state: true,
        air_force: false,
        with_state: true,
    },
    ActorInfo {
        id: "RUS",
        name: "Military Forces of Russia",
        inter: 8,
        state: true,
        air_force: true,
        with_state: true,
    },
    ActorInfo { id: "HTS", name: "Hayat Tahrir al-Sham", inter: 2, state: false, air_force: false, with_state: false },
    ActorInfo {
        id: "OPP",
        name: "Syrian opposition forces",
        inter: 2,
        state: false,
        air_force: false,
        with_state: false,
    },
    ActorInfo {
        id: "TUR",
        name: "Military Forces of Turkey",
        inter: 8,
        state: true,
        air_force: false,
        with_state: false,
    },
    ActorInfo {
        id: "IRN",
        name: "Iran and Iran-backed militias",
        inter: 8,
        state: true,
        air_force: false,
        with_state: true,
    },
    ActorInfo { id: "HEZ", name: "Hezbollah", inter: 8, state: false, air_force: false, with_state: true },
    ActorInfo { id: "ISIS", name: "Islamic State", inter: 2, state: false, air_force: false, with_state: false },
    ActorInfo {
        id: "SDF",
        name: "Syrian Democratic Forces",
        inter: 2,
        state: false,
        air_force: false,
        with_state: false,
    },
    ActorInfo {
        id: "USA",
        name: "Military Forces of the United States",
        inter: 8,
        state: true,
        air_force: true,
        with_state: false,
    },
    ActorInfo { id: "CIV", name: "Civilians", inter: 7, state: false, air_force: false, with_state: false },
    ActorInfo { id: "SCD", name: "Syrian Civil Defence", inter: 7, state: false, air_force: false, with_state: false },
    ActorInfo {
        id: "ISR",
        name: "Military Forces of Israel",
        inter: 8,
        state: true,
        air_force: true,
        with_state: false,
    },
    ActorInfo { id: "PROT", name: "Protesters (Syria)", inter: 6, state: false, air_force: false, with_state: false },
];

impl ActorId {
    /// Looks up a canonical id; `None` for ids outside the table.
    pub fn parse(id: &str) -> Option<ActorId> {
        ACTORS.iter().find(|a| a.id == id).map(ActorId)
    }

    pub fn all() -> impl Iterator<Item = ActorId> {
        ACTORS.iter().map(ActorId)
    }

    pub fn as_str(self) -> &'static str {
        self.0.id
    }

    /// Whether its attacks are air strikes unless a ground weapon is named.
    pub fn attacks_from_the_air(self) -> bool {
        self.0.air_force
    }

    /// The display name used in actor1/actor2.
    pub fn display_name(self) -> &'static str {
        self.0.name
    }

    pub fn inter_code(self) -> u8 {
        self.0.inter
    }

    /// Whether it is an armed side: not rioters, protesters or civilians (ACLED's interaction
    /// codes 5 to 7).
    pub fn is_armed(self) -> bool {
        !(5..=7).contains(&self.0.inter)
    }

    /// State forces (and foreign states) take territory as "Government regains territory"
    /// only when they are the Syrian state; other states and non-state actors "overtake".
    pub fn is_syrian_state(self) -> bool {
        self.0.id == "SYR_GOV"
    }

    pub fn is_state(self) -> bool {
        self.0.state
    }

    /// Whether it fights on the Syrian state's side (the state, its allies and their militias).
    pub fn sides_with_state(self) -> bool {
        self.0.with_state
    }
}

impl std::fmt::Display for ActorId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.id)
    }
}

impl Serialize for ActorId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.id)
    }
}

impl<'de> Deserialize<'de> for ActorId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        ActorId::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("unknown actor id {text:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_event_types_round_trip_through_acled_spelling() {
        for t in SubEventType::ALL {
            assert_eq!(SubEventType::parse(t.as_str()), Some(t));
        }
        assert_eq!(SubEventType::parse("air/drone STRIKE"), Some(SubEventType::AirDroneStrike));
        assert_eq!(SubEventType::parse("strike"), None);
    }

    #[test]
    fn territory_types_are_battles() {
        assert_eq!(SubEventType::GovernmentRegainsTerritory.event_type(), EventType::Battles);
        assert_eq!(SubEventType::Displacement.event_type().disorder_type(), "Strategic developments");
    }

    #[test]
    fn actor_table_knows_schema_ids() {
        for id in
            ["SYR_GOV", "RUS", "HTS", "OPP", "TUR", "IRN", "HEZ", "ISIS", "SDF", "USA", "CIV", "SCD", "ISR", "PROT"]
        {
            assert_eq!(ActorId::parse(id).map(|a| a.as_str()), Some(id));
        }
        assert!(ActorId::parse("NATO").is_none());
        assert!(ActorId::parse("SYR_GOV").is_some_and(|a| a.is_syrian_state()));
    }
}
