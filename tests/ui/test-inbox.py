#!/usr/bin/python3
# tests/ui/test-inbox.py — what the approver does all day in the inbox and
# the case view, driven through the accessibility tree and real key and
# pointer events, against a real countersign-central (TAP output): the
# keyboard (arrows, j/k, Enter, Escape, Ctrl+F, the shortcuts window), the
# filters and their counts, a checklist problem with its reason, release, a
# write the server refuses (409), the plugin's findings, and live updates
# that keep the selection and the scroll position.
#
# Every check reads its answer from the server (its SQLite database or its
# API) or from what the desk shows, never only that a click was made.
#
# Runs inside tests/ui/run-ui-test. Environment: COUNTERSIGN_CENTRAL,
# COUNTERSIGN_DEMO_CACHE, COUNTERSIGN_DESK, COUNTERSIGN_SCHEMA_DIR,
# COUNTERSIGN_SCREENSHOTS, COUNTERSIGN_PLUGIN_PATH.
#
# Copyright 2026 The Countersign authors
# SPDX-License-Identifier: GPL-3.0-or-later

import collections
import json
import os
import re
import sys
import tempfile
import time

from uitest import use_real_keyboard

# Before anything talks to the accessibility bus: AT-SPI's registry daemon,
# which synthesizes the key and pointer events, needs the display (see
# uitest.use_real_keyboard()).
use_real_keyboard()

import pyatspi  # noqa: E402

from uitest import (ok, bail_out, wait_for, walk, find, widget_action, type_into,  # noqa: E402
                    click, screenshot, text_of, button, sensitive, finish, Desk, sign_in,
                    showing, press, type_keys, focused, table_rows, selected_row,
                    mouse_click, cell_text, Central)

TODAY = "2026-11-18"
MATTER = "health.radiation-worker"



def status_line(app):
    """The inbox's count line ("78 cases", "Showing 3 of 78 cases")."""
    for node in walk(app):
        try:
            if node.getRoleName() == "status bar" and re.match(r"^(Showing )?\d+ ", text_of(node)):
                return text_of(node)
        except Exception:
            continue
    return None


def health_total(central):
    return central.query("SELECT count(*) FROM case_parts WHERE department = 'health'")[0][0]


def unclaimed_cases(central):
    return central.query(
        "SELECT c.id, c.number FROM cases c JOIN case_parts p ON p.case_id = c.id "
        "WHERE p.department = 'health' AND p.matter_code = ? AND p.state = 'forwarded' "
        "AND p.assignee_id IS NULL ORDER BY c.number", MATTER)


def case_view(app):
    return find(app, name="CsCaseView")


def case_shown(app, number):
    """The case view, once it shows case NUMBER (its title) with its clocks."""
    view = case_view(app)
    if view is None or find(view, role="label", name=number) is None or \
       find(view, pattern="^Promised limit") is None:
        return None
    return view


def shown_number(app):
    """The number of the case the case view shows, if any."""
    view = case_view(app)
    title = view and find(view, role="label", pattern=r"^[A-Z]{2}\d{12}$")
    return title.name if title is not None else None


def within(node, ancestor):
    """Whether NODE is ANCESTOR or under it in the accessibility tree."""
    try:
        while node is not None and ancestor is not None:
            if node == ancestor:
                return True
            node = node.parent
    except Exception:
        pass
    return False


def in_inbox(app):
    return wait_for(lambda: status_line(app) is not None and
                    showing(find(app, name="Search cases")), timeout=20)


# 1. The keyboard ---------------------------------------------------------------------

