// Reading mastery: one student's targets, weak spots and answer history; a class's heatmap and who needs help.
#include "access/access.hpp"
#include "practice/practice_handlers.hpp"
#include "practice/practice_repository.hpp"

namespace learnloop::server {

// GET /api/mastery?student_id= (students may omit it)
Result<ApiResponse> handle_student_mastery(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    const auto student_id = TRY(requested_student(req, txn, caller, Action::MasteryRead));

    Json targets = Json::array();
    std::vector<TargetMastery> states;
    for (const auto& target : assigned_targets(txn, student_id)) {
        targets.push_back(
            target_state_json(target.code, target.title, target.strand, target.known, target.attempts, target.params));
        states.push_back({ target.code, target.known, target.attempts });
    }
    Json weak = Json::array();
    for (const auto& spot : weak_spots(states))
        weak.push_back(spot.target_id);
    // The history, newest first, paged with ?history_limit= (default and
    // most 500) and ?history_offset=; "history_total" counts every answer.
    Page history_page;
    history_page.limit = TRY(parse_number_param(req, "history_limit", 1, 500, 500));
    history_page.offset = TRY(parse_number_param(req, "history_offset", 0, 1'000'000'000, 0));
    auto answers = mastery_history(txn, student_id, caller.time_zone, history_page);
    Json history = Json::array();
    for (const auto& entry : answers.entries) {
        history.push_back({ { "target_id", entry.target_code }, { "known", entry.known_after },
            { "verdict", entry.verdict }, { "answered_at", entry.answered_at },
            { "answered_local", entry.answered_local } });
    }
    return json_response(200, { { "student_id", student_id }, { "targets", targets }, { "weak_spots", weak },
                                  { "history", history }, { "history_total", answers.total } });
}

// GET /api/classes/<id>/mastery: the heatmap, students × the class's assigned targets.
Result<ApiResponse> handle_class_mastery(const httplib::Request& req, pqxx::work& txn, const Caller& caller)
{
    auto class_id = TRY(parse_id(req.matches[1], "Class not found"));
    TRY(require_class_in_reach(txn, caller, class_id));
    auto rows = class_mastery(txn, class_id);
    // Students are paged (?limit=, ?offset=); "needs_help" covers the whole class.
    auto page = TRY(parse_page(req));
    return json_response(200, to_json(build_class_heatmap(class_id, rows, page.offset, page.limit)));
}

} // namespace learnloop::server
