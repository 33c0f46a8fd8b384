import Testing
@testable import SessionStore

@Suite("Protocol SHA-256")
struct ProtocolHashTests {
    // FIPS 180-2 test vectors.
    @Test func knownVectors() {
        #expect(ProtocolHash.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ProtocolHash.sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ProtocolHash.sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("the session stores the hash of exactly the text it stores")
    func storedWithSession() throws {
        let url = try temporaryDatabaseURL()
        let database = try SessionDatabase(url: url)
        let session = try database.beginSession(sampleSession(protocolText: "abc"))
        #expect(session.record.protocolSHA256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        try session.finish(.completed)
    }
}
