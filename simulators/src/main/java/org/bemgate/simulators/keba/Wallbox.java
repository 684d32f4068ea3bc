package org.bemgate.simulators.keba;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of a simulated KEBA P30: identity, plug, enable, currents, energy, relay, display and
 * phase switch, with the reports it gives and the unsolicited messages its changes cause. No I/O:
 * every change returns the unsolicited messages ({@code {"State": 3}}, …) for the caller to send.
 *
 * <p>The model is deliberately simple: the car charges when it is plugged in at both ends (plug 7),
 * the box is enabled and the car asks for power; it then draws {@code Max curr} on one or three
 * phases at 230 V.
 */
public final class Wallbox {

    static final int VOLTS = 230;

    private final String serial;
    private final boolean phaseSwitching;
    private long uptimeSeconds = 530_786;
    private int plug;
    private boolean carWantsPower;
    private int enableUser = 1;
    private boolean energyLimitReached;
    private int currUser = 63_000;
    private int currHw = 32_000;
    private int currTimer;
    private long timerSecondsLeft;
    private long setEnergy;
    private int output;
    private int input;
    private int x2src = 4;
    private int x2 = 1;
    private double ePres;
    private long ePresAnnounced;
    private long eTotal = 7_747_835;
    private String displayText = "";
    private String authorisedTag = "";
    private int unlocks;
    private int stops;

    /**
     * @param serial the serial number the reports carry
     * @param phaseSwitching whether the firmware knows {@code x2src}/{@code x2} (report 2 then shows them)
     */
    public Wallbox(String serial, boolean phaseSwitching) {
        this.serial = serial;
        this.phaseSwitching = phaseSwitching;
    }

    // ---- reports -------------------------------------------------------------------------------

