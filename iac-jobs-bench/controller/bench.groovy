// Helpers the controller benchmark calls with one line appended: a function call that prints one JSON line.
import groovy.json.JsonOutput
import java.lang.management.ManagementFactory
import jenkins.model.Jenkins
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition
import org.jenkinsci.plugins.workflow.job.WorkflowJob

def createAndStart(String prefix, int n, String script, int executors) {
    def j = Jenkins.get()
    j.setNumExecutors(executors)
    j.setQuietPeriod(0)
    (1..n).each { i ->
        def job = j.getItem(prefix + i) ?: j.createProject(WorkflowJob, prefix + i)
        job.setDefinition(new CpsFlowDefinition(script.replace('@I@', String.valueOf(i)), true))
    }
    (1..n).each { i -> j.getItem(prefix + i).scheduleBuild2(0) }
    println JsonOutput.toJson([created: n])
}

def measure() {
    2.times { System.gc(); Thread.sleep(200) }
    def mem = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage()
    def computers = Jenkins.get().getComputers() as List
    println JsonOutput.toJson([
        threads: ManagementFactory.getThreadMXBean().getThreadCount(),
        heapUsed: mem.getUsed(),
        busyExecutors: computers.sum { it.countBusy() } ?: 0,
        oneOffBusy: computers.sum { c -> c.getOneOffExecutors().count { it.isBusy() } } ?: 0,
        queue: Jenkins.get().getQueue().getItems().length,
        threadGroups: threadGroups()])
}

// Live threads by name with numbers and ids taken out ("iac-jobs-poller-#"), most first: who holds threads.
def threadGroups() {
    def groups = [:]
    Thread.getAllStackTraces().keySet().each { t ->
        def name = t.name.replaceAll(/\[[^\]]*\]/, '[…]').replaceAll(/\d+/, '#')
        groups[name] = (groups[name] ?: 0) + 1
    }
    groups.sort { -it.value }.take(25)
}

def threads() {
    println JsonOutput.toJson([threads: ManagementFactory.getThreadMXBean().getThreadCount()])
}

def builds(String prefix) {
    def out = []
    Jenkins.get().getAllItems(WorkflowJob).findAll { it.name.startsWith(prefix) }.each { job ->
        def b = job.getLastBuild()
        if (b == null) { out << [job: job.name, started: false]; return }
        def log = b.getLog()
        def id = (log =~ /Genesys Cloud job ([0-9a-f-]{36})/)
        def statuses = (log =~ /(?m)^(?:\[IaC Jobs\] |\[[0-9:]+\] )\S*\s*Genesys Cloud job [0-9a-f-]{36}: (\w+)/).collect { it[1] }
        out << [job: job.name, building: b.isBuilding(), result: b.getResult()?.toString(), jobId: id ? id[0][1] : null,
                startMillis: b.getStartTimeInMillis(), endMillis: b.isBuilding() ? null : b.getStartTimeInMillis() + b.getDuration(),
                submitted: log.contains('Submitted Genesys Cloud job') || log.contains(': Created'),
                resumed: log.contains('Resumed watching') || log.contains('resumed watching it'),
                adopted: log.contains('resumed watching it'), sentAfterRestart: log.contains('so it is sent now'),
                failure: b.getResult() != null && b.getResult() != hudson.model.Result.SUCCESS
                        ? ((log =~ /(?m)^ERROR: (.*)$/).collect { it[1] }.find() ?: 'no message') : null,
                statuses: statuses]
    }
    println JsonOutput.toJson(out)
}

def running(String prefix) {
    println JsonOutput.toJson([running: Jenkins.get().getAllItems(WorkflowJob).count { it.name.startsWith(prefix) && it.getLastBuild()?.isBuilding() }])
}

// Pipeline's durability for new builds: MAX_SURVIVABILITY (Jenkins' default) or PERFORMANCE_OPTIMIZED.
def setDurability(String hint) {
    def d = Jenkins.get().getDescriptorByType(org.jenkinsci.plugins.workflow.flow.GlobalDefaultFlowDurabilityLevel.DescriptorImpl)
    d.setDurabilityHint(org.jenkinsci.plugins.workflow.flow.FlowDurabilityHint.valueOf(hint))
    println JsonOutput.toJson([durability: d.getDurabilityHint()?.toString()])
}

// Counts the plugin's saves of a run's state (each wakes the build's CPS VM), per build, from JobRun's FINE record.
def countSaves() {
    def logger = java.util.logging.Logger.getLogger('io.jenkins.plugins.iacjobs.run.JobRun')
    def counts = new java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicInteger>()
    logger.handlers.findAll { it.toString() == 'save-counter' }.each { logger.removeHandler(it) } // one counter, however often called
    def h = new java.util.logging.Handler() {
        void publish(java.util.logging.LogRecord r) {
            if (r.message?.startsWith('saving ') && r.parameters) {
                counts.computeIfAbsent(String.valueOf(r.parameters[0]), { new java.util.concurrent.atomic.AtomicInteger() }).incrementAndGet()
            }
        }
        void flush() {}
        void close() {}
        String toString() { 'save-counter' }
    }
    h.setLevel(java.util.logging.Level.FINE)
    logger.setLevel(java.util.logging.Level.FINE)
    logger.addHandler(h)
    System.getProperties().put('iac-jobs.bench.saves', counts)
    System.getProperties().put('iac-jobs.bench.savesLogger', logger) // LogManager holds loggers weakly: keep level and handler
    println JsonOutput.toJson([counting: true])
}

def saves() {
    def counts = System.getProperties().get('iac-jobs.bench.saves') ?: [:]
    println JsonOutput.toJson(counts.collectEntries { k, v -> [(k): v.get()] })
}

// The controller's CPU time so far (all its threads, GC and JIT included), and the plugin's own live threads.
def cpu() {
    def os = ManagementFactory.getOperatingSystemMXBean()
    def own = Thread.getAllStackTraces().keySet().findAll { it.name.startsWith('iac-jobs-') }.collect { it.name.replaceAll(/\d+/, '#') }
    println JsonOutput.toJson([cpuNanos: os.getProcessCpuTime(), pluginThreads: own.size(), pluginThreadNames: own.countBy { it }])
}
