// The exam bank in PostgreSQL through the real CLI: `seed bank`, `bank import`
// and `bank export` (server/cli/bank_commands, server/academy/bank_store),
// versions on change, all-or-nothing imports with problems by line, and
// row-level security between academies with the shared bank read by all.
#include "test_support.hpp"

#include "academy/gift.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace learnloop;
using namespace learnloop::test;

namespace {

struct BankDatabase {
    std::string url;
    std::string academy, other_academy, school;   // tenant ids as text
};

BankDatabase bank_database(const std::string& purpose)
{
    auto& cluster = PgCluster::instance();
    BankDatabase db;
    db.url = cluster.superuser_url(cluster.create_database(purpose));
    REQUIRE(run_cli({ "migrate" }, db.url).exit_code == 0);
    for (auto [slug, kind] : { std::pair { "summit", "academy" }, { "ridge", "academy" }, { "oakfield", "school" } })
        REQUIRE(run_cli({ "create-tenant", "--slug", slug, "--name", slug, "--kind", kind }, db.url).exit_code == 0);
    db.academy = std::to_string(query_int(db.url, "SELECT id FROM tenants WHERE slug = 'summit'"));
    db.other_academy = std::to_string(query_int(db.url, "SELECT id FROM tenants WHERE slug = 'ridge'"));
    db.school = std::to_string(query_int(db.url, "SELECT id FROM tenants WHERE slug = 'oakfield'"));
    return db;
}

// The repository's exam bank, read as the importer reads it, by id.
std::map<std::string, BankQuestion> repository_bank()
{
    std::map<std::string, BankQuestion> by_id;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(source_dir() + "/exam-bank")) {
        if (entry.path().extension() != ".gift")
            continue;
        auto read = parse_gift(read_file(entry.path().string()));
        REQUIRE(read.problems.empty());
        for (auto& q : read.questions)
            by_id[q.id] = q;
    }
    return by_id;
}

// What an export printed, by id, lines aside.
std::map<std::string, BankQuestion> exported(const std::string& gift)
{
    auto read = parse_gift(gift);
    REQUIRE(read.problems.empty());
    std::map<std::string, BankQuestion> by_id;
    for (auto& q : read.questions)
        by_id[q.id] = q;
    return by_id;
}

bool same_questions(std::map<std::string, BankQuestion> a, std::map<std::string, BankQuestion> b)
{
    for (auto* side : { &a, &b })
        for (auto& [id, q] : *side)
            q.line = 0;
    return a == b;
}

} // namespace

