import SharemapModel

/// One reader per register file. Each resolves references against the files read before it.
extension RegisterReader {
    mutating func readAreas() {
        guard let sheet = sheet("areas.csv", AreaColumn.self) else {
            areaIDs.isAvailable = false
            return
        }
        var lines: [String: Int] = [:]
        for record in sheet.records where claim(sheet, record, .id, in: \.areaIDs, firstLines: &lines, pattern: .gss) {
            areas.append(Area(
                id: sheet[record, .id],
                name: text(sheet, record, .name, required: true),
                kind: vocabulary(sheet, record, .kind, AreaKind.self) ?? .borough,
                innerOuter: vocabulary(sheet, record, .innerOuter, InnerOuter.self) ?? .inner,
                latitude: number(sheet, record, .lat, in: -90...90) ?? 0,
                longitude: number(sheet, record, .lon, in: -180...180) ?? 0
            ))
        }
    }

    /// Reads a taxonomy file: ids first, then parents (a parent may be defined further down).
    mutating func readTaxonomy<Term: TaxonomyTerm, C: SheetColumns>(
        _ file: String, _ columns: C.Type, ids: WritableKeyPath<RegisterReader, IDTable<Term>>,
        lines termLines: WritableKeyPath<RegisterReader, [Int]>,
        parent parentKey: WritableKeyPath<Term, EntityIndex<Term>?>, idColumn: C, parentColumn: C,
        make: (Sheet<C>, Int, inout RegisterReader) -> Term
    ) -> [Term] {
        guard let sheet = sheet(file, C.self) else {
            self[keyPath: ids].isAvailable = false
            return []
        }
        var terms: [Term] = []
        var records: [Int] = []
        var lines: [String: Int] = [:]
        for record in sheet.records where claim(sheet, record, idColumn, in: ids, firstLines: &lines, pattern: .slug) {
            terms.append(make(sheet, record, &self))
            records.append(record)
            self[keyPath: termLines].append(sheet.line(record))
        }
        for (position, record) in records.enumerated() {
            let parent = sheet[record, parentColumn]
            guard !parent.isEmpty else { continue }
            terms[position][keyPath: parentKey] = reference(parent, in: self[keyPath: ids], file: sheet.file, line: sheet.line(record), field: parentColumn.rawValue)
        }
        return terms
    }

    mutating func readPurposes() {
        purposes = readTaxonomy("purposes.csv", PurposeColumn.self, ids: \.purposeIDs, lines: \.purposeLines,
                                parent: \.parent, idColumn: .id, parentColumn: .parent) { sheet, record, reader in
            Purpose(id: sheet[record, .id], name: reader.text(sheet, record, .name, required: true))
        }
    }

    mutating func readDataCategories() {
        dataCategories = readTaxonomy("data_categories.csv", DataCategoryColumn.self, ids: \.dataCategoryIDs,
                                      lines: \.dataCategoryLines, parent: \.parent, idColumn: .id, parentColumn: .parent) { sheet, record, reader in
            let special = reader.vocabulary(sheet, record, .special, YesNo.self)
            return DataCategory(id: sheet[record, .id], name: reader.text(sheet, record, .name, required: true), special: special == .yes)
        }
    }

    mutating func readLegalBases() {
        guard let sheet = sheet("legal_bases.csv", LegalBasisColumn.self) else {
            legalBasisIDs.isAvailable = false
            return
        }
        var lines: [String: Int] = [:]
        for record in sheet.records where claim(sheet, record, .id, in: \.legalBasisIDs, firstLines: &lines, pattern: .slug) {
            legalBases.append(LegalBasis(
                id: sheet[record, .id],
                name: text(sheet, record, .name, required: true),
                reference: text(sheet, record, .reference, required: true)
            ))
        }
    }

