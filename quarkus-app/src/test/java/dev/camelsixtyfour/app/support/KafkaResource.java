package dev.camelsixtyfour.app.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka broker of the tests: the one {@code .ci/run} starts ({@code .ci/kafka/start}), at the address in the
 * system property {@code sixtyfour-test.kafka-bootstrap} (default 127.0.0.1:19092). A missing broker fails the test
 * class, it is never skipped. Each start creates a topic and its dead-letter topic with fresh names, so runs never
 * see each other's records.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    public static final String BOOTSTRAP = "sixtyfour-test.kafka-bootstrap";
    public static final String TOPIC = "sixtyfour-test.kafka-topic";
    public static final String GROUP = "sixtyfour-test.kafka-group";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static String bootstrap;
    private static String topic;
    private static String group;

    public static String bootstrap() {
        return bootstrap;
    }

    public static String topic() {
        return topic;
    }

    public static String deadLetterTopic() {
        return topic + ".DLT";
    }

    public static String group() {
        return group;
    }

    @Override
    public Map<String, String> start() {
        bootstrap = System.getProperty(BOOTSTRAP, "127.0.0.1:19092");
        requireBroker();
        String run = UUID.randomUUID().toString().substring(0, 8);
        topic = "sixtyfour-test-companies-" + run;
        group = "sixtyfour-test-" + run;
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(deadLetterTopic(), 1,
                    (short) 1))).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create topic " + topic + " on " + bootstrap + ": " + e, e);
        }
        return Map.of(BOOTSTRAP, bootstrap, TOPIC, topic, GROUP, group);
    }

    @Override
    public void stop() {
        // The topics stay: their names are unique to the run, and the broker's log folder is under target/.
    }

    /** Sends each payload as one record of the topic and returns their offsets. */
    public static List<Long> send(String... payloads) {
        Properties config = clientConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        List<Long> offsets = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (String payload : payloads) {
                offsets.add(producer.send(new ProducerRecord<>(topic, payload)).get(TIMEOUT.toSeconds(),
                        TimeUnit.SECONDS).offset());
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot send to " + topic + ": " + e, e);
        }
        return offsets;
    }

    /** The dead-letter record whose original offset is {@code offset}, once it is there (empty after the wait). */
    public static Optional<ConsumerRecord<String, String>> deadLetter(long offset, String offsetHeader,
            Duration wait) {
        return record(deadLetterTopic(), record -> String.valueOf(offset).equals(header(record, offsetHeader)), wait);
    }

    /** The first record of partition 0 of {@code name} that matches, once it is there (empty after the wait). */
    public static Optional<ConsumerRecord<String, String>> record(String name,
            Predicate<ConsumerRecord<String, String>> match, Duration wait) {
        Properties config = clientConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(name, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (match.test(record)) {
                        return Optional.of(record);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Records on the dead-letter topic so far. */
    public static long deadLetterCount() {
        return endOffset(deadLetterTopic());
    }

    /** The offset the group committed on the topic's partition, -1 when none. */
    public static long committedOffset() {
        try (Admin admin = admin()) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(new TopicPartition(topic, 0));
            return committed == null ? -1 : committed.offset();
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the offsets of group " + group + ": " + e, e);
        }
    }

    /** The topic's end offset: the offset its next record gets. */
    public static long endOffset() {
        return endOffset(topic);
    }

    /**
     * Sets the group's committed offset back to {@code offset}, as if the app had stopped before committing the
     * records from there on. The group must have no member: stop the source route first.
     */
    public static void rewindTo(long offset) {
        try (Admin admin = admin()) {
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(offset)))
                    .all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot rewind group " + group + " to offset " + offset + ": " + e, e);
        }
    }

    /** The client ids of the group's members. */
    public static List<String> memberClientIds() {
        try (Admin admin = admin()) {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).members().stream()
                    .map(member -> member.clientId()).toList();
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot describe group " + group + ": " + e, e);
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long endOffset(String name) {
        TopicPartition partition = new TopicPartition(name, 0);
        try (Admin admin = admin()) {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).offset();
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the end offset of " + name + ": " + e, e);
        }
    }

    private static void requireBroker() {
        String[] hostPort = bootstrap.split(",")[0].split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 2000);
        } catch (IOException e) {
            throw new IllegalStateException("No Kafka broker answers at " + bootstrap + " (" + e.getMessage()
                    + "): start the tests' broker with .ci/kafka/start (.ci/run does so itself; stop it with "
                    + ".ci/kafka/stop), or point -D" + BOOTSTRAP + "=host:port at another one", e);
        }
    }

    private static Admin admin() {
        return Admin.create(clientConfig());
    }

    private static Properties clientConfig() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return config;
    }
}
