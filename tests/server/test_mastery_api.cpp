// The mastery engine's API, black box against the real server and PostgreSQL:
// loading the curriculum (`learnloop seed curriculum`), browsing it, assigning
// learning targets, personalised task sets, answers (re-graded by the server,
// idempotent by client id, BKT-updated) and mastery for students, parents,
// teachers and classes, within one tenant and across two.
//
// Every fixture seeds its own small curriculum from a TempDir: two targets in
// two files (one in a subfolder), seven templates of five kinds.
#include "api_client.hpp"

#include "practice/grading.hpp"
#include "practice/mastery.hpp"
#include "practice/tasks.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace learnloop::test;

namespace {

// [SECTION] the curriculum ---------------------------------------------------

std::string str(std::int64_t value) { return std::to_string(value); }

const std::string k_maths = "zz.maths.percent";     // "%" in its title
const std::string k_english = "zz.eng.apos_trophe";  // "_" in its code
const learnloop::BktParams k_maths_bkt { 0.3, 0.15, 0.2, 0.1 };
const learnloop::BktParams k_english_bkt { 0.25, 0.2, 0.15, 0.08 };

const learnloop::BktParams& params_of(const std::string& target)
{
    return target == k_maths ? k_maths_bkt : k_english_bkt;
}

Json bkt_json(const learnloop::BktParams& p)
{
    return { { "prior", p.prior }, { "learn", p.learn }, { "guess", p.guess }, { "slip", p.slip } };
}

// Variations of the curriculum, for re-seeding.
struct CurriculumSpec {
    bool reworded_choice = false;   // zz.eng.apos.002 gets a new prompt
    bool drop_cloze = false;        // zz.eng.apos.003 removed from the file
    bool longer_ordering = false;   // zz.maths.percent.003 gets a fifth item
    int bulk = 0;                   // extra single_choice templates for zz.maths.percent
    bool broken = false;            // a misspelt field in one template
};

Json maths_file(const CurriculumSpec& spec)
{
    Json items = { "{a}%", "{a+d}%", "{a+2*d}%", "{a+3*d}%" };
    if (spec.longer_ordering)
        items.push_back("{a+4*d}%");
    Json templates = Json::array({
        { { "id", "zz.maths.percent.001" }, { "target_id", k_maths }, { "kind", "single_choice" }, { "difficulty", 1 },
            { "prompt", "What is 50% of {whole}?" }, { "explanation", "50% means a half: {whole} ÷ 2 = {half}." },
            { "slots", { { { "name", "half" }, { "min", 2 }, { "max", 40 } }, { { "name", "whole" }, { "expr", "half*2" } } } },
            { "options",
                { { { "text", "{half}" }, { "correct", true } },
                    { { "text", "{whole}" }, { "feedback", "That is 100%, the whole number." } },
                    { { "text", "{half+50}" }, { "feedback", "50% is not the same as adding 50." } } } } },
        { { "id", "zz.maths.percent.002" }, { "target_id", k_maths }, { "kind", "numeric" }, { "difficulty", 2 },
            { "prompt", "{kg} kg of flour is shared equally between 3 bags. How many kg are in each bag? Round to two decimal places." },
            { "explanation", "{kg} ÷ 3 = {each} kg." },
            { "slots", { { { "name", "kg" }, { "min", 10 }, { "max", 50 } }, { { "name", "each" }, { "expr", "kg/3" }, { "decimals", 2 } } } },
            { "answer", "kg/3" }, { "tolerance", 0.006 }, { "unit", "kg" },
            { "mistakes", { { { "answer", "kg*3" }, { "feedback", "That multiplies instead of sharing." } } } } },
        { { "id", "zz.maths.percent.003" }, { "target_id", k_maths }, { "kind", "ordering" }, { "difficulty", 3 },
            { "prompt", "Order these percentages from smallest to largest." },
            { "explanation", "Compare the numbers before the % sign." },
            { "slots", { { { "name", "a" }, { "min", 10 }, { "max", 50 } }, { { "name", "d" }, { "min", 3 }, { "max", 9 } } } },
            { "items", items } },
        { { "id", "zz.maths.percent.004" }, { "target_id", k_maths }, { "kind", "quantitative_comparison" }, { "difficulty", 5 },
            { "prompt", "Compare quantity A and quantity B." },
            { "explanation", "50% of {x} is {x/2}; 25% of {y} is {y/4}." },
            { "slots", { { { "name", "x" }, { "min", 10 }, { "max", 40 }, { "step", 2 } },
                           { { "name", "y" }, { "min", 20 }, { "max", 80 }, { "step", 4 } } } },
            { "quantity_a", "50% of {x}" }, { "quantity_b", "25% of {y}" }, { "compare", { { "a", "x/2" }, { "b", "y/4" } } } },
    });
    for (int i = 1; i <= spec.bulk; ++i) {
        templates.push_back({ { "id", "zz.maths.percent.1" + std::string(i < 10 ? "0" : "") + std::to_string(i) },
            { "target_id", k_maths }, { "kind", "single_choice" }, { "difficulty", 1 + i % 5 },
            { "prompt", "Bulk question " + std::to_string(i) + ": what is 10% of 100?" },
            { "explanation", "10% is a tenth: 100 ÷ 10 = 10." },
            { "options", { { { "text", "10" }, { "correct", true } }, { { "text", "1" }, { "feedback", "That is 1%." } } } } });
    }
    if (spec.broken)
        templates[0]["explantion"] = "misspelt";
    return { { "subject", "maths" }, { "strand", "number" },
        { "targets",
            { { { "id", k_maths }, { "title", "Percentages: 50% of a number" },
                { "description", "Halves, quarters and tenths of whole numbers." }, { "bkt", bkt_json(k_maths_bkt) } } } },
        { "templates", templates } };
}

Json english_file(const CurriculumSpec& spec)
{
    Json templates = Json::array({
        { { "id", "zz.eng.apos.001" }, { "target_id", k_english }, { "kind", "short_text" }, { "difficulty", 1 },
            { "prompt", "Write 'the {thing} belonging to the {owner}' with an apostrophe." },
            { "explanation", "One owner: add 's, as in the {owner}'s {thing}." },
            { "variants",
                { { { "owner", "dog" }, { "thing", "bone" } }, { { "owner", "girl" }, { "thing", "bag" } },
                    { { "owner", "teacher" }, { "thing", "desk" } } } },
            { "answers", { "the {owner}'s {thing}", "{owner}'s {thing}" } },
            { "mistakes", { { { "answer", "the {owner}s {thing}" }, { "feedback", "The apostrophe is missing." } } } } },
        { { "id", "zz.eng.apos.002" }, { "target_id", k_english }, { "kind", "single_choice" }, { "difficulty", 2 },
            { "prompt",
                spec.reworded_choice ? "Which phrase shows that the bag belongs to one girl?"
                                     : "Which shows that the bag belongs to one girl?" },
            { "explanation", "One owner: add 's." },
            { "options",
                { { { "text", "the girl's bag" }, { "correct", true } },
                    { { "text", "the girls bag" }, { "feedback", "Without an apostrophe, girls is just a plural." } },
                    { { "text", "the girls' bag" }, { "feedback", "That is the bag of several girls." } } } } },
    });
    if (!spec.drop_cloze)
        templates.push_back({ { "id", "zz.eng.apos.003" }, { "target_id", k_english }, { "kind", "cloze" },
            { "difficulty", 3 }, { "prompt", "Fill in the gap." },
            { "explanation", "The tail belongs to one dog: the dog's tail." }, { "text", "The ___ tail was wagging." },
            { "gaps", Json::array({ "dog's" }) } });
    return { { "subject", "english" }, { "strand", "punctuation" },
        { "targets",
            { { { "id", k_english }, { "title", "Apostrophes for possession" },
                { "description", "Showing who owns something." }, { "bkt", bkt_json(k_english_bkt) } } } },
        { "templates", templates } };
}

void write_curriculum(const TempDir& dir, const CurriculumSpec& spec = {})
{
    dir.write("maths.json", maths_file(spec).dump(2));
    dir.write("english/apostrophes.json", english_file(spec).dump(2));   // folders are searched too
}

// `learnloop seed curriculum --dir`; REQUIREs success and returns the report line.
std::string seed(ApiFixture& f, const TempDir& dir)
{
    auto result = f.cli({ "seed", "curriculum", "--dir", dir.path() });
    INFO("seed curriculum: " << result.err << result.out);
    REQUIRE(result.exit_code == 0);
    return result.out;
}

// The test curriculum seeded from `dir`, and Sid Second, a second student
// in the demo class (placed there by the school's administrator).
Person seed_with_second_student(ApiFixture& f, const TempDir& dir)
{
    write_curriculum(dir);
    seed(f, dir);
    auto sid = f.signup("sid@demo.learnloop.test", "Sid Second", "student");
    auto added = f.api().post("/api/classes/" + str(f.demo.class_id) + "/members", { { "student_id", sid.id } },
        f.token(f.demo.admin));
    REQUIRE(added.status == 201);
    return sid;
}

std::string report(int targets_added, int targets_unchanged, int added, int updated, int unchanged, int retired)
{
    return "curriculum: targets " + std::to_string(targets_added) + " added, 0 updated, "
        + std::to_string(targets_unchanged) + " unchanged, 0 retired; templates " + std::to_string(added) + " added, "
        + std::to_string(updated) + " updated, " + std::to_string(unchanged) + " unchanged, " + std::to_string(retired)
        + " retired";
}

// [SECTION] calls --------------------------------------------------------------

std::string fresh_client_id()
{
    static int counter = 0;
    return "mastery-client-" + std::to_string(++counter);
}

Reply assign(ApiFixture& f, const Person& by, const std::vector<std::string>& targets, const Json& whom)
{
    Json body = whom;
    body["target_ids"] = targets;
    return f.api().post("/api/target-assignments", body, f.token(by));
}

void assign_ok(ApiFixture& f, const Person& by, const std::vector<std::string>& targets, const Json& whom)
{
    auto reply = assign(f, by, targets, whom);
    INFO(describe(reply));
    REQUIRE(reply.status == 201);
}

Json new_set(ApiFixture& f, const Person& student)
{
    auto reply = f.api().post("/api/task-sets", Json::object(), f.token(student));
    INFO(describe(reply));
    REQUIRE(reply.status == 201);
    REQUIRE(reply.json["tasks"].is_array());
    return reply.json;
}

Reply answer(ApiFixture& f, const Person& student, std::int64_t task_id, const Json& answer_json,
    const std::string& client_id, const Json& extra = Json::object())
{
    Json body = { { "client_id", client_id }, { "task_id", task_id }, { "answer", answer_json } };
    for (const auto& [key, value] : extra.items())
        body[key] = value;
    return f.api().post("/api/task-responses", body, f.token(student));
}

// The verdict a browser gives: the task decoded from the wire JSON and graded
// by the shared graders, as the portal does before anything is sent.
std::string browser_verdict(const Json& task_json, const Json& answer_json)
{
    auto task = learnloop::decode_task(task_json);
    REQUIRE(task.ok());
    auto result = learnloop::grade(task.value(), answer_json);
    REQUIRE(result.ok());
    return std::string(learnloop::verdict_name(result.value().verdict));
}

// answer() with the browser's verdict, as the portal sends it.
Reply answer_as_browser(ApiFixture& f, const Person& student, const Json& item, const Json& answer_json,
    const std::string& client_id)
{
    return answer(f, student, item["task_id"].get<std::int64_t>(), answer_json, client_id,
        { { "client_verdict", browser_verdict(item["task"], answer_json) } });
}

Reply mastery(ApiFixture& f, const Person& viewer, std::optional<std::int64_t> student_id = std::nullopt)
{
    return f.api().get("/api/mastery" + (student_id ? "?student_id=" + str(*student_id) : std::string()), f.token(viewer));
}

// The answer the task's own key says is right, read from the task JSON as a browser would.
Json right_answer(const Json& task)
{
    auto kind = task.at("kind").get<std::string>();
    if (kind == "single_choice") {
        for (std::size_t i = 0; i < task["options"].size(); ++i)
            if (task["options"][i].value("correct", false))
                return { { "choice", i } };
    }
    if (kind == "multiple_select") {
        Json choices = Json::array();
        for (std::size_t i = 0; i < task["options"].size(); ++i)
            if (task["options"][i].value("correct", false))
                choices.push_back(i);
        return { { "choices", choices } };
    }
    if (kind == "numeric")
        return { { "value", task["answer"] } };
    if (kind == "short_text")
        return { { "text", task["answers"][0] } };
    if (kind == "cloze") {
        Json gaps = Json::array();
        for (const auto& gap : task["gaps"])
            gaps.push_back(gap[0]);
        return { { "gaps", gaps } };
    }
    if (kind == "ordering")
        return { { "order", task["correct_order"] } };
    if (kind == "quantitative_comparison")
        return { { "choice", task["answer"] } };
    FAIL("no right answer for " << task.dump());
    return nullptr;
}

// An answer that scores 0.
Json wrong_answer(const Json& task)
{
    auto kind = task.at("kind").get<std::string>();
    if (kind == "single_choice") {
        for (std::size_t i = 0; i < task["options"].size(); ++i)
            if (!task["options"][i].value("correct", false))
                return { { "choice", i } };
    }
    if (kind == "numeric")
        return { { "value", task["answer"].get<double>() + 100 } };
    if (kind == "short_text")
        return { { "text", "definitely not it" } };
    if (kind == "cloze") {
        Json gaps = Json::array();
        for (std::size_t i = 0; i < task["gaps"].size(); ++i)
            gaps.push_back("zzz");
        return { { "gaps", gaps } };
    }
    if (kind == "ordering") {   // rotated by one: no item in its place
        auto order = task["correct_order"].get<std::vector<int>>();
        std::rotate(order.begin(), order.begin() + 1, order.end());
        return { { "order", order } };
    }
    if (kind == "quantitative_comparison") {
        for (const char* choice : { "a_greater", "b_greater", "equal", "cannot_determine" })
            if (task["answer"] != choice)
                return { { "choice", choice } };
    }
    FAIL("no wrong answer for " << task.dump());
    return nullptr;
}

const Json* task_of_kind(const Json& set, const std::string& kind)
{
    for (const auto& item : set["tasks"])
        if (item["task"]["kind"] == kind)
            return &item;
    return nullptr;
}

const Json* find_target(const Json& list, const std::string& code)
{
    if (!list.is_array())
        return nullptr;
    for (const auto& item : list)
        if (item.is_object() && item.value("target_id", std::string()) == code)
            return &item;
    return nullptr;
}

std::vector<std::string> target_codes(const Json& list)
{
    std::vector<std::string> codes;
    if (list.is_array())
        for (const auto& item : list)
            codes.push_back(item.value("target_id", std::string()));
    return codes;
}

std::string level_name(double known, int attempts)
{
    return std::string(learnloop::mastery_level_name(learnloop::mastery_level(known, attempts)));
}

// Mastery as the client expects it to move: BKT from the target's prior, one answer at a time.
struct ExpectedMastery {
    std::map<std::string, double> known { { k_maths, k_maths_bkt.prior }, { k_english, k_english_bkt.prior } };
    std::map<std::string, int> attempts;

