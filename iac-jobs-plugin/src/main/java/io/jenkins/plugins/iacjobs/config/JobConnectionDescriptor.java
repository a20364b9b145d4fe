package io.jenkins.plugins.iacjobs.config;

import hudson.util.FormValidation;
import io.jenkins.plugins.iacjobs.forms.ConnectionForms;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** The form of a connection that runs jobs: its polling and timeout fields too. */
public abstract class JobConnectionDescriptor<C extends JobConnection> extends ConnectionDescriptor<C> {

    protected JobConnectionDescriptor(Class<C> type) {
        super(type);
    }

    @POST
    public FormValidation doCheckMaxPollSeconds(@QueryParameter int value, @QueryParameter int minPollSeconds) {
        return ConnectionForms.checkPoll(value, minPollSeconds);
    }

    @POST
    public FormValidation doCheckTimeoutMinutes(@QueryParameter int value) {
        return ConnectionForms.checkTimeoutMinutes(value);
    }
}
