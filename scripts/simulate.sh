#!/usr/bin/env bash
# Routes requests through the gateway config Istio builds from the synthesized
# manifests and checks them against examples/*/routing.yaml.
#
#   scripts/simulate.sh            # checks dist/ (run `npm run synth` first)
#   scripts/simulate.sh DIR        # checks DIR/<example>/ instead of dist/
#   SIM_GO_TEST_FLAGS='-run TestFixtures -v' scripts/simulate.sh
#
# The Go build cache is reused between runs, so only the first run compiles
# Istio (many minutes on 2 cores); later runs take seconds. It lives in its own
# directory ($SIM_GOCACHE, default ~/.cache/cdk8s-istio-gateway/go-build) so a
# `go clean -cache` done for another Go build does not throw it away.
# -count=1 keeps the test results themselves from being cached.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sim_dir="${repo_root}/test/simulation"

if ! command -v go >/dev/null 2>&1; then
  echo "simulate.sh: the go command is required (see test/simulation/README.md)" >&2
  exit 1
fi

dist_dir="${repo_root}/dist"
if [[ $# -ge 1 ]]; then
  dist_dir="$(cd "$1" && pwd)"
fi

export SIM_REPO_ROOT="${repo_root}"
export SIM_DIST_DIR="${dist_dir}"
export GOCACHE="${SIM_GOCACHE:-${XDG_CACHE_HOME:-${HOME}/.cache}/cdk8s-istio-gateway/go-build}"
export GOFLAGS="${GOFLAGS:-} -mod=readonly"
mkdir -p "${GOCACHE}"

echo "simulate: manifests from ${SIM_DIST_DIR}; Go build cache ${GOCACHE}"
cd "${sim_dir}"
start=$(date +%s)
status=0
# shellcheck disable=SC2086 # SIM_GO_TEST_FLAGS is a list of flags
go test -count=1 ${SIM_GO_TEST_FLAGS:-} ./... || status=$?
echo "simulate: go test took $(( $(date +%s) - start ))s (exit ${status})"
exit "${status}"
