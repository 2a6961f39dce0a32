// Task templates: decoding and validation, placeholder expressions, and the
// deterministic generation of concrete tasks with their wire codec.
#include "practice/tasks.hpp"

#include "practice/grading.hpp"
#include "core/validation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>

// [SECTION] Randomness and names
// [SECTION] JSON reading helpers
// [SECTION] Expressions
// [SECTION] Placeholder text
// [SECTION] Template decoding
// [SECTION] Generation
// [SECTION] Task wire codec

namespace learnloop {

// [SECTION] Randomness and names

namespace {

constexpr std::uint64_t k_golden_gamma = 0x9E3779B97F4A7C15ULL;

std::uint64_t splitmix_finalise(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

} // namespace

std::uint64_t SeededRandom::next()
{
    m_state += k_golden_gamma;
    return splitmix_finalise(m_state);
}

std::uint64_t SeededRandom::below(std::uint64_t bound)
{
    if (bound <= 1)
        return 0;
    // Reject the low values that would make `r % bound` favour small results.
    std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
        std::uint64_t r = next();
        if (r >= threshold)
            return r % bound;
    }
}

std::uint64_t mix_seed(std::uint64_t a, std::uint64_t b)
{
    return splitmix_finalise(a ^ splitmix_finalise(b + k_golden_gamma));
}

std::uint64_t hash_text(std::string_view text)
{
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

namespace {

constexpr std::pair<TaskKind, std::string_view> k_kind_names[] = {
    { TaskKind::SingleChoice, "single_choice" },
    { TaskKind::MultipleSelect, "multiple_select" },
    { TaskKind::Numeric, "numeric" },
    { TaskKind::ShortText, "short_text" },
    { TaskKind::Cloze, "cloze" },
    { TaskKind::Ordering, "ordering" },
    { TaskKind::QuantitativeComparison, "quantitative_comparison" },
};

constexpr std::pair<Comparison, std::string_view> k_comparison_names[] = {
    { Comparison::AGreater, "a_greater" },
    { Comparison::BGreater, "b_greater" },
    { Comparison::Equal, "equal" },
    { Comparison::CannotDetermine, "cannot_determine" },
};

} // namespace

std::string_view task_kind_name(TaskKind kind)
{
    for (auto& [value, name] : k_kind_names)
        if (value == kind)
            return name;
    return "single_choice";
}

Result<TaskKind> parse_task_kind(std::string_view name)
{
    for (auto& [value, kind_name] : k_kind_names)
        if (kind_name == name)
            return value;
    return make_error(ErrorCode::InvalidArgument,
        "kind must be one of single_choice, multiple_select, numeric, short_text, cloze, ordering, "
        "quantitative_comparison",
        "kind");
}

std::string_view comparison_name(Comparison comparison)
{
    for (auto& [value, name] : k_comparison_names)
        if (value == comparison)
            return name;
    return "equal";
}

Result<Comparison> parse_comparison(std::string_view name)
{
    for (auto& [value, comparison] : k_comparison_names)
        if (comparison == name)
            return value;
    return make_error(ErrorCode::InvalidArgument, "must be one of a_greater, b_greater, equal, cannot_determine");
}

// [SECTION] JSON reading helpers

namespace {

Error invalid_at(const std::string& path, const std::string& what)
{
    return make_error(ErrorCode::InvalidArgument, path + " " + what, path);
}

std::string join_path(std::string_view base, std::string_view key)
{
    return base.empty() ? std::string(key) : std::string(base) + "." + std::string(key);
}

std::string index_path(std::string_view base, std::size_t index)
{
    return std::string(base) + "[" + std::to_string(index) + "]";
}

// Reads the fields of one JSON object, remembering which were read so that any
// other field can be reported (a misspelt optional field must not pass silently).
class ObjectReader {
public:
    static Result<ObjectReader> open(const Json& json, std::string path)
    {
        if (!json.is_object()) {
            if (path.empty())
                return make_error(ErrorCode::InvalidArgument, "Expected a JSON object");
            return invalid_at(path, "must be a JSON object");
        }
        return ObjectReader(json, std::move(path));
    }

    std::string path(std::string_view key) const { return join_path(m_path, key); }

    const Json* find(std::string_view key)
    {
        std::string name(key);
        auto it = m_json->find(name);
        if (it == m_json->end())
            return nullptr;
        m_read.insert(std::move(name));
        return &*it;
    }

    Result<const Json*> require(std::string_view key)
    {
        if (auto* value = find(key))
            return value;
        return invalid_at(path(key), "is required");
    }

    // `context` completes "<field> is not a field of ...".
    Result<void> reject_unknown(std::string_view context) const
    {
        for (auto& [key, value] : m_json->items()) {
            (void)value;
            if (!m_read.contains(key))
                return invalid_at(path(key), "is not a field of " + std::string(context));
        }
        return {};
    }

private:
    ObjectReader(const Json& json, std::string path) : m_json(&json), m_path(std::move(path)) { }

    const Json* m_json;
    std::string m_path;
    std::set<std::string> m_read;
};

Result<std::string> read_text(const Json& value, const std::string& path, std::size_t max, TextLines lines)
{
    if (!value.is_string())
        return invalid_at(path, "must be a string");
    return validate_text(value.get_ref<const std::string&>(), path, path, 1, max, lines);
}

Result<std::string> required_text(ObjectReader& reader, std::string_view key, std::size_t max, TextLines lines)
{
    auto* value = TRY(reader.require(key));
    return read_text(*value, reader.path(key), max, lines);
}

Result<std::int64_t> read_int(const Json& value, const std::string& path)
{
    if (!value.is_number_integer())
        return invalid_at(path, "must be an integer");
    if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(k_max_slot_number))
        return invalid_at(path, "is too large");
    return value.get<std::int64_t>();
}

Result<double> read_number(const Json& value, const std::string& path)
{
    if (!value.is_number())
        return invalid_at(path, "must be a number");
    double number = value.get<double>();
    if (!std::isfinite(number))
        return invalid_at(path, "must be a finite number");
    return number;
}

Result<const Json*> read_array(const Json& value, const std::string& path, std::size_t min, std::size_t max)
{
    if (!value.is_array())
        return invalid_at(path, "must be an array");
    if (value.size() < min || value.size() > max)
        return invalid_at(path, "must have " + std::to_string(min) + " to " + std::to_string(max) + " entries");
    return &value;
}

// Built by appending: GCC 12 warns falsely (-Wrestrict) on "\"" + std::string(...).
std::string in_quotes(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    out += text;
    out += '"';
    return out;
}

bool is_identifier(std::string_view text)
{
    if (text.empty() || text.size() > 100)
        return false;
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
            || c == '-';
    });
}

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

bool is_slot_name(std::string_view text)
{
    return !text.empty() && text.size() <= 32 && is_name_start(text.front())
        && std::all_of(text.begin(), text.end(), is_name_char);
}

// [SECTION] Expressions
//
// A deliberately small language for derived numbers: + - * /, unary minus,
// parentheses, decimal literals and slot names. Only IEEE basic operations
// are used, which are exactly rounded, so results match bit for bit on every
// platform (no pow, fmod or library maths).

