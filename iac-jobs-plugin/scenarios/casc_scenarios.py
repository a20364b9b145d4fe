"""Configuration as Code in the real controller: boot from a YAML, build with what it defined, export, re-apply."""
import base64
import difflib
import os
import re

from harness import Failed, check

# The secrets reach the controller only through its environment; the YAML names the variables.
CASC_YAML = """\
credentials:
  system:
    domainCredentials:
      - credentials:
          - usernamePassword:
              scope: GLOBAL
              id: "casc-genesys"
              description: "Genesys OAuth client (from JCasC)"
              username: "sandbox-client"
              password: "${CASC_GENESYS_SECRET}"
          - string:
              scope: GLOBAL
              id: "casc-terrakube"
              description: "Terrakube team token (from JCasC)"
              secret: "${CASC_TERRAKUBE_TOKEN}"
          - usernamePassword:
              scope: GLOBAL
              id: "casc-avepoint"
              description: "AvePoint app (from JCasC)"
              username: "@AVEPOINT_CLIENT@"
              password: "${CASC_AVEPOINT_SECRET}"
unclassified:
  iacJobs:
    connections:
      - genesys:
          name: "casc-genesys"
          baseUrl: "@URL@"
          credentialsId: "casc-genesys"
          defaultConnection: true
          minPollSeconds: 1
          maxPollSeconds: 2
          timeoutMinutes: 20
      - terrakube:
          name: "casc-terrakube"
          baseUrl: "@URL@"
          organization: "sandbox-org"
          credentialsId: "casc-terrakube"
          planOnlyTemplate: "Plan"
          minPollSeconds: 1
          maxPollSeconds: 1
      - avepoint:
          name: "casc-avepoint"
          baseUrl: "@URL@"
          identityUrl: "@URL@/connect/token"
          credentialsId: "casc-avepoint"
"""

# Compares, inside the controller (snakeyaml is there), the plugin's section of the YAML given with the connections
# as configured and with the export: every value given is configured as given, and the export shows the same value
# or leaves it out as a default (JCasC writes only what differs from a fresh object). Nothing secret is printed.
COMPARE = """
import org.yaml.snakeyaml.Yaml
// Each entry is one key (the system's symbol) whose value holds the fields.
def section = { b64 -> new Yaml().load(new String(Base64.decoder.decode(b64), 'UTF-8')).unclassified.iacJobs.connections
        .collect { e -> def kind = e.keySet().first(); [kind: kind] + e[kind] } }
def given = section('@GIVEN@'), exported = section('@EXPORTED@')
def live = io.jenkins.plugins.iacjobs.config.IacJobsGlobalConfiguration.get().connections
def symbol = { c -> org.jenkinsci.plugins.structs.SymbolLookup.getSymbolValue(c.descriptor).first() }
def problems = []
if (exported*.name != given*.name) problems << "connections exported: ${exported*.name}, given: ${given*.name}"
given.each { g ->
  def c = live.find { it.name == g.name }, e = exported.find { it.name == g.name } ?: [:]
  if (c == null) { problems << "no connection ${g.name}"; return }
  if (symbol(c) != g.kind) problems << "${g.name} is a ${symbol(c)} connection, given as ${g.kind}"
  g.findAll { it.key != 'kind' }.each { k, v ->
    if (String.valueOf(c."$k") != String.valueOf(v)) problems << "${g.name}.${k} is configured as ${c."$k"}, given ${v}"
    if (e.containsKey(k) && String.valueOf(e[k]) != String.valueOf(v)) problems << "${g.name}.${k} is exported as ${e[k]}, given ${v}"
  }
  (e.keySet() - g.keySet()).each { problems << "${g.name}.${it} is exported (${e[it]}) but was not given" }
}
println(problems ? 'DIFFERENT\\n' + problems.join('\\n') : 'SAME')
println 'OK'
"""

SECRET_DIGESTS = """
import com.cloudbees.plugins.credentials.SystemCredentialsProvider
import java.security.MessageDigest
def sha = { s -> MessageDigest.getInstance('SHA-256').digest(s.getBytes('UTF-8')).encodeHex().toString().take(16) }
SystemCredentialsProvider.getInstance().getCredentials().sort { it.id }.each { c ->
  def secret = c.hasProperty('password') ? c.password.plainText : c.hasProperty('secret') ? c.secret.plainText : ''
  println "CRED ${c.id} ${c.class.simpleName} ${sha(secret)}"
}
def f = new File(jenkins.model.Jenkins.get().rootDir, 'io.jenkins.plugins.iacjobs.config.IacJobsGlobalConfiguration.xml')
println "CONFIG ${sha(f.text)}"
println 'OK'
"""


LOADED = """
def casc = io.jenkins.plugins.casc.ConfigurationAsCode.get()
println "${casc.sources} ${casc.lastTimeLoaded.time}"
println 'OK'
"""