TEST_CASE("seed bank loads the exam bank into the shared bank once, and its export reads back the same questions",
    "[cli][bank]")
{
    auto db = bank_database("bank_seed");
    auto seeded = run_cli({ "seed", "bank" }, db.url);
    INFO(seeded.err);
    REQUIRE(seeded.exit_code == 0);
    CHECK(seeded.out == "the shared bank: 179 questions read: 179 added, 0 changed (a new version each), 0 unchanged\n");
    CHECK(query_int(db.url, "SELECT count(*) FROM bank_questions WHERE tenant_id IS NULL AND superseded_at IS NULL")
        == 179);
    CHECK(query_int(db.url, "SELECT count(DISTINCT skill) FROM bank_questions") > 40);
    CHECK(query_int(db.url, "SELECT count(*) FROM bank_questions WHERE kind = 'quant_comparison'") == 37);

    auto again = run_cli({ "seed", "bank" }, db.url);
    CHECK(again.out == "the shared bank: 179 questions read: 0 added, 0 changed (a new version each), 179 unchanged\n");
    CHECK(query_int(db.url, "SELECT count(*) FROM bank_questions") == 179);
    CHECK(query_int(db.url, "SELECT count(*) FROM audit_log WHERE action = 'bank.import' AND tenant_id IS NULL") == 2);

    auto export_run = run_cli({ "bank", "export", "--format", "gift" }, db.url);
    REQUIRE(export_run.exit_code == 0);
    CHECK(same_questions(exported(export_run.out), repository_bank()));

    // The export imported into an academy is the same bank there.
    TempDir dir("bank");
    const auto file = dir.write("shared.gift", export_run.out);
    auto imported = run_cli({ "bank", "import", "--format", "gift", file, "--tenant", "summit" }, db.url);
    INFO(imported.err);
    CHECK(imported.out
        == "the academy's bank: 179 questions read: 179 added, 0 changed (a new version each), 0 unchanged\n");
    auto academy_export = run_cli({ "bank", "export", "--format", "gift", "--tenant", "summit" }, db.url);
    CHECK(academy_export.out == export_run.out);
    CHECK(query_int(db.url, "SELECT count(*) FROM audit_log WHERE action = 'bank.import' AND tenant_id = " + db.academy)
        == 1);

    // Through Moodle XML and back: the same bank in another academy.
    auto xml = run_cli({ "bank", "export", "--format", "moodle-xml" }, db.url);
    REQUIRE(xml.exit_code == 0);
    CHECK(xml.out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
    CHECK(xml.out.find("<question type=\"numerical\">") != std::string::npos);
    auto from_xml = run_cli(
        { "bank", "import", "--format", "moodle-xml", dir.write("shared.xml", xml.out), "--tenant", "ridge" }, db.url);
    INFO(from_xml.err);
    CHECK(from_xml.out
        == "the academy's bank: 179 questions read: 179 added, 0 changed (a new version each), 0 unchanged\n");
    CHECK(run_cli({ "bank", "export", "--format", "gift", "--tenant", "ridge" }, db.url).out == export_run.out);
}

TEST_CASE("a Moodle XML file as Moodle writes it imports: HTML text, CDATA, entities, every supported type",
    "[cli][bank]")
{
    auto db = bank_database("bank_moodle_xml");
    TempDir dir("bank");
    const std::string file = R"(<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Algebra</text></category></question>
  <question type="multichoice">
    <name><text>Percent of a number</text></name>
    <questiontext format="html"><text><![CDATA[<p>What is <b>15%</b> of 80?</p><p>Use a calculator if you like&nbsp;&amp; show work.</p>]]></text></questiontext>
    <generalfeedback format="html"><text>10% is 8 &amp; 5% is 4.</text></generalfeedback>
    <idnumber>alg-1</idnumber>
    <single>true</single>
    <answer fraction="100" format="html"><text>12</text><feedback format="html"><text>Right.</text></feedback></answer>
    <answer fraction="0" format="html"><text>8</text><feedback format="html"><text>That is 10%.</text></feedback></answer>
    <answer fraction="0" format="html"><text>15</text></answer>
    <hint format="html"><text>What is 10% of 80?</text></hint>
    <tags><tag><text>difficulty-2</text></tag><tag><text>skill-percent</text></tag></tags>
  </question>
  <question type="multichoice">
    <name><text>Primes</text></name>
    <questiontext format="html"><text>Which are prime?</text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>2</text></answer>
    <answer fraction="50"><text>3</text></answer>
    <answer fraction="-100"><text>4</text></answer>
  </question>
  <question type="truefalse">
    <name><text>Odd sum</text></name>
    <questiontext format="moodle_auto_format"><text>The sum of two odd numbers is even.</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
  <question type="numerical">
    <name><text>Eighth</text></name>
    <questiontext format="plain_text"><text>1/8 as a decimal?</text></questiontext>
    <answer fraction="100"><text>0.125</text><tolerance>0.0005</tolerance></answer>
  </question>
  <question type="shortanswer">
    <name><text>Capital</text></name>
    <questiontext format="html"><text>Capital of <b>France</b>?</text></questiontext>
    <answer fraction="100"><text>Paris</text></answer>
  </question>
</quiz>
)";
    auto run = run_cli({ "bank", "import", "--format", "moodle-xml", dir.write("moodle.xml", file), "--tenant", "summit" },
        db.url);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out == "the academy's bank: 5 questions read: 5 added, 0 changed (a new version each), 0 unchanged\n");
    auto kinds = query(db.url, "SELECT code, kind, category, skill, difficulty FROM bank_questions ORDER BY code");
    REQUIRE(kinds.size() == 5);
    CHECK(kinds[0]["code"].as<std::string>() == "Capital");
    CHECK(kinds[0]["kind"].as<std::string>() == "short_text");
    CHECK(kinds[1]["code"].as<std::string>() == "Eighth");
    CHECK(kinds[1]["kind"].as<std::string>() == "numeric");
    CHECK(kinds[2]["code"].as<std::string>() == "Odd sum");
    CHECK(kinds[2]["kind"].as<std::string>() == "true_false");
    CHECK(kinds[3]["code"].as<std::string>() == "Primes");
    CHECK(kinds[3]["kind"].as<std::string>() == "multiple_select");
    CHECK(kinds[4]["code"].as<std::string>() == "alg-1");
    CHECK(kinds[4]["kind"].as<std::string>() == "single_choice");
    CHECK(kinds[4]["category"].as<std::string>() == "Algebra");
    CHECK(kinds[4]["skill"].as<std::string>() == "percent");
    CHECK(kinds[4]["difficulty"].as<int>() == 2);
    auto gift = exported(run_cli({ "bank", "export", "--format", "gift", "--tenant", "summit" }, db.url).out);
    const auto& percent = gift.at("alg-1");
    CHECK(percent.title == "Percent of a number");
    CHECK(percent.text == "What is 15% of 80?\nUse a calculator if you like\u00a0& show work.");
    CHECK(percent.explanation == "10% is 8 & 5% is 4.");
    CHECK(percent.hints == std::vector<std::string> { "What is 10% of 80?" });
    REQUIRE(percent.choices.size() == 3);
    CHECK(percent.choices[1].feedback == "That is 10%.");
    CHECK(gift.at("Eighth").numeric == std::vector<NumericAnswer> { { 0.125, 0.0005, 100 } });
    CHECK(gift.at("Odd sum").truth);
    CHECK(gift.at("Capital").text == "Capital of France?");   // HTML left unescaped in <text> is still read
}