    // Checks a 201 answer reply against the model and advances it.
    void check(const Reply& reply, const std::string& target, const std::string& verdict)
    {
        INFO(describe(reply));
        REQUIRE(reply.status == 201);
        CHECK(reply.json["verdict"] == verdict);
        CHECK(reply.json["duplicate"] == false);
        double before = known[target];
        double after = learnloop::bkt_update(params_of(target), before, verdict == "correct");
        int count = ++attempts[target];
        CHECK(reply.json["known_before"].get<double>() == Approx(before).margin(1e-12));
        const auto& state = reply.json["target"];
        CHECK(state["target_id"] == target);
        CHECK(state["known"].get<double>() == Approx(after).margin(1e-12));
        CHECK(state["attempts"] == count);
        CHECK(state["level"] == level_name(after, count));
        CHECK(state["bkt"] == bkt_json(params_of(target)));
        CHECK(state["answers_to_proficient"]
            == learnloop::answers_to_reach(params_of(target), after, learnloop::MasteryLevel::Proficient));
        known[target] = after;
    }
};

std::int64_t count_rows(ApiFixture& f, const std::string& table) { return f.sql_int("SELECT count(*) FROM " + table); }

// What an answer may write; equal before and after a refused one.
struct WriteSnapshot {
    std::int64_t responses, audit, states_total;
    std::string states;
    bool operator==(const WriteSnapshot&) const = default;
};

WriteSnapshot snapshot(ApiFixture& f)
{
    return { count_rows(f, "task_responses"), f.audit_count(), count_rows(f, "mastery_states"),
        f.sql_text("SELECT coalesce(string_agg(student_id || ':' || target_id || ':' || known || ':' || attempts, ','"
                   " ORDER BY student_id, target_id), '') FROM mastery_states") };
}

} // namespace

// [SECTION] seeding the curriculum ---------------------------------------------

TEST_CASE("seed curriculum is idempotent, updates changed templates, retires removed ones (gone from new sets, "
          "kept in history)",
    "[api][mastery]")
{
    ApiFixture f("mastery_seed");
    auto& D = f.demo;
    TempDir dir("curriculum");
    write_curriculum(dir);

    CHECK_THAT(seed(f, dir), Catch::Contains(report(2, 0, 7, 0, 0, 0)));
    CHECK_THAT(seed(f, dir), Catch::Contains(report(0, 2, 0, 0, 7, 0)));   // nothing changed: nothing written
    CHECK(f.sql_int("SELECT count(*) FROM learning_targets WHERE tenant_id IS NULL") == 2);
    CHECK(f.sql_int("SELECT count(*) FROM task_templates WHERE tenant_id IS NULL AND retired_at IS NULL") == 7);

    // A broken file is refused as a whole, naming the file; nothing changes.
    {
        TempDir broken("curriculum-broken");
        CurriculumSpec spec;
        spec.broken = true;
        write_curriculum(broken, spec);
        auto result = f.cli({ "seed", "curriculum", "--dir", broken.path() });
        INFO(result.err << result.out);
        CHECK(result.exit_code != 0);
        CHECK_THAT(result.err + result.out, Catch::Contains("maths.json") && Catch::Contains("explantion"));
        CHECK(f.sql_int("SELECT count(*) FROM task_templates WHERE retired_at IS NULL") == 7);
    }

    assign_ok(f, D.teacher, { k_maths, k_english }, { { "student_id", D.student.id } });
    auto first = new_set(f, D.student);
    REQUIRE(first["tasks"].size() == 7);   // fewer templates than the set size: every one of them
    const Json* cloze = task_of_kind(first, "cloze");
    REQUIRE(cloze != nullptr);
    CHECK((*cloze)["task"]["template_id"] == "zz.eng.apos.003");
    auto answered = answer(f, D.student, (*cloze)["task_id"].get<std::int64_t>(), right_answer((*cloze)["task"]),
        fresh_client_id());
    INFO(describe(answered));
    REQUIRE(answered.status == 201);

    // One template reworded: exactly it is updated.
    CurriculumSpec spec;
    spec.reworded_choice = true;
    write_curriculum(dir, spec);
    CHECK_THAT(seed(f, dir), Catch::Contains(report(0, 2, 0, 1, 6, 0)));
    // The cloze template removed from the file: retired, not deleted; seeding again retires nothing more.
    spec.drop_cloze = true;
    write_curriculum(dir, spec);
    CHECK_THAT(seed(f, dir), Catch::Contains(report(0, 2, 0, 0, 6, 1)));
    CHECK_THAT(seed(f, dir), Catch::Contains(report(0, 2, 0, 0, 6, 0)));
    CHECK(f.sql_text("SELECT (retired_at IS NOT NULL)::text FROM task_templates WHERE code = 'zz.eng.apos.003'") == "true");

    // New sets leave it out, and show the reworded prompt.
    auto second = new_set(f, D.student);
    CHECK(second["tasks"].size() == 6);
    for (const auto& item : second["tasks"]) {
        CHECK(item["task"]["template_id"] != "zz.eng.apos.003");
        if (item["task"]["template_id"] == "zz.eng.apos.002")
            CHECK(item["task"]["prompt"] == "Which phrase shows that the bag belongs to one girl?");
    }
    // The catalogue counts only live templates.
    auto targets = f.api().get("/api/curriculum/targets", f.token(D.teacher));
    REQUIRE(targets.status == 200);
    REQUIRE(find_target(targets.json, k_english) != nullptr);
    CHECK((*find_target(targets.json, k_english))["templates"] == 2);
    CHECK((*find_target(targets.json, k_maths))["templates"] == 4);

    // The earlier answer to the retired template is still in the student's history.
    auto seen = mastery(f, D.student);
    INFO(describe(seen));
    REQUIRE(seen.status == 200);
    REQUIRE(seen.json["history"].size() == 1);
    CHECK(seen.json["history"][0]["target_id"] == k_english);
    CHECK(seen.json["history"][0]["verdict"] == "correct");
    // The same moment in the school's zone (a whole-hour offset: the same minute).
    {
        auto utc = seen.json["history"][0]["answered_at"].get<std::string>();
        auto local = seen.json["history"][0]["answered_local"].get<std::string>();
        REQUIRE(local.size() == 16);
        CHECK(local.substr(0, 4) == utc.substr(0, 4));
        CHECK(local.substr(14, 2) == utc.substr(14, 2));   // same minute
    }
    CHECK(seen.json["history"][0]["known"].get<double>()
        == Approx(answered.json["target"]["known"].get<double>()).margin(1e-12));
    CHECK(find_target(seen.json["targets"], k_english) != nullptr);

    // Putting it back brings it back (counted as updated).
    spec.drop_cloze = false;
    write_curriculum(dir, spec);
    CHECK_THAT(seed(f, dir), Catch::Contains(report(0, 2, 0, 1, 6, 0)));
    auto third = new_set(f, D.student);
    CHECK(third["tasks"].size() == 7);
}

