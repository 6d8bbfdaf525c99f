"""Tracedesk: review what LLM agents did and turn their failures into eval cases."""

__version__ = "0.1.0"
