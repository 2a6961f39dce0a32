// Moodle XML read and written with pugixml (moodle_xml.hpp).
#include "academy/moodle_xml.hpp"

#include "core/numbers.hpp"
#include "core/validation.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <sstream>
#include <string_view>
#include <utility>

namespace learnloop::server {

namespace {

// [SECTION] reading ----------------------------------------------------------

// The line of byte offsets met in order, counted on from the last one asked
// (a whole file once, not once a question).
class LineCounter {
public:
    explicit LineCounter(std::string_view text) : m_text(text) { }
    int line_at(std::ptrdiff_t offset)
    {
        if (offset < 0)
            return 0;
        const auto end = std::min(m_text.size(), static_cast<std::size_t>(offset));
        if (end < m_at) {   // earlier than the last: count again from the start
            m_at = 0;
            m_line = 1;
        }
        m_line += static_cast<int>(std::count(m_text.begin() + static_cast<std::ptrdiff_t>(m_at),
            m_text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
        m_at = end;
        return m_line;
    }

private:
    std::string_view m_text;
    std::size_t m_at = 0;
    int m_line = 1;
};

// "&amp;" -> "&", "&#233;" -> "é"; an unknown entity stays as written.
std::string decode_entities(std::string_view text)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto semicolon = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
        if (semicolon == std::string_view::npos || semicolon - i > 10) {
            out += text[i];
            continue;
        }
        const auto name = text.substr(i + 1, semicolon - i - 1);
        // The named entities Moodle's editor writes most.
        static constexpr std::pair<std::string_view, char32_t> k_named[] = { { "amp", '&' }, { "lt", '<' },
            { "gt", '>' }, { "quot", '"' }, { "apos", '\'' }, { "nbsp", 0xA0 }, { "rsquo", 0x2019 },
            { "lsquo", 0x2018 }, { "rdquo", 0x201D }, { "ldquo", 0x201C }, { "ndash", 0x2013 },
            { "mdash", 0x2014 }, { "hellip", 0x2026 }, { "times", 0xD7 }, { "divide", 0xF7 }, { "minus", 0x2212 },
            { "le", 0x2264 }, { "ge", 0x2265 }, { "ne", 0x2260 }, { "deg", 0xB0 }, { "pi", 0x3C0 },
            { "sup2", 0xB2 }, { "sup3", 0xB3 }, { "frac12", 0xBD }, { "eacute", 0xE9 }, { "egrave", 0xE8 },
            { "aacute", 0xE1 }, { "iacute", 0xED }, { "oacute", 0xF3 }, { "uacute", 0xFA }, { "ntilde", 0xF1 },
            { "uuml", 0xFC }, { "ouml", 0xF6 }, { "auml", 0xE4 }, { "ccedil", 0xE7 } };
        char32_t code = 0;
        for (const auto& [entity, value] : k_named)
            if (name == entity)
                code = value;
        if (code == 0 && name.size() > 1 && name[0] == '#') {
            const bool hex = name[1] == 'x' || name[1] == 'X';
            const std::string digits(name.substr(hex ? 2 : 1));
            char* end = nullptr;
            const auto value = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
            if (!digits.empty() && *end == 0 && value > 0 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF))
                code = static_cast<char32_t>(value);
        }
        if (code == 0) {
            out += text[i];
            continue;
        }
        append_utf8(out, code);
        i = semicolon;
    }
    return out;
}

// The text of an element's <text> child; HTML (format="html", the default
// of Moodle's editor) as plain text: <br> and block ends as new lines,
// other tags dropped, entities decoded, blank lines and edges trimmed.
std::string text_of(const pugi::xml_node& node)
{
    // The <text>'s content as written: its text and CDATA, and any HTML left
    // unescaped in it (parsed as elements) printed back as markup.
    std::ostringstream content;
    for (auto part : node.child("text").children()) {
        if (part.type() == pugi::node_pcdata || part.type() == pugi::node_cdata)
            content << part.value();
        else
            part.print(content, "", pugi::format_raw);
    }
    const std::string raw = content.str();
    const std::string format = node.attribute("format").as_string("html");
    if (format != "html" && format != "moodle_auto_format")
        return std::string(trim(raw));
    std::string plain;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '<') {
            plain += raw[i] == '\n' || raw[i] == '\r' ? ' ' : raw[i];
            continue;
        }
        const auto close = raw.find('>', i);
        if (close == std::string::npos) {
            plain += raw.substr(i);
            break;
        }
        std::string tag = raw.substr(i + 1, close - i - 1);
        std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return std::tolower(c); });
        if (tag.rfind("br", 0) == 0 || tag == "/p" || tag == "/div" || tag == "/li")
            plain += '\n';
        i = close;
    }
    const auto decoded = decode_entities(plain);   // split's views point into it
    std::string out;
    for (auto line : split(decoded, '\n')) {
        const auto kept = trim(line);
        if (!kept.empty())
            out += (out.empty() ? "" : "\n") + std::string(kept);
    }
    return out;
}