TEST_CASE("an answer to a task made before its template changed is graded as the task was shown", "[api][mastery]")
{
    ApiFixture f("mastery_template_change");
    auto& D = f.demo;
    TempDir dir("curriculum");
    write_curriculum(dir);
    seed(f, dir);
    assign_ok(f, D.teacher, { k_maths }, { { "student_id", D.student.id } });
    auto set = new_set(f, D.student);   // e.g. downloaded for offline practice
    const Json* ordering = task_of_kind(set, "ordering");
    REQUIRE(ordering != nullptr);
    REQUIRE((*ordering)["task"]["items"].size() == 4);

    // The author adds a fifth item to the template before the student's answer syncs.
    CurriculumSpec spec;
    spec.longer_ordering = true;
    write_curriculum(dir, spec);
    CHECK_THAT(seed(f, dir), Catch::Contains(report(0, 2, 0, 1, 6, 0)));

    // The student ordered the four items they were shown, correctly.
    auto reply = answer(f, D.student, (*ordering)["task_id"].get<std::int64_t>(), right_answer((*ordering)["task"]),
        fresh_client_id(), { { "client_verdict", "correct" } });
    INFO(describe(reply));
    CHECK(reply.status == 201);
    CHECK(reply.json["verdict"] == "correct");
    CHECK(reply.json["disagreement"] == false);
}

// [SECTION] the catalogue ------------------------------------------------------

TEST_CASE("GET /api/curriculum/targets: literal case-insensitive search, strand and subject filters, pages; "
          "students and parents 403",
    "[api][mastery]")
{
    ApiFixture f("mastery_targets");
    auto& D = f.demo;
    TempDir dir("curriculum");
    write_curriculum(dir);
    seed(f, dir);
    auto& api = f.api();
    auto list = [&](const std::string& query) {
        auto reply = api.get("/api/curriculum/targets" + query, f.token(D.teacher));
        INFO(describe(reply));
        REQUIRE(reply.status == 200);
        REQUIRE(reply.json.is_array());
        return reply;
    };

    auto all = list("");
    CHECK(target_codes(all.json) == std::vector<std::string> { k_english, k_maths });   // by subject, strand, code
    CHECK(all.header("X-Total-Count") == "2");
    CHECK(all.header("Link").empty());
    const Json* maths = find_target(all.json, k_maths);
    REQUIRE(maths != nullptr);
    CHECK((*maths)["subject"] == "maths");
    CHECK((*maths)["strand"] == "number");
    CHECK((*maths)["title"] == "Percentages: 50% of a number");
    CHECK((*maths)["description"] == "Halves, quarters and tenths of whole numbers.");
    CHECK((*maths)["templates"] == 4);
    CHECK((*find_target(all.json, k_english))["templates"] == 3);

    // Search: title, code and description, case-insensitively; % and _ are plain characters.
    const std::vector<std::pair<std::string, std::vector<std::string>>> searches = {
        { "APOSTROPHES", { k_english } },
        { "percentages", { k_maths } },
        { "ZZ.MATHS", { k_maths } },
        { "who%20owns", { k_english } },
        { "%25", { k_maths } },              // "%": only the title that has one
        { "50%25", { k_maths } },
        { "_", { k_english } },              // "_": only the code that has one
        { "apos_t", { k_english } },
        { "zz%25eng", {} },                  // a wildcard would match zz.eng...
        { "zz_eng", {} },                    // ... and so would this
        { "zz.", { k_english, k_maths } },
        { "nothing-like-this", {} },
    };
    for (const auto& [q, expected] : searches) {
        INFO("q=" << q);
        auto found = list("?q=" + q);
        CHECK(target_codes(found.json) == expected);
        CHECK(found.header("X-Total-Count") == str(static_cast<std::int64_t>(expected.size())));
    }
    CHECK(target_codes(list("?strand=punctuation").json) == std::vector<std::string> { k_english });
    CHECK(target_codes(list("?strand=number").json) == std::vector<std::string> { k_maths });
    CHECK(target_codes(list("?strand=Number").json).empty());
    CHECK(target_codes(list("?subject=maths&q=50").json) == std::vector<std::string> { k_maths });
    CHECK(target_codes(list("?strand=number&q=apostrophes").json).empty());

    // Pages: X-Total-Count is the whole match, Link the next page with the filters kept.
    auto page1 = list("?q=zz&limit=1");
    CHECK(target_codes(page1.json) == std::vector<std::string> { k_english });
    CHECK(page1.header("X-Total-Count") == "2");
    CHECK_THAT(page1.header("Link"), Catch::Contains("rel=\"next\"") && Catch::Contains("q=zz")
            && Catch::Contains("limit=1") && Catch::Contains("offset=1"));
    auto page2 = list("?q=zz&limit=1&offset=1");
    CHECK(target_codes(page2.json) == std::vector<std::string> { k_maths });
    CHECK(page2.header("X-Total-Count") == "2");
    CHECK(page2.header("Link").empty());
    auto beyond = list("?limit=5&offset=10");
    CHECK(beyond.json.empty());
    CHECK(beyond.header("X-Total-Count") == "2");
    for (const auto& bad : { "?limit=0", "?limit=201", "?limit=abc", "?offset=-1" }) {
        INFO(bad);
        auto reply = api.get(std::string("/api/curriculum/targets") + bad, f.token(D.teacher));
        check_error(reply, 400, "Invalid request");
    }

    // Staff browse; students and parents do not.
    for (const Person* person : { &D.admin, &D.moderator }) {
        auto reply = api.get("/api/curriculum/targets", f.token(*person));
        INFO(person->role << ": " << describe(reply));
        CHECK(reply.status == 200);
        CHECK(reply.json.size() == 2);
    }
    for (const Person* person : { &D.student, &D.parent }) {
        INFO(person->role);
        check_error(api.get("/api/curriculum/targets", f.token(*person)), 403, "Unauthorized",
            "Only staff can browse the curriculum");
    }
    check_error(api.get("/api/curriculum/targets"), 401, "Unauthorized");
}

// [SECTION] assigning targets ----------------------------------------------------

