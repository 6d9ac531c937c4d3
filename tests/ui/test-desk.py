#!/usr/bin/python3
# tests/ui/test-desk.py — the desk driven as a person would, through the
# accessibility tree, against a real countersign-central (TAP output).
#
# Runs inside tests/ui/run-ui-test (a private D-Bus session with an unlocked
# gnome-keyring, and Xvfb). Environment: COUNTERSIGN_CENTRAL,
# COUNTERSIGN_DEMO_CACHE, COUNTERSIGN_DESK (the binary),
# COUNTERSIGN_SCHEMA_DIR, COUNTERSIGN_LOCALEDIR, COUNTERSIGN_SCREENSHOTS
# (where screenshots go).
#
# Copyright 2026 The Countersign authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import tempfile
import time

import pyatspi

from uitest import (ok, bail_out, wait_for, walk, find, widget_action, type_into,
                    click, screenshot, text_of, button, sensitive, finish, showing, Desk, Central,
                    press, use_real_keyboard)

TODAY = "2026-11-18"
def start_desk(folder, args, lang="C.UTF-8"):
    return Desk(folder, ["--today", TODAY] + args, lang=lang)


def status_lines(app):
    # The inbox's status line and the offline banner have the status role.
    return [node for node in walk(app) if node.getRoleName() == "status bar"]


def count_label(app, pattern, lines=None):
    for node in lines if lines is not None else status_lines(app):
        if re.search(pattern, text_of(node)):
            return node
    return None


def main():
    use_real_keyboard()
    # AT-SPI gives an application 0.8 s to answer a call; a desk built with
    # the sanitizers, on a busy machine, may take longer to filter 78 cases.
    pyatspi.setTimeout(20000, 60000)
    for name in ("COUNTERSIGN_CENTRAL", "COUNTERSIGN_DEMO_CACHE", "COUNTERSIGN_DESK",
                 "COUNTERSIGN_SCHEMA_DIR", "COUNTERSIGN_LOCALEDIR", "COUNTERSIGN_SCREENSHOTS"):
        if name not in os.environ:
            bail_out(name + " is not set (run through meson test)")

    folder = tempfile.mkdtemp(prefix="countersign-ui-")
    central = Central(folder, TODAY)
    try:
        run(folder, central)
    finally:
        central.close()
    return finish()


def open_case(app, search, number, clock="Promised limit"):
    """Finds a case by its number and opens it as Enter in the list does."""
    type_into(search, number)
    wait_for(lambda: text_of(search) == number)
    time.sleep(0.5)
    # What Enter does in the list: the inbox's own action.
    widget_action(app, "CsInboxPage", "inbox.open")
    return wait_for(lambda: find(app, pattern="^" + clock), timeout=30)


