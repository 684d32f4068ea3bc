package org.bemgate.ieee20305.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.bemgate.core.api.connector.HealthTracker;
import org.bemgate.ieee20305.internal.client.SepClient;
import org.bemgate.ieee20305.internal.client.SepException;
import org.bemgate.ieee20305.internal.codec.InvalidXmlException;

/**
 * One request and its checks: the status the step expects, the body parsed by the codec. Counts
 * HTTP errors and invalid bodies, and turns both into a {@link SepException} whose message names
 * the request, so nothing goes by unnoticed.
 */
final class Exchange {

    /** Lists are read in pages of this many entries ({@code ?s=…&l=…}); envoy's default page is 1. */
    static final int PAGE = 50;
    private static final int MAX_PAGES = 200;

    /** Parses a body. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String body) throws InvalidXmlException;
    }

    private final SepClient client;
    private final HealthTracker health;

    Exchange(SepClient client, HealthTracker health) {
        this.client = client;
        this.health = health;
    }

    /** GET that must answer 200 with a body the parser takes. */
    <T> T get(String href, Parser<T> parser) throws SepException, InterruptedException {
        SepClient.Reply r = send("GET", href, null, 200);
        return parse("GET", href, r.body(), parser);
    }

    /** GET that answers 200, or 404 for a resource not (yet) there: then null. */
    <T> T getOrNull(String href, Parser<T> parser) throws SepException, InterruptedException {
        SepClient.Reply r = send("GET", href, null, 200, 404);
        return r.status() == 404 ? null : parse("GET", href, r.body(), parser);
    }

    /**
     * Reads every page of a list.
     *
     * @param href the list
     * @param parser parses one page
     * @param items the page's entries
     * @param all the page's {@code all}
     * @return every entry, and the first page for its attributes
     */
    <P, T> Paged<P, T> list(String href, Parser<P> parser, Function<P, List<T>> items, Function<P, Integer> all)
            throws SepException, InterruptedException {
        List<T> collected = new ArrayList<>();
        P first = null;
        int start = 0;
        for (int n = 0; n < MAX_PAGES; n++) {
            String page = href + (href.contains("?") ? "&" : "?") + "s=" + start + "&l=" + PAGE;
            P p = get(page, parser);
            first = first == null ? p : first;
            List<T> got = items.apply(p);
            collected.addAll(got);
            start += got.size();
            if (got.isEmpty() || collected.size() >= all.apply(p) && got.size() < PAGE) {
                break;
            }
        }
        return new Paged<>(first, List.copyOf(collected));
    }

    /** Every entry of a list and its first page. */
    record Paged<P, T>(P first, List<T> items) {
    }

    /**
     * Sends a request and checks its status.
     *
     * @param expected the statuses the step accepts
     * @return the answer
     * @throws SepException with kind HTTP_STATUS for any other status
     */
    SepClient.Reply send(String method, String href, String body, int... expected) throws SepException, InterruptedException {
        SepClient.Reply r = client.send(method, href, body);
        for (int e : expected) {
            if (r.status() == e) {
                health.goodExchange();
                return r;
            }
        }
        health.increment("httpErrors");
        String text = r.body().strip().replaceAll("\\s+", " ");
        throw new SepException(SepException.Kind.HTTP_STATUS, method + " " + href + ": HTTP " + r.status()
                + (text.isEmpty() ? "" : " " + (text.length() > 160 ? text.substring(0, 160) + "…" : text)), r.status());
    }

    <T> T parse(String method, String href, String body, Parser<T> parser) throws SepException {
        try {
            return parser.parse(body);
        } catch (InvalidXmlException e) {
            health.increment("invalidReplies");
            throw new SepException(SepException.Kind.INVALID_REPLY, method + " " + href + ": invalid 2030.5 XML: " + e.getMessage(), 200);
        }
    }
}
