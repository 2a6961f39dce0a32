// learnloop, the operator's command line: [SECTION] arguments, [SECTION] commands.
// Over 600 lines: one table of the operator's commands with their arguments and help; each
// command's work is in a file of its own.
#include "audit/audit_checkpoint.hpp"
#include "audit/audit_log.hpp"
#include "cli/backup.hpp"
#include "academy/bank_store.hpp"
#include "cli/bank_commands.hpp"
#include "cli/demo_academy.hpp"
#include "cli/demo_marketplace.hpp"
#include "cli/demo_school.hpp"
#include "cli/demo_tutoring.hpp"
#include "platform/config.hpp"
#include "platform/crypto.hpp"
#include "platform/time_zones.hpp"
#include "entry_points.hpp"
#include "identity/identity_store.hpp"
#include "marketplace/certificates/credential_proof.hpp"
#include "practice/curriculum_store.hpp"
#include "practice/knowledge_tracing.hpp"
#include "tutoring/recurrence.hpp"
#include "tutoring/zone.hpp"
#include "db/migrations.hpp"
#include "db/sql.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

namespace learnloop::server {

namespace {

// [SECTION] arguments ------------------------------------------------------

constexpr const char* k_usage = R"(usage: learnloop COMMAND [OPTIONS]

Commands:
  migrate                         apply pending migrations
  backup FILE                     write the whole database to FILE (pg_dump custom format, mode 0600)
  restore FILE                    restore FILE into an empty database (creates the roles it needs)
  seed demo [--minimal yes] [--seed N] [--curriculum-dir DIR]
                                  create the demo school (idempotent): three classes, parents, six weeks
                                  of marked work and practice, seeding the curriculum first when absent;
                                  then the demo tutoring business: four tutors, thirty students, three
                                  months of sessions, invoices, payments and messages; then the demo
                                  academy: two instructors, forty students, its own exam questions;
                                  then the demo marketplace: the catalog of course-catalog/, learners,
                                  enrolments and reviews;
                                  --minimal yes: only the logins, one class and one weekly lesson (for API tests)
  seed curriculum [--dir DIR]     load the shared curriculum from curriculum/ (idempotent: changed
                                  items are updated, removed ones retired, history kept)
  seed bank [--dir DIR]           load the shared exam bank from exam-bank/ (idempotent: a changed
                                  question becomes a new version, the old one kept)
  bank import --format gift|aiken|moodle-xml FILE [--tenant SLUG]
                                  add a file's questions to an academy's exam bank (without --tenant:
                                  the shared bank), all or none: problems are named by line
  bank export --format gift|moodle-xml [--tenant SLUG] [--out FILE]
                                  write a bank's current questions (to standard output by default)
  create-tenant --slug S --name N [--kind school|academy|tutoring|marketplace] [--time-zone ZONE] [--default yes]
                [--signup-policy open|students_only|nobody]
                                  (who may sign themselves up; default students_only: the school
                                  adds its staff. Open lets teachers sign up, pending approval)
  create-user --tenant SLUG --email E --name N --role ROLE
              (password from LEARNLOOP_PASSWORD or the first line of standard input)
  audit verify [--checkpoint FILE [--public-key KEY]]
                                  check the audit log's hash chains; with a checkpoint, also that every
                                  chain still holds the head it recorded (exit 1: the log was changed;
                                  exit 3: the checkpoint is refused, its signature or key is not trusted)
  audit checkpoint [--key FILE] [--out FILE]
                                  print (or write) a signed checkpoint of every chain's head, to be kept
                                  outside the database
  audit keygen --out FILE         make an Ed25519 key pair for checkpoints: FILE (secret, mode 0600)
                                  and FILE.pub; refuses to overwrite either
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
  certificate verify FILE [--issuer-key KEY]
                                  check a certificate file (Open Badges 3.0 with an eddsa-jcs-2022
                                  proof) offline: print whom it was awarded to, for what, when and by
                                  whom, and whether every byte is as its issuer signed it; with
                                  --issuer-key (did:key:z6Mk... or 64 hex digits) also that this key
                                  signed it. Revocations are on the certificate's /verify page
  calendar expand --dtstart T --rrule RULE [--from T] [--to T] [--limit N] [--zone ZONE]
                                  print the local times (YYYY-MM-DDTHH:MM:SS, one a line) of a recurring
                                  lesson in the window [from, to) (default: from DTSTART on), at most N
                                  (default 1000, at most 100000); with --zone (an IANA name such as
                                  Europe/London, from the system's tz database) an UNTIL in UTC is read
                                  in that zone, as the server reads it; needs no database
  help                            show this text

Common options:
  --database-url URL    connection string of the owner role (default: DATABASE_URL)
  --migrations-dir DIR  migrations folder (default: LEARNLOOP_MIGRATIONS_DIR or the source tree's)
  --key FILE            checkpoint signing key (default: LEARNLOOP_AUDIT_KEY_FILE)
  --public-key KEY      trusted checkpoint key(s): 64 hex digits, or a file with one key per line
                        (default: LEARNLOOP_AUDIT_PUBLIC_KEY)

Exit status: 0 success, 1 failure (for audit verify: the audit log was changed), 2 bad usage,
3 a checkpoint or certificate refused (bad signature, untrusted key, malformed).
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

    // The tutoring business in its own transaction, after the school.
    start = std::chrono::steady_clock::now();
    auto tutoring = TRY(seed_demo_tutoring(connection, demo));
    if (tutoring.history_added)
        std::printf("tutoring history: %d series from %s to %s, %d sessions logged (%d cancelled, %d moved), "
                    "%d invoices issued and %d drafts, %d payments, %d messages\n",
            tutoring.series, tutoring.first_day.c_str(), tutoring.last_day.c_str(), tutoring.sessions_logged,
            tutoring.cancelled, tutoring.moved, tutoring.invoices_issued, tutoring.invoice_drafts, tutoring.payments,
            tutoring.messages);
    std::printf("Demo tutoring business \"brightpath\" is ready (%d tutors, %d students in %d families; %.1f s). "
                "Sign in with any of these (password: %s):\n",
        tutoring.tutors, tutoring.students, tutoring.families,
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), k_demo_password);
    for (const auto& login : tutoring_demo_logins())
        std::printf("  %-10s %s\n", login.role, login.email);

    // The academy in its own transaction, last; its quizzes draw on the
    // shared exam bank, loaded first when it is empty (the full demo only:
    // the minimal one is for API tests, which load what they need).
    if (demo.size == DemoSize::Full) {
        pqxx::read_transaction txn(connection);
        if (TRY(current_bank_questions(txn, std::nullopt)).empty()) {
            txn.commit();
            std::printf("exam bank: none was loaded, so the shared bank was seeded first\n");
            TRY(seed_bank(connection, default_exam_bank_dir()));
        }
    }
    start = std::chrono::steady_clock::now();
    auto academy = TRY(seed_demo_academy(connection, demo));
    if (academy.courses > 0)
        std::printf("academy history: %d courses, %d quizzes, %d attempts handed in, %d assignments (%d pieces of "
                    "work marked with their rubrics)\n",
            academy.courses, academy.quizzes, academy.attempts, academy.assignments, academy.marked);
    std::printf("Demo academy \"summit\" is ready (%d instructors, %d students, %d questions of its own beside the "
                "shared exam bank; %.1f s). Sign in with any of these (password: %s):\n",
        academy.instructors, academy.students, academy.own_questions,
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), k_demo_password);
    for (const auto& login : academy_demo_logins())
        std::printf("  %-10s %s\n", login.role, login.email);

