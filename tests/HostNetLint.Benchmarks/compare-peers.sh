#!/usr/bin/env bash
# Start-to-finish time (hyperfine) and peak memory (/usr/bin/time, maximum resident set size) of hostnetlint and its
# peers, each command in a fresh process, on:
#   - one compose file (start-up): a do-nothing Native AOT hello world published in this run, the AOT binary,
#     the .NET tool installed the way pre-commit's `language: dotnet` installs it (native where this machine can
#     link it) and its framework-dependent fallback, yamllint, dclint, and
#     `systemd-analyze verify` on the project's unit;
#   - the seeded ADR-0043-shaped repositories (--projects, default 200 and 10,000) and ../shared/corpus: the same
#     tools over the whole tree (systemd-analyze over its .service units only).
# Installs what it lacks: hyperfine and yamllint with apt-get (as root), dclint with npm into the temporary folder.
#
#   bash tests/HostNetLint.Benchmarks/compare-peers.sh [--projects "200 10000"] [--no-corpus] [--quick]
# --quick: 200 projects, fewer runs (checks the script, not for figures). SEED=S changes the generator's seed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source tests/HostNetLint.Benchmarks/bench-lib.sh

sizes="200 10000"
corpus=true
startup_runs=20
small_runs=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    --projects) sizes="$2"; shift 2 ;;
    --no-corpus) corpus=false; shift ;;
    --quick) sizes=200 startup_runs=5 small_runs=2; shift ;;
    *) log "usage: $0 [--projects \"200 10000\"] [--no-corpus] [--quick]"; exit 2 ;;
  esac
done

