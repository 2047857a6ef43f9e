#pragma once

#include <string>
#include <string_view>

namespace hocvu::assessment::jsonl {

/// Appends compact JSON to a string, in the order the caller writes it (the contract fixes the key order).
/// The caller is responsible for the structure; strings are escaped here.
class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}

    void BeginObject() { Separate(); out_ += '{'; first_ = true; }
    void EndObject() { out_ += '}'; first_ = false; }
    void BeginArray() { Separate(); out_ += '['; first_ = true; }
    void EndArray() { out_ += ']'; first_ = false; }

    /// Writes `"name":`; the next value follows without a comma.
    void Key(std::string_view name) {
        Separate();
        String(name);
        out_ += ':';
        first_ = true;
    }
    void Value(std::string_view text) { Separate(); String(text); }
    /// A string, or null when `text` is empty.
    void ValueOrNull(std::string_view text) { text.empty() ? Null() : Value(text); }
    void Value(long long number) { Separate(); out_ += std::to_string(number); }
    /// A JSON number exactly as it was written in the input.
    void RawNumber(std::string_view lexeme) { Separate(); out_ += lexeme; }
    void Null() { Separate(); out_ += "null"; }

private:
    void Separate() {
        if (!first_) {
            out_ += ',';
        }
        first_ = false;
    }

    // Escapes quotes, backslashes and control characters; a byte that does not start a well-formed UTF-8 sequence
    // (possible only in parser messages quoting bad input) becomes U+FFFD.
    void String(std::string_view text) {
        constexpr char kHex[] = "0123456789abcdef";
        out_ += '"';
        std::size_t run = 0;  // start of the bytes that are copied unchanged
        std::size_t i = 0;
        while (i < text.size()) {
            const auto byte = static_cast<unsigned char>(text[i]);
            if (byte >= 0x20 && byte < 0x80 && byte != '"' && byte != '\\') {
                ++i;
                continue;
            }
            if (byte >= 0x80) {
                const std::size_t length = SequenceLength(text, i);
                if (length > 0) {
                    i += length;
                    continue;
                }
            }
            out_.append(text.substr(run, i - run));
            if (byte == '"' || byte == '\\') {
                out_ += '\\';
                out_ += static_cast<char>(byte);
            } else if (byte < 0x20) {
                out_ += "\\u00";
                out_ += kHex[byte >> 4];
                out_ += kHex[byte & 0xf];
            } else {
                out_ += "\\ufffd";
            }
            run = ++i;
        }
        out_.append(text.substr(run));
        out_ += '"';
    }

    // The length of the well-formed UTF-8 sequence starting at `i`, or 0.
    static std::size_t SequenceLength(std::string_view text, std::size_t i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        if (byte >= 0xc2 && byte <= 0xdf) {
            length = 2;
        } else if (byte >= 0xe0 && byte <= 0xef) {
            length = 3;
        } else if (byte >= 0xf0 && byte <= 0xf4) {
            length = 4;
        }
        if (length == 0 || i + length > text.size()) {
            return 0;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) {
                return 0;
            }
        }
        return length;
    }

    std::string& out_;
    bool first_ = true;
};

}  // namespace hocvu::assessment::jsonl
