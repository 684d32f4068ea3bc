package org.bemgate.lemdcbm.internal.codec;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The {@code PUT /v1/settings} bodies of a time sync, as EVerest sends them: UTC time (RFC 3339
 * with milliseconds and {@code Z}), or the NTP servers; then time zone UTC and daylight saving off,
 * since the gateway gives the meter UTC.
 */
public final class SettingsBodies {

    /** Seconds between two NTP syncs of the meter, EVerest's value. */
    public static final int NTP_SYNC_PERIOD = 120;

    static final String TIME_ZONE = "{\"time\":{\"tz\":\"+00:00\"}}";
    static final String NO_DST = "{\"time\":{\"dst\":{\"activated\":false,\"offset\":60,"
            + "\"start\":{\"order\":\"last\",\"day\":\"sunday\",\"month\":\"march\",\"hour\":\"T01:00Z\"},"
            + "\"end\":{\"order\":\"last\",\"day\":\"sunday\",\"month\":\"october\",\"hour\":\"T01:00Z\"}}}}";

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An NTP server: address and port. */
    public record NtpServer(String address, int port) {
    }

    private SettingsBodies() {
    }

    /** @return the bodies that set the meter's time to {@code now}, then UTC without DST */
    public static List<String> timeSync(Instant now) {
        return List.of("{\"time\":{\"utc\":\"" + UTC.format(now) + "\"}}", TIME_ZONE, NO_DST);
    }

    /** @return the bodies that turn NTP on with these servers, then UTC without DST */
    public static List<String> ntp(List<NtpServer> servers) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (NtpServer s : servers) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ipAddress", s.address());
            m.put("port", s.port());
            list.add(m);
        }
        Map<String, Object> ntp = new LinkedHashMap<>();
        ntp.put("servers", list);
        ntp.put("syncPeriod", NTP_SYNC_PERIOD);
        ntp.put("ntpActivated", true);
        try {
            return List.of(JSON.writeValueAsString(Map.of("ntp", ntp)), TIME_ZONE, NO_DST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("strings and numbers always serialise", e);
        }
    }
}
