#!/usr/bin/env python3
"""taskq against the Celery reference stack, run by run: prints a Markdown table of taskq ÷ Celery.

Usage: compare-reports.py TASKQ_REPORT_DIR CELERY_REPORT_DIR (the folders run-simulation.sh fills). Runs are
paired by number (run-simulation.sh runs taskq run N right before Celery run N, so a pair saw the same machine).
"""
import json
import statistics
import sys
from pathlib import Path

# (phase, field, what it says, whether more is better)
COMPARED = [
    ("burst-16", "submit_per_s", "16 clients: accepted tasks/s (202s per second; target 2×)", True),
    ("burst-16", "submit_response_ms.p99", "16 clients: submit p99 ms", False),
    ("burst-64", "submit_per_s", "64 clients: accepted tasks/s (202s per second; target 2×)", True),
    ("burst-64", "submit_response_ms.p99", "64 clients: submit p99 ms", False),
    ("batch", "submit_per_s", "batch, 1 client, arrays of 1 000: accepted tasks/s (taskq's target ≥ 5 000)", True),
    ("batch", "completed_per_s", "batch: tasks completed/s end to end", True),
    ("burst-16", "completed_per_s", "burst, 16 clients: tasks completed/s end to end (target 2.5×)", True),
    ("burst-64", "completed_per_s", "burst, 64 clients: tasks completed/s end to end", True),
    ("burst-16", "cpu_s_per_1000_tasks", "burst, 16 clients: CPU s per 1 000 tasks (the system's processes)", False),
    ("burst-16", "rabbitmq_redis_cpu_s_per_1000_tasks", "burst, 16 clients: CPU s per 1 000 tasks of RabbitMQ + Redis",
     False),
    ("steady-200", "cpu_s_per_1000_tasks", "steady 200/s: CPU s per 1 000 tasks (the system's processes)", False),
    ("steady-200", "latency_client_ms.p99", "steady 200/s: p99 submit→done at the client, ms", False),
    ("steady-500", "cpu_s_per_1000_tasks", "steady 500/s: CPU s per 1 000 tasks (the system's processes)", False),
    ("steady-500", "latency_client_ms.p99", "steady 500/s: p99 submit→done at the client, ms", False),
]


def value(run, phase, field):
    node = run.get("phases", {}).get(phase)
    for part in field.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def load(run):
    return " ".join(run.get("machine", {}).get("loadavg_before", "?").split()[:3])


def persistence(run):
    return run.get("machine", {}).get("redis_persistence", "not recorded")


def runs(folder):
    reports = [json.loads(p.read_text()) for p in Path(folder).glob("run-*.json")]
    return {report["run"]: report for report in reports}


def main(taskq_dir, celery_dir):
    taskq, celery = runs(taskq_dir), runs(celery_dir)
    pairs = sorted(set(taskq) & set(celery))
    print("## taskq ÷ Celery reference stack, run by run (same machine, one right after the other)\n")
    print("| metric | " + " | ".join(f"run {n}: taskq / Celery = ratio" for n in pairs) + " | median ratio (min–max) |")
    print("| --- |" + " --- |" * (len(pairs) + 1))
    for phase, field, label, more_is_better in COMPARED:
        cells, ratios = [], []
        for n in pairs:
            t, c = value(taskq[n], phase, field), value(celery[n], phase, field)
            if t is None or c is None or c == 0 or t == 0:
                cells.append("—")
                continue
            ratio = t / c if more_is_better else c / t
            ratios.append(ratio)
            cells.append(f"{t:.1f} / {c:.1f} = {ratio:.2f}×")
        median = "—" if not ratios else f"{statistics.median(ratios):.2f}×" + (
            f" ({min(ratios):.2f}–{max(ratios):.2f}×)" if len(ratios) > 1 else "")
        print(f"| {label} | " + " | ".join(cells) + f" | {median} |")
    print("\nRatios are taskq's advantage: throughput taskq ÷ Celery; CPU and latency Celery ÷ taskq. The median"
          " ratio is the median of the runs' ratios.")
    for n in pairs:
        print(f"- run {n}: load average before taskq {load(taskq[n])}, before Celery {load(celery[n])};"
              f" Redis {persistence(taskq[n])} / {persistence(celery[n])}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
