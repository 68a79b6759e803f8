#!/usr/bin/env python3
"""Taawun's benchmark (issue 12, part 6): the release server on a generated data set, beside
a lean reference server (axum + SQLite), measured with wrk from a logged-in reader's seat.
With --postgres (issue 15, part 7) the same targets are measured again on a copy of the data
in PostgreSQL, with one node and with two nodes serving the same database.

Python 3 standard library only. See bench/README.md for what it measures and why; run
`python3 bench/run.py --help` for the options.
"""

import argparse
import csv
import glob
import io
import json
import os
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import http.client

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

# The issue's targets. Lists and details are compared with the reference's 25-row page.
RATIO_LIST = 0.15
RATIO_DASHBOARD = 0.10
RATIO_SEARCH = 0.15
P99_MS = 50.0
EXPORT_MS = 500.0
RSS_MIB = 150.0
FIRST_PAGE_S = 2.0
# Issue 15, part 7: every page on PostgreSQL (one node) against SQLite and the reference.
PG_OF_SQLITE = 0.50
PG_OF_REFERENCE = 0.08
PG_DATABASE = "taawun_bench"

# Counts every answer that is not 200: wrk itself only counts answers outside 2xx/3xx, so a
# target redirecting to the login page would otherwise look fast and healthy.
STATUS_LUA = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) not_ok = 0 end
function response(status, headers, body)
  if status ~= 200 then not_ok = not_ok + 1 end
end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("not_ok") end
  io.write(string.format("not-200: %d\\n", n))
end
"""


class Failure(Exception):
    """A problem the person running the benchmark must fix; printed without a traceback."""


def say(msg=""):
    print(msg, flush=True)


# ---------------------------------------------------------------- prerequisites and builds


def check_prerequisites(args):
    missing = []
    if shutil.which("wrk") is None:
        missing.append("wrk is missing: apt-get install wrk (Debian/Ubuntu)")
    if args.bin is None and shutil.which("cargo") is None:
        missing.append("cargo is missing: install the Rust toolchain (see rust-toolchain.toml)")
    if not args.no_reference and not os.path.isfile(os.path.join(args.reference, "Cargo.toml")):
        missing.append(
            f"the reference server's source is not at {args.reference}: "
            "pass --reference DIR (or --no-reference to measure without it)"
        )
    if args.postgres:
        args.psql = find_psql()
        if args.psql is None:
            missing.append("psql is missing: --postgres needs Debian's postgresql package (15 or newer)")
        if not os.path.isfile(args.pg_cluster) and shutil.which("cargo") is None:
            missing.append(f"{args.pg_cluster} is missing and cargo is not there to build it "
                           "(cargo build -p taawun-testpg --bin pg-cluster)")
    if missing:
        raise Failure("\n".join(missing))


def find_psql():
    """The newest /usr/lib/postgresql/N/bin/psql (off the PATH on Debian), else the PATH's."""
    def version(path):
        v = path.split(os.sep)[-3]
        return tuple(int(x) for x in re.findall(r"\d+", v)) or (0,)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"), key=version)
    return found[-1] if found else shutil.which("psql")


def target_dir():
    return os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")


def cargo_build(cmd, what, env=None, cwd=ROOT):
    say(f"building {what}: {' '.join(cmd)}")
    started = time.monotonic()
    done = subprocess.run(cmd, cwd=cwd, env=env)
    if done.returncode != 0:
        raise Failure(f"building {what} failed (exit {done.returncode})")
    say(f"  built in {time.monotonic() - started:.0f} s")


def build_taawun(args):
    if args.bin:
        return os.path.abspath(args.bin)
    profile = "debug" if args.debug else "release"
    cmd = ["cargo", "build", "-p", "taawun"] + ([] if args.debug else ["--release"])
    cargo_build(cmd, f"taawun ({profile})")
    return os.path.join(target_dir(), profile, "taawun")


def build_reference(args):
    # Its own Cargo.toml and lock, its own target directory under the project's: its source
    # stays outside the project and its dependencies never mix with the workspace's. Built
    # from its own directory, so the project's .cargo/config.toml (how Taawun compiles
    # SQLite) does not apply: the reference is measured as its authors build it.
    env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(target_dir(), "bench-reference"))
    manifest = os.path.join(args.reference, "Cargo.toml")
    cargo_build(["cargo", "build", "--release", "--manifest-path", manifest], "the reference server", env,
                cwd=os.path.abspath(args.reference))
    return os.path.join(env["CARGO_TARGET_DIR"], "release", "bench-reference")


def build_pg_cluster(args):
    """The tests' helper that starts a throwaway PostgreSQL cluster; built (debug) when missing."""
    if not os.path.isfile(args.pg_cluster):
        cargo_build(["cargo", "build", "-p", "taawun-testpg", "--bin", "pg-cluster"], "pg-cluster (debug)")
        if not os.path.isfile(args.pg_cluster):
            raise Failure(f"pg-cluster was built but is not at {args.pg_cluster}: pass --pg-cluster PATH")
    return os.path.abspath(args.pg_cluster)


# ---------------------------------------------------------------- data


