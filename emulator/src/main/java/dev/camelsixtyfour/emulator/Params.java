package dev.camelsixtyfour.emulator;

import dev.camelsixtyfour.emulator.ApiException.ValidationError;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Parameter checks that answer with FastAPI's 422 list form, as the service's framework does. */
final class Params {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "(?i)^(urn:uuid:)?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
    private static final Set<String> TRUE_WORDS = Set.of("true", "1", "yes", "on", "t", "y");
    private static final Set<String> FALSE_WORDS = Set.of("false", "0", "no", "off", "f", "n");

    private Params() {
    }

    static String requireQuery(ApiExchange exchange, String name) {
        String value = exchange.queryParam(name);
        if (value == null) {
            throw ApiException.validation(ValidationError.missing("query", name));
        }
        return value;
    }

    static String requireUuid(String value, String where, String name) {
        if (!UUID_TEXT.matcher(value).matches()) {
            throw ApiException.validation(ValidationError.of("uuid_parsing",
                    "Input should be a valid UUID, invalid length or character", value, where, name));
        }
        return value.toLowerCase(Locale.ROOT).replace("urn:uuid:", "");
    }

    static boolean queryBoolean(ApiExchange exchange, String name, boolean fallback) {
        String value = exchange.queryParam(name);
        if (value == null) {
            return fallback;
        }
        String word = value.toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word)) {
            return true;
        }
        if (FALSE_WORDS.contains(word)) {
            return false;
        }
        throw ApiException.validation(ValidationError.of("bool_parsing",
                "Input should be a valid boolean, unable to interpret input", value, "query", name));
    }

    static int queryInt(ApiExchange exchange, String name, int fallback, int min, int max) {
        String value = exchange.queryParam(name);
        if (value == null) {
            return fallback;
        }

        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation(ValidationError.of("int_parsing",
                    "Input should be a valid integer, unable to parse string as an integer", value, "query", name));
        }
        if (number < min) {
            throw ApiException.validation(ValidationError.of("greater_than_equal",
                    "Input should be greater than or equal to " + min, value, "query", name)
                    .withContext(Map.of("ge", min)));
        }
        if (number > max) {
            throw ApiException.validation(ValidationError.of("less_than_equal",
                    "Input should be less than or equal to " + max, value, "query", name)
                    .withContext(Map.of("le", max)));
        }
        return number;
    }
}
