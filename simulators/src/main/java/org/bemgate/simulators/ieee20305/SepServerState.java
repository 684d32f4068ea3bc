package org.bemgate.simulators.ieee20305;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What the simulated utility server knows, kept apart from its HTTP side so it outlives a restart of
 * either the server or the client: the aggregators it accepts (by LFDI), the sites they registered,
 * and one DER program with a default control and scheduled controls that every site sees. Thread-safe.
 */
public final class SepServerState {

    /** CSIP-AUS v1.2, envoy 1.x. */
    public static final String CSIPAUS_V12 = "https://csipaus.org/ns";
    /** CSIP-AUS v1.3, envoy 2.x. */
    public static final String CSIPAUS_V13 = "https://csipaus.org/ns/v1.3";

    /**
     * A registered site (an aggregator-managed EndDevice).
     *
     * @param id its number in {@code /edev/{id}}
     * @param aggregatorLfdi the aggregator that registered it
     * @param lfdi its LFDI as posted
     * @param sfdi its SFDI
     * @param deviceCategory as posted (hex)
     * @param changedTime seconds
     * @param nmi the ConnectionPoint id, or null
     * @param derResources the last body PUT or POSTed to dercap, derg, ders and dera
     */
    public record Site(int id, String aggregatorLfdi, String lfdi, long sfdi, String deviceCategory, long changedTime, String nmi,
            Map<String, String> derResources) {
    }

    private final LongSupplier clock;
    private final Set<String> aggregators = new java.util.HashSet<>();
    private final Map<Integer, Site> sites = new LinkedHashMap<>();
    private final List<SimulatedControl> controls = new ArrayList<>();
    private final AtomicLong mrids = new AtomicLong(0x1000);
    private SimulatedControl defaultControl;
    private int nextSiteId = 1;
    private int pollRate = 60;
    private int primacy = 1;
    private String csipNamespace = CSIPAUS_V12;
    private boolean allowNmiUpdates = true;
    private boolean acceptAny;

    /** A server on the system clock. */
    public SepServerState() {
        this(() -> System.currentTimeMillis() / 1000);
    }

    /** @param epochSeconds the server's clock, replaceable in tests */
    public SepServerState(LongSupplier epochSeconds) {
        this.clock = epochSeconds;
    }

    /** @return now on the server's clock, seconds */
    public long now() {
        return clock.getAsLong();
    }

    /** Accepts an aggregator certificate by its LFDI (40 hex digits, any case). */
    public synchronized SepServerState aggregator(String lfdi) {
        aggregators.add(lfdi.toUpperCase(Locale.ROOT));
        return this;
    }

    /** Accepts every aggregator LFDI (a demo or command-line server); a missing identity is still 403. */
    public synchronized SepServerState acceptAnyAggregator() {
        acceptAny = true;
        return this;
    }

    synchronized boolean isAggregator(String lfdi) {
        return lfdi != null && lfdi.matches("[0-9A-Fa-f]{40}") && (acceptAny || aggregators.contains(lfdi.toUpperCase(Locale.ROOT)));
    }

    /** Sets the pollRate advertised by dcap, the EndDeviceList and the DER program lists (seconds). */
    public synchronized SepServerState pollRate(int seconds) {
        this.pollRate = seconds;
        return this;
    }

    synchronized int pollRate() {
        return pollRate;
    }

    /** Sets the program's primacy. */
    public synchronized SepServerState primacy(int p) {
        this.primacy = p;
        return this;
    }

    synchronized int primacy() {
        return primacy;
    }

    /** Sets the CSIP-AUS namespace the server reads and writes ({@link #CSIPAUS_V12} by default). */
    public synchronized SepServerState csipNamespace(String ns) {
        this.csipNamespace = ns;
        return this;
    }

    synchronized String csipNamespace() {
        return csipNamespace;
    }

    /** false: a second PUT of a ConnectionPoint is a conflict (409), as envoy with allow_nmi_updates off. */
    public synchronized SepServerState allowNmiUpdates(boolean allow) {
        this.allowNmiUpdates = allow;
        return this;
    }

    synchronized boolean allowNmiUpdates() {
        return allowNmiUpdates;
    }

    /** Sets the program's DefaultDERControl modes; an empty map removes it (then {@code dderc} is 404). */
    public synchronized SepServerState defaultControl(Map<String, Object> modes) {
        defaultControl = modes.isEmpty() ? null : new SimulatedControl(mrid(), "default", now(), 0, 0, false, modes);
        return this;
    }

    synchronized SimulatedControl defaultControl() {
        return defaultControl;
    }

    /**
     * Schedules a DERControl.
     *
     * @param description its description
     * @param start start, seconds since the epoch
     * @param duration seconds
     * @param modes the modes (see {@link SimulatedControl})
     * @return its mRID
     */
    public synchronized String schedule(String description, long start, long duration, Map<String, Object> modes) {
        SimulatedControl c = new SimulatedControl(mrid(), description, now(), start, duration, false, modes);
        controls.add(c);
        return c.mrid();
    }

    /** Cancels a scheduled control; it stays in the list with status 2. */
    public synchronized void cancel(String mrid) {
        controls.replaceAll(c -> c.mrid().equals(mrid) ? new SimulatedControl(c.mrid(), c.description(), c.creationTime(), c.start(),
                c.duration(), true, c.modes()) : c);
    }

    synchronized List<SimulatedControl> controls() {
        return List.copyOf(controls);
    }

    /** @return a copy of every registered site */
    public synchronized List<Site> sites() {
        return List.copyOf(sites.values());
    }

    synchronized Optional<Site> site(String aggregatorLfdi, int id) {
        Site s = sites.get(id);
        return s != null && s.aggregatorLfdi().equalsIgnoreCase(aggregatorLfdi) ? Optional.of(s) : Optional.empty();
    }

    synchronized List<Site> sitesOf(String aggregatorLfdi) {
        return sites.values().stream().filter(s -> s.aggregatorLfdi().equalsIgnoreCase(aggregatorLfdi)).toList();
    }

    /** @return the new site's id, or -409 on a duplicate LFDI or SFDI of the same aggregator */
    synchronized int add(String aggregatorLfdi, String lfdi, long sfdi, String deviceCategory) {
        for (Site s : sitesOf(aggregatorLfdi)) {
            if (s.lfdi().equalsIgnoreCase(lfdi) || s.sfdi() == sfdi) {
                return -409;
            }
        }
        int id = nextSiteId++;
        sites.put(id, new Site(id, aggregatorLfdi, lfdi, sfdi, deviceCategory, now(), null, Map.of()));
        return id;
    }

    synchronized void setNmi(int id, String nmi) {
        Site s = sites.get(id);
        sites.put(id, new Site(s.id(), s.aggregatorLfdi(), s.lfdi(), s.sfdi(), s.deviceCategory(), now(), nmi, s.derResources()));
    }

    synchronized void putDerResource(int id, String name, String body) {
        Site s = sites.get(id);
        Map<String, String> r = new LinkedHashMap<>(s.derResources());
        r.put(name, body);
        sites.put(id, new Site(s.id(), s.aggregatorLfdi(), s.lfdi(), s.sfdi(), s.deviceCategory(), s.changedTime(), s.nmi(), Map.copyOf(r)));
    }

    private String mrid() {
        return String.format("%032X", mrids.incrementAndGet());
    }
}
