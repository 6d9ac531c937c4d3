#!/usr/bin/python3
# tests/ui/test-department.py — the chief representative's department page,
# driven through the accessibility tree against a real countersign-central
# on the demo centre (TAP output). Screenshots go to COUNTERSIGN_SCREENSHOTS.
#
# Runs inside tests/ui/run-ui-test. Environment: COUNTERSIGN_CENTRAL,
# COUNTERSIGN_DEMO_CACHE, COUNTERSIGN_DESK, COUNTERSIGN_SCHEMA_DIR,
# COUNTERSIGN_SCREENSHOTS.
#
# Copyright 2026 The Countersign authors
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import os
import re
import subprocess
import sys
import tempfile
import time

import pyatspi

from uitest import (ok, bail_out, wait_for, walk, find, click, screenshot, text_of, finish,
                    showing, sign_in, widget_action, type_into, Desk, Central)

TODAY = "2026-11-18"


def notifications(path):
    try:
        with open(path) as f:
            return [line.rstrip("\n") for line in f]
    except FileNotFoundError:
        return []


def window_action(app, title, name):
    """Runs an action of the window titled TITLE (gtk_widget_class_install_action)."""
    frame = wait_for(lambda: find(app, role="frame", name=title))
    actions = frame.queryAction()
    for i in range(actions.nActions):
        if actions.getName(i) == name:
            return actions.doAction(i)
    raise LookupError("the window has no action %s" % name)


def count_beside(node):
    """The number shown in the same row as the label NODE."""
    row = node
    for _ in range(4):
        row = row.parent
        if row is None:
            return None
        for child in walk(row):
            if child is node or child.getRoleName() != "label":
                continue
            if re.fullmatch(r"[0-9]+", text_of(child) or child.name or ""):
                return int(text_of(child) or child.name)
    return None


def label(app, text):
    for node in walk(app):
        try:
            if node.getRoleName() == "label" and (node.name == text or text_of(node) == text) \
                    and showing(node):
                return node
        except Exception:
            continue
    return None


