"""Scenarios of iacJob in Pipeline: a plan to Complete, a failed job, aborts, and a controller restart."""
import json
import os
import re
import shutil
import subprocess

from harness import Failed, check, wait_until

BROKEN_TRUNK_ERROR = "trunk 'edge-1' not found in division Home"
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
STACK_LINE = re.compile(r"^\s+at [\w$.]+\(|^[\w.$]+(Exception|Error)(: |$)", re.M)


def screenshot(ctx, path, name):
    """A PNG of the page as headless Chromium draws it, under target/scenarios/screenshots, where Chromium is
    installed (`apt-get install chromium`); the page's HTML is checked either way."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        return None
    out = os.path.join(ctx.kit.work, "..", "screenshots", name)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,1000",
                    "--screenshot=" + out, ctx.kit.url + path], capture_output=True, timeout=120)
    check(os.path.getsize(out) > 10000 if os.path.exists(out) else False, "Chromium made no screenshot of %s" % path)
    return os.path.relpath(out, os.path.join(ctx.kit.work, ".."))


def status_lines(console, job_id):
    return re.findall(r"^\[IaC Jobs\] \S+Z [^\n]* job %s: (\w+)" % re.escape(job_id), console, re.M)


def submitted_id(console):
    m = re.search(r"Submitted [\w ]+ job (\S+):", console)
    check(m, "no 'Submitted … job' line in the log:\n" + console[-1500:])
    return m.group(1)


def strip_framing(log):
    return "\n".join(l for l in log.split("\n") if l and not re.match(r"--- Step \d+ '.*' ---$|\[iacjobs\] ", l))


def no_stack_trace(console):
    m = STACK_LINE.search(console)
    check(not m, "the build log shows a stack trace: %r" % (m.group(0) if m else ""))


def each_status_once(console, job_id):
    statuses = status_lines(console, job_id)
    check(statuses, "no status line for job %s" % job_id)
    repeated = [a for a, b in zip(statuses, statuses[1:]) if a == b]
    check(not repeated, "status %s logged twice in a row for job %s: %s" % (repeated, job_id, statuses))
    return statuses


def plan_to_complete(ctx):
    """Declarative iacJob, plan only, to Complete: artifacts, build page summary, statuses once, a sandbox-readable result."""
    kit = ctx.kit
    n, result, console = kit.run_pipeline("plan", """
