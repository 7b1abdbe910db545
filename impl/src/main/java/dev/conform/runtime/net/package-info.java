/**
 * The real transport: the same node classes as in the simulator, one OS process per node, over
 * TCP on loopback.
 *
 * <p>{@link dev.conform.runtime.net.Transport} is the SPI (non-blocking, never throws, may lose
 * messages, FIFO per connection, reconnects). {@link dev.conform.runtime.net.NettyTransport}
 * implements it with Netty: 4-byte length-prefixed JSON frames ({@link dev.conform.runtime.net.Frame},
 * encoded by {@link dev.conform.runtime.net.FrameCodec} with Jackson and the algorithm's message
 * classes), one outgoing connection per peer re-opened with back-off.
 * {@link dev.conform.runtime.net.QuicTransport} keeps the same contract over QUIC (one connection
 * per directed link, one stream per link by default). {@link dev.conform.runtime.net.Transports}
 * is the one place that maps a {@link dev.conform.runtime.net.TransportKind} to a class.
 *
 * <p>Authenticated peers: {@code conform cluster start} makes owner-only credentials
 * ({@link dev.conform.runtime.net.ClusterCredentials}); {@link dev.conform.runtime.net.TlsCredentials}
 * holds the cluster CA certificate and one certificate per node and for clients. TCP then runs
 * mutual TLS 1.3 and QUIC its built-in TLS 1.3 with those certificates; the CN of a peer's
 * certificate decides which node ids its frames may claim ({@link dev.conform.runtime.net.PeerIdentity}),
 * and everything refused is counted and logged ({@code rejected} in status.json). See
 * docs/transports.md.
 * {@link dev.conform.runtime.net.NetRuntime} hosts a node: one event-loop thread runs every
 * handler and timer (ticks mapped to milliseconds), persisted state is written durably
 * ({@link dev.conform.runtime.net.DurableFile}: temp file, fsync, atomic rename), and the node's
 * own trace carries seq -1 with Lamport and vector clocks so per-node files can be merged
 * causally. {@link dev.conform.runtime.net.NodeProcess} is the process entry point that
 * {@code conform cluster start} launches.
 *
 * <p>Clusters of processes: {@link dev.conform.runtime.net.ClusterLauncher} starts, inspects,
 * SIGKILLs ({@code kill}), restarts and stops the node processes of a cluster directory
 * ({@code conform cluster start|status|kill|restart|stop}). Clients that are not members, such as
 * {@code conform cluster client}, use {@link dev.conform.runtime.net.NetClient}: blocking links
 * to the servers over the cluster's transport ({@link dev.conform.runtime.net.ClientWire}), which answer a non-member on the connection its request came in on
 * (a reply route per sender id in {@link dev.conform.runtime.net.NettyTransport}). Each client
 * invocation takes a fresh id from {@link dev.conform.runtime.net.ClientIds} (a locked counter file,
 * 1001, 1002, ..., skipping server ids), so ids never collide; its trace header names it a client.
 *
 * <p>Traces of real processes: every server and client writes its own file; traces are flushed
 * to the OS before each send and each persist, so a SIGKILL loses nothing another process or the
 * disk depends on. A killed node started again continues its file ({@link
 * dev.conform.runtime.net.TraceResume}: the cut last line removed, clocks and message ids continued,
 * a {@code crash} then a {@code restart} event recorded). {@link dev.conform.runtime.net.ClusterTrace}
 * merges a cluster directory's files causally and renumbers message ids densely for TLC.
 *
 * <p>Semantics: this is the reliable (TCP-like) network. A send to a peer that is down or not
 * yet connected is dropped and recorded as a drop at the sender; messages in flight on a
 * connection that breaks are lost without a record (the sender cannot know).
 */
package dev.conform.runtime.net;
