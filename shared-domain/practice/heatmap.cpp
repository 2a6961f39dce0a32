// The class mastery heatmap built from plain rows, and its JSON codec.
#include "practice/heatmap.hpp"

#include <algorithm>
#include <map>

namespace learnloop {

ClassHeatmap build_class_heatmap(std::int64_t class_id, const std::vector<HeatmapRow>& rows, std::int64_t offset,
    std::int64_t limit)
{
    ClassHeatmap heatmap;
    heatmap.class_id = class_id;
    heatmap.offset = offset;
    heatmap.limit = limit;

    // Targets by id (a map keeps them sorted); students in the rows' order.
    std::map<std::string, std::string> target_titles;
    std::vector<std::pair<std::int64_t, std::string>> students;
    std::map<std::int64_t, std::map<std::string, std::pair<double, int>>> cells;
    for (const auto& row : rows) {
        if (students.empty() || students.back().first != row.student_id)
            students.emplace_back(row.student_id, row.student_name);
        target_titles[row.target_id] = row.target_title;
        cells[row.student_id][row.target_id] = { row.known, row.attempts };
    }
    for (const auto& [id, title] : target_titles)
        heatmap.targets.push_back({ id, title });
    heatmap.total_students = students.size();

    std::int64_t index = -1;
    for (const auto& [id, name] : students) {
        ++index;
        HeatmapStudent student { id, name, {} };
        int weak = 0;
        const auto& student_cells = cells[id];
        for (const auto& [target_id, title] : target_titles) {
            auto it = student_cells.find(target_id);
            if (it == student_cells.end()) {
                student.cells.push_back(std::nullopt);   // not assigned to this student
                continue;
            }
            auto [known, attempts] = it->second;
            if (is_weak_spot({ target_id, known, attempts }))
                ++weak;
            student.cells.push_back(HeatmapCell { known, attempts, mastery_level(known, attempts) });
        }
        if (index >= offset && index < offset + limit)
            heatmap.rows.push_back(std::move(student));
        if (weak > 0)
            heatmap.needs_help.push_back({ id, name, weak });
    }
    return heatmap;
}

Json to_json(const ClassHeatmap& heatmap)
{
    Json targets = Json::array();
    for (const auto& target : heatmap.targets)
        targets.push_back({ { "target_id", target.target_id }, { "title", target.title } });
    Json rows = Json::array();
    for (const auto& student : heatmap.rows) {
        Json cells = Json::array();
        for (const auto& cell : student.cells) {
            if (!cell)
                cells.push_back(nullptr);
            else
                cells.push_back({ { "known", cell->known }, { "attempts", cell->attempts },
                    { "level", mastery_level_name(cell->level) } });
        }
        rows.push_back({ { "student_id", student.student_id }, { "student_name", student.student_name },
            { "cells", std::move(cells) } });
    }
    Json needs_help = Json::array();
    for (const auto& student : heatmap.needs_help)
        needs_help.push_back({ { "student_id", student.student_id }, { "student_name", student.student_name },
            { "weak_targets", student.weak_targets } });
    return { { "class_id", heatmap.class_id }, { "targets", std::move(targets) }, { "rows", std::move(rows) },
        { "total_students", heatmap.total_students }, { "offset", heatmap.offset }, { "limit", heatmap.limit },
        { "needs_help", std::move(needs_help) } };
}

namespace {

Result<const Json*> array_field(const Json& object, std::string_view name)
{
    return json_array_at(*TRY(json_field(object, name)), std::string(name), 0, 100000);
}

Result<HeatmapCell> decode_cell(const Json& json, const std::string& path)
{
    auto reader = TRY(JsonObjectReader::open(json, path));
    HeatmapCell cell;
    cell.known = TRY(json_number_at(*TRY(reader.require("known")), reader.path("known")));
    auto attempts = TRY(json_int_at(*TRY(reader.require("attempts")), reader.path("attempts")));
    if (!(cell.known >= 0 && cell.known <= 1) || attempts < 0 || attempts > 1000000000)
        return json_error_at(path, "must hold known from 0 to 1 and a count of attempts");
    cell.attempts = static_cast<int>(attempts);
    cell.level = mastery_level(cell.known, cell.attempts);
    return cell;
}

} // namespace

Result<ClassHeatmap> decode_class_heatmap(const Json& json)
{
    ClassHeatmap heatmap;
    heatmap.class_id = TRY(json_int_field(json, "class_id"));
    for (const auto& target : *TRY(array_field(json, "targets")))
        heatmap.targets.push_back({ TRY(json_string_field(target, "target_id")), TRY(json_string_field(target, "title")) });
    const auto& rows = *TRY(array_field(json, "rows"));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        HeatmapStudent student;
        student.student_id = TRY(json_int_field(rows[i], "student_id"));
        student.student_name = TRY(json_string_field(rows[i], "student_name"));
        auto path = json_path(json_index_path("rows", i), "cells");
        const auto& cells = *TRY(json_array_at(*TRY(json_field(rows[i], "cells")), path, heatmap.targets.size(),
            heatmap.targets.size()));
        for (std::size_t c = 0; c < cells.size(); ++c) {
            if (cells[c].is_null())
                student.cells.push_back(std::nullopt);
            else
                student.cells.push_back(TRY(decode_cell(cells[c], json_index_path(path, c))));
        }
        heatmap.rows.push_back(std::move(student));
    }
    auto total = TRY(json_int_field(json, "total_students"));
    if (total < 0)
        return json_error_at("total_students", "must not be negative");
    heatmap.total_students = static_cast<std::size_t>(total);
    heatmap.offset = TRY(json_int_field(json, "offset"));
    heatmap.limit = TRY(json_int_field(json, "limit"));
    for (const auto& student : *TRY(array_field(json, "needs_help"))) {
        auto weak = TRY(json_int_field(student, "weak_targets"));
        heatmap.needs_help.push_back({ TRY(json_int_field(student, "student_id")),
            TRY(json_string_field(student, "student_name")), static_cast<int>(std::clamp<std::int64_t>(weak, 0, 1000000)) });
    }
    return heatmap;
}

} // namespace learnloop