pipeline {
  agent none
  stages {
    stage('Plan') {
      steps {
        withCredentials([string(credentialsId: 'flow-secret', variable: 'FLOW_SECRET')]) {
          script {
            def job = iacJob accelerator: 'Simple IVR', planOnly: true,
                             params: [queue_name: 'Support', division: 'Home', flow_api_secret: FLOW_SECRET]
            echo "RESULT id=${job.id} status=${job.status} success=${job.success} planOnly=${job.planOnly} artifacts=${job.artifacts.size()} url=${job.url}"
            echo "PLAN add=${job.plan.add} change=${job.plan.change} destroy=${job.plan.destroy} first=${job.plan.resources[0].address}"
            if (job.plan.destroy > 0) {
              input 'The plan destroys resources: apply?'
            }
          }
        }
      }
    }
  }
}
""")
    check(result == "SUCCESS", "build ended %s:\n%s" % (result, console[-3000:]))
    job_id = submitted_id(console)
    statuses = status_lines(console, job_id)
    check(statuses == ["Created", "Queued", "Running", "Complete"],
          "each status once, in order, was expected; the log has %s" % statuses)
    check(re.search(r"RESULT id=%s status=Complete success=true planOnly=true artifacts=4 " % re.escape(job_id), console),
          "the step's return value was not read in the sandboxed script:\n" + console[-1500:])
    check("PLAN add=3 change=0 destroy=0 first=genesyscloud_routing_queue.Support" in console,
          "the plan in the return value was not read in the sandboxed script:\n" + console[-1500:])
    pending = kit.script("println org.jenkinsci.plugins.scriptsecurity.scripts.ScriptApproval.get().pendingSignatures.size()\nprintln 'OK'")
    check(pending.split()[0] == "0", "reading the result needed script approval: %s pending signature(s)" % pending.split()[0])
    arts = sorted(a["relativePath"] for a in kit.build_info("plan", n)["artifacts"])
    want = sorted("iac-jobs/%s/%s" % (job_id, f) for f in ("job.json", "plan.json", "plan.txt", "summary.md"))
    check(arts == want, "artifacts %s, expected %s" % (arts, want))
    check(json.loads(kit.artifact("plan", n, "iac-jobs/%s/job.json" % job_id))["id"] == job_id, "job.json is not the job")
    job_json = json.loads(kit.artifact("plan", n, "iac-jobs/%s/job.json" % job_id))
    check(job_json["results"]["parameters"]["flow_api_secret"] == "********", "job.json does not hold the results as masked JSON")
    plan = json.loads(kit.artifact("plan", n, "iac-jobs/%s/plan.json" % job_id))
    check([plan["add"], plan["change"], plan["destroy"]] == [3, 0, 0], "plan.json is not the plan model: %s" % plan)
    status, page = kit.admin().get("/job/plan/%d/" % n)
    check(status == 200, "build page answered %d" % status)
    for text in ("Genesys Cloud</b> job <code>%s</code> (Simple IVR):" % job_id, "<b>Complete</b>", "plan only",
                 'href="artifact/iac-jobs/%s/plan.json"' % job_id, "flow_api_secret=********",
                 'class="iac-jobs-plan-add"', "+3 to add", "+ genesyscloud_routing_queue.Support"):
        check(text in page, "the build page summary lacks %r" % text)
    resources = re.findall(r"<div>([-+~/]+ genesyscloud_[^<]*)</div>", page)
    check(len(resources) == 3, "each planned resource on a line of its own was expected; the page has %s" % resources)
    zero = re.search(r'<span[^>]*class="iac-jobs-plan-change"[^>]*>~0 ', page)
    at = page.find("iac-jobs-plan-change")
    check(zero and "color" not in zero.group(0), "a zero count is still coloured: %s" % (zero.group(0) if zero else page[at - 300:at + 300]))
    shot = screenshot(ctx, "/job/plan/%d/" % n, "plan-build-page.png")
    if shot:
        ctx.evidence["screenshot"] = shot
    status, page = kit.admin().get("/job/plan/")
    check("IaC jobs of the last 10 builds" in page and "+3" in page, "the project page shows no IaC job trend")


def plan_gates_an_input(ctx):
    """A Jenkinsfile gates on job.plan.destroy: a Terrakube destroy plans deletions, the input step stops the build
    until a person proceeds; the plan's resources are readable in the sandboxed script."""
    kit = ctx.kit
    kit.pipeline("gate", """
def job = iacJob connection: 'terrakube', workspace: 'no-changes', template: 'Destroy'
echo "DESTROYS ${job.plan.destroy}: ${job.plan.resources.findAll { it.action == 'destroy' }.size()} listed"
if (job.plan.destroy > 0) {
  input id: 'Gate', message: "The plan destroys ${job.plan.destroy} resources. Go on?"
}
echo 'GATE PASSED'
""")
    n = kit.build("gate")
    kit.wait_for_log("gate", n, r"The plan destroys \d+ resources", timeout=120)
    console = kit.console("gate", n)
    check(re.search(r"DESTROYS (\d+): \1 listed", console) and "GATE PASSED" not in console,
          "the gate did not stop the build on the planned deletions:\n" + console[-1500:])
    status, _ = kit.admin().post("/job/gate/%d/input/Gate/proceedEmpty" % n)
    check(status in (200, 302), "proceeding the input answered %d" % status)
    check(kit.wait("gate", n, 60) == "SUCCESS", "the gated build did not succeed after proceeding")
    check("GATE PASSED" in kit.console("gate", n), "the build did not go on after the input")


