package org.openprofiles.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openprofiles.benchmarks.Run.Signed;
import org.openprofiles.benchmarks.Wrk.Call;

/**
 * The soak (issue 15): minutes of mixed reads and writes at the run's connections, on the loaded
 * database. Passes with zero 5xx, a heap after full GC that stays flat (sampled every minute and at the
 * end with jcmd), and a pool that never sticks: {@code /ready}, which borrows a pooled connection, probed
 * every second, always answers 200 within two seconds.
 */
final class Soak {

    private final Options options;
    private final Wrk wrk;
    private final Report report;
    private final Dataset dataset;

    Soak(Options options, Wrk wrk, Report report, Dataset dataset) {
        this.options = options;
        this.wrk = wrk;
        this.report = report;
        this.dataset = dataset;
    }

    void run(Child server, URI base, List<Signed> signed, String reader, String manager) {
        Duration length = Duration.ofMinutes(options.number("soak-minutes"));
        System.out.println("soak: " + length.toMinutes() + " min of mixed reads and writes at " + wrk.connections()
                + " connections …");
        List<Call> calls = calls(signed, reader, manager);
        List<Double> heap = new ArrayList<>();
        AtomicLong probes = new AtomicLong();
        AtomicInteger failedProbes = new AtomicInteger();
        AtomicLong slowestProbeMillis = new AtomicLong();
        Api probe = new Api(base, null);
        ScheduledExecutorService every = Executors.newScheduledThreadPool(2);
        every.scheduleAtFixedRate(
                () -> {
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = probe.exchange("GET", "ready", null).status();
                    } catch (RuntimeException e) {
                        status = -1;
                    }
                    long millis = (System.nanoTime() - t0) / 1_000_000;
                    probes.incrementAndGet();
                    slowestProbeMillis.accumulateAndGet(millis, Math::max);
                    if (status != 200 || millis > 2_000) {
                        failedProbes.incrementAndGet();
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
        every.scheduleAtFixedRate(
                () -> {
                    synchronized (heap) {
                        heap.add(Jvm.heapAfterFullGcMb(server.pid()));
                    }
                },
                60,
                60,
                TimeUnit.SECONDS);
        Wrk.Figures figures;
        try {
            figures = wrk.run("soak", base, calls, length, true);
        } finally {
            every.shutdownNow();
        }
        // And once at the end: a soak of one minute ends before its first minute's sample.
        awaitQuietly(every);
        synchronized (heap) {
            heap.add(Jvm.heapAfterFullGcMb(server.pid()));
        }
        report.add(new Report.Row(
                "soak",
                "mixed reads and writes",
                "≈30 % writes, " + length.toMinutes() + " min",
                figures,
                Optional.empty(),
                Optional.empty()));
        List<Double> samples;
        synchronized (heap) {
            samples = List.copyOf(heap);
        }
        report.fact(
                "soak: answers",
                String.format(
                        Locale.ROOT,
                        "%,d requests, %,.0f req/s, 5xx: %d, 4xx: %d, "
                                + "socket errors: %d, timeouts: %d, p99 %.1f ms, max %.0f ms",
                        figures.requests(),
                        figures.requestsPerSecond(),
                        figures.status5xx(),
                        figures.status4xx(),
                        figures.socketErrors(),
                        figures.timeouts(),
                        figures.p99Millis(),
                        figures.maxMillis()));
        report.fact("soak: heap after full GC, each minute and at the end (MB)", samples.toString());
        if (samples.size() >= 3) {
            // The first minute warms caches and the JIT; flat means the rest does not grow.
            double first = samples.get(1);
            double last = samples.get(samples.size() - 1);
            report.fact(
                    "soak: heap growth from minute 2 to the end",
                    String.format(
                            Locale.ROOT,
                            "%.1f MB → %.1f MB (%+.1f %%) %s",
                            first,
                            last,
                            (last - first) / first * 100,
                            last <= first * 1.10 ? "flat" : "GROWING"));
        }
        report.fact(
                "soak: pool (/ready every second)",
                String.format(
                        Locale.ROOT,
                        "%,d probes, %d failed or slower than 2 s, slowest %d ms %s",
                        probes.get(),
                        failedProbes.get(),
                        slowestProbeMillis.get(),
                        failedProbes.get() == 0 ? "never stuck" : "STUCK"));
        report.fact(
                "soak: verdict",
                figures.status5xx() == 0 && failedProbes.get() == 0
                        ? "zero 5xx, pool never stuck"
                        : "FAILED: see the figures above");
    }

    /** Seven reads and three writes per round, cycled by every connection. */
    private List<Call> calls(List<Signed> signed, String reader, String manager) {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < signed.size(); i++) {
            Signed s = signed.get(i);
            int k = (i * 37) % dataset.accessProfiles();
            int a = (int) ((long) i * dataset.accounts() / signed.size());
            calls.add(Call.get("CertificateManagement/api/v1.0/profiles", s.token()));
            calls.add(Call.get("CertificateManagement/api/v1.0/profiles/" + Dataset.profileId(s.profile()), s.token()));
            calls.add(Call.get("api/v1/Profiles?limit=10", reader));
            calls.add(Call.get(
                    "api/v1/Profiles/AssignmentsByProfileId?profileId=" + Dataset.accessProfileId(k) + "&limit=10",
                    reader));
            calls.add(Call.get("api/v1/Profiles/GroupsByAccount?accountId=" + Dataset.accountId(a), reader));
            calls.add(Call.get("CertificateManagement/api/v1.0/profiles?status=Active", s.token()));
            calls.add(Call.get("api/v1/Profiles/AttributesByAccount?accountId=" + Dataset.accountId(a), reader));
            // Writes: a profile's description alternates, so that every save changes something.
            Map<String, Object> profile = new java.util.LinkedHashMap<>(dataset.accessProfile(k));
            profile.put("description", "soak " + (i % 2));
            calls.add(new Call("POST", "api/v1/Profiles/CreateUpdate", manager, json(profile)));
            String assign = i % 2 == 0 ? "Assign" : "Unassign";
            int other = (k + 1) % dataset.accessProfiles();
            calls.add(new Call(
                    "POST",
                    "api/v1/Profiles/" + assign,
                    manager,
                    json(Map.of(
                            "profileId", Dataset.accessProfileId(other).toString(),
                            "accountIds", List.of(Dataset.accountId(a).toString()),
                            "comment", "soak"))));
            calls.add(new Call(
                    "POST",
                    "CertificateManagement/api/v1.0/requests",
                    s.token(),
                    json(Map.of(
                            "type",
                            "SuspendOrReinstate",
                            "profiletemplateuuid",
                            Dataset.templateId(dataset.templateOf(s.profile())).toString(),
                            "profile",
                            Dataset.profileId(s.profile()).toString(),
                            "comment",
                            "soak"))));
        }
        return calls;
    }

    /** Waits for a minute's sample that is already running, so the last sample is not taken twice at once. */
    private static void awaitQuietly(ScheduledExecutorService executor) {
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String json(Object body) {
        try {
            return Api.JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
