# What the embed_*.cmake scripts share (included by each, in -P script mode).

# Reads the file at PATH into OUT_BYTES as a C initialiser ("0x31,0x32,...",
# sixteen to a line) and its length in bytes into OUT_SIZE.
function(embed_read_bytes path out_bytes out_size)
    file(READ "${path}" hex HEX)
    string(LENGTH "${hex}" hex_length)
    math(EXPR size "${hex_length} / 2")
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
    # (CMake's regular expressions have no {n}: the sixteen are spelled out.)
    string(REPEAT "0x[0-9a-f][0-9a-f]," 16 sixteen)
    string(REGEX REPLACE "(${sixteen})" "\\1\n    " bytes "${bytes}")
    set(${out_bytes} "${bytes}" PARENT_SCOPE)
    set(${out_size} "${size}" PARENT_SCOPE)
endfunction()

# Writes BODY to the file OUT only when the text changed, so an unchanged
# input rebuilds nothing.
function(embed_write_if_changed out body)
    set(old "")
    if(EXISTS "${out}")
        file(READ "${out}" old)
    endif()
    if(NOT old STREQUAL body)
        file(WRITE "${out}" "${body}")
    endif()
endfunction()
