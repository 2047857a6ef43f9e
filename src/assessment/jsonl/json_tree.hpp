#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hocvu::assessment::jsonl {

/// A parsed JSON value that keeps every number as written ("7.5", "1e1"), so that a score can be checked
/// exactly against "at most one decimal" without passing through binary floating point.
struct JsonNode {
    enum class Type : unsigned char { kNull, kBool, kInteger, kDecimal, kString, kArray, kObject };

    Type type = Type::kNull;
    bool boolean = false;
    std::string text;  ///< the string, or the number exactly as written
    std::vector<JsonNode> items;
    std::vector<std::pair<std::string, JsonNode>> members;

    /// The member named `key` of an object (the last one if repeated), or nullptr.
    [[nodiscard]] const JsonNode* Find(std::string_view key) const;
    [[nodiscard]] bool IsNull() const { return type == Type::kNull; }
    [[nodiscard]] bool IsNumber() const { return type == Type::kInteger || type == Type::kDecimal; }
};

/// Parses one line of JSON. Returns false with a message on a syntax error, invalid UTF-8 or nesting deeper
/// than 32 levels.
bool ParseJsonLine(std::string_view line, JsonNode& root, std::string& error);

}  // namespace hocvu::assessment::jsonl
