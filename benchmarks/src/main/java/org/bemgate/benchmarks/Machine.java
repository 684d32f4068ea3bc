package org.bemgate.benchmarks;

import java.lang.management.ManagementFactory;

/** The facts about the machine a figure came from, printed above every run. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        Runtime rt = Runtime.getRuntime();
        return String.format("machine: %d cores, %s %s (%s), JVM %s %s, max heap %d MiB, %s%n",
                rt.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                rt.maxMemory() >> 20, ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}
