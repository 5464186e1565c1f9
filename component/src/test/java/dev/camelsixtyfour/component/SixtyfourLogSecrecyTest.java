package dev.camelsixtyfour.component;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

import dev.camelsixtyfour.emulator.EmulatorDefaults;
import dev.camelsixtyfour.emulator.SixtyfourEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the component through success, every kind of failure and Camel's own tracing with every logger at TRACE
 * (the JDK HttpClient's included, routed through SLF4J; see the log-secrecy surefire execution), capturing every
 * log event, stack trace and byte written to stdout and stderr, and proves the API key appears in none of them.
 */
class SixtyfourLogSecrecyTest {

    private static final String SECRET_KEY = "sk-live+SECRET&" + UUID.randomUUID() + "=%";
    private static final String WRONG_KEY = "sk-wrong+SECRET&" + UUID.randomUUID();
    private static final List<Map<String, Object>> ROWS = List.of(Map.of("symbol", "MMM", "name", "3M"));

    @RegisterExtension
    static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create(
            builder -> builder.apiKey(SECRET_KEY, EmulatorDefaults.DEFAULT_ORG_ID));

    private static final String[] CAMEL_ENDPOINT_RESOLUTION_LOGGERS = {
            "org.apache.camel.impl.engine.AbstractCamelContext ", "org.apache.camel.support.EndpointHelper ",
            "org.apache.camel.support.DefaultComponent " };

    private static final ConcurrentLinkedQueue<String> CAPTURED = new ConcurrentLinkedQueue<>();
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static CapturingAppender appender;
    private static PrintStream originalOut;
    private static PrintStream originalErr;

    @BeforeAll
    static void captureEverything() {
        assumeTrue(System.getProperty("jdk.httpclient.HttpClient.log") != null,
                "runs in the log-secrecy surefire execution, which switches the JDK HttpClient's logging on");
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        Configuration config = logging.getConfiguration();
        appender = new CapturingAppender();
        appender.start();
        config.addAppender(appender);
        LoggerConfig root = config.getRootLogger();
        root.addAppender(appender, Level.ALL, null);
        root.setLevel(Level.ALL);
        config.getLoggers().values().forEach(logger -> logger.setLevel(Level.ALL));
        logging.updateLoggers();

        originalOut = System.out;
        originalErr = System.err;
        PrintStream console = new PrintStream(CONSOLE, true, StandardCharsets.UTF_8);
        System.setOut(new TeeStream(originalOut, console));
        System.setErr(new TeeStream(originalErr, console));
    }

    @AfterAll
    static void restore() {
        if (appender == null) {
            return;
        }
        System.setOut(originalOut);
        System.setErr(originalErr);
        LoggerContext logging = (LoggerContext) LogManager.getContext(false);
        logging.getConfiguration().getRootLogger().removeAppender(appender.getName());
        logging.reconfigure();
    }

    @Test
    void keySetAsComponentOptionAppearsNowhere() throws Exception {
        runEverything(component -> component.getConfiguration().setApiKey(SECRET_KEY), "",
                component -> component.getConfiguration().setApiKey(WRONG_KEY), "");

        assertEverythingWasCaptured();
        assertThat(CAPTURED).noneSatisfy(line -> assertThat(line).contains(SECRET_KEY));
        assertThat(CAPTURED).noneSatisfy(line -> assertThat(line).contains(WRONG_KEY));
        assertThat(CONSOLE.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET_KEY, WRONG_KEY);
    }

    /**
     * Known limitation: Camel core's own TRACE lines about resolving an endpoint print the URI as written, RAW()
     * values included; the component, the JDK client, Camel's tracer and every exception stay clean.
     */
    @Test
    void keyInAUriAppearsOnlyInCamelCoreEndpointResolutionTrace() throws Exception {
        runEverything(component -> { }, "&apiKey=RAW(" + SECRET_KEY + ")", component -> { },
                "&apiKey=RAW(" + WRONG_KEY + ")");

        assertEverythingWasCaptured();
        assertThat(CAPTURED.stream().filter(line -> line.contains(SECRET_KEY) || line.contains(WRONG_KEY)))
                .allSatisfy(line -> assertThat(line).matches(SixtyfourLogSecrecyTest::fromEndpointResolution,
                        "a Camel core endpoint-resolution line"));
        assertThat(CONSOLE.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET_KEY, WRONG_KEY);
    }

    private static boolean fromEndpointResolution(String line) {
        return Arrays.stream(CAMEL_ENDPOINT_RESOLUTION_LOGGERS).anyMatch(line::startsWith);
    }

    @BeforeEach
    void clearCapture() {
        CAPTURED.clear();
        CONSOLE.reset();
    }

    private static void runEverything(Consumer<SixtyfourComponent> setKey, String keyInUri,
                                      Consumer<SixtyfourComponent> setWrongKey, String wrongKeyInUri)
            throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.setTracing(true);
            context.setMessageHistory(true);
            SixtyfourComponent component = new SixtyfourComponent();
            component.getConfiguration().setBaseUri(EMULATOR.emulator().baseUri().toString());
            component.getConfiguration().setRetryInitialDelay(10);
            setKey.accept(component);
            context.addComponent("sixtyfour", component);
            SixtyfourComponent wrong = new SixtyfourComponent();
            wrong.getConfiguration().setBaseUri(EMULATOR.emulator().baseUri().toString());
            setWrongKey.accept(wrong);
            context.addComponent("sixtyfour-wrong", wrong);
            String run = "sixtyfour:workflow?id=" + EmulatorDefaults.COMPANY_WORKFLOW_ID + keyInUri;
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:run").routeId("secret-run").to(run).log("Started ${header.CamelSixtyfourJobId}");
                }
            });
            context.start();

            exercise(context.createProducerTemplate(), run,
                    "sixtyfour-wrong:workflow?id=" + EmulatorDefaults.COMPANY_WORKFLOW_ID + wrongKeyInUri);
        }
    }

    private static void assertEverythingWasCaptured() {
        assertThat(CAPTURED).as("the component's own log lines were captured")
                .anySatisfy(line -> assertThat(line).startsWith("dev.camelsixtyfour.component"));
        assertThat(CAPTURED).as("the JDK HttpClient's own log lines were captured")
                .anySatisfy(line -> assertThat(line).startsWith("jdk.httpclient.HttpClient"));
        assertThat(CAPTURED).as("Camel's tracer lines were captured")
                .anySatisfy(line -> assertThat(line).startsWith("org.apache.camel.Tracing"));
        assertThat(CONSOLE.toString(StandardCharsets.UTF_8)).as("the JDK HttpClient's debug output was captured")
                .isNotEmpty();
    }

    private static void exercise(ProducerTemplate template, String run, String wrongKeyRun) {
        Exchange started = template.send("direct:run", exchange -> exchange.getMessage().setBody(ROWS));
        assertThat(started.getException()).isNull();

        EMULATOR.emulator().faults().failNext("/workflows/run", 503, 2);
        expectFailure(template.send(run + "&maxRetries=1", exchange -> exchange.getMessage().setBody(ROWS)));

        EMULATOR.emulator().faults().failNext("/workflows/run", 429, 1);
        expectFailure(template.send(run + "&maxRetries=0", exchange -> exchange.getMessage().setBody(ROWS)));

        expectFailure(template.send(wrongKeyRun, exchange -> exchange.getMessage().setBody(ROWS)));
        expectFailure(template.send(run, exchange -> exchange.getMessage().setBody("not json")));
        expectFailure(template.send(run + "&validateInput=true",
                exchange -> exchange.getMessage().setBody(List.of(Map.of("symbol", "MMM")))));

        assertThatThrownBy(() -> template.getCamelContext().getEndpoint(run.replaceAll("id=[^&]*&?", "")))
                .satisfies(SixtyfourLogSecrecyTest::record);
        assertThatThrownBy(() -> template.getCamelContext().getEndpoint(run.replace(":workflow?", ":nothing?")))
                .satisfies(SixtyfourLogSecrecyTest::record);
        CAPTURED.add(template.getCamelContext().getEndpoint(run).toString());
    }

    private static void expectFailure(Exchange exchange) {
        assertThat(exchange.getException()).isInstanceOf(SixtyfourException.class);
        record(exchange.getException());
    }

    private static void record(Throwable error) {
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        error.printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
        CAPTURED.add(trace.toString(StandardCharsets.UTF_8));
        CAPTURED.add(String.valueOf(error));
    }

    /** Keeps every event's logger, message, parameters, context data and stack trace. */
    private static final class CapturingAppender extends AbstractAppender {

        CapturingAppender() {
            super("capture-everything", null, null, true, Property.EMPTY_ARRAY);
        }

        @Override
        public void append(LogEvent event) {
            StringBuilder line = new StringBuilder();
            line.append(event.getLoggerName()).append(' ').append(event.getLevel()).append(' ')
                    .append(event.getMessage().getFormattedMessage()).append(' ')
                    .append(event.getContextData());
            if (event.getMessage().getParameters() != null) {
                for (Object parameter : event.getMessage().getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            if (event.getThrown() != null) {
                ByteArrayOutputStream trace = new ByteArrayOutputStream();
                event.getThrown().printStackTrace(new PrintStream(trace, true, StandardCharsets.UTF_8));
                line.append('\n').append(trace.toString(StandardCharsets.UTF_8));
            }
            CAPTURED.add(line.toString());
        }
    }

    /** Writes to the real console and to the capture. */
    private static final class TeeStream extends PrintStream {

        private final PrintStream capture;

        TeeStream(PrintStream console, PrintStream capture) {
            super(console, true, StandardCharsets.UTF_8);
            this.capture = capture;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            super.write(buffer, offset, length);
            capture.write(buffer, offset, length);
        }

        @Override
        public void write(int b) {
            super.write(b);
            capture.write(b);
        }
    }
}
