package io.jenkins.plugins.iacjobs.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Util;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import io.jenkins.plugins.iacjobs.forms.ConnectionForms;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * What every kind of connection's form has: a name and "Test connection". {@link ConnectionForms} holds what the
 * endpoints do, each checking Administer first; a system's descriptor adds its own fields' endpoints.
 */
public abstract class ConnectionDescriptor<C extends Connection> extends Descriptor<Connection> {

    protected ConnectionDescriptor(Class<C> type) {
        super(type);
    }

    /** A connection of this kind from the form's current values (nothing is saved); a value may be null. */
    protected abstract @NonNull C draft(@NonNull Function<String, String> field);

    /** The draft with the fields every connection has. */
    protected static <C extends Connection> C common(C draft, Function<String, String> field) {
        draft.setCredentialsId(field.apply("credentialsId"));
        return draft;
    }

    protected static String draftName(Function<String, String> field) {
        return Util.fixEmptyAndTrim(field.apply("name")) == null ? "draft" : field.apply("name");
    }

    /** Name and value pairs as a form endpoint received them; a value may be null (the field was not sent). */
    protected static Function<String, String> fields(String... nameValue) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put(nameValue[i], nameValue[i + 1]);
        }
        return m::get;
    }

    @POST
    public FormValidation doCheckName(@QueryParameter String value) {
        return ConnectionForms.checkName(value);
    }

    /** Signs in with the credentials as selected in the form and makes one cheap read of the remote. */
    @POST
    public FormValidation doTestConnection(StaplerRequest2 req) {
        return ConnectionForms.test(() -> draft(req::getParameter));
    }
}
