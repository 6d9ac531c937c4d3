#!/usr/bin/python3
# tests/ui/test-signing.py — the chief representative signs decisions at
# the desk, driven through the accessibility tree against a real
# countersign-central (TAP output): one grant from the case view, with its
# document shown in the viewer first, then a batch of 50 from the inbox;
# the server holds 51 verified decisions, and the text of the signed
# document is the text the desk showed.
#
# Runs inside tests/ui/run-ui-test. Environment: COUNTERSIGN_CENTRAL,
# COUNTERSIGN_DEMO_CACHE, COUNTERSIGN_DESK, COUNTERSIGN_SCHEMA_DIR,
# COUNTERSIGN_SCREENSHOTS.
#
# Copyright 2026 The Countersign authors
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

import pyatspi

import uitest
from uitest import (ok, bail_out, wait_for, walk, find, widget_action, type_into, click,
                    screenshot, text_of, sensitive, shown, sign_in, finish, Desk)

TODAY = "2026-11-18"
MATTER = "health.radiation-worker"
BATCH = 50


class Central(uitest.Central):
    """A demo centre whose health department has 51 grants of one matter
    waiting for its chief, and one more proposal whose checklist is
    unfinished."""

    def __init__(self, folder):
        self.demo = os.path.join(folder, "demo")
        super().__init__(folder, TODAY, ["--demo-dir", self.demo])

    def prepare(self):
        with sqlite3.connect(self.db) as db:
            waiting = "FROM case_parts p JOIN reviews r ON r.case_id = p.case_id AND r.final " \
                      "AND r.department = p.department " \
                      "WHERE p.department = 'health' AND p.matter_code = '%s' " \
                      "AND p.state = 'reviewed'" % MATTER
            grants = [row[0] for row in db.execute(
                "SELECT p.case_id %s AND r.proposed_outcome = 'grant' ORDER BY p.case_id"
                % waiting)]
            others = [row[0] for row in db.execute(
                "SELECT p.case_id %s AND r.proposed_outcome != 'grant' ORDER BY p.case_id"
                % waiting)]
            if len(grants) < 2 or not others:
                bail_out("the demo centre has too few proposals of %s" % MATTER)
            # One proposal whose checklist lacks a required item: blocked.
            blocked = others[0]
            checklist = json.loads(db.execute(
                "SELECT checklist FROM reviews WHERE case_id = ? AND final", (blocked,))
                .fetchone()[0])
            checklist = [v for v in checklist if v["item"] != "health-exam"]
            db.execute("UPDATE reviews SET checklist = ?, proposed_outcome = 'grant' "
                       "WHERE case_id = ? AND final", (json.dumps(checklist), blocked))
            # The other proposals back with the approver: not the chief's yet.
            for case_id in others[1:]:
                db.execute("UPDATE case_parts SET state = 'under_review', "
                           "summary = json_set(summary, '$.status', 'under_review') "
                           "WHERE case_id = ? AND department = 'health'", (case_id,))
            # Copies of the grants, with their reviews and materials, up to 51.
            seq = db.execute("SELECT max(updated_seq) FROM case_parts").fetchone()[0]
            for i in range(BATCH + 1 - len(grants)):
                source = grants[i % len(grants)]
                copy = "%s-c%d" % (source, i)
                seq += 1
                db.execute("INSERT INTO cases SELECT ?, number || '-' || ?, matter_code, "
                           "lead_department, applicant, form, site, route, priority, "
                           "green_channel, received_at, accepted_on, version, ?, updated_at "
                           "FROM cases WHERE id = ?", (copy, i, seq, source))
                db.execute("INSERT INTO case_parts SELECT ?, department, matter_code, role, "
                           "state, assignee_id, extension_days, suspensions, "
                           "supplement_requested_on, outcome, decided_on, ?, updated_at, "
                           "json_set(summary, '$.id', ?, '$.number', "
                           "json_extract(summary, '$.number') || '-' || ?) "
                           "FROM case_parts WHERE case_id = ?", (copy, seq, copy, i, source))
                db.execute("INSERT INTO reviews (case_id, department, author_id, opinion, "
                           "proposed_outcome, final, checklist, created_at) "
                           "SELECT ?, department, author_id, opinion, proposed_outcome, final, "
                           "checklist, created_at FROM reviews WHERE case_id = ? ORDER BY id",
                           (copy, source))
                db.execute("INSERT INTO materials SELECT id, ?, position, matter_code, "
                           "checklist_item, name, media_type, size, sha256, pages, received_at "
                           "FROM materials WHERE case_id = ?", (copy, source))
            self.blocked = blocked


