package io.jenkins.plugins.iacjobs.core.terrakube;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import io.jenkins.plugins.iacjobs.core.terrakube.model.Organization;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What is learnt about the server once per connection and then reused: the organization's id and which jobs API
 * the server speaks. Thread-safe; a failed lookup is tried again next time.
 */
final class ServerContext {
    static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final TerrakubeClient client;
    @CheckForNull
    private volatile String orgId;
    @CheckForNull
    private volatile ApiGeneration generation;

    ServerContext(TerrakubeClient client) {
        this.client = client;
        ApiGeneration configured = client.connection().api();
        this.generation = configured == ApiGeneration.DETECT ? null : configured;
        String org = client.connection().organization();
        this.orgId = UUID_LIKE.matcher(org).matches() ? org : null;
    }

    String orgId() {
        String id = orgId;
        if (id == null) {
            synchronized (this) {
                id = orgId;
                if (id == null) {
                    id = resolveOrganization(client.connection().organization());
                    orgId = id;
                }
            }
        }
        return id;
    }

    ApiGeneration generation() {
        ApiGeneration g = generation;
        if (g == null) {
            String org = orgId();
            synchronized (this) {
                g = generation;
                if (g == null) {
                    g = detect(org);
                    generation = g;
                }
            }
        }
        return g;
    }

    /** Older servers have no template collection: Elide answers 404 for an unknown collection. */
    private ApiGeneration detect(String org) {
        try {
            client.listTemplates(org);
            return ApiGeneration.CURRENT;
        } catch (RemoteApiException e) {
            if (e.status() == 404) {
                return ApiGeneration.OLDER;
            }
            throw TokenSuspectException.of(e);
        }
    }

    private String resolveOrganization(String wanted) {
        List<Organization> all;
        try {
            all = client.listOrganizations();
        } catch (RemoteApiException e) {
            throw TokenSuspectException.of(e);
        }
        if (all.isEmpty()) {
            throw new ValidationException("organization", "the token sees no organizations at all, so '" + wanted
                    + "' cannot be found. This is likely a token or permission problem: the token's groups match no"
                    + " team in Terrakube");
        }
        List<Organization> exact = all.stream().filter(o -> wanted.equals(o.name()) || wanted.equals(o.id())).toList();
        if (exact.isEmpty()) {
            exact = all.stream().filter(o -> o.name() != null && o.name().equalsIgnoreCase(wanted)).toList();
        }
        if (exact.size() == 1) {
            return exact.get(0).id();
        }
        String names = all.stream().map(o -> "'" + o.name() + "' (" + o.id() + ")").sorted().limit(20)
                .collect(Collectors.joining(", "));
        throw new ValidationException("organization", (exact.isEmpty() ? "no organization is named '" + wanted + "'"
                : "'" + wanted + "' matches " + exact.size() + " organizations; give the id instead")
                + ". The token sees: " + names);
    }

}
