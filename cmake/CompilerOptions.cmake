# Warnings for our own targets, and the sanitizer build types.
# On by default where the environment says CI, so that CI runs the README's
# command unchanged and still fails on any warning.
set(_pushwoosh_werror_default OFF)
if("$ENV{CI}")
  set(_pushwoosh_werror_default ON)
endif()
option(PUSHWOOSH_WERROR "Treat compiler warnings as errors"
       ${_pushwoosh_werror_default})
set(PUSHWOOSH_SANITIZE "" CACHE STRING
    "Sanitizers to build with: empty, 'address,undefined' or 'thread'")

add_library(pushwoosh_warnings INTERFACE)
target_compile_options(pushwoosh_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Woverloaded-virtual -Wimplicit-fallthrough
  $<$<BOOL:${PUSHWOOSH_WERROR}>:-Werror>)

if(PUSHWOOSH_SANITIZE)
  add_compile_options(-fsanitize=${PUSHWOOSH_SANITIZE} -fno-omit-frame-pointer
                      -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${PUSHWOOSH_SANITIZE})
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND
     PUSHWOOSH_SANITIZE MATCHES "undefined")
    add_compile_options(
      -fsanitize-ignorelist=${PROJECT_SOURCE_DIR}/cmake/ubsan-ignorelist.txt)
  endif()
endif()

# libFuzzer needs clang; the whole build is then coverage-instrumented so
# that the fuzzers are guided through our libraries, not only the targets.
option(PUSHWOOSH_FUZZ "Build fuzz/ with libFuzzer (clang only)" OFF)
if(PUSHWOOSH_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "PUSHWOOSH_FUZZ needs clang: configure with "
                        "CC=clang CXX=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
