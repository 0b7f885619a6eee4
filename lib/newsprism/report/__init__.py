"""Layer 8, report: notebook parameters, the papermill runner, HTML, methods appendix, sections, the CLI."""
