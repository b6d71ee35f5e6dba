package backprop.server.http;

import backprop.server.experiments.ExperimentCache;
import backprop.server.store.Storage;
import io.javalin.http.Context;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus metrics at {@code /metrics} (Micrometer): requests by method, route and status with
 * their latency histogram ({@code http_server_requests_seconds}), the save queue's depth, the read
 * cache's lookups and misses (hit rate = 1 - misses / lookups), and the JVM's memory, GC, threads
 * and CPU. Open to loopback addresses; others need {@code Authorization: Bearer <admin token>}.
 */
final class Metrics implements RequestObserver.Listener {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** By method, route and status: a few hundred at most (the labels are bounded). */
    private final java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();

    private final AdminAuth admin;
    private final String clientIpHeader;

    Metrics(Storage storage, ExperimentCache cache, ServerConfig config) {
        this.admin = new AdminAuth(config.adminToken());
        this.clientIpHeader = config.clientIpHeader();
        Gauge.builder("backprop.save.queue.depth", storage, Storage::saveQueueDepth)
                .description("saves waiting for the database's writers")
                .register(registry);
        FunctionCounter.builder("backprop.experiment.cache.lookups", cache, ExperimentCache::lookups)
                .description("reads of a saved experiment asked of the read cache")
                .register(registry);
        FunctionCounter.builder("backprop.experiment.cache.misses", cache, ExperimentCache::loads)
                .description("reads the cache passed to the database")
                .register(registry);
        FunctionCounter.builder("backprop.experiment.cache.stale", cache, ExperimentCache::staleAnswers)
                .description("reads answered from an entry past its lifetime because the database was unreachable")
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    @Override
    public void completed(String method, String path, int status, long bytes, long nanos) {
        String m = METHODS.contains(method) ? method : "OTHER";
        String route = RouteLabel.of(path);
        timers.computeIfAbsent(
                        m + ' ' + route + ' ' + status,
                        key -> Timer.builder("http.server.requests")
                                .tag("method", m)
                                .tag("route", route)
                                .tag("status", Integer.toString(status))
                                .publishPercentileHistogram()
                                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** {@code GET /metrics}: the Prometheus text format. */
    void scrape(Context ctx) {
        String client = ClientAddress.of(clientIpHeader == null ? null : ctx.header(clientIpHeader), ctx.ip());
        if (!isLoopback(client)) {
            admin.require(ctx, "reading /metrics from another machine");
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
        ctx.header("Cache-Control", "no-store");
        ctx.result(registry.scrape());
    }

    /** Only literal addresses count (never a name to look up). */
    static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        String a =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        return a.startsWith("127.") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1") || a.startsWith("::ffff:127.");
    }
}