def check_keyboard(app, central, table):
    total = health_total(central)
    rows = wait_for(lambda: table_rows(table) if len(table_rows(table)) == total else None,
                    timeout=30)
    order = [text for text, _ in rows or []]
    ok(len(order) == total, "the list has a row for each of the %d cases (%d)"
       % (total, len(order)))
    first = wait_for(lambda: selected_row(table), timeout=10)
    ok(first == (order[0] if order else None),
       "the first case is selected once the inbox shows (%s)" % first)

    # Right after sign-in the keyboard is on the list: j works at once.
    press("j")
    moved = wait_for(lambda: selected_row(table) == order[1], timeout=3)
    ok(moved is not None,
       "right after sign-in, j selects the next case (%s, then %s; focus on %s)"
       % (first, selected_row(table), getattr(focused(app), "name", None)))
    if moved is not None:
        press("k")
    else:
        # Nothing of the inbox has the focus: into the window, as a
        # person's first Tab would, so that the rest can be checked.
        if find(app, name="Search cases") is not None and \
           text_of(find(app, name="Search cases")) != "":
            type_into(find(app, name="Search cases"), "")
        if focused(app) is None:
            press("Tab")

    # Ctrl+F: the search takes the keyboard, and typing filters.
    press("f", control=True)
    search = find(app, name="Search cases")
    ok(wait_for(lambda: focused(app) == search, timeout=5) is not None,
       "Ctrl+F puts the keyboard in the search")
    number = order[len(order) // 2] if order else "LW"
    type_keys(number.lower())
    ok(wait_for(lambda: text_of(search) == number.lower(), timeout=10) is not None,
       "the keys typed go into the search (%r)" % text_of(search))
    ok(wait_for(lambda: status_line(app) == "Showing 1 of %d cases" % total, timeout=10)
       is not None and [text for text, _ in table_rows(table)] == [number],
       "typing a case number leaves that case alone in the list (%s; %s)"
       % (status_line(app), [text for text, _ in table_rows(table)][:3]))
    press("Escape")
    ok(wait_for(lambda: text_of(search) == "" and status_line(app) == "%d cases" % total,
                timeout=10) is not None,
       "Escape in the search clears it, and every case is back (%r, %s)"
       % (text_of(search), status_line(app)))
    press("Escape")
    ok(wait_for(lambda: focused(app) is not None and
                focused(app).getRoleName() == "table row", timeout=5) is not None,
       "a second Escape takes the keyboard back to the list")

    # Arrows and j/k move the selection one case at a time.
    start = selected_row(table)
    at = order.index(start) if start in order else 0
    steps = (("Down", 1), ("j", 2), ("k", 1), ("Up", 0), ("j", 1), ("j", 2), ("j", 3))
    for key, offset in steps:
        press(key)
        expected = order[min(at + offset, len(order) - 1)]
        ok(wait_for(lambda: selected_row(table) == expected, timeout=5) is not None,
           "%s selects %s (%s)" % (key, expected, selected_row(table)))

    # Enter opens the selected case; Escape goes back to it.
    chosen = selected_row(table)
    press("Return")
    ok(wait_for(lambda: case_shown(app, chosen), timeout=30) is not None,
                        "Enter opens the selected case, %s (the case view shows %s)"
                        % (chosen, shown_number(app)))
    # The case is fetched after it opens and its controls made anew: the
    # keyboard stays in the case all along (once it was nowhere, and
    # Escape went to the window alone).
    time.sleep(1)
    ok(wait_for(lambda: within(focused(app), case_view(app)), timeout=10) is not None,
       "and the keyboard is in the case (on %s)"
       % getattr(focused(app), "name", None))
    press("Escape")
    # GTK 4.8 keeps the hidden case view in the accessibility tree, visible:
    # where the keyboard is tells.
    ok(in_inbox(app) is not None and
       wait_for(lambda: focused(app) is not None and
                focused(app).getRoleName() == "table row" and
                not within(focused(app), case_view(app)), timeout=10) is not None,
       "Escape in the case goes back to the inbox, the keyboard on the list (on %s)"
       % getattr(focused(app), "name", None))
    ok(wait_for(lambda: selected_row(table) == chosen, timeout=5) is not None,
       "with the same case selected (%s)" % selected_row(table))
    press("j")
    after = order[min(order.index(chosen) + 1, len(order) - 1)] if chosen in order else None
    ok(wait_for(lambda: selected_row(table) == after, timeout=5) is not None,
       "and the keyboard on the list again: j selects %s (%s)"
       % (after, selected_row(table)))


def check_shortcuts_window(desk):
    """Ctrl+? (the accelerator of win.show-help-overlay) opens the
    shortcuts window of ui/cs-shortcuts-window.ui. Last: it checks that the
    desk lives through it."""
    app = desk.app
    keyboard_to_list(app)
    press("question", control=True)
    window = wait_for(lambda: find(app, role="frame", name="GtkShortcutsWindow") or
                      find(app, role="frame", name="Shortcuts"), timeout=10)
    ok(window is not None, "Ctrl+? opens the keyboard shortcuts window")
    listed = window is not None and wait_for(lambda: find(window, pattern="^Next case") and
                                             find(window, pattern="^Open the selected case"),
                                             timeout=5) is not None
    time.sleep(1)
    if listed:
        screenshot("shortcuts-window.png")
    alive = desk.process.poll() is None
    ok(alive and listed, "which lists the inbox's keys, and the desk lives "
                        "through it (%s)" % ("running" if alive else "ended with %s"
                                             % desk.process.returncode))
    if alive and window is not None:
        press("Escape")
        ok(wait_for(lambda: find(app, role="frame", name="GtkShortcutsWindow") is None and
                    find(app, role="frame", name="Shortcuts") is None, timeout=10) is not None,
           "and Escape closes it")


# 2. Filters --------------------------------------------------------------------------

def dropdown_choices(combo):
    """The choices of a drop-down's pop-up, once open: their accessible
    labels ("Forwarded, 10 cases"), in order."""
    popup = find(combo, role="list")
    if popup is None or not showing(popup):
        return []
    return [item.name for item in walk(popup)
            if item.name and re.match(r"^.+, \d+ cases?$", item.name)]


def choose(app, dropdown, choice):
    """Picks CHOICE (its name) from the drop-down named DROPDOWN, as a
    person does: opens it, goes down to the choice with the arrows, Enter.
    Returns the choice's count as the pop-up said it."""
    combo = find(app, role="combo box", name=dropdown)
    toggle = find(combo, role="push button")
    click(toggle)
    choices = wait_for(lambda: dropdown_choices(combo), timeout=10) or []
    names = [name.rsplit(", ", 1)[0] for name in choices]
    if choice not in names:
        press("Escape")
        return None
    current = names.index(current_choice(combo)) if current_choice(combo) in names else 0
    target = names.index(choice)
    for _ in range(abs(target - current)):
        press("Down" if target > current else "Up")
    press("Return")
    wait_for(lambda: current_choice(combo) == choice, timeout=5)
    count = choices[target].rsplit(", ", 1)[1].split(" ")[0]
    return int(count)


def current_choice(combo):
    """What a drop-down shows as chosen."""
    for node in walk(combo):
        try:
            if node.getRoleName() == "label" and showing(node) and node.name and \
               node.name != "(None)" and not re.match(r"^\d+$", node.name):
                return node.name
        except Exception:
            continue
    return None


def shown_count(app, table, total):
    line = status_line(app)
    match = re.match(r"^Showing (\d+) of %d cases$" % total, line or "")
    if match:
        return int(match.group(1))
    return total if line == "%d cases" % total else None


def check_filters(app, central, table):
    total = health_total(central)
    part = "SELECT count(*) FROM case_parts p WHERE p.department = 'health' AND "

    def check(dropdown, choice, expected, what):
        said = choose(app, dropdown, choice)
        rows = wait_for(lambda: len(table_rows(table)) == expected and
                        shown_count(app, table, total) == expected, timeout=10)
        ok(rows is not None,
           "%s: %d cases in the list and its count line, as on the server (%d rows, %s)"
           % (what, expected, len(table_rows(table)), status_line(app)))
        ok(said == expected, "and the drop-down counts them beside the choice (%s)" % said)

    forwarded = central.query(part + "p.state = 'forwarded'")[0][0]
    check("Case state", "Forwarded", forwarded, "the state filter Forwarded")
    choose(app, "Case state", "Any State")

    # Overdue, as the central platform counts it for supervision.
    token = central.sign_in("health-chief")
    status, stats = central.request("GET", "/v1/departments/health/stats?from=%s&to=%s&as_of=%s"
                                    % (TODAY, TODAY, TODAY), token)
    red = stats["open"]["red"] if status == 200 else -1
    choose(app, "Case state", "Open")
    check("Deadline", "Overdue", red, "open cases with the deadline filter Overdue")
    choose(app, "Deadline", "Any Deadline")
    choose(app, "Case state", "Any State")

    mine = central.query(part + "p.assignee_id = (SELECT id FROM users "
                                "WHERE username = 'health-approver')")[0][0]
    check("Whose cases", "Mine", mine, "the scope Mine")
    unclaimed = central.query(part + "p.assignee_id IS NULL AND p.state NOT IN ('decided')")[0][0]
    check("Whose cases", "Unclaimed", unclaimed, "the scope Unclaimed")
    check("Whose cases", "Everyone’s", total, "the scope Everyone’s")


# 3, 4, 6. A case: findings, a checklist problem, release -----------------------------

def open_case(app, number):
    """Finds a case by its number and opens it with Enter."""
    search = find(app, name="Search cases")
    type_into(search, number)
    wait_for(lambda: status_line(app) is not None and status_line(app).startswith("Showing 1 "),
             timeout=10)
    # What Enter does in the list (the keys themselves are checked above).
    wait_for(lambda: selected_row(find(app, role="tree table", name="Cases")) == number,
             timeout=10)
    widget_action(app, "CsInboxPage", "inbox.open")
    return wait_for(lambda: case_shown(app, number), timeout=30)


def back_to_inbox(app):
    widget_action(app, "CsCaseView", "case.back")
    in_inbox(app)
    type_into(find(app, name="Search cases"), "")


def material_title(view):
    """The name of the material shown in the viewer beside the case."""
    bar = find(view, name="Verdict on this material's item")
    if bar is None:
        return None
    panel = bar.parent
    label = panel.getChildAtIndex(0)
    return text_of(label)


def check_findings(app, central):
    """A finding about a material, activated, shows that material."""
    # The demo's cases with a training certificate over two years old: the
    # health plugin warns about that material.
    rows = central.query(
        "SELECT c.number, m.name FROM cases c JOIN case_parts p ON p.case_id = c.id "
        "JOIN materials m ON m.case_id = c.id WHERE p.department = 'health' "
        "AND p.matter_code = ? AND m.checklist_item = 'training' ORDER BY c.number", MATTER)
    for number, material in rows[:6]:
        view = open_case(app, number)
        if view is None:
            continue
        finding = wait_for(lambda: find(view, role="list item",
                                        pattern="^Warning: “%s” is dated" % re.escape(material)),
                           timeout=20)
        if finding is None or material_title(view) == material:
            back_to_inbox(app)
            continue
        before = material_title(view)
        mouse_click(finding)
        ok(wait_for(lambda: material_title(view) == material, timeout=10) is not None,
           "activating the finding about %s shows that material in the viewer (was %s, now %s)"
           % (material, before, material_title(view)))
        bar = find(view, name="Verdict on this material's item")
        ok(bar is not None and wait_for(lambda: find(bar, role="label", name=material.rsplit(".", 1)[0])
                                        or find(bar, role="label", pattern="培训"), timeout=5)
           is not None, "with its checklist item beside it")
        ok(wait_for(lambda: find(view, pattern=r"^Page 1 of \d+$"), timeout=20) is not None,
           "and its pages")
        screenshot("case-view-finding.png")
        back_to_inbox(app)
        return
    ok(False, "a demo case has a finding about its training certificate")


def check_problem_and_release(app, central):
    case_id, number = unclaimed_cases(central)[0]
    items = [row[0] for row in central.query(
        "SELECT code FROM checklist_items WHERE matter_code = ? ORDER BY position", MATTER)]
    names = dict(central.query("SELECT code, name FROM checklist_items WHERE matter_code = ?",
                               MATTER))
    view = open_case(app, number)
    if not ok(view is not None, "the unclaimed case %s opens" % number):
        return
    claim = wait_for(lambda: button(view, "Claim"), timeout=20)
    ok(claim is not None, "it offers Claim")
    if claim is None:
        return
    click(claim)
    ok(wait_for(lambda: button(view, "Release"), timeout=30) is not None and
       central.query("SELECT u.username FROM case_parts p JOIN users u ON u.id = p.assignee_id "
                     "WHERE p.case_id = ? AND p.department = 'health'", case_id)
       == [("health-approver",)], "once claimed (on the server too), it offers Release")

    # The training certificate is a problem, with a reason; the rest is in order.
    problem_item = "training"
    reason = "培训合格证明已超过两年，请提交最近一次的培训合格证明。"
    bar = find(view, name="Verdict on this material's item")
    in_bar = set(walk(bar)) if bar is not None else set()
    rows = [node for node in walk(view) if node.getRoleName() == "list item" and
            node.name and any(node.name.startswith(names[code] + ",") for code in items)]
    ok(len(rows) == len(items), "the checklist has its %d items (%d)" % (len(items), len(rows)))
    for row in rows:
        code = next(code for code in items if row.name.startswith(names[code] + ","))
        verdict = "Problem" if code == problem_item else "Verified"
        toggle = next((n for n in walk(row) if n.name == verdict and
                       n.getRoleName() != "label" and n not in in_bar), None)
        if toggle is not None:
            click(toggle)
        if code == problem_item:
            entry = wait_for(lambda: next((n for n in walk(row) if n.name == "Reason of the problem"
                                           and showing(n)), None), timeout=5)
            ok(entry is not None, "marking %s a problem asks for its reason" % names[code])
            if entry is not None:
                type_into(entry, reason)
    outcome = wait_for(lambda: button(view, "Supplement notice"), timeout=5)
    click(outcome)
    opinion = find(view, role="text", name="Review opinion")
    type_into(opinion, "培训合格证明过期，请申请人一次性补正。")
    save = wait_for(lambda: button(view, "Save Review"), timeout=5)
    ok(wait_for(lambda: sensitive(save), timeout=5) is not None,
       "with a reason for the problem, the supplement notice can be saved")
    click(save)
    ok(wait_for(lambda: find(view, pattern="^Review sent to the central platform"), timeout=30)
       is not None, "the case view says the review was sent")
    stored = central.query("SELECT proposed_outcome, checklist FROM reviews WHERE case_id = ?",
                           case_id)
    verdicts = {v["item"]: v for v in json.loads(stored[0][1])} if len(stored) == 1 else {}
    ok(len(stored) == 1 and stored[0][0] == "supplement", "the server holds the review (%r)"
       % [row[0] for row in stored])
    ok(verdicts.get(problem_item, {}).get("verdict") == "problem" and
       verdicts[problem_item].get("reason") == reason,
       "its checklist marks %s a problem, with the reason typed (%r)"
       % (problem_item, verdicts.get(problem_item)))
    ok(all(verdicts.get(code, {}).get("verdict") == "verified" for code in items
           if code != problem_item), "and the other items verified")

    # Release: the case is nobody's again, on the server and in the desk.
    release = wait_for(lambda: button(view, "Release"), timeout=10)
    click(release)
    ok(wait_for(lambda: central.query("SELECT assignee_id, state FROM case_parts "
                                      "WHERE case_id = ? AND department = 'health'", case_id)
                == [(None, "forwarded")], timeout=30) is not None,
       "after Release the server shows the case unassigned and forwarded again")
    ok(wait_for(lambda: button(view, "Claim"), timeout=30) is not None,
       "and the case offers Claim again")
    ok(wait_for(lambda: find(view, pattern="^Release sent to the central platform"), timeout=30)
       is not None, "the case view says the release was sent")
    back_to_inbox(app)


# 7. Live updates ---------------------------------------------------------------------

def keyboard_to_list(app):
    """Puts the keyboard on the case list as a person can from anywhere in
    the inbox: Ctrl+F, then Escape in the empty search. (Tab first when
    nothing of the window has the focus.)"""
    if focused(app) is None:
        press("Tab")
    press("f", control=True)
    press("Escape")
    return wait_for(lambda: focused(app) is not None and
                    focused(app).getRoleName() == "table row", timeout=5)


def row_tops(table):
    """Where each case's row is in the window (its top, in pixels), by case
    number, in one walk of the list: with the list's own top, how far the
    list is scrolled."""
    tops = {}
    for node in walk(table):
        try:
            if node.getRoleName() == "table row" and node.childCount > 0 and \
               node.getChildAtIndex(0).getRoleName() == "table cell":
                number = cell_text(node.getChildAtIndex(0))
                tops[number] = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS).y
        except Exception:
            continue
    return tops


