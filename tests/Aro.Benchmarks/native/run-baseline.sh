#!/usr/bin/env bash
# Compiles and runs the C ecrecover baseline; prints one line with ns/op.
# Needs gcc and the libsecp256k1 headers (Debian: apt-get install -y libsecp256k1-dev).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
iterations="${1:-20000}"

if [[ ! -f /usr/include/secp256k1_recovery.h ]]; then
  echo "secp256k1_recovery.h not found: install Debian package libsecp256k1-dev (apt-get install -y libsecp256k1-dev)" >&2
  exit 1
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
gcc -O2 -o "$out/ecrecover_bench" "$here/ecrecover_bench.c" -lsecp256k1
"$out/ecrecover_bench" "$iterations"
