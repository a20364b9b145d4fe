"""Scenarios of the configuration forms: the freestyle builder through a real form submission, the Snippet Generator
and the global configuration page rendering, and the permission checks of every form endpoint."""
import json
import os
import re

from harness import Failed, check

FORM_FIELD = re.compile(r'name="_\.(\w+)"')
PAGE_ERROR = re.compile(r"Oops!|A problem occurred|Exception:|jelly:|\bat [\w$.]+\(\w+\.java:\d+\)")


def no_page_error(what, page):
    m = PAGE_ERROR.search(page)
    check(not m, "%s shows an error: %r" % (what, m.group(0) if m else ""))


def freestyle_form(ctx):
    """The "Run IaC job" build step, configured by submitting the job's config form, runs a plan to Complete."""
    kit, http = ctx.kit, ctx.kit.admin()
    status, _ = http.post("/createItem?name=freestyle", b"<project><builders/></project>", headers={"Content-Type": "application/xml"})
    check(status == 200, "creating the freestyle job answered %d" % status)
    status, page = http.get("/job/freestyle/configure")
    check(status == 200 and "io.jenkins.plugins.iacjobs.steps.IacJobBuilder" in page,
          "the configure page does not offer the Run IaC job step (%d)" % status)
    no_page_error("the freestyle configure page", page)
    form = {"description": "", "enable": True, "builder": {
        "stapler-class": "io.jenkins.plugins.iacjobs.steps.IacJobBuilder", "$class": "io.jenkins.plugins.iacjobs.steps.IacJobBuilder",
        "connection": "genesys", "accelerator": "Simple IVR", "parameters": "queue_name=Support\ndivision=Home",
        "planOnly": True, "credentialsId": "", "timeout": "10m", "failOnError": True, "submitOnly": False,
        "jobId": "", "workspace": "", "branch": "", "approve": ""}}
    status, _ = http.post("/job/freestyle/configSubmit", {"json": json.dumps(form), "Submit": "Save"})
    check(status == 200, "submitting the config form answered %d" % status)
    status, xml = http.get("/job/freestyle/config.xml")
    for text in ("<io.jenkins.plugins.iacjobs.steps.IacJobBuilder", "<accelerator>Simple IVR</accelerator>",
                 "<planOnly>true</planOnly>", "<connection>genesys</connection>", "<timeout>10m</timeout>"):
        check(text in xml, "config.xml after the form lacks %r" % text)
    status, page = http.get("/job/freestyle/configure")
    fields = set(FORM_FIELD.findall(page))
    check({"accelerator", "parameters", "planOnly", "connection", "timeout"} <= fields,
          "the saved step does not render its fields: %s" % sorted(fields))
    n = kit.build("freestyle")
    result = kit.wait("freestyle", n, 120)
    console = kit.console("freestyle", n)
    check(result == "SUCCESS", "the freestyle build ended %s:\n%s" % (result, console[-1500:]))
    check(re.search(r"job \S+: Complete", console), "the freestyle log has no Complete status")
    arts = [a["relativePath"].split("/")[-1] for a in kit.build_info("freestyle", n)["artifacts"]]
    check(sorted(arts) == ["job.json", "plan.json", "plan.txt", "summary.md"], "freestyle artifacts: %s" % arts)


def snippet_and_global_config(ctx):
    """The Snippet Generator renders iacJob's form and generates a step from it; the global configuration renders."""
    http = ctx.kit.admin()
    status, page = http.get("/job/plan/pipeline-syntax/")
    check(status == 200, "the Snippet Generator answered %d" % status)
    at = page.find('value="io.jenkins.plugins.iacjobs.steps.IacJobStep"')
    check(at > 0, "the Snippet Generator does not list iacJob")
    proxy = list(re.finditer(r'data-proxy-url="([^"]+)" data-proxy-crumb="([^"]+)"', page[:at]))
    check(proxy, "no render-on-demand proxy before iacJob's entry")
    status, form = http.post(proxy[-1].group(1) + "/render", b"[]", headers={
        "Content-Type": "application/x-stapler-method-invocation;charset=UTF-8", "Crumb": proxy[-1].group(2)})
    check(status == 200, "rendering iacJob's snippet form answered %d" % status)
    no_page_error("iacJob's snippet form", form)
    fields = set(FORM_FIELD.findall(form))
    want = {"connection", "accelerator", "template", "workspace", "planOnly", "credentialsId", "timeout", "failOnError", "jobId"}
    check(want <= fields, "iacJob's snippet form lacks %s" % sorted(want - fields))
    step = {"stapler-class": "io.jenkins.plugins.iacjobs.steps.IacJobStep", "$class": "io.jenkins.plugins.iacjobs.steps.IacJobStep",
            "accelerator": "Simple IVR", "planOnly": True, "connection": "genesys", "timeout": "30m", "failOnError": True}
    status, snippet = http.post("/job/plan/pipeline-syntax/generateSnippet", {"json": json.dumps(step)})
    check(status == 200 and snippet.strip() == "iacJob accelerator: 'Simple IVR', connection: 'genesys', planOnly: true, timeout: '30m'",
          "generated snippet: %r" % snippet)
    status, page = http.get("/manage/configure")
    check(status == 200, "the global configuration page answered %d" % status)
    no_page_error("the global configuration page", page)
    for text in ("IaC Jobs", 'value="genesys-slow"', 'value="terrakube"', 'value="avepoint"'):
        check(text in page, "the global configuration page lacks %r" % text)


def form_endpoints_secure(ctx):
    """With security on, every doFill*/doCheck*/doTest* endpoint refuses anonymous POSTs (403), answers an
    administrator, and does not answer GET."""
    kit = ctx.kit
    kit.stop()
    kit.start(secure=True)
    kit.pipeline("forms", "echo 'a job to call the endpoints under'\n")
    listing = kit.script(open(os.path.join(ctx.here, "groovy", "form_endpoints.groovy")).read())
    endpoints = [l.split() for l in listing.splitlines() if l.startswith("endpoint ")]
    check(len(endpoints) >= 25, "found only %d form endpoints: the listing script is broken" % len(endpoints))
    admin, anonymous = kit.admin(), kit.anonymous()
    problems = []
    for _, descriptor, name, scope in endpoints:
        paths = ["/descriptorByName/%s/%s" % (descriptor, name)]
        if scope == "item":
            paths.append("/job/forms/descriptorByName/%s/%s" % (descriptor, name))
        for path in paths:
            a = anonymous.post(path)[0]
            b = admin.post(path)[0]
            c = admin.get(path)[0]
            if a != 403 or b != 200 or c in (200,):
                problems.append("%s: anonymous POST %d, admin POST %d, admin GET %d" % (path, a, b, c))
    check(not problems, "%d endpoint(s) misbehave:\n  %s" % (len(problems), "\n  ".join(problems)))
    ctx.evidence["endpoints"] = len(endpoints)
