// The class mastery heatmap (students × targets, with who needs help), built
// from plain rows so the server and the teacher's portal shape it the same way.
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"
#include "practice/mastery.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace learnloop {

// One student's estimate for one target assigned to them, as the class
// mastery query returns it (ordered by student name, student id, target id).
struct HeatmapRow {
    std::int64_t student_id = 0;
    std::string student_name;
    std::string target_id;
    std::string target_title;
    double known = 0;
    int attempts = 0;
};

struct HeatmapTarget {
    std::string target_id;
    std::string title;

    bool operator==(const HeatmapTarget&) const = default;
};

struct HeatmapCell {
    double known = 0;
    int attempts = 0;
    MasteryLevel level = MasteryLevel::NotStarted;

    bool operator==(const HeatmapCell&) const = default;
};

struct HeatmapStudent {
    std::int64_t student_id = 0;
    std::string student_name;
    std::vector<std::optional<HeatmapCell>> cells;   // one per target; empty: not assigned to this student

    bool operator==(const HeatmapStudent&) const = default;
};

struct NeedsHelp {
    std::int64_t student_id = 0;
    std::string student_name;
    int weak_targets = 0;   // targets that are weak spots (is_weak_spot)

    bool operator==(const NeedsHelp&) const = default;
};

struct ClassHeatmap {
    std::int64_t class_id = 0;
    std::vector<HeatmapTarget> targets;   // every target of the class, by target id
    std::vector<HeatmapStudent> rows;     // one page of students, in the rows' order
    std::size_t total_students = 0;
    std::int64_t offset = 0, limit = 0;
    std::vector<NeedsHelp> needs_help;    // the whole class, not only the page

    bool operator==(const ClassHeatmap&) const = default;
};

// Students are paged (students offset .. offset + limit - 1 of the class);
// targets and needs_help cover the whole class, so a teacher sees who needs
// help whichever page is shown.
//   build_class_heatmap(7, { { 1, "Ali", "math.add", "Adding", 0.9, 4 } }, 0, 50)
//       -> 1 target, 1 row with a proficient cell, nobody needing help
[[nodiscard]] ClassHeatmap build_class_heatmap(std::int64_t class_id, const std::vector<HeatmapRow>& rows,
    std::int64_t offset, std::int64_t limit);

// GET /api/classes/{id}/mastery: {"class_id", "targets": [{"target_id", "title"}],
// "rows": [{"student_id", "student_name", "cells": [null | {"known", "attempts", "level"}]}],
// "total_students", "offset", "limit", "needs_help": [{"student_id", "student_name", "weak_targets"}]}.
[[nodiscard]] Json to_json(const ClassHeatmap& heatmap);
// A cell's level is derived from its known and attempts, so it is not read back.
[[nodiscard]] Result<ClassHeatmap> decode_class_heatmap(const Json& json);

} // namespace learnloop