struct Expr {
    enum class Op { Number, Name, Negate, Add, Subtract, Multiply, Divide };
    struct Node {
        Op op = Op::Number;
        double number = 0;
        std::string name;
        int left = -1, right = -1;
    };
    std::vector<Node> nodes;
    int root = -1;
};

constexpr std::size_t k_max_expression_length = 200;
constexpr int k_max_expression_depth = 32;
constexpr double k_powers_of_ten[] = { 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9 };

class ExprParser {
public:
    explicit ExprParser(std::string_view text) : m_text(text) { }

    Result<Expr> parse()
    {
        if (m_text.size() > k_max_expression_length)
            return fail("is longer than 200 characters");
        m_expr.root = TRY(parse_sum(0));
        skip_spaces();
        if (m_pos != m_text.size())
            return fail("has an unexpected \"" + std::string(1, m_text[m_pos]) + "\"");
        return std::move(m_expr);
    }

private:
    Error fail(const std::string& what) const
    {
        return make_error(ErrorCode::InvalidArgument, in_quotes(m_text) + " " + what);
    }

    void skip_spaces()
    {
        while (m_pos < m_text.size() && m_text[m_pos] == ' ')
            ++m_pos;
    }

    int add(Expr::Node node)
    {
        m_expr.nodes.push_back(std::move(node));
        return static_cast<int>(m_expr.nodes.size()) - 1;
    }

    Result<int> parse_sum(int depth)
    {
        int left = TRY(parse_product(depth));
        for (;;) {
            skip_spaces();
            if (m_pos >= m_text.size() || (m_text[m_pos] != '+' && m_text[m_pos] != '-'))
                return left;
            auto op = m_text[m_pos++] == '+' ? Expr::Op::Add : Expr::Op::Subtract;
            int right = TRY(parse_product(depth));
            left = add({ op, 0, {}, left, right });
        }
    }

    Result<int> parse_product(int depth)
    {
        int left = TRY(parse_unary(depth));
        for (;;) {
            skip_spaces();
            if (m_pos >= m_text.size() || (m_text[m_pos] != '*' && m_text[m_pos] != '/'))
                return left;
            auto op = m_text[m_pos++] == '*' ? Expr::Op::Multiply : Expr::Op::Divide;
            int right = TRY(parse_unary(depth));
            left = add({ op, 0, {}, left, right });
        }
    }

    Result<int> parse_unary(int depth)
    {
        if (depth > k_max_expression_depth)
            return fail("is nested too deeply");
        skip_spaces();
        if (m_pos >= m_text.size())
            return fail("ends where a number, a name or ( was expected");
        char c = m_text[m_pos];
        if (c == '-') {
            ++m_pos;
            int operand = TRY(parse_unary(depth + 1));
            return add({ Expr::Op::Negate, 0, {}, operand, -1 });
        }
        if (c == '(') {
            ++m_pos;
            int inner = TRY(parse_sum(depth + 1));
            skip_spaces();
            if (m_pos >= m_text.size() || m_text[m_pos] != ')')
                return fail("is missing a )");
            ++m_pos;
            return inner;
        }
        if (c >= '0' && c <= '9')
            return parse_number();
        if (is_name_start(c)) {
            auto start = m_pos;
            while (m_pos < m_text.size() && is_name_char(m_text[m_pos]))
                ++m_pos;
            return add({ Expr::Op::Name, 0, std::string(m_text.substr(start, m_pos - start)), -1, -1 });
        }
        return fail("has an unexpected \"" + std::string(1, c) + "\"");
    }

    // A decimal literal becomes mantissa / 10^decimals: both exact doubles, and
    // one correctly rounded division, so "0.1" is the same double everywhere.
    Result<int> parse_number()
    {
        std::int64_t mantissa = 0;
        int digits = 0, decimals = 0;
        bool seen_point = false;
        while (m_pos < m_text.size()) {
            char c = m_text[m_pos];
            if (c == '.' && !seen_point) {
                seen_point = true;
            } else if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                ++digits;
                if (seen_point)
                    ++decimals;
            } else {
                break;
            }
            ++m_pos;
            if (digits > 15 || decimals > 9)
                return fail("has a number with too many digits");
        }
        if (seen_point && decimals == 0)
            return fail("has a number ending in \".\"");
        return add({ Expr::Op::Number, static_cast<double>(mantissa) / k_powers_of_ten[decimals], {}, -1, -1 });
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    Expr m_expr;
};

Result<Expr> parse_expression(std::string_view text) { return ExprParser(text).parse(); }

struct Interval {
    double low = 0, high = 0;
};

// What a template's text may refer to while it is being validated.
struct NameInfo {
    bool is_number = false;
    Interval range;
    int decimals = -1;
};
using Scope = std::map<std::string, NameInfo, std::less<>>;

// The range an expression can take over every possible draw (interval
// arithmetic, which may overestimate but never misses a value). Rejects
// words in arithmetic, divisors that can be zero, and results too large to show.
Result<Interval> expression_range(const Expr& expr, int index, const Scope& scope, std::string_view source)
{
    auto& node = expr.nodes[static_cast<std::size_t>(index)];
    auto quote = in_quotes(source);
    switch (node.op) {
    case Expr::Op::Number:
        return Interval { node.number, node.number };
    case Expr::Op::Name: {
        auto it = scope.find(node.name);
        if (it == scope.end())
            return make_error(ErrorCode::InvalidArgument,
                quote + " uses " + node.name + ", which is not a slot or variant value defined before it");
        if (!it->second.is_number)
            return make_error(ErrorCode::InvalidArgument, quote + " does arithmetic with the word " + node.name);
        return it->second.range;
    }
    case Expr::Op::Negate: {
        auto inner = TRY(expression_range(expr, node.left, scope, source));
        return Interval { -inner.high, -inner.low };
    }
    default:
        break;
    }
    auto a = TRY(expression_range(expr, node.left, scope, source));
    auto b = TRY(expression_range(expr, node.right, scope, source));
    switch (node.op) {
    case Expr::Op::Add:
        return Interval { a.low + b.low, a.high + b.high };
    case Expr::Op::Subtract:
        return Interval { a.low - b.high, a.high - b.low };
    case Expr::Op::Divide:
        if (b.low <= 0 && b.high >= 0)
            return make_error(ErrorCode::InvalidArgument, quote + " can divide by zero; choose ranges that exclude it");
        b = Interval { 1 / b.high, 1 / b.low };
        [[fallthrough]];
    case Expr::Op::Multiply: {
        double products[] = { a.low * b.low, a.low * b.high, a.high * b.low, a.high * b.high };
        return Interval { *std::min_element(std::begin(products), std::end(products)),
            *std::max_element(std::begin(products), std::end(products)) };
    }
    default:
        return make_error(ErrorCode::Internal, "Unknown expression operation");
    }
}

