// learnloop, the operator's command line: [SECTION] arguments, [SECTION] commands.
#include "audit/audit_log.hpp"
#include "cli/demo_school.hpp"
#include "platform/config.hpp"
#include "platform/crypto.hpp"
#include "entry_points.hpp"
#include "identity/identity_store.hpp"
#include "practice/curriculum_store.hpp"
#include "practice/knowledge_tracing.hpp"
#include "db/migrations.hpp"
#include "db/sql.hpp"

#include <chrono>
#include <fstream>
#include <sstream>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <map>

namespace learnloop::server {

namespace {

// [SECTION] arguments ------------------------------------------------------

constexpr const char* k_usage = R"(usage: learnloop COMMAND [OPTIONS]

Commands:
  migrate                         apply pending migrations
  seed demo [--minimal yes] [--seed N] [--curriculum-dir DIR]
                                  create the demo school (idempotent): three classes, parents, six weeks
                                  of marked work and practice, seeding the curriculum first when absent;
                                  --minimal yes: only the four logins and one class (for API tests)
  seed curriculum [--dir DIR]     load the shared curriculum from curriculum/ (idempotent: changed
                                  items are updated, removed ones retired, history kept)
  create-tenant --slug S --name N [--kind school|academy|tutoring] [--time-zone ZONE] [--default yes]
  create-user --tenant SLUG --email E --name N --role ROLE
              (password from LEARNLOOP_PASSWORD or the first line of standard input)
  audit verify                    check the audit log's hash chains
  kt fit --train FILE [--out FILE]
                                  fit knowledge-tracing parameters (BKT per skill by EM, and the
                                  item-difficulty model) from a response log (TSV: user_id, item_id,
                                  timestamp, correct, skill_id); writes them as JSON
  kt refit --tenant SLUG [--min-answers N]
                                  refit each target's parameters from one school's own answers
                                  (targets with fewer than N answers, default 50, are left as they are)
  kt eval --train FILE --test FILE
                                  fit on one log and report AUC, RMSE and log-loss of next-answer
                                  prediction on another (students disjoint)
  help                            show this text

Common options:
  --database-url URL    connection string of the owner role (default: DATABASE_URL)
  --migrations-dir DIR  migrations folder (default: LEARNLOOP_MIGRATIONS_DIR or the source tree's)
)";

struct Options {
    std::vector<std::string> positional;
    std::map<std::string, std::string> named;

    std::string get(const std::string& name, std::string fallback = {}) const
    {
        auto it = named.find(name);
        return it == named.end() ? std::move(fallback) : it->second;
    }
};

Result<Options> parse_options(const std::vector<std::string>& args)
{
    Options options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i].rfind("--", 0) == 0) {
            if (i + 1 >= args.size())
                return make_error(ErrorCode::InvalidArgument, args[i] + " needs a value");
            options.named[args[i].substr(2)] = args[i + 1];
            ++i;
        } else {
            options.positional.push_back(args[i]);
        }
    }
    return options;
}

std::string env_or(const char* name, std::string fallback)
{
    const char* value = std::getenv(name);
    return (value && *value) ? std::string(value) : std::move(fallback);
}

// [SECTION] commands -------------------------------------------------------

Result<void> command_migrate(pqxx::connection& connection, const Options& options)
{
    auto migrations = TRY(load_migrations(options.get("migrations-dir", env_or("LEARNLOOP_MIGRATIONS_DIR", default_migrations_dir()))));
    auto report = TRY(apply_migrations(connection, migrations));
    for (const auto& name : report.applied)
        std::printf("applied %s\n", name.c_str());
    std::printf("migrations: %zu applied now, %zu already applied\n", report.applied.size(), report.already_applied);
    return {};
}

Result<void> command_seed_demo(pqxx::connection& connection, const Options& options)
{
    auto minimal = options.get("minimal", "no");
    auto seed = options.get("seed", "2026");
    if (minimal != "yes" && minimal != "no")
        return make_error(ErrorCode::InvalidArgument, "--minimal takes yes or no");
    if (seed.empty() || seed.size() > 19 || seed.find_first_not_of("0123456789") != std::string::npos)
        return make_error(ErrorCode::InvalidArgument, "--seed takes a whole number");
    DemoOptions demo;
    demo.size = minimal == "yes" ? DemoSize::Minimal : DemoSize::Full;
    demo.seed = std::stoull(seed);
    demo.now_unix = static_cast<std::int64_t>(std::time(nullptr));
    auto start = std::chrono::steady_clock::now();
    auto report = TRY(seed_demo_school(connection, demo, options.get("curriculum-dir", default_curriculum_dir())));
    if (report.curriculum_seeded)
        std::printf("curriculum: none was loaded, so the shared curriculum was seeded first\n");
    if (report.history_added)
        std::printf("history: %d assignments, %d submissions (%d graded), %d targets assigned, %d task sets, "
                    "%d practice answers\n",
            report.assignments, report.submissions, report.graded, report.targets_assigned, report.task_sets,
            report.answers);
    std::printf("Demo school \"demo\" is ready (%d classes, %d students; %.1f s). Sign in with any of these "
                "(password: %s):\n",
        report.classes, report.students,
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), k_demo_password);
    for (const auto* login : { "admin      admin@demo.learnloop.test", "teacher    teacher@demo.learnloop.test",
             "student    student@demo.learnloop.test", "parent     parent@demo.learnloop.test" })
        std::printf("  %s\n", login);
    if (demo.size == DemoSize::Full)
        std::printf("  (and every other demo user, e.g. the maths teacher nadia.rahman@demo.learnloop.test)\n");
    return {};
}