TEST_CASE("POST /api/target-assignments: teachers assign to their students and classes; duplicates not re-added; "
          "refusals change nothing",
    "[api][mastery]")
{
    ApiFixture f("mastery_assign");
    auto& D = f.demo;
    auto& api = f.api();
    TempDir dir("curriculum");

    // A second member of the class, a student outside it, and another teacher with a class of their own.
    auto sid = seed_with_second_student(f, dir);
    auto outsider = f.signup("outsider@demo.learnloop.test", "Olly Outsider", "student");
    auto teacher2 = f.create_user("demo", "teacher2@demo.learnloop.test", "Tom Teacher-Two", "teacher");
    auto other_class = api.post("/api/classes", { { "name", "Year 9 Maths" } }, f.token(teacher2));
    REQUIRE(other_class.status == 201);
    auto other_class_id = other_class.json["class_id"].get<std::int64_t>();
    for (const Person* person : { &D.teacher, &D.admin, &D.student, &D.parent, &D.moderator, &teacher2 })
        f.token(*person);   // sign in before counting audit rows

    auto assignments = [&] { return count_rows(f, "target_assignments"); };
    auto audit = f.audit_count();
    auto expect_audit = [&](int added_count, const std::string& what) {
        INFO("audit after " << what);
        CHECK(f.audit_count() == audit + 1);
        CHECK(f.last_audit_action() == "target.assign");
        CHECK(f.sql_text("SELECT after->>'added' FROM audit_log ORDER BY id DESC LIMIT 1") == str(added_count));
        audit = f.audit_count();
    };

    // One student of the teacher's class.
    auto one = assign(f, D.teacher, { k_maths }, { { "student_id", D.student.id } });
    INFO(describe(one));
    CHECK(one.status == 201);
    CHECK(one.json["assigned"] == 1);
    CHECK(one.json["students"] == 1);
    expect_audit(1, "one student");
    // The same again: nothing new.
    auto again = assign(f, D.teacher, { k_maths }, { { "student_id", D.student.id } });
    CHECK(again.status == 201);
    CHECK(again.json["assigned"] == 0);
    expect_audit(0, "a duplicate");
    CHECK(assignments() == 1);

    // The whole class: every member, without the existing pair.
    auto cls = assign(f, D.teacher, { k_maths, k_english }, { { "class_id", D.class_id } });
    INFO(describe(cls));
    CHECK(cls.status == 201);
    CHECK(cls.json["assigned"] == 3);
    CHECK(cls.json["students"] == 2);
    expect_audit(3, "the class");
    CHECK(assignments() == 4);
    CHECK(f.sql_int("SELECT count(*) FROM target_assignments WHERE student_id = " + str(sid.id) + " AND assigned_by = "
              + str(D.teacher.id) + " AND tenant_id = " + str(D.id))
        == 2);

    // Refusals: each answers as expected and writes nothing.
    struct Refusal {
        std::string what;
        const Person* by;
        std::vector<std::string> targets;
        Json whom;
        int status;
        std::string error;
        std::string field;
    };
    const std::vector<Refusal> refusals = {
        { "unknown target", &D.teacher, { "zz.no.such.target" }, { { "student_id", D.student.id } }, 400,
            "Invalid request", "target_ids" },
        { "unknown target among known ones", &D.teacher, { k_english, "zz.no.such.target" },
            { { "student_id", outsider.id } }, 400, "Invalid request", "target_ids" },
        { "no targets", &D.teacher, {}, { { "student_id", D.student.id } }, 400, "Invalid request", "target_ids" },
        { "student outside the teacher's classes (as if there were none)", &D.teacher, { k_maths },
            { { "student_id", outsider.id } }, 404, "Student not found", "" },
        { "a teacher, not a student", &D.teacher, { k_maths }, { { "student_id", teacher2.id } }, 404,
            "Student not found", "" },
        { "a parent, not a student", &D.teacher, { k_maths }, { { "student_id", D.parent.id } }, 404,
            "Student not found", "" },
        { "no such user", &D.teacher, { k_maths }, { { "student_id", 99999999 } }, 404, "Student not found", "" },
        { "another teacher's class", &D.teacher, { k_maths }, { { "class_id", other_class_id } }, 403, "Forbidden", "" },
        { "no such class", &D.teacher, { k_maths }, { { "class_id", 99999999 } }, 404, "Class not found", "" },
        { "the other teacher, to the first teacher's student", &teacher2, { k_maths }, { { "student_id", sid.id } }, 404,
            "Student not found", "" },
        { "a student", &D.student, { k_maths }, { { "student_id", D.student.id } }, 403, "Unauthorized", "" },
        { "a parent", &D.parent, { k_maths }, { { "student_id", D.student.id } }, 403, "Unauthorized", "" },
        { "a moderator", &D.moderator, { k_maths }, { { "student_id", outsider.id } }, 403, "Unauthorized", "" },
    };
    for (const auto& refusal : refusals) {
        INFO(refusal.what);
        auto reply = assign(f, *refusal.by, refusal.targets, refusal.whom);
        check_error(reply, refusal.status, refusal.error);
        if (!refusal.field.empty())
            CHECK(reply.field() == refusal.field);
        CHECK(f.audit_count() == audit);
        CHECK(assignments() == 4);
    }
    // target_ids of the wrong type.
    for (const Json& bad : { Json("zz.maths.percent"), Json::array({ 7 }), Json(nullptr) }) {
        auto reply = api.post("/api/target-assignments", { { "target_ids", bad }, { "student_id", D.student.id } },
            f.token(D.teacher));
        INFO(bad.dump());
        check_error(reply, 400, "Invalid request");
        CHECK(reply.field() == "target_ids");
    }
    CHECK(f.audit_count() == audit);

    // An administrator may assign to any student of the school.
    auto by_admin = assign(f, D.admin, { k_english }, { { "student_id", outsider.id } });
    INFO(describe(by_admin));
    CHECK(by_admin.status == 201);
    CHECK(by_admin.json["assigned"] == 1);
    expect_audit(1, "the admin");
    // The other teacher, to their own (empty) class: allowed, nobody to assign.
    auto empty_class = assign(f, teacher2, { k_maths }, { { "class_id", other_class_id } });
    CHECK(empty_class.status == 201);
    CHECK(empty_class.json["assigned"] == 0);
    CHECK(empty_class.json["students"] == 0);
    expect_audit(0, "an empty class");
    CHECK(assignments() == 5);

    // From marking: the submission that prompted the targets is kept with
    // them (Sam's English target taken off first, so it is added again).
    f.sql("UPDATE target_assignments SET removed_at = now() FROM learning_targets l WHERE l.id = target_id"
          " AND student_id = " + str(D.student.id) + " AND l.code = '" + k_english + "'");
    auto sams_work = f.submit(D.student, D.assignment_id, "Sam's letter");
    auto sids_work = f.submit(sid, D.assignment_id, "Sid's letter");
    audit = f.audit_count();
    auto marked = assign(f, D.teacher, { k_english }, { { "student_id", D.student.id }, { "submission_id", sams_work } });
    INFO(describe(marked));
    CHECK(marked.status == 201);
    CHECK(marked.json["assigned"] == 1);
    expect_audit(1, "targets from a submission");
    CHECK(f.sql_int("SELECT submission_id FROM target_assignments t JOIN learning_targets l ON l.id = t.target_id"
                    " WHERE t.student_id = " + str(D.student.id) + " AND l.code = '" + k_english + "' AND t.removed_at IS NULL")
        == sams_work);
    // Someone else's work, work that is not there, or not the teacher's: refused, nothing written.
    auto rows_before = assignments();
    auto not_theirs = assign(f, D.teacher, { k_english }, { { "student_id", sid.id }, { "submission_id", sams_work } });
    check_error(not_theirs, 400, "Invalid request");
    CHECK(not_theirs.field() == "submission_id");
    check_error(assign(f, D.teacher, { k_english }, { { "student_id", sid.id }, { "submission_id", 99999999 } }), 404,
        "Submission not found");
    check_error(assign(f, D.teacher, { k_english }, { { "class_id", D.class_id }, { "submission_id", "x" } }), 400,
        "Invalid request");
    auto theirs_class = api.post("/api/classes/" + str(other_class_id) + "/members", { { "student_id", outsider.id } },
        f.token(D.admin));
    REQUIRE(theirs_class.status == 201);
    audit = f.audit_count();
    check_error(assign(f, teacher2, { k_maths }, { { "student_id", outsider.id }, { "submission_id", sids_work } }), 404,
        "Submission not found");
    CHECK(f.audit_count() == audit);
    CHECK(assignments() == rows_before);
    // For a whole class: allowed when it is one member's work.
    CHECK(assign(f, D.teacher, { k_english }, { { "class_id", D.class_id }, { "submission_id", sids_work } }).status == 201);
}

// [SECTION] task sets ----------------------------------------------------------

TEST_CASE("POST /api/task-sets: none without targets; then up to 20 tasks with answers, no template twice, "
          "and the targets' mastery",
    "[api][mastery]")
{
    ApiFixture f("mastery_sets");
    auto& D = f.demo;
    auto& api = f.api();
    TempDir dir("curriculum");
    CurriculumSpec spec;
    spec.bulk = 20;   // 27 templates: more than a set holds
    write_curriculum(dir, spec);
    CHECK_THAT(seed(f, dir), Catch::Contains(report(2, 0, 27, 0, 0, 0)));

    auto none = api.post("/api/task-sets", Json::object(), f.token(D.student));
    INFO(describe(none));
    CHECK(none.status == 200);
    CHECK(none.json["tasks"] == Json::array());
    CHECK(none.json["targets"] == Json::array());
    CHECK(none.json["set_id"].is_null());
    CHECK_FALSE(none.json.value("message", std::string()).empty());
    CHECK(count_rows(f, "task_sets") == 0);

    for (const Person* person : { &D.teacher, &D.parent, &D.admin, &D.moderator }) {
        INFO(person->role);
        check_error(api.post("/api/task-sets", Json::object(), f.token(*person)), 403, "Unauthorized");
    }

    assign_ok(f, D.teacher, { k_maths, k_english }, { { "student_id", D.student.id } });
    auto audit = f.audit_count();
    auto set = new_set(f, D.student);
    CHECK(f.audit_count() == audit + 1);
    CHECK(f.last_audit_action() == "task_set.create");
    REQUIRE(set["set_id"].is_number_integer());
    auto set_id = set["set_id"].get<std::int64_t>();
    const auto& tasks = set["tasks"];
    CHECK(tasks.size() == 20);
    std::set<std::string> templates;
    std::set<std::int64_t> task_ids;
    std::map<std::string, int> per_target;
    for (const auto& item : tasks) {
        INFO(item.dump());
        REQUIRE(item["task_id"].is_number_integer());
        task_ids.insert(item["task_id"].get<std::int64_t>());
        auto target = item.value("target_id", std::string());
        CHECK((target == k_maths || target == k_english));
        ++per_target[target];
        CHECK((item["reason"] == "practice" || item["reason"] == "review"));
        const auto& task = item["task"];
        REQUIRE(task.is_object());
        CHECK(task["target_id"] == target);
        CHECK(task["view"] == "with_answers");
        CHECK(task["seed"].is_string());
        CHECK(task["explanation"].is_string());
        auto template_id = task.value("template_id", std::string());
        CHECK(templates.insert(template_id).second);   // no template twice
        CHECK(template_id.rfind(target == k_maths ? "zz.maths.percent." : "zz.eng.apos.", 0) == 0);
        auto kind = task.value("kind", std::string());
        if (kind == "single_choice") {
            int correct = 0;
            for (const auto& option : task["options"]) {
                CHECK(option["correct"].is_boolean());
                correct += option.value("correct", false) ? 1 : 0;
            }
            CHECK(correct == 1);
        } else if (kind == "numeric") {
            CHECK(task["answer"].is_number());
            CHECK(task["tolerance"] == 0.006);
        } else if (kind == "short_text") {
            CHECK(task["answers"].size() == 2);
        } else if (kind == "ordering") {
            CHECK(task["correct_order"].size() == 4);
        } else if (kind == "cloze") {
            CHECK(task["gaps"] == Json::array({ Json::array({ "dog's" }) }));
        } else {
            CHECK(kind == "quantitative_comparison");
            CHECK(task["answer"].is_string());
        }
    }
    CHECK(task_ids.size() == 20);
    CHECK(per_target[k_english] == 3);   // the weaker target gets all its templates
    CHECK(f.sql_int("SELECT count(*) FROM tasks WHERE set_id = " + str(set_id)) == 20);
    CHECK(f.sql_int("SELECT count(*) FROM task_sets WHERE id = " + str(set_id) + " AND student_id = "
              + str(D.student.id) + " AND tenant_id = " + str(D.id))
        == 1);

    REQUIRE(set["targets"].size() == 2);
    for (const auto& code : { k_maths, k_english }) {
        INFO(code);
        const Json* state = find_target(set["targets"], code);
        REQUIRE(state != nullptr);
        const auto& p = params_of(code);
        CHECK((*state)["known"].get<double>() == Approx(p.prior).margin(1e-12));
        CHECK((*state)["attempts"] == 0);
        CHECK((*state)["level"] == "not_started");
        CHECK((*state)["bkt"] == bkt_json(p));
        CHECK((*state)["title"].is_string());
        CHECK((*state)["answers_to_proficient"] == learnloop::answers_to_reach(p, p.prior, learnloop::MasteryLevel::Proficient));
        CHECK((*state)["answers_to_mastered"] == learnloop::answers_to_reach(p, p.prior, learnloop::MasteryLevel::Mastered));
    }

    // Every set is new: other task ids, the same rules.
    auto next = new_set(f, D.student);
    CHECK(next["set_id"] != set["set_id"]);
    CHECK(next["tasks"].size() == 20);
    for (const auto& item : next["tasks"])
        CHECK(task_ids.count(item["task_id"].get<std::int64_t>()) == 0);
}

// [SECTION] answers --------------------------------------------------------------

