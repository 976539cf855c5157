import SharemapModel

/// Colours and shapes for organisation kinds, from the Okabe-Ito palette (distinguishable with the
/// common forms of colour blindness) with a shape per family as a second cue, so that no diagram relies
/// on colour alone. Text colours keep at least 4.5:1 contrast against their fill.
public enum Palette {
    /// Okabe and Ito's eight colours.
    public enum OkabeIto {
        public static let black = "#000000"
        public static let orange = "#E69F00"
        public static let skyBlue = "#56B4E9"
        public static let bluishGreen = "#009E73"
        public static let yellow = "#F0E442"
        public static let blue = "#0072B2"
        public static let vermillion = "#D55E00"
        public static let reddishPurple = "#CC79A7"
    }

    /// How one kind of organisation is drawn.
    public struct Style: Sendable, Equatable {
        /// Fill colour, `#RRGGBB`.
        public let fill: String
        /// Label colour with enough contrast on `fill`.
        public let text: String
        /// A Graphviz node shape name.
        public let shape: String
        /// The family's name in legends ("Councils", "NHS").
        public let family: String
    }

    public static func style(for kind: OrganisationKind) -> Style {
        switch kind {
        case .council: return Style(fill: OkabeIto.orange, text: "#000000", shape: "box", family: "Councils")
        case .nhsICB: return Style(fill: OkabeIto.blue, text: "#FFFFFF", shape: "hexagon", family: "NHS")
        case .nhsTrust: return Style(fill: OkabeIto.skyBlue, text: "#000000", shape: "ellipse", family: "NHS")
        case .ambulanceService: return Style(fill: OkabeIto.skyBlue, text: "#000000", shape: "diamond", family: "NHS")
        case .policeForce: return Style(fill: OkabeIto.reddishPurple, text: "#000000", shape: "octagon", family: "Police")
        case .policeBCU: return Style(fill: "#E8B9D3", text: "#000000", shape: "octagon", family: "Police")
        case .fireService: return Style(fill: OkabeIto.vermillion, text: "#000000", shape: "house", family: "Fire")
        case .probationRegion: return Style(fill: OkabeIto.bluishGreen, text: "#000000", shape: "component", family: "Probation")
        case .probationPDU: return Style(fill: "#8FD3BE", text: "#000000", shape: "component", family: "Probation")
        case .transport: return Style(fill: OkabeIto.yellow, text: "#000000", shape: "cds", family: "GLA group and government")
        case .glaGroup: return Style(fill: OkabeIto.yellow, text: "#000000", shape: "folder", family: "GLA group and government")
        case .centralGovernment: return Style(fill: "#F7F1A8", text: "#000000", shape: "folder", family: "GLA group and government")
        case .voluntary: return Style(fill: "#DDDDDD", text: "#000000", shape: "note", family: "Voluntary and research")
        case .research: return Style(fill: "#FFFFFF", text: "#000000", shape: "parallelogram", family: "Voluntary and research")
        case .other: return Style(fill: "#BBBBBB", text: "#000000", shape: "box", family: "Other")
        }
    }

    /// Agreement status colours for edges: in force, review due, draft, expired.
    public enum Status {
        public static let inForce = "#333333"
        public static let reviewDue = OkabeIto.orange
        public static let draft = "#999999"
        public static let expired = OkabeIto.vermillion
        /// A gap: a pair that should share and does not.
        public static let gap = OkabeIto.vermillion
        /// A lawful path's hops.
        public static let path = OkabeIto.blue
    }

    /// Light fills for regions on a boundary map (from Okabe-Ito, plus a light grey), so that black text
    /// reads on every one and the dark outline colours stand out against them. Five are enough for
    /// neighbouring regions to differ on a map of London.
    public static let regionFills = ["#E69F00", "#56B4E9", "#F0E442", "#009E73", "#DDDDDD"]

    /// Dark outline colours for the second boundary system on a map (Okabe-Ito blue, vermillion and
    /// reddish purple, and black), none of them a fill colour.
    public static let regionOutlines = ["#0072B2", "#D55E00", "#000000", "#CC79A7"]
}
