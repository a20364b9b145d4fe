"""Processes and HTTP for the scenario suite: the kit's controller, the sandboxes, and cleanup by PID.

Everything started here is recorded with its PID and stopped by `Processes.stop_all`, which the suite calls in a
`finally` block and from its signal handlers, so a failing scenario or a Ctrl-C leaves nothing running.
"""
import base64
import http.cookiejar
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

TERMINAL_RESULTS = ("SUCCESS", "UNSTABLE", "FAILURE", "ABORTED", "NOT_BUILT")


class Failed(Exception):
    """A scenario's check did not hold; the message says which and what was seen."""


def check(condition, message):
    if not condition:
        raise Failed(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(what, predicate, timeout, interval=0.5):
    """Polls until predicate() is truthy and returns its value; fails naming `what` after `timeout` seconds."""
    deadline = time.time() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.time() > deadline:
            raise Failed("gave up waiting for %s after %d s" % (what, timeout))
        time.sleep(interval)


class Processes:
    """Every process the suite starts, by PID, so all of them can be stopped whatever happens."""

    def __init__(self):
        self.pids = {}

    def add(self, name, pid):
        self.pids[name] = pid

    def remove(self, name):
        self.pids.pop(name, None)

    def stop_all(self):
        for name, pid in list(self.pids.items()):
            stop_pid(pid)
            self.pids.pop(name, None)


def alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False


def stop_pid(pid, grace=30):
    """SIGTERM to the process group (its own session), then SIGKILL if it is still there after `grace` seconds."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(pid, sig)
        except OSError:
            try:
                os.kill(pid, sig)
            except OSError:
                return
        deadline = time.time() + grace
        while time.time() < deadline:
            try:
                if os.waitpid(pid, os.WNOHANG)[0] == pid:
                    return
            except ChildProcessError:
                if not alive(pid):
                    return
            time.sleep(0.2)


class Http:
    """A tiny client: anonymous, or with basic auth; keeps cookies so Stapler's bound objects work."""

    def __init__(self, base, user=None):
        self.base = base
        self.auth = {"Authorization": "Basic " + base64.b64encode(user.encode()).decode()} if user else {}
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def request(self, method, path, data=None, headers=None, timeout=120):
        h = dict(self.auth)
        h.update(headers or {})
        if isinstance(data, dict):
            data = urllib.parse.urlencode(data).encode()
            h.setdefault("Content-Type", "application/x-www-form-urlencoded")
        url = path if path.startswith("http") else self.base + path
        req = urllib.request.Request(url, data=data, headers=h, method=method)
        try:
            with self.opener.open(req, timeout=timeout) as r:
                return r.status, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, data=b"", **kw):
        return self.request("POST", path, data=data, **kw)

    def json(self, path):
        status, body = self.get(path)
        check(status == 200, "GET %s answered %d" % (path, status))
        return json.loads(body)


class Kit:
    """The controller of ../shared/jenkins-kit, with its work folder and port chosen by the suite."""

    def __init__(self, kit, work, port, processes):
        self.kit, self.work, self.port, self.processes = kit, work, port, processes
        self.env = dict(os.environ, JENKINS_KIT_WORK=work, JENKINS_KIT_PORT=str(port))
        self.url = "http://127.0.0.1:%d" % port
        self.home = os.path.join(work, "home")
        self.log_file = os.path.join(work, "jenkins.log")
        self.secure = False

    def run(self, *args, timeout=600, extra_env=None):
        env = dict(self.env, **(extra_env or {}))
        r = subprocess.run([self.kit] + list(args), env=env, capture_output=True, text=True, timeout=timeout)
        if r.returncode != 0:
            raise Failed("kit %s failed (%d): %s" % (" ".join(args), r.returncode, (r.stderr or r.stdout).strip()[-800:]))
        return r.stdout

    def controller_pid(self):
        try:
            return int(open(os.path.join(self.work, "jenkins.pid")).read())
        except (OSError, ValueError):
            return None

    def start(self, secure=False):
        self.run("start", *(["--secure"] if secure else []))
        self.secure = self.secure or secure
        self.processes.add("controller", self.controller_pid())

    def restart(self, extra_env=None):
        """Stops and starts the controller on the same home; extra_env reaches the new controller's process only."""
        self.run("restart", extra_env=extra_env)
        self.processes.add("controller", self.controller_pid())

    def stop(self):
        pid = self.controller_pid()
        try:
            self.run("stop", timeout=120)
        finally:
            if pid and alive(pid):
                stop_pid(pid)
            self.processes.remove("controller")

    def admin(self):
        return Http(self.url, "admin:admin" if self.secure else None)

    def anonymous(self):
        return Http(self.url)

    def script(self, text):
        """Runs system Groovy; the script must print OK last, so a thrown exception cannot pass for output."""
        status, out = self.admin().post("/scriptText", {"script": text})
        check(status == 200 and out.rstrip().endswith("OK"), "system script failed (%d): %s" % (status, out[-1500:]))
        return out

    def pipeline(self, name, script):
        path = os.path.join(self.work, name + ".jenkinsfile")
        with open(path, "w") as f:
            f.write(script)
        self.run("job", name, path)

    def build(self, name):
        return int(self.run("build", name).strip())

    def build_info(self, name, n):
        status, body = self.admin().get("/job/%s/%d/api/json?tree=building,result,artifacts[relativePath]" % (name, n))
        return json.loads(body) if status == 200 else None

    def wait(self, name, n, timeout=300):
        def done():
            info = self.build_info(name, n)
            return info if info and not info["building"] and info["result"] in TERMINAL_RESULTS else None
        return wait_until("%s #%d to finish" % (name, n), done, timeout)["result"]

    def console(self, name, n):
        status, body = self.admin().get("/job/%s/%d/consoleText" % (name, n))
        check(status == 200, "no console for %s #%d (%d)" % (name, n, status))
        return body

    def wait_for_log(self, name, n, pattern, timeout=120):
        """Waits for the pattern in the build's log; the build may still be in the queue at first."""
        def found():
            status, body = self.admin().get("/job/%s/%d/consoleText" % (name, n))
            return re.search(pattern, body) if status == 200 else None
        return wait_until("'%s' in %s #%d's log" % (pattern, name, n), found, timeout)

    def run_pipeline(self, name, script, timeout=300):
        """Creates or replaces the job, builds it, waits; returns (number, result, console)."""
        self.pipeline(name, script)
        n = self.build(name)
        wait_until("%s #%d to start" % (name, n), lambda: self.build_info(name, n), 60)
        result = self.wait(name, n, timeout)
        return n, result, self.console(name, n)

    def snapshot_build(self, name, n):
        """Copies a running build's folder (program.dat, build.xml, the persisted step state) aside, so the final
        secret scan also reads what Jenkins persists while a step waits, which is gone once the build ends."""
        target = os.path.join(self.work, "..", "snapshots", "%s-%d" % (name, n))
        shutil.copytree(os.path.join(self.home, "jobs", name, "builds", str(n)), target, dirs_exist_ok=True)

    def artifact(self, name, n, path):
        status, body = self.admin().get("/job/%s/%d/artifact/%s" % (name, n, path))
        check(status == 200, "artifact %s of %s #%d answered %d" % (path, name, n, status))
        return body


