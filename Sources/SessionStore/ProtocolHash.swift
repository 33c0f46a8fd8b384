import Crypto
import Foundation

/// SHA-256 of a protocol's text, as recorded with every session so that two sessions can be shown
/// to have run the very same protocol.
public enum ProtocolHash {
    /// Lower-case hex SHA-256 (64 characters) of `text` encoded as UTF-8.
    public static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
