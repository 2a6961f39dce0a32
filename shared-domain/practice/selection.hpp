// Personalised selection of a practice set from mastery and history:
// deterministic given its input, so the server can replay what a student saw.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace learnloop {

struct SelectionTarget {
    std::string target_id;
    double mastery = 0;       // estimated probability the target is mastered, 0..1
    bool mastered = false;    // reached mastery earlier: now only reviewed
};

// A target as selection sees it: once its estimate reaches the Mastered
// level it is only reviewed (a share of each set), not practised.
[[nodiscard]] SelectionTarget selection_target(std::string target_id, double known);

struct SelectionTemplate {
    std::string template_id;
    std::string target_id;
    int difficulty = 1;       // 1..5
};

struct SelectionInput {
    std::vector<SelectionTarget> targets;          // the student's assigned targets
    std::vector<SelectionTemplate> templates;      // available templates (any order)
    std::vector<std::string> recent_template_ids;  // answered recently, most recent first
    std::size_t set_size = 20;
    std::size_t recent_window = 30;                // how many of the recent ids to avoid
    std::uint64_t seed = 0;
};

enum class SelectionReason { Practice, Review };

struct SelectedTask {
    std::string template_id;
    std::string target_id;
    int difficulty = 1;
    SelectionReason reason = SelectionReason::Practice;
    std::uint64_t seed = 0;   // pass to generate_task(); derived from the input seed and template id

    bool operator==(const SelectedTask&) const = default;
};

// The difficulties that suit a mastery estimate.
struct DifficultyBand {
    int low = 1, high = 2;
    bool operator==(const DifficultyBand&) const = default;
};
// mastery < 0.4 -> 1..2, 0.4 to 0.7 -> 2..4, above 0.7 -> 3..5.
[[nodiscard]] DifficultyBand difficulty_band(double mastery);

// Chooses up to `set_size` templates. The rules, in priority order:
//
//  1. No template appears twice in a set.
//  2. Templates among the last `recent_window` answered are used only when
//     nothing else can fill the set (then the least recently answered first).
//  3. About 20% of the set (set_size / 5, rounded) reviews targets marked
//     `mastered`, spread one at a time over them, those practised least
//     recently first. Without mastered targets the whole set is practice;
//     with only mastered targets it is all review.
//  4. The practice share goes to the targets not yet mastered, weighted by
//     weakness (1.1 - mastery), seat by seat (D'Hondt), so the weakest target
//     gets the most tasks and no unmastered target is starved.
//  5. Within a target, difficulties in difficulty_band(mastery) come first,
//     then the nearest ones; ties are broken by a hash of (seed, template id).
//  6. When a target runs out of templates its seats go to the others; the
//     set is shorter than set_size only when there are too few templates.
//
// The result is interleaved round-robin over targets (weakest first, review
// targets last), easiest first within each target.
//
// Example: set_size 10, targets fractions (mastery 0.2), decimals (0.6) and
// place_value (mastered, 0.9), plenty of templates. Review gets 2 seats
// (place_value, difficulty 3-5); the 8 practice seats split by weights 0.9
// and 0.5 into 5 fractions (difficulty 1-2) and 3 decimals (difficulty 2-4):
//   fractions, decimals, place_value, fractions, decimals, place_value,
//   fractions, decimals, fractions, fractions
[[nodiscard]] std::vector<SelectedTask> select_tasks(const SelectionInput& input);

} // namespace learnloop