    // The marketplace last, and in the full demo only: its catalog is read
    // from course-catalog/, which the API tests' minimal demo does not need.
    if (demo.size != DemoSize::Full)
        return {};
    start = std::chrono::steady_clock::now();
    auto market = TRY(seed_demo_marketplace(connection, demo, default_course_catalog_dir()));
    if (market.courses > 0)
        std::printf("marketplace catalog: %d categories, %d courses with %d lessons, %d enrolments, %d reviews, "
                    "%d orders (%d refunded), %d payouts, %d certificates, %d coupons\n",
            market.categories, market.courses, market.lessons, market.enrolments, market.reviews, market.orders,
            market.refunds, market.payouts, market.certificates, market.coupons);
    std::printf("Demo marketplace \"lumen\" is ready (%d instructors, %d learners; %.1f s). Sign in with any of "
                "these (password: %s):\n",
        market.instructors, market.learners,
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), k_demo_password);
    for (const auto& login : marketplace_demo_logins())
        std::printf("  %-10s %s\n", login.role, login.email);
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
    tenant.signup_policy = TRY(parse_signup_policy(options.get("signup-policy", "students_only")));
    pqxx::work txn(connection);
    auto id = TRY(create_tenant(txn, tenant, "cli"));
    if (options.get("default") == "yes") {
        exec_named(txn, "cli/clear_default_tenant");
        exec_named(txn, "cli/make_default_tenant", id);
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

// [SECTION] audit checkpoints ----------------------------------------------
//
// A checkpoint is signed here and checked here; what it contains and how it
// compares with the log is audit/audit_checkpoint.hpp's.

std::string trim(std::string text)
{
    auto not_space = [](unsigned char c) { return !std::isspace(c); };
    text.erase(text.begin(), std::find_if(text.begin(), text.end(), not_space));
    text.erase(std::find_if(text.rbegin(), text.rend(), not_space).base(), text.end());
    return text;
}

std::string lower(std::string text)
{
    for (auto& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

bool is_hex_key(const std::string& text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isxdigit(c); });
}

// Creates `path` for writing with `mode`, failing if anything exists there
// (also a symbolic link), and writes `content` to it.
Result<void> write_new_file(const std::string& path, const std::string& content, mode_t mode)
{
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0)
        return make_error(errno == EEXIST ? ErrorCode::AlreadyExists : ErrorCode::Internal,
            "cannot create " + path + ": " + std::strerror(errno));
    // The umask may only take bits away; make the mode exact.
    bool ok = ::fchmod(fd, mode) == 0 && ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size())
        && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok)
        return make_error(ErrorCode::Internal, "cannot write " + path + ": " + std::strerror(errno));
    return {};
}

