"""Fixtures shared by the PDF importer tests."""
import pytest


@pytest.fixture(params=["pdfium", "pdfplumber"])
def reader(request, monkeypatch):
    """Each test that asks for it runs once on each of the two PDF readers."""
    monkeypatch.setenv("GALLEY_PDF_READER", request.param)
    return request.param