TEST_CASE("a changed question becomes a new version and the old one is kept", "[cli][bank]")
{
    auto db = bank_database("bank_versions");
    TempDir dir("bank");
    const std::string first = "// [id:q-1] [tag:difficulty-2] [tag:skill-percent]\n"
                              "::q-1::What is 10% of 50?{=5 ~10 ~0.5}\n\n"
                              "// [id:q-2] [tag:difficulty-1]\n"
                              "::q-2::2 + 2 \\= ?{#4}\n";
    REQUIRE(run_cli({ "bank", "import", "--format", "gift", dir.write("a.gift", first), "--tenant", "summit" }, db.url)
                .exit_code
        == 0);
    // The key of q-1 fixed (a new version); q-2 the same; q-3 new.
    const std::string second = "// [id:q-1] [tag:difficulty-2] [tag:skill-percent]\n"
                               "::q-1::What is 10% of 50?{=5 ~10 ~0.05}\n\n"
                               "// [id:q-2] [tag:difficulty-1]\n"
                               "::q-2::2 + 2 \\= ?{#4}\n\n"
                               "::q-3::Is 7 prime?{T}\n";
    auto run = run_cli({ "bank", "import", "--format", "gift", dir.write("b.gift", second), "--tenant", "summit" }, db.url);
    INFO(run.err);
    CHECK(run.out == "the academy's bank: 3 questions read: 1 added, 1 changed (a new version each), 1 unchanged\n");
    auto versions = query(db.url,
        "SELECT version, superseded_at IS NULL AS current, body FROM bank_questions WHERE code = 'q-1' ORDER BY version");
    REQUIRE(versions.size() == 2);
    CHECK_FALSE(versions[0]["current"].as<bool>());
    CHECK(versions[0]["body"].as<std::string>().find("~0.5") != std::string::npos);
    CHECK(versions[1]["current"].as<bool>());
    CHECK(versions[1]["body"].as<std::string>().find("~0.05") != std::string::npos);
    auto out = run_cli({ "bank", "export", "--format", "gift", "--tenant", "summit" }, db.url).out;
    CHECK(out.find("~0.05") != std::string::npos);
    CHECK(out.find("~0.5\n") == std::string::npos);
    CHECK(exported(out).size() == 3);
    // The shared bank was not touched.
    CHECK(run_cli({ "bank", "export", "--format", "gift" }, db.url).out.empty());
}

