package org.bemgate.simulators.ieee20305;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.bemgate.simulators.internal.SimulatorHttpServer;
import org.w3c.dom.Element;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;

/**
 * An IEEE 2030.5 / CSIP-AUS utility server for aggregators, following the URIs and status codes of
 * the BSGIP envoy server: {@code /dcap}, {@code /tm}, {@code /edev} (paged with {@code s}/{@code l},
 * {@code l} defaulting to 1, the aggregator's virtual EndDevice {@code /edev/0} first), POST
 * {@code /edev} → 201 with {@code Location}, 409 on a duplicate LFDI/SFDI, 403 for the aggregator's
 * own LFDI; one DER per site at {@code /edev/{id}/der/1} (no POST), PUT/POST of
 * {@code dercap}/{@code derg}/{@code ders}/{@code dera} → 204; PUT {@code /edev/{id}/cp} → 201; no
 * DeviceInformation; and one DER program per site through {@code fsa/1/derp} with
 * {@code dderc}, {@code derc} and {@code actderc}. Bodies are {@code application/sep+xml}.
 *
 * <p>HTTPS requires a client certificate whose LFDI is a known aggregator; on plain HTTP the
 * aggregator names its LFDI in {@code x-forwarded-client-cert}, as behind envoy's TLS proxy. Fault
 * injection: {@link #fail} and {@link #invalidXml}.
 */
public final class Ieee20305Simulator implements AutoCloseable {

    private static final String MEDIA_TYPE = "application/sep+xml";
    private static final String DER = "1";
    private static final String FSA = "1";
    private static final String PROGRAM = "1";

    /**
     * One request the server received.
     *
     * @param method the method
     * @param target the path with its query
     * @param contentType the Content-Type header, or null
     * @param body the body
     * @param status the status answered
     */
    public record Request(String method, String target, String contentType, String body, int status) {
    }

    private record Fault(String prefix, int status, int[] left) {
    }

    private record Answer(int status, String body, String location) {
        static Answer xml(String body) {
            return new Answer(200, body, null);
        }

        static Answer status(int status) {
            return new Answer(status, "", null);
        }
    }

    private final String host;
    private final int requestedPort;
    private final SepServerState state;
    private final List<Request> requests = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private SSLContext tls;
    private SimulatorHttpServer server;

    /**
     * @param host the address to listen on, such as 127.0.0.1
     * @param port the port; 0 takes a free one
     * @param state what the server knows; may be shared with an earlier instance
     */
    public Ieee20305Simulator(String host, int port, SepServerState state) {
        this.host = host;
        this.requestedPort = port;
        this.state = state;
    }

    /**
     * Serves HTTPS with client certificates required; call before {@link #start()}.
     *
     * @param serverContext a context with the server's key and the CA its clients' certificates chain to
     */
    public Ieee20305Simulator tls(SSLContext serverContext) {
        this.tls = serverContext;
        return this;
    }