def expired_key(folder, demo):
    """A chief's key whose certificate, from the centre's CA, ran out in 2021."""
    key = os.path.join(folder, "expired-key.pem")
    cert = os.path.join(folder, "expired.pem")
    p12 = os.path.join(folder, "expired.p12")
    template = os.path.join(folder, "expired.cfg")
    with open(template, "w") as out:
        out.write('cn = "Expired Chief"\nactivation_date = "2020-01-01 00:00:00"\n'
                  'expiration_date = "2021-01-01 00:00:00"\nsigning_key\n')
    quiet = dict(check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["certtool", "--generate-privkey", "--key-type", "rsa", "--bits", "2048",
                    "--outfile", key], **quiet)
    subprocess.run(["certtool", "--generate-certificate", "--load-privkey", key,
                    "--load-ca-certificate", os.path.join(demo, "ca.pem"),
                    "--load-ca-privkey", os.path.join(demo, "ca-key.pem"),
                    "--template", template, "--outfile", cert], **quiet)
    subprocess.run(["certtool", "--to-p12", "--load-privkey", key, "--load-certificate", cert,
                    "--p12-name", "expired", "--password", "demo", "--outder",
                    "--outfile", p12], **quiet)
    return p12


TOKEN_URI = "pkcs11:token=countersign-ui;object=chief"
TOKEN_PIN = "123456"


def token_with_chief_key(folder, demo):
    """A SoftHSM token holding the health chief's key and certificate (the
    one the centre has registered); returns the SOFTHSM2_CONF to use."""
    conf = os.path.join(folder, "softhsm2.conf")
    tokens = os.path.join(folder, "tokens")
    os.makedirs(tokens)
    with open(conf, "w") as out:
        out.write("directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n"
                  % tokens)
    env = dict(os.environ, SOFTHSM2_CONF=conf, GNUTLS_PIN=TOKEN_PIN)
    quiet = dict(check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    p12 = os.path.join(demo, "health-chief.p12")
    key = os.path.join(folder, "token-key.pem")
    cert = os.path.join(folder, "token-cert.pem")
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", "countersign-ui",
                    "--pin", TOKEN_PIN, "--so-pin", "87654321"], **quiet)
    subprocess.run(["openssl", "pkcs12", "-in", p12, "-passin", "pass:demo", "-nodes",
                    "-nocerts", "-out", key], **quiet)
    subprocess.run(["openssl", "pkcs12", "-in", p12, "-passin", "pass:demo", "-clcerts",
                    "-nokeys", "-out", cert], **quiet)
    for what, path in (("--load-privkey", key), ("--load-certificate", cert)):
        subprocess.run(["p11tool", "--login", "--write", what, path, "--label", "chief",
                        "--id", "01", "pkcs11:token=countersign-ui"], **quiet)
    return conf


def sign_dialog(app):
    return wait_for(lambda: shown(app, role="push button", name="Open Key"), timeout=20)


def open_key(app, path, password):
    """Fills the sign dialog with a key file and its password and opens it."""
    path_entry = wait_for(lambda: shown(app, role="text", name="Key file"))
    secret = wait_for(lambda: shown(app, role="password text", name="Password of the key file")
                      or shown(app, role="text", name="Password of the key file"))
    if path_entry is None or secret is None:
        print("# texts: %r" % [(n.getRoleName(), n.name) for n in walk(app)
                               if n.getRoleName() in ("text", "password text")])
        return False
    type_into(path_entry, path)
    if password is None:
        # Kept in the keyring: filled in by the dialog itself.
        if wait_for(lambda: shown(app, name="The password kept in the keyring is filled in."),
                    timeout=20) is None:
            return False
    else:
        type_into(secret, password)
    time.sleep(0.3)
    click(shown(app, role="push button", name="Open Key"))
    return True


def decision_text(app):
    view = shown(app, role="text", name="Decision text")
    return text_of(view) if view is not None else None


def words(text):
    return re.sub(r"\s+", "", text or "")


