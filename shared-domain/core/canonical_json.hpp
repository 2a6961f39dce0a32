// JSON in one canonical form, the JSON Canonicalization Scheme (RFC 8785):
// what a signature over a JSON document is computed on, so any two programs
// that read the same document sign and check the same bytes.
//
// No whitespace; object members sorted by their names' UTF-16 code units;
// strings with only '"', '\' and control characters escaped (\b \t \n \f \r,
// else \u00xx in lower case), everything else as its UTF-8; true, false, null.
// Numbers are whole numbers up to 2^53 in size, written as ECMAScript writes
// them; a fraction (or a larger number) is refused rather than risk a form
// another implementation would not produce, as is a string that is not UTF-8.
//   canonical_json({"b": [1, "é"], "a": null}) -> {"a":null,"b":[1,"é"]}
#pragma once

#include "core/json_reader.hpp"
#include "core/result.hpp"

#include <string>

namespace learnloop {

// InvalidArgument naming the member's path ("credentialSubject.score") when
// a number or string cannot be written canonically.
[[nodiscard]] Result<std::string> canonical_json(const Json& value);

} // namespace learnloop
