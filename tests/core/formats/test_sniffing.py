"""Every real sample is found to be its own format, without --format: the sniffers of the
newer, more general formats (transcripts, trajectories) take nothing from the others."""

from __future__ import annotations

from tracedesk.core.formats import detect, detect_path

EXPECTED = {"atif": "atif", "inspect-ai": "inspect", "langfuse": "langfuse", "openhands": "openhands",
            "otel-sdk-json": "otel-sdk", "swe-agent": "swe-agent"}


def test_each_real_sample_is_detected_as_its_own_format(real_samples) -> None:
    seen = set()
    for path in sorted(real_samples.rglob("*")):
        if not path.is_file() or path.suffix == ".md":
            continue
        found = detect_path(path) or detect(path.read_bytes()[:65536], path.name)
        assert found is not None and found.name == EXPECTED[path.parent.name], path
        seen.add(path.parent.name)
    assert seen == set(EXPECTED)