def failed_job(ctx):
    """A Failed job fails the build with the remote message and no stack trace; failOnError: false returns it."""
    kit = ctx.kit
    n, result, console = kit.run_pipeline("failed", """
iacJob accelerator: 'Broken Trunk', params: [trunk_name: 'edge-1']
echo 'NOT REACHED'
""")
    check(result == "FAILURE", "a Failed job left the build %s" % result)
    check(BROKEN_TRUNK_ERROR in console, "the remote's message is not in the log:\n" + console[-1500:])
    check("NOT REACHED" not in console, "the Pipeline went on after a failed job")
    no_stack_trace(console)
    n, result, console = kit.run_pipeline("failed-returned", """
def job = iacJob accelerator: 'Broken Trunk', failOnError: false
echo "RETURNED status=${job.status} success=${job.success} error=${job.error}"
""")
    check(result == "SUCCESS", "failOnError: false still ended the build %s" % result)
    check("RETURNED status=Failed success=false error=" in console and BROKEN_TRUNK_ERROR in console,
          "failOnError: false did not return the failed result:\n" + console[-1500:])
    no_stack_trace(console)


def abort_genesys(ctx):
    """Aborting stops the wait at once and says the Genesys job runs on remotely (it has no cancel API)."""
    kit = ctx.kit
    kit.pipeline("abort-genesys", """
withCredentials([string(credentialsId: 'flow-secret', variable: 'FLOW_SECRET')]) {
  iacJob connection: 'genesys-slow', accelerator: 'Simple IVR', params: [queue_name: 'Q', flow_api_secret: FLOW_SECRET]
}
""")
    n = kit.build("abort-genesys")
    kit.wait_for_log("abort-genesys", n, r"job \S+: (Queued|Running)")
    kit.snapshot_build("abort-genesys", n)
    job_id = submitted_id(kit.console("abort-genesys", n))
    status, _ = kit.admin().post("/job/abort-genesys/%d/stop" % n)
    check(status in (200, 302), "stop answered %d" % status)
    result = kit.wait("abort-genesys", n, 60)
    check(result == "ABORTED", "the aborted build ended %s" % result)
    remote = ctx.slow.genesys_job(job_id)["status"]
    check(remote in ("Created", "Queued", "Running"),
          "the remote job was already %s when the build ended: the abort did not stop the wait early" % remote)
    console = kit.console("abort-genesys", n)
    check("still running remotely" in console, "the log does not say the job goes on remotely:\n" + console[-1500:])
    no_stack_trace(console)


def abort_terrakube(ctx):
    """Aborting a Terrakube job that waits for approval cancels it remotely (the sandbox counts the PATCH)."""
    kit = ctx.kit
    before = ctx.fast.counters().get("terrakubeCancels", 0)
    kit.pipeline("abort-terrakube", "iacJob connection: 'terrakube', workspace: 'staging', template: 'Plan and apply'\n")
    n = kit.build("abort-terrakube")
    kit.wait_for_log("abort-terrakube", n, r"Terrakube job \S+: waitingApproval", timeout=120)
    kit.admin().post("/job/abort-terrakube/%d/stop" % n)
    check(kit.wait("abort-terrakube", n, 60) == "ABORTED", "the aborted build did not end ABORTED")
    after = ctx.fast.counters().get("terrakubeCancels", 0)
    check(after == before + 1, "the sandbox saw %d cancel PATCH(es), expected 1" % (after - before))
    console = kit.console("abort-terrakube", n)
    check(re.search(r"Cancelled Terrakube job \S+", console), "the log does not say the job was cancelled:\n" + console[-1500:])
    no_stack_trace(console)