// Replaces `path` in one step (a file beside it, then rename), so whoever ships
// the file never reads half of it.
Result<void> write_file_atomically(const std::string& path, const std::string& content)
{
    std::string temporary = path + ".tmp-XXXXXX";
    int fd = ::mkstemp(temporary.data());
    if (fd < 0)
        return make_error(ErrorCode::Internal, "cannot write beside " + path + ": " + std::strerror(errno));
    bool ok = ::fchmod(fd, 0644) == 0
        && ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) && ::fsync(fd) == 0;
    ok = ::close(fd) == 0 && ok;
    if (!ok || ::rename(temporary.c_str(), path.c_str()) != 0) {
        auto reason = std::string(std::strerror(errno));
        ::unlink(temporary.c_str());
        return make_error(ErrorCode::Internal, "cannot write " + path + ": " + reason);
    }
    return {};
}

Result<void> command_audit_keygen(const Options& options)
{
    auto path = options.get("out");
    if (path.empty())
        return make_error(ErrorCode::InvalidArgument, "audit keygen needs --out FILE (the secret key; FILE.pub gets the public key)");
    auto public_path = path + ".pub";
    for (const auto& existing : { path, public_path }) {
        struct stat info;
        if (::lstat(existing.c_str(), &info) == 0)
            return make_error(ErrorCode::AlreadyExists, existing + " already exists; not overwriting a key");
    }
    auto pair = generate_signing_key();
    auto written = write_new_file(path, pair.secret_key + "\n", 0600);
    wipe_secret(pair.secret_key);
    TRY(std::move(written));
    if (auto result = write_new_file(public_path, pair.public_key + "\n", 0644); !result.ok()) {
        ::unlink(path.c_str());
        return result.release_error();
    }
    std::printf("secret key: %s (mode 0600; keep it off the database host)\npublic key: %s (%s)\n", path.c_str(),
        public_path.c_str(), pair.public_key.c_str());
    return {};
}

// The signing key from --key or LEARNLOOP_AUDIT_KEY_FILE.
Result<std::string> read_signing_key(const Options& options)
{
    auto path = options.get("key", env_or("LEARNLOOP_AUDIT_KEY_FILE", ""));
    if (path.empty())
        return make_error(ErrorCode::InvalidArgument,
            "audit checkpoint needs a signing key: --key FILE or LEARNLOOP_AUDIT_KEY_FILE (make one with "
            "learnloop audit keygen --out FILE)");
    struct stat info;
    if (::stat(path.c_str(), &info) == 0 && (info.st_mode & 077) != 0)
        std::fprintf(stderr, "learnloop: warning: the signing key %s can be read by other users (chmod 600 it)\n",
            path.c_str());
    auto text = read_text_file(path);
    if (!text.ok())
        return make_error(ErrorCode::InvalidArgument, "cannot read the signing key " + path);
    auto key = trim(text.release_value());
    if (!signing_public_key(key).ok())
        return make_error(ErrorCode::InvalidArgument, path + " is not a checkpoint signing key (learnloop audit keygen makes one)");
    return key;
}

