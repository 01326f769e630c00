#!/usr/bin/env bash
# Tests the jsii packages for Python, Java and Go the way a user of each language gets them.
#
# For each language: build its package into dist-packages/ with jsii-pacmak (or reuse the one
# there when it was built from the current .jsii), install it into a throwaway environment with its
# runtime dependencies from that language's registry (PyPI, Maven Central, the Go module proxy), run
# examples/<language>/ there, and check that every file it writes is byte-identical to what the
# TypeScript example of the same name writes (scripts/synth-examples.ts).
#
# The examples compared are the ones examples/<language>/ writes (each program synthesizes all of its
# examples into --out DIR/<name>/); REQUIRED_EXAMPLES below must be among them in every language.
#
# A dependency that the language's registry does not serve at the version the TypeScript side uses
# (package.json's peer dependencies, as installed in node_modules/) is built from node_modules/ with
# jsii-pacmak instead, cached, and named in the output. Those builds carry the official coordinates,
# so Maven uses a local repository of its own under the cache rather than ~/.m2.
#
# Needs node and npx, plus per language: python3 (venv), java + javac + mvn, go.
#
# Usage: scripts/test-bindings.sh
#
# Settings (environment variables):
#   BINDINGS_SKIP=java,go  languages not to test; each skip is printed. Without it, a missing
#                          toolchain (python3 + venv, java + javac + mvn, go) fails that language.
#   BINDINGS_CACHE=DIR     caches kept between runs (default ~/.cache/cdk8s-istio-gateway/bindings,
#                          shared by the clones on a machine): the Maven local repository, dependencies
#                          built from node_modules/, registry look-ups, stamps.
#                          pip and Go use their usual caches (~/.cache/pip, go env GOMODCACHE GOCACHE).
#   BINDINGS_FORCE=1       rebuild the packages even when dist-packages/ has fresh ones.
#   BINDINGS_KEEP=1        keep the work folder (environments, logs, synthesized YAML) and print it.
#
# The last line is the summary: `bindings: N passed, N failed` (`, N skipped` when skipping).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

LANGUAGES=(python java go)
# Every language must build these; examples/<language>/ may build more, each compared the same way.
REQUIRED_EXAMPLES=(httpbin-istio-api httpbin-gateway-api secure-ingress-simple-istio-api egress-http-istio-api egress-http-gateway-api primary-remote-cluster1-istio-api east-west-ambient)

CACHE="${BINDINGS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cdk8s-istio-gateway/bindings}"
mkdir -p "$CACHE"
CACHE="$(cd "$CACHE" && pwd)"
M2="$CACHE/m2/repository"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/cdk8s-istio-gateway-bindings.XXXXXX")"
OUT="$WORK/out"
LOGS="$WORK/logs"
mkdir -p "$OUT" "$LOGS" "$M2" "$CACHE/stamps" "$CACHE/registry"

# jsii prints a banner on every start while Node 20 is past its end of life.
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=1
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
export PYTHONDONTWRITEBYTECODE=1

cleanup() {
  if [[ "${BINDINGS_KEEP:-}" == 1 ]]; then
    echo "work folder kept: $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

START=$SECONDS
now() { echo $((SECONDS - START)); }
say() { echo "[$(printf '%4ss' "$(now)")] $*"; }

# run LOG DESCRIPTION COMMAND...: runs COMMAND with its output in $LOGS/LOG; on failure prints the
# end of that output (without Node's end-of-life banner) and returns the command's status.
run() {
  local log="$LOGS/$1" what="$2" t0=$SECONDS status=0
  shift 2
  "$@" >"$log" 2>&1 || status=$?
  if [[ $status -ne 0 ]]; then
    say "FAILED: $what (exit $status, $((SECONDS - t0))s); the end of its output:"
    grep -v '^!!' "$log" | tail -n 40 | sed 's/^/    /'
    return "$status"
  fi
  say "$what ($((SECONDS - t0))s)"
}

# --- what the run covers --------------------------------------------------------------------------

declare -A RESULT=() REASON=()
TESTED=()
has_word() { [[ ",$1," == *",$2,"* ]]; }
SKIP="$(echo "${BINDINGS_SKIP:-}" | tr -d ' ')"
for word in ${SKIP//,/ }; do
  if ! has_word "$(IFS=,; echo "${LANGUAGES[*]}")" "$word"; then
    echo "BINDINGS_SKIP names \"$word\", which is not one of: ${LANGUAGES[*]}" >&2
    exit 2
  fi
done

toolchain_missing() { # prints what is missing for language $1
  local missing=()
  case "$1" in
    python)
      command -v python3 >/dev/null || missing+=(python3)
      command -v python3 >/dev/null && ! python3 -c 'import venv, ensurepip' 2>/dev/null && missing+=("python3 venv/ensurepip")
      ;;
    java)
      local tool
      for tool in java javac mvn; do command -v "$tool" >/dev/null || missing+=("$tool"); done
      ;;
    go) command -v go >/dev/null || missing+=(go) ;;
  esac
  echo "${missing[*]}"
}