def restart_resumes(ctx):
    """A controller restart while a Genesys and a Terrakube job wait: both resume and finish, nothing repeated or lost."""
    kit, slow = ctx.kit, ctx.slow
    kit.pipeline("restart-genesys", "iacJob connection: 'genesys-slow', accelerator: 'Simple IVR', params: [queue_name: 'R'], planOnly: true\n")
    kit.pipeline("restart-terrakube", "iacJob connection: 'terrakube-slow', workspace: 'sandbox-workspace', "
                                      "template: 'Plan and apply', approve: 'auto'\n")
    g, t = kit.build("restart-genesys"), kit.build("restart-terrakube")
    kit.wait_for_log("restart-genesys", g, r"job \S+: (Queued|Running)", timeout=120)
    # Wait for streamed log text (the plan step's lines), so the restart lands in the middle of a log.
    kit.wait_for_log("restart-terrakube", t, r"null_resource\.sandbox\[", timeout=180)
    kit.snapshot_build("restart-genesys", g)
    kit.snapshot_build("restart-terrakube", t)
    kit.restart()
    results = {name: kit.wait(name, n, 400) for name, n in (("restart-genesys", g), ("restart-terrakube", t))}
    check(results == {"restart-genesys": "SUCCESS", "restart-terrakube": "SUCCESS"}, "after the restart: %s" % results)

    console = kit.console("restart-genesys", g)
    job_id = submitted_id(console)
    check("Resumed watching" in console, "the Genesys build did not resume after the restart")
    statuses = each_status_once(console, job_id)
    check(len(statuses) == len(set(statuses)) and statuses[-1] == "Complete", "Genesys statuses after a restart: %s" % statuses)
    arts = sorted(a["relativePath"].split("/")[-1] for a in kit.build_info("restart-genesys", g)["artifacts"])
    check(arts == ["job.json", "plan.json", "plan.txt", "summary.md"], "Genesys artifacts after a restart: %s" % arts)

    console = kit.console("restart-terrakube", t)
    tk_id = submitted_id(console)
    check("Resumed watching" in console, "the Terrakube build did not resume after the restart")
    each_status_once(console, tk_id)
    expected = ANSI.sub("", slow.terrakube_step_logs(tk_id))
    check("\x1b" not in console, "the build log shows raw terminal codes")
    check(expected.strip(), "the sandbox has no log for Terrakube job %s" % tk_id)
    log_txt = kit.artifact("restart-terrakube", t, "iac-jobs/%s/log.txt" % tk_id)
    # log.txt adds a header before each step and a line for the approval; the rest is the server's, byte for byte.
    if strip_framing(log_txt) != strip_framing(expected):
        keep = ctx.kit.work + "/restart-log-"
        open(keep + "archived.txt", "w").write(log_txt)
        open(keep + "server.txt", "w").write(expected)
        raise Failed("log.txt differs from the server's log (%d vs %d characters; both kept as %s*)" % (len(log_txt), len(expected), keep))
    for line in set(l for l in expected.splitlines() if l.strip()):
        want, seen = expected.splitlines().count(line), console.splitlines().count(line)
        check(seen == want, "log line %r is in the build log %d time(s), in the server's log %d" % (line, seen, want))


def hard_crash_resumes(ctx):
    """kill -9 of the controller while a Genesys and a Terrakube job wait (no shutdown hook, no last save): both builds
    resume from what the plugin persisted when the remote accepted each job, finish, and nothing is submitted twice,
    lost or repeated."""
    import signal
    import time
    kit, slow = ctx.kit, ctx.slow
    before = slow.counters()
    kit.pipeline("crash-genesys", "iacJob connection: 'genesys-slow', accelerator: 'Simple IVR', params: [queue_name: 'K'], planOnly: true\n")
    kit.pipeline("crash-terrakube", "iacJob connection: 'terrakube-slow', workspace: 'staging', template: 'Plan and apply', approve: 'auto'\n")
    g, t = kit.build("crash-genesys"), kit.build("crash-terrakube")
    kit.wait_for_log("crash-genesys", g, r"job \S+: (Queued|Running)", timeout=120)
    kit.wait_for_log("crash-terrakube", t, r"null_resource\.sandbox\[", timeout=180)
    pid = kit.controller_pid()
    check(pid, "no controller pid to kill")
    os.kill(pid, signal.SIGKILL)
    wait_until("the killed controller to be gone", lambda: not _alive(pid), 30)
    time.sleep(1)
    kit.start(secure=kit.secure)
    results = {name: kit.wait(name, n, 400) for name, n in (("crash-genesys", g), ("crash-terrakube", t))}
    check(results == {"crash-genesys": "SUCCESS", "crash-terrakube": "SUCCESS"}, "after kill -9: %s" % results)
    after = slow.counters()
    created = {k: after.get(k, 0) - before.get(k, 0) for k in ("jobsCreated", "terrakubeJobsCreated")}
    check(created == {"jobsCreated": 1, "terrakubeJobsCreated": 1}, "jobs created at the sandbox for two builds: %s" % created)

    console = kit.console("crash-genesys", g)
    job_id = submitted_id(console)
    check("Resumed watching" in console, "the Genesys build did not resume after kill -9:\n" + console[-1500:])
    check(console.count("Submitted Genesys Cloud job") == 1, "the Genesys job was submitted more than once")
    each_status_once(console, job_id)
    console = kit.console("crash-terrakube", t)
    tk_id = submitted_id(console)
    check("Resumed watching" in console, "the Terrakube build did not resume after kill -9:\n" + console[-1500:])
    each_status_once(console, tk_id)
    expected = ANSI.sub("", slow.terrakube_step_logs(tk_id))
    for line in set(l for l in expected.splitlines() if l.strip()):
        want, seen = expected.splitlines().count(line), console.splitlines().count(line)
        check(seen == want, "after kill -9, log line %r is in the build log %d time(s), in the server's log %d" % (line, seen, want))


