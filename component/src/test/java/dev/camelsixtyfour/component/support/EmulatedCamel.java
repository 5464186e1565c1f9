package dev.camelsixtyfour.component.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulator;
import dev.camelsixtyfour.emulator.SixtyfourEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A started CamelContext whose {@code sixtyfour:} URIs point at an emulator with its default key: either made and
 * closed by the test, or, through {@link #perTest}, a JUnit extension that starts a fresh one before each test and
 * stops it after.
 */
public final class EmulatedCamel implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    /** Rows the company workflow accepts. */
    public static final List<Map<String, Object>> COMPANIES = List.of(
            Map.of("symbol", "AAPL", "name", "Apple Inc."),
            Map.of("symbol", "MSFT", "name", "Microsoft"),
            Map.of("symbol", "MMM", "name", "3M"));

    private final Supplier<SixtyfourEmulator> emulator;
    private CamelContext context;
    private ProducerTemplate template;

    public EmulatedCamel(SixtyfourEmulator emulator) {
        this.emulator = () -> emulator;
        start();
    }

    private EmulatedCamel(Supplier<SixtyfourEmulator> emulator) {
        this.emulator = emulator;
    }

    /** For {@code @RegisterExtension}: a new CamelContext for each test, on the class's emulator. */
    public static EmulatedCamel perTest(SixtyfourEmulatorExtension emulator) {
        return new EmulatedCamel(emulator::emulator);
    }

    @Override
    public void beforeEach(ExtensionContext test) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext test) {
        close();
    }

    private void start() {
        context = new DefaultCamelContext();
        context.start();
        template = context.createProducerTemplate();
    }

    public CamelContext context() {
        return context;
    }

    public ProducerTemplate template() {
        return template;
    }

    /**
     * {@code sixtyfour:<kind>?<options>} with the emulator's base URI and default key.
     */
    public String uri(String kind, String options) {
        return "sixtyfour:" + kind + "?apiKey=RAW(" + EmulatorDefaults.DEFAULT_API_KEY + ")&baseUri="
               + emulator.get().baseUri() + (options.isEmpty() ? "" : "&" + options);
    }

    /**
     * Starts a run of {@code workflowId} with {@code rows} and returns its job id.
     */
    public String startRun(String workflowId, Object rows, String options) {
        Exchange exchange = send(uri("workflow", "id=" + workflowId + (options.isEmpty() ? "" : "&" + options)),
                rows, Map.of());
        if (exchange.getException() != null) {
            throw new IllegalStateException("Run of " + workflowId + " did not start", exchange.getException());
        }
        return exchange.getMessage().getHeader("CamelSixtyfourJobId", String.class);
    }

    public Exchange send(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeaders(new HashMap<>(headers));
        return template.send(uri, exchange);
    }

    @Override
    public void close() {
        context.stop();
    }
}
