import CSDL2

/// Real key presses from SDL's event queue, timestamped on the session clock.
/// Closing the window counts as Escape (the pause menu), so nothing is lost by a stray click.
public final class SDLKeyboard: InputSource {
    private let clock: SessionClock

    public init(clock: SessionClock) { self.clock = clock }

    public func poll(now: Double) -> [KeyEvent] {
        var events: [KeyEvent] = []
        var event = SDL_Event()
        let ticksNow = SDL_GetTicks()
        while SDL_PollEvent(&event) != 0 {
            switch event.type {
            case UInt32(SDL_KEYDOWN.rawValue) where event.key.repeat == 0:
                let name = String(cString: SDL_GetKeyName(event.key.keysym.sym)).lowercased()
                // SDL stamps events in ms since SDL_Init; map that onto the session clock.
                let age = Double(ticksNow &- event.key.timestamp) / 1000
                events.append(KeyEvent(key: name, time: now - max(0, age), sdlTimestampMs: Int64(event.key.timestamp)))
            case UInt32(SDL_QUIT.rawValue):
                events.append(KeyEvent(key: KeyEvent.escape, time: now))
            default:
                break
            }
        }
        return events
    }

    public func responseWindowOpened(_ window: ResponseWindow, onset: Double) {}
}
