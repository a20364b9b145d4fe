"""Scenarios of a hostile remote met through the plugin in a real controller (issue 20)."""
import json
import os

from harness import Http, Sandbox, check, wait_until
from pipeline_scenarios import no_stack_trace

CONCURRENT_BUILDS = 100
HOSTILE_FAULTS = "5xx=3,drop-submit=30"


def concurrent_lost_submissions(ctx):
    """100 builds at once on one Genesys connection whose remote loses 30 submit answers and fails every third call
    with a 5xx: every job the remote made is reported by exactly one build, as its own; none is made twice."""
    kit = ctx.kit
    hostile = Sandbox(ctx.fast.jar, "hostile", ctx.fast.work, 0.05, ctx.fast.processes, faults=HOSTILE_FAULTS)
    hostile.start()
    ctx.more_sandboxes.append(hostile)
    kit.script("""
import com.cloudbees.plugins.credentials.CredentialsScope
import com.cloudbees.plugins.credentials.SystemCredentialsProvider
import com.cloudbees.plugins.credentials.domains.Domain
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl
import hudson.model.ParametersDefinitionProperty
import hudson.model.StringParameterDefinition
import io.jenkins.plugins.iacjobs.config.GenesysConnection
import io.jenkins.plugins.iacjobs.config.IacJobsGlobalConfiguration
SystemCredentialsProvider.getInstance().getStore().addCredentials(Domain.global(),
    new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, 'genesys-hostile', 'genesys-hostile', 'sandbox-client', '%s'))
def c = new GenesysConnection('genesys-hostile'); c.setBaseUrl('%s'); c.setCredentialsId('genesys-hostile')
def config = IacJobsGlobalConfiguration.get()
config.setConnections(config.getConnections().findAll { it.name != c.name } + [c])
println 'OK'
""" % (hostile.secrets["genesys_secret"], hostile.url))
    kit.pipeline("concurrent", """
def job = iacJob connection: 'genesys-hostile', accelerator: 'Simple IVR', planOnly: true, params: [queue_name: params.Q]
echo "OWN JOB ${job.id}"
""")
    # Parameters make each build a queue item of its own (the queue folds identical ones together).
    kit.script("""
import hudson.model.*
def j = jenkins.model.Jenkins.get().getItemByFullName('concurrent')
j.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition('Q', 'q')))
(1..%d).each { i -> j.scheduleBuild2(0, new ParametersAction(new StringParameterValue('Q', 'queue-' + i))) }
println 'OK'
""" % CONCURRENT_BUILDS)
    report = """
def j = jenkins.model.Jenkins.get().getItemByFullName('concurrent')
def builds = j.builds.findAll { !it.isBuilding() }
if (builds.size() < %d) { println "WAITING ${builds.size()}"; println 'OK'; return }
builds.each { b ->
  def a = b.getAction(io.jenkins.plugins.iacjobs.actions.IacJobAction)
  def queue = null
  if (a != null) {
    def path = a.artifacts.find { it.endsWith('/job.json') }
    if (path != null) {
      b.artifactManager.root().child(path).open().withCloseable { s -> queue = new groovy.json.JsonSlurper().parse(s).results?.parameters?.queue_name }
    }
  }
  println groovy.json.JsonOutput.toJson([n: b.number, result: b.result.toString(), q: b.getAction(hudson.model.ParametersAction).getParameter('Q').value,
      job: a?.jobId, jobQueue: queue])
}
println 'OK'
""" % CONCURRENT_BUILDS
    lines = wait_until("%d concurrent builds to end" % CONCURRENT_BUILDS,
                       lambda: (lambda out: None if out.startswith("WAITING") else out)(kit.script(report)), 900, interval=5)
    builds = [json.loads(l) for l in lines.splitlines() if l.startswith("{")]
    check(len(builds) == CONCURRENT_BUILDS, "expected %d builds, read %d" % (CONCURRENT_BUILDS, len(builds)))
    made = [j["id"] for j in Http(hostile.url).json("/sandbox/genesys/jobs")["jobs"]]
    reported = {}
    for b in builds:
        if b["job"]:
            reported.setdefault(b["job"], []).append(b["n"])
    orphans = [j for j in made if j not in reported]
    twice = {j: ns for j, ns in reported.items() if len(ns) > 1}
    wrong = [b for b in builds if b["job"] and b["jobQueue"] != b["q"]]
    failed = [b for b in builds if b["result"] != "SUCCESS"]
    for b in failed:
        console = kit.console("concurrent", b["n"])
        no_stack_trace(console)
        check(not b["job"] or b["job"] in made, "build #%d failed and names a job the remote never made" % b["n"])
    faults = hostile.counters().get("faultsInjected", hostile.counters())
    ctx.evidence["concurrent"] = "%d builds, %d jobs made, %d failed cleanly, faults %s" % (
        len(builds), len(made), len(failed), faults)
    check(not orphans, "jobs the remote made that no build reports: %s" % orphans)
    check(not twice, "jobs reported by more than one build: %s" % twice)
    check(not wrong, "builds that report another build's job: %s" % wrong)
    check(len(made) == len(reported), "the remote made %d jobs, the builds report %d" % (len(made), len(reported)))
    check(len(failed) <= CONCURRENT_BUILDS // 50, "more than 2%% of the builds failed: %s" % failed)
    kit.script("""
def config = io.jenkins.plugins.iacjobs.config.IacJobsGlobalConfiguration.get()
config.setConnections(config.getConnections().findAll { it.name != 'genesys-hostile' })
println 'OK'
""")

