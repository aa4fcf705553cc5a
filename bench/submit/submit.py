"""Submissions benchmark (issue 15): accepted tasks/s at 16 and 64 clients and of batches from one client, measured
with light clients (wrk; Python for the batches).

One run of one stack, its result as one JSON line on stdout (bench/run-submit.sh runs taskq and Celery run by run
and writes the summary):

  python3 submit.py taskq  --workdir DIR [--clients 16,64] [--seconds 15] [--warmup-seconds 20] [--batch-tasks 30000]
                           [--batch-size 1000] [--api-only] [--jvm-args "..."]
  python3 submit.py celery --workdir DIR [--clients 16,64] [--seconds 15] [--warmup-seconds 20] [--batch-tasks 30000]
                           [--batch-size 1000] [--api-only]
  python3 submit.py summarize RUNS.jsonl SUMMARY.md

The whole stack runs, as a user runs it on one host: taskq is one Payara Micro node (TASKQ_ROLE=all: it accepts and
drains, pool 4, TASKQ_WORK_DELAY_MS=0); Celery is Flask under gunicorn ((2 × cores) + 1 sync workers) with
`celery worker --pool prefork --concurrency 4`. wrk (C, 2 threads, keep-alive) posts the mix of reverse, sentiment
and email tasks (submit.lua) to POST /api/tasks from N connections, each sending its next task as soon as the last
is answered: first a warm-up at 16 connections (not reported), then each client count for --seconds. The Gatling
benchmark's burst phases measure the same thing with a client that takes a large share of the 2 cores itself.
Then the batch phase (the issue's batch target: tasks accepted from one client): one client (Python, one
keep-alive connection) posts --batch-tasks (30 000) tasks as JSON arrays of --batch-size (1 000) to the same
POST /api/tasks, one after the other, each answer 202 with one id per task (Flask: celery.group().apply_async()).
With --api-only a run is that batch phase alone (after a warm-up of a third as many tasks) against a stack that
accepts and runs nothing: a taskq web node (TASKQ_ROLE=web, as the compose file's web service), Flask without a
Celery worker. It gives the API's own rate, where the other runs share the 2 cores with the stack's worker.

accepted_per_s counts the answers that accept a task (taskq: 202; Flask: 200); any other answer or socket error is
reported and fails the run. After the last phase the run waits until every accepted task is finished in the store
(taskq: its state index; Celery: its result backend), so a task accepted and then lost fails the run too. (wrk ends
a phase with up to one request per connection sent and not yet answered; the stack accepts those too.)

through_per_s is the whole run's throughput: every task accepted, divided by the seconds from the warm-up's start
until the last of them was finished. On a box that the stack fills, a stack whose worker falls behind accepts faster
than one that runs its tasks as they come (its backlog is run after the phases); this counts both.
"""
import argparse
import http.client
import json
import multiprocessing
import os
import subprocess
import sys
import time
import uuid

import redis

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "drain"))
import drain  # noqa: E402  (the drain benchmark's node launcher and helpers)

HERE = os.path.dirname(os.path.abspath(__file__))
CELERY_REDIS_DB = 5
FINISH_TIMEOUT_S = 600


def wrk(port, clients, seconds):
    """One wrk phase against 127.0.0.1:port; the RESULT line of submit.lua as a dict."""
    out = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--timeout", "30s",
                          "-s", os.path.join(HERE, "submit.lua"), f"http://127.0.0.1:{port}"],
                         capture_output=True, text=True, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    result = json.loads(line[len("RESULT "):])
    result["clients"] = clients
    result["accepted_per_s"] = round(result["accepted"] / result["seconds"], 1)
    if result["refused"] or result["socket_errors"]:
        raise RuntimeError(f"{clients} clients: {result['refused']} answers refused a task and "
                           f"{result['socket_errors']} socket errors: {result}")
    return result


