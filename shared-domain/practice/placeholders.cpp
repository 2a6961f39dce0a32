// "{placeholder}" text in task templates: checking it against the names in
// scope, and rendering it with a task's drawn values.
#include "practice/template_text.hpp"

#include "core/json_reader.hpp"
#include "core/validation.hpp"

namespace learnloop::detail {

namespace {

struct Piece {
    bool is_placeholder = false;
    std::string text;
};

Result<std::vector<Piece>> split_placeholders(std::string_view text, const std::string& path)
{
    std::vector<Piece> pieces;
    std::string literal;
    for (std::size_t i = 0; i < text.size();) {
        char c = text[i];
        bool doubled = i + 1 < text.size() && text[i + 1] == c;
        if (c == '{' && !doubled) {
            auto close = text.find('}', i + 1);
            if (close == std::string_view::npos)
                return json_error_at(path, "has a { without a matching } (write {{ for a literal brace)");
            auto content = text.substr(i + 1, close - i - 1);
            if (content.find('{') != std::string_view::npos)
                return json_error_at(path, "has a { inside a {placeholder}");
            content = trim(content);
            if (content.empty())
                return json_error_at(path, "has an empty {}");
            if (!literal.empty())
                pieces.push_back({ false, std::move(literal) });
            literal.clear();
            pieces.push_back({ true, std::string(content) });
            i = close + 1;
        } else if (c == '}' && !doubled) {
            return json_error_at(path, "has a } without a matching { (write }} for a literal brace)");
        } else {
            literal += c;
            i += (c == '{' || c == '}') ? 2 : 1;
        }
    }
    if (!literal.empty())
        pieces.push_back({ false, std::move(literal) });
    return pieces;
}

} // namespace

Result<void> check_placeholders(std::string_view text, const Scope& scope, const std::string& path)
{
    auto pieces = TRY(split_placeholders(text, path));
    for (auto& piece : pieces) {
        if (!piece.is_placeholder)
            continue;
        auto it = scope.find(piece.text);
        if (it != scope.end() && !it->second.is_number)
            continue;   // a word
        if (it == scope.end() && is_slot_name(piece.text))
            return json_error_at(path, "uses {" + piece.text + "}, which is not a slot or variant value");
        TRY(check_expression(piece.text, scope, path));
    }
    return {};
}

Result<std::string> render(std::string_view text, const Values& values)
{
    auto pieces = TRY(split_placeholders(text, "text"));
    std::string out;
    for (auto& piece : pieces) {
        if (!piece.is_placeholder) {
            out += piece.text;
            continue;
        }
        auto it = values.find(piece.text);
        if (it != values.end()) {
            out += it->second.is_number ? format_number(it->second.number, it->second.decimals) : it->second.text;
            continue;
        }
        out += format_number(TRY(evaluate_source(piece.text, values)), -1);
    }
    return out;
}

Result<std::vector<std::string>> render_all(const std::vector<std::string>& texts, const Values& values)
{
    std::vector<std::string> out;
    out.reserve(texts.size());
    for (auto& text : texts)
        out.push_back(TRY(render(text, values)));
    return out;
}

// A cloze gap is a run of three or more underscores.
std::vector<std::string> split_cloze(std::string_view text)
{
    std::vector<std::string> segments(1);
    for (std::size_t i = 0; i < text.size();) {
        if (text.compare(i, 3, "___") == 0) {
            while (i < text.size() && text[i] == '_')
                ++i;
            segments.emplace_back();
        } else {
            segments.back() += text[i++];
        }
    }
    return segments;
}

} // namespace learnloop::detail
