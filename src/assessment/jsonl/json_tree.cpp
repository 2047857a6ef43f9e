#include "assessment/jsonl/json_tree.hpp"

#include <nlohmann/json.hpp>

namespace hocvu::assessment::jsonl {
namespace {

constexpr std::size_t kMaxDepth = 32;

// Builds a JsonNode tree from nlohmann's SAX events; floats keep their lexeme.
class TreeBuilder {
public:
    using json = nlohmann::json;

    explicit TreeBuilder(JsonNode& root) : root_(root) {}

    bool null() { return Add(JsonNode{}) != nullptr; }
    bool boolean(bool value) {
        JsonNode node;
        node.type = JsonNode::Type::kBool;
        node.boolean = value;
        return Add(std::move(node)) != nullptr;
    }
    bool number_integer(json::number_integer_t value) { return Number(JsonNode::Type::kInteger, std::to_string(value)); }
    bool number_unsigned(json::number_unsigned_t value) {
        return Number(JsonNode::Type::kInteger, std::to_string(value));
    }
    bool number_float(json::number_float_t /*value*/, const json::string_t& lexeme) {
        return Number(JsonNode::Type::kDecimal, lexeme);
    }
    bool string(json::string_t& value) {
        JsonNode node;
        node.type = JsonNode::Type::kString;
        node.text = std::move(value);
        return Add(std::move(node)) != nullptr;
    }
    bool binary(json::binary_t& /*value*/) { return false; }
    bool start_object(std::size_t /*elements*/) { return Open(JsonNode::Type::kObject); }
    bool key(json::string_t& name) {
        stack_.back()->members.emplace_back(std::move(name), JsonNode{});
        return true;
    }
    bool end_object() {
        stack_.pop_back();
        return true;
    }
    bool start_array(std::size_t /*elements*/) { return Open(JsonNode::Type::kArray); }
    bool end_array() {
        stack_.pop_back();
        return true;
    }
    bool parse_error(std::size_t /*position*/, const std::string& /*last_token*/,
                     const nlohmann::detail::exception& error) {
        error_ = error.what();
        return false;
    }

    [[nodiscard]] const std::string& error() const { return error_; }

private:
    bool Number(JsonNode::Type type, std::string text) {
        JsonNode node;
        node.type = type;
        node.text = std::move(text);
        return Add(std::move(node)) != nullptr;
    }

    bool Open(JsonNode::Type type) {
        if (stack_.size() >= kMaxDepth) {
            error_ = "JSON lồng quá sâu";
            return false;
        }
        JsonNode node;
        node.type = type;
        JsonNode* added = Add(std::move(node));
        stack_.push_back(added);
        return true;
    }

    // Places a value in the open container (or as the root); returns where it now lives.
    JsonNode* Add(JsonNode node) {
        if (stack_.empty()) {
            root_ = std::move(node);
            return &root_;
        }
        JsonNode* parent = stack_.back();
        if (parent->type == JsonNode::Type::kArray) {
            parent->items.push_back(std::move(node));
            return &parent->items.back();
        }
        parent->members.back().second = std::move(node);
        return &parent->members.back().second;
    }

    JsonNode& root_;
    std::vector<JsonNode*> stack_;
    std::string error_;
};

}  // namespace

const JsonNode* JsonNode::Find(std::string_view key) const {
    const JsonNode* found = nullptr;
    for (const auto& [name, value] : members) {
        if (name == key) {
            found = &value;
        }
    }
    return found;
}

bool ParseJsonLine(std::string_view line, JsonNode& root, std::string& error) {
    root = JsonNode{};
    TreeBuilder builder(root);
    if (!nlohmann::json::sax_parse(line, &builder)) {
        error = builder.error().empty() ? "JSON không hợp lệ" : builder.error();
        return false;
    }
    return true;
}

}  // namespace hocvu::assessment::jsonl
