"""The tour notebook runs top to bottom, so it never goes stale.

The kernel is this interpreter (a kernelspec written into a temporary directory), so the test
works in a fresh virtualenv without network and without any kernel installed by the user.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import ipykernel  # noqa: F401  (the test extra installs it; a missing kernel must fail, not skip)
import nbclient
import nbformat

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "tour.ipynb"
KERNEL = "zhipu-ipo-test"


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    home = tmp_path_factory.mktemp("jupyter")
    spec_dir = home / "kernels" / KERNEL
    spec_dir.mkdir(parents=True)
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "zhipu_ipo tests", "language": "python",
        "env": {"IPYTHONDIR": str(home / "ipython"), "MPLCONFIGDIR": str(home / "mpl"),
                "MPLBACKEND": "Agg"},
    }), encoding="utf-8")
    ksm = KernelSpecManager(kernel_dirs=[str(home / "kernels")])
    km = KernelManager(kernel_name=KERNEL, kernel_spec_manager=ksm)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, km=km, timeout=120,
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    return nb


def _outputs(nb, kind):
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])
            if o.get("output_type") == kind]


def test_notebook_runs_without_errors(executed):
    assert _outputs(executed, "error") == []
    assert all(cell.get("execution_count") for cell in executed.cells if cell.cell_type == "code")


def test_notebook_shows_the_answers(executed):
    text = "".join(o.get("text", "") for o in _outputs(executed, "stream"))
    assert "Revenue CAGR 2022..2024: 133.3%" in text
    assert "R&D / revenue 2024:      702.8%" in text
    assert "rd_to_revenue 2022..2025H1  [002_ddfad0c2bdf05b00]" in text
    images = [o for kind in ("display_data", "execute_result") for o in _outputs(executed, kind)
              if "image/png" in o.get("data", {})]
    assert len(images) == 2


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert all(not cell.get("outputs") for cell in nb.cells if cell.cell_type == "code")
