"""Scenarios of approve: 'input': a Terrakube approval decided on the build page, in secure mode (admin/admin and
reader/reader, both logged-in users with full control, so the approvers list is what tells them apart)."""
import re

from harness import Http, check, wait_until

APPROVAL = "/job/%s/%d/iac-jobs-approval"


def pipeline(connection, workspace):
    return ("iacJob connection: '%s', workspace: '%s', template: 'Plan and apply', approve: 'input', approvers: 'admin'\n"
            % (connection, workspace))


def counters(sandbox):
    c = sandbox.counters()
    return c.get("terrakubeApprovals", 0), c.get("terrakubeDuplicateApprovals", 0), c.get("terrakubeRejections", 0)


def wait_for_approval(kit, name, n, timeout=180):
    kit.wait_for_log(name, n, r"waits for approval: admin may approve or reject it on the build page", timeout=timeout)
    status, page = kit.admin().get(APPROVAL % (name, n) + "/")
    check(status == 200 and 'name="approve"' in page and 'formaction="reject"' in page,
          "the approval page shows no Approve and Reject (%d)" % status)
    check("Plan: 40 to add, 0 to change, 0 to destroy." in page and "+ null_resource.sandbox[0]" in page,
          "the approval page does not show the plan")
    return page


def approve_on_the_build_page(ctx):
    """approve: 'input' puts the plan and Approve/Reject on the build page; a user outside approvers gets 403 and the
    job keeps waiting; an approver approves with a comment, once, and the job completes with the decision recorded."""
    kit, fast = ctx.kit, ctx.fast
    before = counters(fast)
    kit.pipeline("approve", pipeline("terrakube", "sandbox-workspace"))
    n = kit.build("approve")
    wait_for_approval(kit, "approve", n)
    outsider = Http(kit.url, "reader:reader").post(APPROVAL % ("approve", n) + "/approve", {"comment": "not mine to say"})[0]
    anonymous = kit.anonymous().post(APPROVAL % ("approve", n) + "/approve", {"comment": "x"})[0]
    check(outsider == 403 and anonymous == 403, "a user outside approvers answered %d, anonymous %d: expected 403" % (outsider, anonymous))
    check(kit.build_info("approve", n)["building"] and counters(fast) == before, "the job did not keep waiting after a refused decision")
    status, _ = kit.admin().post(APPROVAL % ("approve", n) + "/approve", {"comment": "plan reviewed"})
    check(status == 200, "the approver's decision answered %d" % status)
    again = kit.admin().post(APPROVAL % ("approve", n) + "/approve", {"comment": "twice"})[0]
    check(again == 409, "a second approval answered %d, expected 409" % again)
    check(kit.wait("approve", n, 120) == "SUCCESS", "the approved job did not complete")
    after = counters(fast)
    check(after[0] == before[0] + 1 and after[1] == before[1], "approvals at the sandbox went %s -> %s" % (before, after))
    console = kit.console("approve", n)
    check(re.search(r"Approved by admin at \S+ on plan v2:[0-9a-f]{64} \(\+40 ~0 -0\): plan reviewed", console), "the build log does not record the decision")
    job_id = re.search(r"Submitted Terrakube job (\d+)", console).group(1)
    summary = kit.artifact("approve", n, "iac-jobs/%s/summary.md" % job_id)
    check("| Approval | Approved by admin at " in summary, "summary.md does not record the decision:\n" + summary)
    status, page = kit.admin().get("/job/approve/%d/" % n)
    check("Approved by admin" in page, "the build page does not show the decision")
    build_xml = open("%s/jobs/approve/builds/%d/build.xml" % (kit.home, n), errors="replace").read()
    check("<state>APPROVED</state>" in build_xml and "<decidedBy>admin</decidedBy>" in build_xml,
          "build.xml does not hold the decision: it was not saved")


def reject_on_the_build_page(ctx):
    """Reject PATCHes the job as rejected and fails the build with a clear message naming who rejected it."""
    kit, fast = ctx.kit, ctx.fast
    before = counters(fast)
    kit.pipeline("reject", pipeline("terrakube", "staging"))
    n = kit.build("reject")
    wait_for_approval(kit, "reject", n)
    status, _ = kit.admin().post(APPROVAL % ("reject", n) + "/reject", {"comment": "too many resources"})
    check(status == 200, "rejecting answered %d" % status)
    check(kit.wait("reject", n, 120) == "FAILURE", "a rejected job did not fail the build")
    check(counters(fast)[2] == before[2] + 1 and counters(fast)[0] == before[0], "the sandbox did not see one rejection only")
    console = kit.console("reject", n)
    check(re.search(r"ended rejected.*Rejected by admin at \S+ on plan v2:[0-9a-f]{64} \(\+40 ~0 -0\): too many resources", console),
          "the failure does not say who rejected it and why:\n" + console[-1500:])


def approval_survives_a_restart(ctx):
    """A controller restart while the job waits for approval: the buttons come back, one approval reaches the
    sandbox, and the job completes."""
    kit, slow = ctx.kit, ctx.slow
    before = counters(slow)
    kit.pipeline("approve-restart", pipeline("terrakube-slow", "staging"))
    n = kit.build("approve-restart")
    wait_for_approval(kit, "approve-restart", n, timeout=300)
    kit.snapshot_build("approve-restart", n)
    kit.restart()
    page = wait_until("the approval page after the restart",
                      lambda: (lambda r: r[1] if r[0] == 200 and 'name="approve"' in r[1] else None)(
                          kit.admin().get(APPROVAL % ("approve-restart", n) + "/")), 120)
    check("Plan: 40 to add" in page, "the plan is gone from the approval page after the restart")
    status, _ = kit.admin().post(APPROVAL % ("approve-restart", n) + "/approve", {"comment": "after the restart"})
    check(status == 200, "approving after the restart answered %d" % status)
    check(kit.wait("approve-restart", n, 400) == "SUCCESS", "the job approved after a restart did not complete")
    after = counters(slow)
    check(after[0] == before[0] + 1 and after[1] == before[1], "approvals at the sandbox went %s -> %s" % (before, after))
