"""Scenarios of issue 23: apply exactly what was reviewed (expectPlan), outputs for the next stage, and one job at a
time per workspace (queue), with an approval that records the plan it was given on."""
import json
import re
import urllib.request

from harness import Http, check
from pipeline_scenarios import no_stack_trace, screenshot, submitted_id

APPROVAL = "/job/%s/%d/iac-jobs-approval"

PLAN_REVIEW_APPLY = """
pipeline {
  agent none
  stages {
    stage('Plan') {
      steps {
        script {
          plan = iacJob accelerator: 'Simple IVR', params: [queue_name: 'Reviewed'], planOnly: true
          echo "REVIEWED ${plan.plan.fingerprint}"
        }
      }
    }
    stage('Apply') {
      steps {
        script {
          def applied = iacJob accelerator: 'Simple IVR', params: [queue_name: 'Reviewed'], expectPlan: plan.plan.fingerprint
          echo "APPLIED status=${applied.status} reviewedPlan=${applied.reviewedPlan} first=${applied.results[0].type}"
        }
      }
    }
  }
}
"""


def sandbox_post(sandbox, path):
    req = urllib.request.Request(sandbox.url + path, data=b"", method="POST")
    with urllib.request.urlopen(req, timeout=30) as r:
        check(r.status == 200, "the sandbox's %s answered %d" % (path, r.status))
        return json.loads(r.read().decode())


def genesys_applies(sandbox):
    return sum(1 for j in Http(sandbox.url).json("/sandbox/genesys/jobs")["jobs"] if not j["dryRun"])


def reviewed_apply(ctx):
    """The user guide's plan, review, apply: the apply runs only after a dry run of the same inputs plans the reviewed
    fingerprint. Then a resource changes in the organisation between the review and the apply: the apply build fails,
    lists what differs, and creates no apply job."""
    kit, fast = ctx.kit, ctx.fast
    applies = genesys_applies(fast)
    n, result, console = kit.run_pipeline("reviewed-apply", PLAN_REVIEW_APPLY)
    check(result == "SUCCESS", "plan, review, apply ended %s:\n%s" % (result, console[-2500:]))
    reviewed = re.search(r"REVIEWED (v2:[0-9a-f]{64})", console)
    check(reviewed, "no v2 fingerprint for the reviewed plan:\n" + console[-2000:])
    fp = reviewed.group(1)
    check("expectPlan: a dry run of the same inputs first, to apply only the reviewed plan " + fp in console,
          "the log does not say the reviewed plan is checked first")
    check(re.search(r"Dry run \S+ planned what was reviewed \(fingerprint %s, 3 to add" % fp[3:15], console),
          "the log does not say the dry run matched:\n" + console[-2500:])
    check("APPLIED status=Complete reviewedPlan=%s first=genesyscloud_" % fp in console, "the step's value is not the apply's")
    check(genesys_applies(fast) == applies + 1, "one apply job was expected at the sandbox")
    no_stack_trace(console)
    shot = screenshot(ctx, "/job/reviewed-apply/%d/" % n, "reviewed-apply-build-page.png")

    # the organisation changes while the plan waits for its review: the apply finds another plan
    kit.pipeline("reviewed-mismatch", """
def plan = iacJob accelerator: 'Simple IVR', params: [queue_name: 'Drifting'], planOnly: true
echo "REVIEWED ${plan.plan.fingerprint}"
input id: 'Review', message: "Apply +${plan.plan.add} ~${plan.plan.change} -${plan.plan.destroy}?"
iacJob accelerator: 'Simple IVR', params: [queue_name: 'Drifting'], expectPlan: plan.plan.fingerprint
""")
    n2 = kit.build("reviewed-mismatch")
    m = kit.wait_for_log("reviewed-mismatch", n2, r"REVIEWED (v2:[0-9a-f]{64})", timeout=120)
    fp1 = m.group(1)
    kit.wait_for_log("reviewed-mismatch", n2, r"Apply \+3 ~0 -0\?", timeout=60)
    answer = sandbox_post(fast, "/sandbox/genesys/changed-outside?accelerator=Simple%20IVR&resource=genesyscloud_routing_queue.Sales")
    try:
        applies = genesys_applies(fast)
        status, _ = kit.admin().post("/job/reviewed-mismatch/%d/input/Review/proceedEmpty" % n2)
        check(status in (200, 302), "proceeding the review answered %d" % status)
        r2, c2 = kit.wait("reviewed-mismatch", n2, 180), kit.console("reviewed-mismatch", n2)
        check(r2 == "FAILURE", "an apply whose plan changed since the review ended %s:\n%s" % (r2, c2[-2500:]))
        check("expectPlan: the plan changed since it was reviewed. Reviewed %s, but dry run " % fp1 in c2,
              "the failure does not name the reviewed fingerprint:\n" + c2[-2500:])
        check("Resources that differ (1):" in c2 and "~ genesyscloud_routing_queue.Sales   (new: not in the reviewed plan)" in c2,
              "the log does not list the resource that differs:\n" + c2[-2500:])
        check("Nothing was applied." in c2 and "run again with expectPlan: 'v2:" in c2, "the failure does not say what to do")
        check(genesys_applies(fast) == applies, "an apply job was created although the plan changed")
        no_stack_trace(c2)
        status, page = kit.admin().get("/job/reviewed-mismatch/%d/" % n2)
        check(status == 200 and "~1 to change" in page,
              "the build page does not show the check's dry run and its plan")
        shot2 = screenshot(ctx, "/job/reviewed-mismatch/%d/console" % n2, "reviewed-apply-mismatch-log.png")
    finally:
        sandbox_post(fast, "/sandbox/genesys/changed-outside?accelerator=Simple%20IVR&clear=true")
    check(answer.get("changedOutside") == ["genesyscloud_routing_queue.Sales"], "the sandbox did not take the change: %s" % answer)
    ctx.evidence["reviewed apply"] = {"fingerprint": fp, "screenshots": [s for s in (shot, shot2) if s]}