TEST_CASE("a bad file, format or bank imports nothing and says why", "[cli][bank]")
{
    auto db = bank_database("bank_refusals");
    TempDir dir("bank");
    auto import = [&](const std::string& format, const std::string& text, std::vector<std::string> more = {}) {
        std::vector<std::string> args { "bank", "import", "--format", format, dir.write("f." + format, text) };
        args.insert(args.end(), more.begin(), more.end());
        return run_cli(args, db.url);
    };
    const std::string good = "::ok::Fine?{T}\n\n";

    auto broken = import("gift", good + "::bad::Pick one{~a ~b}\n");
    CHECK(broken.exit_code == 2);
    CHECK(broken.err.find("nothing was imported: line 3: ") != std::string::npos);

    auto unaskable = import("gift", good + "::n2::A root of x² \\= 4{#=2:0 =-2:0}\n");
    CHECK(unaskable.exit_code == 2);
    CHECK(unaskable.err.find("line 3: question n2: a quiz needs exactly one numeric answer worth 100%")
        != std::string::npos);

    auto aiken = import("aiken", "Q?\nA. x\nB. y\nANSWER: C\n");
    CHECK(aiken.exit_code == 2);
    CHECK(aiken.err.find("line 4: ANSWER must name one of the options, A to B") != std::string::npos);

    auto school = import("gift", good, { "--tenant", "oakfield" });
    CHECK(school.exit_code == 2);
    CHECK(school.err.find("\"oakfield\" is a school: only academies have an exam bank") != std::string::npos);

    auto nobody = import("gift", good, { "--tenant", "nowhere" });
    CHECK(nobody.exit_code == 1);
    CHECK(nobody.err.find("no tenant with slug \"nowhere\"") != std::string::npos);

    auto xml = import("moodle-xml", "<?xml version=\"1.0\"?>\n<quiz>\n<question type=\"essay\">\n</quiz>\n");
    CHECK(xml.exit_code == 2);
    CHECK(xml.err.find("line 4: the XML does not read") != std::string::npos);
    auto essay = import("moodle-xml", "<quiz>\n<question type=\"essay\"><name><text>e</text></name></question>\n</quiz>");
    CHECK(essay.exit_code == 2);
    CHECK(essay.err.find("line 2: questions of type \"essay\" cannot be imported") != std::string::npos);
    auto empty = import("moodle-xml", "<quiz/>");
    CHECK(empty.exit_code == 2);
    CHECK(empty.err.find("has no questions") != std::string::npos);

    auto missing = run_cli({ "bank", "import", "--format", "gift", dir.path() + "/absent.gift" }, db.url);
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("cannot read") != std::string::npos);

    CHECK(query_int(db.url, "SELECT count(*) FROM bank_questions") == 0);
    CHECK(query_int(db.url, "SELECT count(*) FROM audit_log WHERE action = 'bank.import'") == 0);

    // An Aiken file that reads imports as single-choice questions.
    auto fine = import("aiken", "What is 15% of 80?\nA. 8\nB) 12\nANSWER: B\n", { "--tenant", "summit" });
    INFO(fine.err);
    CHECK(fine.exit_code == 0);
    CHECK(query_int(db.url, "SELECT count(*) FROM bank_questions WHERE kind = 'single_choice' AND tenant_id = " + db.academy)
        == 1);
}

