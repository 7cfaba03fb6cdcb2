"""`galley export IN [--layout NAME] [--plan PLAN.json] [--pdf OUT] [--docx OUT] [--png DIR]`.

Lays the edition out (automatic placement unless a plan is given) and writes the outputs.
Exit 0; 3 when text is overset (the stories are named; the files are still written so the
overset can be seen) unless --allow-overset; 2 on errors.

Everything that can refuse the export is checked before anything is laid out or written:
the output paths, the colour profile, and the characters no installed font has (a blank box
must never reach print), so a refused export leaves every existing output as it was.

The fonts are the settings store's `[fonts]` (`app.settings`, as the desktop app sets them),
then `GALLEY_FONT_<ROLE>`, then the installed faces; a font set but missing is an error.
"""
from __future__ import annotations

import sys
from pathlib import Path

from galley.app.errors import GalleyError, OversetError
from galley.app.pipeline import load_edition


def add_parser(sub):
    p = sub.add_parser("export", help="lay the edition out on a page grid and write PDF / DOCX / PNG proofs")
    p.add_argument("input", metavar="IN")
    p.add_argument("--layout", metavar="NAME", help="page grid (see `galley layouts`; default: the broadsheet)")
    p.add_argument("--plan", metavar="PLAN.json", help="placement plan (default: automatic placement)")
    p.add_argument("--pdf", metavar="OUT", help="print PDF")
    p.add_argument("--docx", metavar="OUT", help="Word document")
    p.add_argument("--png", metavar="DIR", help="PNG proof of each page into this folder")
    p.add_argument("--save-plan", metavar="OUT", help="write the placement used (JSON) for later --plan")
    p.add_argument("--crop-marks", action="store_true", help="add trim marks outside the bleed")
    p.add_argument("--allow-overset", action="store_true", help="exit 0 even when text is overset")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on standard error")
    return p


def run(args) -> int:
    # (imported here: the command line builds every command's parser, and the other commands
    # need none of the layout and rendering modules)
    from galley.app.layout import load_layout
    from galley.app.layout.plan import load_plan, save_plan
    from galley.app.render.export import ExportResult, iter_export
    edition = load_edition(args.input)
    plan = load_plan(args.plan) if args.plan else None
    layout = args.layout or (plan.layout if plan and plan.layout else None)
    grid = load_layout(layout)
    if not (args.pdf or args.docx or args.png or args.save_plan):
        raise GalleyError("nothing to write: give --pdf, --docx, --png or --save-plan", args.input)
    if not edition.char_count:
        raise GalleyError("nothing to lay out: the file has no text", args.input)
    if plan is not None:
        plan.validate(grid, [st.id for st in edition.stories], args.plan)
    _check_outputs(args)
    from galley.app.validate import icc_profile_setting
    icc_profile_setting()
    from galley.app import settings
    from galley.app.layout import fonts
    fonts.configure(settings.read().get("fonts"))     # the settings' [fonts], as the GUI lays out with
    _refuse_blank_characters(edition, plan, args.input)
    result: ExportResult | None = None
    for step in iter_export(edition, grid, plan, pdf=args.pdf, docx=args.docx, png=args.png,
                            crop_marks=args.crop_marks):
        if step.result is not None:
            result = step.result
        elif not args.quiet and step.done == step.total and step.stage != "layout":
            print(f"galley: {step.stage}: {step.message}", file=sys.stderr)
    assert result is not None   # iter_export's last step carries the result
    doc = result.document
    blank = "".join(c for c, alt in doc.missing_glyphs.items() if not alt)
    if blank:
        # a blank box must never reach print
        raise GalleyError(f"no installed font has these characters: {blank} (U+"
                          + ", U+".join(f"{ord(c):04X}" for c in blank)
                          + "); replace them in the text or install a font that has them", args.input)
    if args.save_plan:
        assert doc.plan is not None     # layout records the plan it used
        save_plan(doc.plan, args.save_plan)
    if not args.quiet:
        print(f"galley: {len(doc.pages)} pages on {grid.name}", file=sys.stderr)
    if doc.missing_glyphs:
        chars = "".join(c for c, alt in doc.missing_glyphs.items())
        print(f"galley: warning: characters missing from their role's font, set from another font: {chars}",
              file=sys.stderr)
    for line in frame_warnings(doc, grid):
        print(f"galley: warning: {line}", file=sys.stderr)
    if doc.overset and not args.allow_overset:
        names = "; ".join(f"{o.story} 「{o.headline[:16]}」 {o.chars} characters"
                          for o in doc.overset_details)
        raise OversetError(f"text is overset: {names} (use --allow-overset to accept)", args.input)
    return 0


def frame_warnings(doc, grid) -> list[str]:
    """The pages where the text runs out above the foot and ad frames fill the rest: one line,
    each page with the share of it the frames take; and a line naming the pages more than a
    third ad frame (placement shares a page group's white over its pages, so there the group
    has too little text to fill them)."""
    from galley.app.layout.place import AD_SHARE_MAX, ad_share

    pages, large = [], []
    for page in doc.pages:
        if any(m.kind == "ad" for m in page.modules):
            share = ad_share(page.modules, grid)
            pages.append(f"{page.number} ({share:.0%})")
            if share > AD_SHARE_MAX + 0.005:
                large.append(f"{page.number} ({share:.0%})")
    if not pages:
        return []
    out = [(f"the text ends above the foot on {len(pages)} page{'s' * (len(pages) > 1)}; ad frames fill the rest "
            f"(page: share of it) {', '.join(pages)}: book ads there or add material")]
    if large:
        out.append(f"more than a third of the page is ad frame on {len(large)} page{'s' * (len(large) > 1)} "
                   f"({', '.join(large)}): their page group's text, shared over its pages as evenly as its stories "
                   f"allow, is too little to fill them; add stories to the group or set them larger")
    return out


def _check_outputs(args) -> None:
    """Each output can be written where it is asked for (before any work or any file is written)."""
    for path in (args.pdf, args.docx, args.save_plan):
        if path and path != "-":
            p = Path(path)
            if p.is_dir():
                raise GalleyError("cannot write the file: it is a folder", path)
            parent = p.parent
            while not parent.exists() and parent != parent.parent:
                parent = parent.parent
            if not parent.is_dir():
                raise GalleyError("cannot write the file: a part of the path is a file", path)
    if args.png:
        from galley.app.render.png import check_folder
        check_folder(args.png)
    outs = [Path(p).resolve() for p in (args.pdf, args.docx, args.save_plan) if p and p != "-"]
    if len(set(outs)) < len(outs):
        raise GalleyError("two outputs are the same file", args.input)


def _refuse_blank_characters(edition, plan, name) -> None:
    """Refuse characters no font of any role has, as the layout would find them, but before it runs."""
    from galley.app.layout import fonts
    from galley.app.layout.linebreak import S, char_class
    chars = set()
    for _, _, el in edition.elements():
        chars.update(el.text)
    if plan is not None:
        for label in plan.labels.values():
            chars.update(label)
    chars = {c for c in chars if c not in "\n\r" and char_class(c) != S}
    for role in fonts.ROLES:
        if not chars:
            return
        m = fonts.metrics(role)
        chars = {c for c in chars if not m.has(c)}
    if chars:
        blank = "".join(sorted(chars))
        raise GalleyError(f"no installed font has these characters: {blank[:40]} (U+"
                          + ", U+".join(f"{ord(c):04X}" for c in blank[:40])
                          + "); replace them in the text or install a font that has them", name)
