"""Scenarios of the evidence a build keeps: the AvePoint report read by the junit step, and no secret anywhere."""
import base64
import os
import re

from harness import check


def backup_report_junit(ctx):
    """iacBackupReport inside node {}, then junit on its file; a failOn gate fails the build with the verdict."""
    kit = ctx.kit
    n, result, console = kit.run_pipeline("backup-report", """
node {
  def r = iacBackupReport connection: 'avepoint', type: 'backup', since: '24h', failOn: 'never'
  echo "REPORT total=${r.total} failed=${r.failed} verdict=${r.verdict}"
  junit testResults: 'backup-report/junit.xml'
}
""")
    check(result in ("SUCCESS", "UNSTABLE"), "the report build ended %s:\n%s" % (result, console[-2000:]))
    m = re.search(r"REPORT total=(\d+) failed=(\d+) verdict=(\w+)", console)
    check(m, "the step's result was not echoed:\n" + console[-1500:])
    total, failed = int(m.group(1)), int(m.group(2))
    check(total > 0 and failed > 0, "the sandbox tenant should give failed backups in the last 24 h; got %d of %d" % (failed, total))
    report = kit.admin().json("/job/backup-report/%d/testReport/api/json?tree=passCount,failCount,skipCount" % n)
    cases = report["passCount"] + report["failCount"] + report["skipCount"]
    check(cases == total + 1, "junit read %d test cases, the report has %d jobs and a gate" % (cases, total))
    check(report["failCount"] == 0, "failOn never judges no job, yet junit counts %d failures" % report["failCount"])
    check(result == "SUCCESS", "failOn never and a test report that follows it leave the build SUCCESS, not %s" % result)
    arts = sorted(a["relativePath"] for a in kit.build_info("backup-report", n)["artifacts"])
    for f in ("backup-report/jobs.json", "backup-report/jobs.csv", "backup-report/junit.xml"):
        check(f in arts, "artifact %s missing: %s" % (f, arts))
    n, result, console = kit.run_pipeline("backup-gate", """
iacBackupReport connection: 'avepoint', type: 'backup', since: '24h', failOn: 'failed'
echo 'NOT REACHED'
""")
    check(result == "FAILURE", "the failOn gate left the build %s" % result)
    check("AvePoint backup report FAILED (failOn: failed)" in console and "NOT REACHED" not in console,
          "the gate's verdict is not the build's failure:\n" + console[-1500:])


def no_secret_anywhere(ctx):
    """No client secret, token, sensitive parameter value or sensitive output in the controller's home (build logs, build.xml,
    artifacts, configuration), in the persisted state of builds that were waiting (program.dat), or in jenkins.log,
    after every other scenario has run."""
    # the sandbox's sensitive Terraform output, returned in clear by its state API as Terrakube's is (outputs_and_queue)
    secrets = {"flow_api_secret parameter value": ctx.flow_secret, "sensitive Terraform output": "sandbox-db-password-"}
    for sandbox in [ctx.fast, ctx.slow] + ctx.more_sandboxes:
        for key, value in sandbox.secrets.items():
            if key != "avepoint_client":
                secrets["%s sandbox %s" % (sandbox.name, key)] = value
        basic = base64.b64encode(("sandbox-client:" + sandbox.secrets["genesys_secret"]).encode()).decode()
        secrets["%s sandbox Basic header" % sandbox.name] = basic
        tokens = sandbox.issued_tokens()
        check(tokens or sandbox is not ctx.fast, "the %s sandbox issued no token: the scenarios did not sign in" % sandbox.name)
        for i, token in enumerate(tokens):
            secrets["%s sandbox access token #%d" % (sandbox.name, i + 1)] = token
    needles = {name: value.encode() for name, value in secrets.items()}
    snapshots = os.path.join(ctx.kit.work, "..", "snapshots")  # running builds' persisted state, copied aside
    files = list(walk(ctx.kit.home)) + list(walk(snapshots)) + [ctx.kit.log_file]
    found = []
    for path in files:
        try:
            data = open(path, "rb").read()
        except OSError:
            continue
        found += ["%s in %s" % (name, os.path.relpath(path, os.path.dirname(ctx.kit.work))) for name, needle in needles.items() if needle in data]
    builds = [f for f in files if f.endswith(os.sep + "build.xml")]
    check(builds and os.path.exists(ctx.kit.log_file), "no build.xml under %s: nothing to scan" % ctx.kit.home)
    check(not found, "secrets found (names only):\n  " + "\n  ".join(found))
    ctx.evidence["scanned"] = "%d files (%d builds) for %d secrets" % (len(files), len(builds), len(secrets))


def walk(root):
    """Every file of the home but the installed plugins' own files (the kit's, and ours as packaged)."""
    plugins = os.path.join(root, "plugins")
    for d, _, fs in os.walk(root):
        if d == plugins or d.startswith(plugins + os.sep):
            continue
        for f in fs:
            yield os.path.join(d, f)


# Jenkins' own warnings that say nothing about this plugin: the kit has no update site and no tool installers, and
# applying a JCasC export (configuration_as_code) makes JCasC warn about core's user properties it cannot export and
# core's String converter warn that it was handed the credentials' Secret (hudson.util.Secret$2, not our code).
HARMLESS = re.compile(r"No tool installer metadata found|Use of toString\(\) on hudson\.util\.Secret from hudson\.util\.Secret\$2\.convert"
                      r"|Configuration-as-Code can't handle type class (hudson\.model\.PaneStatusProperties|jenkins\.security\.seed\.UserSeedProperty"
                      r"|hudson\.search\.UserSearchProperty|hudson\.security\.HudsonPrivateSecurityRealm\$Details)$")


def controller_log_clean(ctx):
    """jenkins.log has no warning or error from this plugin, and none that our data caused (XStream class filter,
    failed saves of builds or flow nodes), after every other scenario has run."""
    with open(ctx.kit.log_file, errors="replace") as f:
        lines = f.read().splitlines()
    problems = []
    for i, line in enumerate(lines):
        if re.match(r"(WARNING|SEVERE): ", line) and not HARMLESS.search(line):
            where = lines[i - 1] if i > 0 else ""
            problems.append("%s  (%s)" % (line[:200], where[:120]))
    check(not problems, "%d warning(s) in jenkins.log:\n  %s" % (len(problems), "\n  ".join(problems[:20])))
