package dev.camelsixtyfour.app.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.camelsixtyfour.app.batch.BatchStore;

/** Ready only while the batch repository accepts writes: rows could not be handed to batches otherwise. */
@Readiness
@ApplicationScoped
public class BatchRepositoryReadiness implements HealthCheck {

    @Inject
    BatchStore store;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("sixtyfour-batch-repository")
                .status(store.writable())
                .withData("database", store.databaseProduct())
                .build();
    }
}
