/// The closed vocabularies of the register format. Raw values are exactly what appears in the CSV files.

/// What sort of body an organisation is; analyses group and match organisations by kind.
public enum OrganisationKind: String, CaseIterable, Codable, Sendable, Comparable {
    case council
    case nhsICB = "nhs_icb"
    case nhsTrust = "nhs_trust"
    case policeForce = "police_force"
    case policeBCU = "police_bcu"
    case fireService = "fire_service"
    case ambulanceService = "ambulance_service"
    case probationRegion = "probation_region"
    case probationPDU = "probation_pdu"
    case transport
    case glaGroup = "gla_group"
    case centralGovernment = "central_government"
    case voluntary
    case research
    case other

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The governance role a contact holds.
public enum ContactRole: String, CaseIterable, Codable, Sendable {
    case dpo
    case igLead = "ig_lead"
    case caldicottGuardian = "caldicott_guardian"
    case siro
    case dataLead = "data_lead"
}

/// The kind of document an agreement is.
public enum AgreementKind: String, CaseIterable, Codable, Sendable {
    case isa, dsa, dpa, `protocol`, mou
}

/// Whether a recipient may pass data received under an agreement on to another organisation.
public enum OnwardSharing: String, CaseIterable, Codable, Sendable {
    /// The recipient may not pass the data on.
    case none
    /// The recipient may pass the data on under another agreement that shares one of this agreement's purposes.
    case samePurpose = "same_purpose"
    /// The recipient may pass the data on under any agreement.
    case any
}

/// An agreement's lifecycle status as recorded in the register (not whether it is in force on a day).
public enum AgreementStatus: String, CaseIterable, Codable, Sendable {
    case draft, active, suspended, expired, terminated
}

/// Whether a data protection impact assessment was done for an agreement.
public enum DPIAStatus: String, CaseIterable, Codable, Sendable {
    case yes, no
    case notRequired = "not_required"
}

/// What a party does under an agreement.
public enum PartyRole: String, CaseIterable, Codable, Sendable {
    case provider, recipient, both

    /// Whether the party sends data under the agreement.
    public var provides: Bool { self != .recipient }
    /// Whether the party receives data under the agreement.
    public var receives: Bool { self != .provider }
}

/// Whether an area is a London borough or the City of London.
public enum AreaKind: String, CaseIterable, Codable, Sendable {
    case borough, city
}

/// Inner or outer London (ONS statistical definition).
public enum InnerOuter: String, CaseIterable, Codable, Sendable {
    case inner, outer
}