def batches(port, tasks, size):
    """The batch phase: one client on one keep-alive connection posts `tasks` mixed tasks as JSON arrays of `size`,
    each request as soon as the last is answered; every answer must be 202 with one id per task, in order. The
    bodies are made before the clock starts, so the client's own work is reading the answers."""
    mix = drain.mixed_tasks(tasks)
    bodies = [(json.dumps(chunk), len(chunk)) for chunk in (mix[i:i + size] for i in range(0, tasks, size))]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    latencies_ms = []
    started = time.time()
    for body, count in bodies:
        sent = time.perf_counter()
        connection.request("POST", "/api/tasks", body=body,
                           headers={"Content-Type": "application/json", "Accept": "application/json"})
        answer = connection.getresponse()
        text = answer.read()
        latencies_ms.append((time.perf_counter() - sent) * 1000)
        ids = json.loads(text) if answer.status == 202 else None
        if not isinstance(ids, list) or len(ids) != count or not all(a.get("task_id") for a in ids):
            raise RuntimeError(f"a batch of {count} was answered {answer.status}: {text[:300]!r}")
    seconds = time.time() - started
    connection.close()
    latencies_ms.sort()
    return {"clients": "batch", "size": size, "accepted": tasks, "seconds": round(seconds, 3),
            "accepted_per_s": round(tasks / seconds, 1), "p50_ms": round(latencies_ms[len(latencies_ms) // 2], 2),
            "p99_ms": round(latencies_ms[min(len(latencies_ms) - 1, int(len(latencies_ms) * 0.99))], 2)}


def api_only(port, args, stack, recorded):
    """--api-only: the batch phase alone, after a warm-up of a third as many tasks, against a stack that accepts and
    runs nothing (a taskq web node; Flask without a Celery worker), so the API's own rate with the 2 cores to itself.
    recorded() must then count every task accepted (taskq: its store's index; Celery: the messages on its queue)."""
    warmup = batches(port, args.batch_tasks // 3, args.batch_size)
    time.sleep(2)
    phase = dict(batches(port, args.batch_tasks, args.batch_size), clients="batch-api")
    accepted = warmup["accepted"] + phase["accepted"]
    found = recorded()
    if found != accepted:
        raise RuntimeError(f"{accepted} tasks accepted, {found} recorded")
    return {"stack": stack, "mode": "api-only", "phases": [phase], "accepted_total": accepted}


def phases(port, args):
    """The warm-up, then one phase per client count, then the batch phase (if any); (accepted in all, seconds from the
    warm-up's start to the last phase's end, [phase results])."""
    started = time.time()
    warmup = wrk(port, 16, args.warmup_seconds)
    measured = []
    for clients in args.clients:
        time.sleep(2)
        measured.append(wrk(port, clients, args.seconds))
    if args.batch_tasks:
        time.sleep(2)
        measured.append(batches(port, args.batch_tasks, args.batch_size))
    return warmup["accepted"] + sum(p["accepted"] for p in measured), time.time() - started, measured


def throughput(accepted, load_s, finish_s):
    """The run's load seconds and its throughput: accepted tasks per second until the last one was finished."""
    return {"load_s": round(load_s, 1), "through_per_s": round(accepted / (load_s + finish_s), 1)}


def await_finished(count, expected, alive):
    """Waits until count() reaches expected (every accepted task finished); seconds it took after the last phase."""
    started = time.time()
    drain.await_finishes(lambda: range(count()), expected, alive, FINISH_TIMEOUT_S)
    return round(time.time() - started, 1)


def run_taskq(args):
    name = "submit-" + uuid.uuid4().hex[:8]
    prefix = "taskq-" + name
    store = redis.Redis(host="127.0.0.1", port=6379)
    artifacts = drain.taskq_artifacts(args.workdir, args.war)
    node = None
    try:
        node = drain.TaskqNode("web" if args.api_only else "all", name, args.workdir, artifacts, args.jvm_args,
                               drain.free_port())
        node.await_api()
        if args.api_only:
            return api_only(node.port, args, "taskq", lambda: store.zcard(f"{prefix}:tasks:all"))
        accepted, load_s, measured = phases(node.port, args)

        def count(states):
            pipe = store.pipeline(transaction=False)
            for state in states:
                pipe.zcard(f"{prefix}:tasks:state:{state}")
            return sum(pipe.execute())

        # wrk stops with up to one request per connection unanswered (the node accepted it all the same)
        in_flight = 16 + sum(args.clients)
        recorded = store.zcard(f"{prefix}:tasks:all")
        if not accepted <= recorded <= accepted + in_flight:
            raise RuntimeError(f"{accepted} tasks accepted (up to {in_flight} more in flight), {recorded} recorded")
        finish_s = await_finished(lambda: count(["SUCCESS", "FAILURE", "REVOKED"]), recorded,
                                  lambda: node.process.poll() is None)
        return {"stack": "taskq", "phases": measured, "accepted_total": accepted, "finished_after_s": finish_s,
                **throughput(accepted, load_s, finish_s), "jvm_args": args.jvm_args.strip(), "war": args.war}
    finally:
        if node:
            drain.stop(node.process)
        drain.delete_keys(store, prefix)
        drain.delete_queues(["taskq." + name, "taskq." + name + ".dead"])


def run_celery(args):
    queue = "celery-submit-" + uuid.uuid4().hex[:8]
    env, store = drain.celery_stack(queue, CELERY_REDIS_DB, args.workdir)
    port = drain.free_port()
    worker = gunicorn = None
    try:
        if not args.api_only:
            worker = drain.start_celery_worker(env, args.workdir)
        gunicorn = subprocess.Popen([sys.executable, "-m", "gunicorn", "--worker-class", "sync",
                                     "-w", str(2 * multiprocessing.cpu_count() + 1), "-b", f"127.0.0.1:{port}",
                                     "app:app"], cwd=drain.CELERY_DIR, env=env,
                                    stdout=open(os.path.join(args.workdir, "gunicorn.log"), "w"),
                                    stderr=subprocess.STDOUT)
        alive = lambda: (args.api_only or worker.poll() is None) and gunicorn.poll() is None  # noqa: E731
        deadline = time.time() + 60
        while subprocess.run(["curl", "-sf", "-o", "/dev/null", f"http://127.0.0.1:{port}/api/tasks/{uuid.uuid4()}"]
                             ).returncode != 0:
            if not alive() or time.time() > deadline:
                raise RuntimeError(f"the Celery stack did not serve the API; see {args.workdir}/*.log")
            time.sleep(0.25)
        if args.api_only:
            return api_only(port, args, "celery", lambda: drain.queue_depth(queue))
        accepted, load_s, measured = phases(port, args)
        # the result backend holds one key per finished task (Celery records no PENDING or STARTED state here)
        finish_s = await_finished(store.dbsize, accepted, alive)
        return {"stack": "celery", "phases": measured, "accepted_total": accepted, "finished_after_s": finish_s,
                **throughput(accepted, load_s, finish_s)}
    finally:
        for process in (gunicorn, worker):
            if process:
                drain.stop(process)
        store.flushdb()
        drain.delete_queues([queue])


def summarize(results_file, out):
    """Markdown of the runs: accepted tasks/s and p99 per client count and of the batch phase, median (min–max),
    taskq ÷ Celery."""
    runs = [json.loads(line) for line in open(results_file) if line.strip().startswith("{")]
    stacks = sorted({r["stack"] for r in runs}, key=lambda s: s != "taskq")
    # the client counts, then "batch" (one client posting arrays) when the runs had the batch phase
    clients = sorted({p["clients"] for r in runs for p in r["phases"]}, key=lambda c: (isinstance(c, str), str(c)))
    sizes = {p["size"] for r in runs for p in r["phases"] if "size" in p}

    def label(c):
        arrays = f"1 posting arrays of {'/'.join(map(str, sorted(sizes)))}"
        return {"batch": arrays, "batch-api": arrays + ", nothing consuming"}.get(c, str(c))

    def cell(values):
        values = sorted(values)
        median = values[len(values) // 2] if len(values) % 2 else (values[len(values) // 2 - 1]
                                                                    + values[len(values) // 2]) / 2
        return f"{median:g} ({values[0]:g}–{values[-1]:g})"

    def ratios(label, taskq, celery):
        each = [round(t / c, 2) for t, c in zip(taskq, celery)]
        return f"{label}, run by run: " + ", ".join(f"{x}×" for x in each) + f" (median {cell(each).split()[0]}×)"

    def phase_values(stack, c, field):
        return [p[field] for r in runs if r["stack"] == stack for p in r["phases"] if p["clients"] == c]

    lines = [f"# Submissions benchmark (wrk), {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC", "",
             f"{len([r for r in runs if 'mode' not in r]) // max(len(stacks), 1)} runs per stack (and "
             f"{len([r for r in runs if 'mode' in r]) // max(len(stacks), 1)} --api-only); median (min–max). In each "
             "run but --api-only ones, every accepted task was finished in the store before the run ended.", "",
             "| stack | clients | accepted tasks/s | submit (batch) p50 ms | submit (batch) p99 ms |",
             "| --- | ---: | ---: | ---: | ---: |"]
    for stack in stacks:
        for c in clients:
            lines.append(f"| {stack} | {label(c)} | {cell(phase_values(stack, c, 'accepted_per_s'))} | "
                         f"{cell(phase_values(stack, c, 'p50_ms'))} | {cell(phase_values(stack, c, 'p99_ms'))} |")
    if {"taskq", "celery"} <= set(stacks):
        lines.append("")
        for c in clients:
            lines.append(ratios(f"taskq ÷ Celery, clients {label(c)}", phase_values("taskq", c, "accepted_per_s"),
                                phase_values("celery", c, "accepted_per_s")))
    through = {stack: [r["through_per_s"] for r in runs if r["stack"] == stack and "through_per_s" in r]
               for stack in stacks}
    if all(through.values()):
        finished = {stack: [r["finished_after_s"] for r in runs if r["stack"] == stack and "through_per_s" in r]
                    for stack in stacks}
        lines += ["", "Accepted and finished over the whole run (from the warm-up's start until its last task was "
                  "finished): " + "; ".join(f"{stack} {cell(through[stack])} tasks/s, finished "
                  f"{cell(finished[stack])} s after the last phase" for stack in stacks)]
        if {"taskq", "celery"} <= set(stacks):
            lines.append(ratios("taskq ÷ Celery", through["taskq"], through["celery"]))
    drain.write_summary(out, lines, runs)


def main():
    if sys.argv[1:2] == ["summarize"]:
        summarize(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("stack", choices=["taskq", "celery"])
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--clients", type=lambda s: [int(c) for c in s.split(",")], default=[16, 64])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--batch-tasks", type=int, default=30000, help="tasks of the batch phase (0: none)")
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--api-only", action="store_true",
                        help="only the batch phase, with nothing consuming: a taskq web node, Flask without a worker")
    parser.add_argument("--warmup-seconds", type=int, default=20)
    parser.add_argument("--jvm-args", default="-Xmx512m")
    parser.add_argument("--war", help="another build of taskq.war, for an A/B run")
    args = parser.parse_args()
    print(json.dumps(run_taskq(args) if args.stack == "taskq" else run_celery(args)))


if __name__ == "__main__":
    main()
