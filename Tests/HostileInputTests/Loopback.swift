// swift-meeting-notes · HostileInputTests

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP listener on 127.0.0.1 that counts connection attempts: a page that references
/// `http://127.0.0.1:<port>/…` proves no network access when nothing ever connects.
final class LoopbackListener {
    private let fd: Int32
    let port: UInt16

    init?() {
        #if canImport(Glibc)
        let s = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let s = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard s >= 0 else { return nil }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(s, 16) == 0 else { close(s); return nil }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(s, $0, &len) }
        }
        guard named == 0 else { close(s); return nil }
        fd = s
        port = UInt16(bigEndian: addr.sin_port)
    }

    deinit { close(fd) }

    /// A URL on this listener.
    func url(_ path: String = "entity.xml") -> String { "http://127.0.0.1:\(port)/\(path)" }

    /// Connections waiting to be accepted (accepting and closing them), without blocking.
    func pendingConnections() -> Int {
        var count = 0
        while true {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 0) > 0 else { return count }
            let c = accept(fd, nil, nil)
            guard c >= 0 else { return count }
            close(c)
            count += 1
        }
    }
}
