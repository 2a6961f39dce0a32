// The academy area's routes: the exam bank (more follow: courses, quizzes,
// attempts).
#include "academy/routes.hpp"

#include "academy/bank_handlers.hpp"
#include "http/schema.hpp"

namespace learnloop::server {

AreaApi academy_api()
{
    AreaApi api { "academy", "A test-prep academy: the exam bank its instructors draw quizzes from", {}, Json::object() };
    auto& s = api.schemas;
    const auto kind = enum_schema(
        { "single_choice", "multiple_select", "numeric", "short_text", "true_false", "quant_comparison" });
    const auto summary = object_schema(
        {
            { "id", id_schema() },
            { "code", string_schema("The question's id in its bank (a GIFT [id:...])") },
            { "version", integer_schema("1, then one more for each change of its content") },
            { "shared", boolean_schema("The platform's shared bank, else the academy's own") },
            { "kind", kind },
            { "kind_label", string_schema("The kind in words: \"Quantitative comparison\"") },
            { "skill", string_schema("Empty when the question has no skill tag") },
            { "difficulty", integer_schema("1 (easy) to 5") },
            { "category", string_schema() },
            { "text", string_schema("The question, plain text with new lines") },
        },
        { "id", "code", "version", "shared", "kind", "kind_label", "skill", "difficulty", "category", "text" });
    s["BankQuestionSummary"] = summary;
    s["BankQuestionList"] = array_of(schema_ref("BankQuestionSummary"));
    // One question: the summary's fields and its answers, hints and explanation.
    auto detail = summary;
    const Json more = object_schema(
        {
            { "current", boolean_schema("Not replaced by a later version") },
            { "versions", integer_schema("How many versions its code has") },
            { "tags", array_of(string_schema()) },
            { "hints", array_of(string_schema("The tutor's ladder: a nudge, a strategy, a step of a similar problem")) },
            { "explanation", string_schema() },
            { "choices", array_of(object_schema({ { "text", string_schema() },
                                                    { "weight", number_schema("Percent of the mark, -100 to 100") },
                                                    { "feedback", string_schema() } },
                             { "text", "weight", "feedback" })) },
            { "numeric", array_of(object_schema({ { "value", number_schema() }, { "tolerance", number_schema() },
                                                    { "weight", number_schema() } },
                             { "value", "tolerance", "weight" })) },
            { "truth", boolean_schema("True or false questions: the right answer") },
        },
        { "current", "versions", "tags", "hints", "explanation", "choices", "numeric" });
    detail["properties"].update(more["properties"]);
    for (const auto& name : more["required"])
        detail["required"].push_back(name);
    s["BankQuestion"] = std::move(detail);

    api.routes = {
        { Method::Get, "/api/academy/bank", Action::BankRead, handle_search_bank, nullptr,
            "The current questions the academy can draw on, the shared bank's and its own, in category order (paged)", "",
            "BankQuestionList", 200,
            { page_limit_param(), page_offset_param(), { "skill", string_schema(), "Only this skill" },
                { "difficulty", integer_schema(), "Only this difficulty, 1 to 5" },
                { "kind", kind, "Only this kind" },
                { "q", string_schema(), "Only questions containing these words (any case)" } } },
        { Method::Get, "/api/academy/bank/{id}", Action::BankRead, handle_bank_question, nullptr,
            "One question, any version, with its answers, hints and explanation", "", "BankQuestion", 200 },
    };
    return api;
}

} // namespace learnloop::server
