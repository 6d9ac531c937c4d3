# tests/ui/uitest.py — what the UI tests share: TAP output, and finding and
# driving widgets through the accessibility tree (AT-SPI).
#
# Copyright 2026 The Countersign authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import time

import pyatspi

failures = 0
test_number = 0


def ok(condition, description):
    global failures, test_number
    test_number += 1
    print(("ok %d - %s" if condition else "not ok %d - %s") % (test_number, description),
          flush=True)
    if not condition:
        failures += 1
        # What the screen showed, for whoever reads the failure.
        try:
            print("# screen: " + screenshot("failure-%d.png" % test_number), flush=True)
        except Exception:
            pass
    return condition


def bail_out(message):
    print("Bail out! " + message, flush=True)
    sys.exit(99)


def wait_for(predicate, timeout=30.0, step=0.2):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            value = predicate()
        except Exception:  # the tree changes under us while the app works
            value = None
        # An accessible without children is false in pyatspi: test for
        # emptiness only where a list or a text was asked for.
        if value is not None and value is not False and \
           not (isinstance(value, (list, tuple, str)) and len(value) == 0):
            return value
        time.sleep(step)
    return None


def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    for i in range(node.childCount):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def find(root, role=None, name=None, pattern=None):
    for node in walk(root):
        try:
            if role is not None and node.getRoleName() != role:
                continue
            if name is not None and node.name != name:
                continue
            if pattern is not None and not re.search(pattern, node.name or ""):
                continue
            return node
        except Exception:
            continue
    return None


def find_app(process):
    def look():
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.get_process_id() == process.pid:
                return app
        return None
    return wait_for(look, timeout=90)


def widget_action(app, owner, name):
    """Runs one of a widget's own actions (gtk_widget_class_install_action),
    which GTK lists on the widget's accessible object."""
    node = find(app, name=owner)
    actions = node.queryAction()
    for i in range(actions.nActions):
        if actions.getName(i) == name:
            return actions.doAction(i)
    raise LookupError("%s has no action %s" % (owner, name))


def type_into(node, text):
    editable = node.queryEditableText()
    editable.setTextContents(text)


def click(node):
    node.queryAction().doAction(0)


def screenshot(name):
    folder = os.environ["COUNTERSIGN_SCREENSHOTS"]
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name)
    subprocess.run(["import", "-window", "root", path], check=True)
    return path


def text_of(node):
    # GTK 4.8 does not announce a label's new text as a name change: read
    # the text itself.
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except Exception:
        return node.name or ""


def button(app, name):
    found = []
    for node in walk(app):
        try:
            if node.name == name and node.getRoleName() in ("push button", "toggle button"):
                found.append(node)
        except Exception:  # a node gone while we looked
            continue
    return found[0] if len(found) == 1 else None


def sensitive(node):
    return node is not None and node.getState().contains(pyatspi.STATE_SENSITIVE)


class Desk:
    """The desk (COUNTERSIGN_DESK) started with ARGS, found on the accessibility
    bus. Settings persist between starts in the keyfile backend (in the
    private HOME of run-ui-test), or not at all with backend="memory"."""

    def __init__(self, folder, args, lang="C.UTF-8", backend="keyfile"):
        env = dict(os.environ)
        env["GSETTINGS_SCHEMA_DIR"] = os.environ["COUNTERSIGN_SCHEMA_DIR"]
        env["GSETTINGS_BACKEND"] = backend
        env["LANG"] = env["LC_ALL"] = lang
        env["LANGUAGE"] = "zh_CN" if lang.startswith("zh") else ""
        env.pop("NO_AT_BRIDGE", None)
        env["G_DEBUG"] = os.environ.get("COUNTERSIGN_DESK_G_DEBUG", "")
        # Xvfb has only software GL (llvmpipe), many times slower than
        # cairo here and nothing like a desktop's GPU; under the sanitizers
        # it is slower still.
        env.setdefault("GSK_RENDERER", "cairo")
        env.pop("COUNTERSIGN_TOKEN", None)
        self.log = open(os.path.join(folder, "desk-%d.log" % time.monotonic_ns()), "w")
        self.process = subprocess.Popen([os.environ["COUNTERSIGN_DESK"],
                                         "--data-dir", os.path.join(folder, "data")] + args,
                                        env=env, stdout=self.log, stderr=self.log)
        self.app = find_app(self.process)
        if self.app is None:
            self.process.kill()
            bail_out("the desk did not show up on the accessibility bus")

    def window(self, title):
        return wait_for(lambda: find(self.app, role="frame", name=title), timeout=30)

    def stop(self):
        self.process.terminate()
        try:
            code = self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self.log.close()
        return code


def finish():
    """Prints the plan; the exit status for the test's main()."""
    print("1..%d" % test_number, flush=True)
    return 1 if failures else 0


def showing(node):
    """Whether a widget is visible: GTK 4.8 marks it so, without "showing"."""
    try:
        states = node.getState()
        return node is not None and (states.contains(pyatspi.STATE_VISIBLE) or
                                     states.contains(pyatspi.STATE_SHOWING))
    except Exception:
        return False


def shown(app, role=None, name=None, pattern=None):
    """The first widget that matches and is on screen."""
    for node in walk(app):
        try:
            if role is not None and node.getRoleName() != role:
                continue
            if name is not None and node.name != name:
                continue
            if pattern is not None and not re.search(pattern, node.name or ""):
                continue
            if showing(node):
                return node
        except Exception:
            continue
    return None


def sign_in(app, url, username, password):
    """Fills the desk's sign-in page and signs in."""
    user = wait_for(lambda: find(app, role="text", name="Username"))
    server = find(app, role="text", name="Server Address")
    if server is not None and text_of(server) != url:
        type_into(server, url)
    type_into(user, username)
    type_into(find(app, role="text", name="Password") or
              find(app, role="password text", name="Password"), password)
    click(wait_for(lambda: find(app, role="push button", pattern="Sign In")))
