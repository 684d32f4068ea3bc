package org.bemgate.controller.internal;

/** A running pair as the shell and the console see it. */
public interface PairView {

    /** @return the pair's state now */
    PairState state();
}
