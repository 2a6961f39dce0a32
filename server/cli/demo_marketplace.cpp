// The demo marketplace (see demo_marketplace.hpp).
// Over 600 lines: the catalog read from course-catalog/ and the months of learners,
// orders, refunds, payouts and certificates made from it, as one story that reads in order.
#include "cli/demo_marketplace.hpp"

#include "audit/audit_log.hpp"
#include "core/calendar.hpp"
#include "core/json_reader.hpp"
#include "core/random.hpp"
#include "core/validation.hpp"
#include "db/sql.hpp"
#include "identity/identity_store.hpp"
#include "platform/crypto.hpp"
#include "marketplace/attachments.hpp"
#include "marketplace/catalog.hpp"
#include "marketplace/certificates/issuing.hpp"
#include "marketplace/checkout.hpp"
#include "marketplace/coupon_handlers.hpp"
#include "marketplace/orders.hpp"
#include "marketplace/payouts.hpp"
#include "marketplace/pricing.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

namespace learnloop::server {

namespace {

constexpr const char* k_slug = "lumen";
constexpr const char* k_domain = "@lumen.learnloop.test";
constexpr const char* k_time_zone = "Europe/London";
constexpr std::int64_t k_day = 86400;

constexpr DemoLoginLine k_logins[] = {
    { "admin", "admin@lumen.learnloop.test" },
    { "moderator", "moderator@lumen.learnloop.test" },
    { "instructor", "instructor@lumen.learnloop.test" },
    { "student", "student@lumen.learnloop.test" },
};

// The learner login first; then learners from many places, as an online
// marketplace's are.
constexpr const char* k_learners[][2] = {
    { "Sam Taylor", "student" }, { "Aiko Tanaka", "aiko.tanaka" }, { "Bongani Zulu", "bongani.zulu" },
    { "Camille Dubois", "camille.dubois" }, { "Diego Fernández", "diego.fernandez" }, { "Elif Yılmaz", "elif.yilmaz" },
    { "Finn Murphy", "finn.murphy" }, { "Grace Mensah", "grace.mensah" }, { "Hiroshi Sato", "hiroshi.sato" },
    { "Ingrid Larsen", "ingrid.larsen" }, { "Jamal Hassan", "jamal.hassan" }, { "Katarzyna Wójcik", "kasia.wojcik" },
    { "Leila Ahmadi", "leila.ahmadi" }, { "Marco Bianchi", "marco.bianchi" }, { "Nadia Petrova", "nadia.petrova" },
    { "Oluwaseun Adeyemi", "seun.adeyemi" }, { "Paula Costa", "paula.costa" }, { "Quentin Moreau", "quentin.moreau" },
    { "Rania Khalil", "rania.khalil" }, { "Sven Eriksson", "sven.eriksson" }, { "Tanvi Shah", "tanvi.shah" },
    { "Umar Farooq", "umar.farooq" }, { "Valentina Greco", "valentina.greco" }, { "Wei Zhang", "wei.zhang" },
    { "Ximena Torres", "ximena.torres" }, { "Yara Haddad", "yara.haddad" }, { "Zoltán Nagy", "zoltan.nagy" },
    { "Abigail Hughes", "abigail.hughes" }, { "Bruno Silva", "bruno.silva" }, { "Chiara Romano", "chiara.romano" },
    { "Dmitri Volkov", "dmitri.volkov" }, { "Esther Cohen", "esther.cohen" }, { "Farah Siddiqui", "farah.siddiqui" },
    { "Gabriel Lefèvre", "gabriel.lefevre" }, { "Hana Novak", "hana.novak" }, { "Ivan Horvat", "ivan.horvat" },
    { "Julia Schmidt", "julia.schmidt" }, { "Kofi Boateng", "kofi.boateng" }, { "Lucía Navarro", "lucia.navarro" },
    { "Mohammed Al-Sayed", "mohammed.alsayed" }, { "Nora Lindqvist", "nora.lindqvist" }, { "Oscar Jensen", "oscar.jensen" },
    { "Priyanka Rao", "priyanka.rao" }, { "Rory Gallagher", "rory.gallagher" }, { "Sakura Ito", "sakura.ito" },
    { "Thabo Nkosi", "thabo.nkosi" }, { "Ana Ribeiro", "ana.ribeiro" }, { "Ben Carter", "ben.carter" },
};

// What learners write, by the stars they give.
constexpr const char* k_review_words[5][4] = {
    { "I could not follow it: the lessons jump ahead without explaining the steps.",
        "Not what the description promised, and too short for the price.",
        "The examples did not work as written and I gave up halfway.", "" },
    { "Some good parts, but the pace is uneven and the last module feels rushed.",
        "Useful in places; I needed other material to fill the gaps.",
        "The reading lessons are fine, the videos much less so.", "" },
    { "A fair introduction. Clear enough, though I wanted more practice.",
        "Solid basics; the later modules could go deeper.",
        "Does what it says. A few lessons repeat each other.", "Decent course, good for a first look." },
    { "Clear explanations and the exercises build up nicely. I use this at work now.",
        "Very well organised; every lesson is the right length.",
        "Good pace and sensible examples. I would take another course from this instructor.",
        "Practical and friendly. The summary lessons are a great touch." },
    { "Exactly what I needed: patient, precise and full of examples I could reuse.",
        "The best course I have taken here. Everything is explained twice, in two different ways.",
        "Brilliant. I finished it in a week and went straight back to the hard parts.",
        "Superb structure, and the instructor answers questions quickly." },
};

constexpr const char* k_replies[] = {
    "Thank you for taking the time to write this. I am glad it helped!",
    "Thanks for the feedback; I have added a worked example to that module.",
    "Thank you! The next course in the series goes deeper into exactly this.",
};

Result<Json> read_json_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return make_error(ErrorCode::NotFound, path.string() + " cannot be read");
    std::stringstream text;
    text << in.rdbuf();
    auto json = parse_json(text.str());
    if (!json.ok())
        return make_error(ErrorCode::InvalidArgument, path.filename().string() + ": " + json.error().message);
    return json;
}

// A file's rule broken, named by the file.
template<typename T>
Result<T> in_file(const std::string& file, Result<T> result)
{
    if (!result.ok())
        return make_error(ErrorCode::InvalidArgument,
            file + ": " + (result.error().field.empty() ? "" : result.error().field + ": ") + result.error().message);
    return result;
}

std::string string_of(const Json& object, const char* key)
{
    auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

struct CourseSeed {
    std::int64_t id = 0;
    std::vector<std::pair<std::int64_t, int>> lessons;   // (id, minutes) in the course's order
    std::int64_t instructor_id = 0;
    std::int64_t published_at = 0;
    double appeal = 0.5;    // how many learners it draws, 0..1
    double quality = 4.2;   // the stars it earns on average
    std::string title;
    Money price;            // a one-time price; 0 when free or a subscription (not sold yet)
};

// What the demo's refunds say.
constexpr const char* k_refund_reasons[] = {
    "Bought the wrong course by mistake",
    "Not at the learner's level; moved to the beginners' course",
    "Charged twice by their bank; this payment given back",
    "Could not take the course this term",
};

// Where the demo's orders go, and what they draw on.
struct OrderSeeding {
    pqxx::work& txn;
    std::int64_t tenant_id = 0;
    std::string merchant;   // the sandbox checkout's merchant name
    std::int64_t admin_id = 0;   // who gave the refunds
    std::int64_t now_unix = 0;
    SeededRandom& rng;
    MarketplaceDemoReport& report;
};

Price one_time_price(const Money& amount)
{
    Price price;
    price.kind = PriceKind::OneTime;
    price.amount = amount;
    return price;
}

// A demo coupon: its row, its rule (shared-domain marketplace/pricing) and
// when it was made; `rule.times_used` counts the demo's orders with it.
struct DemoCoupon {
    std::int64_t id = 0;
    Coupon rule;
    std::int64_t made_at = 0;
};

// An order as the marketplace would have made it at `at`: the split by the
// instructor's terms on what was paid (the price, less a coupon's part), the
// sandbox's checkout, and any refund a few days later (by the administrator).
Result<void> seed_order(OrderSeeding& to, const CourseSeed& course, std::int64_t learner, OrderStatus ending,
    std::int64_t at, DemoCoupon* coupon = nullptr)
{
    const auto terms_row = exec_named(to.txn, "marketplace/order_terms", course.instructor_id, to.tenant_id)[0];
    const FeeTerms terms { terms_row["platform_fee_bp"].as<int>(), terms_row["processing_bp"].as<int>(),
        terms_row["processing_fixed_minor"].as<std::int64_t>() };
    const auto paid_price = coupon ? TRY(apply_coupon(one_time_price(course.price), course.id, coupon->rule, at))
                                   : course.price;
    if (coupon)
        ++coupon->rule.times_used;
    const auto split = TRY(split_order(paid_price, terms));
    auto refunded = zero_split(course.price.currency);
    if (ending == OrderStatus::Refunded)
        refunded = split;
    else if (ending == OrderStatus::PartlyRefunded)
        refunded = TRY(split_refund(split, refunded, { (paid_price.minor / 2 / 100) * 100 + 100, course.price.currency }));
    const bool paid = ending != OrderStatus::Cancelled;
    const auto token = random_hex(32);
    const auto payment = paid ? std::optional<std::string>("pay_" + random_hex(16)) : std::nullopt;
    const auto order_id = exec_named(to.txn, "cli/demo_course_order", to.tenant_id, learner, course.id,
        std::string(order_status_name(ending)), course.price.currency, split.gross.minor, split.processing_fee.minor,
        split.platform_fee.minor, split.instructor_share.minor, terms.platform_fee_bp, terms.processing_bp,
        terms.processing_fixed_minor, "cs_" + token, "/sandbox-pay/" + token, payment, format_utc_timestamp(at),
        paid ? std::optional<std::string>(format_utc_timestamp(at + 240)) : std::nullopt, refunded.gross.minor,
        refunded.processing_fee.minor, refunded.platform_fee.minor, refunded.instructor_share.minor,
        coupon ? std::optional<std::int64_t>(coupon->id) : std::nullopt,
        course.price.minor - paid_price.minor)[0]["id"].as<std::int64_t>();
    exec_named(to.txn, "cli/demo_sandbox_checkout", "cs_" + token, to.merchant, course.title, paid_price.minor,
        course.price.currency, to.tenant_id, order_id, paid ? std::string("paid") : std::string("cancelled"), payment,
        refunded.gross.minor, format_utc_timestamp(at));
    if (refunded.gross.minor > 0) {
        const auto when = std::min(at + static_cast<std::int64_t>(2 + to.rng.below(10)) * k_day, to.now_unix - 3600);
        exec_named(to.txn, "cli/demo_order_refund", to.tenant_id, order_id, refunded.gross.minor,
            refunded.processing_fee.minor, refunded.platform_fee.minor, refunded.instructor_share.minor,
            std::string(k_refund_reasons[to.rng.below(std::size(k_refund_reasons))]), to.admin_id,
            "re_" + random_hex(16), format_utc_timestamp(std::max(when, at + 3600)));
        ++to.report.refunds;
    }
    ++to.report.orders;
    return {};
}

} // namespace

std::string default_course_catalog_dir()
{
    return std::string(LEARNLOOP_SOURCE_DIR) + "/course-catalog";
}

std::span<const DemoLoginLine> marketplace_demo_logins()
{
    return k_logins;
}

Result<MarketplaceDemoReport> seed_demo_marketplace(pqxx::connection& connection, const DemoOptions& options,
    const std::string& catalog_dir)
{
    namespace fs = std::filesystem;
    const fs::path dir(catalog_dir);
    auto instructors_json = TRY(read_json_file(dir / "instructors.json"));
    auto categories_json = TRY(read_json_file(dir / "categories.json"));
    std::vector<fs::path> course_files;
    if (fs::is_directory(dir / "courses"))
        for (const auto& entry : fs::directory_iterator(dir / "courses"))
            if (entry.path().extension() == ".json")
                course_files.push_back(entry.path());
    std::sort(course_files.begin(), course_files.end());
    if (!instructors_json.is_array() || !categories_json.is_array() || course_files.empty())
        return make_error(ErrorCode::InvalidArgument, catalog_dir + " holds no catalog (instructors.json, categories.json, courses/)");

    pqxx::work txn(connection);
    auto tenant_id = find_tenant_id(txn, k_slug);
    if (!tenant_id)
        tenant_id = TRY(create_tenant(txn, { k_slug, "Lumen Courses", TenantKind::Marketplace, k_time_zone }, "cli"));
    exec_named(txn, "cli/demo_marketplace_settings", *tenant_id);
    std::string password_hash;
    auto user = [&](const std::string& login, const std::string& name, Role role) {
        return ensure_demo_user(txn, *tenant_id, login + k_domain, name, role, password_hash);
    };
    MarketplaceDemoReport report;
    const bool full = options.size == DemoSize::Full;
    const auto admin_id = TRY(user("admin", "Harriet Osei", Role::Admin));
    TRY(user("moderator", "Tom Lindgren", Role::Moderator));

    // Instructors: the first is the instructor login.
    std::map<std::string, std::int64_t> instructors;
    for (std::size_t i = 0; i < instructors_json.size(); ++i) {
        const auto& row = instructors_json[i];
        const auto key = string_of(row, "key");
        const auto login = i == 0 ? std::string("instructor") : string_of(row, "email_local");
        auto name = TRY(in_file("instructors.json",
            validate_text(string_of(row, "name"), "name", "Name", 1, 100, TextLines::Single)));
        auto id = TRY(user(login, name, Role::Teacher));
        const auto fee = row.value("fee_percent", 30);
        exec_named(txn, "cli/demo_marketplace_instructor", *tenant_id, id, string_of(row, "bio"),
            fee == 30 ? std::optional<int>() : std::optional<int>(fee * 100));
        instructors[key] = id;
        ++report.instructors;
    }

    // Categories: parents, then their children.
    std::map<std::string, std::int64_t> categories;
    int position = 0;
    for (const auto& parent : categories_json) {
        const auto slug = TRY(in_file("categories.json", check_slug(string_of(parent, "slug"))));
        auto parent_id = exec_named(txn, "cli/demo_catalog_category", *tenant_id, std::optional<std::int64_t>(), slug,
            string_of(parent, "name"), position++)[0]["id"].as<std::int64_t>();
        categories[slug] = parent_id;
        ++report.categories;
        if (parent.contains("children"))
            for (const auto& child : parent["children"]) {
                const auto child_slug = TRY(in_file("categories.json", check_slug(string_of(child, "slug"))));
                categories[slug + "/" + child_slug] = exec_named(txn, "cli/demo_catalog_category", *tenant_id,
                    std::optional<std::int64_t>(parent_id), child_slug, string_of(child, "name"), position++)[0]["id"]
                                                          .as<std::int64_t>();
                ++report.categories;
            }
    }

    SeededRandom rng(mix_seed(options.seed, hash_text("marketplace")));
    std::vector<CourseSeed> added;
    for (const auto& path : course_files) {
        const auto file = "courses/" + path.filename().string();
        auto course = TRY(read_json_file(path));
        const auto slug = TRY(in_file(file, check_slug(string_of(course, "slug"))));
        if (slug + ".json" != path.filename().string())
            return make_error(ErrorCode::InvalidArgument, file + ": its slug is not its file's name");
        if (!exec_named(txn, "cli/demo_catalog_course_id", *tenant_id, slug).empty())
            continue;   // made by an earlier run
        const auto title = TRY(in_file(file,
            validate_text(string_of(course, "title"), "title", "Title", 5, 120, TextLines::Single)));
        const auto subtitle = TRY(in_file(file,
            validate_text(string_of(course, "subtitle"), "subtitle", "Subtitle", 0, 160, TextLines::Single)));
        const auto description = TRY(in_file(file,
            validate_text(string_of(course, "description"), "description", "Description", 1, 4000, TextLines::Multiple)));
        const auto level = TRY(in_file(file, parse_course_level(string_of(course, "level"))));
        const auto language = TRY(in_file(file, check_language(string_of(course, "language"))));
        const auto price = TRY(in_file(file, read_price(course.value("price", Json::object()))));
        // The certificate's rule, when the course sets one (every lesson otherwise).
        CompletionRule rule;
        if (const auto& certificate = course.value("certificate", Json::object()); certificate.is_object()) {
            const auto& lessons = certificate.value("lessons_percent", Json(100));
            const auto& quiz = certificate.value("quiz_pass_percent", Json());
            rule.lessons_percent = lessons.is_number_integer() ? lessons.get<int>() : 0;
            if (!quiz.is_null())
                rule.quiz_pass_percent = quiz.is_number_integer() ? quiz.get<int>() : 0;
            rule = TRY(in_file(file, check_completion_rule(rule)));
        }
        auto instructor = instructors.find(string_of(course, "instructor"));
        auto category = categories.find(string_of(course, "category"));
        if (instructor == instructors.end() || category == categories.end())
            return make_error(ErrorCode::InvalidArgument, file + ": its instructor or category is not in the catalog");
        std::string tags;
        if (course.contains("tags") && course["tags"].is_array())
            for (const auto& tag : course["tags"])
                if (tag.is_string()) {
                    tags += tags.empty() ? "" : ",";
                    tags += tag.get<std::string>();
                }
        // A draft is one an instructor is still writing: in their studio only.
        const auto status = string_of(course, "status").empty() ? std::string("published") : string_of(course, "status");
        if (status != "published" && status != "draft")
            return make_error(ErrorCode::InvalidArgument, file + ": its status is \"published\" or \"draft\"");
        const bool draft = status == "draft";
        const auto published = options.now_unix - course.value("published_days_ago", 90) * k_day;
        const auto created = draft ? options.now_unix - course.value("created_days_ago", 7) * k_day
                                   : published - 12 * k_day;
        auto course_id = exec_named(txn, "cli/demo_catalog_course", *tenant_id, title, description, instructor->second,
            slug, subtitle, category->second, tags, std::string(course_level_name(level)), language,
            string_of(course, "prerequisites"), std::string(price_kind_name(price.kind)), price.amount.minor,
            price.kind == PriceKind::Free ? std::optional<std::string>() : std::optional<std::string>(price.amount.currency),
            price.period ? std::optional<std::string>(std::string(billing_period_name(*price.period)))
                         : std::optional<std::string>(),
            std::string(price_band_name(price_band_of(price))),
            draft ? std::optional<std::string>() : std::optional<std::string>(format_utc_timestamp(published)), status,
            format_utc_timestamp(created))[0]["id"]
                             .as<std::int64_t>();
        if (rule != CompletionRule {})
            exec_named(txn, "cli/demo_course_certificate_rule", course_id, rule.lessons_percent, rule.quiz_pass_percent);
        CourseSeed seed;
        int module_position = 0;
        for (const auto& module : course.value("modules", Json::array())) {
            auto module_id = exec_named(txn, "cli/demo_course_module", *tenant_id, course_id, module_position++,
                string_of(module, "title"))[0]["id"]
                                 .as<std::int64_t>();
            int lesson_position = 0;
            for (const auto& lesson : module.value("lessons", Json::array())) {
                const auto kind = string_of(lesson, "kind") == "video" ? "video" : "text";
                const auto url = string_of(lesson, "video_url");
                const int minutes = lesson.value("minutes", 10);
                const auto lesson_id = exec_named(txn, "cli/demo_course_lesson", *tenant_id, course_id, module_id,
                    lesson_position++, string_of(lesson, "title"), std::string(kind), minutes, string_of(lesson, "body"),
                    std::string(kind) == "video" ? std::optional<std::string>(url) : std::optional<std::string>())[0]["id"]
                                              .as<std::int64_t>();
                seed.lessons.emplace_back(lesson_id, minutes);
                ++report.lessons;
                // Its files (text ones, written in the catalog), checked as the studio checks them.
                for (const auto& attachment : lesson.value("attachments", Json::array())) {
                    const auto text = string_of(attachment, "text");
                    const auto checked = TRY(in_file(file, check_attachment(string_of(attachment, "name"), text)));
                    exec_named(txn, "cli/demo_lesson_attachment", *tenant_id, course_id, lesson_id, checked.file_name,
                        checked.media_type, static_cast<std::int64_t>(text.size()), pqxx::binarystring(text),
                        instructor->second);
                }
            }
        }
        if (draft)
            continue;   // nobody has found it yet
        // Free and cheaper courses draw more learners; quality varies by course.
        const double appeal = price.kind == PriceKind::Free ? 0.55 : 0.15 + 0.3 * (rng.below(1000) / 1000.0);
        const double quality = 3.6 + 1.3 * (rng.below(1000) / 1000.0);
        seed.id = course_id;
        seed.instructor_id = instructor->second;
        seed.published_at = published;
        seed.appeal = appeal;
        seed.quality = quality;
        seed.title = title;
        // Only one-time prices are sold (subscriptions are not on sale yet).
        if (price.kind == PriceKind::OneTime)
            seed.price = price.amount;
        added.push_back(std::move(seed));
        ++report.courses;
    }

    // Learners, then who enrolled where and when, and what they thought of it.
    std::vector<std::int64_t> learners;
    for (const auto& learner : k_learners) {
        learners.push_back(TRY(user(learner[1], learner[0], Role::Student)));
        ++report.learners;
        if (!full)
            break;   // the minimal demo: the learner login only
    }
    OrderSeeding orders { txn, *tenant_id,
        exec_named(txn, "marketplace/order_terms", std::int64_t { 0 }, *tenant_id)[0]["merchant"].as<std::string>(),
        admin_id, options.now_unix, rng, report };
    // Coupons: the office's welcome and summer ones and a press pass (ended),
    // and the instructor login's for their courses; orders below use them.
    std::vector<DemoCoupon> coupons;
    const auto make_coupon = [&](const char* code, int percent, std::int64_t amount_minor, std::int64_t made_days_ago,
                                 std::optional<std::int64_t> last_day_offset, int limit, std::int64_t maker,
                                 std::vector<std::int64_t> courses, std::optional<std::int64_t> ended_days_ago) -> Result<void> {
        CouponRequest request;
        request.coupon.code = code;
        request.coupon.kind = percent > 0 ? CouponKind::Percent : CouponKind::Fixed;
        request.coupon.percent = percent;
        request.coupon.amount_off = { amount_minor, "GBP" };
        request.coupon.usage_limit = limit;
        request.coupon.course_ids = std::move(courses);
        request.coupon = TRY(check_coupon(request.coupon));
        if (last_day_offset)
            request.expires_on = format_utc_timestamp(options.now_unix + *last_day_offset * k_day).substr(0, 10);
        const auto id = insert_coupon(txn, *tenant_id, request, k_time_zone, maker);
        if (!id)
            return {};   // made by an earlier run
        DemoCoupon coupon { *id, {}, options.now_unix - made_days_ago * k_day };
        exec_named(txn, "cli/demo_coupon_history", coupon.id, format_utc_timestamp(coupon.made_at),
            ended_days_ago ? std::optional<std::string>(format_utc_timestamp(options.now_unix - *ended_days_ago * k_day))
                           : std::nullopt,
            admin_id);
        // Its rule as the server reads it (the last day ends at midnight in the marketplace's zone).
        coupon.rule = coupon_of(exec_named(txn, "marketplace/coupon_by_code", request.coupon.code)[0]);
        coupons.push_back(std::move(coupon));
        ++report.coupons;
        return {};
    };
    const auto amara = instructors.count("amara") ? instructors["amara"] : std::int64_t { 0 };
    std::vector<std::int64_t> amara_courses;
    for (const auto& course : added)
        if (course.instructor_id == amara && course.price.minor > 0)
            amara_courses.push_back(course.id);
    TRY(make_coupon("WELCOME-10", 10, 0, 150, std::nullopt, 0, admin_id, {}, std::nullopt));
    TRY(make_coupon("SUMMER-5", 0, 500, 190, -100, 0, admin_id, {}, std::nullopt));
    if (!amara_courses.empty())
        TRY(make_coupon("AMARA-20", 20, 0, 40, 30, 40, amara, amara_courses, std::nullopt));
    TRY(make_coupon("PRESS-PASS", 100, 0, 200, std::nullopt, 5, admin_id, {}, 60));
    // Which coupon (if any) a learner's order used: a roll of its own, so the
    // rest of the demo is as it was before coupons.
    SeededRandom coupon_rng(mix_seed(options.seed, hash_text("marketplace coupons")));
    const auto coupon_for = [&](const CourseSeed& course, std::int64_t at) -> DemoCoupon* {
        const auto roll = coupon_rng.below(100);
        for (auto& coupon : coupons) {
            const bool rolled = (coupon.rule.code == "WELCOME-10" && roll < 14)
                || (coupon.rule.code == "AMARA-20" && roll >= 14 && roll < 40)
                || (coupon.rule.code == "SUMMER-5" && roll >= 40 && roll < 55);
            if (!rolled || at < coupon.made_at)
                continue;
            // (A sandbox order is never of nothing: a coupon that would take all of it is not used.)
            if (auto pays = apply_coupon(one_time_price(course.price), course.id, coupon.rule, at); pays.ok() && pays.value().minor > 0)
                return &coupon;
        }
        return nullptr;
    };
    if (full) {
        for (const auto& course : added) {
            for (std::size_t l = 0; l < learners.size(); ++l) {
                // The learner login takes three courses, the first ones added.
                const bool login_takes = l == 0 && (&course - added.data()) < 3;
                if (!login_takes && (l == 0 || rng.below(1000) >= static_cast<std::uint64_t>(course.appeal * 1000)))
                    continue;
                const auto since = std::max<std::int64_t>(options.now_unix - course.published_at - k_day, k_day);
                const auto enrolled = course.published_at + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(since)));
                // A paid course is bought first: one in twenty-five of those
                // orders was refunded in full later (no course), one in
                // twenty in part; a few learners gave up at the checkout.
                if (course.price.minor > 0) {
                    const auto roll = login_takes ? 100 : rng.below(100);
                    const auto ending = roll < 4 ? OrderStatus::Refunded : roll < 9 ? OrderStatus::PartlyRefunded
                        : roll < 12 ? OrderStatus::Cancelled : OrderStatus::Paid;
                    TRY(seed_order(orders, course, learners[l], ending, enrolled,
                        login_takes ? nullptr : coupon_for(course, enrolled)));
                    if (ending == OrderStatus::Refunded || ending == OrderStatus::Cancelled)
                        continue;
                }
                exec_named(txn, "cli/demo_marketplace_enrol", *tenant_id, course.id, learners[l], format_utc_timestamp(enrolled));
                ++report.enrolments;
                // How far each got, lessons in order: a third finished, the rest part of the
                // way or not started. The learner login: half-way, finished, not started.
                const auto total = course.lessons.size();
                std::size_t done = 0;
                if (login_takes) {
                    const auto nth = &course - added.data();
                    done = nth == 0 ? total / 2 : nth == 1 ? total : 0;
                } else {
                    done = rng.below(3) == 0 ? total : static_cast<std::size_t>(rng.below(total + 1));
                }
                // Some who did no lesson never opened one either (the learner login's third).
                const bool opened = done > 0 || (!login_takes && rng.below(2) == 0);
                auto at = enrolled;
                // Lessons spread over the days since enrolling (up to three days apart), so
                // those who enrolled lately finished lately, not all an hour ago.
                const auto gap = std::max<std::int64_t>(1, std::min<std::int64_t>(3 * k_day,
                    (options.now_unix - 3600 - enrolled) / static_cast<std::int64_t>(total + 1)));
                for (std::size_t i = 0; opened && i < total && i <= done; ++i) {
                    const auto& [lesson_id, minutes] = course.lessons[i];
                    const bool completed = i < done;
                    // The lesson after the last one done was opened and left part-way.
                    const int spent = completed ? minutes * 60 + static_cast<int>(rng.below(300)) : minutes * 20;
                    at = std::min<std::int64_t>(at + static_cast<std::int64_t>(600 + rng.below(static_cast<std::uint64_t>(gap))),
                        options.now_unix - 3600);
                    exec_named(txn, "cli/demo_lesson_progress", *tenant_id, lesson_id, learners[l], course.id, spent,
                        completed ? 0 : spent / 2, completed ? std::optional<std::string>(format_utc_timestamp(at))
                                                              : std::optional<std::string>(),
                        format_utc_timestamp(at));
                    ++report.progress_marks;
                }
                // Those who met the course's rule hold its certificate, issued as they did.
                CourseProgress progress;
                progress.completed = static_cast<int>(done);
                progress.total = static_cast<int>(total);
                if (const auto terms = certificate_terms(txn, course.id, learners[l]);
                    terms && terms->held.empty() && check_completion(terms->rule, progress, {}).earned
                    && TRY(issue_certificate(txn, *tenant_id, course.id, learners[l], *terms, at, "cli")))
                    ++report.certificates;
                // About two in five of those who took some of it review it, a few weeks in.
                if (l == 0 || done == 0 || rng.below(5) >= 2)
                    continue;
                const double roll = course.quality + (static_cast<double>(rng.below(2001)) - 1000.0) / 800.0;
                const int stars = std::clamp(static_cast<int>(roll + 0.5), 1, 5);
                const auto& words = k_review_words[stars - 1];
                std::size_t choices = 0;
                while (choices < 4 && *words[choices])
                    ++choices;
                const auto reviewed = std::min(enrolled + static_cast<std::int64_t>(7 + rng.below(40)) * k_day,
                    options.now_unix - k_day);
                const bool replied = stars <= 3 ? rng.below(2) == 0 : rng.below(4) == 0;
                exec_named(txn, "cli/demo_course_review", *tenant_id, course.id, learners[l], stars,
                    std::string(words[rng.below(choices)]), format_utc_timestamp(reviewed),
                    replied ? std::optional<std::string>(k_replies[rng.below(3)]) : std::optional<std::string>(),
                    replied ? std::optional<std::string>(format_utc_timestamp(reviewed + 2 * k_day)) : std::optional<std::string>());
                ++report.reviews;
            }
        }
    }
    // Payouts: each month's run on the 3rd of the next, by the office's
    // rules (shared-domain marketplace/payouts), sent two days later; the
    // latest run's are still due.
    if (full && report.orders > 0) {
        const auto settings = exec_named(txn, "cli/demo_payout_terms", *tenant_id);
        const auto threshold = settings[0]["payout_threshold_minor"].as<std::int64_t>();
        const auto hold = settings[0]["payout_hold_days"].as<std::int64_t>() * k_day;
        std::map<std::int64_t, std::vector<EarningLine>> lines;
        std::string first_month;
        for (const auto& row : exec_named(txn, "cli/demo_earning_lines", *tenant_id, std::string(k_time_zone))) {
            const auto currency = row["currency"].as<std::string>();
            lines[row["instructor_id"].as<std::int64_t>()].push_back({ row["id"].as<std::int64_t>(),
                row["month"].as<std::string>(), row["paid_at"].as<std::int64_t>(),
                { row["instructor_share_minor"].as<std::int64_t>(), currency },
                { row["refunded_instructor_minor"].as<std::int64_t>(), currency } });
            if (first_month.empty())
                first_month = row["month"].as<std::string>();
        }
        std::map<std::int64_t, std::vector<PayoutLine>> made;
        struct Planned {
            std::int64_t instructor;
            std::string month;
            Money amount;
            std::int64_t run_at;
        };
        std::vector<Planned> planned;
        auto month = from_unix_seconds(to_unix_seconds(TRY(parse_local_datetime(first_month + "-01T00:00:00", "month"))));
        std::int64_t last_run = 0;
        for (;;) {
            auto next = month;
            next.month = month.month == 12 ? 1 : month.month + 1;
            next.year = month.month == 12 ? month.year + 1 : month.year;
            const auto run_at = to_unix_seconds(next) + 2 * k_day + 9 * 3600;
            if (run_at > options.now_unix)
                break;
            const auto month_text = local_day_text(month).substr(0, 7);
            for (auto& [instructor, their_lines] : lines)
                for (const auto& amount : plan_payouts(their_lines, made[instructor], month_text, run_at, hold, threshold)) {
                    made[instructor].push_back({ month_text, amount, true });
                    planned.push_back({ instructor, month_text, amount, run_at });
                }
            last_run = run_at;
            month = next;
        }
        // The latest run's payouts wait to be sent; the earlier ones went two days after theirs.
        for (const auto& p : planned) {
            const bool sent = p.run_at < last_run;
            exec_named(txn, "cli/demo_payout", *tenant_id, p.instructor, p.month, p.amount.currency, p.amount.minor,
                admin_id, format_utc_timestamp(p.run_at),
                sent ? std::optional<std::string>(format_utc_timestamp(p.run_at + 2 * k_day)) : std::nullopt,
                sent ? std::optional<std::string>("LUMEN " + p.month + " #" + std::to_string(p.instructor)) : std::nullopt);
            ++report.payouts;
        }
    }
    // One certificate the office revoked: a learner who had the lessons marked by a script.
    if (report.certificates > 1)
        exec_named(txn, "cli/demo_revoke_certificate", *tenant_id, admin_id,
            std::string("Revoked: the lessons were marked done by a browser extension, not studied. The learner "
                        "may take the course again."));
    if (report.courses > 0)
        append_audit(txn, { *tenant_id, "cli", "demo.marketplace_catalog", "tenant", std::to_string(*tenant_id), nullptr,
                              { { "categories", report.categories }, { "courses", report.courses },
                                  { "lessons", report.lessons }, { "enrolments", report.enrolments },
                                  { "progress_marks", report.progress_marks },
                                  { "reviews", report.reviews }, { "orders", report.orders },
                                  { "refunds", report.refunds }, { "payouts", report.payouts },
                                  { "certificates", report.certificates }, { "coupons", report.coupons } } });
    txn.commit();
    return report;
}

} // namespace learnloop::server
