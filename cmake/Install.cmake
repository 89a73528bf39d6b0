# cmake --install: the libraries with their headers (ours, the generated
# proto and gRPC headers, version.h), the .proto files, the two programs, a
# CMake package (find_package(PushwooshMessaging CONFIG)) and a pkg-config
# file.
include(CMakePackageConfigHelpers)

set(PUSHWOOSH_CMAKE_INSTALL_DIR
    "${CMAKE_INSTALL_LIBDIR}/cmake/PushwooshMessaging")

# Shared builds: installed libraries find each other, and the programs find
# them, wherever the prefix is.
set_target_properties(pushwoosh_messaging pushwoosh_messaging_testing
                      pushwoosh_protos pushwoosh_googleapis_protos
                      PROPERTIES INSTALL_RPATH "$ORIGIN")
file(RELATIVE_PATH _pushwoosh_bin_to_lib "/${CMAKE_INSTALL_BINDIR}"
     "/${CMAKE_INSTALL_LIBDIR}")
set_target_properties(pwmsg pwmsg-fake-server PROPERTIES
                      INSTALL_RPATH "$ORIGIN/${_pushwoosh_bin_to_lib}")

install(TARGETS pushwoosh_messaging pushwoosh_messaging_testing
                pushwoosh_protos pushwoosh_googleapis_protos
        EXPORT PushwooshMessagingTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(TARGETS pwmsg pwmsg-fake-server
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")

# Public headers only: internal/ is the library's own.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/src/pushwoosh/"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/pushwoosh"
        FILES_MATCHING PATTERN "*.h"
        PATTERN "internal" EXCLUDE)
install(DIRECTORY "${PUSHWOOSH_PROTO_GEN_DIR}/"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        FILES_MATCHING PATTERN "*.h")
install(FILES "${CMAKE_BINARY_DIR}/gen-config/pushwoosh/messaging/version.h"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/pushwoosh/messaging")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/proto/pushwoosh"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/pushwoosh-messaging/proto"
        FILES_MATCHING PATTERN "*.proto")

install(EXPORT PushwooshMessagingTargets
        NAMESPACE PushwooshMessaging::
        DESTINATION "${PUSHWOOSH_CMAKE_INSTALL_DIR}")
configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/PushwooshMessagingConfig.cmake.in"
  "${CMAKE_BINARY_DIR}/PushwooshMessagingConfig.cmake"
  INSTALL_DESTINATION "${PUSHWOOSH_CMAKE_INSTALL_DIR}")
# 0.x: a minor version may change the API.
write_basic_package_version_file(
  "${CMAKE_BINARY_DIR}/PushwooshMessagingConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_BINARY_DIR}/PushwooshMessagingConfig.cmake"
              "${CMAKE_BINARY_DIR}/PushwooshMessagingConfigVersion.cmake"
        DESTINATION "${PUSHWOOSH_CMAKE_INSTALL_DIR}")

# Relative to the .pc file, so that the package works from any prefix,
# including one given only to cmake --install.
file(RELATIVE_PATH PUSHWOOSH_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig"
     "/")
configure_file("${PROJECT_SOURCE_DIR}/cmake/pushwoosh-messaging.pc.in"
               "${CMAKE_BINARY_DIR}/pushwoosh-messaging.pc" @ONLY)
install(FILES "${CMAKE_BINARY_DIR}/pushwoosh-messaging.pc"
        DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
