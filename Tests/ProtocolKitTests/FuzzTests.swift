import StimulusKit
import Foundation
import Testing
@testable import ProtocolKit

/// Mutates the shipped protocol files thousands of times with seeded edits (deleting, inserting and
/// swapping characters and lines, replacing numbers with extreme ones, re-indenting, truncating) and
/// runs each through parsing, cross-checking and compilation. It must never crash or hang, and
/// every rejection must come with at least one located error.
@Suite struct FuzzTests {
    static let runs = 3000

    static let sources: [String] = ShippedProtocolTests.protocolFiles.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    static let insertable = Array(" :-[]{}#\n\"'0123456789.,abxyz&*!|>%@`\t")
    static let extremeNumbers = ["0", "-1", "1e9", "0.0001", "99999", "nan", "-0", "1.5", "4e-9", "18446744073709551616"]
    static let words = ["kind", "name", "duration", "total_duration", "repetitions", "frames", "s", "ms", "min", "h",
                        "adaptation", "test", "break", "nulling", "staircase", "quest", "target", "null", "~", "true"]

    static func mutate(_ text: String, random: inout SeededGenerator) -> String {
        var characters = Array(text)
        var lines = text.components(separatedBy: "\n")
        switch random.index(below: 9) {
        case 0 where !characters.isEmpty:
            characters.remove(at: random.index(below: characters.count))
            return String(characters)
        case 1:
            characters.insert(insertable[random.index(below: insertable.count)], at: random.index(below: characters.count + 1))
            return String(characters)
        case 2 where lines.count > 1:
            lines.remove(at: random.index(below: lines.count))
        case 3 where !lines.isEmpty:
            let i = random.index(below: lines.count)
            lines.insert(lines[i], at: random.index(below: lines.count + 1))
        case 4 where lines.count > 1:
            lines.swapAt(random.index(below: lines.count), random.index(below: lines.count))
        case 5:
            // Replace one number with an extreme one.
            let numbers = text.ranges(of: /-?[0-9]+(\.[0-9]+)?/)
            guard !numbers.isEmpty else { return text }
            var copy = text
            copy.replaceSubrange(numbers[random.index(below: numbers.count)],
                                 with: extremeNumbers[random.index(below: extremeNumbers.count)])
            return copy
        case 6 where !lines.isEmpty:
            let i = random.index(below: lines.count)
            lines[i] = random.unit() < 0.5 ? "  " + lines[i] : String(lines[i].drop(while: { $0 == " " }).prefix(1000))
        case 7:
            return String(characters.prefix(random.index(below: characters.count + 1)))
        default:
            // Replace a word with a keyword from the language.
            let wordRanges = text.ranges(of: /[a-z_]+/)
            guard !wordRanges.isEmpty else { return text }
            var copy = text
            copy.replaceSubrange(wordRanges[random.index(below: wordRanges.count)], with: words[random.index(below: words.count)])
            return copy
        }
        return lines.joined(separator: "\n")
    }

    @Test func mutatedProtocolsNeverCrashOrHang() throws {
        try #require(Self.sources.count >= 8)
        var random = SeededGenerator(seed: 0xF022)
        var accepted = 0, rejected = 0
        for _ in 0..<Self.runs {
            var text = Self.sources[random.index(below: Self.sources.count)]
            for _ in 0...random.index(below: 3) { text = Self.mutate(text, random: &random) }
            let parsed = ProtocolParser.parse(yaml: text, file: "fuzz.yaml")
            guard let spec = parsed.spec else {
                rejected += 1
                #expect(parsed.diagnostics.contains { $0.severity == .error }, "rejected without an error:\n\(text)")
                continue
            }
            accepted += 1
            let known = Set(spec.inlineStimuli.keys).union(["mccollough_adapter_red_horizontal", "mccollough_adapter_green_vertical"])
            _ = ProtocolValidator.check(spec, knownStimuli: known, sourceMap: parsed.sourceMap)
            let (timeline, _) = TimelineCompiler.compile(spec, refreshHz: 60, sourceMap: parsed.sourceMap)
            #expect(timeline.phases.count == spec.phases.count)
        }
        // Both outcomes must be exercised for the test to mean anything.
        #expect(accepted > Self.runs / 10 && rejected > Self.runs / 10, "accepted \(accepted), rejected \(rejected)")
    }
}