// The trusted public keys from --public-key or LEARNLOOP_AUDIT_PUBLIC_KEY: a
// key itself, or a file with one key per line (# starts a comment), so that
// checkpoints signed before a key rotation still verify.
Result<std::set<std::string>> read_trusted_keys(const Options& options)
{
    auto value = trim(options.get("public-key", env_or("LEARNLOOP_AUDIT_PUBLIC_KEY", "")));
    if (value.empty())
        return make_error(ErrorCode::InvalidArgument,
            "audit verify --checkpoint needs the trusted public key: --public-key KEY|FILE or LEARNLOOP_AUDIT_PUBLIC_KEY");
    if (is_hex_key(value))
        return std::set<std::string> { lower(value) };
    auto text = read_text_file(value);
    if (!text.ok())
        return make_error(ErrorCode::InvalidArgument, "--public-key is neither 64 hex digits nor a readable file: " + value);
    std::set<std::string> keys;
    std::istringstream lines(text.value());
    for (std::string line; std::getline(lines, line);) {
        line = trim(line.substr(0, line.find('#')));
        if (line.empty())
            continue;
        auto key = line.substr(0, line.find_first_of(" \t"));
        if (!is_hex_key(key))
            return make_error(ErrorCode::InvalidArgument, value + " holds a line that is not a public key: " + line);
        keys.insert(lower(key));
    }
    if (keys.empty())
        return make_error(ErrorCode::InvalidArgument, value + " holds no public key");
    return keys;
}

// Refuses a checkpoint that is malformed, signed by a key not trusted, or whose
// signature does not match its content (Unauthenticated: exit status 3).
Result<SignedCheckpoint> read_trusted_checkpoint(const std::string& path, const std::set<std::string>& trusted)
{
    auto text = read_text_file(path);
    if (!text.ok())
        return make_error(ErrorCode::InvalidArgument, "cannot read the checkpoint " + path);
    auto parsed = parse_checkpoint(text.value());
    if (!parsed.ok())
        return make_error(ErrorCode::Unauthenticated,
            "checkpoint refused: " + path + " is not a well-formed checkpoint (" + parsed.error().message + ")");
    auto checkpoint = parsed.release_value();
    if (!trusted.contains(checkpoint.checkpoint.public_key))
        return make_error(ErrorCode::Unauthenticated,
            "checkpoint refused: " + path + " is signed by key " + checkpoint.checkpoint.public_key
                + ", which is not a trusted key");
    if (!verify_detached(checkpoint.checkpoint.public_key, canonical_text(checkpoint.checkpoint), checkpoint.signature))
        return make_error(ErrorCode::Unauthenticated,
            "checkpoint refused: the signature of " + path
                + " does not match its content (the file was changed after it was signed)");
    return checkpoint;
}

Result<void> command_audit_checkpoint(pqxx::connection& connection, const Options& options)
{
    auto secret_key = TRY(read_signing_key(options));
    AuditCheckpoint checkpoint;
    checkpoint.public_key = TRY(signing_public_key(secret_key));
    std::int64_t rows = 0;
    {
        // One snapshot for the rows, the tenants and the time.
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> txn(connection);
        auto scan = scan_audit_log(txn);
        auto tenants = list_audit_tenants(txn);
        // Signing a broken chain would vouch for the damage.
        if (auto broken = scan.first_broken()) {
            auto tenant = std::find_if(tenants.begin(), tenants.end(),
                [&](const TenantRef& t) { return broken->first && t.id == *broken->first; });
            return make_error(ErrorCode::FailedPrecondition,
                "not signing a checkpoint of a broken audit log: "
                    + chain_label(broken->first, tenant == tenants.end() ? std::string() : tenant->slug) + ", row "
                    + std::to_string(broken->second.id) + " does not "
                    + (broken->second.intact ? "link to the row before it" : "match its hash")
                    + " (see learnloop audit verify)");
        }
        checkpoint.chains = chain_heads(scan, tenants);
        checkpoint.created_at = audit_snapshot_time(txn);
        rows = scan.rows();
    }
    SignedCheckpoint signed_checkpoint { checkpoint, TRY(sign_detached(secret_key, canonical_text(checkpoint))) };
    wipe_secret(secret_key);
    auto text = to_json(signed_checkpoint).dump(2) + "\n";
    auto out = options.get("out");
    if (out.empty()) {
        std::fputs(text.c_str(), stdout);
        return {};
    }
    TRY(write_file_atomically(out, text));
    std::printf("wrote %s: %zu chains, %lld rows, at %s\n", out.c_str(), checkpoint.chains.size(),
        static_cast<long long>(rows), checkpoint.created_at.c_str());
    return {};
}

