"""Drain benchmark (issue 15): N tasks queued while nothing consumes, then ONE fresh worker drains them.

One run of one stack, its result as one JSON line on stdout (bench/run-drain.sh runs taskq and Celery run by run
and writes the summary):

  python3 drain.py taskq  --tasks 10000 --workdir DIR [--jvm-args "..."] [--war FILE] [--rar FILE]
  python3 drain.py celery --tasks 10000 --workdir DIR

taskq: a web-only Payara Micro node (TASKQ_ROLE=web) accepts the tasks (batch POSTs of JSON arrays when the node
takes them, else concurrent single POSTs) and is stopped; then a TASKQ_ROLE=worker node (pool 4,
TASKQ_WORK_DELAY_MS=0) is launched on the same queue and Redis key prefix. Celery: the tasks are sent with
apply_async while no worker runs, then `celery worker --pool prefork --concurrency 4` is launched. The rate is taken
from the first finish to the last finish in the stores' own records: the task hashes' finished_at (taskq), the
result backend's date_done (Celery). While it drains, the worker's memory is sampled every 0.25 s: the proportional
set size (PSS, /proc/PID/smaps_rollup) summed over the worker process and its children, so that Celery's prefork
children, which share pages with their parent, are not counted twice; peak_memory_mib is its highest value, and
peak_rss_mib the highest sum of their resident set sizes (which counts shared pages once per process). Its CPU
time (utime + stime of the same processes) is sampled too: drain_cpu_ms_per_task is what it spent from just before
the first finish to just after the last, per task (the start is not in it). finishes_per_half_second counts the
finishes in each half second from the first: how a fresh worker's rate builds up.
Everything a run made (queues, keys, the Celery Redis database) is deleted.
"""
import argparse
import concurrent.futures
import datetime
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid

import redis

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CELERY_DIR = os.path.join(ROOT, "bench", "celery")
CELERY_REDIS_DB = 4
DRAIN_TIMEOUT_S = 600


