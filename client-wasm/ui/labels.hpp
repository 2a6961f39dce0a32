// Words for people: one function per enum the portals show (roles, mastery
// levels, due statuses, verdicts, audit actions) and numbers and times as
// people read them. Screens never draw an enum's wire name ("not_started").
#pragma once

#include "core/numbers.hpp"
#include "identity/roles.hpp"
#include "practice/grading.hpp"
#include "practice/mastery.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace learnloop::client::ui {

// A role's wire name ("admin") as the tenant names it ("Administrator",
// "Tutor": identity's role_title), or a capitalised word for a name this
// build does not know.
[[nodiscard]] std::string role_label(std::string_view name, TenantKind kind);

// "Not started", "Attempted", "Familiar", "Proficient", "Mastered".
[[nodiscard]] std::string_view mastery_level_label(MasteryLevel level);
[[nodiscard]] std::string mastery_level_label(std::string_view name);

// "Correct", "Partly right", "Not right yet".
[[nodiscard]] std::string_view verdict_label(Verdict verdict);
[[nodiscard]] std::string verdict_label(std::string_view name);

// A work status (due statuses and gradebook cells: "upcoming", "due_soon",
// "overdue", "missing", "submitted", "late", "graded"): "Due soon", ...
[[nodiscard]] std::string status_label_text(std::string_view status);

// An audit action as a verb phrase: "submission.grade" -> "graded".
[[nodiscard]] std::string audit_action_label(std::string_view action);

// A share 0..1 as a whole percentage: 0.876 -> "88%".
[[nodiscard]] std::string format_percent(double share);
// A number for people: at most `decimals` places, no trailing zeros, and
// thousands grouped: 11480 -> "11,480", 0.87654 -> "0.88" (shared-domain core).
using learnloop::format_number;

// A local "YYYY-MM-DDTHH:MM:SS" time relative to `today` (a local
// "YYYY-MM-DD..." text): "Today, 14:05", "Yesterday, 09:30", or
// "Fri 23 Oct 2026, 17:00"; text that does not parse is returned as it is.
[[nodiscard]] std::string when_for_people(std::string_view local, std::string_view today);
// The date only: "Fri 23 Oct".
[[nodiscard]] std::string short_date(std::string_view local);

// A shared rule's message in a form's words: a leading field path is
// replaced by the field's label as the form shows it, then the first letter
// is a capital.
//   in_form_words("minutes_per_day must be from 10 to 300", { { "minutes_per_day", "Minutes a day" } })
//     -> "Minutes a day must be from 10 to 300"
[[nodiscard]] std::string in_form_words(std::string message,
    std::initializer_list<std::pair<std::string_view, std::string_view>> fields);

// A whole number from 0 to `most` typed in a field ("12"), or nothing.
[[nodiscard]] std::optional<int> whole_number(const char* text, int most = 100000);

} // namespace learnloop::client::ui
