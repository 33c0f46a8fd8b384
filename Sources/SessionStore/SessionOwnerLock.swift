import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An advisory lock (`flock`) that a live process holds on a small file beside the database for as
/// long as it records a session. The kernel releases it when the process dies, even by SIGKILL, so
/// a `running` session whose lock can be taken was left by a crash — while the sessions that other
/// live presenters are recording on the same database are left alone.
///
/// The file is `<database>-owner-<token>.lock`; the token is stored in `sessions.owner_token`.
final class SessionOwnerLock: @unchecked Sendable {
    /// Lock file path.
    let path: String
    let token: String
    private let lock = NSLock()
    private var descriptor: Int32

    private init(path: String, token: String, descriptor: Int32) {
        self.path = path
        self.token = token
        self.descriptor = descriptor
    }

    static func path(database: URL, token: String) -> String {
        database.path + "-owner-" + token + ".lock"
    }

    /// Creates the lock file for a new owner token and takes the lock.
    static func acquireNew(database: URL) throws -> SessionOwnerLock {
        let token = UUID().uuidString.lowercased()
        let path = path(database: database, token: token)
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw SessionStoreError.lockFailed(path: path, reason: String(cString: strerror(errno)))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw SessionStoreError.lockFailed(path: path, reason: reason)
        }
        return SessionOwnerLock(path: path, token: token, descriptor: fd)
    }

    /// Whether a live process holds the lock of `token`. A missing file means no owner.
    static func isHeld(database: URL, token: String) -> Bool {
        let path = path(database: database, token: token)
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return false
        }
        return errno == EWOULDBLOCK
    }

    /// Removes the lock file of an owner that is gone.
    static func removeStale(database: URL, token: String) {
        unlink(path(database: database, token: token))
    }

    /// Releases the lock and removes its file. Safe to call more than once.
    func release() {
        lock.lock()
        defer { lock.unlock() }
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit {
        release()
    }
}
