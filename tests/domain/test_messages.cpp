// Messages: who may write to whom, what a message may hold, who a broadcast reaches.
#include "messaging/messages.hpp"

#include <catch2/catch.hpp>

using namespace learnloop;

TEST_CASE("the office writes to anyone; everyone else writes to the office only")
{
    for (auto to : k_all_roles) {
        CHECK(may_message(Role::Admin, to));
        CHECK(may_message(Role::Moderator, to));
    }
    for (auto from : { Role::Teacher, Role::Student, Role::Parent }) {
        CHECK(may_message(from, Role::Admin));
        CHECK(may_message(from, Role::Moderator));
        CHECK_FALSE(may_message(from, Role::Teacher));
        CHECK_FALSE(may_message(from, Role::Student));
        CHECK_FALSE(may_message(from, Role::Parent));
    }
}

TEST_CASE("a message holds 1 to 4,000 characters of any script, on several lines")
{
    CHECK(check_message_body("  Ana is ill today.\nCan we move Tuesday?  ").value() == "Ana is ill today.\nCan we move Tuesday?");
    CHECK(check_message_body("مرحبا، هل يمكننا تغيير الموعد؟").ok());
    CHECK(check_message_body("   ").error().field == "body");
    CHECK(check_message_body(std::string(4001, 'a')).error().field == "body");
    CHECK(check_message_body(std::string(4000, 'a')).ok());
}

TEST_CASE("a broadcast reaches one role or everyone")
{
    CHECK(parse_audience("parent").value().role == Role::Parent);
    CHECK_FALSE(parse_audience("everyone").value().role.has_value());
    CHECK(parse_audience("parents").error().field == "audience");
    CHECK(parse_audience("").error().field == "audience");
}
