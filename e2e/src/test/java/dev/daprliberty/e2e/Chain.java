package dev.daprliberty.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The greet chain as dapr.yaml and run-local describe it, on free ports: greeter and comms (the runnable Liberty
 * jars, started with dapr.yaml's command and environment), each next to a real daprd with the local overlay's
 * Configuration (access control included) and Resiliency, the sidecars talking mTLS with certificates from a real
 * Sentry. Every app and sidecar exports its spans to the given OTLP receiver.
 */
final class Chain implements AutoCloseable {

    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final String NAME = "{\"name\":\"Ada\"}";

    /**
     * How a chain is set up.
     *
     * @param adapter         comms' greeter.adapter: rest-client or dapr-sdk
     * @param sidecarApiToken the DAPR_API_TOKEN both sidecars require, if any
     * @param commsApiToken   the DAPR_API_TOKEN comms sends, if any
     * @param slowableGreeter with a {@link DelayProxy} between greeter's sidecar and greeter
     * @param commands        per app id, a command that runs instead of dapr.yaml's (another pair of apps in the
     *                        same chain, e.g. the benchmark's floor); an app not named runs as dapr.yaml says
     */
    record Options(String adapter, Optional<String> sidecarApiToken, Optional<String> commsApiToken, boolean slowableGreeter,
            Map<String, List<String>> commands) {

        static Options adapter(String adapter) {
            return new Options(adapter, Optional.empty(), Optional.empty(), false, Map.of());
        }

        Options apiTokens(String sidecars, String comms) {
            return new Options(adapter, Optional.of(sidecars), Optional.of(comms), slowableGreeter, commands);
        }

        Options withSlowableGreeter() {
            return new Options(adapter, sidecarApiToken, commsApiToken, true, commands);
        }

        Options withCommands(Map<String, List<String>> replacements) {
            return new Options(adapter, sidecarApiToken, commsApiToken, slowableGreeter, Map.copyOf(replacements));
        }
    }

    private final Path folder;
    private final Options options;
    private final OtlpReceiver receiver;
    private final LocalTopology.Ports greeterPorts = LocalTopology.Ports.free();
    private final LocalTopology.Ports commsPorts = LocalTopology.Ports.free();
    private final int sentryPort = FreePorts.next();
    private final Path daprd;
    private final Path configFile;
    private final List<Path> resourcesPaths;
    private final AtomicInteger starts = new AtomicInteger();
    private final List<ManagedProcess> processes = new ArrayList<>();
    private final Optional<DelayProxy> greeterProxy;
    final ManagedProcess sentry;
    final ManagedProcess greeter;
    final ManagedProcess greeterSidecar;
    final ManagedProcess comms;
    final ManagedProcess commsSidecar;

    private Chain(String name, Options options, OtlpReceiver receiver) {
        this.folder = Repository.workFolder(name);
        this.options = options;
        this.receiver = receiver;
        LocalTopology topology = LocalTopology.read();
        LocalTopology.App greeterApp = topology.app("greeter");
        LocalTopology.App commsApp = topology.app("comms");
        this.daprd = Tools.daprd();
        // The Dapr specs, Sentry's credentials and the sqlite name resolution table where run-local puts them, with
        // this chain's folder standing for the repository root (daprd's working directory): chains never meet.
        this.configFile = greeterApp.configFile(folder);
        this.resourcesPaths = greeterApp.resourcesPaths(folder);
        DaprSpecs.render(resourcesPaths.get(0), configFile, receiver.port());
        mkdirs(sentryCredentials());
        this.sentry = sentry();
        // With the proxy, greeter's sidecar calls (and probes) greeter through it.
        int proxyPort = FreePorts.next();
        this.greeterProxy = options.slowableGreeter() ? Optional.of(DelayProxy.start(proxyPort, greeterPorts.app())) : Optional.empty();
        LocalTopology.Ports greeterAsItsSidecarSeesIt = greeterProxy.isPresent() ? new LocalTopology.Ports(proxyPort,
                greeterPorts.daprHttp(), greeterPorts.daprGrpc(), greeterPorts.metrics()) : greeterPorts;
        this.greeterSidecar = sidecar(greeterApp, greeterApp.id(), greeterAsItsSidecarSeesIt, true);
        this.greeter = app(greeterApp, greeterPorts, Map.of());
        this.commsSidecar = sidecar(commsApp, commsApp.id(), commsPorts, true);
        Map<String, String> commsSettings = new LinkedHashMap<>();
        commsSettings.put("GREETER_ADAPTER", options.adapter());
        options.commsApiToken().ifPresent(token -> commsSettings.put("DAPR_API_TOKEN", token));
        this.comms = app(commsApp, commsPorts, commsSettings);
        processes.addAll(List.of(sentry, greeterSidecar, greeter, commsSidecar, comms));
    }

    /**
     * Starts Sentry (the sidecars need its trust anchor), then the four others; waits until each is ready and a
     * greeting has travelled the whole chain once.
     */
    static Chain start(String name, Options options, OtlpReceiver receiver) {
        Chain chain = new Chain(name, options, receiver);
        try {
            chain.sentry.start().awaitReady(READY_TIMEOUT);
            chain.processes.stream().filter(process -> process != chain.sentry).forEach(ManagedProcess::start);
            chain.processes.forEach(process -> process.awaitReady(READY_TIMEOUT));
            chain.awaitGreetersGreeting(Duration.ofSeconds(60));
            return chain;
        } catch (RuntimeException e) {
            chain.close();
            throw e;
        }
    }

    /** Makes greeter answer {@code delay} later, as its sidecar sees it (needs {@link Options#withSlowableGreeter()}). */
    void slowGreeter(Duration delay) {
        greeterProxy.orElseThrow(() -> new IllegalStateException("this chain has no proxy in front of greeter")).delay(delay);
    }

    URI comms(String path) {
        return URI.create("http://localhost:" + commsPorts.app() + path);
    }

    URI greeter(String path) {
        return URI.create("http://localhost:" + greeterPorts.app() + path);
    }

    /** A URL of greeter's sidecar's metrics endpoint. */
    URI greeterSidecarMetrics() {
        return URI.create("http://localhost:" + greeterPorts.metrics() + "/metrics");
    }

    URI commsSidecarMetrics() {
        return URI.create("http://localhost:" + commsPorts.metrics() + "/metrics");
    }

    Answer greet() {
        return greet(NAME, Map.of());
    }

    Answer greet(String json, Map<String, String> headers) {
        return Answer.post(comms("/greet"), json, headers);
    }

    /**
     * Greets until greeter's own greeting comes back, and says how long that took.
     *
     * @throws AssertionError if it has not come back within {@code bound}
     */
    Duration awaitGreetersGreeting(Duration bound) {
        Instant start = Instant.now();
        Answer last = null;
        while (Duration.between(start, Instant.now()).compareTo(bound) < 0) {
            last = greet();
            if (last.isGreetersGreeting()) {
                return Duration.between(start, Instant.now());
            }
            ManagedProcess.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("no greeting from greeter through the chain within " + bound + "; last answer: " + last
                + "\ncomms' log:\n" + comms.logTail() + "\ncomms' sidecar's log:\n" + commsSidecar.logTail());
    }

    /**
     * Another comms next to this chain's, sending to the sidecar at {@code daprHttpPort}, with {@code settings} in
     * its environment (e.g. a wrong DAPR_API_TOKEN). The caller starts and stops it.
     */
    ManagedProcess extraComms(String name, int daprHttpPort, Map<String, String> settings) {
        LocalTopology.App commsApp = LocalTopology.read().app("comms");
        LocalTopology.Ports ports = new LocalTopology.Ports(FreePorts.next(), daprHttpPort, FreePorts.next(), FreePorts.next());
        Map<String, String> environment = new LinkedHashMap<>(Map.of("GREETER_ADAPTER", options.adapter()));
        environment.putAll(settings);
        return managed(name, commsApp, ports, environment, URI.create("http://localhost:" + ports.app() + "/health/started"));
    }

    int commsSidecarHttpPort() {
        return commsPorts.daprHttp();
    }

    /**
     * Another sidecar, without an app, in this chain's namespace and name resolution: with {@code mtls} it gets its
     * identity from this chain's Sentry, without it has none. The caller starts and stops it.
     *
     * @return the sidecar, whose {@link ManagedProcess#readiness()} URL is on its HTTP API port
     */
    ManagedProcess extraSidecar(String appId, boolean mtls) {
        return sidecar(LocalTopology.read().app("comms"), appId,
                new LocalTopology.Ports(0, FreePorts.next(), FreePorts.next(), FreePorts.next()), mtls);
    }

    Path folder() {
        return folder;
    }

    private ManagedProcess sentry() {
        int healthz = FreePorts.next();
        List<String> command = List.of(Tools.sentry().toString(), "--mode", "standalone", "--config", configFile.toString(),
                "--issuer-credentials", sentryCredentials().toString(), "--port", Integer.toString(sentryPort),
                "--healthz-port", Integer.toString(healthz), "--metrics-port", Integer.toString(FreePorts.next()));
        return new ManagedProcess("sentry", folder, command, Map::of, URI.create("http://localhost:" + healthz + "/healthz"), folder);
    }

    private Path sentryCredentials() {
        return folder.resolve("target/run-local/sentry");
    }

    /** A daprd as run-local starts it for {@code app}, named {@code appId}; app port 0: a sidecar without an app. */
    private ManagedProcess sidecar(LocalTopology.App app, String appId, LocalTopology.Ports ports, boolean mtls) {
        List<String> arguments = app.daprdArguments(ports, configFile, resourcesPaths,
                mtls ? Optional.of("localhost:" + sentryPort) : Optional.empty());
        arguments.set(arguments.indexOf("--app-id") + 1, appId);
        if (ports.app() == 0) {
            arguments.subList(arguments.indexOf("--app-port"), arguments.indexOf("--app-port") + 2).clear();
            arguments.remove("--enable-app-health-check");
        }
        List<String> command = new ArrayList<>(List.of(daprd.toString()));
        command.addAll(arguments);
        return new ManagedProcess(appId + "-daprd", folder, command, () -> sidecarEnvironment(mtls),
                URI.create("http://localhost:" + ports.daprHttp() + "/v1.0/healthz"), folder);
    }

    /** The namespace (part of a sidecar's identity) and, with mTLS, the trust anchor Sentry wrote at its start. */
    private Map<String, String> sidecarEnvironment(boolean mtls) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("NAMESPACE", LocalTopology.clusterNamespace());
        if (mtls) {
            try {
                environment.put("DAPR_TRUST_ANCHORS", Files.readString(sentryCredentials().resolve("ca.crt")));
            } catch (IOException e) {
                throw new UncheckedIOException("Sentry has not written its trust anchor (is it running?)", e);
            }
        }
        options.sidecarApiToken().ifPresent(token -> environment.put("DAPR_API_TOKEN", token));
        return environment;
    }

    private ManagedProcess app(LocalTopology.App app, LocalTopology.Ports ports, Map<String, String> settings) {
        return managed(app.id(), app, ports, settings, URI.create("http://localhost:" + ports.app() + app.healthCheckPath()));
    }

    /** An app as dapr.yaml runs it, on {@code ports}, exporting its spans to the receiver. */
    private ManagedProcess managed(String name, LocalTopology.App app, LocalTopology.Ports ports,
            Map<String, String> settings, URI readiness) {
        Map<String, String> environment = new LinkedHashMap<>(app.environment(ports));
        environment.put("HTTP_PORT", Integer.toString(ports.app()));
        environment.put("OTEL_TRACES_EXPORTER", "otlp");
        environment.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
        // Export within half a second rather than the default 5 s, so the tests need not wait long for spans.
        environment.put("OTEL_BSP_SCHEDULE_DELAY", "500");
        environment.putAll(settings);
        List<String> command = options.commands().getOrDefault(app.id(), app.command()).stream()
                .map(word -> word.equals("java") ? javaOfThisJvm() : word).toList();
        return new ManagedProcess(name, app.directory(), command, () -> {
            Map<String, String> start = new LinkedHashMap<>(environment);
            // A runnable Liberty jar unpacks itself into a folder that must not exist yet: a new one each start.
            start.put("WLP_JAR_EXTRACT_DIR", folder.resolve("extract/" + name + "-" + starts.incrementAndGet()).toString());
            return start;
        }, readiness, folder);
    }

    private static String javaOfThisJvm() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void mkdirs(Path path) {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // Apps first (as Kubernetes ends a pod's containers), then their sidecars, then Sentry; each group in parallel.
        Stream.of(List.of(comms, greeter), List.of(commsSidecar, greeterSidecar), List.of(sentry)).forEach(group ->
                group.parallelStream().forEach(ManagedProcess::close));
        greeterProxy.ifPresent(DelayProxy::close);
    }
}
