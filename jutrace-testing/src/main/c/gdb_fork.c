/* For the gdb server tests: forks a child that calls in_child() and, given a program, execs it;
 * the parent waits for it and calls in_parent(). */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static int in_child(int x) {
    return x + 1;
}

static int in_parent(int x) {
    return x + 2;
}

int main(int argc, char **argv) {
    pid_t pid = fork();
    if (pid == 0) {
        printf("child %d\n", in_child(1));
        fflush(stdout);
        if (argc > 1) execl(argv[1], argv[1], (char *) NULL);
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("parent %d\n", in_parent(1));
    return 0;
}
