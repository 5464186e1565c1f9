package dev.camelsixtyfour.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SixtyfourWorkerPoolTest extends SixtyfourTestSupport {

    private static final String PROFILE = "sixtyfour-workers";
    private static final int POOL_SIZE = 3;
    private static final String RUN_ON_PROFILE = COMPANY_RUN + "&workerPoolProfile=" + PROFILE;
    private static final String TARGET_HEADER = "target";
    private static final String THREAD_HEADER = "continuedOn";
    private static final List<?> ROWS = List.of(Map.of("symbol", "AAPL", "name", "Apple Inc."));

    @Override
    RoutesBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                ThreadPoolProfile profile = new ThreadPoolProfile(PROFILE);
                profile.setPoolSize(POOL_SIZE);
                profile.setMaxPoolSize(POOL_SIZE);
                getContext().getExecutorServiceManager().registerThreadPoolProfile(profile);

                from("direct:run")
                        .toD("${header." + TARGET_HEADER + "}")
                        .process(exchange -> exchange.getMessage()
                                .setHeader(THREAD_HEADER, Thread.currentThread().getName()));
            }
        };
    }

    @ParameterizedTest
    @ValueSource(strings = { COMPANY_RUN, RUN_ON_PROFILE })
    void routeContinuesOnTheEndpointsWorkerPoolOnceTheServiceAnswers(String target) {
        Exchange exchange = template.send("direct:run", sent -> {
            sent.getMessage().setHeader(TARGET_HEADER, target);
            sent.getMessage().setBody(ROWS);
        });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(THREAD_HEADER, String.class)).contains("SixtyfourWorker");
    }

    @Test
    void workerPoolTakesItsSizeFromTheConfiguredProfile() {
        ExecutorService pool = context.getEndpoint(RUN_ON_PROFILE, SixtyfourEndpoint.class).getWorkerPool();

        assertThat(pool).isInstanceOfSatisfying(ThreadPoolExecutor.class, executor -> {
            assertThat(executor.getCorePoolSize()).isEqualTo(POOL_SIZE);
            assertThat(executor.getMaximumPoolSize()).isEqualTo(POOL_SIZE);
        });
    }

    @Test
    void stoppingTheEndpointShutsItsWorkerPoolDown() {
        SixtyfourEndpoint endpoint = context.getEndpoint(RUN_ON_PROFILE, SixtyfourEndpoint.class);
        ExecutorService pool = endpoint.getWorkerPool();

        ServiceHelper.stopService(endpoint);

        assertThat(pool.isShutdown()).isTrue();
    }

    @Test
    void unknownProfileFailsTheEndpointNamingTheProfile() {
        assertThatThrownBy(() -> context.getEndpoint(COMPANY_RUN + "&workerPoolProfile=no-such-profile"))
                .rootCause()
                .hasMessageContaining("workerPoolProfile")
                .hasMessageContaining("'no-such-profile'");
    }
}
