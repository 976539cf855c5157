/// The columns of each register file, exactly as `Data/README.md` documents them.

enum AreaColumn: String, SheetColumns {
    case id, name, kind
    case innerOuter = "inner_outer"
    case lat, lon
}

enum OrganisationColumn: String, SheetColumns {
    case id, name, kind, parent, coverage, aliases, website, notes, start, end, successor
}

enum ContactColumn: String, SheetColumns {
    case organisation, role, title, email, phone
}

enum AssetColumn: String, SheetColumns {
    case id, organisation, name, description, system
    case dataCategories = "data_categories"
    case ownerRole = "owner_role"
    case retention
}

enum AgreementColumn: String, SheetColumns {
    case id, title, kind, purposes
    case legalBases = "legal_bases"
    case dataCategories = "data_categories"
    case assets
    case onwardSharing = "onward_sharing"
    case area, status, start, review, expires, dpia, url, notes
}

enum PartyColumn: String, SheetColumns {
    case agreement, organisation, role, signed
}

enum PurposeColumn: String, SheetColumns {
    case id, name, parent
}

enum DataCategoryColumn: String, SheetColumns {
    case id, name, parent, special
}

enum LegalBasisColumn: String, SheetColumns {
    case id, name, reference
}

enum PartnershipColumn: String, SheetColumns {
    case id, name, statute, purposes
    case memberKinds = "member_kinds"
}
