import ArgumentParser
import Foundation
import StimulusKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List what ships: stimuli.")

    enum Kind: String, ExpressibleByArgument, CaseIterable { case stimuli }

    @Argument(help: "What to list: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: Kind

    @Option(name: .customLong("stimuli-dir"), help: "Folder of stimulus definitions.")
    var stimuliDir = "Stimuli"

    func run() throws {
        switch kind {
        case .stimuli:
            let specs = try StimulusLibrary.load(directory: URL(fileURLWithPath: stimuliDir))
            let width = specs.keys.map(\.count).max() ?? 0
            for name in specs.keys.sorted() {
                let s = specs[name]!
                print("\(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(s.pattern.typeName.padding(toLength: 16, withPad: " ", startingAt: 0))  \(s.description)")
            }
            print("\(specs.count) stimuli in \(stimuliDir)")
        }
    }
}
