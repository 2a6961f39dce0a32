# Writes OUT (a C++ file) holding the TZif bytes of each zone in ZONES (comma
# separated, e.g. Europe/London) read from ZONEINFO_DIR, so the domain tests
# can parse real zone files in WASM too, where /usr/share/zoneinfo is out of
# reach. The tz data itself is Debian's (tzdata) and is never committed.
# Run with -DZONEINFO_DIR=... -DZONES=... -DOUT=... -P.
include("${CMAKE_CURRENT_LIST_DIR}/embed_common.cmake")
string(REPLACE "," ";" zones "${ZONES}")
set(body "// Generated from ${ZONEINFO_DIR} by cmake/embed_tzif.cmake; do not edit.\n#include \"embedded_zones.hpp\"\n\nnamespace {\n\n")
set(table "")
set(index 0)
foreach(zone IN LISTS zones)
    if(NOT EXISTS "${ZONEINFO_DIR}/${zone}")
        message(FATAL_ERROR "${ZONEINFO_DIR}/${zone} is missing: install Debian's tzdata")
    endif()
    embed_read_bytes("${ZONEINFO_DIR}/${zone}" bytes size)
    string(APPEND body "const unsigned char k_zone_${index}[] = { ${bytes} };\n")
    string(APPEND table "    { \"${zone}\", k_zone_${index}, ${size} },\n")
    math(EXPR index "${index} + 1")
endforeach()
string(APPEND body "\nstruct EmbeddedZone {\n    const char* name;\n    const unsigned char* bytes;\n    std::size_t size;\n};\n\n")
string(APPEND body "const EmbeddedZone k_zones[] = {\n${table}};\n\n} // namespace\n\n")
string(APPEND body "std::string_view embedded_tzif(std::string_view name)\n{\n    for (const auto& zone : k_zones)\n        if (name == zone.name)\n            return { reinterpret_cast<const char*>(zone.bytes), zone.size };\n    return {};\n}\n")
embed_write_if_changed("${OUT}" "${body}")