def pdf_text(data, folder, name):
    path = os.path.join(folder, name + ".pdf")
    with open(path, "wb") as out:
        out.write(data)
    return subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                          text=True).stdout


def check_approver(folder, central, number):
    """An approver sees no sign action."""
    desk = Desk(folder, ["--today", TODAY, "--server", central.url], backend="memory",
                name="approver")
    app = desk.app
    sign_in(app, central.url, "health-approver", "demo")
    search = wait_for(lambda: find(app, name="Search cases"), timeout=60)
    ok(search is not None, "the approver's inbox opens")
    time.sleep(1)
    ok(shown(app, role="push button", name="Sign Proposals…") is None,
       "an approver's inbox offers no batch signing")
    type_into(search, number)
    time.sleep(0.8)
    widget_action(app, "CsInboxPage", "inbox.open")
    ok(wait_for(lambda: shown(app, pattern="^Promised limit"), timeout=30) is not None,
       "the approver opens a proposal waiting for the chief")
    time.sleep(1)
    ok(shown(app, role="push button", name="Sign Decision…") is None and
       shown(app, role="push button", name="Show Document") is None,
       "and sees no decision to sign")
    desk.stop()


def sign_one(folder, central, app, number, case_id, expired):
    search = wait_for(lambda: find(app, name="Search cases"), timeout=60)
    type_into(search, number)
    time.sleep(0.8)
    widget_action(app, "CsInboxPage", "inbox.open")
    ok(wait_for(lambda: shown(app, pattern="^Promised limit"), timeout=30) is not None,
       "the chief opens the proposal %s" % number)

    outcomes = wait_for(lambda: shown(app, name="Decision outcome"))
    ok(outcomes is not None, "the case view has the chief's decision")
    grant = outcomes and find(outcomes, name="Grant")
    ok(grant is not None and (grant.getState().contains(pyatspi.STATE_CHECKED) or
                              grant.getState().contains(pyatspi.STATE_PRESSED)),
       "the approver's proposal, Grant, is chosen to begin with")
    ok(wait_for(lambda: shown(app, pattern="proposes: Grant")) is not None,
       "and the proposal is shown with its opinion")
    marked = wait_for(lambda: [n for n in walk(app) if n.name == "Verified" and
                               n.getRoleName() != "label" and
                               (n.getState().contains(pyatspi.STATE_CHECKED) or
                                n.getState().contains(pyatspi.STATE_PRESSED))])
    items = central.query("SELECT json_array_length(checklist) FROM reviews WHERE case_id = ? "
                          "AND final ORDER BY id DESC LIMIT 1", case_id)[0][0]
    ok(marked is not None and len(marked) >= items,
       "the checklist shows the approver's %d verdicts (%d)" % (items, len(marked or [])))
    granted = wait_for(lambda: decision_text(app))
    ok(granted is not None and "radiation" in granted,
       "the health plugin's wording of a grant is filled in (%r)" % (granted or "")[:60])

    # The rules, in words, before anything can be signed.
    deny = find(outcomes, name="Deny")
    click(deny)
    ok(wait_for(lambda: shown(app, pattern="^A denial must give its reasons")) is not None,
       "a denial without reasons is explained")
    preview = shown(app, role="push button", name="Show Document")
    ok(preview is not None and not sensitive(preview), "and its document cannot be shown")
    reasons = wait_for(lambda: shown(app, role="text", name="Reasons for the denial"))
    ok(reasons is not None, "a denial asks for its reasons")
    extension = find(outcomes, name="Extension")
    ok(extension is not None, "the chief can extend the limit")
    if extension is not None:
        click(extension)
        placeholder = wait_for(lambda: shown(
            app, pattern=r"^The decision text still has a placeholder to fill in: \[state the "
                         r"reason for the extension\]$"))
        ok(placeholder is not None, "a placeholder of the wording left unfilled is refused")
        ok(shown(app, role="spin button", name="Working days added") is not None,
           "an extension says how many working days it adds")
    click(grant)
    ok(wait_for(lambda: decision_text(app) == granted) is not None,
       "back to Grant, its wording again")

    signb = shown(app, role="push button", name="Sign Decision…")
    ok(signb is not None and not sensitive(signb), "nothing is signed before it is shown")
    try:
        shown(app, role="text", name="Decision text").queryComponent().grabFocus()
        time.sleep(0.5)
        screenshot("decision-editor.png")
    except Exception:
        pass
    click(wait_for(lambda: shown(app, role="push button", name="Show Document")))
    ok(wait_for(lambda: shown(app, pattern=r"^Decision document, to be signed$"), timeout=30)
       is not None, "the decision document is shown in the viewer")
    ok(wait_for(lambda: shown(app, pattern=r"^Page 1 of 1$"), timeout=30) is not None,
       "one page of it")
    digest = wait_for(lambda: shown(app, pattern=r"SHA-256 [0-9a-f]{64}$"))
    shown_sha = digest and re.search(r"[0-9a-f]{64}$", text_of(digest)).group(0)
    time.sleep(1)
    screenshot("decision-shown.png")

    signb = wait_for(lambda: sensitive(shown(app, role="push button", name="Sign Decision…"))
                     and shown(app, role="push button", name="Sign Decision…"))
    ok(signb is not None, "once shown, it can be signed")
    click(signb)

    # A certificate out of date is refused before signing.
    ok(sign_dialog(app) is not None, "the sign dialog asks for the key")
    ok(open_key(app, expired, "demo"), "the key file and its password can be typed in")
    refusal = wait_for(lambda: shown(app, pattern="^This certificate cannot sign"), timeout=30)
    ok(refusal is not None, "an expired certificate is refused in words (%s)"
       % (refusal and text_of(refusal)))
    ok(wait_for(lambda: shown(app, pattern="Expired Chief")) is not None,
       "and its subject is shown")
    ok(not sensitive(shown(app, role="push button", name="Sign")),
       "and it cannot sign")
    screenshot("sign-dialog-expired.png")

    open_key(app, os.path.join(central.demo, "health-chief.p12"), "wrong")
    wrong = wait_for(lambda: [n for n in walk(app) if n.getRoleName() == "status bar" and
                              text_of(n).startswith("The password of the key file")], timeout=30)
    ok(wrong is not None and not sensitive(shown(app, role="push button", name="Sign")),
       "a wrong password is refused in words (%s)" % (wrong and text_of(wrong[0])))

    remember = shown(app, pattern="^Remember the PIN in the keyring")
    ok(remember is not None, "the PIN or password can be kept in the keyring")
    click(remember)
    key = os.path.join(central.demo, "health-chief.p12")
    open_key(app, key, "demo")
    ok(wait_for(lambda: shown(app, pattern="^The key is open and its certificate is in date"),
                timeout=30) is not None, "the chief's own key opens")
    kept = wait_for(lambda: subprocess.run(["secret-tool", "lookup", "key", "pkcs12:" + key,
                                            "username", "health-chief"], capture_output=True,
                                           text=True).stdout == "demo", timeout=10)
    ok(kept is not None, "asked to, the desk keeps the key's password in the keyring")
    issuer = wait_for(lambda: shown(app, pattern="CA|Certificate Authority|证书"))
    ok(issuer is not None, "its certificate's issuer is shown")
    ok(shown(app, pattern=r"^\d{4}-\d\d-\d\d \d\d:\d\d to \d{4}-") is not None,
       "and its validity")
    time.sleep(0.5)
    screenshot("sign-dialog.png")
    click(wait_for(lambda: sensitive(shown(app, role="push button", name="Sign")) and
                   shown(app, role="push button", name="Sign")))
    ok(wait_for(lambda: shown(app, pattern="^Signed decision sent to the central platform"),
                timeout=60) is not None, "the case view says the signed decision was sent")

    stored = central.query("SELECT outcome, document_sha256, document FROM decisions "
                           "WHERE case_id = ?", case_id)
    ok(len(stored) == 1 and stored[0][0] == "grant", "the server holds the grant")
    ok(len(stored) == 1 and stored[0][1] == shown_sha,
       "the document signed is the document shown (SHA-256 %s)" % shown_sha)
    if stored:
        text = pdf_text(stored[0][2], folder, "single")
        ok(words(granted) in words(text),
           "the decision document's text is the text the desk showed")
    time.sleep(1)
    screenshot("decision-sent.png")
    widget_action(app, "CsCaseView", "case.back")


