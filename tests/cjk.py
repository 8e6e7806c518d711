"""Whether the machine has a CJK font, for the tests that render with one."""

from __future__ import annotations

import pytest


def skip_without_cjk_fonts() -> None:
    """Skip, with the reason, where no CJK font is installed: what LibreOffice and
    Chromium draw Chinese with (the PDF reader needs none: the test PDFs embed theirs)."""
    import shutil
    import subprocess

    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig (fc-list) is not installed, so CJK fonts cannot be found")
    listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False).stdout
    if not listed.strip():
        pytest.skip("no CJK font is installed (apt-get install fonts-noto-cjk); LibreOffice and Chromium need one")