TEST_CASE("an import refuses what the bank could not keep as written, and an id used twice across files",
    "[cli][bank]")
{
    auto db = bank_database("bank_kept");
    TempDir dir("bank");
    // A hint with a line break (Moodle's <br>) would lose its second line.
    const std::string xml = "<quiz>\n<question type=\"truefalse\"><name><text>t</text></name>"
                            "<questiontext format=\"html\"><text>Is 7 prime?</text></questiontext>"
                            "<hint format=\"html\"><text><![CDATA[First line<br/>second line]]></text></hint>"
                            "<answer fraction=\"100\"><text>true</text></answer>"
                            "<answer fraction=\"0\"><text>false</text></answer></question>\n</quiz>";
    auto broken = run_cli({ "bank", "import", "--format", "moodle-xml", dir.write("hint.xml", xml), "--tenant", "summit" },
        db.url);
    CHECK(broken.exit_code == 2);
    CHECK(broken.err.find("line 2: question t would not be kept as written") != std::string::npos);
    // An id in a tag-like bracket.
    auto bracket = run_cli({ "bank", "import", "--format", "moodle-xml",
                               dir.write("id.xml", "<quiz><question type=\"truefalse\"><name><text>a]b</text></name>"
                                                   "<questiontext><text>Q?</text></questiontext>"
                                                   "<answer fraction=\"100\"><text>true</text></answer>"
                                                   "<answer fraction=\"0\"><text>false</text></answer></question></quiz>") },
        db.url);
    CHECK(bracket.exit_code == 2);
    // The same id in two files of one seed.
    TempDir bank_dir("bank");
    bank_dir.write("a.gift", "::twice::First?{T}\n");
    bank_dir.write("b.gift", "::twice::Second?{F}\n");
    auto seeded = run_cli({ "seed", "bank", "--dir", bank_dir.path() }, db.url);
    CHECK(seeded.exit_code == 2);
    CHECK(seeded.err.find("the id twice is used twice in this import") != std::string::npos);
    CHECK(query_int(db.url, "SELECT count(*) FROM bank_questions") == 0);

    // Aiken questions have no title: kept with their id as title, so their
    // Moodle XML export imports back as the same content (no new versions).
    auto aiken = run_cli({ "bank", "import", "--format", "aiken", dir.write("a.txt", "Q one?\nA. x\nB. y\nANSWER: A\n"),
                             "--tenant", "summit" },
        db.url);
    REQUIRE(aiken.exit_code == 0);
    auto xml_out = run_cli({ "bank", "export", "--format", "moodle-xml", "--tenant", "summit" }, db.url).out;
    auto again = run_cli({ "bank", "import", "--format", "moodle-xml", dir.write("back.xml", xml_out), "--tenant", "summit" },
        db.url);
    INFO(again.err);
    CHECK(again.out == "the academy's bank: 1 questions read: 0 added, 0 changed (a new version each), 1 unchanged\n");
}

TEST_CASE("an academy reads the shared bank and its own, never another academy's, and cannot write the shared one",
    "[cli][bank][rls]")
{
    auto db = bank_database("bank_rls");
    TempDir dir("bank");
    REQUIRE(run_cli({ "bank", "import", "--format", "gift", dir.write("s.gift", "::shared-1::Shared?{T}\n") }, db.url)
                .exit_code
        == 0);
    REQUIRE(run_cli({ "bank", "import", "--format", "gift", dir.write("a.gift", "::mine::Mine?{T}\n"), "--tenant",
                        "summit" },
                db.url)
                .exit_code
        == 0);
    REQUIRE(run_cli({ "bank", "import", "--format", "gift", dir.write("b.gift", "::theirs::Theirs?{F}\n"), "--tenant",
                        "ridge" },
                db.url)
                .exit_code
        == 0);
    pqxx::connection app(db.url + " user=learnloop_app");
    pqxx::nontransaction txn(app);
    txn.exec("SELECT set_config('app.tenant_id', '" + db.academy + "', false)");
    auto seen = txn.exec("SELECT code FROM bank_questions ORDER BY code");
    REQUIRE(seen.size() == 2);
    CHECK(seen[0][0].as<std::string>() == "mine");
    CHECK(seen[1][0].as<std::string>() == "shared-1");
    CHECK(txn.exec("UPDATE bank_questions SET body = 'x' WHERE code IN ('shared-1', 'theirs') RETURNING id").empty());
    CHECK_THROWS(txn.exec("INSERT INTO bank_questions (tenant_id, code, version, kind, difficulty, body, content_hash,"
                          " created_by) VALUES (NULL, 'planted', 1, 'true_false', 1, 'x', 'x', 'x')"));
    // A school reads nothing of the bank, the shared one included; nor does
    // a connection that names no tenant.
    txn.exec("SELECT set_config('app.tenant_id', '" + db.school + "', false)");
    CHECK(txn.exec("SELECT count(*) FROM bank_questions")[0][0].as<int>() == 0);
    txn.exec("SELECT set_config('app.tenant_id', '', false)");
    CHECK(txn.exec("SELECT count(*) FROM bank_questions")[0][0].as<int>() == 0);
}
