import ArgumentParser

/// The `stimgen` command line: parse, call one module function, print. No logic lives here
/// that a test would want to reach; each subcommand sits in its own file.
@main
struct Stimgen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stimgen",
        abstract: "McCollough-effect and illusion stimuli, adaptation sessions, reports and models.",
        version: StimgenVersion.string,
        subcommands: [ValidateCommand.self, ExportDataCommand.self, StoreWriterCommand.self, RunCommand.self]
    )
}
