// The exam bank's screens (bank_handlers.hpp).
#include "academy/bank_handlers.hpp"

#include "academy/bank_store.hpp"
#include "academy/quiz.hpp"
#include "core/validation.hpp"

#include <map>

namespace learnloop::server {

namespace {

const char* k_question_not_found = "Question not found";

Json summary_json(const StoredBankQuestion& stored)
{
    const auto& q = stored.question;
    return { { "id", stored.id }, { "code", q.id }, { "version", stored.version }, { "shared", stored.shared },
        { "kind", bank_question_kind_name(q.kind) }, { "kind_label", bank_question_kind_for_people(q.kind) },
        { "skill", question_skill(q) }, { "difficulty", std::max(1, question_difficulty(q)) },
        { "category", q.category }, { "text", q.text } };
}

Json detail_json(const StoredBankQuestion& stored)
{
    const auto& q = stored.question;
    auto json = summary_json(stored);
    json["current"] = stored.current;
    json["versions"] = stored.versions;
    json["tags"] = q.tags;
    json["hints"] = q.hints;
    json["explanation"] = q.explanation;
    Json choices = Json::array();
    for (const auto& c : q.choices)
        choices.push_back({ { "text", c.text }, { "weight", c.weight }, { "feedback", c.feedback } });
    json["choices"] = std::move(choices);
    Json numbers = Json::array();
    for (const auto& n : q.numeric)
        numbers.push_back({ { "value", n.value }, { "tolerance", n.tolerance }, { "weight", n.weight } });
    json["numeric"] = std::move(numbers);
    if (q.kind == BankQuestionKind::TrueFalse)
        json["truth"] = q.truth;
    return json;
}

Result<std::optional<std::string>> text_param(const httplib::Request& req, const char* name, std::size_t longest)
{
    if (!req.has_param(name) || req.get_param_value(name).empty())
        return std::optional<std::string> {};
    auto value = std::string(trim(req.get_param_value(name)));
    if (!is_valid_utf8(value) || utf8_length(value) > longest)
        return make_error(ErrorCode::InvalidArgument,
            std::string(name) + " must be text of at most " + std::to_string(longest) + " characters", name);
    return value.empty() ? std::optional<std::string> {} : std::optional<std::string>(value);
}

} // namespace

// GET /api/academy/bank?skill=&difficulty=&kind=&q=&limit=&offset=
Result<ApiResponse> handle_search_bank(const httplib::Request& req, pqxx::work& txn, const Caller&)
{
    auto page = TRY(parse_page(req));
    BankSearch search;
    search.skill = TRY(text_param(req, "skill", 100));
    search.words = TRY(text_param(req, "q", 200));
    if (req.has_param("difficulty"))
        search.difficulty = static_cast<int>(TRY(parse_number_param(req, "difficulty", 1, 5, 1)));
    if (auto kind = TRY(text_param(req, "kind", 40))) {
        BankQuestionKind parsed {};
        if (!parse_bank_question_kind(*kind, parsed))
            return make_error(ErrorCode::InvalidArgument,
                "kind must be single_choice, multiple_select, numeric, short_text, true_false or quant_comparison",
                "kind");
        search.kind = *kind;
    }
    auto found = TRY(search_bank(txn, search, page));
    Json items = Json::array();
    for (const auto& stored : found.items)
        items.push_back(summary_json(stored));
    return paged_response(req, page, std::move(items), found.total);
}

// GET /api/academy/bank/{id}: one question, any version, with its key.
Result<ApiResponse> handle_bank_question(const httplib::Request& req, pqxx::work& txn, const Caller&)
{
    auto id = TRY(parse_id(req.matches[1], k_question_not_found));
    auto stored = TRY(find_bank_question(txn, id));
    if (!stored)
        return make_error(ErrorCode::NotFound, k_question_not_found);
    return json_response(200, detail_json(*stored));
}

// GET /api/academy/bank/topics: each category and every one above it, with
// how many current questions a draw from it could take.
Result<ApiResponse> handle_bank_topics(const httplib::Request&, pqxx::work& txn, const Caller&)
{
    std::map<std::string, std::int64_t> topics;
    for (const auto& row : exec_named(txn, "academy/bank_topics")) {
        const auto category = row["category"].as<std::string>();
        const auto count = row["questions"].as<std::int64_t>();
        for (const auto& topic : topics_of(category))
            topics[topic] += count;
    }
    Json list = Json::array();
    for (const auto& [topic, count] : topics)
        list.push_back({ { "topic", topic }, { "questions", count } });
    return json_response(200, list);
}

} // namespace learnloop::server