// Validates an expression used where a number is needed and returns its range.
Result<Interval> check_expression(std::string_view source, const Scope& scope, const std::string& path)
{
    auto fail = [&](const Error& error) { return invalid_at(path, "has a bad expression: " + error.message); };
    auto expr = parse_expression(source);
    if (!expr.ok())
        return fail(expr.error());
    auto range = expression_range(expr.value(), expr.value().root, scope, source);
    if (!range.ok())
        return fail(range.error());
    auto r = range.value();
    if (!(std::fabs(r.low) <= k_max_rendered_number && std::fabs(r.high) <= k_max_rendered_number))
        return invalid_at(path, "has a bad expression: " + in_quotes(source) + " can exceed ±10^12");
    return r;
}

// A slot's drawn value while a task is generated.
struct SlotValue {
    bool is_number = false;
    double number = 0;
    std::string text;
    int decimals = -1;
};
using Values = std::map<std::string, SlotValue, std::less<>>;

Result<double> evaluate(const Expr& expr, int index, const Values& values)
{
    auto& node = expr.nodes[static_cast<std::size_t>(index)];
    switch (node.op) {
    case Expr::Op::Number:
        return node.number;
    case Expr::Op::Name: {
        auto it = values.find(node.name);
        if (it == values.end() || !it->second.is_number)
            return make_error(ErrorCode::Internal, "Expression uses an undefined number " + node.name);
        return it->second.number;
    }
    case Expr::Op::Negate:
        return -TRY(evaluate(expr, node.left, values));
    default:
        break;
    }
    double a = TRY(evaluate(expr, node.left, values));
    double b = TRY(evaluate(expr, node.right, values));
    switch (node.op) {
    case Expr::Op::Add:
        return a + b;
    case Expr::Op::Subtract:
        return a - b;
    case Expr::Op::Multiply:
        return a * b;
    case Expr::Op::Divide:
        if (b == 0)
            return make_error(ErrorCode::Internal, "Expression divides by zero");
        return a / b;
    default:
        return make_error(ErrorCode::Internal, "Unknown expression operation");
    }
}

Result<double> evaluate_source(std::string_view source, const Values& values)
{
    auto expr = TRY(parse_expression(source));
    double value = TRY(evaluate(expr, expr.root, values));
    if (!std::isfinite(value) || std::fabs(value) > k_max_rendered_number)
        return make_error(ErrorCode::Internal, "Expression \"" + std::string(source) + "\" is out of range");
    return value;
}

Result<double> evaluate_number_source(const NumberSource& source, const Values& values)
{
    if (auto* constant = std::get_if<double>(&source))
        return *constant;
    return evaluate_source(std::get<std::string>(source), values);
}

// Rounds half away from zero to `decimals` places: one multiplication and
// llround, both exactly specified, so the result is identical everywhere.
double round_to(double value, int decimals)
{
    return static_cast<double>(std::llround(value * k_powers_of_ten[decimals])) / k_powers_of_ten[decimals];
}

// Formats without printf (whose output for doubles is the C library's own):
// the value is scaled to an integer and the decimal point inserted by hand.
// decimals == -1 shows up to six places without trailing zeros.
std::string format_number(double value, int decimals)
{
    int places = decimals < 0 ? 6 : decimals;
    long long scaled = std::llround(value * k_powers_of_ten[places]);
    bool negative = scaled < 0;
    unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(scaled)
                                            : static_cast<unsigned long long>(scaled);
    auto unit = static_cast<unsigned long long>(k_powers_of_ten[places]);
    std::string text = std::to_string(magnitude / unit);
    std::string fraction;
    if (places > 0) {
        fraction = std::to_string(magnitude % unit);
        fraction.insert(0, static_cast<std::size_t>(places) - fraction.size(), '0');
    }
    if (decimals < 0)
        while (!fraction.empty() && fraction.back() == '0')
            fraction.pop_back();
    if (!fraction.empty())
        text += "." + fraction;
    if (negative)
        text.insert(text.begin(), '-');
    return text;
}

// [SECTION] Placeholder text
//
// Text may contain "{name}" (a slot or variant value) or "{expression}"
// (computed and formatted); "{{" and "}}" are literal braces.

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
                return invalid_at(path, "has a { without a matching } (write {{ for a literal brace)");
            auto content = text.substr(i + 1, close - i - 1);
            if (content.find('{') != std::string_view::npos)
                return invalid_at(path, "has a { inside a {placeholder}");
            content = trim(content);
            if (content.empty())
                return invalid_at(path, "has an empty {}");
            if (!literal.empty())
                pieces.push_back({ false, std::move(literal) });
            literal.clear();
            pieces.push_back({ true, std::string(content) });
            i = close + 1;
        } else if (c == '}' && !doubled) {
            return invalid_at(path, "has a } without a matching { (write }} for a literal brace)");
        } else {
            literal += c;
            i += (c == '{' || c == '}') ? 2 : 1;
        }
    }
    if (!literal.empty())
        pieces.push_back({ false, std::move(literal) });
    return pieces;
}

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
            return invalid_at(path, "uses {" + piece.text + "}, which is not a slot or variant value");
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

// [SECTION] Template decoding

constexpr std::size_t k_max_prompt_length = 2000;
constexpr std::size_t k_max_explanation_length = 4000;
constexpr std::size_t k_max_option_length = 500;
constexpr std::size_t k_max_feedback_length = 1000;
constexpr std::size_t k_max_short_answer_length = 200;
constexpr std::size_t k_max_unit_length = 30;

// Validates a text field and its placeholders, returning the trimmed text.
Result<std::string> template_text(const Json& value, const std::string& path, std::size_t max, TextLines lines,
    const Scope& scope)
{
    auto text = TRY(read_text(value, path, max, lines));
    TRY(check_placeholders(text, scope, path));
    return text;
}

Result<std::string> required_template_text(ObjectReader& reader, std::string_view key, std::size_t max,
    TextLines lines, const Scope& scope)
{
    auto* value = TRY(reader.require(key));
    return template_text(*value, reader.path(key), max, lines, scope);
}

Result<std::string> optional_template_text(ObjectReader& reader, std::string_view key, std::size_t max,
    const Scope& scope)
{
    auto* value = reader.find(key);
    if (!value)
        return std::string();
    return template_text(*value, reader.path(key), max, TextLines::Single, scope);
}

// A text answer must still mean something after normalisation (not just "...").
Result<std::string> answer_text(const Json& value, const std::string& path, const Scope& scope)
{
    auto text = TRY(template_text(value, path, k_max_short_answer_length, TextLines::Single, scope));
    if (normalize_answer_text(text).empty())
        return invalid_at(path, "is empty once punctuation and spaces are removed");
    return text;
}

Result<std::vector<std::string>> answer_list(const Json& value, const std::string& path, const Scope& scope)
{
    std::vector<std::string> answers;
    if (value.is_string()) {
        answers.push_back(TRY(answer_text(value, path, scope)));
        return answers;
    }
    auto* list = TRY(read_array(value, path, 1, k_max_accepted_answers));
    for (std::size_t i = 0; i < list->size(); ++i)
        answers.push_back(TRY(answer_text((*list)[i], index_path(path, i), scope)));
    return answers;
}

