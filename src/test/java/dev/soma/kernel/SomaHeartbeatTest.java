package dev.soma.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

/** The kernel's own heartbeat channel: every ping comes back as it was sent, at once. */
class SomaHeartbeatTest {

    @Test
    void echoesEveryPing() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        KernelConnectionProperties props = KernelConnectionProperties.parse(String.format(
                "{\"shell_port\": 1, \"iopub_port\": 2, \"stdin_port\": 3, \"control_port\": 4, \"hb_port\": %d, "
                        + "\"ip\": \"127.0.0.1\", \"key\": \"k\", \"transport\": \"tcp\", \"signature_scheme\": \"hmac-sha256\", "
                        + "\"kernel_name\": \"java\"}", port));
        ZMQ.Context ctx = ZMQ.context(1);
        SomaHeartbeat heartbeat = new SomaHeartbeat(ctx, props.createHMACGenerator(), System.err);
        ZMQ.Socket client = ctx.socket(SocketType.REQ);
        try {
            heartbeat.bind(props);
            client.setReceiveTimeOut(5000);
            client.connect("tcp://127.0.0.1:" + port);
            for (int i = 0; i < 3; i++) {
                client.send("ping " + i);
                assertEquals("ping " + i, client.recvStr());
            }
        } finally {
            client.close();
            heartbeat.close();
            ctx.close();
        }
    }
}
