/** The {@code jutrace} command line. */
module dev.jutrace.cli {
    requires dev.jutrace.tools;
    requires dev.jutrace.sys;
    requires dev.jutrace.testing;
    requires info.picocli;
    opens dev.jutrace.cli to info.picocli;
}