class Sandbox:
    """`iacjobs sandbox` in its own process; reads the credentials it prints at start."""

    def __init__(self, jar, name, work, time_scale, processes, faults=None):
        self.jar, self.name, self.time_scale, self.processes, self.faults = jar, name, time_scale, processes, faults
        self.work = work
        self.port = free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        self.out = os.path.join(work, "sandbox-%s.out" % name)  # holds secrets: never inside the controller's home
        self.secrets = {}

    def start(self):
        with open(self.out, "w") as out:
            p = subprocess.Popen(["java", "-Xmx256m", "-jar", self.jar, "sandbox", "--port", str(self.port),
                                  "--time-scale", str(self.time_scale)] + (["--faults", self.faults] if self.faults else []),
                                 stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        self.pid = p.pid
        self.processes.add("sandbox-" + self.name, p.pid)
        text = wait_until("the %s sandbox to listen" % self.name,
                          lambda: "Counters:" in open(self.out).read() and open(self.out).read(), 60)
        for key, pattern in (("genesys_secret", r"Genesys client secret: +(\S+)"),
                             ("terrakube_token", r"Terrakube token: +(\S+)"),
                             ("avepoint_client", r"AvePoint client id: +(\S+)"),
                             ("avepoint_secret", r"AvePoint secret: +(\S+)")):
            m = re.search(pattern, text)
            check(m, "the %s sandbox did not print its %s" % (self.name, key))
            self.secrets[key] = m.group(1)
        self.terrakube_org = re.search(r"organization (\S+) or", text).group(1)

    def stop(self):
        stop_pid(self.pid)
        self.processes.remove("sandbox-" + self.name)

    def counters(self):
        return Http(self.url).json("/sandbox/counters")

    def issued_tokens(self):
        return Http(self.url).json("/sandbox/issued-tokens")["tokens"]

    def genesys_job(self, job_id):
        """The job as Genesys reports it, asked with a token of our own."""
        h = Http(self.url)
        basic = base64.b64encode(("sandbox-client:" + self.secrets["genesys_secret"]).encode()).decode()
        status, body = h.post("/oauth/token", {"grant_type": "client_credentials"}, headers={"Authorization": "Basic " + basic})
        check(status == 200, "sandbox token request answered %d" % status)
        token = json.loads(body)["access_token"]
        status, body = h.get("/api/v2/infrastructureascode/jobs/%s" % job_id, headers={"Authorization": "Bearer " + token})
        check(status == 200, "sandbox job %s answered %d" % (job_id, status))
        return json.loads(body)

    def terrakube(self, path):
        h = Http(self.url)
        status, body = h.get(path, headers={"Authorization": "Bearer " + self.secrets["terrakube_token"]})
        check(status == 200, "sandbox %s answered %d" % (path, status))
        return body

    def terrakube_step_logs(self, job_id):
        """The job's whole log as the server stores it: every step's output, in step order."""
        doc = json.loads(self.terrakube("/api/v1/organization/%s/job/%s?include=step" % (self.terrakube_org, job_id)))
        steps = sorted((s for s in doc.get("included", []) if s["type"] == "step"), key=lambda s: s["attributes"]["stepNumber"])
        return "".join(self.terrakube(s["attributes"]["output"]) for s in steps if s["attributes"].get("output"))
