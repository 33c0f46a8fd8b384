import Foundation
import Testing
@testable import StimulusKit

@Suite struct CalibrationTests {
    @Test func gammaFitMatchesScipyOnPsychoPysModel() throws {
        let readings = try GammaCalibration.readings(csv: GammaReferenceFixture.csv, file: "fixture.csv")
        let result = try GammaCalibration.fit(readings, name: "fixture")
        for fit in result.fits {
            let ref = try #require(GammaReferenceFixture.fits[fit.gun])
            #expect(abs(fit.gamma - ref.gamma) < 1e-6, "\(fit.gun): \(fit.gamma) vs scipy \(ref.gamma)")
            #expect(abs(fit.rmsResidualCdM2 - ref.rmsResidualCdM2) < 1e-6)
        }
        // Measured chromaticities become the primaries; luminance above black sums over the guns.
        #expect(result.measuredChromaticity)
        #expect(result.profile.primaries.green == Chromaticity(x: 0.3, y: 0.6))
        #expect(abs(result.profile.maxLuminanceCdM2 - ((18.4 - 0.31) + (61.2 - 0.31) + (7.9 - 0.31))) < 1e-9)
        #expect(result.report.contains("residual_cd_m2"))
    }

    @Test func profileWrittenAsYAMLLoadsBack() throws {
        let readings = try GammaCalibration.readings(csv: GammaReferenceFixture.csv, file: "fixture.csv")
        let profile = try GammaCalibration.fit(readings, name: "fixture").profile
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-profile-\(UUID().uuidString).yaml")
        try profile.yamlString().write(to: url, atomically: true, encoding: .utf8)
        let back = try MonitorProfile.load(from: url)
        #expect(back.transfer == profile.transfer && back.primaries == profile.primaries && back.maxLuminanceCdM2 == profile.maxLuminanceCdM2)
    }

    @Test func badCSVNamesFileAndLine() {
        #expect(throws: CalibrationError.csv(file: "m.csv", line: 3, "level_255 is not a number: 'high'")) {
            _ = try GammaCalibration.readings(csv: "gun,level_255,luminance_cd_m2\nred,0,0.1\nred,high,3\n", file: "m.csv")
        }
        #expect(throws: CalibrationError.self) {
            _ = try GammaCalibration.readings(csv: "gun,level_255,luminance_cd_m2\npurple,0,0.1\n", file: "m.csv")
        }
        #expect(throws: CalibrationError.fit(gun: "red", "needs readings at level 0, level 1 and at least one level between")) {
            _ = try GammaCalibration.fitGun("red", [.init(gun: "red", level: 0, luminanceCdM2: 0.1), .init(gun: "red", level: 1, luminanceCdM2: 20)])
        }
    }

    @Test func profileFileErrorsNameTheField() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stimgen-bad-profile-\(UUID().uuidString).yaml")
        try "name: bad\ntransfer: {gamma: 2.2}\nmax_luminance_cd_m2: 100\nwhite_point: [0.31, 0.33]\n".write(to: url, atomically: true, encoding: .utf8)
        #expect {
            _ = try MonitorProfile.load(from: url)
        } throws: { error in
            guard let e = error as? YAMLFileError else { return false }
            return e.line == 4 && e.fieldPath == "white_point" && e.message.contains("white_point_xy")
        }
    }
}

@Suite struct ExampleFilesTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/examples")

    @Test func exampleProfileLoadsAndExampleReadingsFit() throws {
        let profile = try MonitorProfile.load(from: Self.examples.appendingPathComponent("monitor_profile.yaml"))
        #expect(profile.maxLuminanceCdM2 == 120 && profile.geometry?.screenWidthPx == 2560)
        // 2560 px over 59.8 cm at 70 cm: 2 × 70 × tan 0.5° × 2560/59.8 = 52.30 px/deg.
        #expect(abs(profile.geometry!.pixelsPerDegree() - 52.30) < 0.01)
        let csv = try String(contentsOf: Self.examples.appendingPathComponent("photometer_readings.csv"), encoding: .utf8)
        #expect(try GammaCalibration.fit(GammaCalibration.readings(csv: csv, file: "photometer_readings.csv"), name: "x").fits.count == 3)
    }
}
