#!/usr/bin/env python3
"""Turns a messaging_benchmarks JSON run into the Markdown table of
docs/benchmarks.md: each BM_<Case>_Raw next to its BM_<Case>_Client, with
the client/raw ratio of each number. Uses the medians when the run has
repetitions.

    build/bench/messaging_benchmarks ... --benchmark_format=json > run.json
    scripts/bench-table.py run.json
"""
import json
import re
import sys

# The numbers worth comparing, in order, with their units.
METRICS = [
    ("items_per_second", "calls/s", lambda v: f"{v / 1000:.1f}k"),
    ("p50_us", "p50 µs", lambda v: f"{v:.1f}"),
    ("p99_us", "p99 µs", lambda v: f"{v:.1f}"),
    ("cpu_time", "CPU/iter", None),
    ("peak_heap_MiB", "peak heap MiB", lambda v: f"{v:.2f}"),
    ("bytes_per_message", "bytes/message", lambda v: f"{v:.1f}"),
]


def load(path):
    with open(path, encoding="utf-8") as f:
        run = json.load(f)
    rows = {}
    for b in run["benchmarks"]:
        aggregate = b.get("aggregate_name")
        if aggregate not in (None, "median"):
            continue
        name = re.sub(r"_median$", "", b["run_name"])
        rows[name] = b
    return run["context"], rows


def cpu(b):
    return f"{b['cpu_time']:.0f} {b['time_unit']}"


def main():
    context, rows = load(sys.argv[1])
    print(f"Run of {context['date']}: {context['num_cpus']} CPUs at "
          f"{context['mhz_per_cpu']} MHz, library build "
          f"{context.get('library_build_type', '?')}.\n")
    print("| case | variant | " + " | ".join(m[1] for m in METRICS) + " |")
    print("|---|---|" + "---|" * len(METRICS))
    for name in sorted(rows):
        if not re.search(r"_Raw(/|$)", name):
            continue
        client_name = re.sub(r"_Raw(/|$)", r"_Client\1", name)
        pair = [("raw", rows[name])]
        if client_name in rows:
            pair.append(("client", rows[client_name]))
        case = re.sub(r"^BM_|_Raw", "", name)
        case = re.sub(r"/(iterations:\d+|real_time)", "", case)
        for variant, b in pair:
            cells = []
            for key, _, fmt in METRICS:
                if key == "cpu_time":
                    cells.append(cpu(b))
                elif key in b:
                    cells.append(fmt(b[key]))
                else:
                    cells.append("")
            print(f"| {case} | {variant} | " + " | ".join(cells) + " |")
        if len(pair) == 2:
            raw, client = pair[0][1], pair[1][1]
            ratios = []
            for key, _, _ in METRICS:
                if key in raw and key in client and raw[key]:
                    ratios.append(f"{client[key] / raw[key]:.3f}")
                else:
                    ratios.append("")
            print(f"| {case} | client/raw | " + " | ".join(ratios) + " |")
    for name in sorted(rows):
        if "_Raw" in name or "_Client" in name:
            continue
        b = rows[name]
        cells = [fmt(b[key]) if key in b and fmt else "" for key, _, fmt in METRICS]
        case = re.sub(r"^BM_|/iterations:\d+", "", name)
        print(f"| {case} | — | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
