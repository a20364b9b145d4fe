package io.jenkins.plugins.iacjobs.core.genesys.model;

import java.util.List;
import java.util.Map;

/** Genesys Cloud's error body. */
public record ErrorBody(String message, String code, Integer status, String entityId, String entityName,
                        String messageWithParams, Map<String, String> messageParams, String contextId,
                        List<Detail> details, List<ErrorBody> errors) {

    /** One field-level detail. */
    public record Detail(String errorCode, String fieldName, String entityId, String entityName) {
    }
}