def row_top(table, number):
    """Where the row of case NUMBER is in the window, or None."""
    return row_tops(table).get(number)


def rows_in_view(table, order):
    """The cases of ORDER whose rows are shown within the list's visible
    area. GTK 4.8 gives the rows it keeps out of view no place of their
    own: they all report one place (those above the view one, those below
    another), often inside the area; a row shown has a place no other row
    has."""
    area = table.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    all_tops = row_tops(table)
    tops = {number: all_tops.get(number) for number in order}
    seen = collections.Counter(tops.values())
    return {number for number, top in tops.items()
            if top is not None and seen[top] == 1 and area.y <= top < area.y + area.height}


def check_live_update(app, central, table):
    total = health_total(central)
    wait_for(lambda: status_line(app) == "%d cases" % total, timeout=10)
    order = [text for text, _ in table_rows(table)]
    # Down the list with the keyboard, far enough to scroll it: j...
    keyboard_to_list(app)
    shown = rows_in_view(table, order)
    for _ in range(30):
        press("j", pause=0.05)
    time.sleep(1)
    chosen = selected_row(table)
    ok(chosen in order and order.index(chosen) >= 30 and chosen not in shown and
                        chosen in rows_in_view(table, order),
                        "30 times j go down the list and scroll it to the case selected "
                        "(%s, its row at %s)" % (chosen, row_top(table, chosen)))
    # ... and the arrows, which move the list's focus too.
    keyboard_to_list(app)
    shown |= rows_in_view(table, order)
    press("Home")
    for _ in range(45):
        press("Down", pause=0.05)
    time.sleep(1)
    chosen = selected_row(table)
    # Only some 15 rows fit: the 41st or later in view, never shown
    # before, means the list scrolled; where its row is tells how far.
    scrolled_to = row_top(table, chosen)
    ok(chosen in order and order.index(chosen) >= 40 and chosen not in shown and
       chosen in rows_in_view(table, order),
       "45 times Down go down the list and scroll it to the case selected (%s, its row at %s)"
       % (chosen, scrolled_to))

    # Another case changes on the server: the chief claims it.
    others = [row for row in unclaimed_cases(central) if row[1] != chosen]
    case_id, number = others[-1]
    token = central.sign_in("health-chief")
    status, _ = central.request("POST", "/v1/cases/%s/claim" % case_id, token, body={})
    ok(status == 200, "the chief claims %s through the API (%d)" % (number, status))

    def assignee_shown():
        for node in walk(table):
            if node.getRoleName() == "table row" and node.childCount > 7:
                cells = [node.getChildAtIndex(i) for i in range(node.childCount)]
                if cell_text(cells[0]) == number:
                    return cell_text(cells[-1])
        return None
    chief = central.query("SELECT name FROM users WHERE username = 'health-chief'")[0][0]
    ok(wait_for(lambda: assignee_shown() == chief, timeout=30) is not None,
       "the event feed brings the change: %s shows %s as its assignee (%s)"
       % (number, chief, assignee_shown()))
    time.sleep(1)
    ok(selected_row(table) == chosen, "the selected case is still %s (%s)"
       % (chosen, selected_row(table)))
    ok(scrolled_to is not None and row_top(table, chosen) == scrolled_to,
       "and the list is scrolled as it was: its row is where it was (%s, %s)"
       % (scrolled_to, row_top(table, chosen)))


