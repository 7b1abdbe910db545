"""A PingCounter run written by a producer outside conform, from docs/trace-format.md alone.

Usage: python3 pingcounter_emitter.py OUT.ndjson   (trace_doc.py, the Trace class of
docs/trace-format.md, must be importable). Three nodes count to max = 2 on a reliable network:
each round every node ticks, increments (action Inc) and pings the others (send Ping {val}); then
every ping is delivered in send order and handled (action Receive), which raises the receiver's
counter to any larger value it carries. Event-to-action table: specs/pingcounter/README.md.
"""
import sys

from trace_doc import Trace

NODES = [1, 2, 3]
MAX = 2

t = Trace(sys.argv[1], "pingcounter", NODES, "pingcounter_emitter.py (docs example)",
          roles={"server": NODES}, params={"options": {"max": str(MAX)}})
count = {n: 0 for n in NODES}
next_id = 1
for _ in range(MAX):
    in_flight = []
    for n in NODES:
        t.event(n, "timer", action="tick")
        count[n] += 1
        t.event(n, "action", action="Inc", state={"count": count[n]})
        for to in NODES:
            if to != n:
                msg = {"id": next_id, "from": n, "to": to, "type": "Ping", "body": {"val": count[n]}}
                next_id += 1
                t.event(n, "send", msg=msg)
                in_flight.append(msg)
    for msg in in_flight:
        to = msg["to"]
        t.event(to, "deliver", msg=msg)
        count[to] = max(count[to], msg["body"]["val"])
        t.event(to, "action", action="Receive", state={"count": count[to]})
t.close()
