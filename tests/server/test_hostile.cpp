// Hostile and racing input, black box against the real server and
// PostgreSQL: what a client sends never makes a 500, and a refused request
// writes nothing. (The production-posture issue's defects, one test each.)
#include "api_client.hpp"

#include <catch2/catch.hpp>

#include <future>

using namespace learnloop::test;

namespace {

// Sends `body` to `path` from `parallel` clients at once; answers the statuses.
std::vector<int> post_at_once(ApiFixture& f, const std::string& path, const Json& body, const std::string& token,
    int parallel)
{
    std::vector<std::future<Reply>> pending;
    for (int i = 0; i < parallel; ++i)
        pending.push_back(std::async(std::launch::async, [&] { return f.api().post(path, body, token); }));
    std::vector<int> statuses;
    for (auto& future : pending) {
        auto reply = future.get();
        INFO(describe(reply));
        CHECK(reply.json.is_object());
        statuses.push_back(reply.status);
    }
    return statuses;
}

} // namespace

TEST_CASE("identical writes racing each other: one 201, the rest 409, never a 500, one audit row",
    "[api][hostile][concurrency]")
{
    ApiFixture f("hostile_duplicates");
    auto& D = f.demo;
    const auto teacher = f.token(D.teacher);
    Json target = { { "id", "school.race.target" }, { "title", "Racing target" }, { "subject", "english" },
        { "strand", "reading-writing" } };
    Json tmpl = { { "id", "school.race.target.001" }, { "target_id", "school.race.target" }, { "kind", "single_choice" },
        { "difficulty", 1 }, { "prompt", "Which is a noun?" }, { "explanation", "A noun names a thing." },
        { "options", { { { "text", "table" }, { "correct", true } }, { { "text", "run" }, { "feedback", "A verb." } } } } };

    for (const auto& [path, body, action] : { std::tuple { std::string("/api/curriculum/targets"), target, "curriculum.target.create" },
             std::tuple { std::string("/api/curriculum/templates"), tmpl, "curriculum.template.create" } }) {
        INFO(path);
        auto audit_before = f.sql_int("SELECT count(*) FROM audit_log WHERE action = '" + std::string(action) + "'");
        auto statuses = post_at_once(f, path, body, teacher, 10);
        CHECK(std::count(statuses.begin(), statuses.end(), 201) == 1);
        CHECK(std::count(statuses.begin(), statuses.end(), 409) == 9);
        CHECK(f.sql_int("SELECT count(*) FROM audit_log WHERE action = '" + std::string(action) + "'") == audit_before + 1);
    }
}

TEST_CASE("a target id the database would refuse (starting with - _ or .) is a 400 naming the field, not a 500",
    "[api][hostile][validation]")
{
    ApiFixture f("hostile_target_ids");
    const auto teacher = f.token(f.demo.teacher);
    for (const char* id : { "-starts.with.dash", "_starts.with.underscore", ".starts.with.dot" }) {
        INFO(id);
        auto reply = f.api().post("/api/curriculum/targets",
            { { "id", id }, { "title", "Odd id" }, { "subject", "english" }, { "strand", "reading-writing" } }, teacher);
        INFO(describe(reply));
        CHECK(reply.status == 400);
        CHECK(reply.json["field"] == "id");
    }
    CHECK(f.sql_int("SELECT count(*) FROM learning_targets WHERE title = 'Odd id'") == 0);
}
