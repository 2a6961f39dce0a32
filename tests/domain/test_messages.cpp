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

TEST_CASE("a conversation is keyed by the other person's id, or is the notices or the announcements")
{
    auto person = parse_thread("42");
    REQUIRE(person.ok());
    CHECK(person.value().kind == Thread::Kind::Person);
    CHECK(person.value().person_id == 42);
    CHECK(parse_thread("notices").value().kind == Thread::Kind::Notices);
    CHECK(parse_thread("announcements").value().kind == Thread::Kind::Announcements);
    for (const char* bad : { "", "0", "042", "-1", "4x", "Notices", "1234567890123456789", " 42" })
        CHECK(parse_thread(bad).error().field == "with");
    CHECK(parse_thread("999999999999999999").value().person_id == 999999999999999999);
    for (const char* key : { "7", "notices", "announcements" })
        CHECK(thread_key(parse_thread(key).value()) == key);
}

TEST_CASE("a message's preview is its first words on one line, cut between characters")
{
    CHECK(message_preview("See you\n\nat 5, Sam", 10) == "See you at\xE2\x80\xA6");
    CHECK(message_preview("  Short.  ", 10) == "Short.");
    CHECK(message_preview("Exactly 10", 10) == "Exactly 10");
    CHECK(message_preview("", 10).empty());
    // Two-, three- and four-byte characters count as one each.
    CHECK(message_preview("Zoë Łukasz", 3) == "Zoë\xE2\x80\xA6");
    CHECK(message_preview("مرحبا بكم", 5) == "مرحبا\xE2\x80\xA6");
    CHECK(message_preview("你好世界", 2) == "你好\xE2\x80\xA6");
    CHECK(message_preview("\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 1) == "\xF0\x9F\x98\x80\xE2\x80\xA6");
}
