"""Helpers shared by the render tests."""
import re
import subprocess
from collections import Counter


def assert_pdf_holds_edition_text(edition, pdf_path):
    """pdftotext of the PDF holds every non-space character of the edition."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf_path), "-"], capture_output=True, text=True,
                          check=True).stdout
    got = Counter(re.sub(r"\s", "", text))
    want = Counter()
    for _, _, el in edition.elements():
        want.update(re.sub(r"\s", "", el.text))
    assert not (want - got), want - got