def run(folder, central):
    token = central.sign_in("health-chief")
    today = datetime.date.fromisoformat(TODAY)
    start = (today - datetime.timedelta(days=29)).isoformat()
    _, stats = central.request("GET", "/v1/departments/health/stats?from=%s&to=%s&as_of=%s"
                               % (start, TODAY, TODAY), token)

    notified = os.path.join(folder, "notifications.txt")
    server = subprocess.Popen(["/usr/bin/python3",
                               os.path.join(os.path.dirname(__file__), "notification-server.py"),
                               notified], stdout=subprocess.PIPE, text=True)
    if server.stdout.readline().strip() != "ready":
        bail_out("the notification server did not start")

    desk = Desk(folder, ["--today", TODAY])
    app = desk.app
    try:
        sign_in(app, central.url, "health-chief", "demo")
        ok(wait_for(lambda: find(app, role="frame", name="Countersign") is not None, timeout=60),
           "the chief representative is signed in")
        wait_for(lambda: find(app, pattern=r"^LW\d+") is not None, timeout=60)

        window_action(app, "Countersign", "win.department")
        page = wait_for(lambda: find(app, role="frame", name="Department"), timeout=30)
        ok(page is not None, "the department page opens in a window of its own")

        red = wait_for(lambda: label(app, "Red: overdue"), timeout=60)
        ok(red is not None, "the open cases are shown by clock state")
        for text, member in (("Red: overdue", "red"), ("Yellow: the deadline is near", "yellow"),
                             ("On track", "on_track"), ("Waiting for your signature",
                                                        "awaiting_signature"),
                             ("Supplements awaited from applicants", "supplement_requested"),
                             ("Due today", "due_today")):
            node = label(app, text)
            got = count_beside(node) if node is not None else None
            ok(got == stats["open"][member],
               "%s: %s on the page, %d from the server" % (text, got, stats["open"][member]))

        decided = stats["overall"]["decided"]
        ok(wait_for(lambda: any(re.match(r"Decided %d, within the promised limit " % decided,
                                         node.name or text_of(node) or "")
                                for node in walk(page)), timeout=10),
           "the period's figures: %d decided" % decided)

        for title in ("Open cases by clock state",
                      "Handling time against the statutory limit (working days)",
                      "Load per approver"):
            ok(label(app, title) is not None, "the chart: " + title)
        screenshot("department-page.png")

        tables = [node for node in walk(page)
                  if "button" in node.getRoleName() and (node.name or "") == "Table"]
        ok(len(tables) == 3, "each chart has its table (%d)" % len(tables))
        if tables:
            # The handling time's table: a row a matter.
            click(tables[1])
            matters = [m["name"] for m in stats["matters"]]
            ok(wait_for(lambda: all(label(app, name) is not None for name in matters), timeout=10),
               "the handling time's table shows the matters")
            screenshot("department-tables.png")
        # Work distribution: two cases handed to the approver, with a reason.
        widget_action(app, "CsDepartmentPage", "department.assign")
        dialog = wait_for(lambda: find(app, role="frame", name="Assign Cases"), timeout=20)
        ok(dialog is not None, "the assignment dialog opens")
        checks = [node for node in walk(dialog)
                  if node.getRoleName() in ("toggle button", "push button") and
                  re.match(r"LW\d+ · ", node.name or "")]
        ok(len(checks) >= 2, "it lists the cases that can be assigned (%d)" % len(checks))
        chosen = [re.match(r"(LW\d+)", node.name).group(1) for node in checks[:2]]
        for node in checks[:2]:
            click(node)
        type_into(wait_for(lambda: find(dialog, role="text", name="Reason")), "按工作量重新分配")
        screenshot("department-assign.png")
        click(find(dialog, role="push button", name="Assign"))
        rows = wait_for(lambda: central.query(
            "SELECT c.number, a.reason, json_extract(a.detail, '$.assignee') FROM audit a"
            " JOIN cases c ON c.id = a.case_id WHERE a.action = 'case.assigned'"
            " AND a.actor = 'health-chief'") or None, timeout=30)
        ok(rows is not None and sorted(r[0] for r in rows) == sorted(chosen) and
           all(r[1] == "按工作量重新分配" and r[2] == "health-approver" for r in rows),
           "the assignment reaches the audit trail: %s" % (rows,))

        widget_action(app, "CsDepartmentPage", "department.substitute")
        dialog = wait_for(lambda: find(app, role="frame", name="Name a Substitute"), timeout=20)
        ok(dialog is not None, "the substitution dialog opens")
        type_into(wait_for(lambda: find(dialog, role="text", name="Reason")), "年休假")
        click(find(dialog, role="push button", name="Save"))
        subs = wait_for(lambda: central.query(
            "SELECT a.username, b.username, s.from_date, s.to_date, s.reason FROM substitutions s"
            " JOIN users a ON a.id = s.absent_id JOIN users b ON b.id = s.substitute_id") or None,
            timeout=30)
        ok(subs == [("health-approver", "health-chief", TODAY, "2026-11-22", "年休假")],
           "the substitute is recorded: %s" % (subs,))

        # Yellow and red warnings on the desktop: many at once, one summary
        # per state; the same cases again are not warned about again.
        ok(wait_for(lambda: len(notifications(notified)) >= 2, timeout=30),
           "warnings on the desktop")
        sent = notifications(notified)
        for line in sent:
            sys.stdout.write("# notification: %s\n" % line)
        ok(any(re.fullmatch(r"\d+ cases are overdue", line) and
               int(line.split()[0]) >= stats["open"]["red"] for line in sent) and
           any(re.fullmatch(r"\d+ cases are nearly due", line) and
               int(line.split()[0]) >= stats["open"]["yellow"] for line in sent),
           "the summaries count at least the open red (%d) and yellow (%d) cases"
           % (stats["open"]["red"], stats["open"]["yellow"]))
        before = len(sent)
        widget_action(app, "CsInboxPage", "inbox.refresh")
        time.sleep(4)
        ok(len(notifications(notified)) == before, "no warning twice after a refresh")
    finally:
        code = desk.stop()
        server.terminate()
        server.wait(timeout=10)
    ok(code in (0, -15), "the desk exits cleanly (%s)" % code)


def main():
    pyatspi.setTimeout(20000, 60000)
    for name in ("COUNTERSIGN_CENTRAL", "COUNTERSIGN_DEMO_CACHE", "COUNTERSIGN_DESK",
                 "COUNTERSIGN_SCHEMA_DIR", "COUNTERSIGN_SCREENSHOTS"):
        if name not in os.environ:
            bail_out(name + " is not set (run through meson test)")
    folder = tempfile.mkdtemp(prefix="countersign-ui-")
    central = Central(folder, TODAY)
    try:
        run(folder, central)
    finally:
        central.close()
    return finish()


if __name__ == "__main__":
    sys.exit(main())
