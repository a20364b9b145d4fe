// The benchmark's one connection and credential, made with the plugin's own classes.
import com.cloudbees.plugins.credentials.CredentialsScope
import com.cloudbees.plugins.credentials.SystemCredentialsProvider
import com.cloudbees.plugins.credentials.domains.Domain
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl
import io.jenkins.plugins.iacjobs.config.GenesysConnection
import io.jenkins.plugins.iacjobs.config.IacJobsGlobalConfiguration

SystemCredentialsProvider.getInstance().getStore().addCredentials(Domain.global(),
        new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, 'bench-client', 'bench', 'sandbox-client', '@SECRET@'))
def c = new GenesysConnection('bench')
c.setBaseUrl('@URL@')
c.setCredentialsId('bench-client')
c.setDefaultConnection(true)
c.setTimeoutMinutes(0)
IacJobsGlobalConfiguration.get().setConnections([c])
println 'OK'
