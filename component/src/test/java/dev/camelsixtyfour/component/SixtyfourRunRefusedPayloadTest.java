package dev.camelsixtyfour.component;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.camelsixtyfour.emulator.EmulatorDefaults;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SixtyfourRunRefusedPayloadTest extends SixtyfourTestSupport {

    static Stream<Arguments> refusedBodies() {
        return Stream.of(
                arguments("null", (Supplier<Object>) () -> null, "has no body"),
                arguments("empty String", (Supplier<Object>) () -> "", "is empty"),
                arguments("blank String", (Supplier<Object>) () -> " \n\t ", "is empty"),
                arguments("empty byte[]", (Supplier<Object>) () -> new byte[0], "is empty"),
                arguments("empty InputStream", (Supplier<Object>) () -> new ByteArrayInputStream(new byte[0]),
                        "is empty"),
                arguments("empty List", (Supplier<Object>) List::of, "holds no rows"),
                arguments("empty JSON array", (Supplier<Object>) () -> "[]", "holds no rows"),
                arguments("text that is not JSON", (Supplier<Object>) () -> "symbol,name\nMMM,3M",
                        "is not valid JSON or NDJSON at line 1"),
                arguments("truncated JSON", (Supplier<Object>) () -> "[{\"symbol\":\"MMM\"",
                        "is not valid JSON or NDJSON"),
                arguments("JSON number", (Supplier<Object>) () -> "42", "is a JSON number"),
                arguments("JSON array of numbers", (Supplier<Object>) () -> "[{\"symbol\":\"MMM\"}, 7]",
                        "JSON array element 1 is a number"),
                arguments("NDJSON with a line that is no object", (Supplier<Object>) () -> "{\"a\":1}\n[2]\n",
                        "NDJSON line 2"),
                arguments("List holding null", (Supplier<Object>) () -> Arrays.asList(Map.of("a", 1), null),
                        "Row 1 of the exchange body is null"),
                arguments("List holding a number", (Supplier<Object>) () -> List.of(Map.of("a", 1), 5),
                        "Row 1 of the exchange body is a java.lang.Integer"),
                arguments("a plain Integer", (Supplier<Object>) () -> 5, "The exchange body is a java.lang.Integer"));
    }

    @ParameterizedTest(name = "{0} is refused before any call")
    @MethodSource("refusedBodies")
    void bodyIsRefusedBeforeAnyCall(String kind, Supplier<Object> body, String reason) {
        Exchange result = send(COMPANY_RUN, body.get());

        assertThat(result.getException()).isInstanceOf(SixtyfourException.class)
                .hasMessageContaining(reason)
                .hasMessageContaining(EmulatorDefaults.COMPANY_WORKFLOW_ID);
        assertThat(((SixtyfourException) result.getException()).getStatusCode()).isZero();
        assertThat(emulator().requests()).isEmpty();
    }

    @Test
    void anEmptyListStartsARunWhenAllowed() {
        Exchange result = send(COMPANY_RUN + "&allowEmptyPayload=true", List.of());

        assertThat(result.getException()).isNull();
        assertThat(emulator().requests(RUN_PATH)).singleElement()
                .satisfies(request -> assertThat(request.bodyAsString()).isEqualTo("{\"webhook_payload\":[]}"));
        assertThat(result.getMessage().getHeader(SixtyfourConstants.ROW_COUNT)).isEqualTo(0);
    }
}
