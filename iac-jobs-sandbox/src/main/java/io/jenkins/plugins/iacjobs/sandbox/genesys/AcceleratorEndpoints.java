package io.jenkins.plugins.iacjobs.sandbox.genesys;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.iacjobs.sandbox.ApiError;
import io.jenkins.plugins.iacjobs.sandbox.Json;
import io.jenkins.plugins.iacjobs.sandbox.SandboxRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/** {@code GET /accelerators} (AcceleratorList) and {@code GET /accelerators/{id}} (AcceleratorSpecification). */
final class AcceleratorEndpoints {

    static final String PATH = "/api/v2/infrastructureascode/accelerators";

    private static final Set<String> ORIGINS = Set.of("community", "partner", "genesys");
    private static final Set<String> TYPES = Set.of("module", "accelerator", "blueprint");
    private static final Set<String> LANGUAGES = Set.of("ar", "cs", "da", "de", "en-US", "es", "fi", "fr", "it", "iw",
            "ko", "ja", "nl", "no", "pl", "pt-BR", "pt-PT", "sv", "th", "tr", "zh-CN", "zh-TW");
    private static final List<String> FILTERS = List.of("sortBy", "sortOrder", "name", "description", "origin", "type",
            "classification", "tags");
    private static final Map<String, Function<Accelerator, String>> SORT_KEYS = Map.of(
            "id", Accelerator::id, "name", Accelerator::name, "origin", Accelerator::origin,
            "type", Accelerator::type, "classification", Accelerator::classification);

    private final AcceleratorCatalogue catalogue;

