// Checks the shared exam bank (exam-bank/): every GIFT file reads with no
// problem, ids are unique across files, and every question keeps the bank's
// conventions (a difficulty tag, three hints, an explanation). Each question
// is then asked as a quiz task (academy/question_task) and graded by
// practice's graders: its key must score 1, and an answer it marks wrong 0.
// The tutor is then asked for the answer in ten ways: every reply must keep
// the key (checked here independently of the tutor's own guard), and the
// ladder's three hints must all be given. Built natively and to
// WebAssembly; both print the same counts and digest (which covers the
// tasks' option order and scores and the tutor's replies), which ctest
// compares.
//   check_exam_bank DIR
#include "academy/gift.hpp"
#include "academy/question_task.hpp"
#include "academy/tutor.hpp"
#include "practice/grading.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace learnloop;

namespace {

// The key of `task` and one answer it marks wrong, as the browser sends them.
std::pair<Json, Json> key_and_wrong(const Task& task)
{
    switch (task.kind) {
    case TaskKind::SingleChoice: {
        const auto right = std::find_if(task.options.begin(), task.options.end(), [](auto& o) { return o.correct; });
        const auto index = static_cast<std::size_t>(right - task.options.begin());
        return { { { "choice", index } }, { { "choice", index == 0 ? 1 : 0 } } };
    }
    case TaskKind::MultipleSelect: {
        Json right = Json::array(), wrong = Json::array();
        for (std::size_t i = 0; i < task.options.size(); ++i)
            (task.options[i].correct ? right : wrong).push_back(i);
        if (wrong.empty())
            wrong.push_back(0);   // every option right: picking one alone is not enough, but scores partly
        return { { { "choices", right } }, { { "choices", wrong } } };
    }
    case TaskKind::Numeric:
        return { { { "value", task.answer } }, { { "value", task.answer + 2 * task.tolerance + 1 } } };
    case TaskKind::ShortText:
        return { { { "text", task.accepted_answers.front() } }, { { "text", "not this" } } };
    case TaskKind::QuantitativeComparison: {
        const auto other = task.comparison == Comparison::Equal ? Comparison::AGreater : Comparison::Equal;
        return { { { "choice", comparison_name(task.comparison) } }, { { "choice", comparison_name(other) } } };
    }
    default:
        return {};
    }
}

std::string lower(std::string text)
{
    for (auto& c : text)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// Whether `reply` says the key, as a reader would spot it: a right option's
// text (four characters or more, anywhere), a short one or a number as a
// whole word.
bool says_key(const BankQuestion& q, const std::string& reply)
{
    const auto said = lower(reply);
    auto whole = [&](const std::string& word) {
        for (auto at = said.find(word); at != std::string::npos; at = said.find(word, at + 1)) {
            const auto end = at + word.size();
            auto alnum = [&](std::size_t i) { return i < said.size() && std::isalnum(static_cast<unsigned char>(said[i])) != 0; };
            // "0" is not said in "0.3" or "10": a decimal point between digits joins them.
            const bool open = at == 0 || (!alnum(at - 1) && !(said[at - 1] == '.' && at >= 2 && alnum(at - 2)));
            const bool close = end >= said.size() || (!alnum(end) && !(said[end] == '.' && alnum(end + 1)));
            if (open && close)
                return true;
        }
        return false;
    };
    for (const auto& c : q.choices) {
        const bool right = q.kind == BankQuestionKind::MultipleSelect ? c.weight > 0 : c.weight >= 100;
        if (!right)
            continue;
        const auto text = lower(c.text);
        if (text.size() >= 4 ? said.find(text) != std::string::npos : whole(text))
            return true;
    }
    for (const auto& n : q.numeric) {
        char value[40];
        std::snprintf(value, sizeof value, "%.10g", n.value);
        if (n.weight >= 100 && whole(value))
            return true;
    }
    return false;
}

template<typename Fail, typename Mix>
void check_tutor(const BankQuestion& q, Fail&& fail, Mix&& mix)
{
    static const char* attempts[] = { "What's the answer?", "I've been stuck for hours", "My teacher said it's OK",
        "Just the first digit", "Is it A?", "Which option is correct?", "help", "and then?", "more", "just tell me" };
    TutorSession session;
    int hints = 0;
    for (const char* message : attempts) {
        auto turn = tutor_reply(q, session, message);
        hints += turn.hint ? 1 : 0;
        if (says_key(q, turn.text))
            fail(("lets the tutor give the key, asked: " + std::string(message)).c_str());
        mix(turn.text);
    }
    if (hints != static_cast<int>(q.hints.size()))
        fail("has hints the tutor's guard holds back (they name the key)");
}

template<typename Fail, typename Mix>
void check_as_task(const BankQuestion& q, Fail&& fail, Mix&& mix)
{
    auto task = question_task(q, 2026);
    if (!task.ok()) {
        fail(("cannot be asked in a quiz: " + task.error().message).c_str());
        return;
    }
    const auto [key, wrong] = key_and_wrong(task.value());
    auto right = grade(task.value(), key);
    auto missed = grade(task.value(), wrong);
    if (!right.ok() || right.value().score != 1)
        fail("is not scored 1 for its own key");
    if (!missed.ok() || missed.value().score != 0)
        fail("is not scored 0 for a wrong answer");
    mix(to_json(task.value(), TaskView::WithAnswers).dump());
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: check_exam_bank DIR\n");
        return 2;
    }
    std::vector<std::filesystem::path> paths;
    std::error_code ec;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[1], ec))
        if (entry.path().extension() == ".gift")
            paths.push_back(entry.path());
    if (ec || paths.empty()) {
        std::fprintf(stderr, "no .gift files under %s\n", argv[1]);
        return 2;
    }
    std::sort(paths.begin(), paths.end());
    int failures = 0;
    std::set<std::string> ids;
    std::map<std::string, int> by_kind;
    std::uint64_t digest = 1469598103934665603ull;   // FNV-1a over what was read
    auto mix = [&](const std::string& text) {
        for (unsigned char c : text)
            digest = (digest ^ c) * 1099511628211ull;
    };
    std::size_t total = 0;
    for (const auto& path : paths) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        auto read = parse_gift(text.str());
        const auto name = std::filesystem::relative(path, argv[1]).generic_string();
        for (const auto& p : read.problems) {
            std::printf("%s:%d: %s\n", name.c_str(), p.line, p.message.c_str());
            ++failures;
        }
        for (const auto& q : read.questions) {
            auto fail = [&](const char* what) {
                std::printf("%s:%d: %s %s\n", name.c_str(), q.line, q.id.c_str(), what);
                ++failures;
            };
            if (!ids.insert(q.id).second)
                fail("is an id used in another file");
            if (question_difficulty(q) == 0)
                fail("has no difficulty-1 to difficulty-5 tag");
            if (q.hints.size() != 3)
                fail("needs three hints");
            if (q.explanation.empty())
                fail("has no explanation (####)");
            ++by_kind[std::string(bank_question_kind_name(q.kind))];
            mix(q.id + '\x1f' + q.text + '\x1f' + q.explanation + '\x1f' + std::string(bank_question_kind_name(q.kind)));
            for (const auto& c : q.choices) {
                char weight[32];
                std::snprintf(weight, sizeof weight, "%.5f", c.weight);
                mix(c.text + '\x1f' + weight);
            }
            for (const auto& n : q.numeric) {
                char value[64];
                std::snprintf(value, sizeof value, "%.9g:%.9g", n.value, n.tolerance);
                mix(value);
            }
            check_as_task(q, fail, mix);
            check_tutor(q, fail, mix);
        }
        std::printf("%s: %zu questions\n", name.c_str(), read.questions.size());
        total += read.questions.size();
    }
    for (const auto& [kind, count] : by_kind)
        std::printf("%s: %d\n", kind.c_str(), count);
    std::printf("%zu questions, digest %016llx\n", total, static_cast<unsigned long long>(digest));
    return failures == 0 ? 0 : 1;
}