Result<void> command_seed_curriculum(pqxx::connection& connection, const Options& options)
{
    auto files = TRY(load_curriculum_dir(options.get("dir", default_curriculum_dir())));
    pqxx::work txn(connection);
    auto report = TRY(seed_curriculum(txn, files, "cli"));
    txn.commit();
    std::printf("curriculum: targets %d added, %d updated, %d unchanged, %d retired; "
                "templates %d added, %d updated, %d unchanged, %d retired\n",
        report.targets_added, report.targets_updated, report.targets_unchanged, report.targets_retired,
        report.templates_added, report.templates_updated, report.templates_unchanged, report.templates_retired);
    return {};
}

Result<void> command_create_tenant(pqxx::connection& connection, const Options& options)
{
    NewTenant tenant;
    tenant.slug = options.get("slug");
    tenant.name = options.get("name");
    tenant.kind = TRY(parse_tenant_kind(options.get("kind", "school")));
    tenant.time_zone = options.get("time-zone", "UTC");
    pqxx::work txn(connection);
    auto id = TRY(create_tenant(txn, tenant, "cli"));
    if (options.get("default") == "yes") {
        txn.exec_prepared("cli/clear_default_tenant");
        txn.exec_prepared("cli/make_default_tenant", id);
    }
    txn.commit();
    std::printf("created tenant %s (id %lld)\n", tenant.slug.c_str(), static_cast<long long>(id));
    return {};
}

Result<void> command_create_user(pqxx::connection& connection, const Options& options)
{
    NewUser user;
    user.email = options.get("email");
    user.name = options.get("name");
    user.role = TRY(parse_role(options.get("role")));
    user.password = env_or("LEARNLOOP_PASSWORD", "");
    if (user.password.empty())
        std::getline(std::cin, user.password);
    pqxx::work txn(connection);
    auto tenant_id = find_tenant_id(txn, options.get("tenant"));
    if (!tenant_id)
        return make_error(ErrorCode::NotFound, "no tenant with slug \"" + options.get("tenant") + "\"", "tenant");
    user.tenant_id = *tenant_id;
    auto id = TRY(create_user(txn, user, "cli"));
    txn.commit();
    std::printf("created user %s (id %lld)\n", user.email.c_str(), static_cast<long long>(id));
    return {};
}

Result<void> command_audit_verify(pqxx::connection& connection)
{
    pqxx::read_transaction txn(connection);
    auto verification = TRY(verify_audit_chain(txn));
    std::printf("audit log intact: %lld rows checked\n", static_cast<long long>(verification.rows_checked));
    return {};
}