def outputs_and_queue(ctx):
    """Terrakube, in secure mode: a job that waits for approval holds its workspace. queue: 'fail' creates no job
    behind it; a job that waits says which job it waits behind; the approval on the build page records the plan's
    fingerprint; an apply returns its outputs with the sensitive one masked everywhere."""
    kit, fast = ctx.kit, ctx.fast
    kit.pipeline("holder", "iacJob connection: 'terrakube', workspace: 'staging', template: 'Plan and apply',"
                           " approve: 'input', approvers: 'admin'\n")
    h = kit.build("holder")
    kit.wait_for_log("holder", h, r"waits for approval: admin may approve or reject it on the build page", timeout=180)
    holder_job = re.search(r"Submitted Terrakube job (\d+)", kit.console("holder", h)).group(1)
    status, page = kit.admin().get(APPROVAL % ("holder", h) + "/")
    check(status == 200 and re.search(r"fingerprint v2:[0-9a-f]{64}", page),
          "the approval page does not show the fingerprint of the plan a decision is given on")

    created = fast.counters().get("terrakubeJobsCreated", 0)
    n1, r1, c1 = kit.run_pipeline("queue-fail", "iacJob connection: 'terrakube', workspace: 'staging', planOnly: true, queue: 'fail'\n")
    check(r1 == "FAILURE", "queue: 'fail' behind an active job ended %s" % r1)
    check("queue: 'fail', and workspace 'staging' already runs job %s (waitingApproval)" % holder_job in c1,
          "the failure does not name the blocking job:\n" + c1[-1500:])
    check(fast.counters().get("terrakubeJobsCreated", 0) == created, "queue: 'fail' created a job")
    no_stack_trace(c1)

    kit.pipeline("behind", "iacJob connection: 'terrakube', workspace: 'staging', planOnly: true\n")
    b = kit.build("behind")
    kit.wait_for_log("behind", b, r"waits behind job %s \(waitingApproval\) of the same workspace" % holder_job, timeout=120)

    status, _ = kit.admin().post(APPROVAL % ("holder", h) + "/approve", {"comment": "reviewed"})
    check(status == 200, "the approval answered %d" % status)
    check(kit.wait("holder", h, 180) == "SUCCESS", "the approved job did not complete")
    hc = kit.console("holder", h)
    decided = re.search(r"Approved by admin at \S+ on plan (v2:[0-9a-f]{64}) \(\+40 ~0 -0\): reviewed", hc)
    check(decided, "the decision does not record the plan it was given on:\n" + hc[-2000:])
    summary = kit.artifact("holder", h, "iac-jobs/%s/summary.md" % holder_job)
    check(decided.group(1) in summary, "summary.md does not record the approved plan's fingerprint")
    plan_json = json.loads(kit.artifact("holder", h, "iac-jobs/%s/plan.json" % holder_job))
    check(plan_json["fingerprint"] == decided.group(1), "the approved fingerprint is not the job's plan's")
    outputs = json.loads(kit.artifact("holder", h, "iac-jobs/%s/outputs.json" % holder_job))
    check(outputs["outputs"]["vpc_id"]["value"] == "vpc-staging-" + holder_job, "outputs.json is not this job's: %s" % outputs)
    check(outputs["outputs"]["db_password"]["value"] == "****", "the sensitive output is not masked in outputs.json")
    check("db_password = **** (sensitive)" in hc and "sandbox-db-password-" not in hc, "the log does not mask the sensitive output")

    check(kit.wait("behind", b, 180) == "SUCCESS", "the job behind did not run once the workspace was free")
    bc = kit.console("behind", b)
    check(bc.count("waits behind job %s (waitingApproval)" % holder_job) == 1, "the wait was not said exactly once:\n" + bc[-2000:])

    n3, r3, c3 = kit.run_pipeline("outputs", """
def net = iacJob connection: 'terrakube', workspace: 'staging', template: 'Plan and apply without approval'
echo "NEXT vpc=${net.outputs.vpc_id} subnets=${net.outputs.subnet_ids} count=${net.outputs.instance_count} hasPassword=${net.outputs.containsKey('db_password')}"
""")
    check(r3 == "SUCCESS", "the apply with outputs ended %s:\n%s" % (r3, c3[-2000:]))
    job = submitted_id(c3)
    check("NEXT vpc=vpc-staging-%s subnets=[subnet-a-%s, subnet-b-%s] count=2 hasPassword=false" % (job, job, job) in c3,
          "the next stage does not read the outputs:\n" + c3[-1500:])
    check("sandbox-db-password-" not in c3, "the sensitive output is in the log")
    shot = screenshot(ctx, "/job/holder/%d/" % h, "outputs-and-approval-build-page.png")
    ctx.evidence["outputs and queue"] = {"approved plan": decided.group(1), "screenshot": shot}
