// Lists every form endpoint of the plugin: "endpoint <descriptor id> <url name> <item|global>".
// An endpoint is "item" when it takes an @AncestorInPath Item, so the suite also calls it under a job.
import hudson.model.Descriptor
import jenkins.model.Jenkins
import org.kohsuke.stapler.AncestorInPath

Jenkins.get().getExtensionList(Descriptor).findAll { it.class.name.startsWith('io.jenkins.plugins.iacjobs.') }.each { d ->
    d.class.methods.findAll { it.name ==~ /do(Fill|Check|Test)\w+/ }.sort { it.name }.each { m ->
        def item = m.parameterAnnotations.any { anns -> anns.any { it instanceof AncestorInPath } }
        println "endpoint ${d.id} ${m.name[2].toLowerCase()}${m.name.substring(3)} ${item ? 'item' : 'global'}"
    }
}
println 'OK'