def run_cli(binary, cli_args, env=None, what=None):
    done = subprocess.run([binary] + cli_args, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise Failure(f"{what or ' '.join(cli_args)} failed (exit {done.returncode}):\n{done.stderr.strip()}")
    return done


def prepare_data(args, binary):
    """Fills the data directory once; later runs reuse it."""
    db = os.path.join(args.data, "taawun.db")
    if os.path.exists(db):
        say(f"data: reusing {db}")
        return
    os.makedirs(args.data, exist_ok=True)
    if args.demo:
        say(f"data: the demo, with two readers added, into {args.data}")
        run_cli(binary, ["demo", "--data-dir", args.data], what="taawun demo")
        env = dict(os.environ, TAAWUN_PASSWORD=args.password)
        # The generator's well-known readers, on the demo: Morocco hosts, Mali is a partner.
        for username, party in (("reader.host", "MA"), ("reader.partner", "ML")):
            run_cli(
                binary,
                ["user", "add", "--username", username, "--display-name", username, "--party", party,
                 "--role", "reader", "--clearance", "restricted", "--data-dir", args.data],
                env=env,
                what=f"taawun user add {username}",
            )
        return
    help_text = subprocess.run([binary, "--help"], capture_output=True, text=True).stdout
    if not re.search(r"^\s+generate\b", help_text, re.M):
        raise Failure(
            "this taawun has no `generate` command yet: use --demo to try the benchmark on the demo, "
            "or point --data at a directory that already holds a generated taawun.db"
        )
    say(f"data: generating the {args.profile} profile into {args.data} (minutes for national)")
    started = time.monotonic()
    cmd = [binary, "generate", "--profile", args.profile, "--seed", str(args.seed),
           "--password", args.password, "--data-dir", args.data]
    if subprocess.run(cmd).returncode != 0:
        raise Failure("taawun generate failed")
    say(f"  generated in {time.monotonic() - started:.0f} s")


def read_db(args):
    """The database, read-only, for counts that choose targets (never for visibility)."""
    path = os.path.join(args.data, "taawun.db")
    return sqlite3.connect(f"file:{urllib.parse.quote(path)}?mode=ro", uri=True)


def counts(db, sql):
    try:
        return dict(db.execute(sql).fetchall())
    except sqlite3.Error:
        return {}


# ---------------------------------------------------------------- servers


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Http:
    """One keep-alive-free client with a cookie jar of one cookie: enough for these pages."""

    def __init__(self, port, cookie=None):
        self.port = port
        self.cookie = cookie

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        h = dict(headers or {})
        if self.cookie:
            h["Cookie"] = self.cookie
        conn.request(method, path, body=body, headers=h)
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        for name, value in resp.getheaders():
            if name.lower() == "set-cookie":
                self.cookie = value.split(";", 1)[0]
        return resp.status, dict((k.lower(), v) for k, v in resp.getheaders()), data

    def get(self, path):
        status, headers, body = self.request("GET", path)
        return status, headers, body.decode("utf-8", "replace")


def start_taawun(args, binary, port, log, database_url=None):
    # No reminder pass inside the measured server: a pass reads every item for each of
    # several hundred accounts (minutes, at national scale) and would load the pages measured
    # for as long as it runs. It is a background cost of its own, not a page's.
    cmd = [binary, "serve", "--no-reminders", "--addr", f"127.0.0.1:{port}"]
    env = None
    if database_url:
        # `--database-url` and `--data-dir` conflict, and so would their variables if set.
        cmd += ["--database-url", database_url]
        env = {k: v for k, v in os.environ.items() if k not in ("TAAWUN_DATA_DIR", "TAAWUN_DATABASE_URL")}
    else:
        cmd += ["--data-dir", args.data]
    if args.demo:
        cmd.append("--demo")
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
    # The first page: the first answer to `/` that is a page (anonymous readers are sent to
    # the login page outside the demo, and that page counts).
    deadline = started + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise Failure(f"taawun serve exited with {proc.returncode}; see {log.name}")
        try:
            status, headers, _ = Http(port).get("/")
            if status in (302, 303):
                status, _, _ = Http(port).get(headers.get("location", "/login"))
            if status == 200:
                return proc, time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.01)
    proc.kill()
    raise Failure(f"taawun serve did not answer within 120 s; see {log.name}")