def review_a_case(app, central, search, lines, total):
    """Claims a case, marks its checklist, writes and saves a review, and
    finds the review on the server."""
    case_id, number = central.query(
        "SELECT c.id, c.number FROM cases c JOIN case_parts p ON p.case_id = c.id "
        "WHERE p.department = 'health' AND p.matter_code = 'health.radiation-worker' "
        "AND p.state = 'forwarded' AND p.assignee_id IS NULL ORDER BY c.number LIMIT 1")[0]
    items = central.query(
        "SELECT count(*) FROM checklist_items WHERE matter_code = 'health.radiation-worker'")[0][0]

    ok(open_case(app, search, number) is not None, "Enter on the found case opens %s" % number)
    ok(wait_for(lambda: find(app, role="label", name="Legal Clocks")) is not None,
       "the case view shows its legal clocks")
    ok(wait_for(lambda: find(app, pattern=r"^Promised limit")) is not None,
       "the promised limit is among them")
    page = wait_for(lambda: find(app, pattern=r"^Page 1 of \d+$"))
    ok(page is not None, "the first material opens in the viewer (%s)" % (page and page.name))
    ok(wait_for(lambda: find(app, role="label", pattern="Employer|employer")) is not None,
       "the health plugin's panel shows the form")

    claim = wait_for(lambda: find(app, role="push button", name="Claim"))
    if not ok(claim is not None, "an unclaimed case offers Claim"):
        print("# buttons: %r" % [n.name for n in walk(app) if n.getRoleName() == "push button"])
        return
    click(claim)
    ok(wait_for(lambda: find(app, role="push button", name="Release"), timeout=30) is not None,
       "once the claim is through, the case offers Release")
    owner = central.query("SELECT u.username FROM case_parts p JOIN users u ON u.id = p.assignee_id "
                          "WHERE p.case_id = ? AND p.department = 'health'", case_id)
    ok(owner == [("health-approver",)], "the server records the claim (%r)" % owner)

    # The item of the material being read is above the viewer too.
    bar = wait_for(lambda: find(app, name="Verdict on this material's item"))
    ok(bar is not None, "the material's checklist item is shown beside it, above the viewer")
    in_bar = set(walk(bar)) if bar is not None else set()
    verified = wait_for(lambda: [n for n in walk(app) if n.name == "Verified" and
                                 n.getRoleName() != "label" and n not in in_bar])
    ok(verified is not None and len(verified) == items,
       "each of the %d checklist items can be marked (%d)" % (items, len(verified or [])))
    for toggle in verified or []:
        click(toggle)
    time.sleep(0.3)
    if bar is not None:
        mirrored = find(bar, name="Verified")
        ok(mirrored is not None and (mirrored.getState().contains(pyatspi.STATE_PRESSED) or
                                     mirrored.getState().contains(pyatspi.STATE_CHECKED)),
           "the item marked in the checklist shows marked beside the material")
        cite = find(bar, pattern=r"^Cite Page 1$")
        ok(cite is not None and sensitive(cite), "the verdict can point at the page being read")
        if cite is not None:
            click(cite)
        cited = wait_for(lambda: find(app, role="label", pattern=r"^Page 1 of [^\d]"))
        ok(cited is not None, "the checklist row says which page its verdict points at (%s)"
           % (cited and cited.name))

    # The rules of a review hold before anything is queued: a supplement
    # notice names the items with problems, and there are none.
    supplement = wait_for(lambda: button(app, "Supplement notice"))
    click(supplement)
    ok(wait_for(lambda: find(app, pattern="^A supplement notice names the items")) is not None,
       "a supplement notice without a problem item is explained, not sent")
    ok(not sensitive(find(app, role="push button", name="Save Review")),
       "and the review cannot be saved")

    grant = wait_for(lambda: button(app, "Grant"))
    ok(grant is not None, "the proposed outcome can be Grant")
    click(grant)
    opinion = find(app, name="Review opinion", role="text")
    ok(opinion is not None, "there is a review opinion")
    text = "材料齐全，符合《放射诊疗管理规定》第十七条，建议准予。"
    type_into(opinion, text)
    time.sleep(1.5)

    # Nothing is lost by going back: the draft is kept until it is queued.
    widget_action(app, "CsCaseView", "case.back")
    wait_for(lambda: count_label(app, r"^Showing 1 of %d cases$" % total, lines))
    ok(open_case(app, search, number) is not None, "the case opens again")
    opinion = wait_for(lambda: find(app, name="Review opinion", role="text"))
    ok(wait_for(lambda: text_of(opinion) == text) is not None,
       "the opinion written before is still there")
    grant = wait_for(lambda: button(app, "Grant"))
    ok(grant is not None and (grant.getState().contains(pyatspi.STATE_PRESSED) or
                              grant.getState().contains(pyatspi.STATE_CHECKED)),
       "and so is the proposed outcome")

    save = wait_for(lambda: find(app, role="push button", name="Save Review"))
    ok(save is not None and save.getState().contains(pyatspi.STATE_SENSITIVE),
       "with every item verified, an outcome and an opinion, the review can be saved")
    screenshot("case-view-en.png")
    click(save)
    ok(wait_for(lambda: find(app, pattern="^Review sent to the central platform"), timeout=30)
       is not None, "the case view says the review was sent")
    ok(wait_for(lambda: find(app, pattern="^Review saved$")) is not None and
       find(app, pattern="^Forwarded by the front desk$") is not None,
       "the timeline shows the audit trail, the review saved last")
    stored = central.query("SELECT opinion, proposed_outcome, final, checklist FROM reviews "
                           "WHERE case_id = ?", case_id)
    ok(len(stored) == 1 and stored[0][0] == text and stored[0][1] == "grant",
       "the server holds the review as written (%r)" % (stored[:1],))
    ok(len(stored) == 1 and stored[0][3].count('"verified"') == items,
       "with a verdict on every item")
    ok(len(stored) == 1 and re.search(r'"page" ?: ?1\b', stored[0][3]) is not None,
       "one of them pointing at page 1 of its material")

    widget_action(app, "CsCaseView", "case.back")      # Escape
    ok(wait_for(lambda: count_label(app, r"^Showing 1 of %d cases$" % total, lines)) is not None,
       "back in the inbox, the search is as it was left")
    type_into(search, "")
    return number, case_id, text


