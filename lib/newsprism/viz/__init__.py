"""Layer 3, presentation: tables and figures shown in notebooks (display, heatmaps, sections, table cells)."""