def start_reference(binary, port, db, log):
    proc = subprocess.Popen([binary, f"127.0.0.1:{port}", db], stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 300  # it fills its 50,000 rows on its first start
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise Failure(f"the reference server exited with {proc.returncode}; see {log.name}")
        try:
            if Http(port).get("/items")[0] == 200:
                return proc
        except OSError:
            pass
        time.sleep(0.05)
    proc.kill()
    raise Failure("the reference server did not answer within 300 s")


def stop_procs(procs):
    for p in procs:
        p.terminate()
    for p in procs:
        try:
            p.wait(15)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


# ---------------------------------------------------------------- PostgreSQL


def start_cluster(pg_cluster, pg):
    """`pg-cluster start` prints `URL<TAB>DIR`; the directory is kept in `pg` at once, so that
    the caller's `finally` stops the cluster whatever fails after."""
    done = subprocess.run([pg_cluster, "start"], capture_output=True, text=True)
    lines = [l for l in done.stdout.splitlines() if "\t" in l]
    if done.returncode != 0 or not lines:
        raise Failure(f"pg-cluster start failed (exit {done.returncode}):\n{done.stderr.strip()}")
    url, directory = lines[-1].split("\t", 1)
    pg["cluster_dir"] = directory
    pg["cluster_url"] = url
    return url, directory


def stop_cluster(pg_cluster, directory):
    done = subprocess.run([pg_cluster, "stop", directory], capture_output=True, text=True)
    if done.returncode != 0 or os.path.exists(directory):
        say(f"warning: pg-cluster stop {directory} (exit {done.returncode}) left it behind: "
            f"{done.stderr.strip()}")
    else:
        say(f"PostgreSQL cluster stopped and {directory} removed")


def psql(args, url, sql, what):
    done = subprocess.run([args.psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise Failure(f"psql ({what}) failed (exit {done.returncode}):\n{done.stderr.strip()}")


def with_database(url, name):
    """`url` with its path (the database's name) replaced, its query kept."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


def prepare_postgres(args, binary, pg_cluster, pg, logs_dir):
    """A throwaway cluster holding a copy of the generated data, made by the real `taawun copy`,
    then vacuumed and analysed, as a deployment moved to PostgreSQL would be before serving."""
    say()
    say("PostgreSQL: starting a throwaway cluster (pg-cluster start)")
    cluster_url, directory = start_cluster(pg_cluster, pg)
    say(f"  {cluster_url} in {directory}")
    psql(args, cluster_url, f"create database {PG_DATABASE}", "create database")
    url = with_database(cluster_url, PG_DATABASE)
    pg["database_url"] = url
    source = "sqlite://" + os.path.join(args.data, "taawun.db")
    say(f"  taawun copy --from {source} --to {url} (minutes for national)")
    started = time.monotonic()
    done = subprocess.run([binary, "copy", "--from", source, "--to", url], capture_output=True, text=True)
    with open(os.path.join(logs_dir, "copy.log"), "w") as f:
        f.write(done.stdout)
        f.write(done.stderr)
    if done.returncode != 0:
        raise Failure(f"taawun copy failed (exit {done.returncode}):\n{done.stderr.strip()}")
    pg["copy_s"] = time.monotonic() - started
    tables = len([l for l in done.stdout.splitlines() if l.strip()])
    say(f"  copied and checked in {pg['copy_s']:.0f} s ({tables} tables; see {f.name})")
    started = time.monotonic()
    psql(args, url, "vacuum analyze", "vacuum analyze")
    pg["vacuum_analyze_s"] = time.monotonic() - started
    say(f"  vacuum analyze in {pg['vacuum_analyze_s']:.0f} s")
    return url


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


# ---------------------------------------------------------------- login and targets


def login(port, username, password):
    """Through the real form: GET /login, its session cookie and csrf field, POST the form."""
    client = Http(port)
    status, _, page = client.get("/login")
    if status != 200:
        raise Failure(f"GET /login answered {status}")
    m = re.search(r'name="csrf" value="([^"]*)"', page)
    if not m:
        raise Failure("the login page has no csrf field")
    form = urllib.parse.urlencode(
        {"csrf": m.group(1), "next": "/", "username": username, "password": password}
    )
    status, headers, _ = client.request(
        "POST", "/login", body=form,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://127.0.0.1:{port}"},
    )
    if status not in (302, 303) or headers.get("location") == "/login/code":
        raise Failure(f"logging in as {username} failed (answer {status}); is the password right? (--password)")
    status, _, page = client.get("/account")
    if status != 200 or username not in page:
        raise Failure(f"after logging in as {username}, /account answered {status} without the username")
    return client


def links(page, kind):
    """The distinct `/kind/UUID` links of a page, in page order."""
    seen = []
    for m in re.finditer(rf'href="(/{kind}/{UUID})"', page):
        if m.group(1) not in seen:
            seen.append(m.group(1))
    return seen


def is_page(client, url):
    status, _, body = client.get(url)
    return status == 200 and 'class="status"' not in body, body


def index_matches(db, term):
    """Records of the search index holding the term, whoever may see them: the page lists
    at most 50, so this is what tells a common word from a rare one."""
    try:
        return db.execute("select count(*) from search_index where search_index match ?",
                          ['"' + term.replace('"', '') + '"']).fetchone()[0]
    except sqlite3.Error:
        return None


def largest(candidates, sizes):
    """The candidate whose record the database says is largest (page order breaks ties)."""
    if not sizes:
        return candidates[0]
    return max(candidates, key=lambda url: sizes.get(url.rsplit("/", 1)[1], 0))


def find_targets(client, db, terms):
    """Targets reached by following links as this reader, so each is one they may see."""
    t = []
    t.append(("home", "/", "list"))
    status, page1 = is_page(client, "/items")
    if not status:
        raise Failure("/items does not answer 200 for this reader")
    t.append(("items, page 1", "/items", "list"))
    m = re.search(r'data-count="(\d+)"( data-more)?', page1)
    count = int(m.group(1)) if m else 0
    more = bool(m and m.group(2))
    pages = max(1, -(-count // 50))
    # Past its bound the count says "more than": page 100 is then there to be read (50,000
    # items are 1,000 pages), whatever the bounded count makes of it.
    if more:
        t.append(("items, page 100", "/items?page=100", "list"))
    else:
        t.append((f"items, page {min(100, pages)} of {pages}", f"/items?page={min(100, pages)}", "list"))
    t.append(("items, overdue", "/items?show=overdue", "list"))
    items = links(page1, "items")
    if not items:
        raise Failure("the reader sees no item on /items")
    t.append(("item", items[len(items) // 2], "detail"))

    _, _, commissions_page = client.get("/commissions")
    commissions = links(commissions_page, "commissions")
    if not commissions:
        raise Failure("the reader sees no commission")
    per_commission = counts(db, "select commission_id, count(*) from action_items group by commission_id")
    commission = largest(commissions, per_commission)
    _, _, cpage = client.get(commission)
    t.append(("commission", commission, "detail"))

    sessions = links(cpage, "sessions")
    plans = links(cpage, "plans")
    agreements = links(cpage, "agreements")
    if not agreements:
        agreements = links(client.get("/agreements")[2], "agreements")
    if sessions:
        t.append(("session", sessions[0], "detail"))
    if agreements:
        per_agreement = counts(db, "select agreement_id, count(*) from clauses group by agreement_id")
        t.append(("agreement", largest(agreements, per_agreement), "detail"))
    if plans:
        per_plan = counts(db, "select plan_id, count(*) from action_items group by plan_id")
        t.append(("plan", largest(plans, per_plan), "detail"))
    t.append(("dashboard", "/dashboard", "dashboard"))
    t.append(("commission dashboard", "/dashboard/commissions/" + commission.rsplit("/", 1)[1], "dashboard"))
    for label, term in terms:
        t.append((f"search: {label} «{term}»", "/search?q=" + urllib.parse.quote(term), "search"))

    checked = []
    for name, url, kind in t:
        ok, body = is_page(client, url)
        if not ok:
            raise Failure(f"{name} ({url}) does not answer 200 with a page for this reader")
        note = ""
        if kind == "search":
            m = re.search(r'<h2 id="results">([^<]*)</h2>', body)
            note = m.group(1).strip() if m else "no result count on the page"
            term = urllib.parse.unquote(url.split("q=", 1)[1])
            indexed = index_matches(db, term)
            if indexed is not None:
                note += f"; {indexed} records in the index, all markings"
        checked.append({"name": name, "url": url, "kind": kind, "note": note})
    return checked


# ---------------------------------------------------------------- measurements


def to_ms(text):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    if not m:
        return float("nan")
    n, unit = float(m.group(1)), m.group(2)
    return n * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk_command(args, port, path, cookie=None, lua=None, threads=None, connections=None):
    cmd = ["wrk", f"-t{threads or args.threads}", f"-c{connections or args.connections}",
           f"-d{args.duration}s", "--latency"]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    if lua:
        cmd += ["-s", lua]
    cmd.append(f"http://127.0.0.1:{port}{path}")
    return cmd


def wrk(args, port, path, cookie=None, lua=None):
    out = subprocess.run(wrk_command(args, port, path, cookie, lua), capture_output=True, text=True)
    if out.returncode != 0:
        raise Failure(f"wrk failed on {path}: {out.stderr.strip()}")
    return parse_wrk(out.stdout)


def wrk_nodes(args, ports, path, cookie=None, lua=None):
    """One wrk per node, all at once, the connections shared out between them (and the
    threads, so the load generator is no larger than against one node): req/s, requests and
    errors are summed, p50 and p99 are the worst node's."""
    n = len(ports)
    procs = []
    for i, port in enumerate(ports):
        connections = args.connections // n + (1 if i < args.connections % n else 0)
        threads = max(1, min(args.threads // n, connections))
        cmd = wrk_command(args, port, path, cookie, lua, threads=threads, connections=connections)
        procs.append(subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    outs = [p.communicate() for p in procs]
    for p, (_, err) in zip(procs, outs):
        if p.returncode != 0:
            raise Failure(f"wrk failed on {path}: {err.strip()}")
    nodes = [parse_wrk(out) for out, _ in outs]
    res = {"requests_per_s": sum(r["requests_per_s"] for r in nodes),
           "requests": sum(r["requests"] for r in nodes),
           "p50_ms": worst(r["p50_ms"] for r in nodes),
           "p99_ms": worst(r["p99_ms"] for r in nodes),
           "errors": sum(r["errors"] for r in nodes),
           "socket_errors": sum(r["socket_errors"] for r in nodes),
           "nodes": nodes}
    return res


def worst(values):
    """The largest, or NaN when a node reported none (NaN would otherwise win or lose by order)."""
    values = list(values)
    return float("nan") if any(v != v for v in values) else max(values)


def parse_wrk(text):
    res = {"requests_per_s": 0.0, "p50_ms": float("nan"), "p99_ms": float("nan"),
           "requests": 0, "errors": 0, "socket_errors": 0}
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    if m:
        res["requests_per_s"] = float(m.group(1))
    m = re.search(r"(\d+) requests in", text)
    if m:
        res["requests"] = int(m.group(1))
    for pct, key in (("50", "p50_ms"), ("99", "p99_ms")):
        m = re.search(rf"^\s+{pct}%\s+(\S+)", text, re.M)
        if m:
            res[key] = to_ms(m.group(1))
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    non2xx = int(m.group(1)) if m else 0
    m = re.search(r"not-200: (\d+)", text)
    res["errors"] = max(non2xx, int(m.group(1)) if m else 0)
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        res["socket_errors"] = sum(int(x) for x in m.groups())
    return res


def fetch_export(client, url):
    """One download, through the job page when the export outlasts the request's wait."""
    status, headers, body = client.request("GET", url)
    if status in (302, 303):
        job = headers.get("location", "")
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            status, headers, body = client.request("GET", job + "/file")
            if status == 200:
                break
            time.sleep(0.02)
    if status != 200:
        raise Failure(f"the export {url} answered {status}")
    return body


def export_rows(body):
    return max(0, len(list(csv.reader(io.StringIO(body.decode("utf-8-sig", "replace"))))) - 1)


def choose_export(client, db, want):
    """The item selection whose visible count (as `/items` shows it) is nearest `want` rows."""
    candidates = []
    for column, param, sql in (
        ("commission_id", "commission", "select commission_id, count(*) from action_items group by 1"),
        ("party_id", "party", "select party_id, count(*) from item_sides group by 1"),
        ("area_id", "area", "select area_id, count(*) from action_items group by 1"),
        ("agreement_id", "agreement", "select agreement_id, count(*) from action_items where agreement_id is not null group by 1"),
    ):
        for key, n in counts(db, sql).items():
            candidates.append((abs(n - want), f"{param}={key}"))
    candidates.sort()
    best = ("", abs(want), None)
    for _, query in [(0, "")] + candidates[:8]:
        status, _, page = client.get("/items" + ("?" + query if query else ""))
        m = re.search(r'data-count="(\d+)"( data-more)?', page)
        # A count that stopped at its bound ("more than 1,000") says nothing of the size.
        if status != 200 or not m or m.group(2):
            continue
        n = int(m.group(1))
        if best[2] is None or abs(n - want) < abs(best[2] - want):
            best = (query, abs(n - want), n)
    return "/export/items.csv" + ("?" + best[0] if best[0] else "")


def measure_export(args, client, db):
    url = choose_export(client, db, args.export_rows)
    rows = export_rows(fetch_export(client, url))  # also warms the server up
    times = []
    for _ in range(args.export_runs):
        started = time.monotonic()
        fetch_export(client, url)
        times.append((time.monotonic() - started) * 1000)
    return {"url": url, "rows": rows, "runs": len(times), "median_ms": statistics.median(times),
            "max_ms": max(times)}


def check_targets(port, cookie, plan, where, log):
    """The SQLite run's targets (record ids survive the copy): what is wrong with each on this
    node, by url. A target that is not a page is reported and left unmeasured (its row shows
    ERRORS and the run fails), so the other targets are still measured."""
    client = Http(port, cookie)
    problems = {}
    for t in plan:
        status, _, body = client.get(t["url"])
        if status != 200 or 'class="status"' in body:
            problems[t["url"]] = f"answered {status}" + (" (not a page)" if status == 200 else "")
            say(f"  {t['name']} ({t['url']}) {problems[t['url']]} {where}: not measured; see {log}")
    return problems


def unmeasured(t, problem):
    r = {"requests_per_s": 0.0, "p50_ms": float("nan"), "p99_ms": float("nan"), "requests": 0,
         "errors": 0, "socket_errors": 0}
    r.update(t)
    r["note"] = f"{problem} before the run: not measured"
    return r


def measure_postgres(args, binary, url, readers, plans, ref, lua, logs_dir, procs, pg):
    """Every target again on PostgreSQL: one node, then two nodes serving the same database,
    each wrk run split between them."""
    say()
    port_a = free_port()
    log = open(os.path.join(logs_dir, "taawun-postgres-1.log"), "w")
    node_a, first_page = start_taawun(args, binary, port_a, log, database_url=url)
    procs.append(node_a)
    pg["first_page_s"] = first_page
    say(f"taawun serve on PostgreSQL, node 1 (pid {node_a.pid}) on 127.0.0.1:{port_a}: "
        f"first page served {first_page:.2f} s after start")
    cookies = {u: login(port_a, u, args.password).cookie for u in readers}
    problems = {u: check_targets(port_a, cookies[u], plans[u], f"on PostgreSQL for {u}", log.name)
                for u in readers}

    def measure(u, t, ports):
        if t["url"] in problems[u]:
            return unmeasured(t, problems[u][t["url"]])
        if len(ports) == 1:
            r = wrk(args, ports[0], t["url"], cookie=cookies[u], lua=lua)
        else:
            r = wrk_nodes(args, ports, t["url"], cookie=cookies[u], lua=lua)
        r.update(t)
        r["ratio"] = ratio(r["requests_per_s"], ref["requests_per_s"]) if ref else None
        return r

    one = {}
    for u in readers:
        one[u] = [measure(u, t, [port_a]) for t in plans[u]]
        print_table(f"{u} on PostgreSQL, one node", one[u])
    pg["rss_mib_one_node"] = rss_mib(node_a.pid)
    say(f"server RSS (VmRSS) after the one-node run: node 1 {pg['rss_mib_one_node']:.1f} MiB")

    say()
    port_b = free_port()
    log = open(os.path.join(logs_dir, "taawun-postgres-2.log"), "w")
    node_b, first_page = start_taawun(args, binary, port_b, log, database_url=url)
    procs.append(node_b)
    say(f"taawun serve on PostgreSQL, node 2 (pid {node_b.pid}) on 127.0.0.1:{port_b}: "
        f"first page served {first_page:.2f} s after start")
    # Sessions live in the database: node 1's cookies must work on node 2 as they are.
    for u in readers:
        status, _, page = Http(port_b, cookies[u]).get("/account")
        if status != 200 or u not in page:
            raise Failure(f"node 2 does not know {u}'s session from node 1 (/account answered {status})")
        for url, problem in check_targets(port_b, cookies[u], plans[u], f"on PostgreSQL node 2 for {u}",
                                          log.name).items():
            problems[u].setdefault(url, problem)
    say("  the sessions made on node 1 are valid on node 2; each wrk run is split between the two nodes")
    two = {}
    for u in readers:
        two[u] = [measure(u, t, [port_a, port_b]) for t in plans[u]]
        print_table(f"{u} on PostgreSQL, two nodes (req/s summed, p50 and p99 the worse node's)", two[u])
    pg["rss_mib_two_nodes"] = [rss_mib(node_a.pid), rss_mib(node_b.pid)]
    say("server RSS (VmRSS) after the two-node run: "
        + ", ".join(f"node {i + 1} {m:.1f} MiB" for i, m in enumerate(pg["rss_mib_two_nodes"])))
    pg["tables"] = [{"reader": u, "one_node": one[u], "two_nodes": two[u]} for u in readers]


# ---------------------------------------------------------------- report


def fmt(x, spec):
    return "-" if x is None or x != x else format(x, spec)


def print_table(title, rows):
    say()
    say(title)
    say(f"  {'target':<44} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>7} {'not 200':>8}")
    for r in rows:
        flag = "  ERRORS" if r["errors"] or r["socket_errors"] or r["requests"] == 0 else ""
        say(f"  {r['name'][:44]:<44} {r['requests_per_s']:>9.1f} {fmt(r['p50_ms'], '.2f'):>8} "
            f"{fmt(r['p99_ms'], '.2f'):>8} {fmt(r.get('ratio'), '.1%'):>7} {r['errors'] + r['socket_errors']:>8}{flag}")
        if r.get("note"):
            say(f"  {'':<4}{r['url']}  ({r['note']})")
        else:
            say(f"  {'':<4}{r['url']}")


def healthy(r):
    return not (r["errors"] or r["socket_errors"]) and r["requests"] > 0


def ratio(a, b):
    return a / b if b else None


def measured_ratio(r, b):
    """A fraction of `b`, or none for a target that was not measured (it shows as ERRORS)."""
    return ratio(r["requests_per_s"], b) if r["requests"] else None


def compare_engines(tables, pg_tables, ref):
    """Per reader and target: SQLite's req/s beside PostgreSQL's, one node and two."""
    rows = []
    ref_rps = ref["requests_per_s"] if ref else None
    for table, pg_table in zip(tables, pg_tables):
        for s, one, two in zip(table["targets"], pg_table["one_node"], pg_table["two_nodes"]):
            row = {"reader": table["reader"], "name": s["name"], "url": s["url"], "kind": s["kind"],
                   "sqlite_rps": s["requests_per_s"],
                   "pg1_rps": one["requests_per_s"], "pg1_of_sqlite": measured_ratio(one, s["requests_per_s"]),
                   "pg2_rps": two["requests_per_s"], "pg2_of_sqlite": measured_ratio(two, s["requests_per_s"]),
                   "pg1_of_reference": measured_ratio(one, ref_rps),
                   "pg2_of_reference": measured_ratio(two, ref_rps),
                   "pg1_p99_ms": one["p99_ms"], "pg2_p99_ms": two["p99_ms"],
                   "healthy": healthy(s) and healthy(one) and healthy(two)}
            # The issue's target is judged on one node; two nodes are shown beside it.
            row["pass"] = (row["healthy"] and (row["pg1_of_sqlite"] or 0) >= PG_OF_SQLITE
                           and (ref_rps is None or (row["pg1_of_reference"] or 0) >= PG_OF_REFERENCE))
            rows.append(row)
    return rows


def print_comparison(rows, has_reference, judged):
    say()
    say("PostgreSQL beside SQLite (issue 15, part 7), req/s: \"pg 1\" one node, \"pg 2\" two nodes (summed);")
    say(f"  \"/sq\" and \"/ref\": that figure as a fraction of SQLite's and of the reference's; PASS when pg 1 "
        f"is ≥ {PG_OF_SQLITE:.0%} of SQLite" + (f" and ≥ {PG_OF_REFERENCE:.0%} of the reference"
                                               if has_reference else " (no reference run: not judged against it)"))
    say(f"  {'target':<44} {'sqlite':>8} {'pg 1':>8} {'/sq':>6} {'/ref':>6} {'pg 2':>8} {'/sq':>6} {'/ref':>6}")
    reader = None
    for r in rows:
        if r["reader"] != reader:
            reader = r["reader"]
            say(f"  {reader}")
        verdict = "ERRORS" if not r["healthy"] else ("PASS" if r["pass"] else "FAIL") if judged else ""
        say(f"  {r['name'][:44]:<44} {r['sqlite_rps']:>8.1f} {r['pg1_rps']:>8.1f} {fmt(r['pg1_of_sqlite'], '.1%'):>6} "
            f"{fmt(r['pg1_of_reference'], '.1%'):>6} {r['pg2_rps']:>8.1f} {fmt(r['pg2_of_sqlite'], '.1%'):>6} "
            f"{fmt(r['pg2_of_reference'], '.1%'):>6}  {verdict}")


def verdicts(results, has_reference):
    lines = []

    def check(text, ok):
        lines.append((text, ok))

    goal = {"list": RATIO_LIST, "detail": RATIO_LIST, "dashboard": RATIO_DASHBOARD, "search": RATIO_SEARCH}
    for table in results["tables"]:
        for r in table["targets"]:
            who = f"{table['reader']}: {r['name']}"
            healthy = not (r["errors"] or r["socket_errors"]) and r["requests"] > 0
            if not healthy:
                check(f"{who} answered errors ({r['errors'] + r['socket_errors']})", False)
                continue
            fast = r["p99_ms"] < P99_MS
            text = f"{who}: p99 {r['p99_ms']:.1f} ms (< {P99_MS:.0f} ms)"
            if has_reference:
                enough = r["ratio"] >= goal[r["kind"]]
                text += f", {r['ratio']:.1%} of the reference (≥ {goal[r['kind']]:.0%})"
                fast = fast and enough
            check(text, fast)
    e = results.get("export")
    if e:
        check(f"export of {e['rows']} rows: median {e['median_ms']:.0f} ms (< {EXPORT_MS:.0f} ms)",
              e["median_ms"] < EXPORT_MS)
    check(f"server RSS after the run: {results['rss_mib']:.1f} MiB (< {RSS_MIB:.0f} MiB)",
          results["rss_mib"] < RSS_MIB)
    check(f"first page served {results['first_page_s']:.2f} s after start (< {FIRST_PAGE_S:.0f} s)",
          results["first_page_s"] < FIRST_PAGE_S)
    return lines


def pg_verdicts(rows, has_reference):
    lines = []
    for r in rows:
        who = f"{r['reader']}: {r['name']} on PostgreSQL"
        if not r["healthy"]:
            lines.append((f"{who} answered errors (SQLite, one node or two nodes)", False))
            continue
        text = f"{who}, one node: {r['pg1_of_sqlite']:.1%} of SQLite (≥ {PG_OF_SQLITE:.0%})"
        if has_reference:
            text += f", {r['pg1_of_reference']:.1%} of the reference (≥ {PG_OF_REFERENCE:.0%})"
        text += f"; two nodes: {fmt(r['pg2_of_sqlite'], '.1%')} of SQLite"
        if has_reference:
            text += f", {fmt(r['pg2_of_reference'], '.1%')} of the reference"
        lines.append((text, r["pass"]))
    return lines


# ---------------------------------------------------------------- main


def default_reference():
    """`../shared/bench/reference` beside the checkout; for a git worktree, beside the main one."""
    roots = [ROOT]
    try:
        common = subprocess.run(["git", "rev-parse", "--path-format=absolute", "--git-common-dir"],
                                cwd=ROOT, capture_output=True, text=True).stdout.strip()
        if common:
            roots.append(os.path.dirname(common))
    except OSError:
        pass
    candidates = [os.path.normpath(os.path.join(r, "..", "shared", "bench", "reference")) for r in roots]
    return next((c for c in candidates if os.path.isdir(c)), candidates[0])


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--profile", choices=["national", "small"], default="national",
                   help="the generated data set (default national; small for a quick run)")
    p.add_argument("--demo", action="store_true",
                   help="run against `taawun serve --demo` with two readers added (before the generator exists)")
    p.add_argument("--smoke", action="store_true",
                   help="a cheap check that the benchmark still works: --demo, --debug, --no-reference, "
                        "1 s per target, 2 export runs, a fresh data directory; fails unless every target answered 200")
    p.add_argument("--data", help="data directory (default: <target>/bench-data/<profile or demo>)")
    p.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    p.add_argument("--password", default="taawun-generated", help="the generated users' password")
    p.add_argument("--reference", default=default_reference(),
                   help="the reference server's source (default ../shared/bench/reference from the repository, "
                        "or from the main checkout when this is a git worktree)")
    p.add_argument("--no-reference", action="store_true", help="measure without the reference (no ratios)")
    p.add_argument("--bin", metavar="PATH",
                   help="an already built taawun binary (skips the build): to try the flow quickly; "
                        "real figures come from the release build")
    p.add_argument("--debug", action="store_true", help="build and measure the debug binary (smoke tests only)")
    p.add_argument("--duration", type=int, default=10, help="seconds of wrk per target (default 10)")
    p.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    p.add_argument("--connections", type=int, default=16, help="wrk connections (default 16)")
    p.add_argument("--search-common", default="تعاون", help="a common Arabic word (over 1,000 visible records)")
    p.add_argument("--search-rare", default="hydrographie", help="a rare French word")
    p.add_argument("--search-name", default="محمد", help="a person's name typed in the other script")
    p.add_argument("--export-rows", type=int, default=1000, help="rows the export should hold (default 1000)")
    p.add_argument("--export-runs", type=int, default=10, help="sequential downloads whose median is taken")
    p.add_argument("--partner", action=argparse.BooleanOptionalAction, default=True,
                   help="also measure as reader.partner (default yes)")
    p.add_argument("--postgres", action="store_true",
                   help="also measure every target on a copy of the data in PostgreSQL (a throwaway cluster), "
                        "with one node and with two nodes, beside SQLite (issue 15, part 7)")
    p.add_argument("--pg-cluster", metavar="PATH",
                   help="the helper that starts the throwaway cluster (default <target>/debug/pg-cluster, "
                        "built with `cargo build -p taawun-testpg --bin pg-cluster` when missing)")
    p.add_argument("--json", help="also write the results to this file")
    p.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = p.parse_args(argv)
    if args.postgres and args.connections < 2:
        p.error("--postgres needs --connections 2 or more (they are shared out between two nodes)")
    if args.pg_cluster is None:
        args.pg_cluster = os.path.join(target_dir(), "debug", "pg-cluster")
    args.psql = None
    if args.smoke:
        args.demo = True
        args.debug = True
        args.no_reference = True
        args.duration = 1
        args.export_runs = 2
    if args.demo and args.password == "taawun-generated":
        args.password = "a long passphrase for the benchmark"
    if args.data is None:
        name = "demo" if args.demo else args.profile
        args.data = os.path.join(target_dir(), "bench-data", name)
    if args.smoke:
        args.data = tempfile.mkdtemp(prefix="taawun-bench-smoke-")
    args.data = os.path.abspath(args.data)
    return args


def main(argv):
    args = parse_args(argv)
    say(f"taawun benchmark — {time.strftime('%Y-%m-%d %H:%M:%S')}, {os.cpu_count()} cores, "
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s"
        + (", SQLite then PostgreSQL (one node, two nodes)" if args.postgres else ""))
    check_prerequisites(args)
    binary = build_taawun(args)
    reference = None if args.no_reference else build_reference(args)
    pg_cluster = build_pg_cluster(args) if args.postgres else None
    prepare_data(args, binary)

    logs_dir = os.path.join(target_dir(), "bench-logs")
    os.makedirs(logs_dir, exist_ok=True)
    procs = []
    results = {"started": time.strftime("%Y-%m-%dT%H:%M:%S"), "data": args.data,
               "profile": "demo" if args.demo else args.profile, "duration_s": args.duration,
               "threads": args.threads, "connections": args.connections, "tables": []}
    pg = {}
    try:
        pg_url = None
        if args.postgres:
            # Copied before any server runs, so the copy is the generated data and nothing else.
            results["postgres"] = pg
            pg_url = prepare_postgres(args, binary, pg_cluster, pg, logs_dir)
        ref_port = None
        if reference:
            ref_port = free_port()
            ref_db = os.path.join(target_dir(), "bench-data", "reference", "items.db")
            os.makedirs(os.path.dirname(ref_db), exist_ok=True)
            procs.append(start_reference(reference, ref_port, ref_db,
                                         open(os.path.join(logs_dir, "reference.log"), "w")))
        port = free_port()
        log = open(os.path.join(logs_dir, "taawun.log"), "w")
        server, first_page = start_taawun(args, binary, port, log)
        procs.append(server)
        results["first_page_s"] = first_page
        say(f"taawun serve (pid {server.pid}) on 127.0.0.1:{port}: first page served {first_page:.2f} s after start")

        db = read_db(args)
        terms = [("common Arabic", args.search_common), ("rare French", args.search_rare),
                 ("name, other script", args.search_name)]
        readers = ["reader.host"] + (["reader.partner"] if args.partner else [])
        sessions = {u: login(port, u, args.password) for u in readers}
        plans = {u: find_targets(sessions[u], db, terms) for u in readers}

        ref = None
        lua = os.path.join(logs_dir, "status.lua")
        with open(lua, "w") as f:
            f.write(STATUS_LUA)
        if ref_port:
            ref = wrk(args, ref_port, "/items")
            ref.update(name="reference: /items (25 of 50,000 rows)", url="/items", kind="reference")
            results["reference"] = ref
            say(f"reference /items: {ref['requests_per_s']:.1f} req/s, p50 {ref['p50_ms']:.2f} ms, "
                f"p99 {ref['p99_ms']:.2f} ms")
        for user in readers:
            rows = []
            for t in plans[user]:
                r = wrk(args, port, t["url"], cookie=sessions[user].cookie, lua=lua)
                r.update(t)
                r["ratio"] = r["requests_per_s"] / ref["requests_per_s"] if ref and ref["requests_per_s"] else None
                rows.append(r)
            results["tables"].append({"reader": user, "targets": rows})
            print_table(f"{user} (logged in through /login)", rows)

        e = measure_export(args, sessions["reader.host"], db)
        results["export"] = e
        say()
        say(f"export as reader.host: {e['url']} — {e['rows']} rows, median {e['median_ms']:.0f} ms "
            f"over {e['runs']} sequential downloads (max {e['max_ms']:.0f} ms)")
        results["rss_mib"] = rss_mib(server.pid)
        say(f"server RSS (VmRSS) after the run: {results['rss_mib']:.1f} MiB")

        if pg_url:
            stop_procs([server])  # the SQLite server is done: it leaves the cores to PostgreSQL's
            measure_postgres(args, binary, pg_url, readers, plans, ref, lua, logs_dir, procs, pg)
            pg["comparison"] = compare_engines(results["tables"], pg["tables"], ref)
            print_comparison(pg["comparison"], bool(ref), judged=not args.smoke)
    finally:
        stop_procs(procs)
        if pg.get("cluster_dir"):
            stop_cluster(pg_cluster, pg["cluster_dir"])

    lines = verdicts(results, bool(results.get("reference")))
    if not args.smoke:  # the demo on a debug build says nothing about the targets
        say()
        say("targets (issue 12)" + ("" if results.get("reference") else " — no reference run: ratios not judged"))
        for text, ok in lines:
            say(f"  {'PASS' if ok else 'FAIL'}  {text}")
    if pg.get("comparison"):
        pg_lines = pg_verdicts(pg["comparison"], bool(results.get("reference")))
        if not args.smoke:
            say()
            say("targets (issue 15, part 7)" + ("" if results.get("reference")
                                                 else " — no reference run: judged against SQLite only"))
            for text, ok in pg_lines:
                say(f"  {'PASS' if ok else 'FAIL'}  {text}")
        lines += pg_lines
    results["verdicts"] = [{"check": t, "pass": ok} for t, ok in lines]
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, ensure_ascii=False, indent=2)
        say(f"results written to {args.json}")

    unhealthy = [f"{tb['reader']}: {r['name']}" for tb in results["tables"] for r in tb["targets"]
                 if r["errors"] or r["socket_errors"] or r["requests"] == 0]
    for tb in pg.get("tables", []):
        for nodes, label in (("one_node", "one node"), ("two_nodes", "two nodes")):
            unhealthy += [f"{tb['reader']}: {r['name']} (PostgreSQL, {label})" for r in tb[nodes]
                          if not healthy(r)]
    if unhealthy:
        say("targets that answered errors: " + "; ".join(unhealthy))
        return 2
    if args.smoke:
        shutil.rmtree(args.data, ignore_errors=True)
        say("smoke: every target answered 200")
    if args.strict and not all(ok for _, ok in lines):
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Failure as e:
        print(f"bench: {e}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
