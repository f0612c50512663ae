"""Health, metrics and logs of a running process (issue 13)."""
