#!/usr/bin/env bash
# Scaling harness (issue 13: 10x the projects may cost at most 12x the time; under 100 MiB at 10,000 projects).
# For each size it writes the seeded ADR-0043-shaped repository and lints it whole, each run in a fresh process:
#   - the Native AOT binary, `hostnetlint check DIR` start to finish (report written to /dev/null);
#   - in process: the benchmark program's `--measure DIR` (JIT), the lint's own time without runtime start-up.
# Peak memory is /usr/bin/time's maximum resident set size of that process; "live" is what the in-process lint still
# holds when it is done (the model and its findings, after a full collection), the part of the peak no collector
# setting can give back. Prints a Markdown table.
#
#   bash tests/HostNetLint.Benchmarks/scaling.sh [--sizes "200 1000 10000"] [--runs 3] [--no-aot] [--no-in-process]
# SEED=S changes the generator's seed (default: the benchmark program's).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source tests/HostNetLint.Benchmarks/bench-lib.sh

sizes="200 1000 10000"
runs=3
aot=true
in_process=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --no-aot) aot=false; shift ;;
    --no-in-process) in_process=false; shift ;;
    *) log "usage: $0 [--sizes \"200 1000 10000\"] [--runs N] [--no-aot] [--no-in-process]"; exit 2 ;;
  esac
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
build_bench
$aot && hostnetlint="$(publish_aot "$work/aot")"

rows=()
prev_n="" prev_aot="" prev_in="" first_n="" first_aot="" first_in=""
for n in $sizes; do
  repo="$work/adr-$n"
  summary="$(write_synthetic "$repo" "$n")"
  aot_s="-" aot_mib="-" aot_x="-" in_s="-" in_mib="-" in_live="-" in_x="-"
  if $aot; then
    : >"$work/aot.txt"
    for ((r = 0; r < runs; r++)); do
      log "AOT check, $n projects, run $((r + 1))/$runs"
      timed_rss "$work/aot.txt" "$hostnetlint" check "$repo"
    done
    aot_s="$(cut -d' ' -f1 "$work/aot.txt" | median)"
    aot_mib="$(cut -d' ' -f2 "$work/aot.txt" | sort -g | tail -1)"
    [[ -n "$prev_aot" ]] && aot_x="$(ratio_per_10x "$prev_n" "$prev_aot" "$n" "$aot_s")"
    prev_aot="$aot_s"
  fi
  if $in_process; then
    : >"$work/in.txt"
    for ((r = 0; r < runs; r++)); do
      log "in-process lint, $n projects, run $((r + 1))/$runs"
      rss="$(mktemp)"
      line="$(/usr/bin/time -f %M -o "$rss" dotnet "$BENCH_DLL" --measure "$repo")"
      echo "$(kv seconds "$line") $(peak_mib "$rss") $(kv live_mib "$line")" >>"$work/in.txt"
      rm -f "$rss"
    done
    in_s="$(cut -d' ' -f1 "$work/in.txt" | median)"
    in_mib="$(cut -d' ' -f2 "$work/in.txt" | sort -g | tail -1)"
    in_live="$(cut -d' ' -f3 "$work/in.txt" | sort -g | tail -1)"
    [[ -n "$prev_in" ]] && in_x="$(ratio_per_10x "$prev_n" "$prev_in" "$n" "$in_s")"
    prev_in="$in_s"
  fi
  rows+=("| $(thousands "$n") | $(thousands "$(kv files "$summary")") | $(thousands "$(kv lines "$summary")") | $aot_s | $aot_mib | $aot_x | $in_s | $in_mib | $in_live | $in_x |")
  prev_n="$n"
  [[ -z "$first_n" ]] && first_n="$n" first_aot="$aot_s" first_in="$in_s"
done

echo
echo "| projects | files | lines | AOT check [s] | AOT peak [MiB] | AOT time x per 10x projects | in-process lint [s] | in-process peak [MiB] | in-process live at the end [MiB] | in-process time x per 10x projects |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
echo "$(nproc) cores, $(dotnet --version) SDK, median of $runs fresh processes per cell (peak: the highest of them);"
echo "\"x per 10x\" is the time growth from the row above scaled to 10x the projects (target: at most 12)."
if [[ "$prev_n" != "$first_n" ]]; then
  overall="from $(thousands "$first_n") to $(thousands "$prev_n") projects, time x per 10x projects:"
  $aot && overall+=" AOT $(ratio_per_10x "$first_n" "$first_aot" "$prev_n" "$prev_aot")"
  $in_process && overall+=" in process $(ratio_per_10x "$first_n" "$first_in" "$prev_n" "$prev_in")"
  echo "$overall."
fi