for tool in node npx; do
  command -v "$tool" >/dev/null || { echo "$tool is not on PATH; it is needed for every language" >&2; exit 2; }
done

for lang in "${LANGUAGES[@]}"; do
  if has_word "$SKIP" "$lang"; then
    RESULT[$lang]=skipped
    REASON[$lang]="named in BINDINGS_SKIP"
    say "skipping $lang: named in BINDINGS_SKIP"
    continue
  fi
  lacking="$(toolchain_missing "$lang")"
  if [[ -n "$lacking" ]]; then
    RESULT[$lang]=failed
    REASON[$lang]="toolchain missing: $lacking (install it, or set BINDINGS_SKIP=$lang)"
    say "$lang FAILS: toolchain missing: $lacking (install it, or set BINDINGS_SKIP=$lang)"
    continue
  fi
  TESTED+=("$lang")
done

summary() {
  local passed=0 failed=0 skipped=0 lang line
  echo
  for lang in "${LANGUAGES[@]}"; do
    case "${RESULT[$lang]:-failed}" in
      passed) passed=$((passed + 1)) ;;
      skipped) skipped=$((skipped + 1)) ;;
      *) failed=$((failed + 1)) ;;
    esac
    echo "  $lang: ${RESULT[$lang]:-failed}${REASON[$lang]:+ (${REASON[$lang]})}"
  done
  echo "languages run: ${TESTED[*]:-none}; took $(now)s"
  line="bindings: $passed passed, $failed failed"
  [[ $skipped -gt 0 ]] && line+=", $skipped skipped"
  echo "$line"
  [[ $failed -eq 0 ]]
}
fail() { RESULT[$1]=failed; REASON[$1]="$2"; }

# --- versions: the package's, and its dependencies' as the TypeScript side uses them -------------