def sign_batch(folder, central, app):
    widget_action(app, "CsInboxPage", "inbox.sign-proposals")
    status = wait_for(lambda: shown(app, pattern=r"^\d+ proposals? wait"), timeout=120)
    ok(status is not None and text_of(status).startswith(
        "%d proposals wait for your decision: %d ready to sign, 1 blocked" % (BATCH + 1, BATCH)),
       "the batch lists the matter's proposals and what blocks them (%s)"
       % (status and text_of(status)))
    ok(shown(app, pattern="^The checklist is unfinished: no verdict on") is not None,
       "the proposal with an unfinished checklist says so")
    first = wait_for(lambda: find(app, role="list", name="Proposals to sign"))
    first = first and first.childCount > 0 and first.getChildAtIndex(0)
    ok(first is not None and re.search(r"checklist is unfinished", " ".join(
        text_of(n) for n in walk(first))) is not None, "what is blocked is listed first")
    show = wait_for(lambda: [n for n in walk(app) if n.getRoleName() == "push button" and
                             re.match(r"^Show the decision document of case ", n.name or "")
                             and sensitive(n)])
    ok(show is not None and len(show) == BATCH,
       "each proposal ready to sign can show its document (%d)" % len(show or []))
    time.sleep(0.5)
    screenshot("batch-listed.png")
    if show:
        number = show[0].name.rsplit(" ", 1)[1]
        click(show[0])
        ok(wait_for(lambda: find(app, role="frame", pattern=r"\[2026\] No\. %s$"
                                 % re.escape(number)), timeout=30) is not None,
           "and shows it in a viewer window")
        time.sleep(1)
        screenshot("batch-document.png")

    click(wait_for(lambda: shown(app, role="push button", name="Sign All…")))
    ok(sign_dialog(app) is not None, "signing the batch asks for the key once")
    path = wait_for(lambda: shown(app, role="text", name="Key file"))
    chief_key = os.path.join(central.demo, "health-chief.p12")
    ok(path is not None and wait_for(lambda: text_of(path) == chief_key) is not None,
       "the dialog starts from the key chosen last time")
    ok(wait_for(lambda: shown(app, name="The password kept in the keyring is filled in."),
                timeout=20) is not None,
       "the key file's password kept in the keyring is filled in by itself")

    # This time, the same key on a token.
    click(shown(app, role="push button", name="Token"))
    uri = wait_for(lambda: shown(app, role="text", name="Token key (pkcs11: URI)"))
    pin = wait_for(lambda: shown(app, role="text", name="PIN"))
    ok(uri is not None and pin is not None, "a key on a token is given by its URI and PIN")
    type_into(uri, TOKEN_URI)
    type_into(pin, "000000")
    time.sleep(0.3)
    click(shown(app, role="push button", name="Open Key"))
    refused = wait_for(lambda: [n for n in walk(app) if n.getRoleName() == "status bar" and
                                "PIN" in text_of(n) and "Logging" not in text_of(n)],
                       timeout=30)
    ok(refused is not None and not sensitive(shown(app, role="push button", name="Sign")),
       "a wrong PIN is refused in words (%s)" % (refused and text_of(refused[0])))
    type_into(pin, TOKEN_PIN)
    time.sleep(0.3)
    click(shown(app, role="push button", name="Open Key"))
    ok(wait_for(lambda: shown(app, pattern="^The key is open and its certificate is in date"),
                timeout=30) is not None, "the chief's key on the token opens")
    ok(shown(app, pattern="黄志明") is not None, "its certificate names the chief")
    kept = wait_for(lambda: subprocess.run(["secret-tool", "lookup", "key", TOKEN_URI,
                                            "username", "health-chief"], capture_output=True,
                                           text=True).stdout == TOKEN_PIN, timeout=10)
    ok(kept is not None, "the token's PIN is kept in the keyring, as the chief still asks")
    screenshot("sign-dialog-token.png")
    sign = wait_for(lambda: sensitive(shown(app, role="push button", name="Sign")) and
                    shown(app, role="push button", name="Sign"), timeout=30)
    ok(sign is not None, "the key opens")
    click(sign)
    started = time.monotonic()
    progress = wait_for(lambda: shown(app, pattern=r"^Signed \d+ of %d" % BATCH), timeout=30)
    ok(progress is not None, "the batch shows its progress (%s)"
       % (progress and text_of(progress)))
    time.sleep(1)
    screenshot("batch-signing.png")
    done = "Signed %d of %d: %d sent, 0 waiting, 0 refused, 0 not signed; 1 blocked." % (
        BATCH, BATCH, BATCH)
    final = wait_for(lambda: shown(app, name=done) or
                     (status is not None and text_of(status) == done and status), timeout=240)
    ok(final is not None, "every decision of the batch is signed and sent (%s), in %.1f s"
       % (status and text_of(status), time.monotonic() - started))
    rows = [n for n in walk(app) if n.getRoleName() == "label" and text_of(n) == "Sent"]
    ok(len(rows) == BATCH, "each item says it was sent (%d)" % len(rows))
    time.sleep(0.5)
    screenshot("batch-done.png")