def check_filter_counts(app, central, search, number, total):
    """The saved views and the filters say how many cases each would show,
    under the search, in their accessible labels."""
    every = r"^All Cases, %d cases$" % total
    ok(wait_for(lambda: find(app, pattern=every)) is not None,
       "the saved view says how many cases it shows (%d)" % total)
    type_into(search, number)
    ok(wait_for(lambda: find(app, pattern=r"^All Cases, 1 case$")) is not None,
       "its count follows the search")
    type_into(search, "")
    ok(wait_for(lambda: find(app, pattern=every)) is not None, "and the cleared search")

    green = central.query("SELECT count(*) FROM cases c JOIN case_parts p ON p.case_id = c.id "
                          "WHERE p.department = 'health' AND c.green_channel")[0][0]
    views = find(app, name="Saved view")
    button = views and find(views, role="push button")
    ok(button is not None, "the saved views open from a button")
    click(button)
    counted = wait_for(lambda: find(app, pattern=r"^Green Channel, \d+ cases?$"))
    ok(counted is not None and counted.name.split(", ")[1].split(" ")[0] == str(green),
       "the green channel counts the department's %d green-channel cases (%s)"
       % (green, counted and counted.name))
    click(button)


def pick(choice, current=0):
    """Picks the choice of an open drop-down's list by keyboard, as a person
    does (the choices have no action of their own, and GTK 4.8 does not say
    where they are on the screen): Down or Up to it from @current, then
    Enter."""
    if choice is None:
        return False
    position = choice.parent.getIndexInParent()
    time.sleep(0.5)  # the list takes the keyboard once its pop-up is shown
    for key in ["Down" if position > current else "Up"] * abs(position - current) + ["Return"]:
        press(key)
    return True


def check_matter_filter(app, central, lines, total):
    """The matter filter offers the department's matters, each with the
    number of its cases; picking one lists those cases only."""
    matters = central.query(
        "SELECT m.name, count(*) FROM cases c JOIN matters m ON m.code = c.matter_code "
        "JOIN case_parts p ON p.case_id = c.id WHERE p.department = 'health' "
        "GROUP BY 1 ORDER BY 1")
    dropdown = find(app, role="combo box", name="Matter")
    button = dropdown and find(dropdown, role="push button")
    ok(button is not None, "the matter filter opens from a button")
    click(button)
    every = wait_for(lambda: find(app, pattern=r"^Any Matter, %d cases$" % total))
    ok(every is not None, "its first choice is every matter, %d cases" % total)
    for name, count in matters:
        choice = wait_for(lambda: find(app, pattern=r"^%s, %d cases?$" % (re.escape(name), count)))
        ok(choice is not None, "it offers %s with its %d cases" % (name, count))
    name, count = min(matters, key=lambda m: m[1])
    others = [other for other, _ in matters if other != name]
    choice = find(app, pattern=r"^%s, " % re.escape(name))
    position = choice.parent.getIndexInParent() if choice is not None else 0
    ok(pick(choice) and
       wait_for(lambda: count_label(app, r"^Showing %d of %d cases$" % (count, total),
                                    lines)) is not None,
       "picking %s lists its %d cases" % (name, count))
    cells = [text_of(node) for node in walk(app)
             if showing(node) and text_of(node) in [name] + others]
    ok(name in cells and not any(other in cells for other in others),
       "and only cases of that matter (%s)" % ", ".join(sorted(set(cells))))
    click(button)
    ok(pick(wait_for(lambda: find(app, pattern=r"^Any Matter, %d cases$" % total)), position) and
       wait_for(lambda: count_label(app, r"^%d cases$" % total, lines)) is not None,
       "every matter again lists every case")


