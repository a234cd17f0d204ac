"""The defaults of options that a command's help states and its work uses (the build's also the
renderer).

One place, imported by each and cheap to import: `noticegen/builder/batch.py` must not
import the renderer at module level (an up-to-date rebuild, which renders nothing, loads
``batch`` but not ``render``)."""

HEADING_LEVEL = 2
"""The fragment's top heading level, as `build --heading-level` (pages always start at h1)."""
ID_PREFIX = "ng-"
"""The prefix of every id and in-page link, as `build --id-prefix`."""
CHECK_IN_WORKERS_FROM = 16
"""Files from which `check` uses workers by default: checking a typical notice takes about
12 ms, and below this starting the workers gains little (benchmarks/README.md)."""
