#!/usr/bin/env bash
# Installs claimgraph's build and test dependencies from Debian 12 packages.
# Safe to re-run: does nothing when everything is already installed.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git ca-certificates
  libre2-dev librocksdb-dev libboost-graph-dev nlohmann-json3-dev
  catch2 libcli11-dev libbenchmark-dev libjemalloc-dev
  clang clang-format libclang-rt-14-dev python3 python3-jsonschema
  python3-networkx graphviz procps
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root (or install sudo)" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
