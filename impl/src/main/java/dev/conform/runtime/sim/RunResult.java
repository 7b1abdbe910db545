package dev.conform.runtime.sim;

/**
 * How a simulated run ended.
 *
 * @param reason     why it stopped
 * @param steps      events processed (deliveries, timer firings, faults, drops at delivery time)
 * @param deliveries messages delivered to a live node
 * @param sent       messages handed to the network (duplicates not counted)
 * @param dropped    messages lost
 * @param time       logical time reached, in ticks
 */
public record RunResult(StopReason reason, long steps, long deliveries, long sent, long dropped, long time) {
}
