"""``serve.py`` with every script run timed (and, optionally, profiled) in its own thread.

    IMPACTDASH_PROFILE_OUT=/tmp/x.json python bench/profiled_serve.py --server.port 8611 ...

Started by ``bench/cpu_per_view.py``. Streamlit runs each page's script in a thread of its
own; this wraps that run so the thread's CPU time is added up (``time.thread_time``), and,
with ``IMPACTDASH_PROFILE=1``, a ``cProfile`` profile of the script runs is kept. On
``SIGUSR1`` both are written: the profile beside ``IMPACTDASH_PROFILE_OUT`` (``.pstats``), then the totals
to it (JSON), then both reset. The rest of the process's CPU (the event loop:
sessions, protobuf, the websocket) is the process's total minus the script threads'.
Benchmarks only: the app itself never imports this.
"""

from __future__ import annotations

import cProfile
import json
import os
import runpy
import signal
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.runtime.scriptrunner import script_runner  # noqa: E402

OUT = Path(os.environ.get("IMPACTDASH_PROFILE_OUT", "/tmp/impactdash-profile.json"))
PROFILE = os.environ.get("IMPACTDASH_PROFILE") == "1"
_lock = threading.Lock()
_totals = {"runs": 0, "script_cpu": 0.0}
_profile = cProfile.Profile(time.thread_time) if PROFILE else None
_real_run = script_runner.ScriptRunner._run_script


def _timed_run(self, rerun_data):
    """Run the script as Streamlit does, adding its thread's CPU time (and profile) to the totals."""
    start = time.thread_time()
    if _profile is not None:
        _profile.enable()
    try:
        return _real_run(self, rerun_data)
    finally:
        if _profile is not None:
            _profile.disable()
        with _lock:
            _totals["runs"] += 1
            _totals["script_cpu"] += time.thread_time() - start


def _dump(signum, frame) -> None:  # noqa: ARG001 - a signal handler's signature
    """Write the totals (and the profile) and start counting again."""
    global _profile
    with _lock:
        if _profile is not None:
            _profile.dump_stats(str(OUT.with_suffix(".pstats")))
            _profile = cProfile.Profile(time.thread_time)
        # The totals last, in one rename: once they are there, everything is.
        OUT.with_suffix(".tmp").write_text(json.dumps(_totals))
        OUT.with_suffix(".tmp").replace(OUT)
        _totals.update(runs=0, script_cpu=0.0)


script_runner.ScriptRunner._run_script = _timed_run
signal.signal(signal.SIGUSR1, _dump)
sys.argv = [str(ROOT / "serve.py"), *sys.argv[1:]]
runpy.run_path(str(ROOT / "serve.py"), run_name="__main__")
