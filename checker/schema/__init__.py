"""JSON Schemas shipped with the checker (the JSON report format)."""

from pathlib import Path

REPORT_SCHEMA = Path(__file__).with_name("report-v1.json")
