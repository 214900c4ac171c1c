package dev.jutrace.cli.golden;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The socket decoders against golden_net.c. */
@Timeout(120)
class GoldenNetTest {

    @Test
    void sockets() throws Exception {
        GoldenHarness.check("golden_net", "socketpair,socket,setsockopt,bind,listen,getsockname,connect,accept4,sendto,recvfrom,"
                + "getsockopt,shutdown,sendmsg,recvmsg,sendmmsg");
    }
}
