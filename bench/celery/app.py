"""The seed demo's Flask app (run it under gunicorn): submits Celery tasks and reports their state.

Two shapes of the same API: the seed's form endpoints (POST /submit, GET /check_status/<id>) and the JSON one the
taskq benchmark speaks (POST /api/tasks, GET /api/tasks/<id>). POST /api/tasks also takes a JSON array of 1 to 1 000
tasks, all or none, queued with celery.group(...).apply_async() (the issue's anchor for taskq's batch submission),
answered with one {task_id, state} per task in the order sent.
"""
from celery import group
from celery.result import AsyncResult
from flask import Flask, jsonify, request

from tasks import analyze_sentiment, app as celery_app, reverse_text, send_email

app = Flask(__name__)


MAX_BATCH = 1000


def signature(kind, fields):
    """The task of one kind ("email", "reverse", "sentiment") as a Celery signature; None for an unknown kind."""
    if kind == "email":
        return send_email.s(fields.get("recipient", ""), fields.get("subject", ""), fields.get("body", ""))
    if kind == "reverse":
        return reverse_text.s(fields.get("text", ""))
    if kind == "sentiment":
        return analyze_sentiment.s(fields.get("text", ""))
    return None


def submit(kind, fields):
    """Queues a task of one kind; None for an unknown kind."""
    task = signature(kind, fields)
    return None if task is None else task.delay()


def status(task_id):
    """The task as Celery's result backend reports it; an error's text as its result."""
    task = AsyncResult(task_id, app=celery_app)
    if task.state == "SUCCESS":
        result = task.result
    elif task.state in ("FAILURE", "RETRY"):
        result = str(task.info)
    else:
        result = None
    return jsonify(task_id=task_id, state=task.state, result=result)


@app.post("/submit")
def submit_form():
    task = submit(request.form.get("form_type"), request.form)
    if task is None:
        return jsonify(error="unknown form_type"), 400
    return jsonify(task_id=task.id)


@app.get("/check_status/<task_id>")
def check_status(task_id):
    return status(task_id)


@app.post("/api/tasks")
def submit_json():
    fields = request.get_json(silent=True) or {}
    if isinstance(fields, list):
        return submit_batch(fields)
    task = submit(fields.get("type"), fields)
    if task is None:
        return jsonify(error="unknown type"), 400
    return jsonify(task_id=task.id, state="PENDING"), 202


def submit_batch(tasks):
    """Checks every task first (one bad task refuses them all), then queues them as one group, ids in order."""
    if not 1 <= len(tasks) <= MAX_BATCH:
        return jsonify(error=f"a batch holds 1 to {MAX_BATCH} tasks"), 400
    signatures = [signature(t.get("type"), t) if isinstance(t, dict) else None for t in tasks]
    bad = [index for index, s in enumerate(signatures) if s is None]
    if bad:
        return jsonify(error=f"task [{bad[0]}]: not an object of a known type"), 400
    queued = group(signatures).apply_async()
    return jsonify([{"task_id": task.id, "state": "PENDING"} for task in queued.results]), 202


@app.get("/api/tasks/<task_id>")
def get_task(task_id):
    return status(task_id)
