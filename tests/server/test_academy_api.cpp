// The academy's exam bank through the API, black box against the real server
// and PostgreSQL: instructors and administrators search the shared bank and
// their academy's own, read one question with its key, and nobody else does.
#include "api_client.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace learnloop::test;

namespace {

Json bank(ApiFixture& f, const Person& who, const std::string& query, std::string* total = nullptr)
{
    auto reply = f.api().get("/api/academy/bank" + query, f.token(who));
    INFO(describe(reply));
    REQUIRE(reply.status == 200);
    if (total)
        *total = reply.header("X-Total-Count");
    return reply.json;
}

} // namespace

TEST_CASE("instructors and administrators search the exam bank by skill, difficulty, kind and words", "[api][academy][bank]")
{
    ApiFixture f("academy_bank_search", { .other_tenant = true });
    auto& D = f.demo;
    f.sql("UPDATE tenants SET kind = 'academy' WHERE id = " + std::to_string(D.id));   // the fixture is a school
    REQUIRE(f.cli({ "seed", "bank" }).exit_code == 0);

    std::string total;
    auto first = bank(f, D.teacher, "", &total);
    CHECK(total == "179");
    REQUIRE(first.size() == 50);   // the default page
    CHECK(first[0]["category"] <= first[49]["category"]);
    for (const auto& item : first) {
        CHECK(item["shared"] == true);
        CHECK(item["version"] == 1);
        CHECK_FALSE(item.contains("choices"));   // a list carries no keys
    }
    auto all = bank(f, D.admin, "?limit=200");
    REQUIRE(all.size() == 179);
    std::set<std::string> codes;
    for (const auto& item : all)
        codes.insert(item["code"].get<std::string>());
    CHECK(codes.size() == 179);

    bank(f, D.teacher, "?kind=quant_comparison", &total);
    CHECK(total == "37");
    for (const auto& item : bank(f, D.teacher, "?kind=quant_comparison&difficulty=4")) {
        CHECK(item["kind_label"] == "Quantitative comparison");
        CHECK(item["difficulty"] == 4);
    }
    const auto skill = all[0]["skill"].get<std::string>();
    for (const auto& item : bank(f, D.teacher, "?skill=" + skill))
        CHECK(item["skill"] == skill);
    // Words match any case; % and _ are themselves, not wildcards.
    auto words = bank(f, D.teacher, "?q=quantity%20a");
    CHECK(words.size() == 37);
    bank(f, D.teacher, "?q=%25%25%25", &total);
    CHECK(total == "0");
    // Words as people read them, not as GIFT escapes them ("b \\= 14").
    auto equals = bank(f, D.teacher, "?q=" + std::string("b%20%3D%2014"));
    REQUIRE(equals.size() == 1);
    CHECK(equals[0]["code"] == "q-quant-alg-002");
    // Only academies read the shared bank: a school's staff find nothing.
    for (const auto* who : { &f.other.teacher, &f.other.admin }) {
        auto none = bank(f, *who, "", &total);
        CHECK(none == Json::array());
        CHECK(total == "0");
        auto one = f.api().get("/api/academy/bank/" + std::to_string(all[0]["id"].get<std::int64_t>()), f.token(*who));
        CHECK(one.status == 404);
    }

    for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>> {
             { "?difficulty=9", "difficulty" }, { "?difficulty=two", "difficulty" }, { "?kind=essay", "kind" },
             { "?q=" + std::string(201, 'x'), "q" }, { "?limit=0", "limit" } }) {
        auto reply = f.api().get("/api/academy/bank" + query, f.token(D.teacher));
        INFO(query << ": " << describe(reply));
        CHECK(reply.status == 400);
        CHECK(reply.body.find(field) != std::string::npos);
    }
    for (const auto* who : { &D.student, &D.parent }) {
        auto reply = f.api().get("/api/academy/bank", f.token(*who));
        CHECK(reply.status == 403);
        CHECK(reply.json["details"] == "Only instructors and administrators can browse the exam bank");
    }
}

TEST_CASE("one bank question reads with its answers, hints and explanation, and its versions", "[api][academy][bank]")
{
    ApiFixture f("academy_bank_question", { .other_tenant = true });
    auto& D = f.demo;
    f.sql("UPDATE tenants SET kind = 'academy' WHERE id IN (" + std::to_string(D.id) + ", " + std::to_string(f.other.id) + ")");
    TempDir dir("bank");
    REQUIRE(f.cli({ "bank", "import", "--format", "gift",
                    dir.write("v1.gift", "// [id:q-1] [tag:difficulty-2] [tag:skill-percent]\n// hint 1: Ten percent first.\n"
                                         "::q-1::What is 10% of 50?{=5 ~10 ~0.5 ####A tenth of 50 is 5.}\n") })
                .exit_code
        == 0);
    REQUIRE(f.cli({ "bank", "import", "--format", "gift",
                    dir.write("v2.gift", "// [id:q-1] [tag:difficulty-2] [tag:skill-percent]\n// hint 1: Ten percent first.\n"
                                         "::q-1::What is 10% of 50?{=5 ~10 ~0.05 ####A tenth of 50 is 5.}\n") })
                .exit_code
        == 0);
    auto list = bank(f, D.teacher, "?q=10%25%20of");
    REQUIRE(list.size() == 1);
    CHECK(list[0]["version"] == 2);
    auto reply = f.api().get("/api/academy/bank/" + std::to_string(list[0]["id"].get<std::int64_t>()), f.token(D.teacher));
    INFO(describe(reply));
    REQUIRE(reply.status == 200);
    const auto& q = reply.json;
    CHECK(q["code"] == "q-1");
    CHECK(q["current"] == true);
    CHECK(q["versions"] == 2);
    CHECK(q["kind"] == "single_choice");
    CHECK(q["skill"] == "percent");
    CHECK(q["hints"] == Json::array({ "Ten percent first." }));
    CHECK(q["explanation"] == "A tenth of 50 is 5.");
    REQUIRE(q["choices"].size() == 3);
    CHECK(q["choices"][0] == Json { { "text", "5" }, { "weight", 100.0 }, { "feedback", "" } });
    CHECK(q["choices"][2]["text"] == "0.05");
    // The first version is still there, no longer current.
    auto old_id = f.sql_int("SELECT id FROM bank_questions WHERE code = 'q-1' AND version = 1");
    auto old = f.api().get("/api/academy/bank/" + std::to_string(old_id), f.token(D.admin));
    REQUIRE(old.status == 200);
    CHECK(old.json["current"] == false);
    CHECK(old.json["choices"][2]["text"] == "0.5");

    CHECK(f.api().get("/api/academy/bank/99999999", f.token(D.teacher)).status == 404);
    CHECK(f.api().get("/api/academy/bank/abc", f.token(D.teacher)).status == 404);
    CHECK(f.api().get("/api/academy/bank/" + std::to_string(old_id), f.token(D.student)).status == 403);
    // Another academy's instructors see the shared bank too (these questions are shared).
    CHECK(f.api().get("/api/academy/bank/" + std::to_string(old_id), f.token(f.other.teacher)).status == 200);
}
