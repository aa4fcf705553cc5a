"""The seed demo's Flask app (run it under gunicorn): submits Celery tasks and reports their state.

Two shapes of the same API: the seed's form endpoints (POST /submit, GET /check_status/<id>) and the JSON one the
taskq benchmark speaks (POST /api/tasks, GET /api/tasks/<id>).
"""
from celery.result import AsyncResult
from flask import Flask, jsonify, request

from tasks import analyze_sentiment, app as celery_app, reverse_text, send_email

app = Flask(__name__)


def submit(kind, fields):
    """Queues a task of one kind ("email", "reverse", "sentiment"); None for an unknown kind."""
    if kind == "email":
        return send_email.delay(fields.get("recipient", ""), fields.get("subject", ""), fields.get("body", ""))
    if kind == "reverse":
        return reverse_text.delay(fields.get("text", ""))
    if kind == "sentiment":
        return analyze_sentiment.delay(fields.get("text", ""))
    return None


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
    task = submit(fields.get("type"), fields)
    if task is None:
        return jsonify(error="unknown type"), 400
    return jsonify(task_id=task.id, state="PENDING"), 202


@app.get("/api/tasks/<task_id>")
def get_task(task_id):
    return status(task_id)
