// Moodle's Aiken format read into bank questions (aiken.hpp).
#include "academy/aiken.hpp"

#include "core/random.hpp"
#include "core/validation.hpp"

#include <cstdio>
#include <set>
#include <string>
#include <vector>

namespace learnloop {

namespace {

// "B. text" or "B) text" -> 'B' and "text"; 0 when the line is no option.
char option_letter(std::string_view line, std::string_view& text)
{
    if (line.size() < 3 || line[0] < 'A' || line[0] > 'Z' || (line[1] != '.' && line[1] != ')')
        || (line[2] != ' ' && line[2] != '\t'))
        return 0;
    text = trim(line.substr(3));
    return line[0];
}

std::string aiken_id(std::string_view question)
{
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash_text(question)));
    return "aiken-" + std::string(hex, 12);
}

struct Reading {
    BankQuestion question;
    bool open = false;       // a question line was read; its options and ANSWER follow
    bool skipping = false;   // a problem was reported: skip to the next ANSWER line or blank line
};

} // namespace

GiftParse parse_aiken(std::string_view text)
{
    GiftParse out;
    std::set<std::string> ids;
    Reading current;
    auto problem = [&](int line, std::string message) { out.problems.push_back({ line, std::move(message) }); };
    auto unfinished = [&]() {
        if (current.open)
            problem(current.question.line, "the question has no \"ANSWER: X\" line after its options");
        current = {};
    };
    int line_number = 0;
    for (std::size_t start = 0; start <= text.size();) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        auto raw = text.substr(start, end - start);
        start = end + 1;
        ++line_number;
        if (line_number == 1 && raw.substr(0, 3) == "\xEF\xBB\xBF")
            raw.remove_prefix(3);   // a byte order mark
        const auto line = trim(raw);
        if (line.empty() || current.skipping) {
            if (line.empty() ? current.skipping : line.rfind("ANSWER:", 0) == 0)
                current = {};
            continue;
        }
        if (!is_valid_utf8(line)) {
            problem(line_number, "the line is not UTF-8 text: save the file as UTF-8");
            current = {};
            current.skipping = true;
            continue;
        }
        if (line.rfind("ANSWER:", 0) == 0) {
            if (!current.open) {
                problem(line_number, "an ANSWER line with no question before it");
                continue;
            }
            auto& q = current.question;
            const auto answer = trim(line.substr(7));
            const auto index = answer.size() == 1 ? answer[0] - 'A' : -1;
            if (q.choices.size() < 2)
                problem(q.line, "a question needs at least two options (A. and B.)");
            else if (index < 0 || static_cast<std::size_t>(index) >= q.choices.size())
                problem(line_number, "ANSWER must name one of the options, A to "
                        + std::string(1, static_cast<char>('A' + q.choices.size() - 1)));
            else if (!ids.insert(q.id).second)
                problem(q.line, "the same question appears twice");
            else {
                q.choices[static_cast<std::size_t>(index)].weight = 100;
                out.questions.push_back(std::move(q));
            }
            current = {};
            continue;
        }
        std::string_view option_text;
        if (const char letter = option_letter(line, option_text); letter && current.open) {
            auto& choices = current.question.choices;
            if (letter != 'A' + static_cast<int>(choices.size())) {
                problem(line_number, std::string("option ") + letter + " is out of order: expected "
                        + static_cast<char>('A' + choices.size()));
                current = {};
                current.skipping = true;
                continue;
            }
            if (option_text.empty())
                problem(line_number, std::string("option ") + letter + " has no text");
            choices.push_back({ std::string(option_text), 0, {} });
            continue;
        }
        if (current.open && !current.question.choices.empty()) {
            unfinished();
        } else if (current.open) {
            problem(line_number, "a question is one line, followed by its options A., B., ...");
            current = {};
            current.skipping = true;
            continue;
        }
        current.open = true;
        current.question.kind = BankQuestionKind::SingleChoice;
        current.question.text = std::string(line);
        current.question.id = aiken_id(line);
        current.question.line = line_number;
    }
    unfinished();
    return out;
}

} // namespace learnloop
