# Writes OUT (a C++ file) holding the bytes of IN, a list of common and
# breached passwords (one per line; Openwall's "#!comment:" lines are skipped
# by the reader, identity/password_policy.cpp). The list is third-party data
# installed by scripts/setup (Debian's john-data), so it is embedded at build
# time and never committed. Run with -DIN=... -DOUT=... -P.
include("${CMAKE_CURRENT_LIST_DIR}/embed_common.cmake")
embed_read_bytes("${IN}" bytes size)
set(body "// Generated from ${IN} by cmake/embed_password_list.cmake; do not edit.\n#include <cstddef>\n\nnamespace learnloop {\n\nextern const unsigned char k_common_password_list[] = {\n    ${bytes}0x0a\n};\nextern const std::size_t k_common_password_list_size = ${size};\n\n} // namespace learnloop\n")
embed_write_if_changed("${OUT}" "${body}")
