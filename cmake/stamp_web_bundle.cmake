# Stamps the web bundle with a build id (the first 12 hex digits of the
# SHA-256 of app.js and app.wasm): loader.js asks for app.js?v=ID and
# app.wasm?v=ID, and the service worker keeps exactly that pair for offline
# use, so an offline copy never mixes two releases.
# Run as: cmake -DWEB_OUT=<folder> -P stamp_web_bundle.cmake
file(SHA256 "${WEB_OUT}/app.js" js_hash)
file(SHA256 "${WEB_OUT}/app.wasm" wasm_hash)
string(SHA256 build_id "${js_hash}${wasm_hash}")
string(SUBSTRING "${build_id}" 0 12 build_id)
foreach(name loader.js sw.js)
    file(READ "${WEB_OUT}/${name}" text)
    string(REPLACE "@LEARNLOOP_BUILD@" "${build_id}" text "${text}")
    file(WRITE "${WEB_OUT}/${name}" "${text}")
endforeach()
file(WRITE "${WEB_OUT}/build-id.txt" "${build_id}\n")
