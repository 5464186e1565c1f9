package dev.camelsixtyfour.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enrichment endpoints, synchronous and {@code -async}: the request fields each requires and the deterministic
 * result it computes. A request without enough to work on fails the way the service's task does.
 */
enum EnrichmentTask {

    FIND_EMAIL("find_email", "/find-email", "lead"),
    FIND_PHONE("find_phone", "/find-phone", "lead"),
    ENRICH_COMPANY("enrich_company", "/enrich-company", "target_company", "struct"),
    ENRICH_LEAD("enrich_lead", "/enrich-lead", "lead_info"),
    FIND_EMAIL_BULK("find_email_bulk", "/find-email-bulk", "leads"),
    FIND_PHONE_BULK("find_phone_bulk", "/find-phone-bulk", "leads");

    /** The most leads one bulk request may carry. */
    static final int MAX_BULK_LEADS = 100;

    private final String taskType;
    private final String path;
    private final List<String> requiredFields;

    EnrichmentTask(String taskType, String path, String... requiredFields) {
        this.taskType = taskType;
        this.path = path;
        this.requiredFields = List.of(requiredFields);
    }

    String taskType() {
        return taskType;
    }

    String path() {
        return path;
    }

    List<String> requiredFields() {
        return requiredFields;
    }

    /** Whether the required fields are lists of objects ({@code leads}) rather than objects. */
    boolean isBulk() {
        return this == FIND_EMAIL_BULK || this == FIND_PHONE_BULK;
    }

    /** The result, or an {@link IllegalArgumentException} whose message is the task's error. */
    Map<String, Object> perform(JsonNode request) {
        return switch (this) {
            case FIND_EMAIL -> findEmail(Json.row(request.get("lead")));
            case FIND_PHONE -> findPhone(Json.row(request.get("lead")));
            case ENRICH_COMPANY -> enrichCompany(Json.row(request.get("target_company")), request.get("struct"));
            case ENRICH_LEAD -> enrichLead(Json.row(request.get("lead_info")), request.get("struct"));
            case FIND_EMAIL_BULK -> bulk(request.get("leads"), FIND_EMAIL);
            case FIND_PHONE_BULK -> bulk(request.get("leads"), FIND_PHONE);
        };
    }

    /** One entry per lead, in order: its result, or the lead and the error that lead alone ran into. */
    private static Map<String, Object> bulk(JsonNode leads, EnrichmentTask single) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (JsonNode lead : leads) {
            Map<String, Object> row = Json.row(lead);
            try {
                results.add(single == FIND_EMAIL ? findEmail(row) : findPhone(row));
            } catch (IllegalArgumentException e) {
                Map<String, Object> failed = new LinkedHashMap<>(row);
                failed.put("error", e.getMessage());
                results.add(failed);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("results", results);
        result.put("total", results.size());
        return result;
    }

    private static Map<String, Object> findEmail(Map<String, Object> lead) {
        Map<String, Object> found = Enrichments.emailColumns(lead);
        if (found.get("email") == null) {
            throw new IllegalArgumentException("Not enough information to find an email: the lead needs a name "
                    + "and a company or domain");
        }
        Map<String, Object> result = new LinkedHashMap<>(lead);
        result.put("email", found.get("email"));
        result.put("email_status", "verified");
        return result;
    }

    private static Map<String, Object> findPhone(Map<String, Object> lead) {
        if (Enrichments.firstText(lead, "email", "name", "full_name", "first_name", "linkedin") == null) {
            throw new IllegalArgumentException("Not enough information to find a phone number: the lead needs a "
                    + "name, email or linkedin");
        }
        Map<String, Object> result = new LinkedHashMap<>(lead);
        result.putAll(Enrichments.phoneColumns(lead));
        return result;
    }

    private static Map<String, Object> enrichCompany(Map<String, Object> company, JsonNode struct) {
        if (Enrichments.firstText(company, "company_name", "name", "domain") == null) {
            throw new IllegalArgumentException("Not enough information to enrich the company: target_company needs "
                    + "a company_name, name or domain");
        }
        Map<String, Object> enriched = new LinkedHashMap<>(company);
        Enrichments.companyColumns(company).forEach(enriched::putIfAbsent);
        return withStructuredData(enriched, struct);
    }

    private static Map<String, Object> enrichLead(Map<String, Object> lead, JsonNode struct) {
        if (Enrichments.firstText(lead, "email", "name", "full_name", "first_name", "linkedin") == null) {
            throw new IllegalArgumentException("Not enough information to enrich the lead: lead_info needs a name, "
                    + "email or linkedin");
        }
        Map<String, Object> enriched = new LinkedHashMap<>(lead);
        Enrichments.leadColumns(lead).forEach(enriched::putIfAbsent);
        return withStructuredData(enriched, struct);
    }

    /** The service answers {@code struct} fields under {@code structured_data}: known ones filled, others noted. */
    private static Map<String, Object> withStructuredData(Map<String, Object> enriched, JsonNode struct) {
        Map<String, Object> structured = new LinkedHashMap<>();
        if (struct != null && struct.isObject()) {
            struct.fieldNames().forEachRemaining(field -> structured.put(field, enriched.containsKey(field)
                    ? enriched.get(field) : field + " (emulated)"));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("structured_data", structured);
        result.put("notes", "Deterministic values from the Sixtyfour emulator");
        result.put("enriched", enriched);
        return result;
    }
}