Result<NumberSource> number_source(const Json& value, const std::string& path, const Scope& scope)
{
    if (value.is_string()) {
        auto source = value.get<std::string>();
        TRY(check_expression(source, scope, path));
        return NumberSource(std::move(source));
    }
    if (!value.is_number())
        return invalid_at(path, "must be a number or an expression string such as \"a*b\"");
    auto number = TRY(read_number(value, path));
    if (std::fabs(number) > k_max_rendered_number)
        return invalid_at(path, "must be within ±10^12");
    return NumberSource(number);
}

Result<void> decode_variants(ObjectReader& root, TaskTemplate& tmpl, Scope& scope)
{
    auto* json = root.find("variants");
    if (!json)
        return {};
    auto* rows = TRY(read_array(*json, "variants", 1, k_max_variants));
    for (std::size_t i = 0; i < rows->size(); ++i) {
        auto path = index_path("variants", i);
        auto& row_json = (*rows)[i];
        if (!row_json.is_object() || row_json.empty() || row_json.size() > k_max_slots)
            return invalid_at(path, "must be a JSON object of 1 to 20 name: value pairs");
        std::map<std::string, VariantValue> row;
        for (auto& [key, value] : row_json.items()) {
            auto value_path = join_path(path, key);
            if (!is_slot_name(key))
                return invalid_at(value_path, "is not a valid name (letters, digits and _, not starting with a digit)");
            if (value.is_string()) {
                row[key] = TRY(read_text(value, value_path, k_max_short_answer_length, TextLines::Single));
            } else if (value.is_number()) {
                double number = TRY(read_number(value, value_path));
                if (std::fabs(number) > static_cast<double>(k_max_slot_number))
                    return invalid_at(value_path, "must be within ±10^9");
                row[key] = number;
            } else {
                return invalid_at(value_path, "must be a string or a number");
            }
        }
        if (i > 0) {
            auto& first = tmpl.variants.front();
            for (auto& [key, value] : row)
                if (!first.contains(key) || first.at(key).index() != value.index())
                    return invalid_at(join_path(path, key), "must appear, with the same type, in every variant");
            if (row.size() != first.size())
                return invalid_at(path, "must have the same names as variants[0]");
        }
        tmpl.variants.push_back(std::move(row));
    }
    for (auto& [key, first_value] : tmpl.variants.front()) {
        NameInfo info;
        info.is_number = std::holds_alternative<double>(first_value);
        if (info.is_number) {
            info.range = { std::get<double>(first_value), std::get<double>(first_value) };
            for (auto& row : tmpl.variants) {
                double number = std::get<double>(row.at(key));
                info.range.low = std::min(info.range.low, number);
                info.range.high = std::max(info.range.high, number);
            }
        }
        scope[key] = info;
    }
    return {};
}

Result<void> decode_slots(ObjectReader& root, TaskTemplate& tmpl, Scope& scope)
{
    auto* json = root.find("slots");
    if (!json)
        return {};
    auto* list = TRY(read_array(*json, "slots", 0, k_max_slots));
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto path = index_path("slots", i);
        auto reader = TRY(ObjectReader::open((*list)[i], path));
        SlotSpec slot;
        auto* name = TRY(reader.require("name"));
        if (!name->is_string() || !is_slot_name(name->get<std::string>()))
            return invalid_at(reader.path("name"),
                "must be a name of letters, digits and _ (not starting with a digit, at most 32 characters)");
        slot.name = name->get<std::string>();
        if (scope.contains(slot.name))
            return invalid_at(reader.path("name"), in_quotes(slot.name) + " is already defined");
        NameInfo info;
        auto* words = reader.find("words");
        auto* expression = reader.find("expr");
        auto* min = reader.find("min");
        int kinds = (words ? 1 : 0) + (expression ? 1 : 0) + (min ? 1 : 0);
        if (kinds != 1)
            return invalid_at(path, "must have exactly one of \"words\", \"min\"/\"max\" or \"expr\"");
        if (words) {
            slot.type = SlotSpec::Type::Words;
            auto words_path = reader.path("words");
            auto* items = TRY(read_array(*words, words_path, 1, k_max_words));
            for (std::size_t w = 0; w < items->size(); ++w)
                slot.words.push_back(TRY(
                    read_text((*items)[w], index_path(words_path, w), k_max_short_answer_length, TextLines::Single)));
        } else if (min) {
            slot.type = SlotSpec::Type::Range;
            slot.min = TRY(read_int(*min, reader.path("min")));
            slot.max = TRY(read_int(*TRY(reader.require("max")), reader.path("max")));
            if (auto* step = reader.find("step"))
                slot.step = TRY(read_int(*step, reader.path("step")));
            if (std::abs(slot.min) > k_max_slot_number || std::abs(slot.max) > k_max_slot_number)
                return invalid_at(path, "min and max must be within ±10^9");
            if (slot.min > slot.max)
                return invalid_at(reader.path("max"), "must not be less than min");
            if (slot.step < 1)
                return invalid_at(reader.path("step"), "must be at least 1");
            std::int64_t last = slot.min + (slot.max - slot.min) / slot.step * slot.step;
            info.is_number = true;
            info.range = { static_cast<double>(slot.min), static_cast<double>(last) };
        } else {
            slot.type = SlotSpec::Type::Computed;
            auto expr_path = reader.path("expr");
            if (!expression->is_string())
                return invalid_at(expr_path, "must be an expression string such as \"a*b\"");
            slot.expression = expression->get<std::string>();
            info.range = TRY(check_expression(slot.expression, scope, expr_path));
            if (auto* decimals = reader.find("decimals")) {
                auto places = TRY(read_int(*decimals, reader.path("decimals")));
                if (places < 0 || places > 6)
                    return invalid_at(reader.path("decimals"), "must be from 0 to 6");
                slot.decimals = static_cast<int>(places);
                // Rounding can move the value by half a unit in the last place.
                double half = 0.5 / k_powers_of_ten[slot.decimals];
                info.range = { info.range.low - half, info.range.high + half };
            }
            info.is_number = true;
            info.decimals = slot.decimals;
        }
        TRY(reader.reject_unknown("a slot"));
        scope[slot.name] = info;
        tmpl.slots.push_back(std::move(slot));
    }
    return {};
}

Result<void> decode_options(ObjectReader& root, TaskTemplate& tmpl, const Scope& scope)
{
    auto* list = TRY(read_array(*TRY(root.require("options")), "options", 2, k_max_options));
    std::set<std::string> seen;
    std::size_t correct = 0;
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto path = index_path("options", i);
        auto reader = TRY(ObjectReader::open((*list)[i], path));
        TemplateOption option;
        option.text = TRY(required_template_text(reader, "text", k_max_option_length, TextLines::Single, scope));
        if (auto* flag = reader.find("correct")) {
            if (!flag->is_boolean())
                return invalid_at(reader.path("correct"), "must be true or false");
            option.correct = flag->get<bool>();
        }
        option.feedback = TRY(optional_template_text(reader, "feedback", k_max_feedback_length, scope));
        TRY(reader.reject_unknown("an option"));
        if (!seen.insert(normalize_answer_text(option.text)).second)
            return invalid_at(path, "repeats the text of an earlier option");
        correct += option.correct ? 1 : 0;
        tmpl.options.push_back(std::move(option));
    }
    if (tmpl.kind == TaskKind::SingleChoice && correct != 1)
        return invalid_at("options",
            "must have exactly one option with \"correct\": true (found " + std::to_string(correct) + ")");
    if (tmpl.kind == TaskKind::MultipleSelect && correct == 0)
        return invalid_at("options", "must have at least one option with \"correct\": true");
    return {};
}