def mixed_tasks(n):
    """The mix of the issue: reverse, sentiment, email in turn; no failing recipients."""
    kinds = [
        lambda i: {"type": "reverse", "text": f"drain text {i}"},
        lambda i: {"type": "sentiment", "text": f"a good day {i}" if i % 2 else f"a bad day {i}"},
        lambda i: {"type": "email", "recipient": f"user{i}@example.com", "subject": "drain", "body": f"task {i}"},
    ]
    return [kinds[i % 3](i) for i in range(n)]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(process, timeout=30):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def rates(finishes, launched):
    """Drain figures from the finish instants (epoch seconds) and the worker's launch instant."""
    finishes = sorted(finishes)
    n = len(finishes)
    span = finishes[-1] - finishes[0]
    half = finishes[n // 2:]
    per_half_second = [0] * (int(span * 2) + 1)
    for f in finishes:
        per_half_second[int((f - finishes[0]) * 2)] += 1
    return {
        "tasks": n,
        "drain_tasks_per_s": round((n - 1) / span, 1) if span > 0 else None,
        "warm_tasks_per_s": round((len(half) - 1) / (half[-1] - half[0]), 1) if half[-1] > half[0] else None,
        "launch_to_first_task_s": round(finishes[0] - launched, 2),
        "launch_to_last_task_s": round(finishes[-1] - launched, 2),
        "first_to_last_s": round(span, 2),
        # how the rate builds up: finishes in each half second from the first (a fresh worker's warm-up)
        "finishes_per_half_second": per_half_second,
    }


def iso_seconds(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


# ---------------------------------------------------------------- taskq

def taskq_artifacts(workdir, war=None, rar=None):
    """Copies of the Payara Micro jar, the RAR and the WAR (the build's, or the given ones) in workdir, so that a
    build of micro/ during the run does not change what the nodes load."""
    artifacts = {
        "jar": os.path.join(ROOT, "micro/target/payara/payara-micro.jar"),
        "rar": rar or os.path.join(ROOT, "micro/target/payara/rabbitmq-ra.rar"),
        "war": war or os.path.join(ROOT, "micro/target/taskq.war"),
    }
    os.makedirs(workdir, exist_ok=True)
    for key in artifacts:
        copy = os.path.join(workdir, os.path.basename(artifacts[key]))
        subprocess.run(["cp", artifacts[key], copy], check=True)
        artifacts[key] = copy
    return artifacts


def delete_keys(store, prefix):
    """Deletes every Redis key under prefix (a run's task records and indexes)."""
    cursor = 0
    while True:
        cursor, found = store.scan(cursor, match=prefix + ":*", count=5000)
        if found:
            store.unlink(*found)
        if cursor == 0:
            break


class TaskqNode:
    """One Payara Micro node started by the one launcher (payara-config/micro/start-micro.sh)."""

    def __init__(self, role, name, workdir, artifacts, jvm_args, port, cds_dir=None):
        self.role, self.port = role, port
        env = {k: v for k, v in os.environ.items() if not k.startswith("TASKQ_")}
        env.update({
            "TASKQ_ROLE": role,
            "JVM_ARGS": jvm_args,
            "TASKQ_MICRO_JAR": artifacts["jar"], "TASKQ_RAR": artifacts["rar"], "TASKQ_WAR": artifacts["war"],
            "TASKQ_HTTP_PORT": str(port),
            "TASKQ_ROOT_DIR": os.path.join(workdir, role + "-root"),
            "TASKQ_WORK_DELAY_MS": "0",
            "TASKQ_QUEUE": "taskq." + name,
            "TASKQ_DEAD_LETTER_QUEUE": "taskq." + name + ".dead",
            "TASKQ_REDIS_KEY_PREFIX": "taskq-" + name,
            "TASKQ_INSTANCE_NAME": name + "-" + role,
        })
        if cds_dir:  # started as the container image starts: from a class-data archive of a start (--prepare-cds)
            env["TASKQ_CDS_DIR"] = cds_dir
        subprocess.run(["rm", "-rf", env["TASKQ_ROOT_DIR"]], check=True)
        self.log = os.path.join(workdir, role + ".log")
        self.launched = time.time()
        self.process = subprocess.Popen([os.path.join(ROOT, "payara-config", "micro", "start-micro.sh")], env=env,
                                        stdout=open(self.log, "w"), stderr=subprocess.STDOUT)

    def await_api(self, timeout=240):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the {self.role} node exited; see {self.log}")
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                c.request("GET", f"/api/tasks/{uuid.uuid4()}", headers={"Accept": "application/json"})
                r = c.getresponse()
                r.read()
                if r.status == 404 and "json" in (r.getheader("Content-Type") or ""):
                    return
            except OSError:
                pass
            time.sleep(0.25)
        raise RuntimeError(f"the {self.role} node did not serve the API in {timeout} s; see {self.log}")


def post(connection, body):
    connection.request("POST", "/api/tasks", body=json.dumps(body),
                       headers={"Content-Type": "application/json", "Accept": "application/json"})
    response = connection.getresponse()
    text = response.read()
    if response.status != 202:
        raise RuntimeError(f"POST /api/tasks answered {response.status}: {text[:300]!r}")
    return json.loads(text)


def submit_taskq(port, tasks, clients=16, batch=500):
    """Ids of the accepted tasks; batches of `batch` if the node takes a JSON array, else single POSTs."""
    def connection():
        return http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    probe = connection()
    probe.request("POST", "/api/tasks", body=json.dumps(tasks[:1]),
                  headers={"Content-Type": "application/json", "Accept": "application/json"})
    answer = probe.getresponse()
    text = answer.read()
    batches = answer.status == 202 and text.strip().startswith(b"[")
    ids = [a["task_id"] for a in json.loads(text)] if batches else []
    if not batches and answer.status == 202:
        ids = [json.loads(text)["task_id"]]
    rest = tasks[1:]
    started = time.time()
    if batches:
        chunks = [rest[i:i + batch] for i in range(0, len(rest), batch)]
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            def send(chunk):
                c = connection()
                try:
                    return [a["task_id"] for a in post(c, chunk)]
                finally:
                    c.close()
            for part in pool.map(send, chunks):
                ids.extend(part)
    else:
        slices = [rest[i::clients] for i in range(clients)]
        with concurrent.futures.ThreadPoolExecutor(clients) as pool:
            def send(part):
                c = connection()
                try:
                    return [post(c, t)["task_id"] for t in part]
                finally:
                    c.close()
            for part in pool.map(send, slices):
                ids.extend(part)
    return ids, ("batch" if batches else "single"), time.time() - started


class WorkerSampler(threading.Thread):
    """Samples the PSS, the RSS and the CPU time of a process and its descendants every 0.25 s until stopped; stop()
    gives the highest sum of each memory, in MiB, and cpu_ms_per_task() the CPU they spent while draining."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_pss_kib = self.peak_rss_kib = 0
        self.cpu_samples = []  # (epoch seconds, CPU seconds of the tree so far)
        self.done = threading.Event()

    def run(self):
        while True:
            tree = process_tree(self.pid)
            sizes = [memory_kib(p) for p in tree]
            self.cpu_samples.append((time.time(), sum(cpu_seconds(p) for p in tree)))
            self.peak_pss_kib = max(self.peak_pss_kib, sum(pss for pss, _ in sizes))
            self.peak_rss_kib = max(self.peak_rss_kib, sum(rss for _, rss in sizes))
            if self.done.is_set():  # the last sample is taken after stop() is called
                return
            self.done.wait(0.25)

    def stop(self):
        self.done.set()
        self.join()
        return round(self.peak_pss_kib / 1024), round(self.peak_rss_kib / 1024)

    def cpu_ms_per_task(self, finishes):
        """The tree's CPU ms per task from the last sample before the first finish to the first sample after the
        last one (the start is not in it); None when the samples do not span the drain."""
        before = [cpu for t, cpu in self.cpu_samples if t <= min(finishes)]
        after = [cpu for t, cpu in self.cpu_samples if t >= max(finishes)]
        if not before or not after:
            return None
        return round((after[0] - before[-1]) * 1000 / len(finishes), 3)


def stat_fields(pid):
    """The fields of /proc/PID/stat after the command name (the first is the state, field 3); None once it is
    gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def cpu_seconds(pid):
    """utime + stime of one process, in seconds; 0 once it is gone."""
    fields = stat_fields(pid)
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") if fields else 0


def process_tree(root):
    """root and its descendants' pids, from /proc."""
    children = {}
    for entry in os.listdir("/proc"):
        fields = stat_fields(entry) if entry.isdigit() else None
        if fields:
            children.setdefault(int(fields[1]), []).append(int(entry))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def memory_kib(pid):
    """(PSS, RSS) of one process in KiB, from /proc/PID/smaps_rollup; (0, 0) once it is gone."""
    sizes = {}
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith(("Pss:", "Rss:")):
                    sizes[line.split(":")[0]] = int(line.split()[1])
    except OSError:
        pass
    return sizes.get("Pss", 0), sizes.get("Rss", 0)


def await_finishes(fetch, n, until_alive, timeout=DRAIN_TIMEOUT_S):
    """Polls the store until n finish instants are there; returns them."""
    deadline = time.time() + timeout
    while True:
        finishes = fetch()
        if len(finishes) >= n:
            return finishes
        if not until_alive():
            raise RuntimeError(f"the worker exited with {len(finishes)} of {n} tasks finished")
        if time.time() > deadline:
            raise RuntimeError(f"{len(finishes)} of {n} tasks finished after {timeout} s")
        time.sleep(1)


def run_taskq(args):
    name = "drain-" + uuid.uuid4().hex[:8]
    prefix = "taskq-" + name
    store = redis.Redis(host="127.0.0.1", port=6379)
    artifacts = taskq_artifacts(args.workdir, args.war, args.rar)
    web = worker = None
    try:
        web = TaskqNode("web", name, args.workdir, artifacts, "", free_port())
        web.await_api()
        ids, mode, submit_s = submit_taskq(web.port, mixed_tasks(args.tasks))
        stop(web.process)
        keys = [f"{prefix}:task:{i}" for i in ids]

        def fetch():
            pipe = store.pipeline(transaction=False)
            for k in keys:
                pipe.hget(k, "finished_at")
            return [iso_seconds(v.decode()) for v in pipe.execute() if v]

        if fetch():
            raise RuntimeError("tasks finished before the worker started: something else consumes the queue")
        worker = TaskqNode("worker", name, args.workdir, artifacts, args.jvm_args, free_port(), args.cds_dir)
        memory = WorkerSampler(worker.process.pid)
        memory.start()
        try:
            finishes = await_finishes(fetch, len(ids), lambda: worker.process.poll() is None)
        finally:
            peak_mib, peak_rss_mib = memory.stop()
        result = rates(finishes, worker.launched)
        result["peak_memory_mib"] = peak_mib
        result["peak_rss_mib"] = peak_rss_mib
        result["drain_cpu_ms_per_task"] = memory.cpu_ms_per_task(finishes)
        states = {}
        pipe = store.pipeline(transaction=False)
        for k in keys:
            pipe.hmget(k, "state", "commits")
        for state, commits in pipe.execute():
            states[(state or b"?").decode() + "/commits=" + (commits or b"?").decode()] = \
                states.get((state or b"?").decode() + "/commits=" + (commits or b"?").decode(), 0) + 1
        result.update({"stack": "taskq", "cds": bool(args.cds_dir), "jvm_args": args.jvm_args.strip(), "submission": mode, "submit_s": round(submit_s, 2), "end_states": states})
        return result
    finally:
        for node in (web, worker):
            if node:
                stop(node.process)
        delete_keys(store, prefix)
        delete_queues(["taskq." + name, "taskq." + name + ".dead"])


def queue_depth(queue):
    """Messages ready on the queue, once the count stops changing."""
    last = -1
    while True:
        out = subprocess.run(["rabbitmqctl", "-q", "list_queues", "name", "messages_ready"], capture_output=True,
                             text=True, check=True).stdout
        depth = next((int(line.split()[1]) for line in out.splitlines() if line.split()[:1] == [queue]), 0)
        if depth == last:
            return depth
        last = depth
        time.sleep(1)


def delete_queues(queues):
    for q in queues:
        subprocess.run(["rabbitmqctl", "-q", "delete_queue", q], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)


# ---------------------------------------------------------------- Celery

def celery_stack(queue, redis_db, workdir):
    """The environment of bench/celery's processes on queue with the result backend in Redis database redis_db (no
    simulated work), and that database, which must be empty (the run flushes it)."""
    env = dict(os.environ, CELERY_BROKER_URL="amqp://guest:guest@127.0.0.1:5672//",
               CELERY_RESULT_BACKEND=f"redis://127.0.0.1:6379/{redis_db}", CELERY_QUEUE=queue,
               WORK_DELAY_S="0", RETRY_DELAY_S="0")
    store = redis.Redis(host="127.0.0.1", port=6379, db=redis_db)
    if store.dbsize():
        raise RuntimeError(f"Redis database {redis_db} holds keys; the run flushes it, so it must be empty")
    os.makedirs(workdir, exist_ok=True)
    return env, store


def start_celery_worker(env, workdir):
    """`celery worker --pool prefork --concurrency 4` on env's queue, its output in workdir/celery.log."""
    return subprocess.Popen([sys.executable, "-m", "celery", "-A", "tasks", "worker", "--pool", "prefork",
                             "--concurrency", "4", "-Q", env["CELERY_QUEUE"], "--loglevel", "WARNING"],
                            cwd=CELERY_DIR, env=env, stdout=open(os.path.join(workdir, "celery.log"), "w"),
                            stderr=subprocess.STDOUT)


def run_celery(args):
    queue = "celery-drain-" + uuid.uuid4().hex[:8]
    env, store = celery_stack(queue, CELERY_REDIS_DB, args.workdir)
    worker = None
    try:
        submit = subprocess.run([sys.executable, "-c", SUBMIT_CELERY, str(args.tasks)], cwd=CELERY_DIR, env=env,
                                check=True, capture_output=True, text=True)
        ids = json.loads(submit.stdout)
        keys = [f"celery-task-meta-{i}" for i in ids["ids"]]

        def fetch():
            pipe = store.pipeline(transaction=False)
            for k in keys:
                pipe.get(k)
            out = []
            for v in pipe.execute():
                if v:
                    meta = json.loads(v)
                    if meta.get("status") in ("SUCCESS", "FAILURE") and meta.get("date_done"):
                        out.append(iso_seconds(meta["date_done"]) if "+" in meta["date_done"] or
                                   meta["date_done"].endswith("Z") else
                                   datetime.datetime.fromisoformat(meta["date_done"]).replace(
                                       tzinfo=datetime.timezone.utc).timestamp())
            return out

        queued = queue_depth(queue)
        launched = time.time()
        worker = start_celery_worker(env, args.workdir)
        memory = WorkerSampler(worker.pid)
        memory.start()
        try:
            # what the broker holds is what a worker can finish (a run found fewer than were sent: it says so)
            finishes = await_finishes(fetch, queued, lambda: worker.poll() is None)
        finally:
            peak_mib, peak_rss_mib = memory.stop()
        time.sleep(2)
        finishes = fetch()
        result = rates(finishes, launched)
        result["peak_memory_mib"] = peak_mib
        result["peak_rss_mib"] = peak_rss_mib
        result["drain_cpu_ms_per_task"] = memory.cpu_ms_per_task(finishes)
        result.update({"stack": "celery", "submission": "apply_async", "submit_s": ids["seconds"],
                       "sent": len(keys), "queued": queued})
        return result
    finally:
        if worker:
            stop(worker)
        store.flushdb()
        delete_queues([queue])


SUBMIT_CELERY = """
import json, sys, time
from tasks import analyze_sentiment, reverse_text, send_email
n = int(sys.argv[1])
started = time.time()
ids = []
for i in range(n):
    k = i % 3
    if k == 0:
        r = reverse_text.apply_async((f"drain text {i}",))
    elif k == 1:
        r = analyze_sentiment.apply_async((f"a good day {i}" if i % 2 else f"a bad day {i}",))
    else:
        r = send_email.apply_async((f"user{i}@example.com", "drain", f"task {i}"))
    ids.append(r.id)
print(json.dumps({"ids": ids, "seconds": round(time.time() - started, 2)}))
"""


def summarize(results_file, out):
    """Markdown of the runs in results_file (one JSON line each): median (min–max) per stack, taskq ÷ Celery."""
    runs = [json.loads(line) for line in open(results_file) if line.strip().startswith("{")]
    stacks = sorted({r["stack"] for r in runs}, key=lambda s: s != "taskq")
    fields = ["drain_tasks_per_s", "warm_tasks_per_s", "launch_to_first_task_s", "first_to_last_s", "peak_memory_mib",
              "peak_rss_mib", "drain_cpu_ms_per_task"]

    def cell(values):
        values = sorted(v for v in values if v is not None)
        if not values:
            return "—"
        median = values[len(values) // 2] if len(values) % 2 else (values[len(values) // 2 - 1]
                                                                    + values[len(values) // 2]) / 2
        return f"{median:g} ({values[0]:g}–{values[-1]:g})"

    def value(run, field):
        return run.get(field)  # runs recorded before a field existed have none

    lines = [f"# Drain benchmark, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
             "", f"{len(runs) // max(len(stacks), 1)} runs per stack; median (min–max). Rate: first to last finish in the store's records; warm: "
             "the second half of the finishes.", "",
             "| stack | tasks | drain tasks/s | warm tasks/s | launch → first task s | first → last s | peak memory MiB (PSS) | peak RSS MiB (summed) | worker CPU ms per task, draining |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for stack in stacks:
        mine = [r for r in runs if r["stack"] == stack]
        lines.append(f"| {stack} | {mine[0]['tasks']} | " + " | ".join(cell([value(r, f) for r in mine]) for f in fields)
                     + " |")
    taskq = [r["drain_tasks_per_s"] for r in runs if r["stack"] == "taskq"]
    celery = [r["drain_tasks_per_s"] for r in runs if r["stack"] == "celery"]
    if taskq and celery:
        ratios = [round(t / c, 2) for t, c in zip(taskq, celery) if t and c]
        lines += ["", "taskq ÷ Celery, run by run: " + ", ".join(f"{x}×" for x in ratios)]
        memory = [(value(t, "peak_memory_mib"), value(c, "peak_memory_mib"))
                  for t, c in zip([r for r in runs if r["stack"] == "taskq"], [r for r in runs if r["stack"] == "celery"])]
        memory = [round(t / c, 2) for t, c in memory if t and c]
        if memory:
            lines += ["", "peak memory, taskq ÷ Celery, run by run: " + ", ".join(f"{x}×" for x in memory)]
    write_summary(out, lines, runs)


def write_summary(out, head, runs):
    """Writes the summary's head (Markdown lines) and then every run as JSON to out; prints the head."""
    with open(out, "w") as f:
        f.write("\n".join(head + ["", "Runs:", ""] + [f"- `{json.dumps(r)}`" for r in runs]) + "\n")
    print("\n".join(head))


def main():
    if sys.argv[1:2] == ["summarize"]:
        summarize(sys.argv[2], sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("stack", choices=["taskq", "celery"])
    parser.add_argument("--tasks", type=int, default=10000)
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--jvm-args", default="")
    parser.add_argument("--war")
    parser.add_argument("--rar")
    parser.add_argument("--cds-dir", help="a directory made by start-micro.sh --prepare-cds: the worker starts from it")
    args = parser.parse_args()
    result = run_taskq(args) if args.stack == "taskq" else run_celery(args)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
