package io.jenkins.plugins.iacjobs.core.genesys;

import io.jenkins.plugins.iacjobs.core.Similarity;
import io.jenkins.plugins.iacjobs.core.ValidationException;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorMetadata;
import io.jenkins.plugins.iacjobs.core.genesys.model.AcceleratorSpecification;
import io.jenkins.plugins.iacjobs.core.http.RemoteApiException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Finds an accelerator by id or by exact name. An ambiguous or unknown name is an error listing the candidates. */
public final class AcceleratorResolver {
    private static final Pattern UUID_LIKE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final GenesysClient client;

    public AcceleratorResolver(GenesysClient client) {
        this.client = client;
    }

    public AcceleratorSpecification resolve(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            throw new ValidationException("accelerator", "is empty; give an accelerator id or its exact name (list them with `iacjobs accelerators list`)");
        }
        String wanted = idOrName.strip();
        if (UUID_LIKE.matcher(wanted).matches()) {
            try {
                return client.getAccelerator(wanted);
            } catch (RemoteApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
            }
        }
        // The server filters names by substring, so every exact match is in this (usually one-entry) answer;
        // the whole catalogue is read only to suggest names when nothing matched.
        List<AcceleratorMetadata> named = client.listAllAccelerators(AcceleratorQuery.all().withName(wanted));
        List<AcceleratorMetadata> exact = named.stream().filter(a -> wanted.equals(a.name())).toList();
        List<AcceleratorMetadata> all = List.of();
        if (exact.isEmpty()) {
            all = client.listAllAccelerators(AcceleratorQuery.all());
            exact = all.stream().filter(a -> wanted.equals(a.id())).toList();
        }
        if (exact.size() == 1) {
            return client.getAccelerator(exact.get(0).id());
        }
        if (exact.size() > 1) {
            throw new ValidationException("accelerator", "'" + wanted + "' matches " + exact.size() + " accelerators: "
                    + describe(exact) + ". Give the id instead");
        }
        List<AcceleratorMetadata> near = all.stream()
                .filter(a -> a.name() != null && (a.name().equalsIgnoreCase(wanted)
                        || Similarity.distance(a.name().toLowerCase(), wanted.toLowerCase()) <= 3
                        || a.name().toLowerCase().contains(wanted.toLowerCase())))
                .sorted(Comparator.comparing(a -> Similarity.distance(a.name().toLowerCase(), wanted.toLowerCase())))
                .limit(5).toList();
        throw new ValidationException("accelerator", "no accelerator has the id or name '" + wanted + "'"
                + (near.isEmpty() ? "" : "; did you mean " + describe(near) + "?")
                + " Names are matched exactly; list them with `iacjobs accelerators list`");
    }

    private static String describe(List<AcceleratorMetadata> list) {
        return list.stream().map(a -> "'" + a.name() + "' (id " + a.id() + ", " + a.origin() + " " + a.type() + ")")
                .collect(Collectors.joining(", "));
    }
}
