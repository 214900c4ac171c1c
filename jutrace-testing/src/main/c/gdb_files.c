/* For the gdb server tests: opens /dev/null five times and reports each outcome, stopping by
 * checkpoint() after each, so a debugger, a tracer and a fault injector can all watch it. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static int checkpoint(int i) {
    return i;
}

int main(void) {
    for (int i = 1; i <= 5; i++) {
        int fd = open("/dev/null", O_RDONLY);
        printf("open %d: %s\n", i, fd >= 0 ? "ok" : "failed");
        fflush(stdout);
        if (fd >= 0) close(fd);
        checkpoint(i);
    }
    return 0;
}
