package dev.camelsixtyfour.component;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * The one failure of the Sixtyfour component: an error status from the service, a payload refused before any
 * call, or a service that could not be reached. It carries the HTTP status (0 when no response was received), the
 * service's detail, the workflow id and, for a row missing a required column, the row index and column.
 * <p>
 * No message ever holds the API key: the client masks it in anything the service echoes back.
 */
public class SixtyfourException extends RuntimeCamelException implements HttpResponseAware {

    private static final long serialVersionUID = 1L;

    private int statusCode;
    private String statusText;
    private final String detail;
    private final String workflowId;
    private final Integer rowIndex;
    private final String column;

    protected SixtyfourException(Builder builder) {
        super(builder.message(), builder.cause);
        this.statusCode = builder.statusCode;
        this.statusText = builder.statusText;
        this.detail = builder.detail;
        this.workflowId = builder.workflowId;
        this.rowIndex = builder.rowIndex;
        this.column = builder.column;
    }

    public static Builder builder(String summary) {
        return new Builder(summary);
    }

    /** The HTTP status of the service's answer, or 0 when the request never got one. */
    public int getStatusCode() {
        return statusCode;
    }

    /** The service's explanation, read from whichever of its error forms it used; null when it gave none. */
    public String getDetail() {
        return detail;
    }

    public String getWorkflowId() {
        return workflowId;
    }

    /** The zero-based index of the row missing a required column, or null. */
    public Integer getRowIndex() {
        return rowIndex;
    }

    /** The required column a row is missing, or null. */
    public String getColumn() {
        return column;
    }

    /** True for statuses that a later, identical request may get past: 429 and 5xx, or no response at all. */
    public boolean isRetryable() {
        return statusCode == 0 || statusCode == 429 || statusCode >= 500;
    }

    @Override
    public int getHttpResponseCode() {
        return statusCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.statusCode = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return statusText;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.statusText = status;
    }

    /** Collects the parts of a failure; the message is composed from them so that every failure reads alike. */
    public static class Builder {

        private final String summary;
        private int statusCode;
        private String statusText;
        private String detail;
        private String workflowId;
        private Integer rowIndex;
        private String column;
        private Throwable cause;

        protected Builder(String summary) {
            this.summary = summary;
        }

        public Builder status(int statusCode, String statusText) {
            this.statusCode = statusCode;
            this.statusText = statusText;
            return this;
        }

        public Builder detail(String detail) {
            this.detail = detail;
            return this;
        }

        public Builder workflowId(String workflowId) {
            this.workflowId = workflowId;
            return this;
        }

        public Builder missingColumn(int rowIndex, String column) {
            this.rowIndex = rowIndex;
            this.column = column;
            return this;
        }

        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        public SixtyfourException build() {
            return new SixtyfourException(this);
        }

        String message() {
            StringBuilder message = new StringBuilder(summary);
            if (workflowId != null) {
                message.append(" [workflow ").append(workflowId).append(']');
            }
            if (statusCode > 0) {
                message.append(": HTTP ").append(statusCode);
                if (statusText != null) {
                    message.append(' ').append(statusText);
                }
            }
            if (detail != null) {
                message.append(": ").append(detail);
            }
            return message.toString();
        }
    }
}
