package dev.asyncjavalin.lab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** This JVM's CPU time and the machine's load: whoever else uses the cores changes the numbers. */
public final class CpuTime {

    private CpuTime() {
    }

    /** Nanoseconds of CPU this process has used so far, on all cores together; 0 where the JVM cannot tell. */
    public static long process() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean hotspot ? Math.max(0, hotspot.getProcessCpuTime()) : 0;
    }

    /** The system load average of the last minute, or NaN where there is none (Windows). */
    public static double loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? Double.NaN : load;
    }
}
