package dev.camelsixtyfour.component.model;

/**
 * The filters of {@code GET /workflows/runs}; a null field is left out of the query.
 *
 * @param status     {@code running}, {@code completed}, {@code cancelled}, {@code failed} or {@code active}
 * @param workflowId only runs of this workflow
 * @param limit      1 to 500; the service defaults to 100
 */
public record RunsQuery(String status, String workflowId, Integer limit) {

    public static RunsQuery all() {
        return new RunsQuery(null, null, null);
    }
}
