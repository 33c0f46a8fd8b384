import ArgumentParser

/// The `stimgen` command line: parse, call one module function, print. No logic lives here
/// that a test would want to reach; each subcommand sits in its own file.
@main
struct Stimgen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stimgen",
        abstract: "McCollough-effect and illusion stimuli, adaptation sessions, reports and models.",
        version: StimgenVersion.string,
        subcommands: [
            ExportCommand.self,
            ListCommand.self,
            CalibrateCommand.self,
            ExportDataCommand.self,
            StoreWriterCommand.self,
            ValidateCommand.self,
            LayersCommand.self,
            ActivationsCommand.self,
            InferCommand.self,
            ReportCommand.self,
            SimulateSessionsCommand.self,
            RunCommand.self,
            BenchStimulusCommand.self,
            PredictCommand.self,
            CompareCommand.self,
            DreamCommand.self,
            BenchDreamCommand.self,
            VisualizeCommand.self,
        ]
    )
}
