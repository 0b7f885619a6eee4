"""The two kinds of error the ``newsprism`` command reports in one line (see :mod:`newsprism.report.cli`).

- :class:`UsageError`: what the user typed is wrong (an unknown parameter, a missing corpus,
  an unusable ``--out``); the command exits 2.
- :class:`RunError`: the input was right but the work failed; the command exits 1.

Both carry a message that names the parameter, file or path and says what to do.

>>> str(UsageError("unknown parameter 'engin' (did you mean 'engine'?)"))
"unknown parameter 'engin' (did you mean 'engine'?)"
"""

from __future__ import annotations


class UsageError(ValueError):
    """Bad input from the command line or a parameters file (exit status 2)."""

    exit_code = 2


class RunError(RuntimeError):
    """A failure while doing the work (exit status 1)."""

    exit_code = 1


class NothingToAnalyse(RunError, ValueError):
    """The input is fine but holds nothing a notebook can measure (a corpus without an English
    article, for the English-only notebooks): the report shows the message as that page's result,
    without a traceback, and the run still succeeds."""

    exit_code = 0
