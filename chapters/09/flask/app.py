"""The article's Flask app, written for this course: three routes that fetch the same pages three ways.

It fetches the recipe pages of the course's SlowUpstream, never the internet:

    UPSTREAM_URL=http://127.0.0.1:8080 PAGES=10 /usr/bin/python3 -m gunicorn app:app

(run from this directory; gunicorn.conf.py sets the workers and threads). Chapter 09's benchmark
starts it that way by itself: mvn -pl chapters/09 exec:java@flask

Every page answers the same shape as the Java chapter's routes: "URLs:" and one table row per page,
<tr class="result" data-url="..." data-status="...">, so one load generator reads both.
"""

import asyncio
import ipaddress
import os
import threading
import time
from urllib.parse import urlsplit

import aiohttp
import requests
from flask import Flask, render_template

# Each call's own limit, as the Java chapter's App.CALL_TIMEOUT: a page that never answers costs at most this.
CALL_TIMEOUT_S = 3.0
# A recipe page is a few KiB; a body past this is not read, as the Java chapter's PageReader.
MAX_BODY_BYTES = 1024 * 1024
MAX_TITLE_CHARS = 200

ROUTES = {
    "/sync_get_urls": ("sync", "requests.get for one page after another, on the worker thread"),
    "/async_get_urls_v1": ("async v1", "asyncio.run inside a sync route: aiohttp tasks gathered, the worker thread waiting"),
    "/async_get_urls_v2": ("async v2", "an async def route: aiohttp tasks gathered; the worker thread still waits for it"),
}


def upstream_pages():
    """The recipe page URLs of the upstream named by UPSTREAM_URL and PAGES; refuses anything off this machine.

    A wrong setting raises an error while gunicorn's worker imports the app: gunicorn then stops
    with "Worker failed to boot" instead of starting a new worker that fails the same way.
    """
    base = os.environ.get("UPSTREAM_URL", "").rstrip("/")
    if not base:
        raise RuntimeError("UPSTREAM_URL is not set: give the course's SlowUpstream, e.g. UPSTREAM_URL=http://127.0.0.1:8080"
                         " (start one with: mvn -pl lab exec:java)")
    parts = urlsplit(base)
    if parts.scheme != "http" or not _is_loopback(parts.hostname or ""):
        raise RuntimeError(f"UPSTREAM_URL must be an http URL on this machine (127.x.x.x, localhost, [::1]), got '{base}':"
                         " this app fetches the course's SlowUpstream, never the internet")
    text = os.environ.get("PAGES", "10")
    if not text.isdigit() or not 1 <= int(text) <= 50:
        raise RuntimeError(f"PAGES must be a whole number from 1 to 50, got '{text}'")
    return [f"{base}/recipes/{page}" for page in range(1, int(text) + 1)]


def _is_loopback(host):
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name other than localhost: resolving it here would let DNS decide


URLS = upstream_pages()
app = Flask(__name__)


def row(url, started, status, title="", detail=""):
    """One page's row: status is the HTTP code of an answer read, else what went wrong (as the Java pages say it)."""
    return {"url": url, "status": str(status), "ok": status == 200, "title": title, "detail": detail,
            "ms": round((time.perf_counter() - started) * 1000)}


def title_of(html):
    """The text of the first <title>, found with plain searches: a lazy regex is quadratic on a hostile body."""
    lower = html.lower()
    start = lower.find("<title")
    text_start = lower.find(">", start) + 1 if start >= 0 else 0
    end = lower.find("</title", text_start) if text_start > 0 else -1
    title = html[text_start:end].strip() if end >= 0 else ""
    return title if len(title) <= MAX_TITLE_CHARS else title[:MAX_TITLE_CHARS] + "\u2026"


def read_capped(chunks):
    """At most one byte past the limit: enough to know a body is too large without holding all of it."""
    body = bytearray()
    for chunk in chunks:
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            break
    return bytes(body)


def answered(url, started, status, body):
    if status in (301, 302, 303, 307, 308):
        return row(url, started, "redirected", detail=f"HTTP {status}, not followed")
    if len(body) > MAX_BODY_BYTES:
        return row(url, started, "too large", detail=f"body larger than {MAX_BODY_BYTES // 1024} KiB, not read")
    detail = "" if status == 200 else f"upstream answered HTTP {status}"
    return row(url, started, status, title_of(body.decode("utf-8", "replace")), detail)


