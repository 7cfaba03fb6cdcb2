"""PDF import: content in optional-content layers that are off is left out, as print leaves it.

Part of step 1 (glyphs) of `pdf`. A PDF may hold layers (optional content groups, OCGs): a page
system's notes layer, a second edition's text, proof marks left in the file. The page marks a
layer's content `/OC /name BDC … EMC` (the name standing, in the page's /Properties, for a
layer or for a membership of layers, an /OCMD), or draws a form XObject that carries /OC
itself; the catalog's /OCProperties /D says which layers are off when the file is opened and
printed. Neither PDFium nor pdfminer looks at that when it extracts text, so hidden text would
be read into the body. `without_hidden` writes a copy of the file with the hidden content's
painting (text, images, paths, forms) taken out, and the reader reads that copy instead; the
graphics and text state the hidden content sets is kept, so what follows it stands where it did.

pikepdf (an optional dependency; the packaged app has it) reads and writes the copy. Without
it the layers are read as they stand, and the log says so.
"""
from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

log = logging.getLogger(__name__)

# text shown, images and shadings painted, forms drawn: left out inside hidden content
_SHOW = frozenset(("Tj", "TJ", "Do", "sh", "BI", "ID", "EI"))
# painting a path: replaced by `n`, which ends the path (and applies a clip set by W) unpainted
_PAINT = frozenset(("S", "s", "f", "F", "f*", "B", "B*", "b", "b*"))


def without_hidden(path: Path) -> tuple[Path, list[str]] | None:
    """A temporary copy of the PDF without the content of its layers that are off by default,
    and those layers' names; None when it has none (or cannot be judged: then it is read as it
    stands). The caller removes the copy."""
    try:
        import pikepdf
    except ImportError:
        log.warning("%s: the PDF marks content as optional (layers); without pikepdf Galley cannot tell "
                    "the layers that are off, and reads them all", path)
        return None
    try:
        with pikepdf.open(path) as pdf:
            hidden = _hidden_groups(pdf)
            if not hidden:
                return None
            names = sorted({str(pdf.get_object(og).get("/Name", "")) or "?" for og in hidden})
            changed = False
            seen: set[tuple[int, int]] = set()
            for page in pdf.pages:
                changed |= _filter(pdf, page.obj, page.obj.get("/Resources"), hidden, seen)
            if not changed:
                return None
            fd, name = tempfile.mkstemp(suffix=".pdf", prefix="galley-layers-")
            os.close(fd)
            try:
                pdf.save(name)
            except BaseException:
                os.unlink(name)
                raise
    except Exception as exc:     # noqa: BLE001 - an odd file: read it as it stands
        log.warning("%s: the PDF's optional content could not be judged (%s); all of it is read",
                    path, type(exc).__name__)
        return None
    return Path(name), names


def _hidden_groups(pdf) -> set[tuple[int, int]]:
    """The layers (by object number) that are off in the default configuration."""
    props = pdf.Root.get("/OCProperties")
    if props is None:
        return set()
    groups = {g.objgen for g in props.get("/OCGs", []) if g.is_indirect}
    config = props.get("/D")
    if config is None:
        return set()
    on = {g.objgen for g in config.get("/ON", []) if g.is_indirect}
    off = {g.objgen for g in config.get("/OFF", []) if g.is_indirect}
    if str(config.get("/BaseState", "/ON")) == "/OFF":
        return (groups | off) - on
    return off


def _is_hidden(obj, hidden: set[tuple[int, int]]) -> bool:
    """Whether an optional-content dictionary (a layer, or a membership of layers) is off."""
    import pikepdf
    kind = str(obj.get("/Type", ""))
    if kind == "/OCMD":
        groups = obj.get("/OCGs")
        if groups is None:
            return False
        members = list(groups) if isinstance(groups, pikepdf.Array) else [groups]
        offs = [g.is_indirect and g.objgen in hidden for g in members]
        if not offs:
            return False
        policy = str(obj.get("/P", "/AnyOn"))
        if policy == "/AllOn":
            return any(offs)
        if policy == "/AnyOff":
            return not any(offs)
        if policy == "/AllOff":
            return not all(offs)
        return all(offs)           # /AnyOn: off when every layer is off
    return obj.is_indirect and obj.objgen in hidden


def _filter(pdf, holder, resources, hidden: set[tuple[int, int]], seen: set[tuple[int, int]]) -> bool:
    """Take the hidden content out of a page's (or a form's) content stream, and out of the forms
    it draws. Returns whether anything changed."""
    import pikepdf
    from pikepdf import Name, Operator

    props = resources.get("/Properties", {}) if resources is not None else {}
    xobjects = resources.get("/XObject", {}) if resources is not None else {}
    out: list = []
    depth = 0           # > 0: inside hidden content, this many marked sequences deep
    changed = False
    for ins in pikepdf.parse_content_stream(holder):
        if isinstance(ins, pikepdf.ContentStreamInlineImage):
            if depth:
                changed = True
                continue
            out.append(ins)
            continue
        op = str(ins.operator)
        operands = ins.operands
        if depth:
            if op in ("BDC", "BMC"):
                depth += 1
            elif op == "EMC":
                depth -= 1
            if op in ("BDC", "BMC", "EMC") or op in _SHOW:
                continue
            if op in _PAINT:
                out.append(pikepdf.ContentStreamInstruction([], Operator("n")))
            elif op == "'":
                out.append(pikepdf.ContentStreamInstruction([], Operator("T*")))
            elif op == '"':
                out.append(pikepdf.ContentStreamInstruction([operands[0]], Operator("Tw")))
                out.append(pikepdf.ContentStreamInstruction([operands[1]], Operator("Tc")))
                out.append(pikepdf.ContentStreamInstruction([], Operator("T*")))
            else:
                out.append(ins)
            continue
        if (op == "BDC" and len(operands) == 2 and operands[0] == Name.OC and isinstance(operands[1], Name)
                and operands[1] in props and _is_hidden(props[operands[1]], hidden)):
            depth = 1
            changed = True
            continue
        if op == "Do" and operands and operands[0] in xobjects:
            form = xobjects[operands[0]]
            if "/OC" in form and _is_hidden(form.OC, hidden):
                changed = True
                continue
            if form.get("/Subtype") == Name.Form and form.is_indirect and form.objgen not in seen:
                seen.add(form.objgen)
                changed |= _filter(pdf, form, form.get("/Resources", resources), hidden, seen)
        out.append(ins)
    if changed:
        data = pikepdf.unparse_content_stream(out)
        if isinstance(holder, pikepdf.Stream):
            holder.write(data)
        else:
            holder.Contents = pdf.make_stream(data)
    return changed