def b64(text):
    return base64.b64encode(text.encode()).decode()


def configuration_as_code(ctx):
    """The controller boots from a JCasC YAML (credentials with secrets from environment variables, one connection
    of each system); builds run on those connections; the export shows the plugin's section as given with no secret
    in clear; applying the export again changes nothing."""
    kit, fast = ctx.kit, ctx.fast
    given = CASC_YAML.replace("@URL@", fast.url).replace("@AVEPOINT_CLIENT@", fast.secrets["avepoint_client"])
    path = os.path.join(kit.work, "casc", "jenkins.yaml")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(given)
    kit.restart(extra_env={"CASC_JENKINS_CONFIG": path,
                           "CASC_GENESYS_SECRET": fast.secrets["genesys_secret"],
                           "CASC_TERRAKUBE_TOKEN": fast.secrets["terrakube_token"],
                           "CASC_AVEPOINT_SECRET": fast.secrets["avepoint_secret"]})

    # Builds on the connections the YAML defined (the Genesys one is the default: no connection named).
    n, result, console = kit.run_pipeline("casc-builds", """
def g = iacJob accelerator: 'Simple IVR', params: [queue_name: 'CasC'], planOnly: true
def t = iacJob connection: 'casc-terrakube', workspace: 'sandbox-workspace', planOnly: true
def a = iacBackupReport connection: 'casc-avepoint', type: 'backup', since: '24h', failOn: 'never'
echo "CASC genesys=${g.status} terrakube=${t.status} report=${a.total}"
""")
    check(result == "SUCCESS", "the build on the JCasC connections ended %s:\n%s" % (result, console[-2500:]))
    m = re.search(r"CASC genesys=Complete terrakube=completed report=(\d+)", console)
    check(m and int(m.group(1)) > 0, "the JCasC connections did not run all three systems:\n" + console[-1500:])

    before = kit.script(SECRET_DIGESTS)
    status, exported = kit.admin().post("/manage/configuration-as-code/export")
    check(status == 200 and "iacJobs:" in exported, "the JCasC export answered %d without the plugin's section:\n%s" % (status, exported[-800:]))
    exported_path = os.path.join(kit.work, "casc", "exported.yaml")  # secrets encrypted, as exported
    with open(exported_path, "w") as f:
        f.write(exported)
    leaked = [k for k, v in fast.secrets.items() if k != "avepoint_client" and v in exported]
    check(not leaked, "the JCasC export shows secrets in clear: %s" % leaked)
    check(len(re.findall(r'(?:password|secret): "\{[A-Za-z0-9+/=]+\}"', exported)) == 3,
          "the export does not hold the three secrets encrypted:\n" + re.sub(r"\{[^}]+\}", "{…}", exported)[:1500])
    compare = COMPARE.replace("@GIVEN@", b64(given))
    compared = kit.script(compare.replace("@EXPORTED@", b64(exported)))
    check(compared.startswith("SAME"), "the plugin's section, as configured or exported, differs from the YAML given:\n" + compared[-1500:])

    # Re-apply the export as an administrator does on the JCasC page ("Replace configuration source"): the export
    # becomes the one source. (Its "apply" endpoint would merge the YAML into the boot file, doubling every list.)
    loaded = kit.script(LOADED)
    status, body = kit.admin().post("/manage/configuration-as-code/replace", {"_.newSource": exported_path})
    check(status in (200, 302), "replacing the JCasC source answered %d: %s" % (status, body[-500:]))
    reloaded = kit.script(LOADED)
    check(reloaded != loaded and exported_path in reloaded, "the export was not applied: JCasC says %s (before: %s)" % (reloaded, loaded))
    after = kit.script(SECRET_DIGESTS)
    check(before == after, "applying the export changed something:\n before: %s\n after:  %s" % (before, after))
    compared = kit.script(compare.replace("@EXPORTED@", b64(exported)))
    check(compared.startswith("SAME"), "after applying the export, the connections differ from the YAML given:\n" + compared[-1500:])
    status, again = kit.admin().post("/manage/configuration-as-code/export")
    def mask(y):  # each export encrypts secrets afresh, and JCasC records the source it was last given
        y = re.sub(r'"\{[A-Za-z0-9+/=]+\}"', '"{secret}"', y)
        return re.sub(r"(?m)^  casCGlobalConfig:.*\n(?:    .*\n)*", "", y)
    if mask(again) != mask(exported):
        with open(os.path.join(kit.work, "casc", "exported-again.yaml"), "w") as f:
            f.write(again)
        diff = [l for l in difflib.unified_diff(mask(exported).splitlines(), mask(again).splitlines(), lineterm="", n=1)][:40]
        raise Failed("a second export differs from the first after re-applying it:\n" + "\n".join(diff))
    ctx.evidence["casc"] = "3 connections and %d credentials round-tripped" % before.count("CRED ")