Result<std::string> read_text_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return make_error(ErrorCode::NotFound, "cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

double seconds_since(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Knowledge tracing needs no database: it reads and writes files.
Result<void> command_kt(const Options& options)
{
    const auto& words = options.positional;
    if (words.size() != 2 || (words[1] != "fit" && words[1] != "eval"))
        return make_error(ErrorCode::InvalidArgument, std::string("unknown kt command\n") + k_usage);
    if (options.get("train").empty())
        return make_error(ErrorCode::InvalidArgument, "kt " + words[1] + " needs --train FILE");
    auto start = std::chrono::steady_clock::now();
    auto train = TRY(parse_response_log(TRY(read_text_file(options.get("train")))));
    double parse_seconds = seconds_since(start);
    start = std::chrono::steady_clock::now();
    auto skills = fit_bkt(train);
    double bkt_seconds = seconds_since(start);
    start = std::chrono::steady_clock::now();
    auto model = fit_bkt_items(train, skills);
    double items_seconds = seconds_since(start);
    std::printf("train: %zu responses, %zu students, %zu items, %zu skills (read in %.2f s)\n", train.responses.size(),
        train.students.size(), train.items.size(), train.skills.size(), parse_seconds);
    std::printf("fit: BKT by EM %.2f s, item model %.2f s\n", bkt_seconds, items_seconds);

    if (words[1] == "fit") {
        Json skills_json = Json::object();
        for (std::size_t i = 0; i < skills.size(); ++i)
            skills_json[train.skills[i]] = to_json(skills[i]);
        Json items_json = Json::object();
        for (std::size_t i = 0; i < model.item_bias.size(); ++i)
            items_json[train.items[i]] = model.item_bias[i];
        Json out = { { "skills", skills_json }, { "item_bias", items_json }, { "w_bkt", model.w_bkt },
            { "w_ability", model.w_ability }, { "bias", model.bias } };
        auto path = options.get("out", "kt-params.json");
        std::ofstream file(path);
        file << out.dump(1) << "\n";
        if (!file)
            return make_error(ErrorCode::Internal, "cannot write " + path);
        std::printf("wrote %s\n", path.c_str());
        return {};
    }

    if (options.get("test").empty())
        return make_error(ErrorCode::InvalidArgument, "kt eval needs --test FILE");
    auto test = TRY(parse_response_log(TRY(read_text_file(options.get("test"))), &train));
    std::vector<bool> outcomes;
    for (const auto& r : test.responses)
        outcomes.push_back(r.correct);
    std::printf("test: %zu responses, %zu students\n\n", test.responses.size(), test.students.size());
    std::printf("| model | AUC | RMSE | log-loss | predict time |\n|---|---|---|---|---|\n");
    for (auto which : { KtModel::Bkt, KtModel::BktItems }) {
        start = std::chrono::steady_clock::now();
        auto predictions = predict_log(test, model, which);
        double predict_seconds = seconds_since(start);
        auto m = evaluate(predictions, outcomes);
        std::printf("| %s | %.4f | %.4f | %.4f | %.3f s |\n", which == KtModel::Bkt ? "BKT (per skill, EM)" : "BKT + item difficulty",
            m.auc, m.rmse, m.log_loss, predict_seconds);
    }
    return {};
}

Result<void> command_kt_refit(pqxx::connection& connection, const Options& options)
{
    auto min_answers = std::atoi(options.get("min-answers", "50").c_str());
    if (min_answers < 1)
        return make_error(ErrorCode::InvalidArgument, "--min-answers must be a positive number");
    pqxx::work txn(connection);
    auto tenant_id = find_tenant_id(txn, options.get("tenant"));
    if (!tenant_id)
        return make_error(ErrorCode::NotFound, "no tenant with slug \"" + options.get("tenant") + "\"", "tenant");
    auto start = std::chrono::steady_clock::now();
    auto report = TRY(refit_tenant(txn, *tenant_id, min_answers, "cli"));
    txn.commit();
    std::printf("refit from %d answers in %.2f s: %d targets fitted, %d with too few answers\n", report.answers,
        seconds_since(start), report.targets_fitted, report.targets_skipped);
    return {};
}

Result<void> dispatch(const Options& options)
{
    const auto& words = options.positional;
    if (words[0] == "kt" && !(words.size() == 2 && words[1] == "refit"))
        return command_kt(options);
    auto url = options.get("database-url", env_or("DATABASE_URL", ""));
    if (url.empty())
        return make_error(ErrorCode::InvalidArgument, "set DATABASE_URL or --database-url");
    pqxx::connection connection(url);
    // The commands run the server's named statements; libpqxx prepares each
    // on first use, so commands that run before the schema exists (migrate)
    // are not affected.
    prepare_named_statements(connection);

    if (words[0] == "migrate")
        return command_migrate(connection, options);
    if (words[0] == "seed" && words.size() == 2 && words[1] == "demo")
        return command_seed_demo(connection, options);
    if (words[0] == "seed" && words.size() == 2 && words[1] == "curriculum")
        return command_seed_curriculum(connection, options);
    if (words[0] == "create-tenant")
        return command_create_tenant(connection, options);
    if (words[0] == "create-user")
        return command_create_user(connection, options);
    if (words[0] == "kt")
        return command_kt_refit(connection, options);
    if (words[0] == "audit" && words.size() == 2 && words[1] == "verify")
        return command_audit_verify(connection);
    return make_error(ErrorCode::InvalidArgument, std::string("unknown command\n") + k_usage);
}

} // namespace

int run_cli(const std::vector<std::string>& args)
{
    init_crypto();
    auto options = parse_options(args);
    if (!options.ok()) {
        std::fprintf(stderr, "learnloop: %s\n", options.error().message.c_str());
        return 2;
    }
    if (options.value().positional.empty() || options.value().positional[0] == "help") {
        std::fputs(k_usage, options.value().positional.empty() ? stderr : stdout);
        return options.value().positional.empty() ? 2 : 0;
    }
    try {
        auto result = dispatch(options.value());
        if (!result.ok()) {
            std::fprintf(stderr, "learnloop: %s\n", result.error().message.c_str());
            return result.error().code == ErrorCode::InvalidArgument ? 2 : 1;
        }
        return 0;
    } catch (const pqxx::broken_connection& e) {
        std::fprintf(stderr, "learnloop: cannot connect to the database: %s\n", e.what());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "learnloop: %s\n", e.what());
    }
    return 1;
}

} // namespace learnloop::server