TEST_CASE("POST /api/task-responses: re-graded by the server, BKT-updated, idempotent by client id, "
          "malformed answers refused",
    "[api][mastery]")
{
    ApiFixture f("mastery_answers");
    auto& D = f.demo;
    auto& api = f.api();
    TempDir dir("curriculum");
    auto sid = seed_with_second_student(f, dir);
    assign_ok(f, D.teacher, { k_maths, k_english }, { { "class_id", D.class_id } });
    f.token(D.student);
    f.token(sid);

    ExpectedMastery expected;
    // The first set: every kind answered right, with the answer read from the task.
    auto first = new_set(f, D.student);
    REQUIRE(first["tasks"].size() == 7);
    std::string first_client;
    std::int64_t first_task = 0;
    for (const auto& item : first["tasks"]) {
        INFO(item["task"].dump());
        auto client = fresh_client_id();
        auto reply = answer_as_browser(f, D.student, item, right_answer(item["task"]), client);
        expected.check(reply, item["target_id"].get<std::string>(), "correct");
        CHECK(reply.json["score"] == 1.0);
        CHECK(reply.json["disagreement"] == false);   // the browser said "correct" too
        CHECK(reply.json["explanation"].is_string());
        CHECK_FALSE(reply.json["explanation"].get<std::string>().empty());
        if (first_client.empty()) {
            first_client = client;
            first_task = item["task_id"].get<std::int64_t>();
        }
    }
    CHECK(count_rows(f, "task_responses") == 7);

    // A second set: every kind answered wrong; mastery falls below where a right answer would take it.
    auto second = new_set(f, D.student);
    REQUIRE(second["tasks"].size() == 7);
    for (const auto& item : second["tasks"]) {
        INFO(item["task"].dump());
        auto target = item["target_id"].get<std::string>();
        double before = expected.known[target];
        auto reply = answer_as_browser(f, D.student, item, wrong_answer(item["task"]), fresh_client_id());
        expected.check(reply, target, "incorrect");
        CHECK(reply.json["score"] == 0.0);
        CHECK(reply.json["disagreement"] == false);
        double after = reply.json["target"]["known"].get<double>();
        CHECK(after < before);
        CHECK(after < learnloop::bkt_update(params_of(target), before, true));
    }

    // Sending the first answer again (offline sync): the stored verdict, nothing new.
    {
        auto before = snapshot(f);
        auto stored = f.sql("SELECT verdict, score, known_after FROM task_responses WHERE client_id = '" + first_client + "'");
        REQUIRE(stored.size() == 1);
        auto again = answer(f, D.student, first_task, { { "choice", 0 } }, first_client);
        INFO(describe(again));
        CHECK(again.status == 200);
        CHECK(again.json["duplicate"] == true);
        CHECK(again.json["verdict"] == stored[0][0].as<std::string>());
        CHECK(again.json["score"].get<double>() == stored[0][1].as<double>());
        CHECK(again.json["known"].get<double>() == Approx(stored[0][2].as<double>()).margin(1e-12));
        CHECK(snapshot(f) == before);
        // The same task with another client id: answered already.
        auto other_client = answer(f, D.student, first_task, right_answer(first["tasks"][0]["task"]), fresh_client_id());
        check_error(other_client, 409, "Task already answered");
        // The same client id for another task: a conflict on the client id.
        auto reused = answer(f, D.student, second["tasks"][0]["task_id"].get<std::int64_t>(), { { "choice", 0 } },
            first_client);
        check_error(reused, 409, "Conflict");
        CHECK(reused.field() == "client_id");
        CHECK(snapshot(f) == before);
    }

    // Another student's task, or no task at all: 404, nothing written.
    {
        auto theirs = new_set(f, sid);
        REQUIRE_FALSE(theirs["tasks"].empty());
        const auto& item = theirs["tasks"][0];
        auto before = snapshot(f);
        auto reply = answer(f, D.student, item["task_id"].get<std::int64_t>(), right_answer(item["task"]), fresh_client_id());
        check_error(reply, 404, "Task not found");
        check_error(answer(f, D.student, 99999999, { { "choice", 0 } }, fresh_client_id()), 404, "Task not found");
        CHECK(snapshot(f) == before);
        // Sid can still answer it.
        auto own = answer(f, sid, item["task_id"].get<std::int64_t>(), right_answer(item["task"]), fresh_client_id());
        CHECK(own.status == 201);
    }

    // A third set for the refusals; refused answers leave every task answerable.
    auto third = new_set(f, D.student);
    REQUIRE(third["tasks"].size() == 7);
    const Json* choice = task_of_kind(third, "single_choice");
    const Json* numeric = task_of_kind(third, "numeric");
    const Json* text = task_of_kind(third, "short_text");
    const Json* ordering = task_of_kind(third, "ordering");
    const Json* cloze = task_of_kind(third, "cloze");
    const Json* comparison = task_of_kind(third, "quantitative_comparison");
    REQUIRE((choice && numeric && text && ordering && cloze && comparison));
    auto id_of = [](const Json* item) { return (*item)["task_id"].get<std::int64_t>(); };
    auto order_size = (*ordering)["task"]["correct_order"].size();
    {
        auto before = snapshot(f);
        const std::vector<std::pair<const Json*, Json>> malformed = {
            { choice, { { "choice", 99 } } },
            { choice, { { "choice", -1 } } },
            { choice, { { "choice", "0" } } },
            { choice, { { "choice", 0 }, { "extra", true } } },
            { choice, Json::object() },
            { choice, { { "value", 1 } } },
            { numeric, { { "value", "NaN" } } },
            { numeric, { { "value", nullptr } } },
            { numeric, { { "value", "3.33" } } },
            { text, { { "text", std::string(1001, 'a') } } },
            { text, { { "text", 5 } } },
            { ordering, { { "order", Json::array({ 0, 0, 1, 2 }) } } },
            { ordering, { { "order", Json::array({ 0, 1, 2 }) } } },
            { ordering, { { "order", Json::array({ 0, 1, 2, static_cast<int>(order_size) }) } } },
            { cloze, { { "gaps", Json::array({ "dog's", "extra" }) } } },
            { cloze, { { "gaps", "dog's" } } },
            { comparison, { { "choice", "bigger" } } },
            { comparison, { { "choice", 0 } } },
        };
        for (const auto& [item, bad] : malformed) {
            INFO((*item)["task"]["kind"] << " " << bad.dump(-1, ' ', false, Json::error_handler_t::replace));
            auto reply = answer(f, D.student, id_of(item), bad, fresh_client_id());
            check_error(reply, 400, "Invalid request");
        }
        // The answer itself not an object, or missing.
        for (const Json& bad : { Json::array({ 1 }), Json("1"), Json(nullptr) }) {
            INFO(bad.dump());
            auto reply = answer(f, D.student, id_of(choice), bad, fresh_client_id());
            check_error(reply, 400, "Invalid request");
            CHECK(reply.field() == "answer");
        }
        // Numbers JSON cannot carry (NaN), or that overflow a double.
        for (const std::string& value : { "NaN", "Infinity", "1e999", "-1e999", "\"\xff\xfe\"" }) {
            INFO(value);
            auto body = "{\"client_id\": \"" + fresh_client_id() + "\", \"task_id\": " + str(id_of(numeric))
                + ", \"answer\": {\"value\": " + value + "}}";
            check_error(api.send_text("POST", "/api/task-responses", body, "application/json", f.token(D.student)), 400,
                "Invalid request");
        }
        // Bad client ids.
        for (const Json& client : { Json("short"), Json("1234567"), Json("has spaces in it"), Json("semi;colon;id"),
                 Json("ünïcödé-client"), Json(std::string(65, 'a')), Json(12345678), Json(nullptr) }) {
            INFO(client.dump());
            Json body = { { "client_id", client }, { "task_id", id_of(choice) }, { "answer", right_answer((*choice)["task"]) } };
            auto reply = api.post("/api/task-responses", body, f.token(D.student));
            check_error(reply, 400, "Invalid request");
            CHECK(reply.field() == "client_id");
        }
        // Bad answered_at.
        for (const Json& when : { Json("2026-03-01T09:30:00"), Json("2026-03-01 09:30:00Z"),
                 Json("2026-03-01T09:30:00+00:00"), Json("2026-03-01T09:30:00.000Z"), Json("2026-02-30T09:30:00Z"),
                 Json("2026-03-01T24:30:00Z"), Json("2026-03-01T09:30:00z"), Json("yesterday"), Json(1772357400) }) {
            INFO(when.dump());
            auto reply = answer(f, D.student, id_of(choice), right_answer((*choice)["task"]), fresh_client_id(),
                { { "answered_at", when } });
            check_error(reply, 400, "Invalid request");
            CHECK(reply.field() == "answered_at");
        }
        CHECK(snapshot(f) == before);
    }

    // A client verdict that disagrees with the server's: stored, flagged, the server's verdict counts.
    {
        auto client = fresh_client_id();
        auto reply = answer(f, D.student, id_of(choice), right_answer((*choice)["task"]), client,
            { { "client_verdict", "incorrect" } });
        expected.check(reply, (*choice)["target_id"].get<std::string>(), "correct");
        CHECK(reply.json["disagreement"] == true);
        CHECK(f.sql_text("SELECT disagreement::text || '/' || client_verdict || '/' || verdict FROM task_responses"
                         " WHERE client_id = '" + client + "'")
            == "true/incorrect/correct");
        auto agreeing = fresh_client_id();
        auto reply2 = answer(f, D.student, id_of(numeric), right_answer((*numeric)["task"]), agreeing,
            { { "client_verdict", "correct" } });
        expected.check(reply2, (*numeric)["target_id"].get<std::string>(), "correct");
        CHECK(reply2.json["disagreement"] == false);
        CHECK(f.sql_text("SELECT disagreement::text FROM task_responses WHERE client_id = '" + agreeing + "'") == "false");
    }

    // A client verdict is logged as data: a hostile one cannot end the log
    // line and forge another (every stderr line stays one JSON object).
    {
        auto set = new_set(f, D.student);
        REQUIRE(set["tasks"].size() > 0);
        const auto& item = set["tasks"][0];
        auto reply = answer(f, D.student, item["task_id"].get<std::int64_t>(), right_answer(item["task"]),
            fresh_client_id(), { { "client_verdict", "\"}\n{\"level\":\"error\",\"forged\":true" } });
        expected.check(reply, item["target_id"].get<std::string>(), "correct");
        CHECK(reply.json["disagreement"] == true);
        std::istringstream lines(f.server().stderr_text());
        int disagreements = 0;
        for (std::string line; std::getline(lines, line);) {
            INFO(line);
            auto json = Json::parse(line, nullptr, false);
            REQUIRE_FALSE(json.is_discarded());
            CHECK_FALSE(json.contains("forged"));
            CHECK(json.value("level", "") != "error");
            disagreements += json.value("event", "") == "grade_disagreement";
        }
        CHECK(disagreements >= 2);
    }

    // Partial credit (ordering: two items swapped) counts as not correct for BKT.
    {
        auto order = (*ordering)["task"]["correct_order"].get<std::vector<int>>();
        std::swap(order[0], order[1]);
        auto reply = answer(f, D.student, id_of(ordering), { { "order", order } }, fresh_client_id());
        expected.check(reply, k_maths, "partial");
        CHECK(reply.json["score"].get<double>() == Approx(static_cast<double>(order.size() - 2) / order.size()));
        CHECK(reply.json["parts"].size() == order.size());
    }

    // answered_at as the device recorded it, in UTC, but not before the task
    // existed nor after now (a device's clock can be wrong).
    {
        // Answers `item` rightly, saying it was answered at `when`; returns
        // the time stored, in UTC, and whether it lies in the last minute.
        auto answered_at = [&](const Json* item, const std::string& when) {
            auto client = fresh_client_id();
            expected.check(answer(f, D.student, id_of(item), right_answer((*item)["task"]), client, { { "answered_at", when } }),
                (*item)["target_id"].get<std::string>(), "correct");
            return f.sql_text("SELECT to_char(answered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')"
                              " || (answered_at BETWEEN now() - interval '1 minute' AND now())::text"
                              " FROM task_responses WHERE client_id = '" + client + "'");
        };
        f.sql("UPDATE task_sets SET created_at = '2026-01-01T00:00:00Z' WHERE student_id = " + str(D.student.id));
        CHECK(answered_at(text, "2026-03-01T09:30:00Z") == "2026-03-01 09:30:00false");
        auto seen = mastery(f, D.student);
        REQUIRE(seen.status == 200);
        bool found = false;
        for (const auto& entry : seen.json["history"])
            found = found || entry["answered_at"] == "2026-03-01T09:30:00Z";
        CHECK(found);
        f.sql("UPDATE task_sets SET created_at = '2026-02-01T12:00:00Z' WHERE student_id = " + str(D.student.id));
        CHECK(answered_at(cloze, "2001-01-01T00:00:00Z") == "2026-02-01 12:00:00false");
        CHECK(answered_at(comparison, "2999-01-01T00:00:00Z").ends_with("true"));
    }

    // The stored mastery is the model's.
    for (const auto& code : { k_maths, k_english }) {
        INFO(code);
        auto row = f.sql("SELECT m.known, m.attempts FROM mastery_states m JOIN learning_targets t ON t.id = m.target_id"
                         " WHERE m.student_id = " + str(D.student.id) + " AND t.code = '" + code + "'");
        REQUIRE(row.size() == 1);
        CHECK(row[0][0].as<double>() == Approx(expected.known[code]).margin(1e-12));
        CHECK(row[0][1].as<int>() == expected.attempts[code]);
    }
    CHECK(f.sql_int("SELECT count(*) FROM audit_log WHERE action = 'task.answer'") == count_rows(f, "task_responses"));

    // Only students answer.
    for (const Person* person : { &D.teacher, &D.parent, &D.admin }) {
        INFO(person->role);
        check_error(answer(f, *person, id_of(cloze), right_answer((*cloze)["task"]), fresh_client_id()), 403,
            "Unauthorized");
    }
}