Result<void> decode_mistakes(ObjectReader& root, TaskTemplate& tmpl, const Scope& scope)
{
    auto* json = root.find("mistakes");
    if (!json)
        return {};
    auto* list = TRY(read_array(*json, "mistakes", 0, k_max_accepted_answers));
    for (std::size_t i = 0; i < list->size(); ++i) {
        auto path = index_path("mistakes", i);
        auto reader = TRY(ObjectReader::open((*list)[i], path));
        TemplateMistake mistake;
        auto* answer = TRY(reader.require("answer"));
        if (tmpl.kind == TaskKind::Numeric)
            mistake.value = TRY(number_source(*answer, reader.path("answer"), scope));
        else
            mistake.text = TRY(answer_text(*answer, reader.path("answer"), scope));
        mistake.feedback = TRY(
            required_template_text(reader, "feedback", k_max_feedback_length, TextLines::Single, scope));
        TRY(reader.reject_unknown("a mistake"));
        tmpl.mistakes.push_back(std::move(mistake));
    }
    return {};
}

Result<void> decode_kind_fields(ObjectReader& root, TaskTemplate& tmpl, const Scope& scope)
{
    switch (tmpl.kind) {
    case TaskKind::SingleChoice:
    case TaskKind::MultipleSelect:
        return decode_options(root, tmpl, scope);
    case TaskKind::Numeric: {
        tmpl.answer = TRY(number_source(*TRY(root.require("answer")), "answer", scope));
        if (auto* tolerance = root.find("tolerance")) {
            tmpl.tolerance = TRY(read_number(*tolerance, "tolerance"));
            if (tmpl.tolerance < 0)
                return invalid_at("tolerance", "must not be negative");
        }
        tmpl.unit = TRY(optional_template_text(root, "unit", k_max_unit_length, scope));
        return decode_mistakes(root, tmpl, scope);
    }
    case TaskKind::ShortText:
        tmpl.accepted_answers = TRY(answer_list(*TRY(root.require("answers")), "answers", scope));
        return decode_mistakes(root, tmpl, scope);
    case TaskKind::Cloze: {
        tmpl.cloze_text = TRY(read_text(*TRY(root.require("text")), "text", k_max_prompt_length, TextLines::Multiple));
        auto segments = split_cloze(tmpl.cloze_text);
        for (auto& segment : segments)
            TRY(check_placeholders(segment, scope, "text"));
        auto* gaps = TRY(read_array(*TRY(root.require("gaps")), "gaps", 1, k_max_cloze_gaps));
        if (gaps->size() != segments.size() - 1)
            return invalid_at("gaps",
                "has " + std::to_string(gaps->size()) + " entries but text has " + std::to_string(segments.size() - 1)
                    + " gaps (a gap is ___)");
        for (std::size_t i = 0; i < gaps->size(); ++i)
            tmpl.gap_answers.push_back(TRY(answer_list((*gaps)[i], index_path("gaps", i), scope)));
        return {};
    }
    case TaskKind::Ordering: {
        auto* items = TRY(read_array(*TRY(root.require("items")), "items", 2, k_max_ordering_items));
        std::set<std::string> seen;
        for (std::size_t i = 0; i < items->size(); ++i) {
            auto path = index_path("items", i);
            auto item = TRY(template_text((*items)[i], path, k_max_option_length, TextLines::Single, scope));
            if (!seen.insert(normalize_answer_text(item)).second)
                return invalid_at(path, "repeats an earlier item");
            tmpl.items.push_back(std::move(item));
        }
        return {};
    }
    case TaskKind::QuantitativeComparison: {
        tmpl.quantity_a = TRY(
            required_template_text(root, "quantity_a", k_max_option_length, TextLines::Single, scope));
        tmpl.quantity_b = TRY(
            required_template_text(root, "quantity_b", k_max_option_length, TextLines::Single, scope));
        auto* answer = root.find("answer");
        auto* compare = root.find("compare");
        if (!answer && !compare)
            return invalid_at("answer", "is required (or \"compare\" to compute it)");
        if (answer && compare)
            return invalid_at("compare", "cannot be given together with answer");
        if (answer) {
            if (!answer->is_string())
                return invalid_at("answer", "must be a string");
            auto comparison = parse_comparison(answer->get<std::string>());
            if (!comparison.ok())
                return invalid_at("answer", comparison.error().message);
            tmpl.comparison = comparison.value();
        } else {
            auto reader = TRY(ObjectReader::open(*compare, "compare"));
            for (auto [key, target] : { std::pair { "a", &tmpl.compare_a }, std::pair { "b", &tmpl.compare_b } }) {
                auto* expression = TRY(reader.require(key));
                if (!expression->is_string())
                    return invalid_at(reader.path(key), "must be an expression string such as \"a*b\"");
                *target = expression->get<std::string>();
                TRY(check_expression(*target, scope, reader.path(key)));
            }
            TRY(reader.reject_unknown("compare"));
        }
        if (auto* feedback = root.find("feedback")) {
            auto reader = TRY(ObjectReader::open(*feedback, "feedback"));
            for (auto& [comparison, name] : k_comparison_names) {
                auto text = TRY(optional_template_text(reader, name, k_max_feedback_length, scope));
                if (!text.empty())
                    tmpl.comparison_feedback[comparison] = std::move(text);
            }
            TRY(reader.reject_unknown("feedback (use a_greater, b_greater, equal or cannot_determine)"));
        }
        return {};
    }
    }
    return {};
}

Result<TaskTemplate> decode_template_fields(const Json& json, std::string id)
{
    auto root = TRY(ObjectReader::open(json, ""));
    root.find("id");
    TaskTemplate tmpl;
    tmpl.id = std::move(id);
    auto target = TRY(required_text(root, "target_id", 100, TextLines::Single));
    if (!is_identifier(target))
        return invalid_at("target_id", "must be 1-100 letters, digits, dots, dashes or underscores");
    tmpl.target_id = std::move(target);
    auto* kind = TRY(root.require("kind"));
    if (!kind->is_string())
        return invalid_at("kind", "must be a string");
    tmpl.kind = TRY(parse_task_kind(kind->get<std::string>()));
    auto difficulty = TRY(read_int(*TRY(root.require("difficulty")), "difficulty"));
    if (difficulty < k_min_difficulty || difficulty > k_max_difficulty)
        return invalid_at("difficulty", "must be an integer from 1 to 5");
    tmpl.difficulty = static_cast<int>(difficulty);

    Scope scope;
    TRY(decode_variants(root, tmpl, scope));
    TRY(decode_slots(root, tmpl, scope));
    tmpl.prompt = TRY(required_template_text(root, "prompt", k_max_prompt_length, TextLines::Multiple, scope));
    tmpl.explanation = TRY(
        required_template_text(root, "explanation", k_max_explanation_length, TextLines::Multiple, scope));
    TRY(decode_kind_fields(root, tmpl, scope));
    TRY(root.reject_unknown(std::string(task_kind_name(tmpl.kind)) + " templates"));
    return tmpl;
}

} // namespace

