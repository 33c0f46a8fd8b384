/// The JSON manifest written beside the activation files: everything needed to repeat the run.
public struct ActivationManifest: Codable, Sendable {
    public struct Model: Codable, Sendable { public var path: String; public var input: String }
    public struct Input: Codable, Sendable { public var label: String; public var argument: String; public var kind: String }
    public struct Layer: Codable, Sendable {
        public var name: String
        /// .npy file in the output folder, shape [inputs, …layer shape without its batch axis].
        public var file: String
        public var shape: [Int]
    }
    public struct RDMFile: Codable, Sendable { public var layer: String; public var metric: RDM.Metric; public var npy: String; public var csv: String }
    public struct BLAS: Codable, Sendable { public var core: String; public var coreType: String?; public var threads: Int }

    public var generator: String
    public var created: String
    public var model: Model
    public var preprocessing: Preprocessing
    /// Monitor profile the stimuli were encoded through (stimulus inputs only).
    public var monitorProfile: String
    public var inputs: [Input]
    public var layers: [Layer]
    /// Per-channel means (summary.csv), when asked for.
    public var summary: String?
    public var rdms: [RDMFile]
    public var blas: BLAS
}
