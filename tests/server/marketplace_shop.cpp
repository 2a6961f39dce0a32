// A small course marketplace for the API tests (marketplace_shop.hpp).
#include "marketplace_shop.hpp"

#include <string>

namespace learnloop::test {

namespace {

std::string str(std::int64_t n) { return std::to_string(n); }

} // namespace

Shop make_shop(ApiFixture& f)
{
    auto& D = f.demo;
    const auto t = str(D.id);
    f.sql("UPDATE tenants SET kind = 'marketplace', name = 'Lumen & Co <Courses>' WHERE id = " + t);
    f.sql("INSERT INTO marketplace_settings (tenant_id, platform_fee_bp, processing_bp, processing_fixed_minor) VALUES ("
        + t + ", 3000, 140, 20)");
    auto course = [&](const std::string& slug, const std::string& kind, std::int64_t minor, const std::string& period) {
        return f.sql_int("INSERT INTO courses (tenant_id, title, description, instructor_id, status, slug, level, language,"
                         " price_kind, price_minor, currency, billing_period, price_band, published_at) VALUES (" + t
            + ", 'Course " + slug + "', 'About " + slug + "', " + str(D.teacher.id) + ", 'published', '" + slug
            + "', 'beginner', 'en', '" + kind + "', " + str(minor) + ", " + (kind == "free" ? "NULL" : "'GBP'") + ", "
            + (period.empty() ? "NULL" : "'" + period + "'") + ", '" + (kind == "free" ? "free" : "20_50")
            + "', now()) RETURNING id");
    };
    Shop shop;
    shop.paid = course("paid-course", "one_time", 4900, "");
    shop.free = course("free-course", "free", 0, "");
    shop.monthly = course("monthly-course", "subscription", 2500, "monthly");
    const auto module = f.sql_int("INSERT INTO course_modules (tenant_id, course_id, position, title) VALUES (" + t + ", "
        + str(shop.paid) + ", 0, 'Start') RETURNING id");
    shop.lesson = f.sql_int("INSERT INTO course_lessons (tenant_id, course_id, module_id, position, title, kind, minutes,"
                            " body) VALUES (" + t + ", " + str(shop.paid) + ", " + str(module)
        + ", 0, 'First', 'text', 5, 'Bought text') RETURNING id");
    return shop;
}

} // namespace learnloop::test
