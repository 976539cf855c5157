import Foundation

/// Timing and memory measurements for benchmarks: medians of several runs, and peak resident memory.
enum Measure {
    /// Runs `body` `runs` times and returns the median wall-clock time in seconds, and the last result.
    static func median<T>(runs: Int, _ body: () throws -> T) rethrows -> (seconds: Double, result: T) {
        var times: [Double] = []
        var last: T?
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            last = try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        return (times[times.count / 2], last!)
    }

    /// The process's peak resident set size so far, in MiB.
    static func peakMemoryMiB() -> Double {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    }

    static func format(_ seconds: Double) -> String {
        seconds < 0.001 ? String(format: "%.1f µs", seconds * 1e6)
            : seconds < 1 ? String(format: "%.1f ms", seconds * 1e3) : String(format: "%.2f s", seconds)
    }
}
