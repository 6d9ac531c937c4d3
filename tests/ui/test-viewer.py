#!/usr/bin/python3
# tests/ui/test-viewer.py — the document viewer on real files, driven
# through the accessibility tree (TAP output).
#
# `countersign FILE…` opens each file in a viewer window of its own, the
# same CsMaterialView as in the case view. Opens a 12-page PDF, a PDF of
# scans, a JPEG and a PNG scan, a password-protected PDF, a damaged and an
# empty file, and checks what a person sees and can do: pages, going from
# page to page, zoom, thumbnails, search with its hits counted, rotation,
# the password prompt, the messages in place of pages.
#
# Runs inside tests/ui/run-ui-test. Environment: COUNTERSIGN_DESK,
# COUNTERSIGN_SCHEMA_DIR, COUNTERSIGN_LOCALEDIR, COUNTERSIGN_SCREENSHOTS,
# COUNTERSIGN_SAMPLE_TEXT_PDF, COUNTERSIGN_SAMPLE_SCANS_PDF and
# COUNTERSIGN_SAMPLE_ENCRYPTED_PDF (its password: letmein),
# COUNTERSIGN_SAMPLE_SIGNED_PDF and COUNTERSIGN_SAMPLE_TAMPERED_PDF (the
# same changed after signing).
#
# Copyright 2026 The Countersign authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

from uitest import (ok, bail_out, wait_for, find, widget_action, type_into, click, screenshot,
                    text_of, button, sensitive, finish, Desk)


def Viewer(folder, files):
    """countersign with files on its command line, settings in memory."""
    return Desk(folder, files, backend="memory")


def page_label(window, pattern=r"^Page \d+ of \d+$"):
    return wait_for(lambda: find(window, role="label", pattern=pattern))


def action(window, name):
    widget_action(window, "Document viewer", name)


def check_text_pdf(viewer):
    window = viewer.window("sample-text-12.pdf")
    if not ok(window is not None, "a window opens for the 12-page PDF"):
        return
    ok(page_label(window, "^Page 1 of 12$") is not None, "it shows page 1 of 12")
    ok(wait_for(lambda: find(window, role="label", name="of 12")) is not None,
       "the toolbar counts 12 pages")

    action(window, "viewer.last-page")
    ok(page_label(window, "^Page 12 of 12$") is not None, "the last page is one action away")
    action(window, "viewer.previous-page")
    ok(page_label(window, "^Page 11 of 12$") is not None, "then the page before it")
    action(window, "viewer.first-page")
    ok(page_label(window, "^Page 1 of 12$") is not None, "and back to the first")
    action(window, "viewer.next-page")
    ok(page_label(window, "^Page 2 of 12$") is not None, "the next page")
    entry = find(window, role="text", name="Page number")
    ok(entry is not None and wait_for(lambda: text_of(entry) == "2"),
       "the page number entry follows (%r)" % (entry and text_of(entry)))

    zoom = wait_for(lambda: find(window, pattern=r"^\d+ %$"))
    before = zoom and zoom.name
    action(window, "viewer.zoom-in")
    after = wait_for(lambda: (find(window, pattern=r"^\d+ %$").name
                              if find(window, pattern=r"^\d+ %$").name != before else None))
    ok(after is not None, "zooming in changes the zoom shown (%s, then %s)" % (before, after))
    action(window, "viewer.zoom-out")
    action(window, "viewer.zoom-out")
    action(window, "viewer.zoom-fit-page")
    fit = wait_for(lambda: find(window, pattern=r"^\d+ %$"))
    ok(fit is not None and int(fit.name.split()[0]) < int(before.split()[0]),
       "a whole page fits at less than the width does (%s, %s)" % (fit and fit.name, before))
    action(window, "viewer.zoom-fit-width")

    action(window, "viewer.thumbnails")
    thumbnails = wait_for(lambda: find(window, name="Page thumbnails"))
    ok(thumbnails is not None, "the thumbnails come up")
    ok(wait_for(lambda: find(window, name="Page 1")) is not None,
       "each thumbnail is named after its page")
    time.sleep(1)
    screenshot("viewer-thumbnails.png")
    action(window, "viewer.thumbnails")

    action(window, "viewer.search")
    search = wait_for(lambda: find(window, name="Find in the document"))
    if ok(search is not None, "Find opens a search field"):
        type_into(search, "施工许可申请")
        status = wait_for(lambda: find(window, role="label", pattern=r"^\d+ of 12$"), timeout=30)
        ok(status is not None, "the heading is found on all 12 pages, the first hit shown (%s)"
           % (status and status.name))
        first = status and status.name
        action(window, "viewer.find-next")
        moved = wait_for(lambda: find(window, role="label", pattern=r"^\d+ of 12$").name != first
                         and find(window, role="label", pattern=r"^\d+ of 12$"))
        ok(moved is not None, "Next Match moves on (%s)" % (moved and moved.name))
        time.sleep(1)
        screenshot("viewer-search.png")
        type_into(search, "words on no page")
        ok(wait_for(lambda: find(window, role="label", name="No matches")) is not None,
           "a text on no page says No matches")
        type_into(search, "")

    action(window, "viewer.rotate-right")
    time.sleep(1)
    ok(page_label(window) is not None, "a rotated document still shows its pages")
    screenshot("viewer-rotated.png")
    action(window, "viewer.rotate-left")


