package dev.camelsixtyfour.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answer of the emulated API: the status and the body the real service would send.
 * <p>
 * Thrown by endpoint code and turned into a response by {@link ApiRouter}; it carries no stack trace because it is
 * control flow, not a fault of the emulator.
 */
final class ApiException extends RuntimeException {

    private final int status;
    private final transient Object body;
    private final Map<String, String> headers;

    private ApiException(int status, String message, Object body, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    /** The common form: {@code {"detail": "<message>"}}. */
    static ApiException detail(int status, String detail) {
        return new ApiException(status, detail, Map.of("detail", detail), Map.of());
    }

    static ApiException detail(int status, String detail, Map<String, String> headers) {
        return new ApiException(status, detail, Map.of("detail", detail), Map.copyOf(headers));
    }

    /** An error in the chosen body form; the list form places the message at {@code ["body"]}. */
    static ApiException inForm(ErrorForm form, int status, String message, Map<String, String> headers) {
        Object body = switch (form) {
            case DETAIL -> Map.of("detail", message);
            case VALIDATION_LIST -> Map.of("detail", List.of(ValidationError.of("value_error", message, null, "body")
                    .toMap()));
            case LEGACY -> legacyBody(status, message);
        };
        return new ApiException(status, message, body, Map.copyOf(headers));
    }

    private static Map<String, Object> legacyBody(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "HTTP " + status);
        body.put("message", message);
        return body;
    }

    /** FastAPI's 422 list form with a single entry. */
    static ApiException validation(ValidationError error) {
        return validation(List.of(error));
    }

    static ApiException validation(List<ValidationError> errors) {
        List<Map<String, Object>> detail = new ArrayList<>();
        errors.forEach(error -> detail.add(error.toMap()));
        return new ApiException(422, errors.get(0).msg(), Map.of("detail", detail), Map.of());
    }

    int status() {
        return status;
    }

    Object body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** One entry of FastAPI's validation list: where, what, and the offending input. */
    record ValidationError(List<Object> loc, String msg, String type, Object input, Map<String, Object> ctx) {

        static ValidationError missing(Object... loc) {
            return new ValidationError(Arrays.asList(loc), "Field required", "missing", null, null);
        }

        static ValidationError of(String type, String msg, Object input, Object... loc) {
            return new ValidationError(Arrays.asList(loc), msg, type, input, null);
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("type", type);
            map.put("loc", loc);
            map.put("msg", msg);
            map.put("input", input);
            if (ctx != null) {
                map.put("ctx", ctx);
            }
            return map;
        }

        ValidationError withContext(Map<String, Object> context) {
            return new ValidationError(loc, msg, type, input, context);
        }
    }
}
