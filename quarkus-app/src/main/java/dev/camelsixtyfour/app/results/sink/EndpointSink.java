package dev.camelsixtyfour.app.results.sink;

import java.util.Map;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * A sink that is a Camel producer endpoint (an SFTP folder, a JMS or AMQP queue): the rows as NDJSON text, the
 * batch's identifiers as headers. Endpoints that need more (a file name) add it through {@code extraHeaders}.
 */
final class EndpointSink implements ResultSink {

    private final ProducerTemplate producer;
    private final String uri;
    private final String description;
    private final Function<Delivery, Map<String, Object>> headers;

    EndpointSink(ProducerTemplate producer, String uri, String description,
                 Function<Delivery, Map<String, Object>> headers) {
        this.producer = producer;
        this.uri = uri;
        this.description = description;
        this.headers = headers;
    }

    @Override
    public void deliver(Delivery delivery) throws Exception {
        Exchange sent = producer.send(uri, exchange -> {
            exchange.getMessage().setHeaders(headers.apply(delivery));
            exchange.getMessage().setBody(delivery.ndjson());
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
