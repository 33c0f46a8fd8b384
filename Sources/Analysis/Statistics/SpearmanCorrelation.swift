import Foundation

/// Spearman's rank correlation ρ: Pearson's correlation of the ranks, tied values sharing
/// the mean of the ranks they span (as scipy.stats.spearmanr).
public enum SpearmanCorrelation {
    /// ρ of paired samples (same count, at least two); `nil` when either ranking is constant.
    public static func rho(_ x: [Double], _ y: [Double]) -> Double? {
        precondition(x.count == y.count, "paired samples need equal counts")
        guard x.count >= 2 else { return nil }
        return pearson(ranks(x), ranks(y))
    }

    /// Ranks 1…n, ties receiving their average rank.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let averageRank = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = averageRank }
            start = end + 1
        }
        return ranks
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        guard let mx = Descriptive.mean(x), let my = Descriptive.mean(y) else { return nil }
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }
}