    /** @return report 1, identity, with the fields and value types of a real P30 */
    public synchronized Map<String, Object> report1() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ID", "1");
        r.put("Product", "KC-P30-EC240422-E00");
        r.put("Serial", serial);
        r.put("Firmware", "P30 v 3.10.57 (240521-093236)");
        r.put("COM-module", 0);
        r.put("Backend", 0);
        r.put("timeQ", 3);
        r.put("setBoot", 0);
        r.put("DIP-Sw1", "0x25");
        r.put("DIP-Sw2", "0x02");
        r.put("Sec", uptimeSeconds);
        return r;
    }

    /** @return report 2, state */
    public synchronized Map<String, Object> report2() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ID", "2");
        r.put("State", state());
        r.put("Error1", 0);
        r.put("Error2", 0);
        r.put("Plug", plug);
        r.put("AuthON", 0);
        r.put("Authreq", 0);
        r.put("Enable sys", enabled() ? 1 : 0);
        r.put("Enable user", enableUser);
        r.put("Max curr", maxCurr());
        r.put("Max curr %", maxCurr() == 0 ? 0 : 1000);
        r.put("Curr HW", currHw);
        r.put("Curr user", currUser);
        r.put("Curr FS", 0);
        r.put("Tmo FS", 0);
        r.put("Curr timer", currTimer);
        r.put("Tmo CT", timerSecondsLeft);
        r.put("Setenergy", setEnergy);
        r.put("Output", output);
        r.put("Input", input);
        if (phaseSwitching) {
            r.put("X2 phaseSwitch source", x2src);
            r.put("X2 phaseSwitch", x2);
        }
        r.put("Serial", serial);
        r.put("Sec", uptimeSeconds);
        return r;
    }

    /** @return report 3, measurements: V, mA, mW, 0.1 %, 0.1 Wh */
    public synchronized Map<String, Object> report3() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ID", "3");
        int amps = charging() ? maxCurr() : 0;
        r.put("U1", VOLTS);
        r.put("U2", VOLTS);
        r.put("U3", VOLTS);
        r.put("I1", amps);
        r.put("I2", phases() == 3 ? amps : 0);
        r.put("I3", phases() == 3 ? amps : 0);
        r.put("P", powerMilliwatts());
        r.put("PF", charging() ? 990 : 0);
        r.put("E pres", (long) ePres);
        r.put("E total", eTotal);
        r.put("Serial", serial);
        r.put("Sec", uptimeSeconds);
        return r;
    }

    /** @return report 100, the current or last session, in the V2.00 guide's spelling */
    public synchronized Map<String, Object> report100() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ID", "100");
        r.put("Session ID", 1);
        r.put("Curr HW", currHw);
        r.put("E start", eTotal);
        r.put("E pres", (long) ePres);
        r.put("started[s]", 0);
        r.put("ended[s]", 0);
        r.put("reason", 0);
        r.put("RFID tag", authorisedTag);
        r.put("RFID class", "");
        r.put("Serial", serial);
        r.put("Sec", uptimeSeconds);
        return r;
    }

    // ---- what the car and the owner do ---------------------------------------------------------

    /** The car is plugged in and locked at both ends (plug 7); a new session starts. */
    synchronized List<Map<String, Object>> plugIn() {
        Snapshot before = snapshot();
        plug = 7;
        ePres = 0;
        ePresAnnounced = 0;
        return changesSince(before);
    }

    /** The car starts drawing power (state 3 if the box allows it). */
    synchronized List<Map<String, Object>> startCharging() {
        Snapshot before = snapshot();
        carWantsPower = true;
        return changesSince(before);
    }

    /** The car is full and stops drawing power. */
    synchronized List<Map<String, Object>> stopCharging() {
        Snapshot before = snapshot();
        carWantsPower = false;
        return changesSince(before);
    }

    /** The cable is pulled: the session ends, and the energy limit and current timer are reset. */
    synchronized List<Map<String, Object>> unplug() {
        Snapshot before = snapshot();
        plug = 0;
        carWantsPower = false;
        eTotal += (long) ePres;
        setEnergy = 0;
        energyLimitReached = false;
        currTimer = 0;
        timerSecondsLeft = 0;
        return changesSince(before);
    }

    /** The X1 input changes, e.g. a ripple-control receiver. */
    synchronized List<Map<String, Object>> setInput(int value) {
        Snapshot before = snapshot();
        input = value;
        return changesSince(before);
    }

    /**
     * Time passes: uptime, session energy (announced every 10 Wh), the current timer and the
     * energy limit.
     */
    synchronized List<Map<String, Object>> tick(long seconds) {
        Snapshot before = snapshot();
        uptimeSeconds += seconds;
        if (charging()) {
            // mW × s / 3600 = mWh; the box counts 0.1 Wh = 100 mWh
            ePres += powerMilliwatts() * (double) seconds / 3600 / 100;
        }
        if (timerSecondsLeft > 0) {
            timerSecondsLeft = Math.max(0, timerSecondsLeft - seconds);
            if (timerSecondsLeft == 0) {
                currUser = currTimer;
            }
        }
        if (setEnergy > 0 && ePres >= setEnergy) {
            energyLimitReached = true;
        }
        List<Map<String, Object>> changes = changesSince(before);
        if ((long) ePres - ePresAnnounced >= 100) {
            ePresAnnounced = (long) ePres;
            changes.add(Map.of("E pres", ePresAnnounced));
        }
        return changes;
    }

    // ---- commands ------------------------------------------------------------------------------

    synchronized List<Map<String, Object>> enable(boolean on) {
        Snapshot before = snapshot();
        enableUser = on ? 1 : 0;
        return changesSince(before);
    }

    synchronized List<Map<String, Object>> setCurrUser(int milliamps) {
        Snapshot before = snapshot();
        currUser = milliamps;
        return changesSince(before);
    }

    /** {@code currtime}: the user current becomes {@code milliamps} after {@code delay} s; delay 0 cancels. */
    synchronized List<Map<String, Object>> setCurrTimer(int milliamps, long delay) {
        Snapshot before = snapshot();
        currTimer = delay == 0 ? 0 : milliamps;
        timerSecondsLeft = delay;
        return changesSince(before);
    }

    synchronized List<Map<String, Object>> setEnergyLimit(long tenthsOfWh) {
        Snapshot before = snapshot();
        setEnergy = tenthsOfWh;
        energyLimitReached = tenthsOfWh > 0 && ePres >= tenthsOfWh;
        return changesSince(before);
    }

    synchronized void setOutput(int value) {
        output = value;
    }

    synchronized void setDisplay(String text) {
        displayText = text;
    }

    synchronized void unlock() {
        unlocks++;
    }

    synchronized void authorise(String tag) {
        authorisedTag = tag;
    }

    synchronized void stopSession(String tag) {
        stops++;
        authorisedTag = "";
    }

    synchronized List<Map<String, Object>> setPhaseSwitch(Integer source, Integer phases) {
        Snapshot before = snapshot();
        if (source != null) {
            x2src = source;
        }
        if (phases != null) {
            x2 = phases;
        }
        return changesSince(before);
    }

    // ---- reading the state (tests) -------------------------------------------------------------

    public boolean supportsPhaseSwitching() {
        return phaseSwitching;
    }

    public synchronized int state() {
        if (plug != 7 || !enabled()) {
            return 1;
        }
        return charging() ? 3 : 2;
    }

    public synchronized int plug() {
        return plug;
    }

    public synchronized int enableUser() {
        return enableUser;
    }

    public synchronized int currUser() {
        return currUser;
    }

    public synchronized int currTimer() {
        return currTimer;
    }

    public synchronized long timerSecondsLeft() {
        return timerSecondsLeft;
    }

    public synchronized long setEnergy() {
        return setEnergy;
    }

    public synchronized int output() {
        return output;
    }

    public synchronized int phaseSwitchSource() {
        return x2src;
    }

    public synchronized int phaseSwitch() {
        return x2;
    }

    /** @return the display text with the protocol's {@code $} shown as spaces */
    public synchronized String displayText() {
        return displayText;
    }

    public synchronized String authorisedTag() {
        return authorisedTag;
    }

    public synchronized int unlocks() {
        return unlocks;
    }

    public synchronized int stops() {
        return stops;
    }

    public synchronized long sessionEnergy() {
        return (long) ePres;
    }

    /** @return mA offered to the car: 0 unless plugged in and enabled */
    public synchronized int maxCurr() {
        return plug == 7 && enabled() ? Math.min(currUser, currHw) : 0;
    }

    private boolean enabled() {
        return enableUser == 1 && !energyLimitReached;
    }

    private boolean charging() {
        return plug == 7 && enabled() && carWantsPower && maxCurr() >= 6000;
    }

    private int phases() {
        return phaseSwitching && x2 == 0 ? 1 : 3;
    }

    private long powerMilliwatts() {
        // V × mA = mW
        return charging() ? (long) VOLTS * maxCurr() * phases() : 0;
    }

    /** The fields whose changes the box announces unsolicited. */
    private record Snapshot(int state, int plug, int input, int enableSys, int maxCurr) {
    }

    private Snapshot snapshot() {
        return new Snapshot(state(), plug, input, enabled() ? 1 : 0, maxCurr());
    }

    private List<Map<String, Object>> changesSince(Snapshot before) {
        Snapshot now = snapshot();
        List<Map<String, Object>> changes = new ArrayList<>();
        if (now.plug != before.plug) {
            changes.add(Map.of("Plug", now.plug));
        }
        if (now.state != before.state) {
            changes.add(Map.of("State", now.state));
        }
        if (now.input != before.input) {
            changes.add(Map.of("Input", now.input));
        }
        if (now.enableSys != before.enableSys) {
            changes.add(Map.of("Enable sys", now.enableSys));
        }
        if (now.maxCurr != before.maxCurr) {
            changes.add(Map.of("Max curr", now.maxCurr));
        }
        return changes;
    }
}
