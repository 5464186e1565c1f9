package dev.camelsixtyfour.emulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.function.UnaryOperator;

/**
 * Runs an emulator for a test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SixtyfourEmulatorExtension EMULATOR = SixtyfourEmulatorExtension.create();
 * }</pre>
 *
 * Started before all tests of the class, {@linkplain SixtyfourEmulator#reset() reset} before each test, stopped
 * after all. Test and lifecycle methods may also take a {@link SixtyfourEmulator} parameter.
 */
public final class SixtyfourEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        ParameterResolver {

    private final UnaryOperator<SixtyfourEmulator.Builder> customizer;
    private SixtyfourEmulator emulator;
    private String owner;

    private SixtyfourEmulatorExtension(UnaryOperator<SixtyfourEmulator.Builder> customizer) {
        this.customizer = customizer;
    }

    /** An emulator with the defaults: a free port, the demo keys, the bundled workflows. */
    public static SixtyfourEmulatorExtension create() {
        return new SixtyfourEmulatorExtension(UnaryOperator.identity());
    }

    /** An emulator whose builder the test adjusts, e.g. {@code b -> b.signingSecret(SECRET)}. */
    public static SixtyfourEmulatorExtension create(UnaryOperator<SixtyfourEmulator.Builder> customizer) {
        return new SixtyfourEmulatorExtension(customizer);
    }

    /** The running emulator; available from {@code @BeforeAll} on. */
    public SixtyfourEmulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("The emulator starts before all tests; register the extension on a "
                    + "static field with @RegisterExtension");
        }
        return emulator;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (emulator == null) {
            start();
            owner = context.getUniqueId();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
        emulator.reset();
    }

    /** Stops the emulator after the class that started it; {@code @Nested} classes share it and leave it running. */
    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (emulator != null && context.getUniqueId().equals(owner)) {
            emulator.close();
            emulator = null;
            owner = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == SixtyfourEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        start();
        return emulator;
    }

    private synchronized void start() {
        if (emulator == null) {
            emulator = customizer.apply(SixtyfourEmulator.builder()).build().start();
        }
    }
}