def run(folder, central):
    total = central.query("SELECT count(*) FROM case_parts WHERE department = 'health'")[0][0]
    number, applicant = central.query(
        "SELECT c.number, json_extract(c.applicant, '$.name') FROM cases c "
        "JOIN case_parts p ON p.case_id = c.id WHERE p.department = 'health' "
        "ORDER BY c.number LIMIT 1")[0]

    # 1. A first start: the sign-in page, then the inbox.
    desk = start_desk(folder, ["--server", central.url])
    app = desk.app
    username = wait_for(lambda: find(app, role="text", name="Username"))
    ok(username is not None, "the sign-in page asks for a username")
    server = find(app, role="text", name="Server Address")
    ok(server is not None and text_of(server) == central.url,
       "the server given on the command line is filled in (%r)" % (server and text_of(server)))
    type_into(username, "health-approver")
    # By name: the viewer has a password field of its own, for protected PDFs.
    type_into(find(app, role="text", name="Password") or
              find(app, role="password text", name="Password"), "demo")
    sign_in = wait_for(lambda: find(app, role="push button", pattern="Sign In"))
    ok(sign_in is not None, "there is a Sign In button")
    click(sign_in)

    lines = wait_for(lambda: count_label(app, r"^\d+ cases$") and status_lines(app), timeout=60)
    counted = lines and count_label(app, r"^\d+ cases$", lines)
    ok(counted is not None and text_of(counted) == "%d cases" % total,
       "the inbox lists the department's %d cases (%s)" % (total, counted and text_of(counted)))
    table = find(app, name="Cases")
    ok(table is not None, "the cases are in a table named for assistive technologies")

    token = subprocess.run(["secret-tool", "lookup", "server", central.url,
                            "username", "health-approver"], capture_output=True, text=True)
    ok(token.returncode == 0 and len(token.stdout.strip()) > 10,
       "the session's token is in the keyring")

    search = find(app, name="Search cases")
    ok(search is not None, "there is a search field")
    type_into(search, number)
    shown = wait_for(lambda: count_label(app, r"^Showing 1 of %d cases$" % total, lines))
    ok(shown is not None, "searching for %s leaves one case" % number)
    ok(find(app, role="label", name=applicant) is not None,
       "the case found is %s's" % applicant)
    type_into(search, "")
    ok(wait_for(lambda: count_label(app, r"^%d cases$" % total, lines)) is not None,
       "clearing the search shows every case again")
    check_filter_counts(app, central, search, number, total)
    check_matter_filter(app, central, lines, total)
    time.sleep(0.5)
    ok(os.path.exists(screenshot("inbox-en.png")), "screenshot of the inbox (English)")

    reviewed = review_a_case(app, central, search, lines, total)
    ok(desk.stop() in (0, -15), "the desk quits cleanly")

    # 2. The next start: the remembered server and user, the token from the
    # keyring, no password; in Chinese.
    desk = start_desk(folder, [], lang="zh_CN.UTF-8")
    app = desk.app
    counted = wait_for(lambda: count_label(app, r"^%d 件$" % total), timeout=60)
    ok(counted is not None, "the next start opens the inbox without a password, in Chinese")
    ok(find(app, role="label", name="待办") is not None, "the inbox's title is Chinese")
    time.sleep(0.5)
    ok(os.path.exists(screenshot("inbox-zh.png")), "screenshot of the inbox (Chinese)")
    if reviewed is not None:
        search = find(app, role="entry")
        ok(open_case(app, search, reviewed[0], clock="承诺时限") is not None,
           "the reviewed case opens, in Chinese")
        ok(wait_for(lambda: find(app, role="label", name="材料清单")) is not None,
           "its checklist is titled in Chinese")
        time.sleep(2)
        ok(os.path.exists(screenshot("case-view-zh.png")), "screenshot of the case view (Chinese)")
    desk.stop()

    # 3. The server is down: the desk opens from the cache, marked offline.
    central.stop()
    desk = start_desk(folder, [])
    app = desk.app
    counted = wait_for(lambda: count_label(app, r"^%d cases$" % total), timeout=60)
    ok(counted is not None, "with the server down the inbox opens from the cache")
    lines = status_lines(app)
    ok(wait_for(lambda: count_label(app, "^Offline", lines)) is not None,
       "the inbox says it is offline")
    time.sleep(0.5)
    screenshot("inbox-offline.png")
    if reviewed is not None:
        search = find(app, name="Search cases")
        ok(open_case(app, search, reviewed[0]) is not None,
           "with the server down an opened case opens from the cache")
        ok(wait_for(lambda: find(app, pattern="^Offline: this is the copy kept")) is not None,
           "marked as the copy kept on this computer")
        ok(wait_for(lambda: find(app, pattern=r"^Page 1 of \d+$")) is not None,
           "and its material opens from the cache")
        time.sleep(1)
        screenshot("case-view-offline.png")

        # Work done offline is kept, and goes out when the server is back.
        number, case_id, text = reviewed
        later = text + "复核：培训证明已核对原件。"
        opinion = wait_for(lambda: find(app, name="Review opinion", role="text"))
        type_into(opinion, later)
        save = wait_for(lambda: button(app, "Save Review"))
        ok(wait_for(lambda: sensitive(save)) is not None, "offline, the review can be saved")
        click(save)
        ok(wait_for(lambda: find(app, pattern="^Review (waiting in|kept in) the outbox"))
           is not None, "and waits in the outbox")
        central.restart()
        widget_action(app, "CsInboxPage", "inbox.refresh")   # Try Again, or the feed's retry
        ok(wait_for(lambda: find(app, pattern="^Review sent to the central platform"),
                    timeout=60) is not None,
           "once the server is back the queued review is sent")
        stored = central.query("SELECT opinion FROM reviews WHERE case_id = ? ORDER BY id",
                               case_id)
        ok([row[0] for row in stored] == [text, later],
           "the server holds both reviews, each once (%d)" % len(stored))
    desk.stop()


if __name__ == "__main__":
    sys.exit(main())