def check_server(folder, central):
    decisions = central.query("SELECT d.case_id, d.signed_bytes, d.signature, d.document, "
                              "d.document_sha256 FROM decisions d JOIN users u "
                              "ON u.id = d.signer_id WHERE u.username = 'health-chief'")
    ok(len(decisions) == BATCH + 1, "the server holds %d decisions (%d)"
       % (BATCH + 1, len(decisions)))
    verified = 0
    for i, (case_id, payload, signature, document, sha) in enumerate(decisions):
        paths = [os.path.join(folder, "d%d.%s" % (i, ext)) for ext in ("json", "p7s")]
        for path, data in zip(paths, (payload, signature)):
            with open(path, "wb") as out:
                out.write(data)
        result = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER",
                                 "-in", paths[1], "-content", paths[0], "-CAfile",
                                 os.path.join(central.demo, "ca.pem"), "-out", "/dev/null"], capture_output=True)
        signed = json.loads(payload)
        if result.returncode == 0 and signed.get("case_id") == case_id and \
           signed.get("document_sha256") == sha:
            verified += 1
    ok(verified == BATCH + 1, "each signature verifies with openssl cms against the demo CA "
       "and names its case and document (%d)" % verified)
    decided = central.query("SELECT count(*) FROM case_parts WHERE department = 'health' "
                            "AND matter_code = ? AND state = 'decided' AND outcome = 'grant' "
                            "AND decided_on IS NOT NULL AND case_id IN "
                            "(SELECT case_id FROM decisions)", MATTER)[0][0]
    ok(decided == BATCH + 1, "and the %d cases are decided (%d)" % (BATCH + 1, decided))
    blocked = central.query("SELECT count(*) FROM decisions WHERE case_id = ?", central.blocked)
    ok(blocked == [(0,)], "the blocked proposal was not signed")