def crash_while_submitting(ctx):
    """kill -9 of the controller while one build's submission is in flight (the sandbox made its job and holds the
    answer), just after a neighbour's job of the same accelerator was made and while a third build waits for its turn:
    after a fresh start the in-flight build finds its own job by what was kept before the send (not its neighbour's),
    the waiting one sends its job now, and every job the sandbox made is reported by exactly one build (issue 24).
    Before the plugin kept its send record, the in-flight build saw both jobs as candidates and failed."""
    import signal
    import time
    from harness import Http
    kit, slow = ctx.kit, ctx.slow
    names = ["crash-send-%d" % i for i in (1, 2, 3)]
    for i, name in enumerate(names):
        kit.pipeline(name, "iacJob connection: 'genesys-slow', accelerator: 'Simple IVR', params: [queue_name: 'S%d'], planOnly: true\n" % i)
    http = Http(slow.url)
    status, _ = http.post("/sandbox/genesys/hold-answers?seconds=120&skip=1")
    check(status == 200, "the sandbox's hold-answers switch answered %d" % status)
    before = {j["id"] for j in http.json("/sandbox/genesys/jobs")["jobs"]}
    try:
        builds = {name: kit.build(name) for name in names}
        made = lambda: [j["id"] for j in http.json("/sandbox/genesys/jobs")["jobs"] if j["id"] not in before]
        wait_until("two jobs made (one answered, one held)", lambda: len(made()) >= 2, 180, 0.5)
        wait_until("the third build to wait for its turn", lambda: any(
            "other submissions of the same accelerator" in kit.console(n, b) for n, b in builds.items()), 120, 0.5)
        check(len(made()) == 2, "jobs made before the kill: %s" % made())
        pid = kit.controller_pid()
        check(pid, "no controller pid to kill")
        os.kill(pid, signal.SIGKILL)
        wait_until("the killed controller to be gone", lambda: not _alive(pid), 30)
    finally:
        http.post("/sandbox/genesys/hold-answers?seconds=0")
    time.sleep(1)
    kit.start(secure=kit.secure)
    results = {name: kit.wait(name, n, 400) for name, n in builds.items()}
    check(set(results.values()) == {"SUCCESS"}, "after kill -9 mid-submission: %s" % results)
    jobs = made()
    reported = {}
    for name, n in builds.items():
        console = kit.console(name, n)
        ids = set(re.findall(r"(?:Genesys Cloud job|job history as) ([0-9a-f-]{36})", console))
        check(len(ids) == 1, "%s names %d jobs:\n%s" % (name, len(ids), console[-2500:]))
        reported[name] = ids.pop()
    check(len(jobs) == 3, "jobs the sandbox made for three builds: %d (%s)" % (len(jobs), jobs))
    check(sorted(reported.values()) == sorted(jobs), "every job reported by exactly one build: builds %s, sandbox %s" % (reported, jobs))
    consoles = {name: kit.console(name, n) for name, n in builds.items()}
    check(sum("found it in the Genesys Cloud job history" in c for c in consoles.values()) == 1,
          "one build found its in-flight job after the restart:\n" + "\n".join(c[-1200:] for c in consoles.values()))
    check(sum("Jenkins stopped before this job was sent" in c for c in consoles.values()) == 1,
          "one build sent its job after the restart:\n" + "\n".join(c[-1200:] for c in consoles.values()))


def _alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False


