# python_example.py — a department plugin written in Python
#
# Copyright 2026 The Countersign authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The same CsDepartment interface as a C plugin, through the typelib of
# libcountersign (Countersign-1.typelib). libpeas's Python 3 loader finds
# the class that implements Countersign.Department in this module. It has
# no panel of its own (the desk shows its generic form panel); its checks
# use the core's validators; its wording is the core's standard wording.

import gettext

import gi

gi.require_version("Countersign", "1")
from gi.repository import Countersign, GLib, GObject  # noqa: E402

_ = gettext.translation("countersign", fallback=True).gettext

MATTER = "example.hello"


class ExampleDepartment(GObject.Object, Countersign.Department):
    __gtype_name__ = "PyExampleDepartment"

    def do_get_code(self):
        return "example"

    def do_get_matter_codes(self):
        return [MATTER]

    def do_check_case(self, context):
        kase = context.get_case()
        applicant = kase.get_applicant()
        findings = []

        try:
            Countersign.validate_resident_id(applicant.get_id_number())
        except GLib.Error as error:
            finding = Countersign.Finding.new(
                Countersign.FindingSeverity.ERROR,
                _("The applicant’s ID number is not valid: %s") % error.message)
            finding.set_field("applicant.id_number")
            findings.append(finding)

        for material in _items(kase.get_materials()):
            if context.get_material_text(material.get_id()) is None:
                finding = Countersign.Finding.new(
                    Countersign.FindingSeverity.INFO,
                    _("“%s” has no text the desk can read (a scan or a photo): check the "
                      "name and ID number on it by eye.") % material.get_name())
                finding.set_material(material.get_id())
                findings.append(finding)
        return findings

    def do_get_wording(self, kase, matter, outcome):
        return Countersign.wording_standard(kase, matter, outcome, None)


def _items(model):
    if model is None:
        return []
    return [model.get_item(i) for i in range(model.get_n_items())]