    mutating func readOrganisations() {
        guard let sheet = sheet("organisations.csv", OrganisationColumn.self) else {
            organisationIDs.isAvailable = false
            return
        }
        var lines: [String: Int] = [:]
        var records: [Int] = []
        for record in sheet.records where claim(sheet, record, .id, in: \.organisationIDs, firstLines: &lines, pattern: .kebab) {
            let start = day(sheet, record, .start)
            let end = day(sheet, record, .end)
            if let start, let end, end < start {
                log.error(sheet.file, line: sheet.line(record), field: "end", "\(end) is before start \(start)")
            }
            organisations.append(Organisation(
                id: sheet[record, .id],
                name: text(sheet, record, .name, required: true),
                kind: vocabulary(sheet, record, .kind, OrganisationKind.self) ?? .other,
                coverage: coverage(sheet, record, .coverage, required: false),
                aliases: list(sheet, record, .aliases),
                website: sheet[record, .website],
                notes: sheet[record, .notes],
                start: start,
                end: end
            ))
            records.append(record)
            organisationLines.append(sheet.line(record))
        }
        // Parents and successors may be defined further down the file.
        for (position, record) in records.enumerated() {
            let line = sheet.line(record)
            let parent = sheet[record, .parent]
            if !parent.isEmpty {
                organisations[position].parent = reference(parent, in: organisationIDs, file: sheet.file, line: line, field: "parent")
            }
            let successor = sheet[record, .successor]
            if !successor.isEmpty {
                let index = reference(successor, in: organisationIDs, file: sheet.file, line: line, field: "successor")
                if index?.position == position {
                    log.error(sheet.file, line: line, field: "successor", "an organisation cannot be its own successor")
                } else {
                    organisations[position].successor = index
                }
                if organisations[position].end == nil {
                    log.warning(sheet.file, line: line, field: "successor", "has a successor but no end date")
                }
            }
        }
    }

    mutating func readContacts() {
        guard let sheet = sheet("contacts.csv", ContactColumn.self) else { return }
        for record in sheet.records {
            let line = sheet.line(record)
            let organisation = sheet[record, .organisation]
            let index = organisation.isEmpty
                ? { log.error(sheet.file, line: line, field: "organisation", "is empty (a value is required)"); return nil }()
                : reference(organisation, in: organisationIDs, file: sheet.file, line: line, field: "organisation")
            let role = vocabulary(sheet, record, .role, ContactRole.self)
            let email = sheet[record, .email]
            if !email.isEmpty, !email.contains("@") {
                log.error(sheet.file, line: line, field: "email", "\"\(email)\" is not an email address")
            }
            let title = text(sheet, record, .title, required: true)
            guard let index, let role else { continue }
            contacts.append(Contact(organisation: index, role: role, title: title, email: email, phone: sheet[record, .phone]))
        }
    }

    mutating func readAssets() {
        guard let sheet = sheet("assets.csv", AssetColumn.self) else {
            assetIDs.isAvailable = false
            return
        }
        var lines: [String: Int] = [:]
        for record in sheet.records where claim(sheet, record, .id, in: \.assetIDs, firstLines: &lines, pattern: .slug) {
            let owner = text(sheet, record, .organisation, required: true)
            let organisation = owner.isEmpty ? nil
                : reference(owner, in: organisationIDs, file: sheet.file, line: sheet.line(record), field: "organisation")
            assets.append(InformationAsset(
                id: sheet[record, .id],
                organisation: organisation ?? OrganisationIndex(0),
                name: text(sheet, record, .name, required: true),
                description: sheet[record, .description],
                system: sheet[record, .system],
                dataCategories: references(sheet, record, .dataCategories, in: dataCategoryIDs),
                ownerRole: sheet[record, .ownerRole],
                retention: sheet[record, .retention]
            ))
        }
    }

    mutating func readAgreements() {
        guard let sheet = sheet("agreements.csv", AgreementColumn.self) else {
            agreementIDs.isAvailable = false
            return
        }
        var lines: [String: Int] = [:]
        for record in sheet.records where claim(sheet, record, .id, in: \.agreementIDs, firstLines: &lines, pattern: .slug) {
            let line = sheet.line(record)
            let start = day(sheet, record, .start, required: true)
            let review = day(sheet, record, .review)
            let expires = day(sheet, record, .expires)
            if let start, let review, review < start {
                log.error(sheet.file, line: line, field: "review", "\(review) is before start \(start)")
            }
            if let start, let expires, expires < start {
                log.error(sheet.file, line: line, field: "expires", "\(expires) is before start \(start)")
            }
            let status = vocabulary(sheet, record, .status, AgreementStatus.self)
            if status == .active, let expires, expires < today {
                log.warning(sheet.file, line: line, field: "status", "is active but the agreement expired on \(expires)")
            }
            let purposes = references(sheet, record, .purposes, in: purposeIDs)
            if list(sheet, record, .purposes).isEmpty {
                log.error(sheet.file, line: line, field: "purposes", "is empty (an agreement needs at least one purpose)")
            }
            let categories = references(sheet, record, .dataCategories, in: dataCategoryIDs)
            if list(sheet, record, .dataCategories).isEmpty {
                log.error(sheet.file, line: line, field: "data_categories", "is empty (an agreement needs at least one data category)")
            }
            agreements.append(Agreement(
                id: sheet[record, .id],
                title: text(sheet, record, .title, required: true),
                kind: vocabulary(sheet, record, .kind, AgreementKind.self) ?? .isa,
                purposes: purposes,
                legalBases: references(sheet, record, .legalBases, in: legalBasisIDs),
                dataCategories: categories,
                assets: references(sheet, record, .assets, in: assetIDs),
                onwardSharing: vocabulary(sheet, record, .onwardSharing, OnwardSharing.self) ?? .none,
                area: coverage(sheet, record, .area, required: true),
                status: status ?? .draft,
                start: start ?? Day(daysSinceEpoch: 0),
                review: review,
                expires: expires,
                dpia: vocabulary(sheet, record, .dpia, DPIAStatus.self) ?? .no,
                url: sheet[record, .url],
                notes: sheet[record, .notes]
            ))
            agreementLines.append(line)
        }
    }