def check_scans(viewer):
    window = viewer.window("sample-scans-3.pdf")
    ok(window is not None and page_label(window, "^Page 1 of 3$") is not None,
       "a PDF of scans opens, 3 pages")
    for title, kind in (("scan.jpg", "JPEG"), ("scan.png", "PNG")):
        window = viewer.window(title)
        ok(window is not None and page_label(window, "^Page 1 of 1$") is not None,
           "a %s scan opens as one page" % kind)
        if window is not None:
            found = find(window, name="Find in the Document")
            ok(found is not None and not sensitive(found), "an image has no text to search")


def check_messages(viewer):
    window = viewer.window("damaged.pdf")
    ok(window is not None and wait_for(lambda: find(window, name="The Document Cannot Be Shown"))
       is not None, "a damaged file gets a message in place of its pages")
    ok(window is not None and
       wait_for(lambda: find(window, pattern="damaged or is not a PDF")) is not None,
       "saying what is wrong with it")
    window = viewer.window("empty.pdf")
    ok(window is not None and wait_for(lambda: find(window, pattern="^The file is empty")) is not None,
       "an empty file says it is empty")


def check_password(viewer):
    window = viewer.window("protected.pdf")
    if not ok(window is not None and
              wait_for(lambda: find(window, name="The Document Is Protected")) is not None,
              "a protected PDF asks for its password"):
        return
    entry = find(window, name="Document password")
    unlock = button(window, "Unlock")
    ok(entry is not None and unlock is not None, "with a password field and Unlock")
    type_into(entry, "guess")
    click(unlock)
    ok(wait_for(lambda: find(window, pattern="^That password does not open it")) is not None,
       "a wrong password is refused, in words")
    entry = find(window, name="Document password")
    type_into(entry, "letmein")
    click(button(window, "Unlock"))
    ok(page_label(window, "^Page 1 of 12$") is not None, "the right one opens the pages")


def check_signatures(viewer):
    window = viewer.window("sample-signed.pdf")
    if not ok(window is not None, "a signed PDF opens"):
        return
    ok(wait_for(lambda: find(window, pattern="^Signed and unchanged: confirm the signer"))
       is not None, "the viewer says it is signed and unchanged, the signer to be confirmed")
    ok(wait_for(lambda: find(window, pattern="^Signed by Zhang Wei on ")) is not None,
       "with the signer and the signing time")
    ok(wait_for(lambda: find(window, pattern="not from an authority this computer trusts"))
       is not None, "and that the signer's certificate is from no authority it trusts")
    time.sleep(1)
    screenshot("viewer-signed.png")
    window = viewer.window("sample-tampered.pdf")
    ok(window is not None and
       wait_for(lambda: find(window, pattern="^Signed: check the signature")) is not None,
       "a PDF changed after signing asks for its signature to be checked")
    ok(window is not None and
       wait_for(lambda: find(window, pattern="changed after it was signed")) is not None,
       "saying the document was changed after it was signed")


def main():
    pyatspi.setTimeout(20000, 60000)
    for name in ("COUNTERSIGN_DESK", "COUNTERSIGN_SCHEMA_DIR", "COUNTERSIGN_SCREENSHOTS",
                 "COUNTERSIGN_SAMPLE_TEXT_PDF", "COUNTERSIGN_SAMPLE_SCANS_PDF",
                 "COUNTERSIGN_SAMPLE_ENCRYPTED_PDF", "COUNTERSIGN_SAMPLE_SIGNED_PDF",
                 "COUNTERSIGN_SAMPLE_TAMPERED_PDF"):
        if name not in os.environ:
            bail_out(name + " is not set (run through meson test)")

    folder = tempfile.mkdtemp(prefix="countersign-viewer-")
    files = []
    for name in ("COUNTERSIGN_SAMPLE_TEXT_PDF", "COUNTERSIGN_SAMPLE_SCANS_PDF"):
        files.append(os.environ[name])
    protected = os.path.join(folder, "protected.pdf")
    shutil.copy(os.environ["COUNTERSIGN_SAMPLE_ENCRYPTED_PDF"], protected)
    files.append(protected)
    # Scans as the front desk's scanner sends them, and damaged files.
    for name in ("scan.jpg", "scan.png"):
        path = os.path.join(folder, name)
        subprocess.run(["convert", "-size", "1240x1754", "xc:#f5f2ea", "-fill", "#333333",
                        "-draw", "rectangle 120,200 1120,260", "-draw", "rectangle 120,320 900,360",
                        path], check=True)
        files.append(path)
    with open(os.path.join(folder, "damaged.pdf"), "wb") as f:
        with open(os.environ["COUNTERSIGN_SAMPLE_TEXT_PDF"], "rb") as sample:
            f.write(sample.read()[:2000])
    with open(os.path.join(folder, "empty.pdf"), "wb"):
        pass
    files += [os.path.join(folder, "damaged.pdf"), os.path.join(folder, "empty.pdf")]

    # One start a group of files: without a window manager the window opened
    # last is the one on top, and in the screenshots.
    groups = ((check_text_pdf, files[:1]), (check_scans, [files[1]] + files[3:5]),
              (check_messages, files[5:7]), (check_password, files[2:3]),
              (check_signatures, [os.environ["COUNTERSIGN_SAMPLE_TAMPERED_PDF"],
                                  os.environ["COUNTERSIGN_SAMPLE_SIGNED_PDF"]]))
    for check, group in groups:
        viewer = Viewer(folder, group)
        try:
            check(viewer)
            ok(viewer.process.poll() is None, "the viewer is still running after that")
        finally:
            code = viewer.stop()
        ok(code in (0, -15), "and it quits cleanly (%s)" % code)
    return finish()


if __name__ == "__main__":
    sys.exit(main())
