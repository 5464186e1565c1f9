package dev.camelsixtyfour.app.results.sink;

import java.util.Map;
import java.util.function.Function;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * A sink that is a Camel producer endpoint (an SFTP folder, a JMS or AMQP queue, a Kafka topic): the rows as text
 * ({@code body}, NDJSON or a JSON array), the batch's identifiers as headers. Endpoints that need more (a file name,
 * a record key) add it through {@code headers}.
 */
final class EndpointSink implements ResultSink {

    private final ProducerTemplate producer;
    private final Endpoint endpoint;
    private final String description;
    private final Function<Delivery, Map<String, Object>> headers;
    private final Function<Delivery, String> body;

    EndpointSink(ProducerTemplate producer, Endpoint endpoint, String description,
                 Function<Delivery, Map<String, Object>> headers) {
        this(producer, endpoint, description, headers, Delivery::ndjson);
    }

    EndpointSink(ProducerTemplate producer, Endpoint endpoint, String description,
                 Function<Delivery, Map<String, Object>> headers, Function<Delivery, String> body) {
        this.producer = producer;
        this.endpoint = endpoint;
        this.description = description;
        this.headers = headers;
        this.body = body;
    }

    @Override
    public void deliver(Delivery delivery) throws Exception {
        Exchange sent = producer.send(endpoint, exchange -> {
            exchange.getMessage().setHeaders(headers.apply(delivery));
            exchange.getMessage().setBody(body.apply(delivery));
        });
        if (sent.getException() != null) {
            throw sent.getException();
        }
    }

    @Override
    public String describe() {
        return description;
    }
}
