"""Edits to an edition's structure, as a copy editor makes them: split a paragraph, join two,
change an element's kind, move a block out as sidebar, caption or credit, and accept or reject
one structural repair (`Fix`) in place.

These work on the stories as they are now, so a repair toggled late keeps every edit around it
(typed text, pasted paragraphs, kinds the editor chose) and never re-types or regroups the other
stories. Each function changes the edition in place and returns True, or returns False and
changes nothing when the edit does not apply. The GUI wraps them in undoable commands.
"""
from __future__ import annotations

import difflib

from galley.app.model.edition import Edition, Element, Fix, Kind, Story, join_parts


def _map_offset(original: str, edited: str, offset: int) -> int:
    """Where `offset` of `original` is in `edited` (the text around it may have been edited)."""
    if original == edited:
        return offset
    if edited.startswith(original[:offset]):
        return offset
    sm = difflib.SequenceMatcher(None, original, edited, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if i1 <= offset <= i2:
            if tag == "equal":
                return j1 + (offset - i1)
            return j2 if offset == i2 else j1
    return len(edited)


def _part_texts(edition: Edition, parts) -> list[str] | None:
    try:
        return [edition.blocks[i].text for i in parts]
    except IndexError:
        return None


def _seam(edition: Edition, el: Element, k: int) -> int | None:
    """The offset in `el.text` of the seam after its k-th part (0-based), or None."""
    texts = _part_texts(edition, el.parts)
    if texts is None or not 0 <= k < len(texts) - 1:
        return None
    original = join_parts(texts)
    before = join_parts(texts[:k + 1])
    # the seam in the original joined text: after the first part(s), less a dropped hyphen or a space
    seam = len(before)
    if not original.startswith(before):
        seam = len(before) - 1 if original.startswith(before[:-1]) else seam
    return _map_offset(original, el.text, seam)


def locate(edition: Edition, element: Element) -> tuple[Story, int] | None:
    for st in edition.stories:
        for ei, el in enumerate(st.elements):
            if el is element:
                return st, ei
    return None


def _find_seam(edition: Edition, a: int, b: int):
    """(story, index, element, k) of the element holding blocks a and b next to each other."""
    for st in edition.stories:
        for ei, el in enumerate(st.elements):
            p = el.parts
            for k in range(len(p) - 1):
                if p[k] == a and p[k + 1] == b:
                    return st, ei, el, k
    return None


def _find_end(edition: Edition, block: int, at_end: bool):
    for st in edition.stories:
        for ei, el in enumerate(st.elements):
            if el.parts and (el.parts[-1] if at_end else el.parts[0]) == block:
                return st, ei, el
    return None


# ---------------------------------------------------------------------------- editor's commands

def split_element(story: Story, ei: int, offset: int, edition: Edition | None = None) -> bool:
    """Split the element at `offset`; the second half keeps the kind (body after a heading)."""
    el = story.elements[ei]
    text = el.text
    if not 0 < offset < len(text):
        return False
    head, tail = text[:offset].rstrip(), text[offset:].lstrip()
    if not head or not tail:
        return False
    parts_a, parts_b = el.parts, ()
    if edition is not None and len(el.parts) > 1:
        # blocks go to the half their text fell in
        for k in range(len(el.parts) - 1):
            s = _seam(edition, el, k)
            if s is not None and s <= offset:
                parts_a, parts_b = el.parts[:k + 1], el.parts[k + 1:]
    kind = Kind.BODY if el.kind.is_heading and el.kind != Kind.SUBHEAD else el.kind
    el.text, el.parts, el.lines = head, parts_a, ()
    story.elements.insert(ei + 1, Element(kind, tail, parts_b))
    return True


def join_with_next(story: Story, ei: int) -> bool:
    """Join the element with the one after it (a paragraph the machine left cut)."""
    if not 0 <= ei < len(story.elements) - 1:
        return False
    a, b = story.elements[ei], story.elements[ei + 1]
    a.text = join_parts([a.text, b.text])
    a.parts = a.parts + b.parts
    a.lines = ()
    del story.elements[ei + 1]
    return True


def set_kind(story: Story, ei: int, kind: Kind) -> bool:
    el = story.elements[ei]
    if el.kind == kind:
        return False
    el.kind = Kind(kind)
    el.lines = ()
    return True


def move_out(story: Story, ei: int, kind: Kind) -> bool:
    """Make the element a sidebar item, caption or credit and move it after the story's running
    text (after its other inserts of that kind), where layout boxes or places it."""
    if kind not in (Kind.SIDEBAR, Kind.CAPTION, Kind.CREDIT):
        raise ValueError(f"not an insert kind: {kind}")
    el = story.elements.pop(ei)
    el.kind = kind
    el.lines = ()
    at = len(story.elements)
    while at > 0 and story.elements[at - 1].kind.is_insert and story.elements[at - 1].kind != kind:
        at -= 1
    story.elements.insert(at, el)
    return True


# ---------------------------------------------------------------------------- repairs, in place

def set_fix(edition: Edition, fix: Fix, accepted: bool) -> bool:
    """Accept or reject one repair where it stands. False when the elements it joined or split
    can no longer be found as such (the editor restructured them): nothing is changed then."""
    if fix.accepted == accepted:
        return False
    if len(fix.blocks) != 2:
        return False
    a, b = fix.blocks
    if fix.kind == "dehyphenate":
        done = _hyphen(edition, a, b, drop=accepted)
    elif accepted:
        done = _join(edition, fix, a, b)
    else:
        done = _unjoin(edition, fix, a, b)
    if done:
        fix.accepted = accepted
    return done


def _hyphen(edition: Edition, a: int, b: int, drop: bool) -> bool:
    found = _find_seam(edition, a, b)
    if found is None:
        return False
    _st, _ei, el, k = found
    texts = _part_texts(edition, el.parts)
    if texts is None or not texts[k].endswith("-"):
        return False
    kept = join_parts(texts[:k + 1])                 # ends with the hyphen
    original = join_parts(texts)                     # the hyphen kept at the seam
    seam = _map_offset(original, el.text, len(kept))  # just after the hyphen when it is there
    if drop:
        if seam > 0 and el.text[seam - 1:seam] == "-":
            el.text = el.text[:seam - 1] + el.text[seam:]
            return True
        return False
    dropped = join_parts(texts, drop_hyphen=frozenset({k}))
    seam = _map_offset(dropped, el.text, len(kept) - 1)
    el.text = el.text[:seam] + "-" + el.text[seam:]
    return True


def _unjoin(edition: Edition, fix: Fix, a: int, b: int) -> bool:
    found = _find_seam(edition, a, b)
    if found is None:
        return False
    st, ei, el, k = found
    seam = _seam(edition, el, k)
    if seam is None:
        return False
    head, tail = el.text[:seam].rstrip(), el.text[seam:].lstrip()
    kind = Kind.BODY if el.kind.is_heading else el.kind
    second = Element(kind, tail, el.parts[k + 1:])
    el.text, el.parts, el.lines = head, el.parts[:k + 1], ()
    # what stood between the two halves goes back between them
    moved = set(fix.moved)
    between = [x for x in st.elements[ei + 1:] if x.parts and set(x.parts) <= moved]
    for x in between:
        st.elements.remove(x)
    st.elements[ei + 1:ei + 1] = between + [second]
    return True


def _join(edition: Edition, fix: Fix, a: int, b: int) -> bool:
    first = _find_end(edition, a, at_end=True)
    second = _find_end(edition, b, at_end=False)
    if first is None or second is None or first[2] is second[2]:
        return False
    st1, ei1, e1 = first
    st2, ei2, e2 = second
    if st1 is st2 and ei2 < ei1:
        return False
    moved = set(fix.moved)
    e1.text = join_parts([e1.text, e2.text])
    e1.parts = e1.parts + e2.parts
    e1.lines = ()
    st2.elements.remove(e2)
    if st1 is st2:
        # the blocks that stood between them follow the repaired paragraph
        between = [x for x in st1.elements[ei1 + 1:] if x.parts and set(x.parts) <= moved]
        for x in between:
            st1.elements.remove(x)
        at = st1.elements.index(e1) + 1
        st1.elements[at:at] = between
    elif not st2.elements:
        edition.stories.remove(st2)
    return True