# 5. A write the server refuses -------------------------------------------------------

def check_refused_write(app, central):
    case_id, number = [row for row in unclaimed_cases(central) if central.query(
        "SELECT count(*) FROM reviews WHERE case_id = ?", row[0]) == [(0,)]][0]
    items = central.query("SELECT count(*) FROM checklist_items WHERE matter_code = ?",
                          MATTER)[0][0]
    view = open_case(app, number)
    if not ok(view is not None, "the case %s opens" % number):
        return
    click(wait_for(lambda: button(view, "Claim"), timeout=20))
    ok(wait_for(lambda: button(view, "Release"), timeout=30) is not None,
       "the approver claims %s" % number)
    bar = find(view, name="Verdict on this material's item")
    in_bar = set(walk(bar)) if bar is not None else set()
    for toggle in [n for n in walk(view) if n.name == "Verified" and n.getRoleName() != "label"
                   and n not in in_bar][:items]:
        click(toggle)
    click(wait_for(lambda: button(view, "Grant"), timeout=5))
    type_into(find(view, role="text", name="Review opinion"), "材料齐全，建议准予。")
    save = wait_for(lambda: button(view, "Save Review"), timeout=5)
    ok(wait_for(lambda: sensitive(save), timeout=5) is not None, "the review is ready to save")

    # Underneath the desk: while it cannot reach the server, the chief
    # takes the case over through the API (on another port of the same
    # server, which the desk does not know).
    central.stop()
    side, side_url = central.launch("127.0.0.1:0")
    try:
        token = central.sign_in("health-chief", url=side_url)
        released, _ = central.request("POST", "/v1/cases/%s/release" % case_id, token, body={},
                                      url=side_url)
        claimed, _ = central.request("POST", "/v1/cases/%s/claim" % case_id, token, body={},
                                     url=side_url)
    finally:
        side.terminate()
        side.wait(timeout=10)
    ok((released, claimed) == (200, 200),
       "meanwhile the chief releases and claims the case (%d, %d)" % (released, claimed))

    # The approver saves; the server, back, refuses it.
    save = wait_for(lambda: button(view, "Save Review"), timeout=5)
    ok(wait_for(lambda: sensitive(save), timeout=10) is not None,
       "with the server away the review can still be saved")
    click(save)
    ok(wait_for(lambda: find(view, pattern="^Review (waiting in|kept in) the outbox"), timeout=20)
       is not None, "and waits in the outbox")
    central.restart()
    widget_action(app, "CsCaseView", "case.reload")
    refused = wait_for(lambda: find(view, pattern="^Review refused: "), timeout=60)
    ok(refused is not None, "the review editor says the review was refused (%s)"
       % (refused and text_of(refused)))
    ok(refused is not None and re.search("claimed by|黄志明|not claimed by you", text_of(refused))
       is not None, "saying why: the case is another's")
    ok(wait_for(lambda: button(view, "Send Again"), timeout=5) is not None,
       "and offering Send Again, for the person to decide")
    time.sleep(5)
    ok(central.query("SELECT count(*) FROM reviews WHERE case_id = ?", case_id) == [(0,)],
       "nothing is retried behind the person's back: the server holds no review of %s" % number)
    ok(find(view, pattern="^Review refused: ") is not None, "and the refusal is still shown")
    screenshot("case-view-refused.png")
    back_to_inbox(app)


