package dev.conform.runtime.sim;

import java.util.Arrays;

/** A binary min-heap of {@link SimEvent}s by (time, seq); cheaper than a comparator-driven queue. */
final class EventQueue {
    private SimEvent[] heap = new SimEvent[1024];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(SimEvent e) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            SimEvent p = heap[parent];
            if (!e.before(p)) {
                break;
            }
            heap[i] = p;
            i = parent;
        }
        heap[i] = e;
    }

    SimEvent peek() {
        return size == 0 ? null : heap[0];
    }

    SimEvent poll() {
        if (size == 0) {
            return null;
        }
        SimEvent top = heap[0];
        SimEvent last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int c = 2 * i + 1;
                SimEvent child = heap[c];
                int r = c + 1;
                if (r < size && heap[r].before(child)) {
                    c = r;
                    child = heap[r];
                }
                if (!child.before(last)) {
                    break;
                }
                heap[i] = child;
                i = c;
            }
            heap[i] = last;
        }
        return top;
    }
}
