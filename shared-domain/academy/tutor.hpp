// The Socratic tutor of a question in tutor mode: it answers a student's
// message with the next rung of the question's hint ladder (a nudge, a
// strategy, a worked step of a similar problem), never the answer. Asking
// for the answer outright, pleading ("I've been stuck for hours"), claiming
// permission ("my teacher said it's OK"), pasting the question back or
// asking for "just the first digit" gets the next hint or, once the ladder
// is spent, a refusal that says what to try. Whatever produced a hint — the
// question's own ladder today, a model-backed source later — the leak
// guard checks it against the key before it is sent.
//
//   TutorSession session;
//   auto turn = tutor_reply(question, session, "I'm stuck, what's the answer?", ladder_hints);
//   turn.text   // "I can't give you the answer, or any part of it, but ... A first hint: ..."
#pragma once

#include "academy/gift.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace learnloop {

// Where hints come from: the question's ladder (`ladder_hints`) or any
// other source; the tutor sends only those the leak guard passes.
using HintSource = std::function<std::vector<std::string>(const BankQuestion&)>;

// The question's own hints, in order ("hint 1:", "hint 2:", "hint 3:").
[[nodiscard]] std::vector<std::string> ladder_hints(const BankQuestion& question);

// What a student's message asks for.
enum class TutorAsk {
    Help,         // a hint, or a question about the problem
    Answer,       // the answer itself, in any words: directly, pleading, claiming leave, part of it
    Pasted,       // the question's own text sent back
};
[[nodiscard]] TutorAsk classify_message(const BankQuestion& question, std::string_view message);

// Whether `text` gives away the key: a right option's text (a number or a
// short option as a whole word), a numeric answer, an accepted short answer,
// a comparison's right verdict, or a true/false question's truth.
[[nodiscard]] bool leaks_answer(const BankQuestion& question, std::string_view text);

struct TutorSession {
    int hints_given = 0;   // rungs of the ladder sent so far (they lower the credit of a later right answer)
};

struct TutorTurn {
    std::string text;
    bool hint = false;     // a new hint was sent (session.hints_given grew)
};

// The tutor's reply to `message` about `question`. Each reply is checked by
// leaks_answer: a hint that would give the key away is skipped for the next.
[[nodiscard]] TutorTurn tutor_reply(const BankQuestion& question, TutorSession& session, std::string_view message,
    const HintSource& source = ladder_hints);

} // namespace learnloop
