---------------------- MODULE TracePingCounterAccept ----------------------
\* TracePingCounter checked by hand the way the validator does it (see TracePingCounterAccept.cfg).
EXTENDS TracePingCounter
=============================================================================
