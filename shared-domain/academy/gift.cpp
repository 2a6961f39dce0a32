// GIFT reading and writing (see gift.hpp).
#include "academy/gift.hpp"

#include "core/numbers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

namespace learnloop {

namespace {

// [SECTION] text -------------------------------------------------------------

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
        s.remove_suffix(1);
    return s;
}

bool escaped_at(std::string_view s, std::size_t i)
{
    std::size_t slashes = 0;
    while (i > slashes && s[i - slashes - 1] == '\\')
        ++slashes;
    return slashes % 2 == 1;
}

std::size_t find_unescaped(std::string_view s, std::string_view what, std::size_t from = 0)
{
    for (auto at = s.find(what, from); at != std::string_view::npos; at = s.find(what, at + 1))
        if (!escaped_at(s, at))
            return at;
    return std::string_view::npos;
}

constexpr std::string_view k_special = "~=#{}:\\";

std::string unescape(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            if (s[i + 1] == 'n') {
                out += '\n';
                ++i;
                continue;
            }
            if (k_special.find(s[i + 1]) != std::string_view::npos) {
                out += s[i + 1];
                ++i;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

std::string escape(std::string_view s)
{
    std::string out;
    for (char c : s) {
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (k_special.find(c) != std::string_view::npos)
            out += '\\';
        out += c;
    }
    return out;
}

// A whole finite number ("12.5", "-3", "1e3"), nothing else.
bool read_number(std::string_view text, double& out)
{
    const std::string s(trim(text));
    if (s.empty())
        return false;
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() && std::isfinite(out);
}

// [SECTION] answers ----------------------------------------------------------

struct RawAnswer {
    char sign = '=';                  // '=' right, '~' wrong or weighted
    std::optional<double> weight;
    std::string text;
    std::string feedback;
};

// "%50%text#feedback" after its '=' or '~'.
bool read_answer(char sign, std::string_view body, RawAnswer& out, std::string& problem)
{
    out.sign = sign;
    body = trim(body);
    if (!body.empty() && body.front() == '%') {
        auto close = body.find('%', 1);
        double weight = 0;
        if (close == std::string_view::npos || !read_number(body.substr(1, close - 1), weight) || weight < -100
            || weight > 100) {
            problem = "a weight is written %50% (from -100 to 100)";
            return false;
        }
        out.weight = weight;
        body = trim(body.substr(close + 1));
    }
    auto hash = find_unescaped(body, "#");
    out.text = unescape(trim(body.substr(0, hash)));
    if (hash != std::string_view::npos)
        out.feedback = unescape(trim(body.substr(hash + 1)));
    if (out.text.empty()) {
        problem = "an answer is empty";
        return false;
    }
    return true;
}

// Splits "=a ~b ~%50%c" at each unescaped '=' or '~'.
bool split_answers(std::string_view part, std::vector<RawAnswer>& out, std::string& problem)
{
    std::size_t start = std::string_view::npos;
    char sign = 0;
    auto flush = [&](std::size_t end) {
        if (start == std::string_view::npos)
            return true;
        RawAnswer answer;
        if (!read_answer(sign, part.substr(start, end - start), answer, problem))
            return false;
        out.push_back(std::move(answer));
        return true;
    };
    for (std::size_t i = 0; i < part.size(); ++i) {
        const char c = part[i];
        if ((c == '=' || c == '~') && !escaped_at(part, i)) {
            if (!flush(i))
                return false;
            sign = c;
            start = i + 1;
        } else if (start == std::string_view::npos && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            problem = "each answer starts with = (right) or ~ (wrong)";
            return false;
        }
    }
    return flush(part.size());
}

// "12.5:0.01", "1..2" or "12.5".
bool read_numeric_spec(std::string_view spec, NumericAnswer& out)
{
    spec = trim(spec);
    if (auto range = spec.find(".."); range != std::string_view::npos) {
        double low = 0, high = 0;
        if (!read_number(spec.substr(0, range), low) || !read_number(spec.substr(range + 2), high) || high < low)
            return false;
        out.value = (low + high) / 2;
        out.tolerance = (high - low) / 2;
        return true;
    }
    auto colon = spec.find(':');
    if (!read_number(spec.substr(0, colon), out.value))
        return false;
    out.tolerance = 0;
    return colon == std::string_view::npos || (read_number(spec.substr(colon + 1), out.tolerance) && out.tolerance >= 0);
}

bool read_numeric(std::string_view part, std::vector<NumericAnswer>& out, std::string& problem)
{
    const auto bad = "a number answer is written {#12.5:0.01}, {#1..2} or {#=%100%12.5:0.01 =%50%12:1}";
    part = trim(part);
    if (find_unescaped(part, "=") == std::string_view::npos) {
        NumericAnswer answer;
        auto hash = find_unescaped(part, "#");
        if (!read_numeric_spec(part.substr(0, hash), answer)) {
            problem = bad;
            return false;
        }
        out.push_back(answer);
        return true;
    }
    std::vector<RawAnswer> raw;
    if (!split_answers(part, raw, problem))
        return false;
    for (const auto& r : raw) {
        NumericAnswer answer;
        if (r.sign != '=' || !read_numeric_spec(r.text, answer)) {
            problem = bad;
            return false;
        }
        answer.weight = r.weight.value_or(100);
        out.push_back(answer);
    }
    return true;
}

// [SECTION] metadata ---------------------------------------------------------

// "[id:q-1] [tag:qc] [tag:difficulty-3]" and "hint 2: ..." from comment lines.
struct Metadata {
    std::string id;
    std::vector<std::string> tags;
    std::map<int, std::string> hints;
    std::string problem;
};

void read_comment(std::string_view comment, Metadata& meta)
{
    comment = trim(comment);
    if (comment.substr(0, 5) == "hint ") {
        auto colon = comment.find(':');
        int number = 0;
        if (colon != std::string_view::npos) {
            const std::string n(trim(comment.substr(5, colon - 5)));
            number = std::atoi(n.c_str());
        }
        if (number < 1 || number > 9 || meta.hints.count(number))
            meta.problem = "hints are written \"hint 1: ...\", \"hint 2: ...\", each once";
        else
            meta.hints[number] = std::string(trim(comment.substr(colon + 1)));
        return;
    }
    for (std::size_t at = comment.find('['); at != std::string_view::npos; at = comment.find('[', at + 1)) {
        auto close = comment.find(']', at);
        if (close == std::string_view::npos)
            break;
        auto inside = comment.substr(at + 1, close - at - 1);
        if (inside.substr(0, 3) == "id:")
            meta.id = std::string(trim(inside.substr(3)));
        else if (inside.substr(0, 4) == "tag:")
            meta.tags.emplace_back(trim(inside.substr(4)));
    }
}

// [SECTION] one question -----------------------------------------------------

// `source`: the question's lines (no comments) joined by new lines.
std::string read_question(std::string_view source, BankQuestion& q)
{
    source = trim(source);
    if (source.substr(0, 2) == "::") {
        auto close = find_unescaped(source, "::", 2);
        if (close == std::string_view::npos)
            return "the title is not closed with ::";
        q.title = unescape(trim(source.substr(2, close - 2)));
        source = source.substr(close + 2);
    }
    const auto open = find_unescaped(source, "{");
    if (open == std::string_view::npos)
        return "no answers: a question needs {...}";
    const auto close = find_unescaped(source, "}", open + 1);
    if (close == std::string_view::npos)
        return "the answers' { is not closed with }";
    if (find_unescaped(source.substr(open + 1, close - open - 1), "{") != std::string_view::npos)
        return "a { inside the answers must be written \\{";
    auto after = trim(source.substr(close + 1));
    q.text = unescape(trim(source.substr(0, open)));
    if (!after.empty())
        q.text += (q.text.empty() ? "" : " ") + std::string("_____ ") + unescape(after);
    if (q.text.empty())
        return "the question has no text";

    auto part = source.substr(open + 1, close - open - 1);
    if (auto general = find_unescaped(part, "####"); general != std::string_view::npos) {
        q.explanation = unescape(trim(part.substr(general + 4)));
        part = part.substr(0, general);
    }
    part = trim(part);
    std::string problem;
    if (!part.empty() && part.front() == '#') {
        q.kind = BankQuestionKind::Numeric;
        return read_numeric(part.substr(1), q.numeric, problem) ? std::string() : problem;
    }
    {
        auto word = part.substr(0, find_unescaped(part, "#"));
        std::string upper;
        for (char c : trim(word))
            upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (upper == "T" || upper == "TRUE" || upper == "F" || upper == "FALSE") {
            q.kind = BankQuestionKind::TrueFalse;
            q.truth = upper[0] == 'T';
            return {};
        }
    }
    std::vector<RawAnswer> raw;
    if (!split_answers(part, raw, problem))
        return problem;
    if (raw.empty())
        return "no answers: a question needs {...}";
    // As Moodle reads GIFT: with no answer marked =, weighted ~ answers are
    // a multiple select; with one =, a single choice (a ~ answer may then
    // carry partial credit); with = answers only, a short answer.
    const bool any_wrong = std::any_of(raw.begin(), raw.end(), [](const RawAnswer& a) { return a.sign == '~'; });
    const bool any_right = std::any_of(raw.begin(), raw.end(), [](const RawAnswer& a) { return a.sign == '='; });
    const bool weighted = !any_right && std::any_of(raw.begin(), raw.end(),
        [](const RawAnswer& a) { return a.weight && *a.weight > 0; });
    for (const auto& r : raw) {
        const double weight = r.weight.value_or(r.sign == '=' ? 100.0 : 0.0);
        q.choices.push_back({ r.text, weight, r.feedback });
    }
    if (weighted) {
        q.kind = BankQuestionKind::MultipleSelect;
        return settle_choice_question(q);
    }
    if (!any_wrong) {
        q.kind = BankQuestionKind::ShortText;
        return {};
    }
    const auto right = std::count_if(raw.begin(), raw.end(), [](const RawAnswer& a) { return a.sign == '='; });
    if (right != 1)
        return right == 0 ? "no right answer: mark one with =" : "a single choice has one right answer (= marks " +
                std::to_string(right) + ")";
    q.kind = BankQuestionKind::SingleChoice;
    return settle_choice_question(q);
}

} // namespace

// [SECTION] questions --------------------------------------------------------

std::string_view bank_question_kind_name(BankQuestionKind kind)
{
    switch (kind) {
    case BankQuestionKind::SingleChoice: return "single_choice";
    case BankQuestionKind::MultipleSelect: return "multiple_select";
    case BankQuestionKind::Numeric: return "numeric";
    case BankQuestionKind::ShortText: return "short_text";
    case BankQuestionKind::TrueFalse: return "true_false";
    case BankQuestionKind::QuantComparison: return "quant_comparison";
    }
    return "single_choice";
}

bool parse_bank_question_kind(std::string_view name, BankQuestionKind& kind)
{
    for (auto k : { BankQuestionKind::SingleChoice, BankQuestionKind::MultipleSelect, BankQuestionKind::Numeric,
             BankQuestionKind::ShortText, BankQuestionKind::TrueFalse, BankQuestionKind::QuantComparison })
        if (bank_question_kind_name(k) == name) {
            kind = k;
            return true;
        }
    return false;
}

std::string_view bank_question_kind_for_people(BankQuestionKind kind)
{
    switch (kind) {
    case BankQuestionKind::SingleChoice: return "Single choice";
    case BankQuestionKind::MultipleSelect: return "Multiple select";
    case BankQuestionKind::Numeric: return "Numeric entry";
    case BankQuestionKind::ShortText: return "Short answer";
    case BankQuestionKind::TrueFalse: return "True or false";
    case BankQuestionKind::QuantComparison: return "Quantitative comparison";
    }
    return "Single choice";
}

const std::vector<std::string>& quant_comparison_answers()
{
    static const std::vector<std::string> answers { "Quantity A is greater.", "Quantity B is greater.",
        "The two quantities are equal.", "The relationship cannot be determined from the information given." };
    return answers;
}

std::string settle_choice_question(BankQuestion& q)
{
    if (q.kind == BankQuestionKind::MultipleSelect) {
        double right = 0;
        int positive = 0;
        for (const auto& c : q.choices)
            if (c.weight > 0) {
                right += c.weight;
                ++positive;
            }
        if (positive < 1 || std::abs(right - 100) > 0.01)
            return "the right answers of a multiple select weigh 100% together (" + number_text(right, 7) + "% here)";
    }
    if (q.kind == BankQuestionKind::SingleChoice && question_has_tag(q, "qc")) {
        const auto& fixed = quant_comparison_answers();
        if (q.choices.size() != fixed.size()
            || !std::equal(fixed.begin(), fixed.end(), q.choices.begin(),
                [](const std::string& f, const BankChoice& c) { return f == c.text; }))
            return "a quantitative comparison has the four fixed answers, in order";
        q.kind = BankQuestionKind::QuantComparison;
    }
    return {};
}

bool question_has_tag(const BankQuestion& question, std::string_view tag)
{
    return std::find(question.tags.begin(), question.tags.end(), tag) != question.tags.end();
}

std::string question_skill(const BankQuestion& question)
{
    for (const auto& tag : question.tags)
        if (tag.size() > 6 && tag.rfind("skill-", 0) == 0)
            return tag.substr(6);
    return {};
}

int question_difficulty(const BankQuestion& question)
{
    for (const auto& tag : question.tags)
        if (tag.size() == 12 && tag.rfind("difficulty-", 0) == 0 && tag[11] >= '1' && tag[11] <= '5')
            return tag[11] - '0';
    return 0;
}

// [SECTION] reading ----------------------------------------------------------

GiftParse parse_gift(std::string_view text)
{
    GiftParse out;
    std::string category;
    std::set<std::string> ids;
    // The file's lines; a block is the run of non-blank lines between blank ones.
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= text.size();) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    std::size_t i = 0;
    if (!lines.empty() && lines[0].substr(0, 3) == "\xEF\xBB\xBF")
        lines[0].remove_prefix(3);   // a byte order mark
    while (i < lines.size()) {
        if (trim(lines[i]).empty()) {
            ++i;
            continue;
        }
        Metadata meta;
        std::string source;
        int first_line = 0;
        for (; i < lines.size() && !trim(lines[i]).empty(); ++i) {
            auto line = trim(lines[i]);
            if (line.substr(0, 2) == "//") {
                read_comment(line.substr(2), meta);
            } else if (source.empty() && line.substr(0, 10) == "$CATEGORY:") {
                category = std::string(trim(line.substr(10)));
            } else {
                if (source.empty())
                    first_line = static_cast<int>(i) + 1;
                else
                    source += '\n';
                source += line;
            }
        }
        if (source.empty())
            continue;   // comments or a category alone
        BankQuestion q;
        q.line = first_line;
        q.category = category;
        q.tags = meta.tags;
        for (const auto& [number, hint] : meta.hints)
            q.hints.push_back(hint);
        auto problem = meta.problem;
        if (problem.empty() && !meta.hints.empty() && meta.hints.rbegin()->first != static_cast<int>(meta.hints.size()))
            problem = "hints are numbered 1, 2, 3 ... without gaps";
        if (problem.empty())
            problem = read_question(source, q);
        q.id = meta.id.empty() ? q.title : meta.id;
        if (problem.empty() && q.id.empty())
            problem = "a question needs a title (::name::) or an [id:...] comment";
        if (problem.empty() && !ids.insert(q.id).second)
            problem = "the id " + q.id + " is used twice";
        if (!problem.empty()) {
            out.problems.push_back({ first_line, std::move(problem) });
            continue;
        }
        out.questions.push_back(std::move(q));
    }
    return out;
}

std::string problems_for_people(const std::vector<GiftProblem>& problems, std::size_t most)
{
    std::string text;
    for (std::size_t i = 0; i < problems.size() && i < most; ++i)
        text += (i ? "; " : "") + std::string("line ") + std::to_string(problems[i].line) + ": " + problems[i].message;
    if (problems.size() > most)
        text += "; and " + std::to_string(problems.size() - most) + " more";
    return text;
}

// [SECTION] writing ----------------------------------------------------------

const std::vector<double>& moodle_fractions()
{
    static const std::vector<double> fractions { 100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25,
        20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5 };
    return fractions;
}

double snap_to_moodle_fraction(double weight)
{
    if (weight == 0)
        return 0;
    const double size = std::abs(weight);
    double best = moodle_fractions().front();
    for (double f : moodle_fractions())
        if (std::abs(f - size) < std::abs(best - size))
            best = f;
    return weight < 0 ? -best : best;
}

std::string write_gift(const std::vector<BankQuestion>& questions)
{
    std::string out;
    std::string category;
    bool first = true;
    for (const auto& q : questions) {
        if (first || q.category != category) {
            category = q.category;
            if (!category.empty())
                out += (first ? "" : "\n") + std::string("$CATEGORY: ") + category + "\n\n";
        }
        first = false;
        std::string comment = "// [id:" + q.id + "]";
        for (const auto& tag : q.tags)
            comment += " [tag:" + tag + "]";
        out += comment + "\n";
        for (std::size_t h = 0; h < q.hints.size(); ++h)
            out += "// hint " + std::to_string(h + 1) + ": " + q.hints[h] + "\n";
        if (!q.title.empty())
            out += "::" + escape(q.title) + "::";
        out += escape(q.text) + "{";
        auto weight_text = [](double w) { return "%" + number_text(snap_to_moodle_fraction(w), 7) + "%"; };
        switch (q.kind) {
        case BankQuestionKind::Numeric:
            if (q.numeric.size() == 1 && q.numeric[0].weight == 100) {
                out += "#" + number_text(q.numeric[0].value) + ":" + number_text(q.numeric[0].tolerance);
            } else {
                out += "#";
                for (const auto& n : q.numeric)
                    out += "\n=" + weight_text(n.weight) + number_text(n.value) + ":" + number_text(n.tolerance);
            }
            break;
        case BankQuestionKind::TrueFalse:
            out += q.truth ? "T" : "F";
            break;
        default:
            for (const auto& c : q.choices) {
                const bool right = q.kind != BankQuestionKind::MultipleSelect && c.weight == 100;
                out += "\n";
                if (right)
                    out += "=";
                else if (q.kind == BankQuestionKind::ShortText)
                    out += "=" + weight_text(c.weight);
                else
                    out += "~" + (c.weight != 0 ? weight_text(c.weight) : std::string());
                out += escape(c.text);
                if (!c.feedback.empty())
                    out += "#" + escape(c.feedback);
            }
            break;
        }
        if (!q.explanation.empty())
            out += "\n####" + escape(q.explanation);
        out += "\n}\n\n";
    }
    return out;
}

} // namespace learnloop
