// Credentials and connections for the scenarios, made with the plugin's own classes, as an administrator would.
// @NAME@ placeholders are filled by the suite; the secrets reach Jenkins only through this script.
import com.cloudbees.plugins.credentials.CredentialsScope
import com.cloudbees.plugins.credentials.SystemCredentialsProvider
import com.cloudbees.plugins.credentials.domains.Domain
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl
import hudson.util.Secret
import io.jenkins.plugins.iacjobs.config.AvePointConnection
import io.jenkins.plugins.iacjobs.config.GenesysConnection
import io.jenkins.plugins.iacjobs.config.IacJobsGlobalConfiguration
import io.jenkins.plugins.iacjobs.config.TerrakubeConnection
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl

def store = SystemCredentialsProvider.getInstance().getStore()
def add = { c ->
    store.getCredentials(Domain.global()).findAll { it.id == c.id }.each { store.removeCredentials(Domain.global(), it) }
    store.addCredentials(Domain.global(), c)
}
def client = { id, user, secret -> add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, id, id, user, secret)) }
def text = { id, secret -> add(new StringCredentialsImpl(CredentialsScope.GLOBAL, id, id, Secret.fromString(secret))) }

client('genesys-fast', 'sandbox-client', '@FAST_GENESYS_SECRET@')
client('genesys-slow', 'sandbox-client', '@SLOW_GENESYS_SECRET@')
text('terrakube-fast', '@FAST_TERRAKUBE_TOKEN@')
text('terrakube-slow', '@SLOW_TERRAKUBE_TOKEN@')
client('avepoint-fast', '@FAST_AVEPOINT_CLIENT@', '@FAST_AVEPOINT_SECRET@')
text('flow-secret', '@FLOW_SECRET@')

def genesys = { name, url, creds ->
    def c = new GenesysConnection(name); c.setBaseUrl(url); c.setCredentialsId(creds); c
}
def terrakube = { name, url, creds ->
    def c = new TerrakubeConnection(name); c.setBaseUrl(url); c.setOrganization('sandbox-org'); c.setCredentialsId(creds); c
}
def fast = genesys('genesys', '@FAST_URL@', 'genesys-fast')
fast.setDefaultConnection(true)
def avepoint = new AvePointConnection('avepoint')
avepoint.setIdentityUrl('@FAST_URL@/connect/token'); avepoint.setBaseUrl('@FAST_URL@'); avepoint.setCredentialsId('avepoint-fast')
IacJobsGlobalConfiguration.get().setConnections([
    fast,
    genesys('genesys-slow', '@SLOW_URL@', 'genesys-slow'),
    terrakube('terrakube', '@FAST_URL@', 'terrakube-fast'),
    terrakube('terrakube-slow', '@SLOW_URL@', 'terrakube-slow'),
    avepoint])
println IacJobsGlobalConfiguration.get().getConnections().collect { it.name }
println 'OK'