    AcceleratorEndpoints(AcceleratorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    void list(SandboxRequest request) throws IOException {
        int pageSize = request.queryInt("pageSize", 25, 1, 500);
        int pageNumber = request.queryInt("pageNumber", 1, 1, 100_000);
        String origin = enumFilter(request, "origin", ORIGINS);
        String type = enumFilter(request, "type", TYPES);
        String name = lower(request.query("name"));
        String description = lower(request.query("description"));
        String classification = lower(request.query("classification"));
        List<String> tags = request.query("tags") == null ? List.of()
                : Arrays.stream(request.query("tags").split(",")).map(AcceleratorEndpoints::lower)
                        .filter(t -> !t.isEmpty()).toList();

        Stream<Accelerator> matches = catalogue.all().stream()
                .filter(a -> origin == null || a.origin().equalsIgnoreCase(origin))
                .filter(a -> type == null || a.type().equalsIgnoreCase(type))
                .filter(a -> name == null || lower(a.name()).contains(name))
                .filter(a -> description == null || lower(a.description()).contains(description))
                .filter(a -> classification == null || lower(a.classification()).equals(classification))
                .filter(a -> tags.isEmpty() || a.tags().stream().map(AcceleratorEndpoints::lower).anyMatch(tags::contains));
        String sortBy = request.query("sortBy");
        if (sortBy != null && !sortBy.isEmpty()) {
            Function<Accelerator, String> key = SORT_KEYS.get(sortBy);
            if (key == null) {
                throw ApiError.badRequest("Query parameter 'sortBy' must be one of " + SORT_KEYS.keySet() + ", got '" + sortBy + "'");
            }
            Comparator<Accelerator> order = Comparator.comparing(key, String.CASE_INSENSITIVE_ORDER);
            matches = matches.sorted(descending(request) ? order.reversed() : order);
        } else {
            descending(request); // validates sortOrder
        }
        List<Accelerator> all = matches.toList();

        int total = all.size();
        int pageCount = (total + pageSize - 1) / pageSize;
        int from = (int) Math.min((long) (pageNumber - 1) * pageSize, total);
        int to = Math.min(from + pageSize, total);
        ObjectNode body = Json.object();
        ArrayNode entities = body.putArray("entities");
        all.subList(from, to).forEach(a -> entities.add(metadata(a)));
        body.put("pageSize", pageSize);
        body.put("pageNumber", pageNumber);
        body.put("total", (long) total);
        body.put("pageCount", pageCount);
        String filters = filterQuery(request);
        body.put("firstUri", pageUri(pageSize, 1, filters));
        if (pageNumber < pageCount) {
            body.put("nextUri", pageUri(pageSize, pageNumber + 1, filters));
        }
        if (pageNumber > 1) {
            body.put("previousUri", pageUri(pageSize, Math.min(pageNumber - 1, Math.max(pageCount, 1)), filters));
        }
        body.put("lastUri", pageUri(pageSize, Math.max(pageCount, 1), filters));
        body.put("selfUri", pageUri(pageSize, pageNumber, filters));
        request.respondJson(200, body);
    }

    void get(SandboxRequest request) throws IOException {
        String language = request.query("preferredLanguage");
        if (language != null && !LANGUAGES.contains(language)) {
            throw ApiError.badRequest("Query parameter 'preferredLanguage' must be one of " + LANGUAGES.stream().sorted().toList()
                    + ", got '" + language + "'");
        }
        String id = request.pathVariable("acceleratorId");
        Accelerator accelerator = catalogue.find(id)
                .orElseThrow(() -> ApiError.notFound("Accelerator '" + id + "' not found"));
        request.respondJson(200, specification(accelerator));
    }

    static ObjectNode metadata(Accelerator a) {
        ObjectNode node = Json.object();
        node.put("id", a.id());
        node.put("name", a.name());
        node.put("description", a.description());
        node.put("origin", a.origin());
        node.put("type", a.type());
        node.put("classification", a.classification());
        ArrayNode tags = node.putArray("tags");
        a.tags().forEach(tags::add);
        node.put("selfUri", a.selfUri());
        return node;
    }

    static ObjectNode specification(Accelerator a) {
        ObjectNode node = metadata(a);
        String selfUri = node.remove("selfUri").asText();
        ArrayNode permissions = node.putArray("permissions");
        a.permissions().forEach(permissions::add);
        ArrayNode products = node.putArray("products");
        a.products().forEach(products::add);
        ArrayNode docs = node.putArray("documentation");
        a.documentation().forEach(d -> docs.addObject().put("description", d.description()).put("location", d.location()));
        ArrayNode presentation = node.putArray("presentation");
        for (Accelerator.Section section : a.presentation()) {
            ObjectNode item = presentation.addObject();
            item.put("title", section.title());
            ObjectNode schema = item.putObject("schema");
            schema.put("title", section.title());
            schema.put("description", section.description());
            schema.put("type", "object");
            ArrayNode properties = schema.putArray("properties");
            ArrayNode required = schema.putArray("required");
            for (ParameterSpec p : section.parameters()) {
                properties.addObject().set(p.name(), property(p));
                if (p.required()) {
                    required.add(p.name());
                }
            }
        }
        ArrayNode results = node.putObject("results").putArray("entities");
        a.results().forEach(r -> results.addObject().put("type", r.type()).put("description", r.description())
                .put("visibility", r.visibility()));
        node.put("selfUri", selfUri);
        return node;
    }

    private static ObjectNode property(ParameterSpec p) {
        ObjectNode property = Json.object();
        property.put("type", "string");
        property.put("description", p.description());
        property.put("sensitive", Boolean.toString(p.sensitive()));
        if (p.help() != null) {
            property.put("help", p.help());
        }
        if (p.defaultValue() != null) {
            property.put("default", p.defaultValue());
        }
        ArrayNode allowed = property.putArray("enum");
        p.allowed().forEach(allowed::add);
        return property;
    }

    private static String enumFilter(SandboxRequest request, String name, Set<String> valid) {
        String value = request.query(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!valid.contains(value.toLowerCase(Locale.ROOT))) {
            throw ApiError.badRequest("Query parameter '" + name + "' must be one of " + valid.stream().sorted().toList()
                    + ", got '" + value + "'");
        }
        return value;
    }

    private static boolean descending(SandboxRequest request) {
        String order = request.query("sortOrder");
        if (order == null || order.isEmpty() || order.equalsIgnoreCase("asc")) {
            return false;
        }
        if (order.equalsIgnoreCase("desc")) {
            return true;
        }
        throw ApiError.badRequest("Query parameter 'sortOrder' must be asc or desc, got '" + order + "'");
    }

    private static String filterQuery(SandboxRequest request) {
        Map<String, String> present = new LinkedHashMap<>();
        for (String name : FILTERS) {
            String value = request.query(name);
            if (value != null && !value.isEmpty()) {
                present.put(name, value);
            }
        }
        StringBuilder sb = new StringBuilder();
        present.forEach((k, v) -> sb.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }

    private static String pageUri(int pageSize, int pageNumber, String filters) {
        return PATH + "?pageSize=" + pageSize + "&pageNumber=" + pageNumber + filters;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
