# pushwoosh_proto_library(<target>
#     IMPORT_DIRS <dir>...        # -I paths, the first holding PROTOS
#     PROTOS <file.proto>...      # paths relative to an IMPORT_DIR
#     [GRPC <file.proto>...]      # subset that defines services
#     [DEPENDS <target>...])      # proto libraries this one imports
#
# Generates messages, gRPC stubs and gMock stubs with one protoc call per file:
# protobuf_generate() cannot pass generate_mock_code=true to the gRPC plugin.
set(PUSHWOOSH_PROTO_GEN_DIR "${CMAKE_BINARY_DIR}/gen")

function(pushwoosh_proto_library target)
  cmake_parse_arguments(ARG "" "" "IMPORT_DIRS;PROTOS;GRPC;DEPENDS" ${ARGN})
  set(include_flags)
  foreach(dir IN LISTS ARG_IMPORT_DIRS PUSHWOOSH_PROTO_IMPORT_DIRS)
    list(APPEND include_flags "-I${dir}")
  endforeach()

  set(sources)
  foreach(proto IN LISTS ARG_PROTOS)
    set(proto_path)
    foreach(dir IN LISTS ARG_IMPORT_DIRS)
      if(EXISTS "${dir}/${proto}")
        set(proto_path "${dir}/${proto}")
        break()
      endif()
    endforeach()
    if(NOT proto_path)
      message(FATAL_ERROR "${proto} not found in ${ARG_IMPORT_DIRS}")
    endif()

    string(REGEX REPLACE "\\.proto$" "" stem "${proto}")
    set(outputs "${PUSHWOOSH_PROTO_GEN_DIR}/${stem}.pb.cc"
                "${PUSHWOOSH_PROTO_GEN_DIR}/${stem}.pb.h")
    set(grpc_flags)
    if(proto IN_LIST ARG_GRPC)
      list(APPEND outputs "${PUSHWOOSH_PROTO_GEN_DIR}/${stem}.grpc.pb.cc"
                          "${PUSHWOOSH_PROTO_GEN_DIR}/${stem}.grpc.pb.h"
                          "${PUSHWOOSH_PROTO_GEN_DIR}/${stem}_mock.grpc.pb.h")
      set(grpc_flags
          "--plugin=protoc-gen-grpc=$<TARGET_FILE:gRPC::grpc_cpp_plugin>"
          "--grpc_out=generate_mock_code=true:${PUSHWOOSH_PROTO_GEN_DIR}")
    endif()

    add_custom_command(
      OUTPUT ${outputs}
      COMMAND ${CMAKE_COMMAND} -E make_directory "${PUSHWOOSH_PROTO_GEN_DIR}"
      COMMAND protobuf::protoc ${include_flags}
              "--cpp_out=${PUSHWOOSH_PROTO_GEN_DIR}" ${grpc_flags}
              "${proto_path}"
      DEPENDS "${proto_path}" protobuf::protoc gRPC::grpc_cpp_plugin
      COMMENT "Generating C++ from ${proto}"
      VERBATIM)
    list(FILTER outputs INCLUDE REGEX "\\.cc$")
    list(APPEND sources ${outputs})
  endforeach()

  add_library(${target} ${sources})
  # Generated code is not ours to keep warning-free.
  target_compile_options(${target} PRIVATE -w)
  target_include_directories(${target} SYSTEM PUBLIC
    "$<BUILD_INTERFACE:${PUSHWOOSH_PROTO_GEN_DIR}>"
    "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")
  target_link_libraries(${target} PUBLIC protobuf::libprotobuf gRPC::grpc++
                        ${ARG_DEPENDS})
endfunction()
