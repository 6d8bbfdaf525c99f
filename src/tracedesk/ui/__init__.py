"""Qt widgets and models: thin adapters over ``tracedesk.core``."""
