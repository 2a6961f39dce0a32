// Catch2 entry point for the client's pure logic (the same sources run natively and in WASM).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
