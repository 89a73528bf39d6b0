#!/usr/bin/env bash
# Installs a build tree into a throwaway prefix, then builds and runs
# examples/consumer against the installed package (find_package), and
# compiles a client-only program through the pkg-config file: the way a
# project of your own would use it.
#   scripts/check-install.sh [BUILD_DIR]      (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${1:-build}"

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
prefix="${work}/prefix"

cmake --install "${build_dir}" --prefix "${prefix}" > "${work}/install.log"
echo "check-install: installed $(wc -l < "${work}/install.log") files into ${prefix}"

cmake -S examples/consumer -B "${work}/consumer" -G Ninja \
  -DCMAKE_PREFIX_PATH="${prefix}" > /dev/null
cmake --build "${work}/consumer" > /dev/null
"${work}/consumer/consumer"
"${prefix}/bin/pwmsg" --version

cat > "${work}/pkg_config_client.cc" <<'CC'
#include <iostream>

#include "pushwoosh/messaging/client.h"
#include "pushwoosh/messaging/version.h"

int main() {
  namespace pm = ::pushwoosh::messaging;
  pm::ClientOptions options;  // No target: Create must refuse it.
  auto client = pm::MessagingClient::Create(options);
  std::cout << "pkg-config build of " << pm::kVersion << ": "
            << pm::ErrorKindName(pm::ErrorKindOf(client.status())) << "\n";
  return client.ok() ? 1 : 0;
}
CC
pc_dir="$(dirname "$(find "${prefix}" -name pushwoosh-messaging.pc)")"
export PKG_CONFIG_PATH="${pc_dir}${PKG_CONFIG_PATH:+:${PKG_CONFIG_PATH}}"
# --static: a static build needs the private dependencies too.
# shellcheck disable=SC2046  # pkg-config's flags are meant to split.
c++ "${work}/pkg_config_client.cc" -o "${work}/pkg_config_client" \
  $(pkg-config --cflags --libs --static pushwoosh-messaging) \
  -Wl,-rpath,"$(dirname "${pc_dir}")"
"${work}/pkg_config_client"
echo "check-install: ok"