// [SECTION] reading mastery ------------------------------------------------------

TEST_CASE("GET /api/mastery and /api/classes/<id>/mastery: who sees what, history newest first, weak spots, "
          "the class heatmap and who needs help",
    "[api][mastery]")
{
    ApiFixture f("mastery_read");
    auto& D = f.demo;
    auto& api = f.api();
    TempDir dir("curriculum");
    auto sid = seed_with_second_student(f, dir);
    auto teacher2 = f.create_user("demo", "teacher2@demo.learnloop.test", "Tom Teacher-Two", "teacher");
    auto parent2 = f.create_user("demo", "parent2@demo.learnloop.test", "Peg Parent-Two", "parent");
    assign_ok(f, D.teacher, { k_maths, k_english }, { { "class_id", D.class_id } });

    // Before any answer: both targets not started, no history.
    auto fresh = mastery(f, D.student);
    INFO(describe(fresh));
    REQUIRE(fresh.status == 200);
    CHECK(fresh.json["student_id"] == D.student.id);
    CHECK(target_codes(fresh.json["targets"]) == std::vector<std::string> { k_maths, k_english });   // by strand
    CHECK(fresh.json["history"] == Json::array());
    CHECK(fresh.json["weak_spots"] == Json::array());

    // English answered wrong three times (weak after the third), maths right four times.
    auto set = new_set(f, D.student);
    REQUIRE(set["tasks"].size() == 7);
    std::vector<const Json*> english, maths;
    for (const auto& item : set["tasks"])
        (item["target_id"] == k_english ? english : maths).push_back(&item);
    REQUIRE(english.size() == 3);
    REQUIRE(maths.size() == 4);
    ExpectedMastery expected;
    std::vector<std::pair<std::string, std::string>> answered;   // (target, verdict) in order
    for (std::size_t i = 0; i < english.size(); ++i) {
        const auto& item = *english[i];
        auto reply = answer(f, D.student, item["task_id"].get<std::int64_t>(), wrong_answer(item["task"]), fresh_client_id());
        expected.check(reply, k_english, "incorrect");
        answered.emplace_back(k_english, "incorrect");
        auto seen = mastery(f, D.student);
        REQUIRE(seen.status == 200);
        INFO("after " << i + 1 << " wrong answers: " << seen.json["weak_spots"].dump());
        CHECK(seen.json["weak_spots"]
            == (i + 1 < 3 ? Json::array() : Json::array({ k_english })));
    }
    for (const auto* item : maths) {
        auto reply = answer(f, D.student, (*item)["task_id"].get<std::int64_t>(), right_answer((*item)["task"]),
            fresh_client_id());
        expected.check(reply, k_maths, "correct");
        answered.emplace_back(k_maths, "correct");
    }

    // The student's own view, and the same through student_id.
    auto own = mastery(f, D.student);
    INFO(describe(own));
    REQUIRE(own.status == 200);
    CHECK(own.json["weak_spots"] == Json::array({ k_english }));
    for (const auto& code : { k_maths, k_english }) {
        INFO(code);
        const Json* state = find_target(own.json["targets"], code);
        REQUIRE(state != nullptr);
        double known = expected.known[code];
        int attempts = expected.attempts[code];
        CHECK((*state)["known"].get<double>() == Approx(known).margin(1e-12));
        CHECK((*state)["attempts"] == attempts);
        CHECK((*state)["level"] == level_name(known, attempts));
        CHECK((*state)["answers_to_proficient"]
            == learnloop::answers_to_reach(params_of(code), known, learnloop::MasteryLevel::Proficient));
        CHECK((*state)["bkt"] == bkt_json(params_of(code)));
    }
    CHECK((*find_target(own.json["targets"], k_english))["level"] == "attempted");
    // History: newest first.
    const Json history = own.json["history"];
    REQUIRE(history.size() == answered.size());
    for (std::size_t i = 0; i < answered.size(); ++i) {
        const auto& entry = history[answered.size() - 1 - i];
        INFO("answer " << i << ": " << entry.dump());
        CHECK(entry["target_id"] == answered[i].first);
        CHECK(entry["verdict"] == answered[i].second);
        CHECK(entry["answered_at"].get<std::string>().size() == 20);
    }
    CHECK(history[0]["known"].get<double>() == Approx(expected.known[k_maths]).margin(1e-12));
    for (std::size_t i = 1; i < history.size(); ++i)
        CHECK(history[i - 1]["answered_at"].get<std::string>() >= history[i]["answered_at"].get<std::string>());
    // An answer synced late but made earlier sorts by when it was made.
    {
        auto later = new_set(f, D.student);
        f.sql("UPDATE task_sets SET created_at = '2019-12-31T00:00:00Z' WHERE student_id = " + str(D.student.id));
        const Json* maths_task = nullptr;
        for (const auto& candidate : later["tasks"])
            if (!maths_task && candidate["target_id"] == k_maths)
                maths_task = &candidate;
        REQUIRE(maths_task != nullptr);
        const auto& item = *maths_task;
        auto reply = answer(f, D.student, item["task_id"].get<std::int64_t>(), right_answer(item["task"]),
            fresh_client_id(), { { "answered_at", "2020-01-02T03:04:05Z" } });
        REQUIRE(reply.status == 201);
        auto seen = mastery(f, D.student);
        REQUIRE(seen.json["history"].size() == answered.size() + 1);
        CHECK(seen.json["history"].back()["answered_at"] == "2020-01-02T03:04:05Z");
        CHECK(seen.json["history"][0] == history[0]);
        own = seen;
    }

    // The history pages: ?history_limit= and ?history_offset=, with the total.
    {
        const auto& all = own.json["history"];
        CHECK(own.json["history_total"] == all.size());
        auto first = api.get("/api/mastery?history_limit=2", f.token(D.student));
        REQUIRE(first.status == 200);
        REQUIRE(first.json["history"].size() == 2);
        CHECK(first.json["history"][0] == all[0]);
        CHECK(first.json["history"][1] == all[1]);
        CHECK(first.json["history_total"] == all.size());
        auto second = api.get("/api/mastery?history_limit=2&history_offset=2", f.token(D.student));
        REQUIRE(second.json["history"].size() == 2);
        CHECK(second.json["history"][0] == all[2]);
        auto beyond = api.get("/api/mastery?history_offset=1000", f.token(D.student));
        CHECK(beyond.json["history"] == Json::array());
        CHECK(beyond.json["history_total"] == all.size());
        for (const char* bad : { "history_limit=0", "history_limit=501", "history_offset=-1", "history_limit=x" }) {
            INFO(bad);
            auto reply = api.get(std::string("/api/mastery?") + bad, f.token(D.student));
            check_error(reply, 400, "Invalid request");
        }
    }

    // Who else sees it: the student with their own id, the linked parent, the class teacher, an admin.
    for (const Person* viewer : { &D.student, &D.parent, &D.teacher, &D.admin }) {
        INFO(viewer->role);
        auto reply = mastery(f, *viewer, D.student.id);
        INFO(describe(reply));
        CHECK(reply.status == 200);
        CHECK(reply.json == own.json);
    }
    // Who does not: another parent or teacher, another student; moderators by role.
    for (const Person* viewer : { &parent2, &teacher2, &sid }) {
        INFO(viewer->email);
        check_error(mastery(f, *viewer, D.student.id), 404, "Student not found");
    }
    check_error(mastery(f, D.student, sid.id), 404, "Student not found");
    check_error(mastery(f, D.moderator, D.student.id), 403, "Unauthorized");
    check_error(mastery(f, D.parent), 400, "Invalid request");   // parents must say whose
    check_error(mastery(f, D.teacher), 400, "Invalid request");
    // An id that cannot be one: the pipeline's generic not-found, as for /api/users/0.
    check_error(api.get("/api/mastery?student_id=abc", f.token(D.teacher)), 404, "Student not found");
    check_error(mastery(f, D.teacher, 99999999), 404, "Student not found");
    // Administrators see every student of their school, but only students that exist there.
    check_error(mastery(f, D.admin, 99999999), 404, "Student not found");
    check_error(mastery(f, D.admin, D.teacher.id), 404, "Student not found");
    // Sid has not answered: not started, no weak spots.
    auto sids = mastery(f, D.teacher, sid.id);
    REQUIRE(sids.status == 200);
    CHECK(sids.json["history"] == Json::array());
    for (const auto& state : sids.json["targets"])
        CHECK(state["level"] == "not_started");

    // The class heatmap: rows (students by name) x the class's targets (by code).
    auto heat = api.get("/api/classes/" + str(D.class_id) + "/mastery", f.token(D.teacher));
    INFO(describe(heat));
    REQUIRE(heat.status == 200);
    CHECK(heat.json["class_id"] == D.class_id);
    CHECK(target_codes(heat.json["targets"]) == std::vector<std::string> { k_english, k_maths });
    const auto& rows = heat.json["rows"];
    REQUIRE(rows.size() == 2);
    CHECK(rows[0]["student_id"] == D.student.id);   // "Sam Student" before "Sid Second"
    CHECK(rows[0]["student_name"] == "Sam Student");
    CHECK(rows[1]["student_id"] == sid.id);
    REQUIRE(rows[0]["cells"].size() == 2);
    const auto& sam_english = rows[0]["cells"][0];
    const auto& sam_maths = rows[0]["cells"][1];
    auto sam_english_known = (*find_target(own.json["targets"], k_english))["known"].get<double>();
    auto sam_maths_known = (*find_target(own.json["targets"], k_maths))["known"].get<double>();
    auto sam_maths_attempts = (*find_target(own.json["targets"], k_maths))["attempts"].get<int>();
    CHECK(sam_english["known"].get<double>() == Approx(sam_english_known).margin(1e-12));
    CHECK(sam_english["attempts"] == 3);
    CHECK(sam_english["level"] == "attempted");
    CHECK(sam_maths["known"].get<double>() == Approx(sam_maths_known).margin(1e-12));
    CHECK(sam_maths["attempts"] == sam_maths_attempts);
    CHECK(sam_maths["level"] == level_name(sam_maths_known, sam_maths_attempts));
    for (const auto& cell : rows[1]["cells"]) {
        CHECK(cell["attempts"] == 0);
        CHECK(cell["level"] == "not_started");
    }
    CHECK(rows[1]["cells"][0]["known"].get<double>() == Approx(k_english_bkt.prior));
    CHECK(rows[1]["cells"][1]["known"].get<double>() == Approx(k_maths_bkt.prior));
    REQUIRE(heat.json["needs_help"].size() == 1);
    CHECK(heat.json["needs_help"][0]["student_id"] == D.student.id);
    CHECK(heat.json["needs_help"][0]["weak_targets"] == 1);

    CHECK(heat.json["total_students"] == 2);
    // Students page (?limit=, ?offset=); who needs help is the whole class's.
    auto page2 = api.get("/api/classes/" + str(D.class_id) + "/mastery?limit=1&offset=1", f.token(D.teacher));
    REQUIRE(page2.status == 200);
    REQUIRE(page2.json["rows"].size() == 1);
    CHECK(page2.json["rows"][0] == rows[1]);
    CHECK(page2.json["total_students"] == 2);
    CHECK(page2.json["needs_help"] == heat.json["needs_help"]);
    CHECK(page2.json["targets"] == heat.json["targets"]);
    check_error(api.get("/api/classes/" + str(D.class_id) + "/mastery?limit=0", f.token(D.teacher)), 400, "Invalid request");

    auto by_admin = api.get("/api/classes/" + str(D.class_id) + "/mastery", f.token(D.admin));
    CHECK(by_admin.status == 200);
    CHECK(by_admin.json == heat.json);
    check_error(api.get("/api/classes/" + str(D.class_id) + "/mastery", f.token(teacher2)), 403, "Forbidden");
    for (const Person* person : { &D.student, &D.parent, &D.moderator }) {
        INFO(person->role);
        check_error(api.get("/api/classes/" + str(D.class_id) + "/mastery", f.token(*person)), 403, "Unauthorized");
    }
    check_error(api.get("/api/classes/99999999/mastery", f.token(D.teacher)), 404, "Class not found");
}