pkg() { node -p "const p = require('./package.json'); $1"; }
VERSION="$(pkg 'p.version')"
MAVEN_GROUP="$(pkg 'p.jsii.targets.java.maven.groupId')"
MAVEN_ARTIFACT="$(pkg 'p.jsii.targets.java.maven.artifactId')"
read -r -a PEERS < <(pkg "Object.keys(p.peerDependencies).sort().join(' ')")
declare -A DEP_VERSION=() DEP_MAVEN=() DEP_GO=() DEP_PYPI=()
for dep in "${PEERS[@]}"; do
  # shellcheck disable=SC2016
  read -r v maven gomod pypi < <(node -p "
    const semver = require('semver');
    const root = require('./package.json');
    const p = require('./node_modules/$dep/package.json');
    const t = p.jsii.targets;
    if (!semver.satisfies(p.version, root.peerDependencies['$dep'])) throw new Error('node_modules/$dep ' + p.version + ' does not satisfy ' + root.peerDependencies['$dep']);
    const major = semver.major(p.version);
    const goPkg = t.go.packageName ?? p.name.replace(/[^a-z0-9]/gi, '').toLowerCase();
    [p.version, t.java.maven.groupId + ':' + t.java.maven.artifactId, t.go.moduleName + '/' + goPkg + (major >= 2 ? '/v' + major : ''), t.python.distName].join(' ')")
  DEP_VERSION[$dep]=$v DEP_MAVEN[$dep]=$maven DEP_GO[$dep]=$gomod DEP_PYPI[$dep]=$pypi
done
PACMAK_VERSION="$(npx --no-install jsii-pacmak --version 2>/dev/null | grep -v '^!!' | tail -n 1 | cut -d' ' -f1)"
say "cdk8s-istio-gateway $VERSION; dependencies: $(for d in "${PEERS[@]}"; do printf '%s@%s ' "$d" "${DEP_VERSION[$d]}"; done)"
say "languages: ${TESTED[*]:-none}${SKIP:+; skipped: $SKIP}"

# --- compile (when src/ or imports/ changed since the last .jsii) -----------------------------------

if [[ ${#TESTED[@]} -gt 0 ]]; then
  if [[ ! -f .jsii || -n "$(find src imports package.json tsconfig.json -newer .jsii -print -quit)" ]]; then
    if ! run compile.log "compiled (jsii)" npx projen compile; then
      for lang in "${TESTED[@]}"; do fail "$lang" "jsii compilation failed"; done
      summary
      exit 1
    fi
  else
    say ".jsii is newer than src/ and imports/: not recompiling"
  fi
fi

# The packages are built from a copy of what npm would publish (package.json, .jsii, lib/, README,
# LICENSE, API.md), taken right after compiling: files other builds leave in the working tree
# (.cache/, .tools/, dist-packages/...) stay out of the tarball jsii bundles, and a compile started
# elsewhere meanwhile does not change what gets packaged.
STAGE="$WORK/package"
mkdir -p "$STAGE"
cp -r package.json .jsii lib "$STAGE/"
for file in README.md LICENSE API.md .npmignore; do [[ -f "$file" ]] && cp "$file" "$STAGE/"; done
ln -s "$ROOT/node_modules" "$STAGE/node_modules"
ASSEMBLY_HASH="$( (sha256sum <"$STAGE/.jsii"; echo "jsii-pacmak $PACMAK_VERSION") | sha256sum | cut -c1-16)"

# The TypeScript side, synthesized now (as close as can be to the compile): every example under
# examples/ that one of the language programs names. Any other name a program writes is synthesized
# when comparing.
synth_typescript() { # NAME...
  run "typescript-$#.log" "typescript: synthesized $*" \
    npx --no-install ts-node --transpile-only scripts/synth-examples.ts --out "$OUT/typescript" "$@"
}
TS_NAMES=()
for main in examples/*/main.ts; do
  name="$(basename "$(dirname "$main")")"
  if grep -rqsF -- "\"$name\"" examples/python examples/java/src examples/go; then TS_NAMES+=("$name"); fi
done
TS_OK=1
if [[ ${#TESTED[@]} -gt 0 ]]; then
  say "=== typescript"
  synth_typescript "${TS_NAMES[@]}" || TS_OK=0
fi

# pacmak LANG LOG [ARGS...]: jsii-pacmak for one target, without touching .npmignore.
pacmak() {
  local lang="$1" log="$2"
  shift 2
  run "$log" "jsii-pacmak --target $lang ${*//$WORK/<work>}" npx --no-install jsii-pacmak -v --no-npmignore --target "$lang" "$@"
}

# package LANG ARTIFACT_GLOB [ARGS...]: builds this package for LANG unless dist-packages/ holds
# one built from the current .jsii.
package() {
  local lang="$1" glob="$2"
  shift 2
  local stamp="$CACHE/stamps/$lang"
  if [[ "${BINDINGS_FORCE:-}" != 1 && -f "$stamp" && "$(cat "$stamp")" == "$ASSEMBLY_HASH" ]] && compgen -G "$glob" >/dev/null; then
    say "$lang package in dist-packages/$lang is fresh (built from this .jsii): reusing it"
    return 0
  fi
  rm -f "$stamp"
  # jsii-pacmak empties the other targets' folders of its output directory, so each target is built
  # into a folder of its own and then moved into dist-packages/.
  pacmak "$lang" "package-$lang.log" -o "$(pack_out "$lang")" "$@" "$STAGE" || return 1
  find "$(pack_out "$lang")/$lang" -maxdepth 1 -type l -delete # (dependency modules linked in for Go)
  rm -rf "dist-packages/$lang"
  mkdir -p dist-packages
  mv "$(pack_out "$lang")/$lang" "dist-packages/$lang"
  echo "$ASSEMBLY_HASH" >"$stamp"
}
pack_out() { echo "$WORK/pacmak-$1"; } # where jsii-pacmak builds LANG's package

# --- dependencies the registries do not serve ------------------------------------------------------

# served LANG DEP: whether LANG's registry serves DEP at the version node_modules has (the answer is
# cached for a week).
served() {
  local lang="$1" dep="$2" answer file
  file="$CACHE/registry/$lang-$dep-${DEP_VERSION[$dep]}"
  if [[ -f "$file" && -n "$(find "$file" -mtime -7)" ]]; then
    [[ "$(cat "$file")" == yes ]]
    return
  fi
  case "$lang" in
    java)
      # Only the POM, into a separate local repository, so a copy built here never counts as served.
      if mvn -B -q dependency:get -Dartifact="${DEP_MAVEN[$dep]}:${DEP_VERSION[$dep]}:pom" -Dtransitive=false \
        -Dmaven.repo.local="$CACHE/m2-lookups" >"$LOGS/lookup-$lang-$dep.log" 2>&1; then answer=yes; else answer=no; fi
      ;;
    go)
      if (cd "$WORK" && go list -m -json "${DEP_GO[$dep]}@v${DEP_VERSION[$dep]}") >"$LOGS/lookup-$lang-$dep.log" 2>&1; then
        answer=yes
      else
        answer=no
      fi
      ;;
  esac
  echo "$answer" >"$file"
  [[ "$answer" == yes ]]
}

