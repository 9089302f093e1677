package io.dharma.bench;

/** One line naming the machine the figures were measured on. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        Runtime rt = Runtime.getRuntime();
        return "machine: %d cores, %d MiB max heap, Java %s, %s %s".formatted(
                rt.availableProcessors(), rt.maxMemory() / (1024 * 1024), Runtime.version(),
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }
}