def set_in_sync(sandbox, value):
    """The sandbox's drift switch: in sync, a Simple IVR dry run plans no changes."""
    import urllib.request
    req = urllib.request.Request(sandbox.url + "/sandbox/genesys/in-sync?accelerator=Simple%%20IVR&value=%s" % str(value).lower(),
                                 data=b"", method="POST")
    with urllib.request.urlopen(req, timeout=30) as r:
        check(r.status == 200, "the sandbox's in-sync switch answered %d" % r.status)


NIGHTLY = """
pipeline {
  agent none
  triggers { cron('H 3 * * *') }
  stages {
    stage('Drift') {
      steps {
        script {
          def job = iacJob accelerator: 'Simple IVR', params: [queue_name: 'Nightly'], planOnly: true, onChanges: 'unstable'
          echo "DRIFT drift=${job.drift} fingerprint=${job.plan.fingerprint} compared=${job.comparedWith}"
        }
      }
    }
  }
}
"""


def nightly_drift(ctx):
    """The user guide's nightly drift check: UNSTABLE on a plan with changes, "same as build #N" when the drift stays,
    SUCCESS on No changes, and the job page's trend marking the drift."""
    kit = ctx.kit
    try:
        n1, r1, c1 = kit.run_pipeline("nightly", NIGHTLY)
        check(r1 == "UNSTABLE", "a plan with changes left the build %s:\n%s" % (r1, c1[-2000:]))
        check("Drift: Plan: 3 to add, 0 to change, 0 to destroy. The build is marked unstable" in c1, "no drift verdict:\n" + c1[-2000:])
        no_stack_trace(c1)
        n2 = kit.build("nightly")
        wait_until("nightly #%d to start" % n2, lambda: kit.build_info("nightly", n2), 60)
        r2, c2 = kit.wait("nightly", n2), kit.console("nightly", n2)
        check(r2 == "UNSTABLE", "the second drift left the build %s" % r2)
        check("Same changes as build #%d." % n1 in c2, "a drift that stays is not said to:\n" + c2[-2000:])
        f1 = re.search(r"DRIFT drift=true fingerprint=(v2:[0-9a-f]{64})", c1)
        f2 = re.search(r"DRIFT drift=true fingerprint=(v2:[0-9a-f]{64})", c2)
        check(f1 and f2 and f1.group(1) == f2.group(1), "job.plan.fingerprint differs for the same changes")
        job_id = submitted_id(c2)
        summary = kit.artifact("nightly", n2, "iac-jobs/%s/summary.md" % job_id)
        check("Same changes as build #%d." % n1 in summary, "summary.md does not say the drift stays:\n" + summary)
        status, page = kit.admin().get("/job/nightly/%d/" % n2)
        check("Same changes as build #%d." % n1 in page and 'class="iac-jobs-drift"' in page,
              "the build page does not mark the drift that stays")
        shot = screenshot(ctx, "/job/nightly/%d/" % n2, "nightly-drift-build-page.png")

        set_in_sync(ctx.fast, True)
        n3 = kit.build("nightly")
        wait_until("nightly #%d to start" % n3, lambda: kit.build_info("nightly", n3), 60)
        r3, c3 = kit.wait("nightly", n3), kit.console("nightly", n3)
        check(r3 == "SUCCESS", "a plan without changes left the build %s:\n%s" % (r3, c3[-2000:]))
        check("DRIFT drift=false" in c3 and "compared=No changes now; build #%d planned some." % n2 in c3,
              "the plan without changes is not compared:\n" + c3[-2000:])

        status, page = kit.admin().get("/job/nightly/")
        trend = page[page.find('class="iac-jobs-trend"'):]
        trend = trend[:trend.find("</table>")]
        rows = re.findall(r"<tr>(.*?)</tr>", trend, re.S)[1:]
        check(len(rows) == 3, "the trend has %d rows: %s" % (len(rows), trend[:1500]))
        marks = [("drift" in re.sub(r"<[^>]+>", " ", r).split("#")[1], "same as before" in r) for r in rows]
        check(marks == [(False, False), (True, True), (True, False)],
              "the trend marks (drift, same as before) newest first were %s" % marks)
        trend_shot = screenshot(ctx, "/job/nightly/", "nightly-drift-trend.png")
        if shot or trend_shot:
            ctx.evidence["drift screenshots"] = [s for s in (shot, trend_shot) if s]
    finally:
        set_in_sync(ctx.fast, False)
