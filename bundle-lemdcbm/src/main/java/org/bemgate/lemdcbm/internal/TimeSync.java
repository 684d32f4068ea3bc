package org.bemgate.lemdcbm.internal;

/**
 * When the gateway may and must set the meter's time, on the connector's monotonic clock
 * (EVerest's {@code lem_dcbm_time_sync_helper}):
 * <ul>
 * <li>no settings are written in the first 2 minutes after start-up (LEM's communication manual §4);
 * <li>with NTP, the NTP settings are written once, retried every minute until the meter takes them;
 * <li>without NTP, the time is set when due, due every 24 hours after a success and every minute
 * after a failure (the meter's time expires after 48 hours), and before every transaction start.
 * </ul>
 * Used on the connector's thread only.
 */
final class TimeSync {

    static final long UNSAFE_MILLIS = 120_000;
    static final long RETRY_MILLIS = 60_000;
    static final long PERIOD_MILLIS = 24 * 3_600_000L;

    private final boolean ntp;
    private final long safeFrom;
    private long due;
    private boolean ntpDone;

    /**
     * @param startedAt when the connector started, on the scheduler's clock
     * @param ntp true if NTP servers are configured
     */
    TimeSync(long startedAt, boolean ntp) {
        this.ntp = ntp;
        this.safeFrom = startedAt + UNSAFE_MILLIS;
        this.due = safeFrom;
    }

    /** @return true once the first 2 minutes are over */
    boolean settingsAllowed(long now) {
        return now >= safeFrom;
    }

    /** @return true if a sync should run now from the polling loop */
    boolean due(long now) {
        return settingsAllowed(now) && !ntpDone && now >= due;
    }

    /** @return true if a transaction start must first set the time: without NTP, once writes are allowed */
    boolean beforeStart(long now) {
        return !ntp && settingsAllowed(now);
    }

    /** @return true if NTP is configured */
    boolean ntp() {
        return ntp;
    }

    void succeeded(long now) {
        if (ntp) {
            ntpDone = true;
        } else {
            due = now + PERIOD_MILLIS;
        }
    }

    void failed(long now) {
        due = now + RETRY_MILLIS;
    }

    /** @return when the next sync is due on the scheduler's clock, or Long.MAX_VALUE when NTP is set up */
    long nextDue() {
        return ntpDone ? Long.MAX_VALUE : due;
    }
}
