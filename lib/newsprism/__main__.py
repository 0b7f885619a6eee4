"""``python -m newsprism report ...`` — the same as the ``newsprism`` command."""

import sys

from newsprism.report.cli import main

sys.exit(main())
