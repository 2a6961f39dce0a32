// The expression language of task templates: parsing, range checks by
// interval arithmetic, evaluation, and platform-independent number formatting.
#include "practice/template_text.hpp"

#include "core/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

// [SECTION] Names and quoting
// [SECTION] Expressions

namespace learnloop::detail {

// [SECTION] Names and quoting

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

namespace {

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

} // namespace

bool is_slot_name(std::string_view text)
{
    return !text.empty() && text.size() <= 32 && is_name_start(text.front())
        && std::all_of(text.begin(), text.end(), is_name_char);
}

// [SECTION] Expressions (the language is described in template_text.hpp)

namespace {

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

} // namespace

Result<Interval> check_expression(std::string_view source, const Scope& scope, const std::string& path)
{
    auto fail = [&](const Error& error) { return json_error_at(path, "has a bad expression: " + error.message); };
    auto expr = parse_expression(source);
    if (!expr.ok())
        return fail(expr.error());
    auto range = expression_range(expr.value(), expr.value().root, scope, source);
    if (!range.ok())
        return fail(range.error());
    auto r = range.value();
    if (!(std::fabs(r.low) <= k_max_rendered_number && std::fabs(r.high) <= k_max_rendered_number))
        return json_error_at(path, "has a bad expression: " + in_quotes(source) + " can exceed ±10^12");
    return r;
}

namespace {

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

} // namespace

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

} // namespace learnloop::detail
