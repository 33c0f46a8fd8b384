/// Escapes text for HTML and SVG element content and quoted attribute values: `&`, `<`, `>`,
/// `"` and `'` become character references, so that anything a participant or researcher
/// typed is shown as text and never parsed as markup.
public func escapeHTML(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text.unicodeScalars {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(character)
        }
    }
    return out
}
