package dev.conform.runtime.sim;

import java.util.Arrays;

/**
 * A binary min-heap of {@link SimEvent}s by (time, seq); cheaper than a comparator-driven queue.
 * Each event knows its slot, so a re-armed timer's old firing can be taken out in O(log n)
 * instead of waiting in the heap as a stale entry.
 */
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
        siftUp(size++, e);
    }

    SimEvent peek() {
        return size == 0 ? null : heap[0];
    }

    SimEvent poll() {
        if (size == 0) {
            return null;
        }
        SimEvent top = heap[0];
        removeAt(0);
        return top;
    }

    /** Takes {@code e} out if it is queued; returns whether it was. */
    boolean remove(SimEvent e) {
        int i = e.slot;
        if (i < 0 || i >= size || heap[i] != e) {
            return false;
        }
        removeAt(i);
        return true;
    }

    /** Restores the heap order after the queued {@code e} got a new (time, seq). */
    void moved(SimEvent e) {
        int i = e.slot;
        if (i < 0 || i >= size || heap[i] != e) {
            throw new IllegalStateException("event is not queued");
        }
        siftDown(i, e);
        if (heap[i] == e) {
            siftUp(i, e);
        }
    }

    private void removeAt(int i) {
        SimEvent gone = heap[i];
        gone.slot = -1;
        SimEvent last = heap[--size];
        heap[size] = null;
        if (i == size) {
            return;
        }
        siftDown(i, last);
        if (i > 0 && heap[i] == last) {
            siftUp(i, last);
        }
    }

    private void siftUp(int i, SimEvent e) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            SimEvent p = heap[parent];
            if (!e.before(p)) {
                break;
            }
            heap[i] = p;
            p.slot = i;
            i = parent;
        }
        heap[i] = e;
        e.slot = i;
    }

    private void siftDown(int i, SimEvent e) {
        int half = size >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            SimEvent child = heap[c];
            int r = c + 1;
            if (r < size && heap[r].before(child)) {
                c = r;
                child = heap[r];
            }
            if (!child.before(e)) {
                break;
            }
            heap[i] = child;
            child.slot = i;
            i = c;
        }
        heap[i] = e;
        e.slot = i;
    }
}