def main():
    pyatspi.setTimeout(20000, 60000)
    for name in ("COUNTERSIGN_CENTRAL", "COUNTERSIGN_DEMO_CACHE", "COUNTERSIGN_DESK",
                 "COUNTERSIGN_SCHEMA_DIR", "COUNTERSIGN_SCREENSHOTS"):
        if name not in os.environ:
            bail_out(name + " is not set (run through meson test)")

    folder = tempfile.mkdtemp(prefix="countersign-ui-decisions-")
    central = Central(folder)
    try:
        number, case_id = central.query(
            "SELECT c.number, c.id FROM cases c JOIN case_parts p ON p.case_id = c.id "
            "JOIN reviews r ON r.case_id = c.id AND r.final AND r.proposed_outcome = 'grant' "
            "WHERE p.department = 'health' AND p.matter_code = ? AND p.state = 'reviewed' "
            "AND c.id NOT LIKE '%-c%' ORDER BY c.number LIMIT 1", MATTER)[0]
        expired = expired_key(folder, central.demo)
        check_approver(folder, central, number)

        softhsm = token_with_chief_key(folder, central.demo)
        desk = Desk(folder, ["--today", TODAY, "--server", central.url], backend="memory",
                    name="chief", extra_env={"SOFTHSM2_CONF": softhsm})
        app = desk.app
        sign_in(app, central.url, "health-chief", "demo")
        ok(wait_for(lambda: shown(app, role="push button", name="Sign Proposals…"), timeout=60)
           is not None, "the chief's inbox offers batch signing")
        sign_one(folder, central, app, number, case_id, expired)
        sign_batch(folder, central, app)
        check_server(folder, central)
        ok(desk.stop() in (0, -15), "the desk quits cleanly")
    finally:
        central.close()
    return finish()


if __name__ == "__main__":
    sys.exit(main())