std::string strip_category_root(std::string category)
{
    // "$course$/top/Algebra" -> "Algebra"; "$course$/top" alone -> "".
    for (const char* root : { "$course$/", "$system$/", "$module$/", "$coursecategory$/", "$cat1$/", "top/" }) {
        if (category.rfind(root, 0) == 0)
            category = category.substr(std::string(root).size());
    }
    return category == "top" || category.rfind("$", 0) == 0 ? std::string() : category;
}

bool read_number(const std::string& text, double& value)
{
    const auto kept = std::string(trim(text));
    char* end = nullptr;
    value = std::strtod(kept.c_str(), &end);
    return !kept.empty() && *end == 0 && std::isfinite(value);
}

// One <question>; answers what is wrong, or "" when it read.
std::string read_question(const pugi::xml_node& node, const std::string& type, BankQuestion& q)
{
    q.title = std::string(trim(node.child("name").child_value("text")));   // a name is plain text
    const std::string idnumber(trim(node.child_value("idnumber")));
    q.id = idnumber.empty() ? q.title : idnumber;
    if (q.id.empty())
        return "the question has no <name> and no <idnumber>";
    q.text = text_of(node.child("questiontext"));
    if (q.text.empty())
        return "the question has no text";
    q.explanation = text_of(node.child("generalfeedback"));
    for (auto tag : node.child("tags").children("tag"))
        if (auto text = std::string(trim(tag.child_value("text"))); !text.empty())
            q.tags.push_back(text);
    for (auto hint : node.children("hint"))
        if (auto text = text_of(hint); !text.empty())
            q.hints.push_back(text);
    for (auto answer : node.children("answer")) {
        const auto fraction_text = std::string(answer.attribute("fraction").as_string("0"));
        double weight = 0;
        if (!read_number(fraction_text, weight) || weight < -100 || weight > 100)
            return "an answer's fraction must be a number from -100 to 100 (\"" + fraction_text + "\" here)";
        if (type == "numerical") {
            NumericAnswer n;
            if (!read_number(text_of(answer), n.value))
                return "a numerical answer must be a number (\"" + text_of(answer) + "\" here)";
            if (!read_number(answer.child_value("tolerance")[0] ? answer.child_value("tolerance") : "0", n.tolerance)
                || n.tolerance < 0)
                return "a numerical answer's tolerance must be a number of at least 0";
            n.weight = weight;
            q.numeric.push_back(n);
        } else {
            q.choices.push_back({ text_of(answer), weight, text_of(answer.child("feedback")) });
        }
    }
    const auto full = std::count_if(q.choices.begin(), q.choices.end(), [](auto& c) { return c.weight >= 100; });
    if (type == "truefalse") {
        q.kind = BankQuestionKind::TrueFalse;
        if (q.choices.size() != 2 || full != 1)
            return "a true/false question has the answers true and false, one with a fraction of 100";
        const auto& right = *std::find_if(q.choices.begin(), q.choices.end(), [](auto& c) { return c.weight >= 100; });
        std::string word = right.text;
        std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
        if (word != "true" && word != "false")
            return "a true/false question's answers are \"true\" and \"false\"";
        q.truth = word == "true";
        q.choices.clear();
        return {};
    }
    if (type == "numerical") {
        q.kind = BankQuestionKind::Numeric;
        return q.numeric.empty() ? "a numerical question needs an <answer>" : "";
    }
    if (type == "shortanswer") {
        q.kind = BankQuestionKind::ShortText;
        return full == 0 ? "a short answer needs an answer with a fraction of 100" : "";
    }
    // multichoice
    if (q.choices.size() < 2)
        return "a multiple choice question needs at least two answers";
    const std::string single(trim(node.child_value("single")));
    if (single == "false" || single == "0") {
        q.kind = BankQuestionKind::MultipleSelect;
    } else {
        q.kind = BankQuestionKind::SingleChoice;
        if (full != 1)
            return full == 0 ? "no right answer: give one answer a fraction of 100"
                             : "a single choice has one right answer (" + std::to_string(full) + " have 100)";
    }
    return settle_choice_question(q);
}

// [SECTION] writing ----------------------------------------------------------

std::string fraction_text(double weight)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.7g", snap_to_moodle_fraction(weight));
    return text;
}

void add_text(pugi::xml_node parent, const char* name, const std::string& text)
{
    auto node = parent.append_child(name);
    node.append_attribute("format") = "plain_text";
    node.append_child("text").text() = text.c_str();
}

