# tests/ui/uitest.py — what the UI tests share: TAP output, and finding and
# driving widgets through the accessibility tree (AT-SPI).
#
# Copyright 2026 The Countersign authors
# SPDX-License-Identifier: GPL-3.0-or-later

import atexit
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request

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


DESKS = []


def report_dead_desks():
    """What a desk that died said before it did, for the log of the run."""
    for desk in DESKS:
        code = desk.process.poll()
        if code is None or code >= 0 or not os.path.exists(desk.log.name):
            continue
        if not desk.log.closed:
            desk.log.flush()
        with open(desk.log.name, errors="replace") as log:
            for line in log.read().splitlines()[-40:]:
                print("# desk (killed by signal %d): %s" % (-code, line), flush=True)


atexit.register(report_dead_desks)


class Desk:
    """The desk (COUNTERSIGN_DESK) started with ARGS, found on the accessibility
    bus. Settings persist between starts in the keyfile backend (in the
    private HOME of run-ui-test), or not at all with backend="memory". A
    desk with a NAME has a data folder of its own (two people's desks in
    one test); EXTRA_ENV is added to the desk's environment."""

    def __init__(self, folder, args, lang="C.UTF-8", backend="keyfile", name=None,
                 extra_env=None):
        env = dict(os.environ)
        env.update(extra_env or {})
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
        # Beside the screenshots, in the build tree: kept after the test.
        logs = os.environ.get("COUNTERSIGN_SCREENSHOTS", folder)
        os.makedirs(logs, exist_ok=True)
        self.log = open(os.path.join(logs, "desk-%s%d.log"
                                     % (name + "-" if name else "", time.monotonic_ns())), "w")
        data = os.path.join(folder, "data-" + name if name else "data")
        self.process = subprocess.Popen([os.environ["COUNTERSIGN_DESK"], "--data-dir", data] + args,
                                        env=env, stdout=self.log, stderr=self.log)
        DESKS.append(self)
        self.app = find_app(self.process)
        if self.app is None:
            running = self.process.poll() is None
            self.process.kill()
            self.process.wait()
            self.log.close()
            # What the desk said, for the log of the run.
            with open(self.log.name, errors="replace") as log:
                for line in log.read().splitlines()[-40:]:
                    print("# desk: " + line, flush=True)
            bail_out("the desk did not show up on the accessibility bus (%s)"
                     % ("still running" if running else
                        "it exited with %d" % self.process.returncode))

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