Result<TaskTemplate> decode_task_template(const Json& json)
{
    if (!json.is_object())
        return make_error(ErrorCode::InvalidArgument, "A task template must be a JSON object");
    auto id_json = json.find("id");
    if (id_json == json.end())
        return make_error(ErrorCode::InvalidArgument, "id is required", "id");
    if (!id_json->is_string() || !is_identifier(id_json->get<std::string>()))
        return make_error(ErrorCode::InvalidArgument, "id must be 1-100 letters, digits, dots, dashes or underscores",
            "id");
    auto id = id_json->get<std::string>();
    // Every later message names the template, so one bad file among hundreds is easy to find.
    auto named = [&id](Error error) {
        error.message = "Template " + id + ": " + error.message;
        return error;
    };
    auto decoded = decode_template_fields(json, id);
    if (!decoded.ok())
        return named(decoded.release_error());
    // Static checks cannot see that two options always render alike (say
    // "{a*2}" and "{a+a}"); trying a few seeds catches such templates here.
    // The same dry run catches numeric answers like 10/3 with no tolerance,
    // which no student could type exactly.
    auto& tmpl = decoded.value();
    for (std::uint64_t seed = 0; seed < 4; ++seed) {
        auto task = generate_task(tmpl, seed);
        if (!task.ok())
            return named(make_error(ErrorCode::InvalidArgument, task.error().message, task.error().field));
        double answer = task.value().answer;
        if (tmpl.kind == TaskKind::Numeric
            && std::fabs(round_to(answer, 6) - answer) > tmpl.tolerance + 1e-9 * std::max(1.0, std::fabs(answer)))
            return named(invalid_at("tolerance",
                "must be given: the answer can be " + format_number(answer, -1)
                    + "..., which cannot be typed exactly (a tolerance such as 0.01 accepts rounded answers)"));
    }
    return decoded;
}

// [SECTION] Generation

namespace {

constexpr int k_generation_attempts = 50;

Result<Values> draw_values(const TaskTemplate& tmpl, SeededRandom& rng)
{
    Values values;
    if (!tmpl.variants.empty()) {
        auto& row = tmpl.variants[static_cast<std::size_t>(rng.below(tmpl.variants.size()))];
        for (auto& [key, value] : row) {
            SlotValue slot;
            slot.is_number = std::holds_alternative<double>(value);
            if (slot.is_number)
                slot.number = std::get<double>(value);
            else
                slot.text = std::get<std::string>(value);
            values[key] = std::move(slot);
        }
    }
    for (auto& spec : tmpl.slots) {
        SlotValue slot;
        switch (spec.type) {
        case SlotSpec::Type::Words:
            if (spec.words.empty())
                return make_error(ErrorCode::Internal, "Slot " + spec.name + " has no words");
            slot.text = spec.words[static_cast<std::size_t>(rng.below(spec.words.size()))];
            break;
        case SlotSpec::Type::Range: {
            if (spec.step < 1 || spec.max < spec.min)
                return make_error(ErrorCode::Internal, "Slot " + spec.name + " has an empty range");
            auto count = static_cast<std::uint64_t>((spec.max - spec.min) / spec.step) + 1;
            slot.is_number = true;
            slot.number = static_cast<double>(spec.min + static_cast<std::int64_t>(rng.below(count)) * spec.step);
            break;
        }
        case SlotSpec::Type::Computed:
            if (spec.decimals < -1 || spec.decimals > 6)
                return make_error(ErrorCode::Internal, "Slot " + spec.name + " has decimals outside 0-6");
            slot.is_number = true;
            slot.number = TRY(evaluate_source(spec.expression, values));
            slot.decimals = spec.decimals;
            if (spec.decimals >= 0)
                slot.number = round_to(slot.number, spec.decimals);
            break;
        }
        values[spec.name] = std::move(slot);
    }
    return values;
}

bool all_distinct(const std::vector<std::string>& texts)
{
    std::set<std::string> seen;
    for (auto& text : texts)
        if (!seen.insert(normalize_answer_text(text)).second)
            return false;
    return true;
}

std::vector<std::size_t> identity_order(std::size_t count)
{
    std::vector<std::size_t> order(count);
    for (std::size_t i = 0; i < count; ++i)
        order[i] = i;
    return order;
}

// One draw. Returns an empty optional when the draw made options collide.
Result<std::optional<Task>> generate_attempt(const TaskTemplate& tmpl, std::uint64_t draw_seed)
{
    // Separate streams, so adding a slot does not change the option order.
    SeededRandom slot_rng(mix_seed(draw_seed, 1));
    SeededRandom order_rng(mix_seed(draw_seed, 2));
    auto values = TRY(draw_values(tmpl, slot_rng));

    Task task;
    task.template_id = tmpl.id;
    task.target_id = tmpl.target_id;
    task.kind = tmpl.kind;
    task.difficulty = tmpl.difficulty;
    task.view = TaskView::WithAnswers;
    task.prompt = TRY(render(tmpl.prompt, values));
    task.explanation = TRY(render(tmpl.explanation, values));

    switch (tmpl.kind) {
    case TaskKind::SingleChoice:
    case TaskKind::MultipleSelect: {
        std::vector<TaskOption> rendered;
        std::vector<std::string> texts;
        for (auto& option : tmpl.options) {
            rendered.push_back(
                { TRY(render(option.text, values)), option.correct, TRY(render(option.feedback, values)) });
            texts.push_back(rendered.back().text);
        }
        if (!all_distinct(texts))
            return std::optional<Task>();
        auto order = identity_order(rendered.size());
        order_rng.shuffle(order);
        for (auto index : order)
            task.options.push_back(rendered[index]);
        break;
    }
    case TaskKind::Numeric:
        task.answer = TRY(evaluate_number_source(tmpl.answer, values));
        task.tolerance = tmpl.tolerance;
        task.unit = TRY(render(tmpl.unit, values));
        for (auto& mistake : tmpl.mistakes)
            task.numeric_mistakes.push_back(
                { TRY(evaluate_number_source(mistake.value, values)), TRY(render(mistake.feedback, values)) });
        break;
    case TaskKind::ShortText:
        task.accepted_answers = TRY(render_all(tmpl.accepted_answers, values));
        for (auto& mistake : tmpl.mistakes)
            task.text_mistakes.push_back({ TRY(render(mistake.text, values)), TRY(render(mistake.feedback, values)) });
        break;
    case TaskKind::Cloze:
        task.segments = TRY(render_all(split_cloze(tmpl.cloze_text), values));
        for (auto& answers : tmpl.gap_answers)
            task.gap_answers.push_back(TRY(render_all(answers, values)));
        break;
    case TaskKind::Ordering: {
        auto items = TRY(render_all(tmpl.items, values));
        if (!all_distinct(items))
            return std::optional<Task>();
        // Presenting the items already in order would give the answer away.
        auto order = identity_order(items.size());
        for (int shuffles = 0; shuffles < 8 && order == identity_order(items.size()); ++shuffles)
            order_rng.shuffle(order);
        if (order.size() >= 2 && order == identity_order(items.size()))
            std::rotate(order.begin(), order.begin() + 1, order.end());
        task.correct_order.resize(items.size());
        for (std::size_t position = 0; position < order.size(); ++position) {
            task.items.push_back(items[order[position]]);
            task.correct_order[order[position]] = position;
        }
        break;
    }
    case TaskKind::QuantitativeComparison:
        task.quantity_a = TRY(render(tmpl.quantity_a, values));
        task.quantity_b = TRY(render(tmpl.quantity_b, values));
        task.comparison = tmpl.comparison;
        if (!tmpl.compare_a.empty()) {
            double a = TRY(evaluate_source(tmpl.compare_a, values));
            double b = TRY(evaluate_source(tmpl.compare_b, values));
            // Equal up to rounding noise, so 0.1 + 0.2 compares equal to 0.3.
            double noise = 1e-9 * std::max({ 1.0, std::fabs(a), std::fabs(b) });
            task.comparison = std::fabs(a - b) <= noise ? Comparison::Equal
                : a > b                                 ? Comparison::AGreater
                                                        : Comparison::BGreater;
        }
        for (auto& [comparison, feedback] : tmpl.comparison_feedback)
            task.comparison_feedback[comparison] = TRY(render(feedback, values));
        break;
    }
    return std::optional<Task>(std::move(task));
}

} // namespace

