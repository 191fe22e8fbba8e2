"""Gunicorn's settings for app.py, read from this directory; the benchmark passes the same ones on its command line.

Two worker processes (one per core of the machine the course measures on) of 100 threads each: 200
requests at once, the same as the Java blocking routes' pool of 200 threads. Each request holds its
thread while it waits, in all three routes, so at most 200 requests per latency get answered.
"""

import os
import signal
import threading

wsgi_app = "app:app"
bind = "127.0.0.1:8000"
worker_class = "gthread"
workers = 2
threads = 100
# keep every load-test client's connection alive (gthread closes the ones past worker_connections - threads)
worker_connections = 2000
keepalive = 5
graceful_timeout = 5


# A program started by a JVM inherits its blocked SIGQUIT (the JVM keeps that signal for its thread
# dumps), and gunicorn's quick stop tells workers to quit with SIGQUIT: unblocked here, in the
# master, before it forks its workers, or they would each wait out graceful_timeout and be killed.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGQUIT})


def when_ready(server):
    # Started by a program (chapter 09's benchmark) that holds our stdin open: when it closes it, or
    # ends, even killed, stdin reaches its end and we stop at once (SIGINT: no waiting for idle
    # keep-alive connections, as SIGTERM's graceful stop does), so no gunicorn is left behind.
    if os.environ.get("STOP_AT_STDIN_END") == "1":
        def stop_when_parent_is_gone():
            # os.read, not sys.stdin: the workers are forked while this thread waits, and must not
            # inherit a Python-level lock on stdin held by it
            while os.read(0, 4096):
                pass
            os.kill(os.getpid(), signal.SIGINT)

        threading.Thread(target=stop_when_parent_is_gone, name="stdin-watch", daemon=True).start()
