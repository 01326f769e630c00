#!/usr/bin/env bash
# Installs the two manifest validators used by scripts/validate.ts, pinned, into .tools/bin:
#
#   kubectl-validate  sigs.k8s.io/kubectl-validate            (schema + CEL validation, offline)
#   istioctl          istio.io/istio/istioctl/cmd/istioctl    (istioctl analyze, offline)
#
# Both are built from source by the go command through the Go module proxy the machine is set up
# for (GOPROXY, GOFLAGS and GOSUMDB are used as they are). The normal Go build and module caches
# are used, so a rebuild on the same machine mostly relinks; a run whose stamp file
# (.tools/bin/.<tool>.version) already holds the pin skips the build completely.
#
# Usage: scripts/install-tools.sh [--force]
#   --force   rebuild even when the stamps match
#
# Pins
# ----
# kubectl-validate v0.0.4: the newest version the module proxy lists
#   (`go list -m -versions sigs.k8s.io/kubectl-validate`), installed with `go install`.
#
# istioctl: wanted is Istio 1.30.3 (commit 56df41f63e51). istio/istio tags have no "v" prefix, so
#   they are no Go versions: `go list -m istio.io/istio@1.30.3` does not resolve, and the module
#   proxy refuses the pseudo-version v0.0.0-20260713165634-56df41f63e51 ("This module version is
#   not available"). The release-1.30 commit it does serve is 9739e10eb9d7 (2026-08-26, after
#   1.30.3; VERSION file "1.30"; go 1.25.9), pinned below. Its go.mod requires pre-release
#   pseudo-versions of istio.io/api, istio.io/client-go and envoy's go-control-plane that the
#   proxy refuses as well, so `go install istio.io/istio/istioctl/cmd/istioctl@<version>` cannot
#   build it. Instead a small build module in .tools/src/istioctl requires istio.io/istio at the
#   pin and replaces those four modules with the nearest later versions the proxy serves (the
#   ISTIOCTL_REPLACE_* pins), then `go build` builds istioctl from it. go.sum is written by
#   `go get` and checked against the checksum database as for any go install.
#   To move the pin: set ISTIO_MODULE_VERSION to a pseudo-version the proxy serves
#   (`go list -m -json istio.io/istio@<commit>`), and adjust or drop the replacements.
set -euo pipefail

KUBECTL_VALIDATE_MODULE="sigs.k8s.io/kubectl-validate"
KUBECTL_VALIDATE_VERSION="v0.0.4"

ISTIO_MODULE="istio.io/istio"
ISTIOCTL_PACKAGE="istio.io/istio/istioctl/cmd/istioctl"
ISTIO_MODULE_VERSION="v0.0.0-20260826214018-9739e10eb9d7"
# Replacements for the requirements of that commit that the module proxy does not serve.
ISTIOCTL_REPLACE_API="istio.io/api v1.30.8"                   # requires v1.30.4-0.20260824163423-69099aec2678
ISTIOCTL_REPLACE_CLIENT_GO="istio.io/client-go v1.30.8"       # requires v1.30.4-0.20260824164123-eb36a3f6cac0
ISTIOCTL_REPLACE_ENVOY="github.com/envoyproxy/go-control-plane/envoy v1.38.0"  # requires v1.37.1-0.20260409083702-98966259b99a
ISTIOCTL_REPLACE_CONTRIB="github.com/envoyproxy/go-control-plane/contrib v1.36.1-0.20260729145720-a2d8c7492908"  # requires v1.36.1-0.20260409083702-98966259b99a
# What `istioctl version` reports (set with -ldflags; there is no release build to read it from).
ISTIOCTL_REPORTED_VERSION="1.30-dev-9739e10eb9d7"
# istio's go.mod at the pinned commit says `go 1.25.9`.
GO_MIN="1.25.9"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="${REPO_ROOT}/.tools"
TOOLS_BIN="${TOOLS_DIR}/bin"

force=false
for arg in "$@"; do
  case "$arg" in
    --force) force=true ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-tools.sh: unknown argument: $arg" >&2; exit 2 ;;
  esac
done

if ! command -v go >/dev/null 2>&1; then
  echo "install-tools.sh: the Go toolchain (go >= ${GO_MIN}) is required and 'go' is not on PATH" >&2
  exit 1
