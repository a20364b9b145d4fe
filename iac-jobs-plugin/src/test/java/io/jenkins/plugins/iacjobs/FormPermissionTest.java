package io.jenkins.plugins.iacjobs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Descriptor;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import io.jenkins.plugins.iacjobs.sandbox.Sandbox;
import io.jenkins.plugins.iacjobs.steps.IacBackupReportBuilder;
import io.jenkins.plugins.iacjobs.steps.IacBackupReportStep;
import io.jenkins.plugins.iacjobs.steps.IacJobBuilder;
import io.jenkins.plugins.iacjobs.steps.IacJobStep;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.AncestorInPath;

/**
 * Every form endpoint of every descriptor of this plugin, found by reflection (a new endpoint is tested without
 * being listed): POST only, and refused to users without the permission it needs. These endpoints spend stored
 * credentials on remote calls, so a reader must not be able to drive them. An endpoint that takes the job
 * ({@code @AncestorInPath Item}) needs Job/Configure on it; any other needs Overall/Administer.
 */
@WithJenkins
class FormPermissionTest {

    private static final String PLUGIN = "io.jenkins.plugins.iacjobs.";
    /**
     * Plausible values for every query parameter the endpoints take, sent to each (an endpoint ignores the others):
     * numbers where a field is a number, so that an allowed user's call is answered (a validation error is 200 too).
     */
    private static final String QUERY = Map.of("value", "1", "minPollSeconds", "1", "connection", SandboxFixture.CONNECTION,
                    "baseUrl", "http://127.0.0.1:1", "name", "probe", "credentialsId", SandboxFixture.CREDENTIALS_ID,
                    "organization", "o", "accelerator", "Simple IVR").entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));

    /** One web method of one descriptor. */
    private record Endpoint(Descriptor<?> descriptor, Method method) {
        boolean takesTheJob() {
            return Arrays.stream(method.getParameters()).anyMatch(p -> p.isAnnotationPresent(AncestorInPath.class));
        }

        String path(String base) {
            String action = Character.toLowerCase(method.getName().charAt(2)) + method.getName().substring(3);
            return base + "descriptorByName/" + descriptor.getId() + "/" + action + "?" + QUERY;
        }

        @Override
        public String toString() {
            return descriptor.getId() + "#" + method.getName();
        }
    }

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = SandboxFixture.start(0.2);
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    /** Public {@code do*} methods of the plugin's descriptors, declared by the plugin (not Jenkins' own, such as doHelp). */
    private static List<Endpoint> endpoints(Jenkins j) {
        List<Endpoint> found = new ArrayList<>();
        for (Descriptor<?> d : j.getExtensionList(Descriptor.class)) {
            if (!d.getClass().getName().startsWith(PLUGIN)) {
                continue;
            }
            for (Method m : d.getClass().getMethods()) {
                if (m.getName().startsWith("do") && m.getName().length() > 2 && Modifier.isPublic(m.getModifiers())
                        && !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass().getName().startsWith(PLUGIN)) {
                    found.add(new Endpoint(d, m));
                }
            }
        }
        return found;
    }

    private void secure(JenkinsRule r) throws Exception {
        SandboxFixture.configureAll(sandbox);
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.EXTENDED_READ, Item.CONFIGURE).everywhere().to("dev"));
    }

    /** One logged-in client per user, for the whole test: a client per request fills the heap. */
    private final Map<String, JenkinsRule.WebClient> clients = new HashMap<>();

    @AfterEach
    void closeClients() {
        clients.values().forEach(JenkinsRule.WebClient::close);
    }

    private int post(JenkinsRule r, String user, String path) throws Exception {
        return send(r, user, path, HttpMethod.POST).getStatusCode();
    }

    private WebResponse send(JenkinsRule r, String user, String path, HttpMethod method) throws Exception {
        JenkinsRule.WebClient wc = clients.get(user);
        if (wc == null) {
            wc = r.createWebClient();
            wc.getOptions().setThrowExceptionOnFailingStatusCode(false);
            wc.getOptions().setPrintContentOnFailingStatusCode(false);
            wc.getOptions().setJavaScriptEnabled(false);
            wc.getOptions().setCssEnabled(false);
            wc.login(user);
            clients.put(user, wc);
        }
        WebRequest req = new WebRequest(new URL(r.getURL(), path), method);
        if (method == HttpMethod.POST) {
            wc.addCrumb(req);
        }
        return wc.loadWebResponse(req);
    }

    @Test
    void everyEndpointIsFoundAndGuarded(JenkinsRule r) throws Exception {
        secure(r);
        FreeStyleProject p = r.createFreeStyleProject("p");
        List<Endpoint> all = endpoints(r.jenkins);
        assertThat("the plugin's endpoints were found", all.size(), greaterThan(30));
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : all) {
            if (e.takesTheJob()) {
                String path = e.path(p.getUrl());
                expect(wrong, e, "reader under the job", 403, post(r, "reader", path));
                expect(wrong, e, "a job configurer under the job", 200, post(r, "dev", path));
            } else {
                String path = e.path("");
                expect(wrong, e, "reader", 403, post(r, "reader", path));
                expect(wrong, e, "a job configurer", 403, post(r, "dev", path));
                expect(wrong, e, "an administrator", 200, post(r, "admin", path));
            }
            int get = send(r, "admin", e.path(e.takesTheJob() ? p.getUrl() : ""), HttpMethod.GET).getStatusCode();
            if (get == 200) {
                wrong.add(e + ": a GET answered 200; only POST may run it");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static void expect(List<String> wrong, Endpoint e, String who, int status, int got) {
        if (got != status) {
            wrong.add(e + ": " + who + " got " + got + ", expected " + status);
        }
    }

    @Test
    void credentialsDropDownsRefuseReaders(JenkinsRule r) throws Exception {
        secure(r);
        FreeStyleProject p = r.createFreeStyleProject("p");
        for (Class<?> c : List.of(IacJobBuilder.class, IacJobStep.class, IacBackupReportStep.class, IacBackupReportBuilder.class)) {
            String path = p.getUrl() + "descriptorByName/" + c.getName() + "/fillCredentialsIdItems?connection=" + SandboxFixture.CONNECTION;
            WebResponse refused = send(r, "reader", path, HttpMethod.POST);
            assertEquals(403, refused.getStatusCode(), path);
            assertThat(path, refused.getContentAsString(), not(containsString(SandboxFixture.CREDENTIALS_ID)));
            assertThat(path, send(r, "dev", path, HttpMethod.POST).getContentAsString(), containsString(SandboxFixture.CREDENTIALS_ID));
        }
    }
}