    /** Listens. */
    public synchronized Ieee20305Simulator start() throws IOException {
        HttpsConfigurator https = tls == null ? null : new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = tls.getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        };
        server = SimulatorHttpServer.start(host, requestedPort, https, "ieee20305-simulator", this::handle);
        return this;
    }

    /** @return the port it listens on */
    public synchronized int port() {
        return server.port();
    }

    /** @return {@code https://127.0.0.1:<port>} or {@code http://…} */
    public String baseUrl() {
        return (tls == null ? "http" : "https") + "://" + host + ":" + port();
    }

    /** @return what the server knows */
    public SepServerState state() {
        return state;
    }

    /** @return every request so far as {@code METHOD target}, such as {@code POST /edev} */
    public synchronized List<String> requests() {
        return requests.stream().map(r -> r.method() + " " + r.target()).toList();
    }

    /** @return every request so far, with bodies and answers */
    public synchronized List<Request> requestDetails() {
        return List.copyOf(requests);
    }

    /** Answers the next {@code count} requests starting with {@code "METHOD /path"} with that status and no body. */
    public synchronized void fail(String methodAndPathPrefix, int status, int count) {
        faults.add(new Fault(methodAndPathPrefix, status, new int[] { count }));
    }

    /** Answers the next {@code count} requests starting with {@code "METHOD /path"} with 200 and a body that is not XML. */
    public void invalidXml(String methodAndPathPrefix, int count) {
        fail(methodAndPathPrefix, -200, count);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    // ---- HTTP --------------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        try (ex; InputStream in = ex.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String method = ex.getRequestMethod();
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery();
            String target = path + (query == null ? "" : "?" + query);
            Answer a = fault(method + " " + target);
            if (a == null) {
                String lfdi = identity(ex);
                if (lfdi == null || !state.isAggregator(lfdi)) {
                    a = new Answer(403, "", null);
                } else {
                    try {
                        a = route(method, path, query(query), body, lfdi.toUpperCase(java.util.Locale.ROOT));
                    } catch (ServerXml.BadBody e) {
                        a = new Answer(400, e.getMessage(), null);
                    } catch (RuntimeException e) {
                        a = new Answer(500, String.valueOf(e), null);
                    }
                }
            }
            synchronized (this) {
                requests.add(new Request(method, target, ex.getRequestHeaders().getFirst("Content-Type"), body, a.status()));
            }
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            if (a.location() != null) {
                ex.getResponseHeaders().set("Location", a.location());
            }
            if (out.length > 0) {
                ex.getResponseHeaders().set("Content-Type", a.status() < 300 ? MEDIA_TYPE : "text/plain");
            }
            boolean noBody = out.length == 0 || a.status() == 204 || a.status() == 304;
            ex.sendResponseHeaders(a.status(), noBody ? -1 : out.length);
            if (!noBody) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    private synchronized Answer fault(String request) {
        for (Fault f : faults) {
            if (request.startsWith(f.prefix()) && f.left()[0] > 0) {
                f.left()[0]--;
                return f.status() == -200 ? new Answer(200, "<EndDevice xmlns=\"" + ServerXml.SEP + "\"><sFDI>12</sF", null)
                        : new Answer(f.status(), "simulated fault", null);
            }
        }
        return null;
    }

    /** The client's LFDI: from its certificate on HTTPS, from x-forwarded-client-cert on HTTP (an LFDI or a SHA-256 fingerprint). */
    private String identity(HttpExchange ex) {
        if (ex instanceof HttpsExchange https) {
            try {
                Certificate[] chain = https.getSSLSession().getPeerCertificates();
                return lfdi(chain[0].getEncoded());
            } catch (SSLPeerUnverifiedException | CertificateEncodingException e) {
                return null;
            }
        }
        String h = ex.getRequestHeaders().getFirst("x-forwarded-client-cert");
        if (h == null) {
            return null;
        }
        h = h.strip();
        return h.length() == 64 ? h.substring(0, 40) : h;
    }

    static String lfdi(byte[] der) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(der), 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long sfdi(String lfdi) {
        long v = Long.parseLong(lfdi.substring(0, 9), 16);
        int sum = 0;
        for (long x = v; x > 0; x /= 10) {
            sum += (int) (x % 10);
        }
        return v * 10 + (10 - sum % 10) % 10;
    }

    private static Map<String, String> query(String q) {
        Map<String, String> m = new HashMap<>();
        if (q != null) {
            for (String p : q.split("&")) {
                int eq = p.indexOf('=');
                if (eq > 0) {
                    m.put(p.substring(0, eq), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return m;
    }

    // ---- resources ---------------------------------------------------------------------------------

    private Answer route(String method, String path, Map<String, String> q, String body, String agg) throws ServerXml.BadBody {
        String[] p = path.replaceAll("/+$", "").split("/");
        // p[0] is "" for the leading slash
        if (p.length == 2 && p[1].equals("dcap")) {
            return method.equals("GET") ? Answer.xml(dcap(agg)) : Answer.status(405);
        }
        if (p.length == 2 && p[1].equals("tm")) {
            return method.equals("GET") ? Answer.xml(time()) : Answer.status(405);
        }
        if (p.length < 2 || !p[1].equals("edev")) {
            return Answer.status(404);
        }
        if (p.length == 2) {
            return switch (method) {
                case "GET" -> Answer.xml(endDeviceList(agg, q));
                case "POST" -> createEndDevice(agg, body);
                default -> Answer.status(405);
            };
        }
        int id;
        try {
            id = Integer.parseInt(p[2]);
        } catch (NumberFormatException e) {
            return Answer.status(404);
        }
        if (id == 0 && p.length == 3) {
            return method.equals("GET") ? Answer.xml(virtualEndDevice(agg)) : Answer.status(405);
        }
        SepServerState.Site site = state.site(agg, id).orElse(null);
        if (site == null) {
            return Answer.status(404);
        }
        String rest = String.join("/", java.util.Arrays.copyOfRange(p, 3, p.length));
        String edev = "/edev/" + id;
        return switch (rest) {
            case "" -> method.equals("GET") ? Answer.xml(endDevice(site)) : Answer.status(405);
            case "der" -> method.equals("GET") ? Answer.xml(derList(edev, q)) : Answer.status(405);
            case "der/" + DER -> method.equals("GET") ? Answer.xml(der(edev)) : Answer.status(405);
            case "der/" + DER + "/dercap" -> derResource(site, method, "dercap", "DERCapability", body, "modesSupported", "rtgMaxW", "type");
            case "der/" + DER + "/derg" -> derResource(site, method, "derg", "DERSettings", body, "setGradW", "setMaxW", "updatedTime");
            case "der/" + DER + "/ders" -> derResource(site, method, "ders", "DERStatus", body, "readingTime");
            case "der/" + DER + "/dera" -> derResource(site, method, "dera", "DERAvailability", body, "readingTime");
            case "cp" -> connectionPoint(site, method, body);
            case "rg" -> method.equals("GET") ? Answer.xml(new ServerXml("Registration", ServerXml.SEP, state.csipNamespace(), edev + "/rg")
                    .el("dateTimeRegistered", site.changedTime()).el("pIN", 111115).finish()) : Answer.status(405);
            case "fsa" -> method.equals("GET") ? Answer.xml(fsaList(edev, q)) : Answer.status(405);
            case "fsa/" + FSA -> method.equals("GET") ? Answer.xml(fsa(edev, null)) : Answer.status(405);
            case "fsa/" + FSA + "/derp", "derp" -> method.equals("GET") ? Answer.xml(programList(edev, path, q)) : Answer.status(405);
            case "derp/" + PROGRAM -> method.equals("GET") ? Answer.xml(program(edev, null)) : Answer.status(405);
            case "derp/" + PROGRAM + "/dderc" -> method.equals("GET") ? defaultControl(edev) : Answer.status(405);
            case "derp/" + PROGRAM + "/derc" -> method.equals("GET") ? Answer.xml(controlList(edev, "derc", false, q)) : Answer.status(405);
            case "derp/" + PROGRAM + "/actderc" -> method.equals("GET") ? Answer.xml(controlList(edev, "actderc", true, q))
                    : Answer.status(405);
            default -> Answer.status(404);
        };
    }

    private String dcap(String agg) {
        return new ServerXml("DeviceCapability", ServerXml.SEP, state.csipNamespace(), "/dcap").attr("pollRate", state.pollRate())
                .link("TimeLink", "/tm", null).link("EndDeviceListLink", "/edev", state.sitesOf(agg).size() + 1)
                .link("MirrorUsagePointListLink", "/mup", 0).finish();
    }

    private String time() {
        return new ServerXml("Time", ServerXml.SEP, state.csipNamespace(), "/tm").attr("pollRate", 900).el("currentTime", state.now())
                .el("dstEndTime", 0).el("dstOffset", 0).el("dstStartTime", 0).el("localTime", state.now()).el("quality", 4)
                .el("tzOffset", 0).finish();
    }

    private String endDeviceList(String agg, Map<String, String> q) {
        int start = number(q, "s", 0);
        int limit = number(q, "l", 1);
        List<SepServerState.Site> all = state.sitesOf(agg);
        ServerXml x = new ServerXml("EndDeviceList", ServerXml.SEP, state.csipNamespace(), "/edev");
        List<Runnable> items = new ArrayList<>();
        int results = 0;
        // as envoy: index 0 is the aggregator's virtual EndDevice, then its sites
        if (start == 0 && limit > 0) {
            items.add(() -> writeVirtual(x, agg, true));
            results++;
            limit--;
        }
        int from = Math.max(0, start - 1);
        for (int i = from; i < all.size() && limit > 0; i++, limit--) {
            SepServerState.Site s = all.get(i);
            items.add(() -> writeEndDevice(x, s, true));
            results++;
        }
        x.attr("all", all.size()).attr("results", results).attr("subscribable", 1).attr("pollRate", state.pollRate());
        items.forEach(Runnable::run);
        return x.finish();
    }

    private Answer createEndDevice(String agg, String body) throws ServerXml.BadBody {
        Element e = ServerXml.parse(body, "EndDevice", ServerXml.SEP);
        String sfdiText = ServerXml.required(e, ServerXml.SEP, "sFDI");
        ServerXml.required(e, ServerXml.SEP, "changedTime");
        String lfdi = ServerXml.text(e, ServerXml.SEP, "lFDI");
        if (lfdi == null || lfdi.isEmpty()) {
            return new Answer(400, "lfdi required for aggregator managed devices", null);
        }
        if (lfdi.equalsIgnoreCase(agg)) {
            return new Answer(403, "Cannot register an end device with the same LFDI as the aggregator client certificate", null);
        }
        long sfdi;
        try {
            sfdi = Long.parseLong(sfdiText);
            Long.parseLong(lfdi.length() > 15 ? lfdi.substring(0, 15) : lfdi, 16);
        } catch (NumberFormatException ex) {
            throw new ServerXml.BadBody("EndDevice: sFDI must be decimal and lFDI hexadecimal");
        }
        String category = ServerXml.text(e, ServerXml.SEP, "deviceCategory");
        if (category != null) {
            try {
                Long.parseLong(category, 16);
            } catch (NumberFormatException ex) {
                throw new ServerXml.BadBody("EndDevice/deviceCategory must be hexadecimal");
            }
        }
        int id = state.add(agg, lfdi, sfdi, category);
        if (id < 0) {
            return new Answer(409, "lFDI or sFDI conflict.", null);
        }
        return new Answer(201, "", "/edev/" + id);
    }

    private String virtualEndDevice(String agg) {
        ServerXml x = new ServerXml("EndDevice", ServerXml.SEP, state.csipNamespace(), "/edev/0");
        writeVirtual(x, agg, false);
        return x.finish();
    }

    private void writeVirtual(ServerXml x, String agg, boolean nested) {
        if (nested) {
            x.open("EndDevice").attr("href", "/edev/0");
        }
        x.attr("subscribable", 0).el("deviceCategory", "00").el("lFDI", agg).el("sFDI", sfdi(agg)).el("changedTime", state.now())
                .el("enabled", true).link("SubscriptionListLink", "/edev/0/sub", 0);
        if (nested) {
            x.close();
        }
    }

    private String endDevice(SepServerState.Site s) {
        ServerXml x = new ServerXml("EndDevice", ServerXml.SEP, state.csipNamespace(), "/edev/" + s.id());
        writeEndDevice(x, s, false);
        return x.finish();
    }

    private void writeEndDevice(ServerXml x, SepServerState.Site s, boolean nested) {
        String edev = "/edev/" + s.id();
        if (nested) {
            x.open("EndDevice").attr("href", edev);
        }
        x.attr("subscribable", 1).link("DERListLink", edev + "/der", 1).el("deviceCategory", s.deviceCategory() == null ? "00"
                : s.deviceCategory()).el("lFDI", s.lfdi()).link("LogEventListLink", edev + "/lel", null).el("sFDI", s.sfdi())
                .el("changedTime", s.changedTime()).el("enabled", true).link("FunctionSetAssignmentsListLink", edev + "/fsa", 1)
                .link("RegistrationLink", edev + "/rg", null).link("csipaus:ConnectionPointLink", edev + "/cp", null);
        if (nested) {
            x.close();
        }
    }

    private String derList(String edev, Map<String, String> q) {
        ServerXml x = new ServerXml("DERList", ServerXml.SEP, state.csipNamespace(), edev + "/der").attr("all", 1);
        boolean first = number(q, "s", 0) == 0 && number(q, "l", 1) > 0;
        x.attr("results", first ? 1 : 0).attr("pollRate", state.pollRate());
        if (first) {
            x.open("DER").attr("href", edev + "/der/" + DER);
            writeDerLinks(x, edev);
            x.close();
        }
        return x.finish();
    }

    private String der(String edev) {
        ServerXml x = new ServerXml("DER", ServerXml.SEP, state.csipNamespace(), edev + "/der/" + DER);
        writeDerLinks(x, edev);
        return x.finish();
    }

    private void writeDerLinks(ServerXml x, String edev) {
        String der = edev + "/der/" + DER;
        x.link("AssociatedDERProgramListLink", der + "/derp", 1).link("CurrentDERProgramLink", edev + "/derp/" + PROGRAM, null)
                .link("DERAvailabilityLink", der + "/dera", null).link("DERCapabilityLink", der + "/dercap", null)
                .link("DERSettingsLink", der + "/derg", null).link("DERStatusLink", der + "/ders", null);
    }

    private Answer derResource(SepServerState.Site site, String method, String name, String root, String body, String... required)
            throws ServerXml.BadBody {
        if (method.equals("GET")) {
            String stored = site.derResources().get(name);
            return stored == null ? Answer.status(404) : Answer.xml(stored);
        }
        if (!method.equals("PUT") && !method.equals("POST")) {
            return Answer.status(405);
        }
        Element e = ServerXml.parse(body, root, ServerXml.SEP);
        for (String r : required) {
            ServerXml.required(e, ServerXml.SEP, r);
        }
        if (name.equals("dercap") && SepServerState.CSIPAUS_V13.equals(state.csipNamespace())
                && !ServerXml.has(e, state.csipNamespace(), "doeModesSupported")) {
            throw new ServerXml.BadBody("DERCapability/csipaus:doeModesSupported (" + state.csipNamespace() + ") is required");
        }
        state.putDerResource(site.id(), name, body);
        return Answer.status(204);
    }

    private Answer connectionPoint(SepServerState.Site site, String method, String body) throws ServerXml.BadBody {
        String ns = state.csipNamespace();
        String href = "/edev/" + site.id() + "/cp";
        if (method.equals("GET")) {
            return site.nmi() == null ? Answer.status(404)
                    : Answer.xml(new ServerXml("ConnectionPoint", ns, ns, href).el("connectionPointId", site.nmi()).finish());
        }
        if (!method.equals("PUT")) {
            return Answer.status(405);
        }
        Element e = ServerXml.parse(body, "ConnectionPoint", ns);
        String nmi = ServerXml.text(e, ns, "connectionPointId");
        if (nmi == null) {
            nmi = ServerXml.text(e, ns, "id");
        }
        if (!state.allowNmiUpdates() && site.nmi() != null) {
            return new Answer(409, "A ConnectionPoint entity already exists.", null);
        }
        state.setNmi(site.id(), nmi);
        return new Answer(201, "", href);
    }

    private String fsaList(String edev, Map<String, String> q) {
        boolean first = number(q, "s", 0) == 0 && number(q, "l", 1) > 0;
        ServerXml x = new ServerXml("FunctionSetAssignmentsList", ServerXml.SEP, state.csipNamespace(), edev + "/fsa").attr("all", 1)
                .attr("results", first ? 1 : 0).attr("subscribable", 1).attr("pollRate", state.pollRate());
        if (first) {
            fsa(edev, x);
        }
        return x.finish();
    }

    private String fsa(String edev, ServerXml list) {
        String href = edev + "/fsa/" + FSA;
        ServerXml x = list == null ? new ServerXml("FunctionSetAssignments", ServerXml.SEP, state.csipNamespace(), href)
                : list.open("FunctionSetAssignments").attr("href", href);
        x.attr("subscribable", 0).link("DERProgramListLink", href + "/derp", 1).link("TimeLink", "/tm", null)
                .el("mRID", String.format("%032X", 0xF5A1L)).el("description", "simulated FSA");
        return list == null ? x.finish() : x.close().toString();
    }

    private String programList(String edev, String path, Map<String, String> q) {
        boolean first = number(q, "s", 0) == 0 && number(q, "l", 1) > 0;
        ServerXml x = new ServerXml("DERProgramList", ServerXml.SEP, state.csipNamespace(), path).attr("all", 1)
                .attr("results", first ? 1 : 0).attr("subscribable", 1).attr("pollRate", state.pollRate());
        if (first) {
            program(edev, x);
        }
        return x.finish();
    }

    private String program(String edev, ServerXml list) {
        String href = edev + "/derp/" + PROGRAM;
        ServerXml x = list == null ? new ServerXml("DERProgram", ServerXml.SEP, state.csipNamespace(), href)
                : list.open("DERProgram").attr("href", href);
        long now = state.now();
        List<SimulatedControl> controls = state.controls();
        x.attr("subscribable", 1).el("mRID", String.format("%032X", 0xD1L)).el("description", "simulated DOE program")
                .link("ActiveDERControlListLink", href + "/actderc", (int) controls.stream().filter(c -> c.status(now) == 1).count())
                .link("DefaultDERControlLink", href + "/dderc", null).link("DERControlListLink", href + "/derc", controls.size())
                .link("DERCurveListLink", href + "/dc", 0).el("primacy", state.primacy());
        return list == null ? x.finish() : x.close().toString();
    }

    private Answer defaultControl(String edev) {
        SimulatedControl d = state.defaultControl();
        if (d == null) {
            return Answer.status(404);
        }
        ServerXml x = new ServerXml("DefaultDERControl", ServerXml.SEP, state.csipNamespace(), edev + "/derp/" + PROGRAM + "/dderc")
                .attr("subscribable", 0).el("mRID", d.mrid()).el("description", d.description());
        d.writeBase(x);
        return Answer.xml(x.finish());
    }

    private String controlList(String edev, String name, boolean activeOnly, Map<String, String> q) {
        long now = state.now();
        String program = edev + "/derp/" + PROGRAM;
        List<SimulatedControl> all = state.controls().stream().filter(c -> !activeOnly || c.status(now) == 1).toList();
        int start = number(q, "s", 0);
        int limit = number(q, "l", 1);
        List<SimulatedControl> page = all.subList(Math.min(start, all.size()), Math.min(all.size(), start + Math.max(0, limit)));
        ServerXml x = new ServerXml("DERControlList", ServerXml.SEP, state.csipNamespace(), program + "/" + name).attr("all", all.size())
                .attr("results", page.size()).attr("subscribable", 1);
        for (SimulatedControl c : page) {
            x.open("DERControl").attr("href", program + "/derc/" + c.mrid()).attr("replyTo", "/rsps/1/rsp").attr("responseRequired", "03")
                    .attr("subscribable", 0).el("mRID", c.mrid()).el("description", c.description()).el("creationTime", c.creationTime())
                    .open("EventStatus").el("currentStatus", c.status(now)).el("dateTime", c.creationTime())
                    .el("potentiallySuperseded", false).close().open("interval").el("duration", c.duration()).el("start", c.start())
                    .close();
            c.writeBase(x);
            x.close();
        }
        return x.finish();
    }

    private static int number(Map<String, String> q, String name, int dflt) {
        try {
            return q.containsKey(name) ? Integer.parseInt(q.get(name)) : dflt;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