Result<Task> generate_task(const TaskTemplate& tmpl, std::uint64_t seed)
{
    for (int attempt = 0; attempt < k_generation_attempts; ++attempt) {
        auto draw_seed = attempt == 0 ? seed : mix_seed(seed, static_cast<std::uint64_t>(attempt) + 1000);
        auto task = TRY(generate_attempt(tmpl, draw_seed));
        if (task) {
            task->seed = seed;
            TRY(validate_task(*task));
            return std::move(*task);
        }
    }
    return make_error(ErrorCode::FailedPrecondition,
        "options or items render the same text for every draw tried; make them differ for all slot values");
}

// [SECTION] Task wire codec

namespace {

std::string_view view_name(TaskView view) { return view == TaskView::ForStudent ? "for_student" : "with_answers"; }

Error task_error(const std::string& what, std::string field = {})
{
    return make_error(ErrorCode::InvalidArgument, "Task " + what, std::move(field));
}

Result<std::string> string_at(const Json& object, const std::string& key)
{
    auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return task_error(key + " must be a string", key);
    return it->get<std::string>();
}

Result<std::vector<std::string>> strings_at(const Json& value, const std::string& path)
{
    if (!value.is_array())
        return task_error(path + " must be an array of strings", path);
    std::vector<std::string> out;
    for (auto& item : value) {
        if (!item.is_string())
            return task_error(path + " must be an array of strings", path);
        out.push_back(item.get<std::string>());
    }
    return out;
}

Result<const Json*> array_at(const Json& object, const std::string& key)
{
    auto it = object.find(key);
    if (it == object.end() || !it->is_array())
        return task_error(key + " must be an array", key);
    return &*it;
}

Result<double> number_at(const Json& object, const std::string& key)
{
    auto it = object.find(key);
    if (it == object.end() || !it->is_number() || !std::isfinite(it->get<double>()))
        return task_error(key + " must be a finite number", key);
    return it->get<double>();
}

Result<std::uint64_t> parse_seed(const std::string& text)
{
    if (text.empty() || text.size() > 20)
        return task_error("seed must be a decimal string", "seed");
    std::uint64_t value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return task_error("seed must be a decimal string", "seed");
        auto digit = static_cast<std::uint64_t>(c - '0');
        if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10)
            return task_error("seed is out of range", "seed");
        value = value * 10 + digit;
    }
    return value;
}

} // namespace

Json to_json(const Task& task, TaskView view)
{
    // A task that itself lacks answers cannot be shown with them.
    bool answers = view == TaskView::WithAnswers && task.view == TaskView::WithAnswers;
    Json json = {
        { "template_id", task.template_id },
        { "target_id", task.target_id },
        { "kind", task_kind_name(task.kind) },
        { "difficulty", task.difficulty },
        // A string: JavaScript numbers cannot hold every 64-bit seed.
        { "seed", std::to_string(task.seed) },
        { "view", view_name(answers ? TaskView::WithAnswers : TaskView::ForStudent) },
        { "prompt", task.prompt },
    };
    if (answers)
        json["explanation"] = task.explanation;
    switch (task.kind) {
    case TaskKind::SingleChoice:
    case TaskKind::MultipleSelect: {
        Json options = Json::array();
        for (auto& option : task.options) {
            Json item = { { "text", option.text } };
            if (answers) {
                item["correct"] = option.correct;
                if (!option.feedback.empty())
                    item["feedback"] = option.feedback;
            }
            options.push_back(std::move(item));
        }
        json["options"] = std::move(options);
        break;
    }
    case TaskKind::Numeric:
        json["unit"] = task.unit;
        if (answers) {
            json["answer"] = task.answer;
            json["tolerance"] = task.tolerance;
            Json mistakes = Json::array();
            for (auto& mistake : task.numeric_mistakes)
                mistakes.push_back({ { "value", mistake.value }, { "feedback", mistake.feedback } });
            json["mistakes"] = std::move(mistakes);
        }
        break;
    case TaskKind::ShortText:
        if (answers) {
            json["answers"] = task.accepted_answers;
            Json mistakes = Json::array();
            for (auto& mistake : task.text_mistakes)
                mistakes.push_back({ { "text", mistake.text }, { "feedback", mistake.feedback } });
            json["mistakes"] = std::move(mistakes);
        }
        break;
    case TaskKind::Cloze:
        json["segments"] = task.segments;
        if (answers)
            json["gaps"] = task.gap_answers;
        break;
    case TaskKind::Ordering:
        json["items"] = task.items;
        if (answers)
            json["correct_order"] = task.correct_order;
        break;
    case TaskKind::QuantitativeComparison:
        json["quantity_a"] = task.quantity_a;
        json["quantity_b"] = task.quantity_b;
        if (answers) {
            json["answer"] = comparison_name(task.comparison);
            Json feedback = Json::object();
            for (auto& [comparison, text] : task.comparison_feedback)
                feedback[std::string(comparison_name(comparison))] = text;
            json["feedback"] = std::move(feedback);
        }
        break;
    }
    return json;
}

