"""Process lifetime: no worker or kernel of ours outlives the command that started it.

Two halves:

- :func:`die_with_parent` runs first in every worker process (the ``initializer`` of a
  ``ProcessPoolExecutor``): the kernel sends the worker SIGTERM when its parent dies (Linux
  ``PR_SET_PDEATHSIG``), and a daemon thread checks the parent every half second as well (any
  POSIX system, and a parent killed with ``kill -9``). Before exiting, the worker ends its own
  children (a papermill kernel, for instance).
- :func:`handle_termination` is installed by the ``newsprism`` command's main process: on
  SIGTERM or SIGINT it ends every descendant (pool workers and Jupyter kernels, which run in
  sessions of their own and so do not get the terminal's signal) and exits with 128 + signal.

Jupyter kernels also watch their launcher themselves (``JPY_PARENT_PID``), so a kernel whose
pool worker is gone exits within a second.

>>> import subprocess, sys
>>> child = subprocess.Popen([sys.executable, "-c", "pass"])
>>> end_descendants(child.pid, grace_s=0.1)
0
>>> child.wait()
0
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

POLL_S = 0.5  # how often a worker checks that its parent is still there
GRACE_S = 3.0  # seconds between SIGTERM and SIGKILL when ending descendants


def end_descendants(pid: int | None = None, grace_s: float = GRACE_S) -> int:
    """Send SIGTERM to every descendant of ``pid`` (default: this process), then SIGKILL to
    those still alive after ``grace_s``; return how many there were."""
    import psutil

    try:
        children = psutil.Process(pid or os.getpid()).children(recursive=True)
    except psutil.Error:
        return 0
    for child in children:
        try:
            child.terminate()
        except psutil.Error:
            pass
    _, alive = psutil.wait_procs(children, timeout=grace_s)
    for child in alive:
        try:
            child.kill()
        except psutil.Error:
            pass
    return len(children)


def _set_parent_death_signal(signum: int = signal.SIGTERM) -> bool:
    """Linux only: ask the kernel to send ``signum`` to this process when its parent dies."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        return libc.prctl(pr_set_pdeathsig, int(signum), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(POLL_S)
        if os.getppid() != parent:
            end_descendants(grace_s=1.0)
            os._exit(1)


def die_with_parent() -> None:
    """Make this (worker) process end when the process that started it ends."""
    parent = os.getppid()
    _set_parent_death_signal()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="newsprism-parent-watch",
                     daemon=True).start()
    # A forked worker inherits the main process's handlers; its own end its children quietly.
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, _terminate)


def _terminate(signum, frame) -> None:  # noqa: ARG001 - signal handler signature
    signal.signal(signum, signal.SIG_IGN)  # a second signal must not interrupt the clean-up
    end_descendants()
    os._exit(128 + signum)


def handle_termination() -> None:
    """In the main process: on SIGTERM or SIGINT end every descendant, then exit 128 + signal.

    Only the main thread can install signal handlers; elsewhere this does nothing.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, _main_terminate)


def _main_terminate(signum, frame) -> None:  # noqa: ARG001 - signal handler signature
    signal.signal(signum, signal.SIG_IGN)
    name = signal.Signals(signum).name
    print(f"newsprism: {name} received; stopping workers and kernels", file=sys.stderr,
          flush=True)
    end_descendants()
    os._exit(128 + signum)
