"""The defaults of the build options that the command, the build and the renderer each state.

One place, imported by all three and cheap to import: `noticegen/builder/batch.py` must not
import the renderer at module level (an up-to-date rebuild, which renders nothing, loads
``batch`` but not ``render``)."""

HEADING_LEVEL = 2
"""The fragment's top heading level, as `build --heading-level` (pages always start at h1)."""
ID_PREFIX = "ng-"
"""The prefix of every id and in-page link, as `build --id-prefix`."""