# tag::sequential[]
def fetch_blocking(url):
    """requests.get opens a new connection for every call, as the article's sync route did."""
    started = time.perf_counter()
    try:
        # the timeout bounds the connect and each read; requests has no deadline for the whole call
        response = requests.get(url, timeout=CALL_TIMEOUT_S, allow_redirects=False, stream=True)
    except requests.Timeout:
        return row(url, started, "timeout", detail=f"no answer within {CALL_TIMEOUT_S:g} s")
    except requests.ConnectionError:
        return row(url, started, "unreachable", detail="could not connect")
    with response:
        try:
            body = read_capped(response.iter_content(64 * 1024))
        except requests.RequestException:
            return row(url, started, "connection lost", detail="the answer broke off")
    return answered(url, started, response.status_code, body)


@app.get("/sync_get_urls")
def sync_get_urls():
    started = time.perf_counter()
    rows = [fetch_blocking(url) for url in URLS]  # one after another: the sum of the calls
    return page("/sync_get_urls", rows, started)
# end::sequential[]


# tag::gather[]
async def fetch(session, url):
    started = time.perf_counter()
    try:
        async with session.get(url, allow_redirects=False) as response:
            body = bytearray()
            while len(body) <= MAX_BODY_BYTES:  # read() returns what has come so far, up to the size asked
                chunk = await response.content.read(MAX_BODY_BYTES + 1 - len(body))
                if not chunk:
                    break
                body += chunk
            return answered(url, started, response.status, bytes(body))
    except asyncio.TimeoutError:
        return row(url, started, "timeout", detail=f"no answer within {CALL_TIMEOUT_S:g} s")
    except aiohttp.ClientConnectorError:
        return row(url, started, "unreachable", detail="could not connect")
    except aiohttp.ClientError:
        return row(url, started, "connection lost", detail="the answer broke off")


async def fetch_all(urls):
    """Every call started at once on this thread's event loop; gather keeps the rows in page order."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=CALL_TIMEOUT_S)) as session:
        tasks = [asyncio.create_task(fetch(session, url)) for url in urls]
        return await asyncio.gather(*tasks)


@app.get("/async_get_urls_v1")
def async_get_urls_v1():
    started = time.perf_counter()
    rows = asyncio.run(fetch_all(URLS))  # a new event loop for this request; the worker thread blocks until it ends
    return page("/async_get_urls_v1", rows, started)


@app.get("/async_get_urls_v2")
async def async_get_urls_v2():
    # Flask runs a coroutine view through asgiref: a new event loop in a helper thread, the worker thread waiting for it
    started = time.perf_counter()
    rows = await fetch_all(URLS)
    return page("/async_get_urls_v2", rows, started)
# end::gather[]


def page(route, rows, started):
    label, how = ROUTES[route]
    return render_template("urls.html", label=label, how=how, rows=rows,
                           wall_ms=round((time.perf_counter() - started) * 1000),
                           sum_ms=sum(r["ms"] for r in rows), slowest_ms=max((r["ms"] for r in rows), default=0),
                           where=f"process {os.getpid()}, thread {threading.current_thread().name}")


@app.get("/")
def home():
    return render_template("index.html", routes=ROUTES, pages=len(URLS), upstream=URLS[0].rsplit("/recipes/", 1)[0])


@app.errorhandler(404)
def not_found(error):
    return render_template("index.html", routes=ROUTES, pages=len(URLS), upstream=URLS[0].rsplit("/recipes/", 1)[0],
                           missing=True), 404


@app.errorhandler(500)
def failed(error):
    # never a stack trace on the page; gunicorn's log has it
    return "The page could not be made; the server log says why.\n", 500, {"Content-Type": "text/plain; charset=utf-8"}


if __name__ == "__main__":
    raise SystemExit("Run it under gunicorn, from this directory: UPSTREAM_URL=http://127.0.0.1:8080 /usr/bin/python3 -m gunicorn app:app")
