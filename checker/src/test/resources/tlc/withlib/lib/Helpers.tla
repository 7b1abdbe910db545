---- MODULE Helpers ----
Zero == 0
====