Result<Task> decode_task(const Json& json)
{
    // Unknown fields are ignored here (unlike templates): a client cached by
    // the service worker must keep working when the server adds a field.
    if (!json.is_object())
        return task_error("must be a JSON object");
    Task task;
    task.template_id = TRY(string_at(json, "template_id"));
    task.target_id = TRY(string_at(json, "target_id"));
    auto kind = parse_task_kind(TRY(string_at(json, "kind")));
    if (!kind.ok())
        return task_error("kind is not a known task kind", "kind");
    task.kind = kind.value();
    auto difficulty = json.find("difficulty");
    if (difficulty == json.end() || !difficulty->is_number_integer())
        return task_error("difficulty must be an integer", "difficulty");
    task.difficulty = static_cast<int>(std::clamp<std::int64_t>(difficulty->get<std::int64_t>(), -1, 99));
    task.seed = TRY(parse_seed(TRY(string_at(json, "seed"))));
    auto view = TRY(string_at(json, "view"));
    if (view != "for_student" && view != "with_answers")
        return task_error("view must be for_student or with_answers", "view");
    task.view = view == "with_answers" ? TaskView::WithAnswers : TaskView::ForStudent;
    bool answers = task.view == TaskView::WithAnswers;
    task.prompt = TRY(string_at(json, "prompt"));
    if (answers)
        task.explanation = TRY(string_at(json, "explanation"));

    switch (task.kind) {
    case TaskKind::SingleChoice:
    case TaskKind::MultipleSelect:
        for (auto& item : *TRY(array_at(json, "options"))) {
            if (!item.is_object())
                return task_error("options must be objects", "options");
            TaskOption option;
            option.text = TRY(string_at(item, "text"));
            if (answers) {
                auto correct = item.find("correct");
                if (correct == item.end() || !correct->is_boolean())
                    return task_error("options[].correct must be true or false", "options");
                option.correct = correct->get<bool>();
                if (item.contains("feedback"))
                    option.feedback = TRY(string_at(item, "feedback"));
            }
            task.options.push_back(std::move(option));
        }
        break;
    case TaskKind::Numeric:
        task.unit = TRY(string_at(json, "unit"));
        if (answers) {
            task.answer = TRY(number_at(json, "answer"));
            task.tolerance = TRY(number_at(json, "tolerance"));
            for (auto& item : *TRY(array_at(json, "mistakes"))) {
                if (!item.is_object())
                    return task_error("mistakes must be objects", "mistakes");
                task.numeric_mistakes.push_back({ TRY(number_at(item, "value")), TRY(string_at(item, "feedback")) });
            }
        }
        break;
    case TaskKind::ShortText:
        if (answers) {
            task.accepted_answers = TRY(strings_at(*TRY(array_at(json, "answers")), "answers"));
            for (auto& item : *TRY(array_at(json, "mistakes"))) {
                if (!item.is_object())
                    return task_error("mistakes must be objects", "mistakes");
                task.text_mistakes.push_back({ TRY(string_at(item, "text")), TRY(string_at(item, "feedback")) });
            }
        }
        break;
    case TaskKind::Cloze:
        task.segments = TRY(strings_at(*TRY(array_at(json, "segments")), "segments"));
        if (answers)
            for (auto& gap : *TRY(array_at(json, "gaps")))
                task.gap_answers.push_back(TRY(strings_at(gap, "gaps[]")));
        break;
    case TaskKind::Ordering:
        task.items = TRY(strings_at(*TRY(array_at(json, "items")), "items"));
        if (answers)
            for (auto& index : *TRY(array_at(json, "correct_order"))) {
                if (!index.is_number_integer() || index.get<std::int64_t>() < 0
                    || index.get<std::uint64_t>() >= task.items.size())
                    return task_error("correct_order must hold item indices", "correct_order");
                task.correct_order.push_back(static_cast<std::size_t>(index.get<std::uint64_t>()));
            }
        break;
    case TaskKind::QuantitativeComparison:
        task.quantity_a = TRY(string_at(json, "quantity_a"));
        task.quantity_b = TRY(string_at(json, "quantity_b"));
        if (answers) {
            auto comparison = parse_comparison(TRY(string_at(json, "answer")));
            if (!comparison.ok())
                return task_error("answer " + comparison.error().message, "answer");
            task.comparison = comparison.value();
            auto feedback = json.find("feedback");
            if (feedback != json.end()) {
                if (!feedback->is_object())
                    return task_error("feedback must be an object", "feedback");
                for (auto& [name, text] : feedback->items()) {
                    auto key = parse_comparison(name);
                    if (!key.ok() || !text.is_string())
                        return task_error("feedback must map a_greater, b_greater, equal or cannot_determine to text",
                            "feedback");
                    task.comparison_feedback[key.value()] = text.get<std::string>();
                }
            }
        }
        break;
    }
    TRY(validate_task(task));
    return task;
}

Result<void> validate_task(const Task& task)
{
    if (task.template_id.empty() || task.target_id.empty())
        return task_error("needs a template_id and a target_id");
    if (task.difficulty < k_min_difficulty || task.difficulty > k_max_difficulty)
        return task_error("difficulty must be from 1 to 5", "difficulty");
    bool answers = task.view == TaskView::WithAnswers;
    switch (task.kind) {
    case TaskKind::SingleChoice:
    case TaskKind::MultipleSelect: {
        if (task.options.size() < 2 || task.options.size() > k_max_options)
            return task_error("must have 2 to 10 options", "options");
        auto correct = std::count_if(task.options.begin(), task.options.end(), [](auto& o) { return o.correct; });
        if (answers && task.kind == TaskKind::SingleChoice && correct != 1)
            return task_error("must have exactly one correct option", "options");
        if (answers && task.kind == TaskKind::MultipleSelect && correct < 1)
            return task_error("must have at least one correct option", "options");
        break;
    }
    case TaskKind::Numeric:
        if (answers && (!std::isfinite(task.answer) || !std::isfinite(task.tolerance) || task.tolerance < 0))
            return task_error("needs a finite answer and a non-negative tolerance", "answer");
        for (auto& mistake : task.numeric_mistakes)
            if (!std::isfinite(mistake.value))
                return task_error("mistakes must be finite numbers", "mistakes");
        break;
    case TaskKind::ShortText:
        if (answers && task.accepted_answers.empty())
            return task_error("needs at least one accepted answer", "answers");
        break;
    case TaskKind::Cloze:
        if (task.segments.size() < 2 || task.segments.size() > k_max_cloze_gaps + 1)
            return task_error("must have 1 to 20 gaps", "segments");
        if (answers && task.gap_answers.size() != task.segments.size() - 1)
            return task_error("needs accepted answers for each gap", "gaps");
        for (auto& answers_for_gap : task.gap_answers)
            if (answers_for_gap.empty())
                return task_error("needs accepted answers for each gap", "gaps");
        break;
    case TaskKind::Ordering: {
        if (task.items.size() < 2 || task.items.size() > k_max_ordering_items)
            return task_error("must have 2 to 10 items", "items");
        if (!answers)
            break;
        // A permutation: every index below the item count exactly once
        // (checked without allocating: grading calls this for every answer).
        static_assert(k_max_ordering_items <= 32, "the seen-mask below has 32 bits");
        std::uint32_t seen = 0;
        bool permutation = task.correct_order.size() == task.items.size();
        for (std::size_t index : task.correct_order) {
            permutation = permutation && index < task.items.size() && !(seen >> index & 1u);
            if (permutation)
                seen |= 1u << index;
        }
        if (!permutation)
            return task_error("correct_order must be a permutation of the item indices", "correct_order");
        break;
    }
    case TaskKind::QuantitativeComparison:
        break;
    }
    return {};
}

} // namespace learnloop
