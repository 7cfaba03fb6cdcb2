"""galley.app.data: the shared loader of process-wide models."""
import threading
import time

from galley.app.data import loaded_once


def test_loaded_once_runs_its_load_once_across_threads_and_keeps_no_none():
    calls = []

    @loaded_once
    def model():
        calls.append(1)
        time.sleep(0.05)          # threads arrive while the first is still loading
        return object()

    got = []
    threads = [threading.Thread(target=lambda: got.append(model())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and len({id(g) for g in got}) == 1 and model() is got[0]

    present = []

    @loaded_once
    def optional():
        return present[0] if present else None

    assert optional() is None
    present.append("model")
    assert optional() == "model"          # a missing resource is looked for again
