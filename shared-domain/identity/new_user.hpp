// A new user's fields (email, display name, password, role, optional profile)
// checked as one: the sign-up form, the admin's add-user form, the sign-up and
// add-user endpoints and the user store all compose the same rules here.
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"
#include "identity/roles.hpp"

#include <optional>
#include <string>
#include <vector>

namespace learnloop {

// The fields as typed into a form or sent in a request body.
struct NewUserInput {
    std::string email;
    std::string name;
    std::string password;
    std::string role;               // a role name: "student", "teacher", ...
    std::optional<Json> profile;    // {"class": ..., "school": ..., "branch": ...}, when given
};

// A new user's fields from a request body: email, name, password and role as
// strings, and the profile when there is one (checking the body has no other
// fields is the endpoint's, since each allows its own).
[[nodiscard]] Result<NewUserInput> read_new_user_input(const Json& body);

// Who creates the account decides which roles may be asked for.
enum class NewUserRoles {
    SignUp,   // people signing themselves up: teacher or student only
    Any,      // staff adding someone: any role (who may add which is may_create_role's permission)
};

// A new user whose fields passed every rule: the email normalised, the name
// and profile texts trimmed.
struct ValidNewUser {
    std::string email;
    std::string name;
    std::string password;
    Role role = Role::Student;
    Json profile = Json::object();

    bool operator==(const ValidNewUser&) const = default;
};

// Checks role, profile, email, name and password, in that order, and returns
// the first problem (an InvalidArgument error on that field), so an endpoint
// answers as it always has.
//   validate_new_user({ " Ana@School.org ", "Ana", "correct horse battery", "student" }, NewUserRoles::SignUp)
//       -> { "ana@school.org", "Ana", ..., Role::Student, {} }
[[nodiscard]] Result<ValidNewUser> validate_new_user(const NewUserInput& input, NewUserRoles roles);

// The same rules, returning every problem (at most one per field, in the
// order above), so a form can show them all at once; empty when valid.
[[nodiscard]] std::vector<Error> new_user_errors(const NewUserInput& input, NewUserRoles roles);

// The profile fields a school keeps about a person: class, school, branch,
// each optional text of up to 100 characters. Applies `changes` (a JSON
// object; null removes a field) to `profile`. Errors name "profile.<field>".
//   apply_profile_changes({{"class", " 7B "}}, {}) -> {"class": "7B"}
[[nodiscard]] Result<Json> apply_profile_changes(const Json& changes, Json profile);

} // namespace learnloop
