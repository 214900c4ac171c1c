package dev.jutrace.cli.golden;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The file and descriptor decoders against golden_files.c. */
@Timeout(120)
class GoldenFilesTest {

    @Test
    void filesAndDescriptors() throws Exception {
        GoldenHarness.check("golden_files", "mkdir,chdir,getcwd,fcntl,writev,preadv,ftruncate,truncate,fsync,fdatasync,flock,"
                + "fchmod,chmod,fchmodat,fchown,symlink,readlink,readlinkat,unlink,link,unlinkat,mkdirat,rename,renameat2,"
                + "rmdir,getdents64,fchdir,pipe2,memfd_create,close_range,ioctl");
    }
}