def run(folder, central):
    desk = Desk(folder, ["--today", TODAY, "--server", central.url])
    app = desk.app
    try:
        sign_in(app, central.url, "health-approver", "demo")
        total = health_total(central)
        ok(wait_for(lambda: status_line(app) == "%d cases" % total, timeout=60) is not None,
           "the approver is signed in, the inbox lists %d cases" % total)
        table = find(app, role="tree table", name="Cases")
        time.sleep(1)
        checks = (("keyboard", lambda: check_keyboard(app, central, table)),
                  ("filters", lambda: check_filters(app, central, table)),
                  ("findings", lambda: check_findings(app, central)),
                  ("problem", lambda: check_problem_and_release(app, central)),
                  ("live", lambda: check_live_update(app, central, table)),
                  ("refused", lambda: check_refused_write(app, central)),
                  ("shortcuts", lambda: check_shortcuts_window(desk)))
        # While working on one part: COUNTERSIGN_UI_ONLY=findings,live
        only = os.environ.get("COUNTERSIGN_UI_ONLY")
        for name, check in checks:
            if only and name not in only.split(","):
                continue
            if desk.process.poll() is not None:
                ok(False, "the desk is running (it ended with %s)" % desk.process.returncode)
                break
            check()
    finally:
        code = desk.stop()
    ok(code in (0, -15), "the desk quits cleanly (%s)" % code)


def main():
    pyatspi.setTimeout(20000, 60000)
    for name in ("COUNTERSIGN_CENTRAL", "COUNTERSIGN_DEMO_CACHE", "COUNTERSIGN_DESK",
                 "COUNTERSIGN_SCHEMA_DIR", "COUNTERSIGN_SCREENSHOTS"):
        if name not in os.environ:
            bail_out(name + " is not set (run through meson test)")
    folder = tempfile.mkdtemp(prefix="countersign-inbox-")
    central = Central(folder, TODAY)
    try:
        run(folder, central)
    finally:
        central.close()
    return finish()


if __name__ == "__main__":
    sys.exit(main())
