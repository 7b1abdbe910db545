/**
 * The real transport: the same node classes as in the simulator, one OS process per node, over
 * TCP on loopback.
 *
 * <p>{@link dev.conform.runtime.net.Transport} is the SPI (non-blocking, never throws, may lose
 * messages, FIFO per connection, reconnects). {@link dev.conform.runtime.net.NettyTransport}
 * implements it with Netty: 4-byte length-prefixed JSON frames ({@link dev.conform.runtime.net.Frame},
 * encoded by {@link dev.conform.runtime.net.FrameCodec} with Jackson and the algorithm's message
 * classes), one outgoing connection per peer re-opened with back-off.
 * {@link dev.conform.runtime.net.NetRuntime} hosts a node: one event-loop thread runs every
 * handler and timer (ticks mapped to milliseconds), persisted state is written durably
 * ({@link dev.conform.runtime.net.DurableFile}: temp file, fsync, atomic rename), and the node's
 * own trace carries seq -1 with Lamport and vector clocks so per-node files can be merged
 * causally. {@link dev.conform.runtime.net.NodeProcess} is the process entry point that
 * {@code conform cluster start} launches.
 *
 * <p>Semantics: this is the reliable (TCP-like) network. A send to a peer that is down or not
 * yet connected is dropped and recorded as a drop at the sender; messages in flight on a
 * connection that breaks are lost without a record (the sender cannot know).
 */
package dev.conform.runtime.net;
