package org.bemgate.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * A real restart of the distribution with its own scripts keeps metadata, activation and history:
 * the vendor plug-in is dropped into {@code deploy/}, its datapoints are activated over SSH, the
 * container is stopped and started, and everything is still there.
 */
public class RestartIT {

    private static final Pattern NUMBER = Pattern.compile("(?m)^\\s*number\\s*[:=]?\\s*(\\d+)");

    @Test
    public void restartKeepsMetadataActivationAndHistory() throws Exception {
        try (KarafProcess karaf = new KarafProcess("restart-it")) {
            Files.copy(VendorBundles.build("1.0.0").toPath(), karaf.home().resolve("deploy/vendor.jar"),
                    StandardCopyOption.REPLACE_EXISTING);
            karaf.start();

            BemgateTestSupport.await(() -> karaf.client("bem:list vendor-demo/*"), out -> out.contains("vendor-demo/counter"),
                    120_000, "the vendor plug-in's datapoints over SSH");
            String activated = karaf.client("bem:activate vendor-demo/*");
            assertTrue(activated, activated.contains("3"));
            String history = BemgateTestSupport.await(() -> karaf.client("bem:history vendor-demo/counter"),
                    out -> countPoints(out) >= 5, 60_000, "history before the restart");
            String shown = karaf.client("bem:show vendor-demo/counter");
            long number = number(shown);

            karaf.stop();
            long restartedAt = System.currentTimeMillis();
            karaf.start();

            String after = BemgateTestSupport.await(() -> karaf.client("bem:show vendor-demo/counter"),
                    out -> out.contains("vendor-demo/counter"), 120_000, "the registry after the restart");
            assertTrue(after, after.matches("(?s).*active\\s*[:=]?\\s*(true|yes).*"));
            assertEquals("the datapoint keeps its number", number, number(after));
            // Karaf parses options only before the arguments.
            String kept = karaf.client("bem:history --from now-1h --to " + java.time.Instant.ofEpochMilli(restartedAt)
                    + " vendor-demo/counter");
            assertTrue("history from before the restart is kept:\n" + kept + "\nbefore:\n" + history,
                    countPoints(kept) >= countPoints(history));

            // Both boots must be clean: SCR reports reference cycles and unusable constructors only here.
            List<String> errors = Files.readAllLines(karaf.home().resolve("data/log/karaf.log")).stream()
                    .filter(l -> l.contains("| ERROR |")).toList();
            assertTrue("errors in karaf.log:\n" + String.join("\n", errors), errors.isEmpty());
        }
    }

    /** Lines of a history listing that start with an ISO timestamp. */
    private static long countPoints(String out) {
        return out.lines().filter(l -> l.trim().matches("^\\d{4}-\\d{2}-\\d{2}T.*")).count();
    }

    private static long number(String show) {
        Matcher m = NUMBER.matcher(show);
        assertTrue("no number in:\n" + show, m.find());
        return Long.parseLong(m.group(1));
    }
}