fi
go_version="$(go env GOVERSION)"
go_version="${go_version#go}"
if [ "$(printf '%s\n%s\n' "${go_version}" "${GO_MIN}" | sort -V | head -n1)" != "${GO_MIN}" ]; then
  echo "install-tools.sh: istioctl needs go >= ${GO_MIN}, found go ${go_version}" \
       "(set GOTOOLCHAIN to a newer Go release the module proxy serves)" >&2
  exit 1
fi

mkdir -p "${TOOLS_BIN}"

# is_current NAME PIN: the binary exists and its stamp holds PIN.
is_current() {
  local bin="${TOOLS_BIN}/$1" stamp="${TOOLS_BIN}/.$1.version"
  [ "${force}" = false ] && [ -x "${bin}" ] && [ -f "${stamp}" ] && [ "$(cat "${stamp}")" = "$2" ]
}

# timed NAME PIN COMMAND...: runs the build, prints how long it took, writes the stamp.
timed() {
  local name="$1" pin="$2" start end
  shift 2
  echo "${name}: building ${pin} with go ${go_version} ..."
  rm -f "${TOOLS_BIN}/.${name}.version"
  start="$(date +%s)"
  "$@"
  end="$(date +%s)"
  printf '%s\n' "${pin}" > "${TOOLS_BIN}/.${name}.version"
  echo "${name}: built in $((end - start))s -> .tools/bin/${name}"
}

# --- kubectl-validate --------------------------------------------------------------------------
kv_pin="${KUBECTL_VALIDATE_VERSION}"
if is_current kubectl-validate "${kv_pin}"; then
  echo "kubectl-validate: ${kv_pin} already installed (stamp matches), build skipped"
else
  timed kubectl-validate "${kv_pin}" \
    env GOBIN="${TOOLS_BIN}" go install "${KUBECTL_VALIDATE_MODULE}@${KUBECTL_VALIDATE_VERSION}"
fi

# --- istioctl ----------------------------------------------------------------------------------
# The stamp starts with module@version (scripts/validate.ts compares that part) and lists the
# replacements, so changing any of them rebuilds.
istio_pin="${ISTIO_MODULE}@${ISTIO_MODULE_VERSION} replace: ${ISTIOCTL_REPLACE_API}, ${ISTIOCTL_REPLACE_CLIENT_GO}, ${ISTIOCTL_REPLACE_ENVOY}, ${ISTIOCTL_REPLACE_CONTRIB}"

build_istioctl() {
  local src="${TOOLS_DIR}/src/istioctl"
  rm -rf "${src}"
  mkdir -p "${src}"
  local r replaces=""
  for r in "${ISTIOCTL_REPLACE_API}" "${ISTIOCTL_REPLACE_CLIENT_GO}" "${ISTIOCTL_REPLACE_ENVOY}" "${ISTIOCTL_REPLACE_CONTRIB}"; do
    # "path version" -> "path => path version"
    replaces+="	${r%% *} => ${r}"$'\n'
  done
  cat > "${src}/go.mod" <<EOF
// Generated by scripts/install-tools.sh: builds istioctl at the pinned istio.io/istio version.
module istioctl-build

go ${GO_MIN}

require ${ISTIO_MODULE} ${ISTIO_MODULE_VERSION}

replace (
${replaces})
EOF
  # Resolve the packages istioctl imports (tests excluded) and write go.sum.
  (cd "${src}" && go get "${ISTIOCTL_PACKAGE}@${ISTIO_MODULE_VERSION}")
  (cd "${src}" && go build -trimpath -o "${TOOLS_BIN}/istioctl" \
    -ldflags "-X istio.io/istio/pkg/version.buildVersion=${ISTIOCTL_REPORTED_VERSION} -X istio.io/istio/pkg/version.buildGitRevision=${ISTIO_MODULE_VERSION##*-} -X istio.io/istio/pkg/version.buildStatus=Clean" \
    "${ISTIOCTL_PACKAGE}")
}

if is_current istioctl "${istio_pin}"; then
  echo "istioctl: ${ISTIO_MODULE}@${ISTIO_MODULE_VERSION} already installed (stamp matches), build skipped"
else
  timed istioctl "${istio_pin}" build_istioctl
fi

echo "tools ready in .tools/bin:"
echo "  kubectl-validate ${KUBECTL_VALIDATE_VERSION}"
echo "  istioctl ${ISTIO_MODULE}@${ISTIO_MODULE_VERSION} (reports ${ISTIOCTL_REPORTED_VERSION})"
