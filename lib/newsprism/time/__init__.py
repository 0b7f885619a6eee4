"""Layer 4, time: timelines, change over time, before/after tests, propagation across outlets, their plots."""
