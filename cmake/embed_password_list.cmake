# Writes OUT (a C++ file) holding the bytes of IN, a list of common and
# breached passwords (one per line; Openwall's "#!comment:" lines are skipped
# by the reader, identity/password_policy.cpp). The list is third-party data
# installed by scripts/setup (Debian's john-data), so it is embedded at build
# time and never committed. Run with -DIN=... -DOUT=... -P.
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
# Sixteen bytes a line: "0x31,0x32,...".
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
# (CMake's regular expressions have no {n}: the sixteen are spelled out.)
string(REPEAT "0x[0-9a-f][0-9a-f]," 16 sixteen)
string(REGEX REPLACE "(${sixteen})" "\\1\n    " bytes "${bytes}")
set(body "// Generated from ${IN} by cmake/embed_password_list.cmake; do not edit.\n#include <cstddef>\n\nnamespace learnloop {\n\nextern const unsigned char k_common_password_list[] = {\n    ${bytes}0x0a\n};\nextern const std::size_t k_common_password_list_size = ${size};\n\n} // namespace learnloop\n")
# Rewrite only when the text changed, so an unchanged list rebuilds nothing.
set(old "")
if(EXISTS "${OUT}")
    file(READ "${OUT}" old)
endif()
if(NOT old STREQUAL body)
    file(WRITE "${OUT}" "${body}")
endif()
