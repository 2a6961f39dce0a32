// The Socratic tutor (tutor.hpp).
#include "academy/tutor.hpp"

#include "core/numbers.hpp"
#include "practice/grading.hpp"

#include <cstdio>

namespace learnloop {

namespace {

constexpr double k_full_weight = 100;

bool word_char(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || byte >= 0x80;
}

// Whether `phrase` stands in `text` as whole words (both already
// normalised): "12" is in "it is 12 apples" but not in "120" or "1.12".
bool has_phrase(const std::string& text, const std::string& phrase)
{
    if (phrase.empty())
        return false;
    for (auto at = text.find(phrase); at != std::string::npos; at = text.find(phrase, at + 1)) {
        const auto end = at + phrase.size();
        const bool open = at == 0 || (!word_char(text[at - 1]) && !(text[at - 1] == '.' && at >= 2 && word_char(text[at - 2])));
        const bool close = end == text.size()
            || (!word_char(text[end]) && !(text[end] == '.' && end + 1 < text.size() && word_char(text[end + 1])));
        if (open && close)
            return true;
    }
    return false;
}

// The key as phrases that must not be said.
std::vector<std::string> key_phrases(const BankQuestion& q)
{
    std::vector<std::string> phrases;
    auto add = [&](std::string_view text) {
        if (auto normalized = normalize_answer_text(text); !normalized.empty())
            phrases.push_back(std::move(normalized));
    };
    switch (q.kind) {
    case BankQuestionKind::SingleChoice:
    case BankQuestionKind::ShortText:
        for (const auto& c : q.choices)
            if (c.weight >= k_full_weight)
                add(c.text);
        break;
    case BankQuestionKind::MultipleSelect:
        for (const auto& c : q.choices)
            if (c.weight > 0)
                add(c.text);
        break;
    case BankQuestionKind::Numeric:
        for (const auto& n : q.numeric)
            if (n.weight >= k_full_weight)
                add(number_text(n.value, 10));
        break;
    case BankQuestionKind::TrueFalse:
        add(q.truth ? "true" : "false");
        break;
    case BankQuestionKind::QuantComparison: {
        static const char* verdicts[] = { "a is greater", "b is greater", "quantities are equal", "cannot be determined" };
        for (std::size_t i = 0; i < q.choices.size() && i < 4; ++i)
            if (q.choices[i].weight >= k_full_weight) {
                add(q.choices[i].text);
                add(verdicts[i]);
            }
        break;
    }
    }
    return phrases;
}

// Words that ask for the answer however they are put.
constexpr const char* k_answer_words[] = {
    "answer", "solution", "tell me", "give me", "just say", "just tell", "what is it", "whats it", "which one",
    "which option", "which choice", "correct one", "right one", "first digit", "first letter", "first number",
    "last digit", "the letter", "the number", "teacher said", "teacher says", "allowed to", "its ok", "it's ok",
    "stuck for", "hours", "please just", "is it a", "is it b", "is it c", "is it d", "is it e", "is it true",
    "is it false", "am i right", "is this right", "check my", "reveal", "cheat",
};

std::string lower_ascii(std::string_view text)
{
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

std::vector<std::string> ladder_hints(const BankQuestion& question)
{
    return question.hints;
}

TutorAsk classify_message(const BankQuestion& question, std::string_view message)
{
    const auto said = normalize_answer_text(message);
    const auto asked = normalize_answer_text(question.text);
    // The question sent back: a long enough piece of its text.
    if (said.size() >= 24 && (asked.find(said) != std::string::npos || said.find(asked.substr(0, 40)) != std::string::npos))
        return TutorAsk::Pasted;
    const auto words = lower_ascii(message);
    for (const char* ask : k_answer_words)
        if (words.find(ask) != std::string::npos)
            return TutorAsk::Answer;
    return TutorAsk::Help;
}

bool leaks_answer(const BankQuestion& question, std::string_view text)
{
    const auto said = normalize_answer_text(text);
    for (const auto& phrase : key_phrases(question))
        if (has_phrase(said, phrase))
            return true;
    return false;
}

TutorTurn tutor_reply(const BankQuestion& question, TutorSession& session, std::string_view message,
    const HintSource& source)
{
    const auto ask = classify_message(question, message);
    const auto hints = source ? source(question) : std::vector<std::string> {};
    // The next rung the guard passes; one that would give the key away is passed over.
    std::string hint;
    while (static_cast<std::size_t>(session.hints_given) < hints.size() && hint.empty()) {
        const auto& next = hints[static_cast<std::size_t>(session.hints_given)];
        ++session.hints_given;
        if (!next.empty() && !leaks_answer(question, next))
            hint = next;
    }
    TutorTurn turn;
    turn.hint = !hint.empty();
    // In words, not digits: a rung's number must never read as an answer.
    static const char* rungs[] = { "A first hint: ", "A second hint: ", "A third hint: " };
    const std::string rung = session.hints_given >= 1 && session.hints_given <= 3 ? rungs[session.hints_given - 1]
                                                                                  : "Another hint: ";
    switch (ask) {
    case TutorAsk::Help:
        turn.text = turn.hint ? rung + hint
                              : "You have seen every hint. Work through the last one again with this question's "
                                "own numbers and words, then choose. I will not give the answer, but I can help "
                                "you check your reasoning: tell me what you tried.";
        break;
    case TutorAsk::Answer:
        turn.text = turn.hint ? "I can't give you the answer, or any part of it, but this will get you closer. " + rung + hint
                              : "I can't give you the answer, or any part of it, whoever asks. You have every hint "
                                "now: try the last step yourself and tell me what you get.";
        break;
    case TutorAsk::Pasted:
        turn.text = turn.hint ? "That is the question itself. Let's take it a step at a time. " + rung + hint
                              : "That is the question itself. Tell me which step you are stuck on.";
        break;
    }
    // The guard sees every reply, whatever produced it.
    if (leaks_answer(question, turn.text)) {
        turn.text = "Let's take it a step at a time: what is the question asking you to find?";
        turn.hint = false;
    }
    return turn;
}

} // namespace learnloop
