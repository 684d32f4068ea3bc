package org.bemgate.ieee20305.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bemgate.ieee20305.internal.client.SepException;
import org.bemgate.ieee20305.internal.codec.DefaultDerControl;
import org.bemgate.ieee20305.internal.codec.DerControl;
import org.bemgate.ieee20305.internal.codec.DerProgram;
import org.bemgate.ieee20305.internal.codec.EndDevice;
import org.bemgate.ieee20305.internal.codec.FunctionSetAssignments;

/**
 * Reads the controls that apply to one EndDevice: EndDevice → FunctionSetAssignmentsList → each
 * DERProgramList → each program's DefaultDERControl and DERControlList (every page). Which control is
 * active is decided from the time windows by {@link ActiveLimits}, not read from the server's
 * ActiveDERControlList, so a control starts and ends on time between polls.
 */
final class ControlReader {

    /**
     * One program with its controls.
     *
     * @param program the program
     * @param defaultControl its DefaultDERControl, or null when it has none
     * @param controls its DERControls, scheduled, active, cancelled or superseded
     */
    record ProgramView(DerProgram program, DefaultDerControl defaultControl, List<DerControl> controls) {
    }

    /**
     * What one poll found.
     *
     * @param programs the programs, each once however many FunctionSetAssignments name it
     * @param pollRateSeconds the smallest pollRate the FSA and program lists advertise, or null
     */
    record Reading(List<ProgramView> programs, Integer pollRateSeconds) {
    }

    private final Exchange exchange;

    ControlReader(Exchange exchange) {
        this.exchange = exchange;
    }

    Reading read(String endDeviceHref) throws SepException, InterruptedException {
        EndDevice edev = exchange.get(endDeviceHref, EndDevice::parse);
        if (edev.functionSetAssignmentsListLink() == null) {
            return new Reading(List.of(), null);
        }
        Exchange.Paged<FunctionSetAssignments.Page, FunctionSetAssignments> fsas = exchange.list(
                edev.functionSetAssignmentsListLink().href(), FunctionSetAssignments.Page::parse, FunctionSetAssignments.Page::items,
                FunctionSetAssignments.Page::all);
        Integer pollRate = fsas.first().pollRate();
        Map<String, DerProgram> programs = new LinkedHashMap<>();
        for (FunctionSetAssignments fsa : fsas.items()) {
            if (fsa.derProgramListLink() == null) {
                continue;
            }
            Exchange.Paged<DerProgram.Page, DerProgram> list = exchange.list(fsa.derProgramListLink().href(), DerProgram.Page::parse,
                    DerProgram.Page::programs, DerProgram.Page::all);
            pollRate = min(pollRate, list.first().pollRate());
            for (DerProgram p : list.items()) {
                programs.putIfAbsent(p.href() == null ? p.mrid() : p.href(), p);
            }
        }
        List<ProgramView> views = new ArrayList<>();
        for (DerProgram p : programs.values()) {
            DefaultDerControl dflt = p.defaultDerControlLink() == null ? null
                    : exchange.getOrNull(p.defaultDerControlLink().href(), DefaultDerControl::parse);
            List<DerControl> controls = p.derControlListLink() == null ? List.of()
                    : exchange.list(p.derControlListLink().href(), DerControl.Page::parse, DerControl.Page::controls,
                            DerControl.Page::all).items();
            views.add(new ProgramView(p, dflt, controls));
        }
        return new Reading(List.copyOf(views), pollRate);
    }

    private static Integer min(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Math.min(a, b);
    }
}