TEST_CASE("a parent no longer sees the mastery of a linked child an administrator has deactivated", "[api][mastery]")
{
    ApiFixture f("mastery_deactivated_child");
    auto& D = f.demo;
    auto& api = f.api();

    auto before = mastery(f, D.parent, D.student.id);
    INFO(describe(before));
    CHECK(before.status == 200);
    CHECK(before.json["student_id"] == D.student.id);

    auto deactivated = api.del("/api/users/" + str(D.student.id), f.token(D.admin));
    INFO(describe(deactivated));
    REQUIRE(deactivated.status == 200);
    check_error(mastery(f, D.parent, D.student.id), 404, "Student not found");
}

// [SECTION] across tenants -------------------------------------------------------

TEST_CASE("mastery across tenants: another school shares the curriculum but cannot see or answer this school's "
          "tasks, students or classes",
    "[api][mastery][isolation]")
{
    FixtureOptions options;
    options.other_tenant = true;
    ApiFixture f("mastery_tenants", options);
    auto& D = f.demo;
    auto& O = f.other;
    auto& api = f.api();
    TempDir dir("curriculum");
    write_curriculum(dir);
    seed(f, dir);

    assign_ok(f, D.teacher, { k_maths, k_english }, { { "student_id", D.student.id } });
    auto demo_set = new_set(f, D.student);
    std::set<std::int64_t> demo_tasks;
    for (const auto& item : demo_set["tasks"])
        demo_tasks.insert(item["task_id"].get<std::int64_t>());
    const auto& first = demo_set["tasks"][0];
    auto shared_client = fresh_client_id();
    auto first_reply = answer(f, D.student, first["task_id"].get<std::int64_t>(), right_answer(first["task"]), shared_client);
    REQUIRE(first_reply.status == 201);

    // The shared curriculum is everyone's.
    auto catalogue = api.get("/api/curriculum/targets", f.token(O.teacher));
    REQUIRE(catalogue.status == 200);
    CHECK(target_codes(catalogue.json) == std::vector<std::string> { k_english, k_maths });

    // The other school's student has nothing assigned, sees no history, and cannot answer this school's tasks.
    auto empty = api.post("/api/task-sets", Json::object(), f.token(O.student));
    CHECK(empty.status == 200);
    CHECK(empty.json["tasks"] == Json::array());
    auto before = snapshot(f);
    for (const auto& item : demo_set["tasks"]) {
        auto reply = answer(f, O.student, item["task_id"].get<std::int64_t>(), right_answer(item["task"]), fresh_client_id());
        check_error(reply, 404, "Task not found");
    }
    // Not even by replaying this school's client id.
    check_error(answer(f, O.student, first["task_id"].get<std::int64_t>(), right_answer(first["task"]), shared_client),
        404, "Task not found");
    CHECK(snapshot(f) == before);

    // Its staff cannot reach this school's students or classes.
    check_error(assign(f, O.teacher, { k_maths }, { { "student_id", D.student.id } }), 404, "Student not found");
    check_error(assign(f, O.admin, { k_maths }, { { "student_id", D.student.id } }), 404, "Student not found");
    check_error(assign(f, O.teacher, { k_maths }, { { "class_id", D.class_id } }), 404, "Class not found");
    for (const Person* viewer : { &O.teacher, &O.parent, &O.student, &O.admin }) {
        INFO("other " << viewer->role << " reads the demo student's mastery");
        check_error(mastery(f, *viewer, D.student.id), 404, "Student not found");
    }
    for (const Person* viewer : { &O.teacher, &O.admin }) {
        INFO("other " << viewer->role << " reads the demo class's mastery");
        check_error(api.get("/api/classes/" + str(D.class_id) + "/mastery", f.token(*viewer)), 404, "Class not found");
    }
    CHECK(snapshot(f).states == before.states);

    // Its own practice works alongside, with its own tasks (even reusing a client id used in the other school).
    assign_ok(f, O.teacher, { k_maths }, { { "student_id", O.student.id } });
    auto other_set = new_set(f, O.student);
    CHECK(other_set["tasks"].size() == 4);
    for (const auto& item : other_set["tasks"]) {
        CHECK(item["target_id"] == k_maths);
        CHECK(demo_tasks.count(item["task_id"].get<std::int64_t>()) == 0);
    }
    const auto& theirs = other_set["tasks"][0];
    auto reply = answer(f, O.student, theirs["task_id"].get<std::int64_t>(), right_answer(theirs["task"]), shared_client);
    INFO(describe(reply));
    CHECK(reply.status == 201);
    CHECK(reply.json["duplicate"] == false);
    CHECK(f.sql_int("SELECT count(*) FROM task_responses WHERE tenant_id = " + str(O.id)) == 1);
    check_error(answer(f, D.student, theirs["task_id"].get<std::int64_t>(), right_answer(theirs["task"]), fresh_client_id()),
        404, "Task not found");

    // Each school's lists show only its own.
    auto other_mastery = mastery(f, O.student);
    REQUIRE(other_mastery.status == 200);
    CHECK(other_mastery.json["history"].size() == 1);
    CHECK(target_codes(other_mastery.json["targets"]) == std::vector<std::string> { k_maths });
    auto demo_mastery = mastery(f, D.student);
    REQUIRE(demo_mastery.status == 200);
    CHECK(demo_mastery.json["history"].size() == 1);
    auto other_heat = api.get("/api/classes/" + str(O.class_id) + "/mastery", f.token(O.teacher));
    REQUIRE(other_heat.status == 200);
    REQUIRE(other_heat.json["rows"].size() == 1);
    CHECK(other_heat.json["rows"][0]["student_id"] == O.student.id);
    check_error(api.get("/api/classes/" + str(O.class_id) + "/mastery", f.token(D.teacher)), 404, "Class not found");
    check_error(mastery(f, D.admin, O.student.id), 404, "Student not found");
}

