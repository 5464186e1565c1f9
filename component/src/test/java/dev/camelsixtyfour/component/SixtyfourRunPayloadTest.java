package dev.camelsixtyfour.component;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelsixtyfour.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SixtyfourRunPayloadTest extends SixtyfourTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TWO_ROWS = "[{\"symbol\":\"MMM\",\"name\":\"3M\"},"
                                           + "{\"symbol\":\"AOS\",\"name\":\"A. O. Smith\"}]";
    private static final String ONE_ROW = "{\"symbol\":\"MMM\",\"name\":\"3M\"}";

    record Company(String symbol, String name) {
    }

    record Listing(String symbol, String name, LocalDate added, Instant checkedAt, OffsetDateTime updatedAt,
                   Duration ttl, BigDecimal price, BigDecimal marketCap) {
    }

    static Stream<Arguments> javaBodies() {
        return Stream.of(
                arguments("List of Maps", (Supplier<Object>) () -> List.of(company("MMM", "3M"),
                        company("AOS", "A. O. Smith")), TWO_ROWS),
                arguments("List of POJOs", (Supplier<Object>) () -> List.of(new Company("MMM", "3M"),
                        new Company("AOS", "A. O. Smith")), TWO_ROWS),
                arguments("Iterable that is no Collection", (Supplier<Object>) () -> iterable(
                        List.of(company("MMM", "3M"), company("AOS", "A. O. Smith"))), TWO_ROWS),
                arguments("Iterator", (Supplier<Object>) () -> List.of(company("MMM", "3M"),
                        company("AOS", "A. O. Smith")).iterator(), TWO_ROWS),
                arguments("Stream of POJOs", (Supplier<Object>) () -> Stream.of(new Company("MMM", "3M"),
                        new Company("AOS", "A. O. Smith")), TWO_ROWS),
                arguments("array of Maps", (Supplier<Object>) () -> new Object[] { company("MMM", "3M"),
                        company("AOS", "A. O. Smith") }, TWO_ROWS),
                arguments("one Map", (Supplier<Object>) () -> company("MMM", "3M"), ONE_ROW),
                arguments("one POJO", (Supplier<Object>) () -> new Company("MMM", "3M"), ONE_ROW),
                arguments("Jackson tree", (Supplier<Object>) () -> readTree(TWO_ROWS), TWO_ROWS),
                arguments("Reader of JSON", (Supplier<Object>) () -> new StringReader(TWO_ROWS), TWO_ROWS),
                arguments("NDJSON text", (Supplier<Object>) () -> "{\"symbol\":\"MMM\",\"name\":\"3M\"}\n"
                                                                  + "{\"symbol\":\"AOS\",\"name\":\"A. O. Smith\"}\n",
                        TWO_ROWS),
                arguments("NDJSON with CRLF and blank lines", (Supplier<Object>) () -> "{\"symbol\":\"MMM\","
                                                                                     + "\"name\":\"3M\"}\r\n\r\n"
                                                                                     + "{\"symbol\":\"AOS\",\"name\":"
                                                                                     + "\"A. O. Smith\"}",
                        TWO_ROWS));
    }

    @ParameterizedTest(name = "{0} becomes the webhook payload")
    @MethodSource("javaBodies")
    void bodyBecomesTheWebhookPayload(String kind, Supplier<Object> body, String expectedPayload) {
        Exchange result = send(COMPANY_RUN, body.get());

        assertThat(result.getException()).isNull();
        assertThat(sentPayload()).isEqualTo(readTree(expectedPayload));
        assertThat(result.getMessage().getHeader(SixtyfourConstants.ROW_COUNT))
                .isEqualTo(readTree(expectedPayload).isArray() ? readTree(expectedPayload).size() : 1);
    }

    static Stream<Arguments> jsonTexts() {
        String odd = "[ {\"symbol\" : \"MMM\", \"name\":\"3M\", \"note\": \"caf\\u00e9 \\\"quoted\\\"\",\n"
                     + "   \"price\": 1.10, \"big\": 123456789012345678901234567890.000000000000000000001},\n"
                     + "  {\"symbol\":\"AOS\",\"name\":\"A. O. Smith\", \"nested\": {\"a\": [1, 2.50, null]}} ]";
        return Stream.of(
                arguments("String", (Supplier<Object>) () -> odd, odd),
                arguments("byte[]", (Supplier<Object>) () -> odd.getBytes(StandardCharsets.UTF_8), odd),
                arguments("InputStream", (Supplier<Object>) () -> new ByteArrayInputStream(
                        odd.getBytes(StandardCharsets.UTF_8)), odd),
                arguments("String holding one object", (Supplier<Object>) () -> ONE_ROW, ONE_ROW));
    }

    @ParameterizedTest(name = "JSON as {0} is sent byte for byte")
    @MethodSource("jsonTexts")
    void jsonTextIsSentExactlyAsItCame(String kind, Supplier<Object> body, String json) {
        Exchange result = send(COMPANY_RUN, body.get());

        assertThat(result.getException()).isNull();
        assertThat(runRequest().bodyAsString()).isEqualTo("{\"webhook_payload\":" + json + "}");
    }

    @Test
    void textInEveryScriptArrivesUnchanged() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("symbol", "中文");
        row.put("name", "Société Générale — Ελληνικά, Русский, العربية, עברית, हिन्दी, 日本語, 한국어");
        row.put("emoji", "👩🏽‍💻 🇫🇷 e\u0301 \u200F\u202E \t\\ \" \u0000");

        Exchange result = send(COMPANY_RUN, List.of(row));

        assertThat(result.getException()).isNull();
        assertThat(emulator().runs()).singleElement()
                .satisfies(run -> assertThat(run.rows()).containsExactly(row));
    }

    @Test
    void javaTimeBecomesIsoTextAndBigDecimalKeepsItsDigits() {
        Listing listing = new Listing("MMM", "3M", LocalDate.of(1957, 3, 4), Instant.parse("2026-12-04T15:45:55Z"),
                OffsetDateTime.of(2026, 12, 4, 16, 0, 0, 0, ZoneOffset.ofHours(2)), Duration.ofMinutes(90),
                new BigDecimal("1.10"), new BigDecimal("123456789012345678901234567890.000000000000000000001"));

        send(COMPANY_RUN, listing);

        String body = runRequest().bodyAsString();
        assertThat(body).contains("\"added\":\"1957-03-04\"", "\"checkedAt\":\"2026-12-04T15:45:55Z\"",
                "\"updatedAt\":\"2026-12-04T16:00:00+02:00\"", "\"ttl\":\"PT1H30M\"", "\"price\":1.10",
                "\"marketCap\":123456789012345678901234567890.000000000000000000001");
    }

    private static JsonNode sentPayload() {
        return readTree(runRequest().bodyAsString()).get("webhook_payload");
    }

    private static RecordedRequest runRequest() {
        List<RecordedRequest> requests = emulator().requests(RUN_PATH);
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static Map<String, Object> company(String symbol, String name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("symbol", symbol);
        row.put("name", name);
        return row;
    }

    private static <T> Iterable<T> iterable(List<T> items) {
        return new Iterable<>() {
            @Override
            public Iterator<T> iterator() {
                return items.iterator();
            }
        };
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