void add_answer(pugi::xml_node question, double weight, const std::string& text, const std::string& feedback)
{
    auto answer = question.append_child("answer");
    answer.append_attribute("fraction") = fraction_text(weight).c_str();
    answer.append_attribute("format") = "plain_text";
    answer.append_child("text").text() = text.c_str();
    if (!feedback.empty())
        add_text(answer, "feedback", feedback);
}

const char* moodle_type(BankQuestionKind kind)
{
    switch (kind) {
    case BankQuestionKind::TrueFalse: return "truefalse";
    case BankQuestionKind::Numeric: return "numerical";
    case BankQuestionKind::ShortText: return "shortanswer";
    default: return "multichoice";
    }
}

} // namespace

GiftParse parse_moodle_xml(std::string_view text)
{
    GiftParse out;
    pugi::xml_document doc;
    const auto parsed = doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        out.problems.push_back({ LineCounter(text).line_at(parsed.offset),
            std::string("the XML does not read: ") + parsed.description() });
        return out;
    }
    const auto quiz = doc.child("quiz");
    if (!quiz) {
        out.problems.push_back({ 1, "a Moodle XML file is one <quiz> element" });
        return out;
    }
    std::string category;
    std::set<std::string> ids;
    LineCounter lines(text);
    for (auto node : quiz.children("question")) {
        const int line = lines.line_at(node.offset_debug());
        const std::string type = node.attribute("type").as_string();
        if (type == "category") {
            category = strip_category_root(std::string(trim(node.child("category").child_value("text"))));
            continue;
        }
        if (type != "multichoice" && type != "truefalse" && type != "numerical" && type != "shortanswer") {
            out.problems.push_back({ line, "questions of type \"" + type
                    + "\" cannot be imported: multichoice, truefalse, numerical and shortanswer can" });
            continue;
        }
        BankQuestion q;
        q.line = line;
        q.category = category;
        if (auto problem = read_question(node, type, q); !problem.empty()) {
            out.problems.push_back({ line, problem });
            continue;
        }
        if (!ids.insert(q.id).second) {
            out.problems.push_back({ line, "the id " + q.id + " is used twice" });
            continue;
        }
        out.questions.push_back(std::move(q));
    }
    return out;
}

std::string write_moodle_xml(const std::vector<BankQuestion>& questions)
{
    pugi::xml_document doc;
    auto declaration = doc.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    auto quiz = doc.append_child("quiz");
    std::string category;
    bool first = true;
    for (const auto& q : questions) {
        if (first || q.category != category) {
            category = q.category;
            first = false;
            auto node = quiz.append_child("question");
            node.append_attribute("type") = "category";
            node.append_child("category").append_child("text").text() = ("$course$/top/" + category).c_str();
        }
        auto node = quiz.append_child("question");
        node.append_attribute("type") = moodle_type(q.kind);
        node.append_child("name").append_child("text").text() = (q.title.empty() ? q.id : q.title).c_str();
        add_text(node, "questiontext", q.text);
        add_text(node, "generalfeedback", q.explanation);
        node.append_child("defaultgrade").text() = "1";
        node.append_child("idnumber").text() = q.id.c_str();
        switch (q.kind) {
        case BankQuestionKind::SingleChoice:
        case BankQuestionKind::QuantComparison:
        case BankQuestionKind::MultipleSelect:
            node.append_child("single").text() = q.kind == BankQuestionKind::MultipleSelect ? "false" : "true";
            // A comparison's four answers keep their order.
            node.append_child("shuffleanswers").text() = q.kind == BankQuestionKind::QuantComparison ? "0" : "1";
            node.append_child("answernumbering").text() = "abc";
            for (const auto& c : q.choices)
                add_answer(node, c.weight, c.text, c.feedback);
            break;
        case BankQuestionKind::TrueFalse:
            add_answer(node, q.truth ? 100 : 0, "true", {});
            add_answer(node, q.truth ? 0 : 100, "false", {});
            break;
        case BankQuestionKind::ShortText:
            node.append_child("usecase").text() = "0";
            for (const auto& c : q.choices)
                add_answer(node, c.weight, c.text, c.feedback);
            break;
        case BankQuestionKind::Numeric:
            for (const auto& n : q.numeric) {
                auto answer = node.append_child("answer");
                answer.append_attribute("fraction") = fraction_text(n.weight).c_str();
                answer.append_child("text").text() = number_text(n.value).c_str();
                answer.append_child("tolerance").text() = number_text(n.tolerance).c_str();
            }
            break;
        }
        for (const auto& hint : q.hints)
            add_text(node, "hint", hint);
        if (!q.tags.empty()) {
            auto tags = node.append_child("tags");
            for (const auto& tag : q.tags)
                tags.append_child("tag").append_child("text").text() = tag.c_str();
        }
    }
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

} // namespace learnloop::server
