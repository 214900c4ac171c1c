package dev.jutrace.tools.gdb;

/** {@code monitor} commands (gdb's qRcmd): what the server can tell and do beyond the protocol. */
final class Monitor {
    private final GdbTarget target;

    Monitor(GdbTarget target) {
        this.target = target;
    }

    /** Runs one command; returns the text to show in gdb's console. */
    String run(String command) {
        if (command.equals("help") || command.isEmpty()) {
            return "monitor help      this text\n";
        }
        return "unknown monitor command: " + command + " (try monitor help)\n";
    }
}