# local_deps LANG: prints the dependencies LANG's registry does not serve.
local_deps() {
  local lang="$1" dep where
  for dep in "${PEERS[@]}"; do
    case "$lang" in java) where="${DEP_MAVEN[$dep]}:${DEP_VERSION[$dep]} on Maven Central" ;; go) where="${DEP_GO[$dep]}@v${DEP_VERSION[$dep]} on the Go module proxy" ;; esac
    if served "$lang" "$dep"; then
      say "$lang: $where: served" >&2
    else
      say "$lang: $where: NOT served; using a build of node_modules/$dep (jsii-pacmak)" >&2
      echo "$dep"
    fi
  done
}

# build_deps LANG DEP...: builds the dependencies' bindings from node_modules/ into the cache
# (once per set of versions); prints the folder.
build_deps() {
  local lang="$1" dep key dir
  shift
  key="$(for dep in "$@"; do printf '%s@%s-' "$dep" "${DEP_VERSION[$dep]}"; done)pacmak-$PACMAK_VERSION"
  dir="$CACHE/deps/$lang/${key//[^A-Za-z0-9._@-]/_}"
  if [[ -f "$dir/.done" ]] && { [[ "$lang" != java ]] || java_deps_installed "$@"; }; then
    say "$lang: dependencies built from node_modules/ are cached: $(basename "$dir")" >&2
  else
    rm -rf "$dir"
    local args=()
    # (no javadoc for them: they are only needed to compile and run against)
    [[ "$lang" == java ]] && args+=(--maven-local-repository "$M2" --mvn-define=maven.javadoc.skip=true)
    for dep in "$@"; do args+=("node_modules/$dep"); done
    pacmak "$lang" "deps-$lang.log" -o "$dir" "${args[@]}" >&2 || return 1
    touch "$dir/.done"
  fi
  echo "$dir"
}

java_deps_installed() { # (mvn deploy installs them into the local repository as well)
  local dep ga
  for dep in "$@"; do
    ga="${DEP_MAVEN[$dep]}"
    [[ -f "$(M2_PATH "${ga%%:*}")/${ga#*:}/${DEP_VERSION[$dep]}/${ga#*:}-${DEP_VERSION[$dep]}.jar" ]] || return 1
    [[ -f "$(M2_PATH "${ga%%:*}")/${ga#*:}/${DEP_VERSION[$dep]}/${ga#*:}-${DEP_VERSION[$dep]}.pom" ]] || return 1
  done
}
M2_PATH() { echo "$M2/${1//.//}"; } # a groupId as a folder of the local repository

# --- Python ------------------------------------------------------------------------------------------

