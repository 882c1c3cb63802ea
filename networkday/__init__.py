"""networkday: a keyboard-driven daily planner for a job search that runs on networking."""

__version__ = "0.1.0"