DCLINT_VERSION=3.1.0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --- Tools --------------------------------------------------------------------------------------------------------
missing=()
for tool in hyperfine yamllint; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [[ ${#missing[@]} -gt 0 && $(id -u) -eq 0 ]]; then
  log "installing ${missing[*]} with apt-get"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null
fi
command -v hyperfine >/dev/null || { log "hyperfine is required"; exit 1; }
log "installing dclint $DCLINT_VERSION into $work/npm"
npm install --prefix "$work/npm" --no-audit --no-fund --loglevel=error "dclint@$DCLINT_VERSION" >&2
dclint="$work/npm/node_modules/.bin/dclint"
have_yamllint=false have_verify=false
command -v yamllint >/dev/null && have_yamllint=true
command -v systemd-analyze >/dev/null && have_verify=true

# --- What is measured -----------------------------------------------------------------------------------------------
build_bench
hostnetlint="$(publish_aot "$work/aot")"

# The floor for a Native AOT process on this machine: same target framework, runtime identifier and globalization mode.
publish_hello() {
  local dir="$1" tfm
  tfm="$(dotnet msbuild src/HostNetLint.Cli -getProperty:TargetFramework)"
  mkdir -p "$dir"
  cp nuget.config "$dir/"
  cat >"$dir/hello.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>$tfm</TargetFramework>
    <PublishAot>true</PublishAot>
    <InvariantGlobalization>true</InvariantGlobalization>
  </PropertyGroup>
</Project>
EOF
  echo 'return 0;' >"$dir/Program.cs"
  log "publishing a do-nothing Native AOT hello world ($tfm)"
  dotnet publish "$dir/hello.csproj" -c Release -r "$(runtime_id)" -o "$dir/out" -v quiet -nologo >&2
  echo "$dir/out/hello"
}
hello="$(publish_hello "$work/hello")"

# pre-commit's dotnet language (pre_commit/languages/dotnet.py, install_environment and run_hook): `dotnet pack
# --configuration Release --output pre-commit-build` at the hook repository's root; for every .nupkg there, the
# package id from its .nuspec and `dotnet tool install --configfile <nuget.config without sources> --tool-path
# <env>/bin --add-source pre-commit-build <id>`; then it runs the hook's entry (`hostnetlint check`) with the files
# appended and <env>/bin first on PATH. So what a commit waits for is <env>/bin/hostnetlint, measured here.
# Extra arguments go to `dotnet pack` (the framework-dependent fallback: -p:HostNetLintNativeTool=false).
install_tool_like_precommit() {
  local dir="$1" build="$1/pre-commit-build" config="$1/nuget.config" package id
  shift
  log "packing at the repository root ($*) and installing the tool into $dir/bin, as pre-commit does"
  dotnet pack --configuration Release --output "$build" -v quiet -nologo "$@" >&2
  printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n' >"$config"
  for package in "$build"/*.nupkg; do
    id="$(python3 -c 'import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
spec = next(n for n in z.namelist() if n.endswith(".nuspec"))
print(re.search(r"<id>([^<]+)</id>", z.read(spec).decode()).group(1))' "$package")"
    # A fresh package folder: NuGet would otherwise reuse an older build of the same id and version from its cache.
    NUGET_PACKAGES="$dir/packages" dotnet tool install --configfile "$config" --tool-path "$dir/bin" --add-source "$build" "$id" >&2
  done
  echo "$dir/bin/hostnetlint"
}
tool="$(install_tool_like_precommit "$work/pre-commit")"
tool_fallback="$(install_tool_like_precommit "$work/pre-commit-fallback" -p:HostNetLintNativeTool=false)"

# systemd-analyze verify with every unit of a list in one process (a list of 10,000 paths stays off hyperfine's table).
cat >"$work/verify-units.sh" <<'EOF'
mapfile -t units <"$1"
exec systemd-analyze verify "${units[@]}"
EOF

# peers ROOT UNIT_LIST: the name=command pairs for a whole tree.
peers() {
  local -a commands=("hostnetlint check (AOT)=$hostnetlint check $1" "hostnetlint check (.NET tool, as pre-commit runs it)=$tool check $1")
  $have_yamllint && commands+=("yamllint=yamllint $1")
  commands+=("dclint -r=$dclint -r $1")
  # systemd-analyze verify grows far faster than its input (1.2 s for 200 units, over 16 minutes for 10,000).
  if $have_verify && [[ -s "$2" ]]; then
    if (($(wc -l <"$2") <= 1000)); then
      commands+=("systemd-analyze verify ($(wc -l <"$2") units)=bash $work/verify-units.sh $2")
    else
      log "systemd-analyze verify left out: $(wc -l <"$2") units would take far longer than the rest together"
    fi
  fi
  printf '%s\n' "${commands[@]}"
}

# --- Start-up: one compose file --------------------------------------------------------------------------------------
first="${sizes%% *}"
summary="$(write_synthetic "$work/adr-$first" "$first")"
one="$work/adr-$first/stack00000/docker-compose.yaml"
unit="$work/adr-$first/stack00000/airflow-stack00000.service"
startup=("hello world (Native AOT, does nothing)=$hello" "hostnetlint check (AOT)=$hostnetlint check $one"
  "hostnetlint check (.NET tool, as pre-commit runs it)=$tool check $one"
  "hostnetlint check (.NET tool, framework-dependent fallback)=$tool_fallback check $one")
$have_yamllint && startup+=("yamllint=yamllint $one")
startup+=("dclint=$dclint $one")
$have_verify && startup+=("systemd-analyze verify (its unit)=systemd-analyze verify $unit")
echo "### Start-up: one compose file ($(wc -l <"$one") lines)"
compare "relative to the do-nothing AOT hello world (targets: AOT at most 3x, the .NET tool at most 100 ms)" "$startup_runs" 3 "${startup[@]}"

# --- Whole trees ------------------------------------------------------------------------------------------------------
for n in $sizes; do
  repo="$work/adr-$n"
  [[ -d "$repo" ]] || summary="$(write_synthetic "$repo" "$n")"
  find "$repo" -name '*.service' | sort >"$work/units-$n.txt"
  runs=$small_runs warmup=1
  ((n > 1000)) && runs=1 warmup=0
  mapfile -t commands < <(peers "$repo" "$work/units-$n.txt")
  compare "$(thousands "$n") ADR-shaped projects ($(thousands "$(kv files "$summary")") files, $(thousands "$(kv lines "$summary")") lines)" "$runs" "$warmup" "${commands[@]}"
done

if $corpus; then
  if corpus_dir="$(dotnet "$BENCH_DLL" --corpus-path)"; then
    find "$corpus_dir" -name '*.service' | sort >"$work/units-corpus.txt"
    mapfile -t commands < <(peers "$corpus_dir" "$work/units-corpus.txt")
    compare "../shared/corpus ($(find "$corpus_dir" -type f | wc -l) files)" "$small_runs" 1 "${commands[@]}"
  else
    echo
    echo "(../shared/corpus not found: its table is skipped)"
  fi
fi

echo
echo "$(nproc) cores; $(dotnet --version) SDK; $(hyperfine --version); dclint $DCLINT_VERSION; $(yamllint --version 2>/dev/null || echo 'no yamllint'); $(systemd-analyze --version 2>/dev/null | head -1 || echo 'no systemd-analyze')."
echo "Time: hyperfine, no shell in between; peak RSS: /usr/bin/time, one extra run. Exit codes are ignored (linters exit 1 on findings)."
