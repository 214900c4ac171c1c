/* For the gdb server tests: functions to break in, step through and finish, locals and globals
 * to print, a global whose change shows in the output, and libc calls (puts) to break in. */
#include <stdio.h>

int counter = 0;
const char *greeting = "hello";

static int add(int a, int b) {
    int sum = a + b;
    counter += sum;
    return sum;
}

static int twice(int x) {
    int r = add(x, x);
    return r;
}

int main(void) {
    int local = 5;
    int total = 0;
    for (int i = 0; i < 3; i++) total += twice(local + i);
    if (counter == 42) puts("changed");
    else printf("total=%d counter=%d\n", total, counter);
    puts(greeting);
    return total == 36 ? 0 : 3;
}
