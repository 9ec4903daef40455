"""Where a test run leaves what a person should look at: page screenshots and PDF page images.

They are kept as CI artefacts, never committed: `ARTEFACTS_DIR` names the folder (`.ci/run`
sets it), `.ci/artefacts` by default.
"""

import os
from pathlib import Path

from config import PROJECT_DIR


def artefact_path(*parts: str) -> Path:
    """A path under the artefacts folder, its parent folders made."""
    root = Path(os.environ.get("ARTEFACTS_DIR") or PROJECT_DIR / ".ci" / "artefacts")
    path = root.joinpath(*parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path
