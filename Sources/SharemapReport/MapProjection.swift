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

extension MapProjection {
    /// Moves boxes of `size` (inches) centred on `points` apart until none overlap with at least `gap`
    /// between them, each step pushing an overlapping pair apart along the axis where they overlap least,
    /// so that every label stays legible while areas stay close to their centroids. Deterministic.
    public static func separated(_ points: [(x: Double, y: Double)], size: (width: Double, height: Double), gap: Double = 0.06,
                                 rounds: Int = 400) -> [(x: Double, y: Double)] {
        var points = points
        let needX = size.width + gap, needY = size.height + gap
        for _ in 0..<rounds {
            var moved = false
            for i in points.indices {
                for j in points.indices where j > i {
                    let dx = points[j].x - points[i].x, dy = points[j].y - points[i].y
                    let overlapX = needX - abs(dx), overlapY = needY - abs(dy)
                    guard overlapX > 1e-9, overlapY > 1e-9 else { continue }
                    moved = true
                    // Push along the axis needing the smaller move, relative to the box's size.
                    if overlapX / needX < overlapY / needY {
                        let push = (overlapX / 2 + 1e-6) * (dx < 0 ? -1 : 1)
                        points[i].x -= push
                        points[j].x += push
                    } else {
                        let push = (overlapY / 2 + 1e-6) * (dy < 0 ? -1 : 1)
                        points[i].y -= push
                        points[j].y += push
                    }
                }
            }
            if !moved { break }
        }
        return points
    }
}
