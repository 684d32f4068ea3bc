package org.bemgate.webconsole.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bemgate.core.api.history.HistoryPoint;
import org.bemgate.core.api.history.HistoryQuery;
import org.bemgate.core.api.history.HistoryService;
import org.bemgate.webconsole.internal.platform.BundleAdmin;
import org.bemgate.webconsole.internal.platform.BundleChange;
import org.bemgate.webconsole.internal.platform.BundleInfo;
import org.bemgate.webconsole.internal.platform.UploadedBundle;

/**
 * The container's services as the console tests need them, in memory: bundles that are installed or
 * updated by symbolic name as the framework would, and a history of one point a minute.
 */
final class FakePlatform implements BundleAdmin, HistoryService {

    private final Map<Long, BundleInfo> bundles = new ConcurrentHashMap<>();
    private long nextId = 100;

    FakePlatform() {
        bundles.put(0L, new BundleInfo(0, "org.apache.felix.framework", "System Bundle", "7.0.5", "ACTIVE", "System Bundle", false));
    }

    @Override
    public List<BundleInfo> list() {
        return bundles.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    }

    @Override
    public synchronized BundleChange installOrUpdate(UploadedBundle jar, boolean start) {
        for (BundleInfo b : bundles.values()) {
            if (b.symbolicName().equals(jar.symbolicName())) {
                BundleInfo updated = new BundleInfo(b.id(), b.symbolicName(), b.name(), jar.version(), b.state(), b.location(), false);
                bundles.put(b.id(), updated);
                return new BundleChange("updated", updated, "updated " + jar.symbolicName() + " from " + b.version() + " to "
                        + jar.version());
            }
        }
        long id = nextId++;
        BundleInfo b = new BundleInfo(id, jar.symbolicName(), jar.symbolicName(), jar.version(), start ? "ACTIVE" : "INSTALLED",
                "upload:" + jar.symbolicName(), false);
        bundles.put(id, b);
        return new BundleChange("installed", b, "installed " + jar.symbolicName() + " " + jar.version());
    }

    @Override
    public BundleInfo uninstall(long id) {
        return bundles.remove(id);
    }

    @Override
    public BundleInfo start(long id) {
        return bundles.computeIfPresent(id, (k, b) -> new BundleInfo(k, b.symbolicName(), b.name(), b.version(), "ACTIVE",
                b.location(), false));
    }

    @Override
    public BundleInfo stop(long id) {
        return bundles.computeIfPresent(id, (k, b) -> new BundleInfo(k, b.symbolicName(), b.name(), b.version(), "RESOLVED",
                b.location(), false));
    }

    @Override
    public List<HistoryPoint> query(HistoryQuery q) {
        List<HistoryPoint> points = new ArrayList<>();
        for (long t = q.from() - q.from() % 60_000 + 60_000; t <= q.to(); t += 60_000) {
            points.add(new HistoryPoint(t, 21 + Math.sin(t / 600_000.0)));
        }
        return points;
    }

    @Override
    public boolean flush(long timeoutMillis) {
        return true;
    }

}
