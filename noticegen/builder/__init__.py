"""What `noticegen build` adds to the check: many notices in order, here or in worker processes
(batch, processes), the record of what is already built (uptodate), and atomic output (write).
Not named ``build``: that name is ignored by Git and by the wheel (.gitignore). See
docs/architecture.md."""