Result<void> command_audit_verify(pqxx::connection& connection, const Options& options)
{
    auto path = options.get("checkpoint");
    if (path.empty()) {
        pqxx::read_transaction txn(connection);
        auto verification = TRY(verify_audit_chain(txn));
        std::printf("audit log intact: %lld rows checked\n", static_cast<long long>(verification.rows_checked));
        return {};
    }
    auto trusted = TRY(read_trusted_keys(options));
    auto signed_checkpoint = TRY(read_trusted_checkpoint(path, trusted));
    const auto& checkpoint = signed_checkpoint.checkpoint;
    std::printf("checkpoint of %s, signed by trusted key %s: signature valid\n", checkpoint.created_at.c_str(),
        checkpoint.public_key.c_str());

    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> txn(connection);
    auto scan = scan_audit_log(txn, &checkpoint);
    auto report = compare_with_checkpoint(checkpoint, scan, list_audit_tenants(txn));
    std::string problems;
    for (const auto& finding : report.findings) {
        std::printf("%-8s %s: %s\n", finding.ok ? "ok" : "CHANGED", finding.chain.c_str(), finding.message.c_str());
        if (!finding.ok)
            problems += "\n  " + finding.chain + ": " + finding.message;
    }
    if (!report.ok())
        return make_error(ErrorCode::FailedPrecondition,
            "the audit log does not match the checkpoint of " + checkpoint.created_at + " in "
                + std::to_string(report.problems()) + " of " + std::to_string(report.findings.size()) + " chains:" + problems);
    std::printf("audit log intact and consistent with the checkpoint: %lld rows checked, %zu chains\n",
        static_cast<long long>(scan.rows()), report.findings.size());
    return {};
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

// Pure domain work: the same expansion the server and the browser run.
Result<void> command_calendar_expand(const Options& options)
{
    if (options.get("dtstart").empty() || options.get("rrule").empty())
        return make_error(ErrorCode::InvalidArgument, "calendar expand needs --dtstart T and --rrule RULE");
    auto dtstart = TRY(parse_local_datetime(options.get("dtstart"), "--dtstart"));
    auto rule = TRY(RecurrenceRule::create(options.get("rrule")));
    if (auto zone_name = options.get("zone"); !zone_name.empty())
        rule = localize_until(rule, *TRY(system_zone(zone_name, "--zone")));
    auto from = options.get("from").empty() ? dtstart : TRY(parse_local_datetime(options.get("from"), "--from"));
    // No --to: until the rule ends, or the limit.
    auto to = options.get("to").empty() ? LocalDateTime { 9999, 12, 31, 23, 59, 59 }
                                        : TRY(parse_local_datetime(options.get("to"), "--to"));
    auto limit_text = options.get("limit", "1000");
    if (limit_text.empty() || limit_text.size() > 6 || limit_text.find_first_not_of("0123456789") != std::string::npos
        || std::stoi(limit_text) < 1 || std::stoi(limit_text) > 100000)
        return make_error(ErrorCode::InvalidArgument, "--limit takes a whole number from 1 to 100000");
    auto expansion = TRY(expand(dtstart, rule, from, to, static_cast<std::size_t>(std::stoi(limit_text))));
    for (const auto& occurrence : expansion.occurrences)
        std::printf("%s\n", format_local_datetime(occurrence).c_str());
    if (expansion.end == ExpansionEnd::Limit)
        std::fprintf(stderr, "learnloop: stopped at the limit of %s; more follow\n", limit_text.c_str());
    if (expansion.end == ExpansionEnd::IterationCap)
        return make_error(ErrorCode::ResourceExhausted,
            "the rule matches too rarely to search the whole window; the list above is incomplete");
    return {};
}

// `learnloop certificate verify FILE`: no database, no network.
Result<void> command_certificate_verify(const Options& options)
{
    const auto& words = options.positional;
    if (words.size() != 3)
        return make_error(ErrorCode::InvalidArgument, "certificate verify needs the certificate's FILE");
    std::ifstream in(words[2], std::ios::binary);
    if (!in)
        return make_error(ErrorCode::InvalidArgument, "cannot read " + words[2]);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto check = check_credential(text);
    if (!check.readable)
        return make_error(ErrorCode::Unauthenticated, check.problem + " (" + check.detail + ")");
    const auto did = ed25519_did_key(TRY(bytes_of_hex(check.public_key)));
    // What the file says, with control characters shown as '?', so no field
    // can write a line of its own (a false "VALID") or move the cursor.
    auto shown = [](std::string text) {
        for (auto& c : text)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                c = '?';
        return text;
    };
    const auto& record = check.record;
    std::printf("Awarded to:  %s\nCourse:      %s\nCompleted:   %s\nIssued by:   %s\nRequirement: %s\n"
                "Certificate: %s\nSigned by:   %s\n",
        shown(record.learner_name).c_str(), shown(record.course_title).c_str(), shown(record.valid_from).c_str(),
        shown(record.issuer_name).c_str(), shown(record.criteria).c_str(),
        record.id.empty() ? "(no number)" : record.id.c_str(), did.c_str());
    if (!check.valid)
        return make_error(ErrorCode::Unauthenticated, "INVALID: " + check.problem);
    const auto trusted = trim(options.get("issuer-key"));
    if (!trusted.empty() && trusted != did && trusted != check.public_key)
        return make_error(ErrorCode::Unauthenticated, "INVALID: signed by another key than --issuer-key");
    std::printf("VALID: every byte is as %s signed it%s\n", trusted.empty() ? "this key" : "the issuer's key",
        trusted.empty() ? " (name the issuer's key with --issuer-key to check whose it is)" : "");
    return {};
}

Result<void> dispatch(const Options& options)
{
    const auto& words = options.positional;
    if (words[0] == "calendar")
        return words.size() == 2 && words[1] == "expand"
            ? command_calendar_expand(options)
            : make_error(ErrorCode::InvalidArgument, std::string("unknown command\n") + k_usage);
    if (words[0] == "kt" && !(words.size() == 2 && words[1] == "refit"))
        return command_kt(options);
    if (words[0] == "audit" && words.size() == 2 && words[1] == "keygen")
        return command_audit_keygen(options);
    if (words[0] == "certificate" && words.size() >= 2 && words[1] == "verify")
        return command_certificate_verify(options);
    auto url = options.get("database-url", env_or("DATABASE_URL", ""));
    if (url.empty())
        return make_error(ErrorCode::InvalidArgument, "set DATABASE_URL or --database-url");
    if (words[0] == "backup")
        return backup_database(url, words.size() == 2 ? words[1] : std::string());
    pqxx::connection connection(url);
    // The commands run the server's named statements; libpqxx prepares each
    // on first use, so commands that run before the schema exists (migrate)
    // are not affected.
    prepare_named_statements(connection);

    if (words[0] == "migrate")
        return command_migrate(connection, options);
    if (words[0] == "restore") {
        TRY(restore_database(connection, url, words.size() == 2 ? words[1] : std::string()));
        std::printf("restored; run `learnloop audit verify` (with --checkpoint) to check the audit log\n");
        return {};
    }
    if (words[0] == "seed" && words.size() == 2 && words[1] == "demo")
        return command_seed_demo(connection, options);
    if (words[0] == "seed" && words.size() == 2 && words[1] == "curriculum")
        return command_seed_curriculum(connection, options);
    if (words[0] == "seed" && words.size() == 2 && words[1] == "bank")
        return seed_bank(connection, options.get("dir", default_exam_bank_dir()));
    if (words[0] == "bank" && words.size() >= 2 && (words[1] == "import" || words[1] == "export")) {
        const BankCommand command { options.get("format"), words.size() == 3 ? words[2] : std::string(),
            options.get("tenant"), options.get("out") };
        if (words.size() > (words[1] == "import" ? 3u : 2u))
            return make_error(ErrorCode::InvalidArgument, std::string("unknown command\n") + k_usage);
        return words[1] == "import" ? bank_import(connection, command) : bank_export(connection, command);
    }
    if (words[0] == "create-tenant")
        return command_create_tenant(connection, options);
    if (words[0] == "create-user")
        return command_create_user(connection, options);
    if (words[0] == "kt")
        return command_kt_refit(connection, options);
    if (words[0] == "audit" && words.size() == 2 && words[1] == "verify")
        return command_audit_verify(connection, options);
    if (words[0] == "audit" && words.size() == 2 && words[1] == "checkpoint")
        return command_audit_checkpoint(connection, options);
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
            switch (result.error().code) {
            case ErrorCode::InvalidArgument:
                return 2;
            case ErrorCode::Unauthenticated:   // a checkpoint whose signature or key is not trusted
                return 3;
            default:
                return 1;
            }
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