    /// Attaches parties to agreements. This file is the largest (a million rows at national scale), so the
    /// loop does two dictionary look-ups per row and nothing else on the happy path.
    mutating func readParties() {
        guard let sheet = sheet("agreement_parties.csv", PartyColumn.self) else { return }
        var partyLines = [[Int]](repeating: [], count: agreements.count)
        for record in sheet.records {
            let line = sheet.line(record)
            let agreementID = sheet[record, .agreement]
            let organisationID = sheet[record, .organisation]
            let agreement = agreementID.isEmpty
                ? { log.error(sheet.file, line: line, field: "agreement", "is empty (a value is required)"); return nil }()
                : reference(agreementID, in: agreementIDs, file: sheet.file, line: line, field: "agreement")
            let organisation = organisationID.isEmpty
                ? { log.error(sheet.file, line: line, field: "organisation", "is empty (a value is required)"); return nil }()
                : reference(organisationID, in: organisationIDs, file: sheet.file, line: line, field: "organisation")
            let role = vocabulary(sheet, record, .role, PartyRole.self)
            let signed = day(sheet, record, .signed)
            guard let agreement, let organisation, let role else { continue }
            if let earlier = agreements[agreement.position].parties.firstIndex(where: { $0.organisation == organisation }) {
                log.error(sheet.file, line: line, field: "organisation",
                          "\"\(organisationID)\" is already a party to \"\(agreementID)\" (line \(partyLines[agreement.position][earlier]))")
                continue
            }
            if let signed, let expires = agreements[agreement.position].expires, signed > expires {
                log.warning(sheet.file, line: line, field: "signed", "\(signed) is after the agreement expired (\(expires))")
            }
            agreements[agreement.position].parties.append(Party(organisation: organisation, role: role, signed: signed))
            partyLines[agreement.position].append(line)
        }
    }

    mutating func readPartnerships() {
        guard let sheet = sheet("partnerships.csv", PartnershipColumn.self) else {
            partnershipIDs.isAvailable = false
            return
        }
        var lines: [String: Int] = [:]
        for record in sheet.records where claim(sheet, record, .id, in: \.partnershipIDs, firstLines: &lines, pattern: .kebab) {
            let line = sheet.line(record)
            var slots: [MemberSlot] = []
            for slot in list(sheet, record, .memberKinds) {
                let names = slot.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
                let kinds = names.compactMap {
                    vocabularyValue($0, OrganisationKind.self, file: sheet.file, line: line, field: "member_kinds")
                }
                if kinds.count == names.count { slots.append(MemberSlot(kinds: kinds)) }
            }
            if list(sheet, record, .memberKinds).isEmpty {
                log.error(sheet.file, line: line, field: "member_kinds", "is empty (list the organisation kinds that must share, separated by ;)")
            }
            if list(sheet, record, .purposes).isEmpty {
                log.error(sheet.file, line: line, field: "purposes", "is empty (a partnership needs at least one purpose)")
            }
            partnerships.append(Partnership(
                id: sheet[record, .id],
                name: text(sheet, record, .name, required: true),
                statute: sheet[record, .statute],
                purposes: references(sheet, record, .purposes, in: purposeIDs),
                memberSlots: slots
            ))
        }
    }
}
