import SharemapModel

/// Places areas on a plane from their centroids for geographic diagrams: an equirectangular projection
/// centred on the areas' mean latitude (distances are true enough at the scale of a city), scaled so the
/// map is `width` inches wide.
public struct MapProjection: Sendable {
    public let width: Double
    private let minLongitude: Double
    private let minLatitude: Double
    private let scale: Double
    private let cosine: Double

    public init(areas: [Area], width: Double = 10) {
        self.width = width
        let latitudes = areas.map(\.latitude)
        let longitudes = areas.map(\.longitude)
        let meanLatitude = latitudes.isEmpty ? 51.5 : latitudes.reduce(0, +) / Double(latitudes.count)
        cosine = cos(meanLatitude * .pi / 180)
        minLongitude = longitudes.min() ?? 0
        minLatitude = latitudes.min() ?? 0
        let span = ((longitudes.max() ?? 1) - minLongitude) * cosine
        scale = span > 0 ? width / span : 1
    }

    /// The point (inches, y up) of a latitude and longitude.
    public func point(latitude: Double, longitude: Double) -> (x: Double, y: Double) {
        let x = (longitude - minLongitude) * cosine * scale
        let y = (latitude - minLatitude) * scale
        return (x, y)
    }
}

import Foundation
