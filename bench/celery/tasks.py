"""The seed demo's Celery app: RabbitMQ as broker, Redis as result backend, three tasks that simulate work.

Settings (environment): CELERY_BROKER_URL, CELERY_RESULT_BACKEND, CELERY_QUEUE (the queue the tasks go to and
the worker reads), WORK_DELAY_S (the simulated work of each task, default 2 s) and RETRY_DELAY_S (the pause
before a failed email is tried again, default 5 s). The benchmark sets both delays to 0.
"""
import os
import time

from celery import Celery

WORK_DELAY_S = float(os.environ.get("WORK_DELAY_S", "2"))
RETRY_DELAY_S = float(os.environ.get("RETRY_DELAY_S", "5"))

app = Celery(
    "tasks",
    broker=os.environ.get("CELERY_BROKER_URL", "amqp://guest:guest@127.0.0.1:5672//"),
    backend=os.environ.get("CELERY_RESULT_BACKEND", "redis://127.0.0.1:6379/0"),
)
app.conf.task_track_started = True
app.conf.task_default_queue = os.environ.get("CELERY_QUEUE", "celery")


@app.task(bind=True, max_retries=3)
def send_email(self, recipient, subject, body):
    """Pretends to send an email; a recipient containing "fail" fails it: retried 3 times, then FAILURE."""
    time.sleep(WORK_DELAY_S)
    if "fail" in recipient:
        raise self.retry(exc=ConnectionError(f"could not send the email to {recipient}"),
                         countdown=RETRY_DELAY_S)
    return f"Email sent to {recipient} with subject '{subject}'"


@app.task
def reverse_text(text):
    time.sleep(WORK_DELAY_S)
    return text[::-1]


@app.task
def analyze_sentiment(text):
    time.sleep(WORK_DELAY_S)
    return "positive" if "good" in text.lower() else "negative"