test_python() {
  package python "dist-packages/python/*.whl" || { fail python "jsii-pacmak --target python failed"; return 1; }
  local wheel reqs=()
  wheel="$(compgen -G "dist-packages/python/*.whl" | head -n 1)"
  for dep in "${PEERS[@]}"; do reqs+=("${DEP_PYPI[$dep]}==${DEP_VERSION[$dep]}"); done
  # A virtualenv without pip of its own, filled by this Python's pip when it can (pip >= 22.3), is
  # made in a second instead of ten; --no-compile skips byte-compiling cdk8s-plus-33's large modules.
  # shellcheck disable=SC2016
  run python-venv.log "python: virtualenv with $(basename "$wheel") and ${reqs[*]} from PyPI" \
    bash -c 'set -e
      if python3 -m venv --without-pip "$1" && python3 -m pip --python "$1/bin/python" --version >/dev/null 2>&1; then
        python3 -m pip --python "$1/bin/python" install --disable-pip-version-check --no-input --no-compile "${@:2}"
      else
        rm -rf "$1" && python3 -m venv "$1"
        "$1/bin/python" -m pip install --disable-pip-version-check --no-input --no-compile "${@:2}"
      fi' \
    _ "$WORK/python/venv" "$wheel" "${reqs[@]}" || { fail python "installing the wheel and its dependencies failed"; return 1; }
  run python-run.log "python: ran examples/python/main.py" \
    "$WORK/python/venv/bin/python" examples/python/main.py --out "$OUT/python" || { fail python "examples/python/main.py failed"; return 1; }
}

# --- Java --------------------------------------------------------------------------------------------

test_java() {
  local deps=() dep
  mapfile -t deps < <(local_deps java)
  if [[ ${#deps[@]} -gt 0 ]]; then
    build_deps java "${deps[@]}" >/dev/null || { fail java "building ${deps[*]} for Java from node_modules/ failed"; return 1; }
  fi
  package java "dist-packages/java/${MAVEN_GROUP//.//}/$MAVEN_ARTIFACT/$VERSION/*.jar" \
    --maven-local-repository "$M2" || { fail java "jsii-pacmak --target java failed"; return 1; }

  # The package comes from dist-packages/java, never from an older copy in the local repository.
  rm -rf "$(M2_PATH "${MAVEN_GROUP:?}")/${MAVEN_ARTIFACT:?}/${VERSION:?}"
  mkdir -p "$WORK/java"
  cp -r examples/java/pom.xml examples/java/src "$WORK/java/"
  cat >"$WORK/java/settings.xml" <<EOF
<settings>
  <localRepository>$M2</localRepository>
  <profiles>
    <profile>
      <id>local-package</id>
      <repositories>
        <repository>
          <id>local-package</id>
          <url>file://$ROOT/dist-packages/java</url>
        </repository>
      </repositories>
    </profile>
  </profiles>
  <activeProfiles>
    <activeProfile>local-package</activeProfile>
  </activeProfiles>
</settings>
EOF
  local props=(-D"cdk8s-istio-gateway.version=$VERSION")
  props+=(-D"cdk8s.version=${DEP_VERSION[cdk8s]}" -D"cdk8s-plus.version=${DEP_VERSION[cdk8s-plus-33]}" -D"constructs.version=${DEP_VERSION[constructs]}")
  run java-run.log "java: compiled and ran examples/java (Maven, $MAVEN_GROUP:$MAVEN_ARTIFACT:$VERSION from dist-packages/java)" \
    mvn -B -s "$WORK/java/settings.xml" -f "$WORK/java/pom.xml" "${props[@]}" \
    compile exec:java -Dexec.args="--out $OUT/java" || { fail java "examples/java failed"; return 1; }
}

# --- Go ----------------------------------------------------------------------------------------------

test_go() {
  local deps=() dep depdir="" link target
  mapfile -t deps < <(local_deps go)
  if [[ ${#deps[@]} -gt 0 ]]; then
    depdir="$(build_deps go "${deps[@]}")" || { fail go "building ${deps[*]} for Go from node_modules/ failed"; return 1; }
  fi
  # jsii-pacmak builds our module against the dependency modules it finds beside it.
  mkdir -p "$(pack_out go)/go"
  for dep in "${deps[@]+"${deps[@]}"}"; do
    target="$(go_module_dir "$depdir/go" "${DEP_GO[$dep]}")"
    link="$(pack_out go)/go/$(basename "$target")"
    [[ -e "$link" ]] || ln -s "$target" "$link"
  done
  package go "dist-packages/go/*/go.mod" || { fail go "jsii-pacmak --target go failed"; return 1; }

  local module moddir
  module="$(pkg 'p.jsii.targets.go.moduleName')"
  moddir="$(go_module_dir "$ROOT/dist-packages/go" "$module/")" || { fail go "no Go module under dist-packages/go"; return 1; }
  module="$(sed -n 's/^module //p' "$moddir/go.mod")"

  mkdir -p "$WORK/go"
  cp examples/go/go.mod examples/go/*.go "$WORK/go/"
  local edits=(-require="$module@v$VERSION" -replace="$module=$moddir")
  for dep in "${PEERS[@]}"; do
    edits+=(-require="${DEP_GO[$dep]}@v${DEP_VERSION[$dep]}")
  done
  for dep in "${deps[@]+"${deps[@]}"}"; do
    edits+=(-replace="${DEP_GO[$dep]}=$(go_module_dir "$depdir/go" "${DEP_GO[$dep]}")")
  done
  # shellcheck disable=SC2016
  run go-mod.log "go: module with $module => dist-packages/go${deps[*]:+, ${deps[*]} => built from node_modules/}, the rest from the Go module proxy" \
    bash -c 'cd "$1" && go mod edit "${@:2}" && go mod tidy' _ "$WORK/go" "${edits[@]}" || { fail go "go mod tidy failed"; return 1; }
  # shellcheck disable=SC2016
  run go-build.log "go: built examples/go" bash -c 'cd "$1" && go build -o example .' _ "$WORK/go" \
    || { fail go "go build of examples/go failed"; return 1; }
  run go-run.log "go: ran examples/go" "$WORK/go/example" --out "$OUT/go" || { fail go "examples/go failed"; return 1; }
}

# go_module_dir PARENT MODULE: the folder under PARENT whose go.mod declares MODULE (or, when MODULE
# ends in /, a module under it).
go_module_dir() {
  local gomod
  for gomod in "$1"/*/go.mod; do
    [[ -f "$gomod" ]] || continue
    if [[ "$2" == */ ]]; then
      grep -q "^module $2" "$gomod" && { (cd "$(dirname "$gomod")" && pwd); return 0; }
    else
      grep -qx "module $2" "$gomod" && { (cd "$(dirname "$gomod")" && pwd); return 0; }
    fi
  done
  return 1
}