TEST_CASE("learnloop kt refit fits a school's own parameters, which new answers then use", "[api][mastery][refit]")
{
    ApiFixture f("mastery_refit");
    auto& D = f.demo;
    TempDir dir("curriculum");
    write_curriculum(dir);
    seed(f, dir);
    assign_ok(f, D.teacher, { k_maths, k_english }, { { "student_id", D.student.id } });

    // One set answered: right on even positions, wrong on odd ones.
    auto set = new_set(f, D.student);
    int position = 0;
    for (const auto& entry : set["tasks"]) {
        auto reply = answer_as_browser(f, D.student, entry,
            position++ % 2 == 0 ? right_answer(entry["task"]) : wrong_answer(entry["task"]), fresh_client_id());
        REQUIRE(reply.status == 201);
    }
    auto answers = f.sql_int("SELECT count(*) FROM task_responses");
    REQUIRE(answers == static_cast<std::int64_t>(set["tasks"].size()));

    // The practice statistics count the answers; client (each answer sent with
    // the browser's verdict) and server never disagreed.
    auto stats = f.api().get("/api/practice/stats", f.token(D.admin));
    REQUIRE(stats.status == 200);
    CHECK(stats.json["answers"] == answers);
    CHECK(stats.json["disagreements"] == 0);
    CHECK(f.api().get("/api/practice/stats", f.token(D.teacher)).status == 403);

    // Too few answers: nothing is fitted, and the command says so.
    auto skipped = f.cli({ "kt", "refit", "--tenant", "demo" });
    INFO(skipped.err);
    REQUIRE(skipped.exit_code == 0);
    CHECK(skipped.out.find("0 targets fitted") != std::string::npos);
    CHECK(f.sql_int("SELECT count(*) FROM tenant_target_params") == 0);

    auto audit_before = f.audit_count();
    auto fitted = f.cli({ "kt", "refit", "--tenant", "demo", "--min-answers", "1" });
    INFO(fitted.err);
    REQUIRE(fitted.exit_code == 0);
    CHECK(fitted.out.find("refit from " + str(answers) + " answers") != std::string::npos);
    CHECK(f.sql_int("SELECT count(*) FROM tenant_target_params") == 2);
    CHECK(f.audit_count() == audit_before + 1);
    CHECK(f.last_audit_action() == "kt.refit");

    // The school's parameters are what the student's mastery now reports.
    auto stored = learnloop::decode_bkt_params(Json::parse(f.sql_text(
        "SELECT p.bkt::text FROM tenant_target_params p JOIN learning_targets t ON t.id = p.target_id WHERE t.code = '"
        + k_maths + "'")));
    REQUIRE(stored.ok());
    auto view = mastery(f, D.student);
    REQUIRE(view.status == 200);
    const auto* target = find_target(view.json["targets"], k_maths);
    REQUIRE(target != nullptr);
    CHECK(learnloop::decode_bkt_params((*target)["bkt"]).value() == stored.value());

    CHECK(f.cli({ "kt", "refit", "--tenant", "nowhere" }).exit_code != 0);
    CHECK(f.cli({ "kt", "refit", "--tenant", "demo", "--min-answers", "0" }).exit_code == 2);
}

TEST_CASE("learnloop kt fit and kt eval read response logs, write parameters and report the metrics; bad input fails",
    "[cli][kt]")
{
    ApiFixture f("cli_kt");
    // A log made by BKT with known parameters: 260 students, two skills, 15
    // answers each; students 0-199 train, the rest test (the statics format).
    std::mt19937 random(7);
    std::uniform_real_distribution<double> unit(0, 1);
    std::string train = "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n", test = train;
    for (int student = 0; student < 260; ++student)
        for (const std::string skill : { "fractions", "commas" }) {
            bool knows = unit(random) < 0.2;
            for (int i = 0; i < 15; ++i) {
                bool correct = knows ? unit(random) >= 0.1 : unit(random) < 0.15;
                auto line = "s" + std::to_string(student) + "\t" + skill + "-" + std::to_string(i % 5) + "\t"
                    + std::to_string(i) + "\t" + (correct ? "1" : "0") + "\t" + skill + "\n";
                (student < 200 ? train : test) += line;
                knows = knows || unit(random) < 0.2;
            }
        }
    TempDir dir("kt");
    dir.write("train.tsv", train);
    dir.write("test.tsv", test);
    dir.write("broken.tsv", "user_id\titem_id\ttimestamp\tcorrect\tskill_id\ns1\ti1\t0\tmaybe\tk\n");

    auto out = dir.path() + "/params.json";
    auto fit = f.cli({ "kt", "fit", "--train", dir.path() + "/train.tsv", "--out", out });
    INFO(fit.out << fit.err);
    REQUIRE(fit.exit_code == 0);
    CHECK(fit.out.find("train: 6000 responses, 200 students, 10 items, 2 skills") != std::string::npos);
    std::ifstream file(out);
    auto params = Json::parse(file);
    for (const std::string skill : { "fractions", "commas" }) {
        INFO(skill);
        auto bkt = learnloop::decode_bkt_params(params["skills"][skill]);
        REQUIRE(bkt.ok());
        CHECK(bkt.value().learn == Approx(0.2).margin(0.08));
        CHECK(bkt.value().slip == Approx(0.1).margin(0.08));
    }
    CHECK(params["item_bias"].size() == 10);

    auto eval = f.cli({ "kt", "eval", "--train", dir.path() + "/train.tsv", "--test", dir.path() + "/test.tsv" });
    INFO(eval.out << eval.err);
    REQUIRE(eval.exit_code == 0);
    auto row = eval.out.find("| BKT (per skill, EM) | ");
    REQUIRE(row != std::string::npos);
    double auc = std::stod(eval.out.substr(row + std::string("| BKT (per skill, EM) | ").size(), 6));
    CHECK(auc > 0.7);   // the data follows the model
    CHECK(eval.out.find("| BKT + item difficulty | ") != std::string::npos);

    // Refusals: no log, a missing file, a malformed one, no test log for eval.
    CHECK(f.cli({ "kt", "fit" }).exit_code != 0);
    auto missing = f.cli({ "kt", "fit", "--train", dir.path() + "/nowhere.tsv" });
    CHECK(missing.exit_code != 0);
    CHECK_FALSE(missing.err.empty());
    auto broken = f.cli({ "kt", "fit", "--train", dir.path() + "/broken.tsv", "--out", dir.path() + "/x.json" });
    CHECK(broken.exit_code != 0);
    CHECK_FALSE(broken.err.empty());
    CHECK(f.cli({ "kt", "eval", "--train", dir.path() + "/train.tsv" }).exit_code != 0);
}

TEST_CASE("a school adds its own targets and templates, checked like the shared curriculum and seen only by it",
    "[api][mastery][school-curriculum]")
{
    FixtureOptions options;
    options.other_tenant = true;
    ApiFixture f("mastery_school_curriculum", options);
    auto& D = f.demo;
    auto& api = f.api();
    TempDir dir("curriculum");
    write_curriculum(dir);
    seed(f, dir);
    const auto teacher = f.token(D.teacher);

    Json target = { { "id", "school.reading.diaries" }, { "title", "Reading diaries" }, { "subject", "english" },
        { "strand", "reading-writing" }, { "description", "Keeping a reading diary." } };
    auto audit_before = f.audit_count();
    REQUIRE(api.post("/api/curriculum/targets", target, teacher).status == 201);
    CHECK(f.audit_count() == audit_before + 1);
    // The same id again, or a shared target's id, is refused.
    CHECK(api.post("/api/curriculum/targets", target, teacher).status == 409);
    target["id"] = k_maths;
    CHECK(api.post("/api/curriculum/targets", target, teacher).status == 409);
    target["id"] = "Bad Id!";
    auto bad = api.post("/api/curriculum/targets", target, teacher);
    CHECK(bad.status == 400);
    CHECK(bad.json["field"] == "id");
    CHECK(api.post("/api/curriculum/targets", { { "id", "school.x" }, { "subject", "english" }, { "strand", "x" } }, teacher).status
        == 400);   // no title
    CHECK(api.post("/api/curriculum/targets", Json { { "id", "school.y" } }, f.token(D.student)).status == 403);

    Json tmpl = { { "id", "school.reading.diaries.001" }, { "target_id", "school.reading.diaries" }, { "kind", "single_choice" },
        { "difficulty", 1 }, { "prompt", "Which belongs in a reading diary?" },
        { "explanation", "A reading diary records what you read and what you thought of it." },
        { "options", { { { "text", "The pages you read and your thoughts" }, { "correct", true } },
                         { { "text", "Your maths homework" }, { "feedback", "That belongs in your maths book." } } } } };
    REQUIRE(api.post("/api/curriculum/templates", tmpl, teacher).status == 201);
    CHECK(api.post("/api/curriculum/templates", tmpl, teacher).status == 409);
    // A template that fails the checks never reaches students.
    Json broken = tmpl;
    broken["id"] = "school.reading.diaries.002";
    broken["explantion"] = "typo";
    auto refused = api.post("/api/curriculum/templates", broken, teacher);
    CHECK(refused.status == 400);
    CHECK(refused.json["details"].get<std::string>().find("explantion") != std::string::npos);
    Json unknown = tmpl;
    unknown["id"] = "school.reading.diaries.003";
    unknown["target_id"] = "school.nowhere";
    CHECK(api.post("/api/curriculum/templates", unknown, teacher).json["field"] == "target_id");

    // The school's target is searchable and practised like any other.
    auto found = api.get("/api/curriculum/targets?q=diaries", teacher);
    REQUIRE(found.status == 200);
    REQUIRE(found.json.size() == 1);
    CHECK(found.json[0]["templates"] == 1);
    assign_ok(f, D.teacher, { "school.reading.diaries" }, { { "student_id", D.student.id } });
    auto set = new_set(f, D.student);
    REQUIRE(set["tasks"].size() == 1);
    CHECK(set["tasks"][0]["target_id"] == "school.reading.diaries");
    auto reply = answer(f, D.student, set["tasks"][0]["task_id"].get<std::int64_t>(), right_answer(set["tasks"][0]["task"]),
        fresh_client_id());
    CHECK(reply.status == 201);
    CHECK(reply.json["verdict"] == "correct");
    // kt refit fits the school's own target from its answers, like a shared one.
    auto refit = f.cli({ "kt", "refit", "--tenant", "demo", "--min-answers", "1" });
    INFO(refit.err);
    REQUIRE(refit.exit_code == 0);
    CHECK(refit.out.find("1 targets fitted") != std::string::npos);
    CHECK(f.sql_int("SELECT count(*) FROM tenant_target_params p JOIN learning_targets t ON t.id = p.target_id"
                    " WHERE t.code = 'school.reading.diaries' AND t.tenant_id = p.tenant_id")
        == 1);
    CHECK(f.sql_text("SELECT after->'fitted' ? 'school.reading.diaries' FROM audit_log WHERE action = 'kt.refit'") == "t");

    // Another school sees none of it.
    auto other = api.get("/api/curriculum/targets?q=diaries", f.token(f.other.teacher));
    REQUIRE(other.status == 200);
    CHECK(other.json.empty());
    CHECK(api.post("/api/target-assignments", { { "target_ids", { "school.reading.diaries" } }, { "student_id", f.other.student.id } },
              f.token(f.other.teacher))
              .status
        == 400);
}
