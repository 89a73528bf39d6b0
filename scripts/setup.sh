#!/usr/bin/env bash
# Installs the build and test dependencies from Debian 12's packages.
# Idempotent and non-interactive: safe to run on every build, and it is what
# both the README and CI use.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc
  libabsl-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  # .proto sources of google/api and google/rpc (Debian ships no C++ build).
  golang-github-gogo-googleapis-dev
  clang-format clang-tidy
  # Throwaway certificates for the TLS tests (scripts/make-test-certs.sh).
  openssl
  # A real L7 proxy (grpc_pass) for tests/tools/nginx_proxy_test.cc.
  nginx
  # The reference docs target (docs/CMakeLists.txt), built in CI.
  doxygen
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "${package}" 2>/dev/null |
      grep -q "install ok installed"; then
    missing+=("${package}")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

sudo_cmd=()
if ((EUID != 0)); then
  sudo_cmd=(sudo)
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