# --- run each language, then the TypeScript examples, and compare -----------------------------------

RAN=()
for lang in "${TESTED[@]+"${TESTED[@]}"}"; do
  say "=== $lang"
  if "test_$lang"; then
    RAN+=("$lang")
  fi
done

if [[ ${#RAN[@]} -gt 0 ]]; then
  say "=== comparing with the TypeScript examples"
  if [[ -n "$(find src imports -newer .jsii -print -quit)" ]]; then
    say "note: src/ or imports/ changed after the packages were built; a difference may come from that (run again)"
  fi
  EXTRA=()
  while IFS= read -r name; do [[ -d "$OUT/typescript/$name" ]] || EXTRA+=("$name"); done < <(
    { printf '%s\n' "${REQUIRED_EXAMPLES[@]}"; for lang in "${RAN[@]}"; do ls "$OUT/$lang" 2>/dev/null; done; } | sort -u)
  if [[ $TS_OK -eq 1 && ${#EXTRA[@]} -gt 0 ]]; then synth_typescript "${EXTRA[@]}" || TS_OK=0; fi
  if [[ $TS_OK -eq 1 ]]; then
    for lang in "${RAN[@]}"; do
      bad=() same=()
      for name in "${REQUIRED_EXAMPLES[@]}"; do
        [[ -d "$OUT/$lang/$name" ]] || bad+=("$name (not built by examples/$lang)")
      done
      for dir in "$OUT/$lang"/*/; do
        name="$(basename "$dir")"
        if diff -r "$OUT/typescript/$name" "$OUT/$lang/$name" >"$LOGS/diff-$lang-$name.txt" 2>&1; then
          same+=("$name")
        else
          bad+=("$name (differs from TypeScript)")
          say "$lang: $name differs from the TypeScript example:"
          head -n 40 "$LOGS/diff-$lang-$name.txt" | sed 's/^/    /'
        fi
      done
      if [[ ${#bad[@]} -eq 0 ]]; then
        RESULT[$lang]=passed
        REASON[$lang]="${#same[@]} examples byte-identical to TypeScript: ${same[*]}"
      else
        fail "$lang" "$(printf '%s; ' "${bad[@]}" | sed 's/; $//')"
      fi
      say "$lang: ${RESULT[$lang]}: ${REASON[$lang]}"
    done
  else
    for lang in "${RAN[@]}"; do fail "$lang" "the TypeScript examples failed to synthesize"; done
  fi
fi

summary
