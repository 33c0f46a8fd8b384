import ArgumentParser
import Foundation
import ProtocolKit
import StimulusKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List what ships: stimuli, protocols.")

    enum Kind: String, ExpressibleByArgument, CaseIterable { case stimuli, protocols }

    @Argument(help: "What to list: \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: Kind

    @Option(name: .customLong("stimuli-dir"), help: "Folder of stimulus definitions.")
    var stimuliDir = "Stimuli"

    @Option(name: .customLong("protocols-dir"), help: "Folder of protocol files.")
    var protocolsDir = "Protocols"

    func run() throws {
        switch kind {
        case .stimuli:
            // Sizes given in px are read at the standard display's px/deg: the list shows no sizes.
            let specs = try StimulusLibrary.load(directory: URL(fileURLWithPath: stimuliDir),
                                                 pixelsPerDegree: ViewingGeometry.standard.pixelsPerDegree())
            let width = specs.keys.map(\.count).max() ?? 0
            for name in specs.keys.sorted() {
                let s = specs[name]!
                print("\(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(s.pattern.typeName.padding(toLength: 16, withPad: " ", startingAt: 0))  \(s.description)")
            }
            print("\(specs.count) stimuli in \(stimuliDir)")
        case .protocols:
            let entries = try ProtocolCatalogue.entries(in: URL(fileURLWithPath: protocolsDir))
            let width = entries.map(\.name.count).max() ?? 0
            for entry in entries {
                print("\(entry.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(entry.title)")
            }
            print("\(entries.count) protocols in \(protocolsDir); check one with `stimgen validate \(protocolsDir)/NAME.yaml`")
        }
    }
}
