# Shared by scaling.sh and compare-peers.sh (sourced, not run): builds what they time, writes the synthetic
# repositories with the benchmark program's generator, measures time and peak memory, prints Markdown.
# The caller has `set -euo pipefail` and has changed to the repository root.

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '%s\n' "$*" >&2; }

# The .NET runtime identifier of this machine, for Native AOT.
runtime_id() {
  case "$(uname -m)" in
    x86_64) echo linux-x64 ;;
    aarch64 | arm64) echo linux-arm64 ;;
    *) log "unsupported machine $(uname -m)"; return 1 ;;
  esac
}

# Builds the benchmark program (Release) and sets BENCH_DLL to it.
build_bench() {
  log "building tests/HostNetLint.Benchmarks (Release)"
  dotnet build tests/HostNetLint.Benchmarks -c Release -v quiet -nologo >&2
  BENCH_DLL="$(dotnet msbuild tests/HostNetLint.Benchmarks -p:Configuration=Release -getProperty:TargetPath)"
}

# publish_aot DIR: the Native AOT hostnetlint, as the README's install section publishes it; prints its path.
publish_aot() {
  log "publishing the Native AOT binary to $1"
  dotnet publish src/HostNetLint.Cli -c Release -r "$(runtime_id)" -p:PublishAot=true -o "$1" -v quiet -nologo >&2
  echo "$1/hostnetlint"
}

# write_synthetic DIR PROJECTS: the seeded ADR-0043-shaped repository (SEED overrides the generator's default);
# prints the generator's summary line "projects=.. files=.. lines=.. bytes=.. seed=..".
write_synthetic() {
  log "writing $2 synthetic projects to $1"
  dotnet "$BENCH_DLL" --write-synthetic "$1" --projects "$2" ${SEED:+--seed "$SEED"}
}

# kv KEY "k1=v1 k2=v2": the value of KEY.
kv() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"; }

# thousands N: N with comma thousands separators (independent of the locale).
thousands() { sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta' <<<"$1"; }

# median: the median of the numbers on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; printf "%.3f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# peak_mib FILE: the maximum resident set size in MiB from /usr/bin/time -f %M -o FILE (its last line: time writes
# "Command exited with non-zero status N" above it when the command fails).
peak_mib() { tail -n 1 "$1" | awk '{ printf "%.1f", $1 / 1024 }'; }

# timed_rss OUT CMD...: runs CMD once (output discarded, exit status ignored: linters exit 1 on findings) and appends
# "seconds peak_mib" to OUT; the peak is /usr/bin/time's maximum resident set size.
timed_rss() {
  local out="$1" rss start end
  shift
  rss="$(mktemp)"
  start=$EPOCHREALTIME
  /usr/bin/time -f %M -o "$rss" "$@" >/dev/null 2>&1 || true
  end=$EPOCHREALTIME
  echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", e - s }') $(peak_mib "$rss")" >>"$out"
  rm -f "$rss"
}

# ratio_per_10x N1 T1 N2 T2: how much the time grows for 10x the input, from two points (T ~ N^k gives 10^k).
ratio_per_10x() { awk -v n1="$1" -v t1="$2" -v n2="$3" -v t2="$4" 'BEGIN { printf "%.1f", (t2 / t1) ^ (log(10) / log(n2 / n1)) }'; }

# compare TITLE RUNS WARMUP NAME=COMMAND...: times each command with hyperfine (no shell in between) and, in a
# separate run, its peak memory with /usr/bin/time; prints one Markdown table, relative to the first command.
compare() {
  local title="$1" runs="$2" warmup="$3" json rss_dir i=0 spec
  shift 3
  json="$(mktemp)"
  rss_dir="$(mktemp -d)"
  local -a args=()
  for spec in "$@"; do
    args+=(--command-name "${spec%%=*}" "${spec#*=}")
    # shellcheck disable=SC2086 # the command is split on spaces, as hyperfine -N does
    timed_rss "$rss_dir/$i" ${spec#*=}
    i=$((i + 1))
  done
  log "timing: $title"
  hyperfine -N --ignore-failure --style basic --runs "$runs" --warmup "$warmup" --export-json "$json" "${args[@]}" >&2
  printf '\n#### %s\n\n' "$title"
  python3 - "$json" "$rss_dir" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
print("| command | mean [ms] | min [ms] | max [ms] | relative | peak RSS [MiB] |")
print("|:---|---:|---:|---:|---:|---:|")
base = results[0]["mean"]
for i, r in enumerate(results):
    rss = open(f"{sys.argv[2]}/{i}").read().split()[1]
    sd = f" ± {r['stddev'] * 1000:.1f}" if r.get("stddev") else ""
    print(f"| {r['command']} | {r['mean'] * 1000:.1f}{sd} | {r['min'] * 1000:.1f} | {r['max'] * 1000:.1f} | {r['mean'] / base:.2f} | {rss} |")
PY
  rm -rf "$json" "$rss_dir"
}