class Central:
    """countersign-central on a free loopback port, over a database of its
    own in FOLDER seeded with the demo centre as of TODAY (SEED_ARGS are
    added to the seeding). A subclass may change the database in
    prepare() before the server starts."""

    def __init__(self, folder, today, seed_args=()):
        self.db = os.path.join(folder, "central.db")
        subprocess.run([os.environ["COUNTERSIGN_CENTRAL"], "--db", self.db, "--seed-demo",
                        "--today", today, "--demo-cache", os.environ["COUNTERSIGN_DEMO_CACHE"]] +
                       list(seed_args),
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.prepare()
        self.log = open(os.path.join(folder, "central.log"), "w")
        self.process, self.url = self.launch("127.0.0.1:0")

    def prepare(self):
        pass

    def launch(self, listen):
        """Another server on the same database, listening on LISTEN: its
        process and its address."""
        process = subprocess.Popen([os.environ["COUNTERSIGN_CENTRAL"], "--db", self.db,
                                    "--listen", listen],
                                   stdout=subprocess.PIPE, stderr=self.log, text=True)
        url = process.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            process.kill()
            bail_out("countersign-central did not start")
        return process, url

    def request(self, method, path, token=None, body=None, url=None):
        """The API's answer as (status, JSON), from this server or the one
        at URL."""
        headers = {"Content-Type": "application/json"}
        if token is not None:
            headers["Authorization"] = "Bearer " + token
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request((url or self.url) + path, data=data, headers=headers,
                                     method=method)
        try:
            with urllib.request.urlopen(req, timeout=30) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def sign_in(self, username, url=None):
        """A token of the demo account USERNAME, or None."""
        status, answer = self.request("POST", "/v1/sessions", url=url,
                                      body={"username": username, "password": "demo"})
        return answer["token"] if status in (200, 201) else None

    def query(self, sql, *args):
        """Rows of the server's database."""
        with sqlite3.connect(self.db) as db:
            return db.execute(sql, args).fetchall()

    def stop(self):
        """The server gone (the desk finds it unreachable)."""
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def restart(self):
        """The same server back, on the same address, after stop()."""
        self.process, _ = self.launch(self.url[len("http://"):])

    def close(self):
        self.stop()
        self.log.close()


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


# Real key events, as a person types them. pyatspi asks AT-SPI's registry
# daemon to synthesize them; on X11 it does so through the XTest extension,
# which Xvfb has. The daemon is started by D-Bus activation, with the
# environment of the session bus: run-ui-test starts that bus before Xvfb,
# so a test that types must first hand the bus DISPLAY and XAUTHORITY
# (use_real_keyboard()), before anything talks to the accessibility bus.
# Without them the daemon says "Could not open X display" and every key is
# silently lost.

KEYSYMS = {"Down": 0xff54, "Up": 0xff52, "Return": 0xff0d, "Escape": 0xff1b, "Tab": 0xff09,
           "End": 0xff57, "Home": 0xff50, "BackSpace": 0xff08, "space": 0x20,
           "question": 0x3f, "slash": 0x2f}
CONTROL_MASK = 1 << 2


def use_real_keyboard():
    """Gives the session bus's activated services (AT-SPI's registry
    daemon) the display, so that press() can synthesize keys. Call it
    before the first AT-SPI call of the test."""
    subprocess.run(["dbus-update-activation-environment", "DISPLAY", "XAUTHORITY"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def press(key, control=False, pause=0.15):
    """Presses and releases one key (a name of KEYSYMS or one character),
    with Control held if asked: real key events, through the X server."""
    keysym = KEYSYMS.get(key)
    if keysym is None:
        keysym = ord(key)
    if control:
        pyatspi.Registry.generateKeyboardEvent(CONTROL_MASK, None, pyatspi.KEY_LOCKMODIFIERS)
    try:
        pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    finally:
        if control:
            pyatspi.Registry.generateKeyboardEvent(CONTROL_MASK, None,
                                                   pyatspi.KEY_UNLOCKMODIFIERS)
    time.sleep(pause)


def type_keys(text, pause=0.08):
    """Types TEXT key by key (characters of KEYSYMS names or ASCII)."""
    for character in text:
        press(character, pause=pause)


def focused(root):
    """The widget that has the keyboard focus under ROOT, or None."""
    for node in walk(root):
        try:
            if node.getState().contains(pyatspi.STATE_FOCUSED):
                return node
        except Exception:
            continue
    return None


def table_rows(table):
    """The rows of a GtkColumnView (its accessible "tree table"), in order,
    without the header row: each as (first cell's text, selected)."""
    rows = []
    for node in walk(table):
        try:
            if node.getRoleName() != "table row" or node.childCount == 0:
                continue
            cell = node.getChildAtIndex(0)
            if cell.getRoleName() != "table cell":
                continue   # the header row holds column titles
            rows.append((cell_text(cell), node.getState().contains(pyatspi.STATE_SELECTED)))
        except Exception:
            continue
    return rows


def cell_text(cell):
    """The text of a table cell: its first label that says something (a
    cell may hold tags beside its text)."""
    for node in walk(cell):
        try:
            if node.getRoleName() == "label" and text_of(node):
                return text_of(node)
        except Exception:
            continue
    return ""


def selected_row(table):
    """The first cell's text of the selected row of TABLE, or None."""
    for text, selected in table_rows(table):
        if selected:
            return text
    return None


def mouse_click(node):
    """Clicks the middle of NODE with the real pointer (XTest, as press()).
    GTK 4 gives extents only within its window (asked for screen
    coordinates it warns, fatal for a fatal-warnings desk); without a
    window manager the window is at the screen's origin."""
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    x = extents.x + extents.width // 2
    y = extents.y + extents.height // 2
    pyatspi.Registry.generateMouseEvent(x, y, "b1c")
    return (x, y)


def ok_unless_known_bug(condition, description, bug):
    """A check that a known, reported bug of the desk makes fail: TAP's
    TODO directive, so that the failure is shown (meson: expected fail)
    without failing the suite, and the check itself stays as it should be.
    Once the bug is fixed it passes, which meson reports as an unexpected
    pass: the sign to make it an ok() again."""
    global test_number
    test_number += 1
    print(("ok %d - %s # TODO %s" if condition else "not ok %d - %s # TODO %s")
          % (test_number, description, bug), flush=True)
    if not condition:
        try:
            print("# screen: " + screenshot("failure-%d.png" % test_number), flush=True)
        except Exception:
            pass
    return condition
